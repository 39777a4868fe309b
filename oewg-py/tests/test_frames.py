"""The tables: columns, dtypes, rows, and the corpus."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

import oewg

TURNS = "Chair: Good morning all.\nCuba: Thank you, Chair.\n\nSecond.\nChair: Cuba again.\n"


def test_statements_frame(verbatim_path: Path) -> None:
    s = oewg.parse_file(verbatim_path)
    df = s.statements_frame()
    assert list(df.columns) == [
        "index", "label", "speaker", "role", "name", "iso3", "on_behalf_of", "regional_group", "confidence",
        "words", "kind", "time_offset_s", "language",
        "span_start", "span_end", "line_start", "line_end", "text",
    ]
    assert len(df) == 115
    assert df["words"].sum() == 20631
    assert (df["role"] == "chair").sum() == 59
    assert df["label"].nunique() == 38
    assert df["speaker"].nunique() == len({st.speaker.canonical_name for st in s.statements})
    assert str(df["index"].dtype) == "int64" and str(df["words"].dtype) == "int64"
    assert isinstance(df["role"].dtype, pd.CategoricalDtype)
    assert isinstance(df["kind"].dtype, pd.CategoricalDtype)
    assert isinstance(df["text"].dtype, pd.StringDtype)
    assert isinstance(df["iso3"].dtype, pd.StringDtype)
    row = df.iloc[1]
    st = s.statements[1]
    assert (row["label"], row["speaker"], row["words"], row["span_start"], row["text"]) == (
        st.speaker.label, st.speaker.canonical_name, st.word_count, st.span.start, st.text
    )


def test_speaker_means_one_thing_in_every_frame(verbatim_path: Path, report_path: Path) -> None:
    # The review that found this: statements_frame().merge(speakers_frame(),
    # on="speaker") left 67 of the verbatim seed's 115 statements unmatched,
    # the one frame holding labels and the other canonical names.
    for path in (verbatim_path, report_path):
        s = oewg.parse_file(path)
        speakers = set(s.speakers_frame()["speaker"])
        for frame in (s.statements_frame(), s.paragraphs_frame(), s.topics_frame()):
            assert len(frame) > 0
            assert set(frame["speaker"]) <= speakers, set(frame["speaker"]) - speakers
        merged = s.statements_frame().merge(s.speakers_frame(), on="speaker", how="left", indicator=True)
        assert (merged["_merge"] == "both").all()


def test_speakers_frame_of_a_report_has_its_speech_figures(report_path: Path) -> None:
    df = oewg.parse_file(report_path).speakers_frame()
    assert list(df.columns) == [
        "speaker", "role", "iso3", "turns", "substantive_turns", "words", "share",
        "first_statement", "speech_speed_wpm", "speech_length_words", "speech_time_s",
    ]
    assert str(df["share"].dtype) == "float64"
    assert str(df["speech_length_words"].dtype) == "Int64"
    assert df["share"].sum() == pytest.approx(1.0)
    canada = df[df["speaker"] == "Canada"].iloc[0]
    assert canada["words"] == canada["speech_length_words"] == 1470
    # Every speaker's transcript words equal the report's speech length.
    assert (df["words"] == df["speech_length_words"]).all()
    # The frame's figures are the core's, row by row.
    figures = oewg.parse_file(report_path).report_figures()
    assert [f.speaker for f in figures] == df["speaker"].tolist()
    assert [f.speech_time_s for f in figures] == df["speech_time_s"].tolist()
    assert [f.speech_speed_wpm for f in figures] == df["speech_speed_wpm"].tolist()
    c = next(f for f in figures if f.speaker == "Canada")
    assert (c.blocks, c.speech_speed_wpm, c.speech_length_words, c.speech_time_s) == (1, 155, 1470, 567)
    assert oewg.parse(TURNS).report_figures() == []


def test_speakers_frame_without_a_report_has_empty_speech_figures() -> None:
    df = oewg.parse(TURNS).speakers_frame()
    assert list(df["speaker"]) == ["Chair", "Cuba"]
    assert df["speech_speed_wpm"].isna().all()


def test_paragraphs_frame() -> None:
    df = oewg.parse(TURNS).paragraphs_frame()
    assert list(df["statement"]) == [0, 1, 1, 2]
    assert list(df["paragraph"]) == [0, 0, 1, 0]
    assert list(df["text"]) == ["Good morning all.", "Thank you, Chair.", "Second.", "Cuba again."]
    assert list(df["words"]) == [3, 3, 1, 2]
    assert list(df["line_start"]) == [1, 2, 4, 5]


def test_arguments_frame(report_path: Path) -> None:
    s = oewg.parse_file(report_path)
    df = s.arguments_frame()
    assert len(df) == 50
    assert df["label"].nunique() == 33
    # The block's name as written is the label; the speaker is the name
    # every other frame groups by ("Pacific Islands Forum – Tonga" spoke
    # under that label, as Tonga).
    assert set(df["speaker"]) <= set(s.speakers_frame()["speaker"]), set(df["speaker"]) - set(s.speakers_frame()["speaker"])
    assert (df["label"] != df["speaker"]).any()
    assert all(oewg.resolve(label).canonical_name == speaker for label, speaker in zip(df["label"], df["speaker"]))
    assert df["topics"].map(type).eq(list).all()
    assert oewg.parse(TURNS).arguments_frame().empty
    assert list(oewg.parse(TURNS).arguments_frame().columns) == list(df.columns)


def test_to_arrow(report_path: Path) -> None:
    s = oewg.parse_file(report_path)
    t = s.to_arrow()
    assert isinstance(t, pa.Table)
    assert t.num_rows == 64
    assert t.schema.field("words").type == pa.int64()
    assert t.schema.field("role").type == pa.dictionary(pa.int32(), pa.large_string())
    assert t.schema.field("text").type == pa.large_string()
    assert not t.schema.field("text").nullable and t.schema.field("iso3").nullable
    assert s.to_arrow("arguments").schema.field("topics").type == pa.large_list(pa.large_string())
    assert t.to_pandas()["words"].sum() == s.word_count
    with pytest.raises(ValueError, match="unknown table"):
        s.to_arrow("votes")


def test_corpus_tables_carry_the_session(tmp_path: Path, verbatim_path: Path, report_path: Path) -> None:
    shutil.copy(verbatim_path, tmp_path / "a.txt")
    shutil.copy(report_path, tmp_path / "b.txt")
    (tmp_path / ".hidden").write_text("not a record")
    own = oewg.parse(TURNS)
    corpus = oewg.Corpus([tmp_path, own])
    assert len(corpus) == 3 and corpus[2] == own
    assert repr(corpus) == "<Corpus: 3 sessions, 182 statements>"
    df = corpus.statements_frame()
    assert list(df.columns[:8]) == ["document", "path", "format", "process", "session", "meeting", "date", "session_title"]
    assert df["document"].value_counts().to_dict() == {0: 115, 1: 64, 2: 3}
    assert len(df) == 115 + 64 + 3
    assert df["path"].value_counts().to_dict() == {
        str(tmp_path / "a.txt"): 115,
        str(tmp_path / "b.txt"): 64,
    }
    assert list(df["format"].unique()) == ["verbatim", "report", "turns"]
    assert str(df["session"].dtype) == "Int64"
    assert df.loc[df["format"] == "verbatim", "meeting"].eq(9).all()
    assert df["path"].isna().sum() == 3
    assert len(corpus.speakers_frame()) == sum(len(s.floor()) for s in corpus)
    assert len(corpus.arguments_frame()) == 50
    assert len(corpus.paragraphs_frame()) == sum(len(st.paragraphs) for s in corpus for st in s.statements)
    assert corpus.to_arrow("speakers").num_rows == len(corpus.speakers_frame())


def test_corpus_error_modes(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(TURNS)
    (tmp_path / "bad.txt").write_text(" ")
    with pytest.raises(oewg.ParseError):
        oewg.Corpus([tmp_path])
    c = oewg.Corpus([tmp_path], errors="collect")
    assert len(c) == 1 and [e.path for e in c.errors] == [str(tmp_path / "bad.txt")]
    with pytest.warns(oewg.SkippedFilesWarning, match="bad.txt"):
        assert len(oewg.Corpus([tmp_path], errors="skip")) == 1
    with pytest.raises(ValueError, match="errors must be"):
        oewg.Corpus([oewg.parse(TURNS)], errors="bogus")


def test_a_corpus_folder_is_its_records_as_for_the_command_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TURNS)
    (tmp_path / "b.md").write_text(TURNS)
    (tmp_path / "notes.csv").write_text("not,a,record\n")
    c = oewg.Corpus(tmp_path)
    assert [s.path for s in c] == [str(tmp_path / "a.txt"), str(tmp_path / "b.md")]


@pytest.mark.skipif(sys.platform != "linux", reason="a file name of bytes that are no UTF-8")
def test_a_file_whose_name_is_no_utf8_stays_in_the_corpus(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TURNS)
    with open(os.fsencode(tmp_path) + b"/caf\xe9.txt", "w") as f:
        f.write(TURNS)
    c = oewg.Corpus(tmp_path)
    assert len(c) == 2


def test_a_clear_message_when_pandas_is_missing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r'pip install "oewg\[pandas\]"'):
        oewg.parse(TURNS).statements_frame()
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ImportError, match=r'pip install "oewg\[arrow\]"'):
        oewg.parse(TURNS).to_arrow()
    # A module in a package names the package pip installs.
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)
    with pytest.raises(ImportError, match=r'pip install "oewg\[progress\]" \(or pip install tqdm\)$'):
        (tmp_path / "a.txt").write_text(TURNS)
        oewg.parse_many([tmp_path / "a.txt"], progress=True)


TABLES = ["statements", "speakers", "paragraphs", "arguments", "alignments", "anomalies", "topics", "segments", "proposals"]


def dtypes(frame: pd.DataFrame) -> dict[str, object]:
    # A categorical's categories are its enum's values, whatever the rows:
    # compared whole.
    return dict(frame.dtypes.items())


@pytest.mark.parametrize("table", TABLES)
def test_a_frame_has_the_same_dtypes_with_rows_or_none(table: str, verbatim_path: Path, report_path: Path) -> None:
    seeds = [getattr(oewg.parse_file(p), f"{table}_frame")() for p in (verbatim_path, report_path)]
    full = [f for f in seeds if len(f)]
    assert full, f"no seed has a row in {table}"
    # A record with no report, alignment, topic or proposal.
    bare = getattr(oewg.parse("Chair: Hello.\n"), f"{table}_frame")()
    for f in full:
        assert dtypes(bare) == dtypes(f)
    corpus = oewg.Corpus([verbatim_path, report_path])
    empty = getattr(oewg.Corpus([]), f"{table}_frame")()
    assert empty.empty
    assert dtypes(empty) == dtypes(getattr(corpus, f"{table}_frame")())
    assert oewg.Corpus([]).to_arrow(table).schema == corpus.to_arrow(table).schema


def test_closed_vocabularies_are_categorical(verbatim_path: Path) -> None:
    df = oewg.parse_file(verbatim_path).proposals_frame()
    assert len(df)
    for column in ("kind", "stance"):
        assert isinstance(df[column].dtype, pd.CategoricalDtype), column
    assert set(df["stance"].cat.categories) <= {"support", "oppose", "concern", "neutral", "reference"}


def test_positions_and_stance_table_have_the_tables_dtypes(verbatim_path: Path, report_path: Path) -> None:
    corpus = oewg.Corpus([verbatim_path, report_path])
    positions = corpus.positions_frame()
    assert len(positions)
    assert dtypes(positions) == dtypes(oewg.Corpus([]).positions_frame())
    text = corpus.statements_frame()["text"].dtype
    assert positions["delegation"].dtype == positions["proposal"].dtype == text
    assert isinstance(positions["stance"].dtype, pd.CategoricalDtype)
    assert str(positions["sponsor"].dtype) == "bool" and str(positions["support"].dtype) == "int64"
    # Each cell's sessions, and its mentions in all, as the matrix has them.
    cells = corpus.stance_matrix().cells
    assert positions["documents"].tolist() == [c.documents for c in cells]
    assert positions["mentions"].tolist() == [c.mentions for c in cells]
    table = corpus.stance_table()
    assert set(table.dtypes) == {text} and table.index.dtype == text
    cells = [v for proposal in table for v in table[proposal]]
    missing = [v for v in cells if not isinstance(v, str)]
    # Most delegations speak to few proposals: the gaps are pd.NA, as the
    # docstring says, not NaN.
    assert missing and all(v is pd.NA for v in missing)
    # A sponsor that never mentioned its proposal has a cell but no stance.
    spoke = [c for c in corpus.stance_matrix().cells if c.support + c.oppose + c.concern + c.neutral + c.reference]
    assert len(cells) - len(missing) == len(spoke)


def test_empty_frames_concatenate_with_full_ones_keeping_the_categories(verbatim_path: Path, report_path: Path) -> None:
    full = oewg.parse_file(report_path)
    empty = oewg.parse("Cuba: Hi.\n")
    for table, column in [("alignments", "kind"), ("proposals", "stance"), ("topics", "topic")]:
        a = getattr(full, f"{table}_frame")()[column]
        b = getattr(empty, f"{table}_frame")()[column]
        assert len(b) == 0 and len(a) > 0
        # The enum's every value, whatever the rows: the same dtype.
        assert b.dtype == a.dtype, table
        assert pd.concat([a, b]).dtype == a.dtype, table
    # Two records with different values concatenate as categoricals too.
    verbatim = oewg.parse_file(verbatim_path).anomalies_frame()["kind"]
    report = full.anomalies_frame()["kind"]
    assert set(verbatim) != set(report)
    assert pd.concat([verbatim, report]).dtype == report.dtype
    assert list(report.dtype.categories) == sorted(
        x["const"] for x in oewg.json_schema()["$defs"]["AnomalyKind"]["oneOf"]
    )


def test_the_proposals_frame_names_the_words_named_as_and_counts_nothing_as_words(report_path: Path) -> None:
    df = oewg.parse_file(report_path).proposals_frame()
    assert "words" not in df.columns
    assert df["named_as"].dtype == "string" and df["named_as"].str.len().min() > 0


def test_corpus_frames_say_which_session_a_row_is_of() -> None:
    a, b = oewg.parse("Chair: Hi.\n"), oewg.parse("Cuba: We support the Programme of Action.\n")
    c = oewg.Corpus([a, b, a])
    df = c.statements_frame()
    assert list(df.columns[:2]) == ["document", "path"]
    assert df["document"].tolist() == [0, 1, 2]
    assert df["document"].dtype == "int64"
    # The same index the cross-session views use.
    proposal = c.proposals()[0]
    assert proposal.sessions[0].document == 1
    assert c.proposals_frame()["document"].tolist() == [1]


def test_the_analyses_frames_of_a_session_parsed_without_them_are_not_empty(report_path: Path) -> None:
    # A session read with analyses=False is analysed for the tables, as a
    # Corpus of it is, not shown as one where nothing was found.
    bare = oewg.parse_file(report_path, analyses=False)
    full = oewg.parse_file(report_path)
    assert not oewg.has_analyses(bare)
    for name in ("speakers", "alignments", "proposals", "anomalies", "topics", "segments"):
        got = getattr(bare, f"{name}_frame")()
        want = getattr(full, f"{name}_frame")()
        assert len(want) > 0, name
        pd.testing.assert_frame_equal(got, want)
    assert not oewg.has_analyses(bare), "the session itself is left as it was"


def test_an_anomalys_offsets_are_in_its_sentence_statement(verbatim_path: Path) -> None:
    s = oewg.parse_file(verbatim_path)
    df = s.anomalies_frame()
    quoted = df[df["sentence"].notna()]
    assert len(quoted) > 0
    # An anomaly of several statements (the Chair's thanks for a turn
    # never given, and the turn before): the column says which holds it.
    assert any(len(row.statements) > 1 for row in quoted.itertuples())
    for row in quoted.itertuples():
        text = s[int(row.sentence_statement)].text
        assert text.encode()[row.start : row.end].decode() == row.sentence
    # An out-of-order turn: the sentence is the Chair's announcement, in
    # no statement of the anomaly's own.
    order = oewg.parse(
        "Chair: I now give the floor to Chile, followed by Peru and France.\n"
        "France: We thank the Chair.\nChile: Thank you.\nPeru: Thank you.\n"
    )
    rows = order.anomalies_frame()
    late = rows[rows["kind"] == "out_of_order"].iloc[0]
    assert late["sentence_statement"] not in list(late["statements"])
    announced = order[int(late["sentence_statement"])].text
    assert announced.encode()[late["start"] : late["end"]].decode() == late["sentence"]


def test_a_corpus_proposals_frame_names_proposals_as_the_stance_matrix(verbatim_path: Path, report_path: Path) -> None:
    c = oewg.Corpus([verbatim_path, report_path])
    frame = c.proposals_frame()
    ids = set(frame["proposal"])
    # The Chair's 2021 and 2025 texts are two proposals, not one.
    assert "chairs-proposal" not in ids
    assert {"chairs-proposal@oewg-2021-25-session-1", "chairs-proposal@oewg-2025-session-10"} <= ids
    assert ids <= set(c.stance_matrix().proposals)
    names = {p.id: p.name for p in c.proposals()}
    assert all(names[i] == n for i, n in zip(frame["proposal"], frame["name"]))
    # A session's own frame keeps the session's ids.
    assert "chairs-proposal" in set(oewg.parse_file(report_path).proposals_frame()["proposal"])


def test_the_documents_frame_is_the_exports_index(tmp_path: Path, verbatim_path: Path, report_path: Path) -> None:
    c = oewg.Corpus([report_path, verbatim_path])
    docs = c.documents_frame()
    assert docs["document"].tolist() == list(range(len(c.sessions)))
    assert docs["path"].tolist() == [s.path for s in c.sessions]
    assert docs["statements"].tolist() == [len(s) for s in c.sessions]
    assert docs["words"].tolist() == [s.word_count for s in c.sessions]
    assert isinstance(docs["format"].dtype, pd.CategoricalDtype)
    # The same rows as documents.csv of the export, whose ids name the TEI files.
    c.write(tmp_path)
    csv = pd.read_csv(tmp_path / "documents.csv").set_index("source")
    for row in docs.itertuples():
        exported = csv.loc[row.path]
        assert (exported.document_id, exported.tei, exported.speakers, exported.skipped) == (row.document_id, row.tei, row.speakers, row.skipped)
        assert (tmp_path / row.tei).is_file()
    assert dtypes(docs) == dtypes(oewg.Corpus([]).documents_frame())
