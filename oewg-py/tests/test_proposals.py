"""Proposals reach Python as the core finds them: the same values as
`oewg json`, typed classes, and a frame of one row per mention."""

from __future__ import annotations

from pathlib import Path

import oewg
from conftest import REPO

STANCES = {"support", "oppose", "concern", "neutral", "reference"}


def test_invented_proposal_and_stance() -> None:
    s = oewg.parse(
        "Canada: We present our proposal, co-sponsored by 25 countries.\n"
        "Peru: We cannot support the proposal by Canada.\n"
    )
    (p,) = s.analysis.proposals
    assert isinstance(p, oewg.Proposal)
    assert (p.id, p.sponsors, p.cosponsors) == ("canada-proposal", ["Canada"], 25)
    peru = p.mentions[-1]
    assert isinstance(peru, oewg.ProposalMention)
    assert (peru.statement, peru.speaker, peru.stance) == (1, "Peru", "oppose")
    cue = peru.cues[0]
    assert isinstance(cue, oewg.Cue) and cue.text == "cannot support"
    text = s.statements[1].text.encode()
    assert text[cue.start : cue.end].decode() == cue.text
    assert text[peru.sentence.start : peru.sentence.end].decode() == "We cannot support the proposal by Canada."
    assert s.to_dict()["analysis"]["proposals"][0]["id"] == "canada-proposal"
    assert p.cosponsor_names == []


def test_named_cosponsors(report_path: Path) -> None:
    s = oewg.parse(
        "Canada: The proposal of Canada and Chile is co-sponsored by 5 states, namely Canada, Chile, Fiji, Peru and Japan.\n"
        "Slovakia: Slovakia co-sponsored the non-paper presented by Canada and Chile.\n"
    )
    (p,) = [p for p in s.analysis.proposals if p.id == "canada-chile-proposal"]
    assert p.cosponsor_names == ["Canada", "Chile", "Fiji", "Japan", "Peru", "Slovakia"]
    assert s.to_dict()["analysis"]["proposals"][0]["cosponsor_names"] == p.cosponsor_names
    df = s.proposals_frame()
    assert list(df.loc[df["proposal"] == "canada-chile-proposal", "cosponsor_names"].iloc[0]) == p.cosponsor_names
    # The report seed: Canada names its 25 co-sponsors; the stance matrix
    # marks them as sponsors.
    r = oewg.parse_file(report_path)
    (cc,) = [p for p in r.analysis.proposals if p.id == "canada-chile-proposal"]
    assert len(cc.cosponsor_names) == 25 and "Czechia" in cc.cosponsor_names
    c = oewg.Corpus([r])
    assert c.stance_matrix().get("Belgium", "canada-chile-proposal").sponsor
    (series,) = [x for x in c.proposals() if x.id == "canada-chile-proposal"]
    assert series.sessions[0].cosponsor_names == cc.cosponsor_names


def test_seed_canada_chile_proposal(report_path: Path) -> None:
    s = oewg.parse_file(report_path)
    by_id = {p.id: p for p in s.analysis.proposals}
    cc = next(p for p in by_id.values() if set(p.sponsors) == {"Canada", "Chile"})
    assert cc.mentions and all(m.stance in STANCES for m in cc.mentions)
    assert p_matches_dict(s)


def test_words_the_floor_audit_gives_to_someone_else_are_theirs(verbatim_path: Path) -> None:
    # After the Chair's "Cuba, please.", Cuba's words are in the Chair's turn
    # (statement 103, an unlabelled_chunk): its support is Cuba's, not the Chair's.
    s = oewg.parse_file(verbatim_path)
    assert any(a.kind == "unlabelled_chunk" and a.speaker == "Cuba" for a in s.analysis.floor_audit.anomalies)
    nam = next(p for p in s.analysis.proposals if p.id == "non-aligned-movement-proposal")
    assert {(m.statement, m.speaker, m.stance) for m in nam.mentions} == {(103, "Cuba", "support")}
    assert s.statements[103].speaker.canonical_name == "Chair"
    frame = s.proposals_frame()
    assert set(frame.loc[frame["proposal"] == nam.id, "speaker"]) == {"Cuba"}


def p_matches_dict(s: oewg.Session) -> bool:
    """The classes hold what `to_dict` holds, mention for mention."""
    d = s.to_dict()["analysis"]["proposals"]
    got = [
        (p.id, p.name, p.kind, p.sponsors, p.cosponsors, [(m.statement, m.speaker, m.stance) for m in p.mentions])
        for p in s.analysis.proposals
    ]
    want = [
        (p["id"], p["name"], p["kind"], p["sponsors"], p["cosponsors"], [(m["statement"], m["speaker"], m["stance"]) for m in p["mentions"]])
        for p in d
    ]
    return got == want


def test_proposals_frame_one_row_per_mention(verbatim_path: Path, report_path: Path) -> None:
    sessions = [oewg.parse_file(verbatim_path), oewg.parse_file(report_path)]
    for s in sessions:
        assert p_matches_dict(s)
        df = s.proposals_frame()
        assert len(df) == sum(len(p.mentions) for p in s.analysis.proposals) > 0
        assert set(df["stance"]) <= STANCES
        assert list(df.columns[:6]) == ["proposal", "name", "kind", "sponsors", "cosponsors", "cosponsor_names"]
        row = df.iloc[0]
        # Offsets are in bytes of the UTF-8 text, as in the core.
        text = s.statements[int(row["statement"])].text.encode()
        assert text[int(row["start"]) : int(row["end"])].decode() == row["sentence"]
    corpus = oewg.Corpus(sessions)
    cdf = corpus.proposals_frame()
    assert len(cdf) == sum(len(s.proposals_frame()) for s in sessions)


def test_report_check_stance_disagreements_and_alignment_targets(report_path: Path) -> None:
    s = oewg.parse_file(report_path)
    rc = s.analysis.report_check
    assert rc is not None
    d = s.to_dict()["analysis"]["report_check"]
    assert rc.stance_claims_checked == d["stance_claims_checked"] > 0
    got = [(x.speaker, x.other, x.claim, x.finding, [e.proposal for e in x.evidence]) for x in rc.stance_disagreements]
    want = [(x["speaker"], x["other"], x["claim"], x["finding"], [e["proposal"] for e in x["evidence"]]) for x in d["stance_disagreements"]]
    assert got == want
    assert all(x.claim in ("agreed", "differed") and x.finding in ("contradicted", "no_evidence") for x in rc.stance_disagreements)
    # Sides on the Chair's whole paper, not taken speaking of the claim's
    # subject, neither bear out nor contradict "agreed on the modalities".
    pair = {(x.speaker, x.other): x for x in rc.stance_disagreements}
    rs = pair.get(("Russian Federation", "Senegal")) or pair[("Senegal", "Russian Federation")]
    assert (rs.claim, rs.finding, rs.evidence) == ("agreed", "no_evidence", [])
    uk = pair[("United Kingdom", "Canada")]
    assert uk.finding == "contradicted" and [e.proposal for e in uk.evidence] == ["canada-chile-proposal"]
    assert uk.agreement is None
    # "Chile differed with El Salvador", yet Chile speaks of consensus "in a
    # vein to what was said by Mexico and El Salvador".
    chile = pair[("Chile", "El Salvador")]
    assert (chile.claim, chile.finding, chile.evidence) == ("differed", "contradicted", [])
    assert isinstance(chile.agreement, oewg.Alignment)
    assert (chile.agreement.speaker, chile.agreement.kind, chile.agreement.aligned_with) == ("Chile", "agrees", "El Salvador")
    assert [x.finding for x in rc.stance_disagreements].count("contradicted") == 2
    # Arguments with fewer than half of their key terms in the speaker's words.
    got_args = [(u.speaker, u.missing_terms) for u in rc.unsupported_arguments]
    assert got_args == [
        ("Republic of Korea", ["guided", "voice", "vote", "principle"]),
        ("South Africa", ["cross", "cutting", "across", "areas"]),
    ]
    assert all(set(u.missing_terms) <= set(u.key_terms) and 2 * len(u.missing_terms) > len(u.key_terms) for u in rc.unsupported_arguments)
    a = oewg.parse("Peru: We align ourselves with the statement by the Friends of the Chair.\n").analysis.alignments[0]
    assert (a.aligned_with, a.aligned_with_role, a.resolved) == ("Friends of the Chair", "group", False)
    # A group's paper made by a state: one alignment, the state on the group's behalf.
    got = [(x.speaker, x.aligned_with, x.on_behalf_of) for x in s.analysis.alignments if x.speaker == "Russian Federation"]
    assert got == [("Russian Federation", "Nicaragua", "Group of Like-Minded States"), ("Russian Federation", "China", None)]


def test_report_check_holds_the_header_against_the_chairs_opening(report_path: Path) -> None:
    rc = oewg.parse_file(report_path).analysis.report_check
    assert rc is not None
    assert rc.header_facts_checked == 4
    got = [(d.fact, d.header, d.transcript.text) for d in rc.header_disagreements]
    assert got == [
        ("time_of_day", "15:00", "Good morning"),
        ("agenda_item", "Agenda item 6: other matters", "agenda item relating to regular institutional dialogue"),
    ]
    assert isinstance(rc.header_disagreements[0], oewg.HeaderDisagreement)
    assert "time_of_day" in repr(rc.header_disagreements[0])
    src = "Agenda item 5: x/OEWG 2025\n\n2 Feb 2025 10:00h - 13:00h\n\nSession at a glance\n\nSession transcript\n\nChair: Good morning.\n"
    ok = oewg.parse(src).analysis.report_check
    assert ok is not None and (ok.header_disagreements, ok.header_facts_checked) == ([], 1)


def test_an_agreement_said_aloud_bears_out_the_reports_claim() -> None:
    # The fixture's report says Utopia agreed with the Chair on funding;
    # its transcript shows no side either took. Utopia saying so, of
    # funding, bears the claim out (the core's rule, handed on as is).
    src = (REPO / "oewg-core" / "tests" / "fixtures" / "report.txt").read_text()
    plain = oewg.parse(src).analysis.report_check
    assert plain is not None
    assert [(d.speaker, d.other, d.claim, d.finding) for d in plain.stance_disagreements] == [
        ("Utopia", "Chair", "agreed", "no_evidence")
    ]
    said = oewg.parse(src.replace("We need funds.", "We need funds. On funding, we agree with the Chair.")).analysis
    assert [(a.speaker, a.kind, a.aligned_with) for a in said.alignments] == [("Utopia", "agrees", "Chair")]
    assert said.report_check is not None
    assert said.report_check.stance_claims_checked == 1 and said.report_check.stance_disagreements == []
