"""The shipped stubs match the native module (mypy.stubtest), and the
package type-checks strictly against them."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import oewg


def test_stubs_match_the_runtime(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "oewg", "--mypy-config-file", "/dev/null"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_py_typed_and_stubs_are_shipped() -> None:
    pkg = Path(oewg.__file__).parent
    assert (pkg / "py.typed").is_file()
    assert (pkg / "_oewg.pyi").is_file()


def test_package_type_checks_strictly(tmp_path: Path) -> None:
    user = tmp_path / "user.py"
    user.write_text(
        "import oewg\n"
        "s = oewg.parse('Chair: Hello.\\n')\n"
        "n: int = s.statements[0].word_count\n"
        "label: str = s.statements[0].speaker.label\n"
        "sessions: list[oewg.Session] = oewg.parse_many([])\n"
        "result: oewg.ParseManyResult = oewg.parse_many([], errors='collect')\n"
    )
    out = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", str(user)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_docstrings_name_every_table_and_skip_reason() -> None:
    # The reasons the core can give, from its JSON Schema; the tables the
    # binding accepts, from its own error message.
    reasons = [r["const"] for r in oewg.json_schema()["$defs"]["SkipReason"]["oneOf"]]
    assert "unattributed_text" in reasons
    for reason in reasons:
        assert f"``{reason}``" in (oewg.Skipped.reason.__doc__ or ""), reason
    with pytest.raises(ValueError) as e:
        oewg.parse("Chair: Hello.\n").to_arrow("votes")
    tables = re.findall(r'"(\w+)"', str(e.value).split("expected one of", 1)[1])
    assert "proposals" in tables
    for table in tables:
        assert f'``"{table}"``' in (oewg.Session.to_arrow.__doc__ or ""), table
