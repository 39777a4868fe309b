"""`python -m oewg` and the `oewg` script: the example program's
subcommands, output and exit codes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PY = [sys.executable, "-m", "oewg"]


def run(args: list[str], **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, **kw)  # type: ignore[call-overload, no-any-return]


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["summary", "{verbatim}"],
        ["summary", "{report}"],
        ["json", "{report}"],
        ["json", "--format", "verbatim", "{verbatim}"],
        ["render", "md", "{verbatim}"],
        ["render", "html", "{report}"],
        ["render", "json", "{report}"],
        ["report", "{verbatim}"],
        ["report", "--html", "{report}"],
        ["report", "{report}", "--html"],
        ["stats", "{verbatim}", "{report}"],
        ["stats", "--segment", "{verbatim}", "{report}"],
        ["stats", "--analyses", "--jobs", "0", "{verbatim}", "{report}"],
        ["positions", "{verbatim}", "{report}"],
        ["--help"],
    ],
)
def test_same_output_as_the_native_program(
    args: list[str], native_oewg: list[str], verbatim_path: Path, report_path: Path
) -> None:
    args = [a.format(verbatim=verbatim_path, report=report_path) for a in args]
    ours = run(PY + args)
    native = run(native_oewg + args)
    assert ours.returncode == native.returncode == 0, ours.stderr
    assert ours.stdout == native.stdout


@pytest.mark.parametrize(
    "args, status",
    [
        (["frobnicate"], 2),
        (["stats"], 2),
        (["stats", "--jobs", "x", "f"], 2),
        (["json"], 2),
        (["json", "--format", "pdf", "{verbatim}"], 2),
        (["render", "pdf", "{verbatim}"], 2),
        (["summary", "{missing}"], 1),
        (["json", "{empty}"], 1),
        (["stats", "{verbatim}", "{empty}"], 1),
        (["stats", "--segment", "{empty}"], 1),
    ],
)
def test_exit_codes_match_the_native_program(
    args: list[str], status: int, native_oewg: list[str], verbatim_path: Path, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n")
    args = [
        a.format(verbatim=verbatim_path, missing=tmp_path / "missing.txt", empty=empty) for a in args
    ]
    ours = run(PY + args)
    native = run(native_oewg + args)
    assert (ours.returncode, native.returncode) == (status, status)
    assert ours.stdout == ""
    assert ours.stderr.startswith("oewg: ")
    if status == 1 and "empty" in " ".join(args):
        assert ours.stderr == native.stderr  # "oewg: FILE:1:1: empty input: …"


@pytest.mark.parametrize(
    "args, says",
    [
        (["summary", "a", "b"], "summary was given a b (usage: oewg summary FILE)"),
        (["render", "md"], "render was given md (usage: oewg render md|html|json FILE)"),
        (["report"], "report was given nothing (usage: oewg report [--html] FILE)"),
        (["json", "--format", "md"], "json was given --format md (usage: oewg json [--format "),
    ],
)
def test_a_known_command_used_wrongly_says_what_it_takes(args: list[str], says: str) -> None:
    r = run(PY + args)
    assert r.returncode == 2
    first = r.stderr.splitlines()[0]
    assert first.startswith(f"oewg: {says}"), first
    assert "unknown command" not in r.stderr


def test_json_format_is_read_by_the_core_in_any_case(native_oewg: list[str], tmp_path: Path) -> None:
    rec = tmp_path / "turns.txt"
    rec.write_text("Chair: Good morning.\nPeru: Thank you.\n")
    for given in ["Turns", " turns", "TURNS"]:
        ours = run(PY + ["json", "--format", given, str(rec)])
        native = run(native_oewg + ["json", "--format", given, str(rec)])
        assert ours.returncode == native.returncode == 0, ours.stderr
        assert ours.stdout == native.stdout
    # No such layout: a usage error with the core's words, before the file is read.
    ours = run(PY + ["json", "--format", "pdf", str(tmp_path / "missing.txt")])
    assert ours.returncode == 2
    assert ours.stderr.startswith('oewg: unknown format "pdf": expected verbatim, report, turns')


def test_json_reads_stdin(verbatim_path: Path) -> None:
    out = run(PY + ["json", "-"], input=verbatim_path.read_text())
    assert out.returncode == 0 and '"format": "verbatim"' in out.stdout


def test_console_script_is_installed() -> None:
    script = shutil.which("oewg", path=os.path.dirname(sys.executable))
    assert script, "the oewg console script is not installed beside python"
    out = run([script])
    assert out.returncode == 0 and "statements" in out.stdout


def test_corpus_writes_the_same_files_as_the_native_program(
    native_oewg: list[str], verbatim_path: Path, report_path: Path, tmp_path: Path
) -> None:
    seeds = str(verbatim_path.parent)
    ours = run(PY + ["corpus", seeds, "--out", str(tmp_path / "py")])
    native = run(native_oewg + ["corpus", seeds, "--out", str(tmp_path / "rs")])
    assert ours.returncode == native.returncode == 0, ours.stderr + native.stderr
    assert ours.stdout.replace(str(tmp_path / "py"), "OUT") == native.stdout.replace(str(tmp_path / "rs"), "OUT")
    assert ours.stdout.startswith("sessions=2 statements=179 ")
    py_files = sorted(p.relative_to(tmp_path / "py") for p in (tmp_path / "py").rglob("*") if p.is_file())
    rs_files = sorted(p.relative_to(tmp_path / "rs") for p in (tmp_path / "rs").rglob("*") if p.is_file())
    assert py_files == rs_files and len(py_files) == 11
    assert Path("documents.csv") in py_files
    for f in py_files:
        assert (tmp_path / "py" / f).read_bytes() == (tmp_path / "rs" / f).read_bytes(), f


def test_corpus_and_positions_usage_and_failures(tmp_path: Path, verbatim_path: Path) -> None:
    assert run(PY + ["corpus", str(verbatim_path)]).returncode == 2  # no --out
    assert run(PY + ["positions"]).returncode == 2
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    r = run(PY + ["positions", str(verbatim_path), str(bad)])
    assert r.returncode == 1 and "empty.txt" in r.stderr
    assert r.stdout.startswith("proposals:"), "the records that parsed are still shown"
    # A folder of no records is an error, as in the native program.
    (tmp_path / "none").mkdir()
    r = run(PY + ["positions", str(tmp_path / "none")])
    assert r.returncode == 1 and "no .txt or .md records in this directory" in r.stderr


def test_every_command_has_help_from_the_usage_text(native_oewg: list[str]) -> None:
    usage = run(PY + ["--help"]).stdout
    for cmd in ["summary", "json", "stats", "render", "report", "corpus", "positions"]:
        ours = run(PY + [cmd, "--help"])
        assert ours.returncode == 0, ours.stderr
        assert ours.stdout.startswith(f"oewg {cmd}"), ours.stdout
        # Each line of it is the usage text's (the first without its indent).
        first, *rest = ours.stdout.splitlines()
        assert f"  {first.removeprefix('oewg ')}" in usage.splitlines()
        assert all(line in usage.splitlines() for line in rest)
        # The native program knows the same commands' --help.
        assert run(native_oewg + [cmd, "--help"]).returncode == 0
        # `help COMMAND` is `COMMAND --help`, in both.
        assert run(PY + ["help", cmd]).stdout == ours.stdout
        assert run(native_oewg + ["help", cmd]).stdout == run(native_oewg + [cmd, "--help"]).stdout
    stats = run(PY + ["stats", "--help"]).stdout
    assert "--timings" in stats and "--jobs N" in stats
    nothing = run(PY + ["frobnicate", "--help"])
    assert nothing.returncode == 2 and 'unknown command "frobnicate"' in nothing.stderr


def test_stats_timings_times_each_layer_on_stderr(
    native_oewg: list[str], verbatim_path: Path, report_path: Path
) -> None:
    ours = run(PY + ["stats", "--timings", str(verbatim_path), str(report_path)])
    assert ours.returncode == 0, ours.stderr
    assert ours.stdout == ""
    rows = [line.rsplit(None, 4) for line in ours.stderr.splitlines()]
    assert [r[0] for r in rows] == ["segment", "parse", "parse+analyses"]
    for _, seconds, s, rate, unit in rows:
        assert (s, unit) == ("s", "MB/s") and float(seconds) >= 0 and float(rate) > 0
    # The native program prints rows of the same shape, and more of them.
    native = run(native_oewg + ["stats", "--timings", str(verbatim_path)])
    assert native.returncode == 0 and native.stderr.startswith("segment ")
    assert run(PY + ["stats", "--timings", "--segment", str(verbatim_path)]).returncode == 2
    missing = run(PY + ["stats", "--timings", str(verbatim_path) + ".missing"])
    assert missing.returncode == 1 and missing.stderr.startswith("oewg: ")
