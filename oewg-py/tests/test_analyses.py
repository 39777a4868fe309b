"""The core's analyses reach Python: Session.analysis as classes, and as
DataFrames; the figures are the core's on the real records."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import oewg


def test_every_label_of_both_seeds_resolves(verbatim_path: Path, report_path: Path) -> None:
    for path in (verbatim_path, report_path):
        for st in oewg.parse_file(path).statements:
            sp = st.speaker
            assert sp.role != "unknown" and sp.name, sp.label
            if sp.role == "delegation":
                assert sp.iso3 and sp.regional_group, sp.label
            assert sp.confidence == 1.0


def test_verbatim_floor_audit_and_alignments(verbatim_path: Path) -> None:
    a = oewg.parse_file(verbatim_path).analysis
    assert isinstance(a, oewg.Analysis)
    assert [(x.kind, x.speaker, x.statements) for x in a.floor_audit.anomalies] == [
        ("unlabelled_chunk", "Iraq", [46]),
        ("thanked_not_heard", "Iraq", [46, 47]),
        ("unlabelled_chunk", "Cuba", [103]),
        ("thanked_not_heard", "Cuba", [103, 104]),
    ]
    iraq = a.floor_audit.anomalies[1]
    assert iraq.excerpt is not None and iraq.excerpt.text.startswith("Thank you very much, Iraq")
    czechia = [x for x in a.alignments if x.speaker == "Czechia"]
    assert [(x.aligned_with, x.statement, x.kind) for x in czechia] == [
        ("European Union", 3, "aligns"),
        # "as articulated by my Estonian colleague": a point agreed.
        ("Estonia", 72, "agrees"),
    ]
    # Agreements are alignments of their own kind, as the core finds them.
    # (Words said over, "as was noted by Thailand", among them.)
    assert [(x.speaker, x.aligned_with) for x in a.alignments if x.kind == "agrees"] == [
        ("Australia", "Thailand"),
        ("Italy", "European Union"),
        ("Republic of Korea", "European Union"),
        ("Costa Rica", "Mexico"),
        ("Germany", "European Union"),
        ("United Kingdom", "European Union"),
        ("Poland", "European Union"),
        ("Russian Federation", "South Africa"),
        ("Estonia", "Costa Rica"),
        ("Estonia", "United Kingdom"),
        ("Estonia", "Russian Federation"),
        ("Czechia", "Estonia"),
        ("Switzerland", "France"),
        ("Argentina", "Egypt"),
        ("Argentina", "France"),
    ]
    assert {x.kind for x in a.alignments} == {"aligns", "agrees"}
    agrees = next(x for x in a.alignments if x.kind == "agrees")
    assert repr(agrees) == "<Alignment Australia agrees Thailand>"
    assert a.report_check is None
    assert repr(a).startswith("<Analysis: 4 anomalies")


def test_report_audit_check_and_statistics(report_path: Path) -> None:
    s = oewg.parse_file(report_path)
    a = s.analysis
    assert [(x.kind, x.speaker) for x in a.floor_audit.anomalies] == [
        ("chair_correction", "Belarus"),
        ("announced_not_heard", "Egypt"),
        ("foreign_chunk", "Chile"),
        ("heard_unannounced", "Thailand"),
    ]
    named = [n for e in a.floor_audit.events for n in e.speakers if n.as_written == "Check here"]
    assert named and named[0].name == "Czechia" and 0.5 < named[0].confidence < 1.0
    senegal = next(x for x in a.alignments if x.speaker == "Senegal")
    assert (senegal.aligned_with, senegal.on_behalf_of) == ("Nigeria", "African Group")
    assert [g.title for g in a.segments] == ["regular institutional dialogue"]
    check = a.report_check
    assert check is not None
    assert (check.blocks_checked, check.arguments_checked) == (33, 50)
    assert check.length_mismatches == [] and check.listed_not_heard == []
    assert [n.name for n in check.names_not_heard] == ["France"]
    assert len(a.statistics.report_speakers) == 33
    assert {g.group for g in a.statistics.roles} >= {"chair", "delegation"}
    assert sum(g.share for g in a.statistics.roles) == __import__("pytest").approx(1.0)
    assert len(a.topics.counts) == 8
    for obj in [a.floor_audit, a.floor_audit.events[0], a.floor_audit.anomalies[0], senegal,
                senegal.excerpt, a.segments[0], a.topics, a.topics.statements[0],
                a.topics.statements[0].tags[0], a.topics.statements[0].tags[0].evidence[0],
                a.topics.counts[0], check, check.names_not_heard[0], a.statistics,
                a.statistics.roles[0], a.statistics.report_speakers[0], named[0]]:
        r = repr(obj)
        assert r.startswith("<") and r.endswith(">") and len(r) < 200, r


def test_excerpts_point_into_the_source(report_path: Path) -> None:
    text = report_path.read_text()
    raw = text.encode()
    s = oewg.parse(text)
    for x in s.analysis.alignments:
        st = s.statements[x.excerpt.statement]
        # Offsets count UTF-8 bytes ("Tonga’s remarks" is in one sentence).
        assert st.text.encode()[x.excerpt.start : x.excerpt.end].decode() == x.excerpt.text
        p = x.excerpt.paragraph
        assert p is not None and st.span.start <= p.start and p.end <= st.span.end
        assert raw[p.start : p.end].decode()


def test_analysis_frames(verbatim_path: Path, report_path: Path) -> None:
    s = oewg.parse_file(report_path)
    al = s.alignments_frame()
    assert list(al.columns) == [
        "statement", "speaker", "kind", "aligned_with", "aligned_with_role", "resolved",
        "on_behalf_of", "sentence", "start", "end",
    ]
    assert al["kind"].astype(str).tolist() == [a.kind for a in s.analysis.alignments]
    assert isinstance(al["kind"].dtype, pd.CategoricalDtype)
    assert al.loc[al["kind"] == "agrees", "aligned_with"].tolist() == [
        "South Africa",
        "Pacific Islands Forum",
        "Tonga",
        "Mexico",
        "El Salvador",
        "United States",
    ]
    assert len(al) == len(s.analysis.alignments)
    assert al["resolved"].dtype == bool
    assert al["resolved"].tolist() == [a.resolved for a in s.analysis.alignments]
    assert al["aligned_with_role"].astype(str).tolist() == [a.aligned_with_role for a in s.analysis.alignments]
    assert al.loc[al["speaker"] == "Senegal", "aligned_with_role"].tolist() == ["delegation"]
    assert al.loc[al["speaker"] == "Senegal", "on_behalf_of"].tolist() == ["African Group"]
    an = s.anomalies_frame()
    assert an["kind"].tolist() == ["chair_correction", "announced_not_heard", "foreign_chunk", "heard_unannounced"]
    assert an["statements"].tolist()[2] == [58, 59, 60]
    assert isinstance(an["kind"].dtype, pd.CategoricalDtype)
    tp = s.topics_frame()
    assert set(tp["topic"].cat.categories) <= {
        "threats", "norms", "international_law", "confidence_building", "capacity_building",
        "institutional_dialogue", "stakeholders", "decision_making",
    }
    counts = {c.topic: c.statements for c in s.analysis.topics.counts}
    assert tp.groupby("topic", observed=True).size().to_dict() == {k: v for k, v in counts.items() if v}
    # Each term once a cell, in the order first found.
    for row, terms in zip(tp.itertuples(), tp["terms"]):
        tag = next(
            t for st in s.analysis.topics.statements if st.statement == row.statement
            for t in st.tags if t.topic == row.topic
        )
        assert terms == list(dict.fromkeys(h.term for h in tag.evidence))
    assert any(len(t.evidence) > len({h.term for h in t.evidence}) for st in s.analysis.topics.statements for t in st.tags)
    sg = s.segments_frame()
    assert sg["turns"].sum() == len(s.statements)
    st = oewg.parse_file(verbatim_path).statements_frame()
    assert {"regional_group", "confidence"} <= set(st.columns)
    assert (st.loc[st["role"] == "delegation", "regional_group"].notna()).all()
    corpus = oewg.Corpus([verbatim_path, report_path])
    assert len(corpus.anomalies_frame()) == 8
    assert len(corpus.alignments_frame()) == sum(len(x.analysis.alignments) for x in corpus)
    assert len(corpus.topics_frame()) == len(tp) + len(corpus[0].topics_frame())
    assert len(corpus.segments_frame()) == sum(len(x.analysis.segments) for x in corpus)
