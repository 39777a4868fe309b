"""The corpus across sessions (delegations, proposals, the stance matrix),
the exports and the JSON Schema, as the core makes them."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pandas as pd

import oewg

TEI = "{http://www.tei-c.org/ns/1.0}"


def test_stance_matrix_follows_the_sessions(verbatim_path: Path, report_path: Path) -> None:
    sessions = [oewg.parse_file(report_path), oewg.parse_file(verbatim_path)]
    c = oewg.Corpus(sessions)
    m = c.stance_matrix()
    assert isinstance(m, oewg.StanceMatrix) and m.cells
    assert set(m.delegations) == {x.delegation for x in m.cells}
    # Every proposal of the corpus is a column, even one no delegation
    # took a position on; every cell is in a column.
    # (In the corpus the Chair's proposals carry their session after "@".)
    assert {p.split("@")[0] for p in m.proposals} == {p.id for s in sessions for p in s.analysis.proposals}
    assert {x.proposal for x in m.cells} <= set(m.proposals)
    for cell in m.cells:
        assert m.get(cell.delegation, cell.proposal) == cell
        counts = cell.support + cell.oppose + cell.concern + cell.neutral + cell.reference
        assert cell.mentions == counts
        assert counts > 0 or cell.sponsor
        # Every session a cell names holds a mention by that delegation,
        # or its sponsorship: the indices are those of `Corpus.sessions`.
        for d in cell.documents:
            ps = [p for p in c.sessions[d].analysis.proposals if p.id == cell.proposal.split("@")[0]]
            marked = lambda p: cell.delegation in p.sponsors or cell.delegation in p.cosponsor_names  # noqa: E731
            assert any(marked(p) or any(x.speaker == cell.delegation for x in p.mentions) for p in ps)
    assert m.get("Nobody", "nothing") is None
    # The same cells whatever order the sessions come in.
    reversed_m = oewg.Corpus(sessions[::-1]).stance_matrix()
    key = lambda x: (x.delegation, x.proposal, x.stance, x.support, x.oppose)  # noqa: E731
    assert sorted(map(key, m.cells)) == sorted(map(key, reversed_m.cells))
    frame = c.positions_frame()
    assert len(frame) == len(m.cells) and set(frame["stance"]) <= {"support", "oppose", "concern", "neutral", "reference"}
    table = c.stance_table()
    assert table.shape == (len(m.delegations), len(m.proposals))
    # A sponsor that never mentioned its proposal is a cell of the matrix
    # (sponsor set, every count 0), but took no stance in the table.
    silent = [x for x in m.cells if x.sponsor and x.mentions == 0]
    assert silent and silent[0].stance == "reference"
    assert pd.isna(table.at[silent[0].delegation, silent[0].proposal])
    assert table.notna().sum().sum() == len(m.cells) - len(silent)
    first = next(x for x in m.cells if x not in silent)
    assert table.at[first.delegation, first.proposal] == first.stance


def test_sessions_parsed_without_the_analyses_are_analysed_for_the_corpus(verbatim_path: Path, report_path: Path) -> None:
    paths = [report_path, verbatim_path]
    bare = oewg.Corpus(oewg.parse_many(paths, analyses=False))
    full = oewg.Corpus([oewg.parse_file(p) for p in paths])
    assert bare.stance_matrix().cells and bare.stance_matrix() == full.stance_matrix()
    assert len(bare.proposals_frame()) == len(full.proposals_frame()) > 0


def test_a_report_with_no_turn_is_analysed_for_the_corpus() -> None:
    cut = (
        "Agenda item 2: capacity building/OEWG 2030\n\n4 Apr 2030 10:00h - 13:00h\n\n"
        "Agenda item 2: capacity building/OEWG 2030\n\nSession at a glance\n\nSummary\n\n"
        "This covers the 3rd meeting.\n"
    )
    bare = oewg.parse(cut, analyses=False)
    assert bare.statements == [] and bare.report is not None
    assert not oewg.has_analyses(bare)
    full = oewg.with_analyses(bare)
    assert oewg.has_analyses(full) and full.analysis.report_check is not None
    assert full.analysis == oewg.parse(cut).analysis
    assert oewg.Corpus([bare])[0].analysis.report_check is not None
    # A session that has them is given back as it is.
    assert oewg.with_analyses(full) is full


def test_sessions_held_in_memory_are_named_by_their_place_and_keep_their_order() -> None:
    rec = "Chair: I present my proposal.\n{who}: We support the Chair's proposal.\n"
    sessions = [oewg.parse(rec.format(who="Peru" if i % 2 else "Chile")) for i in range(12)]
    corpus = oewg.Corpus(sessions)
    # Twelve sessions alike but for their place: in the order given
    # (session-10 after session-9, not after session-1).
    peru = next(d for d in corpus.delegations() if d.delegation == "Peru")
    assert [s.document for s in peru.sessions] == [1, 3, 5, 7, 9, 11]
    ids = [p.id for p in corpus.proposals()]
    assert "chairs-proposal@session-1" in ids and "chairs-proposal@session-12" in ids


def test_delegations_and_proposals_across_sessions(verbatim_path: Path, report_path: Path) -> None:
    sessions = [oewg.parse_file(verbatim_path), oewg.parse_file(report_path)]
    c = oewg.Corpus(sessions)
    delegations = {d.delegation: d for d in c.delegations()}
    for i, s in enumerate(sessions):
        for d in delegations.values():
            rows = [x for x in d.sessions if x.document == i]
            spoken = [st for st in s.statements if st.speaker.canonical_name == d.delegation]
            if rows:
                assert rows[0].statements == len(spoken)
                assert rows[0].words == sum(st.word_count for st in spoken)
                # Alignments and agreements, each in order of first saying so.
                said = [a for a in s.analysis.alignments if a.speaker == d.delegation]
                for kind, got in (("aligns", rows[0].aligned_with), ("agrees", rows[0].agreed_with)):
                    assert got == list(dict.fromkeys(a.aligned_with for a in said if a.kind == kind))
    estonia = next(x for x in delegations["Estonia"].sessions if x.document == 0)
    assert estonia.agreed_with == ["Costa Rica", "United Kingdom", "Russian Federation"]
    proposals = c.proposals()
    assert {p.id.split("@")[0] for p in proposals} == {p.id for s in sessions for p in s.analysis.proposals}
    for p in proposals:
        for ps in p.sessions:
            (own,) = [q for q in sessions[ps.document].analysis.proposals if q.id == p.id.split("@")[0]]
            assert ps.mentions == len(own.mentions) and ps.sponsors == own.sponsors


def test_the_chairs_proposals_are_one_a_session(verbatim_path: Path, report_path: Path) -> None:
    # The Chair's modalities letter of 2021 (the verbatim seed) and the
    # discussion paper of 2025 (the report) are different texts: in the
    # corpus views each carries its session.
    c = oewg.Corpus([verbatim_path, report_path])
    chairs = {p.id: p for p in c.proposals() if p.id.startswith("chairs-proposal")}
    assert set(chairs) == {"chairs-proposal@oewg-2021-25-session-1", "chairs-proposal@oewg-2025-session-10"}
    assert chairs["chairs-proposal@oewg-2021-25-session-1"].name == "Chair's proposal (OEWG 2021-25, session 1)"
    assert all(len(p.sessions) == 1 for p in chairs.values())
    m = c.stance_matrix()
    # Czechia joins the 2021 compromise and is concerned about the 2025 paper.
    assert m.get("Czechia", "chairs-proposal@oewg-2021-25-session-1").stance == "support"
    assert m.get("Czechia", "chairs-proposal@oewg-2025-session-10").stance == "concern"
    assert m.get("Russian Federation", "chairs-proposal@oewg-2021-25-session-1") is None
    # Any name the registry knows finds the delegation's cells.
    assert m.get("Czech Republic", "chairs-proposal@oewg-2021-25-session-1") == m.get("Czechia", "chairs-proposal@oewg-2021-25-session-1")
    assert m.get("Nowhere Land", "chairs-proposal@oewg-2021-25-session-1") is None
    table = c.stance_table()
    assert table.at["Czechia", "chairs-proposal@oewg-2025-session-10"] == "concern"


def test_tei_round_trips_the_statements(report_path: Path) -> None:
    s = oewg.parse_file(report_path)
    tei = s.to_tei()
    assert tei == s.to_tei(), "ids and bytes stable across runs"
    root = ET.fromstring(tei.encode())
    assert root.tag == f"{TEI}TEI"
    us = root.findall(f".//{TEI}u")
    assert len(us) == len(s.statements)
    ids = {e.get("{http://www.w3.org/XML/1998/namespace}id") for e in root.iter()} - {None}
    for u, st in zip(us, s.statements):
        assert u.get("who", "").lstrip("#") in ids
        text = " ".join(" ".join(" ".join(seg.itertext()).split()) for seg in u.findall(f"{TEI}seg"))
        assert text == " ".join(st.text.split())
    assert s.to_tei("my doc").split("xml:id=", 2)[1].startswith('"my_doc"')


def test_corpus_write_and_json_schema(verbatim_path: Path, tmp_path: Path) -> None:
    s = oewg.parse_file(verbatim_path)
    files = oewg.Corpus([s]).write(tmp_path / "out")
    names = sorted(Path(f).relative_to(tmp_path / "out").as_posix() for f in files)
    assert "statements.jsonl" in names and "positions.csv" in names and any(n.startswith("tei/") for n in names)
    assert "documents.csv" in names
    lines = (tmp_path / "out" / "statements.jsonl").read_text().splitlines()
    assert len(lines) == len(s.statements)
    assert json.loads(lines[0])["text"] == s.statements[0].text
    schema = oewg.json_schema()
    assert schema == json.loads((tmp_path / "out" / "session.schema.json").read_text())
    assert set(schema["required"]) <= set(s.to_dict())
    assert set(s.to_dict()) <= set(schema["properties"])


def test_the_cross_session_views_are_built_once(verbatim_path: Path, report_path: Path, monkeypatch) -> None:
    from oewg import _oewg

    c = oewg.Corpus([verbatim_path, report_path])
    calls = {"matrix": 0, "proposals": 0}
    real_matrix, real_proposals = _oewg.corpus_stance_matrix, _oewg.corpus_proposals

    def matrix(sessions):  # type: ignore[no-untyped-def]
        calls["matrix"] += 1
        return real_matrix(sessions)

    def proposals(sessions):  # type: ignore[no-untyped-def]
        calls["proposals"] += 1
        return real_proposals(sessions)

    monkeypatch.setattr(_oewg, "corpus_stance_matrix", matrix)
    monkeypatch.setattr(_oewg, "corpus_proposals", proposals)
    first = c.stance_matrix()
    c.positions_frame()
    c.stance_table()
    assert c.stance_matrix().cells == first.cells
    assert calls["matrix"] == 1
    p = c.proposals()
    p.clear()  # the caller's list; the corpus keeps its own
    assert [x.id for x in c.proposals()] == [x.id for x in real_proposals(list(c))]
    assert calls["proposals"] == 1


def test_corpus_proposals_and_the_matrix_put_a_delegation_on_one_side(verbatim_path: Path, report_path: Path) -> None:
    mixed = 0
    for path in (verbatim_path, report_path):
        c = oewg.Corpus([oewg.parse_file(path)])
        rows = {p.id: p.sessions[0] for p in c.proposals()}
        for cell in c.stance_matrix().cells:
            if cell.support + cell.oppose + cell.concern + cell.neutral + cell.reference == 0:
                continue  # a sponsor that stated nothing
            mixed += sum(n > 0 for n in (cell.support, cell.oppose, cell.concern)) > 1
            row = rows[cell.proposal]
            for stance, side in (("support", row.supporters), ("oppose", row.opposers), ("concern", row.concerned)):
                assert (cell.delegation in side) == (cell.stance == stance), (cell, row)
    assert mixed >= 2
