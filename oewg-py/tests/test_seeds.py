"""The real records give the core's figures through the binding."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import oewg


def test_verbatim_seed(verbatim_path: Path) -> None:
    s = oewg.parse_file(verbatim_path)
    assert s.meta.format == "verbatim"
    assert (s.meta.session, s.meta.meeting) == (1, 9)
    assert s.meta.process == "OEWG 2021-25"
    assert len(s.statements) == 115
    assert sum(1 for st in s.statements if st.speaker.role == "chair") == 59
    assert len({st.speaker.label for st in s.statements}) == 38
    assert s.word_count == 20631
    assert sum(st.word_count for st in s.statements) == 20631
    assert [k.reason for k in s.skipped] == ["web_footer"]
    assert s.path == str(verbatim_path)


def test_report_seed(report_path: Path) -> None:
    s = oewg.parse_file(report_path)
    assert s.meta.format == "report"
    assert s.meta.date == "2025-02-21"
    assert (s.meta.time_start, s.meta.time_end) == ("15:00", "18:00")
    assert len(s.statements) == 64
    assert sum(1 for st in s.statements if st.speaker.role == "chair") == 29
    report = s.report
    assert report is not None
    assert len(report.speakers) == 33
    assert sum(len(b.arguments) for b in report.speakers) == 50
    assert s.skipped == []


def test_report_renders_with_its_check_against_the_transcript(report_path: Path) -> None:
    s = oewg.parse_file(report_path)
    rc = s.analysis.report_check
    assert rc is not None
    md = s.render("md")
    assert "\n### Against its transcript\n" in md
    line = f"Arguments whose key terms the speaker mostly never used: {len(rc.unsupported_arguments)} of {rc.arguments_checked} ("
    assert line in md and line in s.render("html")
    assert json.loads(s.render("json"))["report"]["check"] == s.to_dict()["analysis"]["report_check"]


def test_report_speech_lengths_equal_transcript_words(report_path: Path) -> None:
    s = oewg.parse_file(report_path)
    words: Counter[str] = Counter()
    for st in s.statements:
        words[st.speaker.label] += st.word_count
    report = s.report
    assert report is not None
    equal = [b.name for b in report.speakers if b.speech_length_words == words[b.name]]
    assert len(equal) == 33
    canada = next(b for b in report.speakers if b.name == "Canada")
    assert canada.speech_length_words == words["Canada"] == 1470


def test_spans_slice_back_to_the_source(verbatim_path: Path, report_path: Path) -> None:
    for path in (verbatim_path, report_path):
        raw = path.read_bytes()
        text = raw.decode()
        s = oewg.parse(text)
        s.verify(text)
        for st in s.statements:
            chunk = raw[st.span.start : st.span.end].decode()
            assert chunk == st.span.slice(text)
            label = raw[st.label_span.start : st.label_span.end].decode()
            assert label.strip() == st.speaker.label


def test_segment_agrees_with_parse(verbatim_path: Path, report_path: Path) -> None:
    for path in (verbatim_path, report_path):
        data = path.read_bytes()
        turns = oewg.segment(data)
        statements = oewg.parse(data).statements
        assert [(t.label, t.span, t.word_count) for t in turns] == [
            (st.speaker.label, st.span, st.word_count) for st in statements
        ]
