"""Errors arrive as Python exceptions with their parts; no input reaches a
panic (a pyo3 PanicException derives from BaseException, so it would fail
these tests rather than be caught)."""

from __future__ import annotations

import pickle
import random
from pathlib import Path

import pytest

import oewg


def test_parse_error_carries_line_column_and_what_was_expected() -> None:
    with pytest.raises(oewg.ParseError) as info:
        oewg.parse("Chair: hello\n", format="report")
    e = info.value
    assert isinstance(e, ValueError)
    assert e.kind == "expected"
    # A title and nothing else: the report's date line is missing at the
    # end of input, which is the start of the line after the last break.
    assert (e.line, e.column, e.offset) == (2, 1, 13)
    assert e.expected and e.found == "end of input"
    assert str(e) == f"2:1: expected {e.expected}, found {e.found}"
    assert e.path is None


def test_error_position_is_in_the_middle_of_the_text() -> None:
    with pytest.raises(oewg.ParseError) as info:
        oewg.parse("\n\n   ...\n")
    assert (info.value.line, info.value.column) == (3, 4)
    assert info.value.offset == 5


def test_empty_input() -> None:
    for text in ["", "   ", "\n\u00a0\n", "\ufeff"]:
        with pytest.raises(oewg.ParseError) as info:
            oewg.parse(text)
        assert info.value.kind == "empty"
        assert (info.value.line, info.value.column) == (1, 1)


def test_invalid_utf8_names_the_byte_offset() -> None:
    with pytest.raises(oewg.ParseError) as info:
        oewg.parse(b"Chair: ok\nCuba: caf\xe9\n")
    e = info.value
    assert (e.kind, e.offset, e.line, e.column) == ("invalid_utf8", 19, 2, 10)
    # Bytes that are not UTF-8: how to read them is said.
    assert str(e).startswith("2:10: invalid UTF-8 at byte 19 (the bytes are not UTF-8: ")
    assert 'data.decode("cp1252")' in str(e)


def test_a_file_not_utf8_says_how_to_read_it(tmp_path: Path) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Chair: café au lait.\n".encode("cp1252"))
    with pytest.raises(oewg.ParseError) as info:
        oewg.parse_file(latin)
    assert str(info.value).startswith(f"{latin}:1:11: invalid UTF-8 at byte 10 (the bytes are not UTF-8")
    assert info.value.path == str(latin)
    # The advice works.
    s = oewg.parse(latin.read_bytes().decode("cp1252"))
    assert s.statements[0].text == "café au lait."


@pytest.mark.parametrize(
    "data, hint",
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "the file is a PDF, not text: extract its text first"),
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xff\xa4", "the file is a zip archive (a .docx"),
    ],
)
def test_a_pdf_or_an_office_file_is_told_what_it_is_not_read_as_windows_1252(tmp_path: Path, data: bytes, hint: str) -> None:
    path = tmp_path / "record.bin"
    path.write_bytes(data)
    for call in (lambda: oewg.parse(data), lambda: oewg.parse_file(path)):
        with pytest.raises(oewg.ParseError) as info:
            call()
        assert hint in str(info.value) and "cp1252" not in str(info.value)
    assert hint in str(oewg.parse_many([path], errors="collect").errors[0].error)


def test_utf16_bytes_are_told_to_be_decoded_as_utf16(tmp_path: Path) -> None:
    data = "Chair: Good morning.\nCuba: Thank you.\n".encode("utf-16")
    assert data[:2] in (b"\xff\xfe", b"\xfe\xff")
    path = tmp_path / "notepad.txt"
    path.write_bytes(data)
    for call, where in [(oewg.parse, ""), (oewg.parse_file, f"{path}:")]:
        with pytest.raises(oewg.ParseError) as info:
            call(data if call is oewg.parse else path)
        assert str(info.value).startswith(f"{where}1:1: invalid UTF-8 at byte 0 (the bytes are UTF-16")
        assert 'data.decode("utf-16")' in str(info.value) and "cp1252" not in str(info.value)
    errors = oewg.parse_many([path], errors="collect").errors
    assert "the bytes are UTF-16" in str(errors[0].error)
    # The advice works.
    assert len(oewg.parse(data.decode("utf-16"))) == 2
    # A bad byte later in the text keeps the Windows-1252 advice.
    with pytest.raises(oewg.ParseError, match="cp1252"):
        oewg.parse(b"Chair: ok \xff\xfe\n")


def test_a_lone_surrogate_in_a_str_is_a_located_parse_error() -> None:
    # A str Python holds but UTF-8 cannot: a ParseError at the surrogate,
    # not a UnicodeEncodeError from the conversion.
    for call in (oewg.parse, oewg.segment):
        with pytest.raises(oewg.ParseError) as info:
            call("Chair: ok\nCuba: caf\ud800 and more\n")
        e = info.value
        assert (e.kind, e.line, e.column, e.offset) == ("invalid_utf8", 2, 10, 19)
        assert (e.expected, e.found) == ("UTF-8 text", "an invalid byte")
        # The message says what it is, and where such a str comes from.
        assert str(e).startswith("2:10: invalid UTF-8 at byte 19 (a lone surrogate, U+D800, ")
        assert "half of a UTF-16 surrogate pair" in str(e) and "surrogateescape" not in str(e)
    # The surrogates surrogateescape makes: where they come from.
    escaped = b"Chair: caf\xe9\n".decode("utf-8", "surrogateescape")
    with pytest.raises(oewg.ParseError, match=r"U\+DCE9, .* errors='surrogateescape'"):
        oewg.parse(escaped)


def test_detect_format_looks_past_a_lone_surrogate() -> None:
    assert oewg.detect_format("Chair: caf\ud800.\nCuba: Thanks.\n") == "turns"


def test_expected_and_found_for_every_kind() -> None:
    cases = [
        ("  \n", "empty", "a meeting record", "end of input"),
        (b"Chair: caf\xe9\n", "invalid_utf8", "UTF-8 text", "an invalid byte"),
    ]
    for text, kind, expected, found in cases:
        with pytest.raises(oewg.ParseError) as info:
            oewg.parse(text)
        assert (info.value.kind, info.value.expected, info.value.found) == (kind, expected, found)


def test_a_file_error_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"   \n")
    with pytest.raises(oewg.ParseError) as info:
        oewg.parse_file(bad)
    assert str(info.value) == f"{bad}:1:1: empty input: expected a meeting record"
    assert info.value.path == str(bad)


def test_missing_file_is_file_not_found(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(FileNotFoundError) as info:
        oewg.parse_file(missing)
    assert info.value.filename == str(missing)
    with pytest.raises(IsADirectoryError):
        oewg.parse_file(tmp_path)


def test_parse_error_pickles_with_its_attributes() -> None:
    with pytest.raises(oewg.ParseError) as info:
        oewg.parse(b"x\xff")
    back = pickle.loads(pickle.dumps(info.value))
    assert type(back) is oewg.ParseError
    assert (back.kind, back.offset, str(back)) == ("invalid_utf8", 1, str(info.value))


def _hostile(verbatim: str, report: str) -> list[bytes]:
    """The kinds of input of oewg-core/tests/hostile.rs, made here."""
    rng = random.Random(7)
    cases: list[bytes] = [
        b"",
        b"   \n\n",
        b"\xef\xbb\xbf",
        b"Session 1-9 Transcript\n(OEWG 2021-25)\n",
        b"A title\n\n21 Feb 2025\n\nSession transcript\n",
        b"Chair: one\r\nCuba: two\r\n",
        b"Chair: one\rCuba: two\r",
        b"\xef\xbb\xbfChair: after a BOM\n",
        b"Chair: nul \x00 byte\n\x00\x00: \x00\n",
        b"Chair: bad \xc3\x28 bytes\n",
        b"\xff\xfe\xfd",
        b"x" * 5_000_000,
        b"".join(b"S%d: w\n" % (i % 50) for i in range(200_000)),
        b"Chair\n\n" + b"- " * 10_000 + b"deep\n",
        b"L" * 100_000 + b": text\n",
        ("<img src=x onerror=alert(1)>: <script>alert(1)</script>\n"
         "Chair: &amp; &lt;b&gt;\n").encode(),
        ">> SPEAKER: caption\n>> : unnamed\n>>\n".encode(),
        "Chair:\u00a0\u2028\u2029\u200b text\n".encode(),
        "Speech length: 12 words\nSpeech speed: x\n".encode(),
    ]
    for seed in (verbatim, report):
        data = seed.encode()
        for at in range(0, len(data), max(1, len(data) // 60)):
            cases.append(data[:at])
            cases.append(data[at:])
        for _ in range(20):
            i = rng.randrange(len(data))
            cases.append(data[:i] + bytes([rng.randrange(256)]) + data[i + 1 :])
    cases.extend(bytes(rng.randrange(256) for _ in range(rng.randrange(1, 400))) for _ in range(50))
    return cases


def test_no_hostile_input_escapes_as_anything_but_a_session_or_parse_error(
    verbatim_path: Path, report_path: Path
) -> None:
    cases = _hostile(verbatim_path.read_text(), report_path.read_text())
    sessions = errors = 0
    for data in cases:
        for fmt in (None, "verbatim", "report", "turns"):
            try:
                s = oewg.parse(data, format=fmt)
            except oewg.ParseError as e:
                errors += 1
                assert e.line >= 1 and e.column >= 1 and 0 <= e.offset <= len(data)
                continue
            sessions += 1
            text = data.decode("utf-8")
            s.verify(text)
            s.floor()
            for kind in ("md", "html", "json"):
                s.render(kind)
            s.to_dict()
            assert pickle.loads(pickle.dumps(s)) == s
            for table in ("statements", "speakers", "paragraphs", "arguments"):
                s.to_arrow(table).validate(full=True)
        try:
            oewg.segment(data)
        except oewg.ParseError:
            pass
    assert sessions > 100 and errors > 10
