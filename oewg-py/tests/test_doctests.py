"""The examples in the docstrings run, native functions' included."""

from __future__ import annotations

import doctest

import oewg
from oewg import _errors, _many


def test_docstring_examples() -> None:
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    seen = set()
    tests = []
    for obj in [oewg, _errors, _many, *(getattr(oewg, n) for n in oewg.__all__)]:
        for t in finder.find(obj, getattr(obj, "__name__", repr(obj)), globs={"oewg": oewg}):
            if t.examples and t.name not in seen:
                seen.add(t.name)
                tests.append(t)
    for t in tests:
        runner.run(t)
    result = runner.summarize(verbose=False)
    assert result.failed == 0
    # parse, detect_format, segment, parse_many, Corpus, ParseError, the package
    assert len(tests) >= 7, sorted(seen)
