"""parse_many: input order, threads, the three error modes, progress."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import oewg


@pytest.fixture()
def folder(tmp_path: Path, verbatim_path: Path, report_path: Path) -> list[Path]:
    """Copies of the seeds and records of our own, in a known order."""
    paths = []
    for i in range(6):
        src = verbatim_path if i % 2 == 0 else report_path
        dst = tmp_path / f"{i:02d}_{src.name}"
        shutil.copy(src, dst)
        paths.append(dst)
    for i, text in enumerate(["Chair: one.\n", "Cuba: two words.\n"]):
        p = tmp_path / f"own_{i}.txt"
        p.write_text(text)
        paths.append(p)
    return paths


def test_results_keep_input_order_on_any_number_of_threads(folder: list[Path]) -> None:
    one = oewg.parse_many(folder, threads=1)
    for threads in (2, 4, None):
        many = oewg.parse_many(list(reversed(folder)), threads=threads)
        assert [s.path for s in many] == [str(p) for p in reversed(folder)]
        assert list(reversed(many)) == one
    assert [len(s) for s in one] == [115, 64, 115, 64, 115, 64, 1, 1]
    assert one[0] == oewg.parse_file(folder[0])


def _with_bad(folder: list[Path], tmp_path: Path) -> tuple[list[Path], Path, Path]:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    missing = tmp_path / "missing.txt"
    return [folder[0], empty, folder[1], missing, folder[6]], empty, missing


def test_errors_raise(folder: list[Path], tmp_path: Path) -> None:
    paths, empty, _ = _with_bad(folder, tmp_path)
    with pytest.raises(oewg.ParseError) as info:
        oewg.parse_many(paths)
    assert info.value.path == str(empty)
    assert str(info.value).startswith(f"{empty}:1:1: empty input")


def test_errors_skip_warns_and_keeps_the_rest(folder: list[Path], tmp_path: Path) -> None:
    paths, empty, missing = _with_bad(folder, tmp_path)
    with pytest.warns(oewg.SkippedFilesWarning, match="skipped 2 of 5 files") as w:
        sessions = oewg.parse_many(paths, errors="skip")
    assert str(empty) in str(w[0].message) and str(missing) in str(w[0].message)
    assert [s.path for s in sessions] == [str(folder[0]), str(folder[1]), str(folder[6])]


def test_errors_collect_returns_both(folder: list[Path], tmp_path: Path) -> None:
    paths, empty, missing = _with_bad(folder, tmp_path)
    result = oewg.parse_many(paths, errors="collect", threads=2)
    assert isinstance(result, oewg.ParseManyResult)
    assert [s.path for s in result.sessions] == [str(folder[0]), str(folder[1]), str(folder[6])]
    assert [e.path for e in result.errors] == [str(empty), str(missing)]
    assert isinstance(result.errors[0].error, oewg.ParseError)
    assert isinstance(result.errors[1].error, FileNotFoundError)
    assert result.errors[1].error.filename == str(missing)


def test_bad_arguments(folder: list[Path]) -> None:
    with pytest.raises(ValueError, match="errors must be"):
        oewg.parse_many(folder, errors="ignore")  # type: ignore[call-overload]
    with pytest.raises(ValueError, match="unknown format"):
        oewg.parse_many(folder, format="pdf")
    assert oewg.parse_many([]) == []
    # One path alone would be read character by character: refused.
    for one in (str(folder[0]), folder[0]):
        with pytest.raises(TypeError, match="iterable of paths, not one path.*use parse_file"):
            oewg.parse_many(one)  # type: ignore[call-overload]
    # A folder: the way to read one is named.
    with pytest.raises(TypeError, match=r"not one path .*oewg\.Corpus\(folder\)"):
        oewg.parse_many(folder[0].parent)  # type: ignore[call-overload]
    with pytest.raises(IsADirectoryError, match=r"oewg\.Corpus\(folder\)"):
        oewg.parse_many([folder[0].parent])
    for threads in (0, -1, 1.5, True):
        with pytest.raises(ValueError, match="threads must be a positive number"):
            oewg.parse_many(folder, threads=threads)  # type: ignore[call-overload]


def test_a_corpus_of_one_folder_or_file(folder: list[Path]) -> None:
    whole = oewg.Corpus(folder[0].parent)
    assert len(whole) == len(oewg.Corpus([folder[0].parent])) == len(folder)
    assert [s.path for s in oewg.Corpus(str(folder[0]))] == [str(folder[0])]


def test_progress_bar(folder: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
    sessions = oewg.parse_many(folder * 20, progress=True, threads=2)
    assert len(sessions) == 160
    err = capsys.readouterr().err
    assert "oewg" in err and "160/160" in err


def test_no_progress_bar_when_not_asked(folder: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
    oewg.parse_many(folder, progress=False)
    oewg.parse_many(folder)  # short work, no terminal under pytest's capture
    assert capsys.readouterr().err == ""


def test_progress_callback_counts_up_to_the_total(folder: list[Path]) -> None:
    from oewg import _oewg

    seen: list[int] = []
    results = _oewg.parse_many_raw([str(p) for p in folder * 50], 2, seen.append)
    assert len(results) == 400
    assert seen == sorted(seen) and seen[-1] == 400


def test_an_error_in_the_progress_callback_stops_the_work(folder: list[Path]) -> None:
    from oewg import _oewg

    def boom(done: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        _oewg.parse_many_raw([str(p) for p in folder * 200], 1, boom)


def test_analyses_made_a_batch_at_a_time_equal_those_of_parse(
    tmp_path: Path, verbatim_path: Path, report_path: Path
) -> None:
    # parse_many analyses up to 16 files together (oewg_core::analyze_batch),
    # the batch cut at 4 MB of text, a record of 16 MB or more alone: more
    # than 16 files, a 5 MB record and a 17 MB one, and errors among them,
    # in one call, so that every way through shares batches.
    fixtures = sorted((Path(__file__).resolve().parents[2] / "oewg-core" / "tests" / "fixtures").glob("*.txt"))
    assert len(fixtures) >= 5
    turn = (
        "Chair: I give the floor to Chile, to be followed by Peru.\n"
        "Chile: Thank you. We align with the statement by the EU and support the proposal by Canada.\n"
        "Peru: We cannot support the proposal by Canada.\n"
    )
    medium, large = tmp_path / "medium.txt", tmp_path / "large.txt"
    medium.write_text(turn * (5_000_000 // len(turn)))
    large.write_text(turn * (17_000_000 // len(turn)))
    empty, missing = tmp_path / "empty.txt", tmp_path / "missing.txt"
    empty.write_text("\n")
    good = [verbatim_path, report_path, *fixtures, medium, report_path, verbatim_path, large, *fixtures[:3]]
    paths = [*good[:4], empty, *good[4:9], missing, *good[9:]]
    assert len(paths) > 16
    expected = [oewg.parse(p.read_bytes()).to_dict()["analysis"] for p in good]
    for threads in (1, 2):
        result = oewg.parse_many(paths, errors="collect", threads=threads)
        assert [s.path for s in result.sessions] == [str(p) for p in good]
        assert [e.path for e in result.errors] == [str(empty), str(missing)]
        got = [s.to_dict()["analysis"] for s in result.sessions]
        for p, g, e in zip(good, got, expected):
            assert g == e, p
    assert any(e["proposals"] for e in expected)
    bare = oewg.parse_many(good[:3], analyses=False)
    assert [s.to_dict()["analysis"]["proposals"] for s in bare] == [[], [], []]


def test_a_folder_reads_its_records_not_hidden_files_nor_subfolders(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("Chair: one.\n")
    (tmp_path / "b.TXT").write_text("Cuba: two.\n")
    # A macOS resource fork: no text at all, and no record.
    (tmp_path / "._a.txt").write_bytes(b"\x00\x05\x16\x07\xff\xfe")
    (tmp_path / "sub" / "c.txt").write_text("Peru: three.\n")
    assert [p.name for p in oewg._oewg.record_files(tmp_path)] == ["a.txt", "b.TXT"]
    c = oewg.Corpus(tmp_path)
    assert [s.statements[0].speaker.label for s in c] == ["Chair", "Cuba"]
    # Paths as bytes are paths too.
    assert len(oewg.Corpus(bytes(tmp_path))) == 2
    assert len(oewg.parse_many([bytes(tmp_path / "a.txt")])) == 1
    assert len(oewg.Corpus([bytes(tmp_path / "a.txt")])) == 1
    # A file given twice, by itself and in its folder: one record.
    assert len(oewg.Corpus([tmp_path, tmp_path / "a.txt", str(tmp_path / "sub" / ".." / "a.txt")])) == 2
    # A folder with no record is said, not an empty corpus: raised, or
    # kept with the other errors, or warned of.
    empty = _empty(tmp_path)
    with pytest.raises(ValueError, match=r"no \.txt or \.md records in this folder"):
        oewg.Corpus(empty)
    kept = oewg.Corpus([empty, tmp_path], errors="collect")
    assert len(kept) == 2 and [e.path for e in kept.errors] == [str(empty)]
    assert isinstance(kept.errors[0].error, ValueError)
    with pytest.warns(oewg.SkippedFilesWarning, match="folders of no records"):
        assert len(oewg.Corpus([empty, tmp_path], errors="skip")) == 2


def _empty(tmp_path: Path) -> Path:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.pdf").write_bytes(b"%PDF")
    return empty
