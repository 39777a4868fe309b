"""Every public function and class, on small records of our own."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
from pathlib import Path

import pytest

import oewg

VERBATIM = (
    "Session 2-4 Transcript\n(OEWG 2021-25)\n\nAmbassador Gafoor\u00a0\n\n"
    "Good morning. Czech Republic, you have the floor.\n\n"
    "Czech Republic\n\nThank you, Chair. We align ourselves with the EU.\n\n"
    "Second paragraph here.\n\nLeave a Reply\n"
)
TURNS = "Chair: Good morning all.\nCuba: Thank you, Chair.\nChair: Cuba again.\n"


def test_parse_reads_str_and_bytes_alike() -> None:
    a = oewg.parse(VERBATIM)
    b = oewg.parse(VERBATIM.encode())
    c = oewg.parse(bytearray(VERBATIM.encode()))
    assert a == b == c
    assert a.meta.format == "verbatim"
    assert (a.meta.session, a.meta.meeting) == (2, 4)
    with pytest.raises(TypeError, match="expected str or bytes"):
        oewg.parse(42)  # type: ignore[arg-type]


def test_statement_speaker_span_and_paragraphs() -> None:
    s = oewg.parse(VERBATIM)
    chair, czechia = s.statements
    assert chair.speaker.role == "chair"
    assert czechia.index == 1
    sp = czechia.speaker
    assert (sp.label, sp.name, sp.iso3, sp.role) == ("Czech Republic", "Czechia", "CZE", "delegation")
    assert sp.on_behalf_of is None
    assert czechia.word_count == 12
    assert czechia.kind in ("procedural", "substantive")
    assert czechia.paragraph_texts() == [
        "Thank you, Chair. We align ourselves with the EU.",
        "Second paragraph here.",
    ]
    assert [p.slice(VERBATIM) for p in czechia.paragraphs] == czechia.paragraph_texts()
    assert czechia.span.slice(VERBATIM).startswith("Czech Republic\n\n")
    assert czechia.label_span.slice(VERBATIM) == "Czech Republic"
    assert czechia.span.line_start == 8 and czechia.span.line_end == 12
    assert len(czechia.span) == czechia.span.end - czechia.span.start
    assert hash(czechia.span) == hash(oewg.parse(VERBATIM).statements[1].span)
    assert [h.kind for h in s.headers] == ["title", "process"]
    assert [(k.reason, k.span.line_start) for k in s.skipped] == [("web_footer", 14)]


def test_reprs_are_short_and_useful() -> None:
    s = oewg.parse(VERBATIM)
    assert repr(s) == '<Session verbatim "Session 2-4 Transcript": 2 statements, 20 words, 1 skipped>'
    assert repr(s.statements[1]).startswith('<Statement 1 "Czech Republic" (delegation), 12 words, lines 8-12')
    assert repr(s.statements[1].speaker) == '<Speaker "Czech Republic" = Czechia (delegation)>'
    assert repr(s.statements[1].span) == "Span(111..200, lines 8-12)"
    assert repr(s.meta) == '<Meta verbatim, "Session 2-4 Transcript", session 2, meeting 4>'
    assert repr(s.skipped[0]).startswith("<Skipped web_footer lines 14-14")
    for r in [repr(s.headers[0]), repr(s.floor()[0])]:
        assert len(r) < 120 and r.startswith("<")


def test_resolve_gives_a_labels_speaker_as_a_statement_gets_it() -> None:
    r = oewg.resolve("Russia")
    assert (r.label, r.name, r.iso3, r.role) == ("Russia", "Russian Federation", "RUS", "delegation")
    assert oewg.resolve("Czech Republic").canonical_name == "Czechia"
    assert oewg.resolve("Madam Chair").role == "chair"
    assert oewg.resolve("Co-Chair").role == "chair"
    s = oewg.parse(TURNS)
    assert all(oewg.resolve(st.speaker.label) == st.speaker for st in s)
    unknown = oewg.resolve("Someone Else")
    assert (unknown.role, unknown.name, unknown.canonical_name) == ("unknown", None, "Someone Else")
    with pytest.raises(TypeError):
        oewg.resolve(None)  # type: ignore[arg-type]


def test_detect_format_and_parse_as() -> None:
    assert oewg.detect_format(TURNS) == "turns"
    assert oewg.detect_format(VERBATIM) == "verbatim"
    assert oewg.detect_format("   ") is None
    # A path where the text belongs: the error says what to call.
    with pytest.raises(TypeError, match=r"got a path \(\w*Path\): for a file, use oewg.parse_file"):
        oewg.parse(Path("record.txt"))  # type: ignore[arg-type]
    # Bytes, as parse takes them; a byte that is no UTF-8 is only a guess's U+FFFD.
    assert oewg.detect_format(VERBATIM.encode()) == "verbatim"
    assert oewg.detect_format(bytearray(TURNS.encode()) + b"\xff") == "turns"
    with pytest.raises(TypeError, match="detect_format expected str or bytes"):
        oewg.detect_format(7)  # type: ignore[arg-type]
    forced = oewg.parse(TURNS, format="turns")
    assert forced.meta.format == "turns"
    # In any case, as people write a layout's name.
    assert oewg.parse(TURNS, format="Turns", analyses=False).meta.format == "turns"
    with pytest.raises(ValueError, match="unknown format"):
        oewg.parse(TURNS, format="pdf")
    with pytest.raises(oewg.ParseError):
        oewg.parse(TURNS, format="report")


def test_segment_gives_turns() -> None:
    turns = oewg.segment(TURNS)
    assert [(t.label, t.word_count) for t in turns] == [("Chair", 3), ("Cuba", 3), ("Chair", 2)]
    assert turns[1].span == oewg.parse(TURNS).statements[1].span
    assert turns[1].label_span.slice(TURNS) == "Cuba"
    assert repr(turns[0]).startswith('<Turn "Chair", 3 words')


def test_floor_is_the_share_of_the_floor() -> None:
    f = oewg.parse(TURNS).floor()
    assert [(r.speaker, r.turns, r.words, r.role) for r in f] == [
        ("Chair", 2, 5, "chair"),
        ("Cuba", 1, 3, "delegation"),
    ]
    assert f[1].iso3 == "CUB"
    assert f[0].share == pytest.approx(5 / 8)
    assert f[0].first_statement == 0 and f[1].first_statement == 1
    assert f[0].substantive_turns <= f[0].turns


def test_renderings() -> None:
    s = oewg.parse(VERBATIM)
    assert s.render().startswith("# Session 2-4 Transcript\n")
    assert s.render("markdown") == s.render("md")
    assert s.render("html").startswith('<article class="oewg-glance">')
    assert json.loads(s.render("json"))["statements"] == 2
    with pytest.raises(ValueError, match="unknown rendering"):
        s.render("pdf")


def test_verify() -> None:
    s = oewg.parse(TURNS)
    s.verify(TURNS)
    with pytest.raises(ValueError, match="no statement"):
        s.verify(TURNS + "Extra words.")
    # A file's bytes, as parse_file read them: a byte-order mark kept.
    data = b"\xef\xbb\xbf" + TURNS.encode()
    from_bytes = oewg.parse(data)
    from_bytes.verify(data)
    with pytest.raises(ValueError):
        from_bytes.verify(data.decode("utf-8-sig"))
    with pytest.raises(ValueError, match="not UTF-8"):
        s.verify(b"\xff")
    with pytest.raises(TypeError, match="str or bytes"):
        s.verify(7)  # type: ignore[arg-type]


def test_not_text_tells_bytes_that_are_no_text() -> None:
    assert oewg.not_text(b"%PDF-1.7\n") == "pdf"
    assert oewg.not_text(b"PK\x03\x04") == "zip"
    assert oewg.not_text("x".encode("utf-16")) in ("utf-16le", "utf-16be")
    assert oewg.not_text(b"Chair: caf\xe9\n") is None


def test_to_dict_and_to_json_are_the_shape_of_oewg_json(
    tmp_path: Path, report_path: Path, native_oewg: list[str]
) -> None:
    for path in (report_path, tmp_path / "v.txt"):
        if path.name == "v.txt":
            path.write_text(VERBATIM, encoding="utf-8")
        s = oewg.parse_file(path)
        native = subprocess.run(
            [*native_oewg, "json", str(path)], capture_output=True, check=True, text=True
        ).stdout
        assert s.to_json() + "\n" == native
        assert s.to_dict() == json.loads(native)
        assert json.loads(s.to_json(indent=False)) == json.loads(native)
        assert oewg.Session.from_json(s.to_json(), path=s.path) == s


def test_report_parts(report_path: Path) -> None:
    r = oewg.parse_file(report_path).report
    assert r is not None
    assert r.at_a_glance.summary and r.at_a_glance.tone
    assert r.speakers_list and all(isinstance(x.name, str) for x in r.speakers_list)
    assert {b.kind for b in r.full_report} <= {"heading", "paragraph", "list_item"}
    block = r.speakers[0]
    assert block.speech_speed_wpm and block.speech_time_s and block.arguments
    arg = block.arguments[0]
    assert arg.title and arg.explanation and arg.major_discussion_point is not None
    assert isinstance(arg.topics, list) and isinstance(arg.agreed_with, list)
    assert r.agreements.viewpoints and r.differences.viewpoints
    assert r.agreements.overall_assessment is not None
    assert r.agreements.overall_assessment.level
    assert {v.category for v in r.agreements.viewpoints} <= {
        "agreement_point",
        "similar_viewpoints",
        "unexpected_consensus",
    }
    assert isinstance(r.takeaways.key_takeaways, list)
    assert r.thought_provoking_comments.comments[0].quote
    assert r.follow_up_questions[0].question
    assert r.disclaimer
    assert [sec.kind for sec in r.sections][0] == "at_a_glance"
    for obj in [r, r.sections[0], r.at_a_glance, r.speakers_list[0], r.full_report[0], block, arg,
                r.agreements, r.agreements.viewpoints[0], r.agreements.overall_assessment,
                r.differences, r.takeaways, r.thought_provoking_comments,
                r.thought_provoking_comments.comments[0], r.follow_up_questions[0]]:
        text = repr(obj)
        assert text.startswith("<") and text.endswith(">") and len(text) < 200, text


def test_objects_are_read_only_and_compare_by_content() -> None:
    s = oewg.parse(TURNS)
    with pytest.raises(AttributeError):
        s.statements[0].text = "changed"  # type: ignore[misc]
    assert s.statements[0] == oewg.parse(TURNS).statements[0]
    assert s.statements[0] != s.statements[2]
    # The statements list is the caller's to change; the session is not.
    s.statements.clear()
    assert len(s.statements) == 3 == len(s)


def test_sessions_pickle_and_compare_equal(report_path: Path) -> None:
    for s in (oewg.parse(VERBATIM), oewg.parse_file(report_path)):
        back = pickle.loads(pickle.dumps(s))
        assert back == s
        assert back.path == s.path
        assert back.to_json() == s.to_json()
    assert oewg.parse(VERBATIM) != oewg.parse(TURNS)
    assert oewg.parse(TURNS) != "not a session"


def test_sessions_compare_by_content_whatever_their_path(report_path: Path) -> None:
    from_file = oewg.parse_file(report_path)
    from_text = oewg.parse(report_path.read_text(encoding="utf-8"))
    assert (from_file.path, from_text.path) == (str(report_path), None)
    assert from_file == from_text
    assert oewg.Session.from_json(from_file.to_json()) == from_file
    # Equal by content, so hashed by content: sets and dict keys of
    # sessions, statements and speakers work.
    assert hash(from_file) == hash(from_text)
    assert len({from_file, from_text, oewg.parse(TURNS)}) == 2
    speakers = {st.speaker for st in from_file.statements}
    assert len(speakers) == len({(st.speaker.label, st.speaker.name) for st in from_file.statements})
    assert hash(from_file.statements[3]) == hash(from_text.statements[3])
    assert len(set(from_file.statements)) == len(from_file.statements)


def _objects(value: object) -> "list[object]":
    """Every oewg object reachable from ``value`` through its properties
    (the model is a tree: no object is reached twice)."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return []
    if isinstance(value, (list, tuple)):
        return [o for v in value for o in _objects(v)]
    if type(value).__module__ != "oewg":
        return []
    found = [value]
    for name in dir(type(value)):
        if isinstance(getattr(type(value), name, None), property) or (
            not name.startswith("_") and type(getattr(type(value), name, None)).__name__ == "getset_descriptor"
        ):
            found += _objects(getattr(value, name))
    return found


def test_no_repr_shows_rust_option_syntax(verbatim_path: Path, report_path: Path) -> None:
    fixtures = Path(__file__).resolve().parents[2] / "oewg-core" / "tests" / "fixtures"
    paths = [verbatim_path, report_path, *sorted(fixtures.glob("*.txt"))]
    kinds: set[str] = set()
    for path in paths:
        try:
            session = oewg.parse_file(path)
        except oewg.ParseError:
            continue
        for obj in _objects(session):
            text = repr(obj)
            kinds.add(type(obj).__name__)
            assert "Some(" not in text, text
    # The walk reaches the classes whose reprs held Option values.
    assert {"AgendaSegment", "ReportSpeaker", "Assessment", "VoteCounts", "Excerpt", "TermHit"} <= kinds, kinds


def test_excerpt_and_term_offsets_are_in_the_statement_text(verbatim_path: Path) -> None:
    s = oewg.parse_file(verbatim_path)
    for a in s.analysis.alignments:
        e = a.excerpt
        text = s.statements[e.statement].text.encode()
        assert " ".join(text[e.start : e.end].decode().split()) == e.text
    tags = [(st, tag) for st in s.analysis.topics.statements for tag in st.tags]
    assert tags
    for st, tag in tags:
        text = s.statements[st.statement].text.encode()
        for hit in tag.evidence:
            assert text[hit.start : hit.end].decode().lower().startswith(hit.term[:4].lower())


def test_a_file_name_given_as_text_points_to_parse_file(verbatim_path: Path) -> None:
    with pytest.raises(oewg.ParseError, match=r"^1:1: .*the name of a file: to read the file, use oewg.parse_file\(path\)\)$") as e:
        oewg.parse(str(verbatim_path))
    assert (e.value.kind, e.value.line, e.value.column) == ("expected", 1, 1)
    # Text that names no file keeps the plain message.
    with pytest.raises(oewg.ParseError) as e:
        oewg.parse("no/such/record.txt")
    assert "parse_file" not in str(e.value)


def test_a_text_range_slices_the_statement_by_its_bytes() -> None:
    s = oewg.parse("Perú: Señor, we support the Programme of Action. We thank you.\n")
    m = s.analysis.proposals[0].mentions[0]
    text = s.statements[m.statement].text
    assert m.sentence.slice(text) == "Señor, we support the Programme of Action."
    # str indices count characters, the range bytes: they cut elsewhere.
    assert text[m.sentence.start : m.sentence.end] != m.sentence.slice(text)
    with pytest.raises(ValueError, match=r"does not fit a text of 5 bytes"):
        m.sentence.slice("short")


def test_consensus_is_decision_making_as_a_rule_not_as_an_agreement_sought() -> None:
    s = oewg.parse("Chile: Decisions are taken by consensus.\nPeru: We thank you for your efforts to find a consensus.\n")
    tags = {st.statement: [(t.topic, [h.term for h in t.evidence]) for t in st.tags] for st in s.analysis.topics.statements}
    assert tags == {0: [("decision_making", ["by consensus"])]}


def test_version_and_all() -> None:
    assert oewg.__version__.count(".") == 2
    for name in oewg.__all__:
        assert getattr(oewg, name) is not None
        obj = getattr(oewg, name)
        if callable(obj) and name != "__version__":
            assert obj.__doc__, f"{name} has no docstring"


def test_analyses_false_gives_the_same_statements_and_an_empty_analysis(tmp_path: Path) -> None:
    full = oewg.parse(VERBATIM)
    bare = oewg.parse(VERBATIM, analyses=False)
    assert [(s.speaker.label, s.text, s.span.start) for s in bare.statements] == [
        (s.speaker.label, s.text, s.span.start) for s in full.statements
    ]
    assert full.analysis.alignments and not bare.analysis.alignments
    assert bare.analysis.statistics.speakers == []
    f = tmp_path / "a.txt"
    f.write_text(TURNS)
    assert oewg.parse_file(f, analyses=False).analysis.statistics.speakers == []
    assert oewg.parse_file(f).analysis.statistics.speakers
    (many,) = oewg.parse_many([f], analyses=False)
    assert many.analysis.statistics.speakers == []
    assert oewg.parse_many([f])[0].analysis == oewg.parse_file(f).analysis
    with pytest.raises(TypeError):
        oewg.parse(VERBATIM, "verbatim", False)  # type: ignore[misc]


def test_parts_of_a_session_pickle_and_copy(report_path: Path) -> None:
    import copy

    s = oewg.parse_file(report_path)
    parts: list[object] = [
        s.statements[3],
        s.statements[3].speaker,
        s.statements[3].span,
        s.meta,
        s.analysis,
        s.analysis.proposals[0],
        s.analysis.alignments[0],
        s.skipped[0] if s.skipped else s.headers[0],
        s.report,
    ]
    for part in parts:
        again = pickle.loads(pickle.dumps(part))
        assert type(again) is type(part) and again == part, type(part)
        assert copy.copy(part) == part and copy.deepcopy(part) == part
    # A list of statements crosses to a worker process and back.
    assert pickle.loads(pickle.dumps(s.statements[:2])) == s.statements[:2]


def test_a_session_iterates_and_indexes_its_statements() -> None:
    s = oewg.parse(TURNS)
    assert len(s) == 3
    assert list(s) == s.statements
    assert s[0] == s.statements[0] and s[-1].speaker.label == "Chair"
    assert s[1:] == s.statements[1:] and isinstance(s[1:], list)
    with pytest.raises(IndexError, match="statement 3 out of range: the session has 3 statements"):
        s[3]
    with pytest.raises(TypeError):
        s["x"]  # type: ignore[call-overload]
    # A slot's own docstring is Python's; the class says what len() counts.
    assert "``len(session)``, ``session[i]`` and" in (oewg.Session.__doc__ or "")


def test_a_span_slices_the_record_as_parsed_and_says_when_it_is_another(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Chair: Good morning.\r\nCuba: Thank you.\r\nPeru: Hello.\r\n")
    s = oewg.parse_file(path)
    # Read as parsed (newline=""), the record slices right and parses equal.
    with open(path, encoding="utf-8", newline="") as f:
        kept = f.read()
    assert s.statements[1].span.slice(kept).startswith("Cuba: Thank you.")
    assert oewg.parse(kept) == s
    # Python's default newline handling drops the \r: the last span no
    # longer fits, and that is an error, not an empty string.
    with open(path, encoding="utf-8") as f:
        translated = f.read()
    assert oewg.parse(translated) != s
    with pytest.raises(ValueError, match=r'does not fit a text of 51 bytes.*newline=""'):
        s.statements[2].span.slice(translated)


def test_the_summary_names_skip_reasons_as_json_does(verbatim_path: Path) -> None:
    s = oewg.parse_file(verbatim_path)
    assert s.skipped[0].reason == "web_footer"
    assert s.summary().rstrip().endswith(": web_footer")


def test_parse_file_takes_a_path_as_python_s_file_functions_do(tmp_path: Path) -> None:
    f = tmp_path / "turns.txt"
    f.write_text(TURNS, encoding="utf-8")
    want = oewg.parse_file(f)
    assert oewg.parse_file(str(f)) == want
    assert oewg.parse_file(os.fsencode(f)) == want
    with pytest.raises(TypeError, match="path must be str, bytes or os.PathLike, not int"):
        oewg.parse_file(7)  # type: ignore[arg-type]

    class Locked:
        def __fspath__(self) -> str:
            raise PermissionError("vault locked")

    with pytest.raises(PermissionError, match="vault locked"):
        oewg.parse_file(Locked())  # type: ignore[arg-type]
