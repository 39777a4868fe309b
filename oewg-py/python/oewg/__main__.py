"""``oewg`` / ``python -m oewg``: the command line of the example program,
for pip users. Same subcommands, output and exit codes: 0 on success, 1 on
a parse or read error (the message names file, line and column), 2 on a
usage error. Three differences: ``COMMAND --help`` prints the command's entry
of the usage text (the example program prints clap's fuller help), a usage
error is worded its own way (what the command was given, and its line of the
usage text), and
``stats --timings`` times the layers the Python API reaches (finding the
turns, the parse, the parse with every analysis), not each analysis alone.
"""

from __future__ import annotations

import os
import shlex
import sys
import time
from typing import Callable, List, Optional, Sequence

from . import _oewg
from ._errors import ParseError
from ._many import Corpus, _once, parse_many
from ._oewg import Session

USAGE = _oewg.USAGE.rstrip("\n")


class Usage(Exception):
    """A command line that makes no sense: exit status 2."""


class InputFailure(Exception):
    """A file that cannot be read or parsed: exit status 1."""


class PartialFailure(Exception):
    """Some records failed, the others were done: their output, then the
    failures, and exit status 1."""

    def __init__(self, out: str, message: str) -> None:
        super().__init__(message)
        self.out = out


def _read(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError as e:
        raise InputFailure(f"{path}: {e.strerror or e}") from e


def _parse(name: str, data: bytes, format: Optional[str] = None) -> Session:
    try:
        return _oewg.parse(data, format)
    except ParseError as e:
        raise InputFailure(f"{name}:{e}") from e


def summary(name: str, data: bytes) -> str:
    """The readable summary the example program prints."""
    return _parse(name, data).summary(name)


def command_help(cmd: str) -> Optional[str]:
    """``COMMAND --help``: the command's entry of the usage text (its line
    and the lines that go on from it), or None for no such command."""
    lines = USAGE.splitlines()
    for i, line in enumerate(lines):
        if line.startswith(f"  {cmd} ") or line == f"  {cmd}":
            block = [f"oewg {line.strip()}"]
            for go_on in lines[i + 1 :]:
                if not go_on.startswith("    "):
                    break
                block.append(go_on)
            return "\n".join(block) + "\n"
    return None


def timings(paths: Sequence[str]) -> str:
    """``stats --timings``: to stderr, the time of each layer over every
    file, one thread: finding the turns, the parse without the analyses,
    and the parse with them (the layers the Python API reaches; the example
    program also times each analysis alone). Prints nothing to stdout."""
    data = [_read(p) for p in paths]
    nbytes = sum(len(d) for d in data)

    def row(name: str, work: Callable[[bytes], object]) -> None:
        start = time.perf_counter()
        for p, d in zip(paths, data):
            try:
                work(d)
            except ParseError as e:
                raise InputFailure(f"{p}:{e}") from e
        took = time.perf_counter() - start
        rate = nbytes / took / 1e6 if took > 0 else float("inf")
        print(f"{name:<14} {took:8.3f} s {rate:9.1f} MB/s", file=sys.stderr)

    row("segment", _oewg.segment)
    row("parse", lambda d: _oewg.parse(d, analyses=False))
    row("parse+analyses", _oewg.parse)
    return ""


def stats(args: Sequence[str]) -> str:
    """``files=N statements=N words=N bytes=N`` over every file."""
    segment_only = analyses = timed = False
    jobs = 1
    paths: List[str] = []
    it = iter(args)
    for a in it:
        if a == "--segment":
            segment_only = True
        elif a == "--analyses":
            analyses = True
        elif a == "--timings":
            timed = True
        elif a == "--jobs":
            n = next(it, None)
            if n is None or not n.isdigit():
                raise Usage("--jobs takes a number")
            jobs = int(n)
        else:
            paths.append(a)
    if not paths:
        raise Usage("stats takes at least one FILE")
    if timed and segment_only:
        raise Usage("--timings times every layer: not with --segment")
    if timed:
        return timings(paths)
    nbytes = statements = words = speakers = 0
    if segment_only:
        for p in paths:
            data = _read(p)
            try:
                turns = _oewg.segment(data)
            except ParseError as e:
                raise InputFailure(f"{p}:{e}") from e
            nbytes += len(data)
            statements += len(turns)
            words += sum(t.word_count for t in turns)
    else:
        try:
            sessions = parse_many(paths, threads=jobs or None, progress=False, analyses=analyses)
        except ParseError as e:
            raise InputFailure(str(e)) from e
        except OSError as e:
            raise InputFailure(f"{e.filename}: {e.strerror or e}") from e
        for p, s in zip(paths, sessions):
            with open(p, "rb") as f:
                nbytes += f.seek(0, 2)
            statements += len(s)
            words += s.word_count
            if analyses:
                speakers += len(s.floor())
    line = f"files={len(paths)} statements={statements} words={words} bytes={nbytes}"
    if analyses:
        line += f" speakers={speakers}"
    return line + "\n"


def _corpus(inputs: Sequence[str]) -> "tuple[Corpus, List[str]]":
    """The records of ``inputs`` (a folder gives its .txt and .md files),
    parsed in parallel; and the failures, as the example program words them."""
    paths: List[str] = []
    for i in inputs:
        try:
            found = [os.fspath(p) for p in _oewg.record_files(i)]
        except OSError as e:
            raise InputFailure(str(e)) from e
        if not found:
            raise InputFailure(f"{i}: no .txt or .md records in this directory (its subdirectories are not read)")
        paths.extend(found)
    result = parse_many(_once(paths), errors="collect")
    failures = [f"{f.path}: {f.error}" if isinstance(f.error, OSError) else str(f.error) for f in result.errors]
    return Corpus(result.sessions), failures


def corpus(args: Sequence[str]) -> str:
    """``corpus DIR_OR_FILES... --out DIR``: every export, and one line of counts."""
    rest = list(args)
    if "--out" not in rest or rest.index("--out") + 1 >= len(rest):
        raise Usage("corpus needs --out DIR")
    i = rest.index("--out")
    out = rest[i + 1]
    inputs = rest[:i] + rest[i + 2 :]
    if not inputs:
        raise Usage("corpus takes at least one DIR_OR_FILE")
    c, failures = _corpus(inputs)
    try:
        files = c.write(out)
    except OSError as e:
        raise InputFailure(str(e)) from e
    statements = sum(len(s) for s in c)
    line = (
        f"sessions={len(c)} statements={statements} proposals={len(c.proposals())} "
        f"positions={len(c.stance_matrix().cells)} files={len(files)} out={out}\n"
    )
    if failures:
        raise PartialFailure(line, "\noewg: ".join(failures))
    return line


def positions(args: Sequence[str]) -> str:
    """``positions FILE...``: the stance matrix."""
    if not args:
        raise Usage("positions takes at least one FILE")
    c, failures = _corpus(args)
    text = c.render_positions()
    if failures:
        raise PartialFailure(text, "\noewg: ".join(failures))
    return text


def run(args: Sequence[str]) -> str:
    """The output of the command line ``args``; raises Usage or InputFailure."""
    match = list(args)
    if not match:
        return summary("sample", _oewg.SAMPLE.encode())
    cmd, rest = match[0], match[1:]
    if cmd in ("-h", "--help", "help") and not rest:
        return USAGE + "\n"
    # `help COMMAND` is `COMMAND --help`, as `help` alone is `--help`.
    if cmd == "help" and len(rest) == 1:
        cmd, rest = rest[0], ["--help"]
    if "--help" in rest or "-h" in rest:
        text = command_help(cmd)
        if text is None:
            raise Usage(f'unknown command "{cmd}"')
        return text
    if cmd == "summary" and len(rest) == 1:
        return summary(rest[0], _read(rest[0]))
    if cmd == "json":
        if len(rest) == 1:
            fmt, path = None, rest[0]
        elif len(rest) == 3 and rest[0] == "--format":
            path = rest[2]
            # The core reads the name (in any case), as `parse` does.
            try:
                # An argument that was not UTF-8 arrives with lone surrogates:
                # named with U+FFFD in the core's message, not a codec's.
                fmt = _oewg.format_name(rest[1].encode("utf-8", "surrogateescape").decode("utf-8", "replace"))
            except ValueError as e:
                raise Usage(str(e)) from None
        else:
            raise _misuse(cmd, rest)
        return _parse(path, _read(path), fmt).to_json() + "\n"
    if cmd == "stats":
        return stats(rest)
    if cmd == "corpus":
        return corpus(rest)
    if cmd == "positions":
        return positions(rest)
    if cmd == "render" and len(rest) == 2:
        kind, path = rest
        if kind not in ("md", "markdown", "html", "json"):
            raise Usage(f'unknown rendering "{kind}"')
        return _parse(path, _read(path)).render(kind)
    if cmd == "report" and rest and len(rest) <= 2:
        html = "--html" in rest
        paths = [a for a in rest if a != "--html"]
        if len(paths) == 1 and len(rest) == len(paths) + int(html):
            return _parse(paths[0], _read(paths[0])).render("html" if html else "md")
    if cmd in ("summary", "render", "report"):
        raise _misuse(cmd, rest)
    raise Usage(f'unknown command "{cmd}"')


def _misuse(cmd: str, rest: Sequence[str]) -> Usage:
    """A known command given the wrong arguments: what it was given, and its
    line of the usage text."""
    given = shlex.join(rest) if rest else "nothing"
    # The usage text's first line has each command's options ("json
    # [--format …] FILE"); its own entry below, without the description,
    # for one not there. The whole list is in brackets: no command at all
    # is the embedded sample's summary.
    top = USAGE.splitlines()[0].removeprefix("usage: oewg ").strip("[]").split(" | ")
    usage = next((u for u in top if u.startswith(f"{cmd} ")), None)
    if usage is None:
        usage = (command_help(cmd) or f"oewg {cmd}").splitlines()[0].split("  ")[0].removeprefix("oewg ")
    return Usage(f"{cmd} was given {given} (usage: oewg {usage})")


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Runs the command line; returns the exit status."""
    args = sys.argv[1:] if argv is None else argv
    try:
        out = run(args)
    except Usage as e:
        print(f"oewg: {e}\n{USAGE}", file=sys.stderr)
        return 2
    except InputFailure as e:
        print(f"oewg: {e}", file=sys.stderr)
        return 1
    except PartialFailure as e:
        sys.stdout.write(e.out)
        sys.stdout.flush()
        print(f"oewg: {e}", file=sys.stderr)
        return 1
    try:
        sys.stdout.write(out)
        sys.stdout.flush()
    except BrokenPipeError:
        # A reader that stops early (`| head`) is not an error.
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
