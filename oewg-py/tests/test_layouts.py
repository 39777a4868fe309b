"""Every layout the core reads reaches Python the same way: our own
fixtures (oewg-core/tests/fixtures) give the same JSON through the binding
as through the native program, and their layout-specific fields arrive."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

import oewg
from conftest import REPO

FIXTURES = sorted((REPO / "oewg-core" / "tests" / "fixtures").glob("*.txt"))


@pytest.mark.parametrize("path", FIXTURES, ids=[p.name for p in FIXTURES])
def test_fixture_same_as_native(path: Path, native_oewg: list[str]) -> None:
    s = oewg.parse_file(path)
    native = subprocess.run([*native_oewg, "json", str(path)], capture_output=True, text=True, check=True)
    assert s.to_dict() == json.loads(native.stdout)
    assert s.meta.format == oewg.detect_format(path.read_bytes().decode())
    s.verify(path.read_bytes().decode())


def test_every_layout_is_covered() -> None:
    formats = {oewg.parse_file(p).meta.format for p in FIXTURES}
    # Layout A's own fixtures are the seeds and the embedded sample.
    assert formats == {"report", "turns", "asr", "markdown", "pv"}


def test_pv_votes_members_and_languages() -> None:
    s = oewg.parse_file(REPO / "oewg-core" / "tests" / "fixtures" / "pv.txt")
    assert s.meta.format == "pv" and s.meta.symbol and s.meta.members
    m = s.meta.members[0]
    assert m.state.iso3 and m.representative
    assert s.votes, "the fixture records a vote"
    v = s.votes[0]
    assert all(sp.iso3 for sp in v.in_favour + v.against + v.abstaining)
    assert v.span.slice(s_text := (REPO / "oewg-core/tests/fixtures/pv.txt").read_bytes().decode())
    assert any(st.language for st in s.statements)
    assert "page_furniture" in {k.reason for k in s.skipped}
    s.verify(s_text)
    assert s.statements_frame()["language"].notna().any()
    assert repr(v).startswith("<Vote:") and repr(m).startswith("<Member ")


def test_asr_time_offsets_and_meta() -> None:
    s = oewg.parse_file(REPO / "oewg-core" / "tests" / "fixtures" / "asr.txt")
    offsets = [st.time_offset_s for st in s.statements]
    assert all(o is not None for o in offsets) and offsets == sorted(offsets)
    assert s.meta.body and s.meta.date
    df = s.statements_frame()
    assert str(df["time_offset_s"].dtype) == "Int64"
    assert df["time_offset_s"].tolist() == offsets
    text = (REPO / "oewg-core" / "tests" / "fixtures" / "asr.txt").read_text()
    assert oewg.parse(text, format="asr") == oewg.parse(text)


def test_pv_vote_counts_and_persons() -> None:
    s = oewg.parse_file(REPO / "oewg-core" / "tests" / "fixtures" / "pv.txt")
    c = s.votes[0].counts
    assert c is not None and isinstance(c, oewg.VoteCounts)
    assert (c.in_favour, c.against, c.abstaining) == (13, 0, 1)
    assert repr(c).startswith("<VoteCounts ")
    persons = {st.speaker.person for st in s.statements} - {None}
    assert "Mr. Volkov" in persons
    functions = {st.speaker.function for st in s.statements} - {None}
    assert {"President", "Secretary-General"} <= functions


def test_markdown_person_and_function() -> None:
    s = oewg.parse_file(REPO / "oewg-core" / "tests" / "fixtures" / "markdown.txt")
    pairs = {(st.speaker.person, st.speaker.function) for st in s.statements}
    assert ("Ana Lopez", "Representative") in pairs
    assert (None, "Co-Chair") in pairs
