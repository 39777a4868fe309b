"""oewg: UN meeting records as structured data.

Reads OEWG verbatim transcripts, DiploAI / dig.watch AI session reports and
``Speaker: text`` or ``>> SPEAKER:`` caption transcripts into a
:class:`Session` — its meta, its statements with their exact spans in the
source, the typed report, and what could not be read — and gives pandas
DataFrames of statements, speakers, paragraphs and report arguments, for one
session or a :class:`Corpus` of many. The parsing is done by the Rust crate
``oewg-core``; this package converts its results.

>>> import oewg
>>> s = oewg.parse("Chair: Good morning.\\nCzech Republic: We align with the EU.\\n")
>>> st = s.statements[1]
>>> st.speaker.name, st.speaker.iso3, st.word_count
('Czechia', 'CZE', 5)
"""

import json as _json
from typing import Any, cast

from . import _oewg
from ._errors import ParseError, SkippedFilesWarning
from ._many import Corpus, FileError, ParseManyResult, parse_many
from ._oewg import (
    AgendaSegment,
    Agreements,
    Alignment,
    Analysis,
    Anomaly,
    Argument,
    Assessment,
    AtAGlance,
    Cue,
    DelegationSeries,
    DelegationSession,
    Differences,
    Excerpt,
    FloorAudit,
    FloorEvent,
    FloorShare,
    FollowUpQuestion,
    GroupShare,
    Header,
    HeaderDisagreement,
    LengthMismatch,
    ListedSpeaker,
    Member,
    Meta,
    Named,
    Position,
    Proposal,
    ProposalMention,
    ProposalSeries,
    ProposalSession,
    ProposalStance,
    Report,
    ReportBlock,
    ReportFigures,
    ReportCheck,
    ReportSpeaker,
    Section,
    Session,
    Skipped,
    Span,
    Speaker,
    SpeakerAnalysis,
    StanceDisagreement,
    StanceEvidence,
    StanceMatrix,
    Statement,
    StatementTopics,
    Statistics,
    Takeaways,
    TermHit,
    TextRange,
    ThoughtProvoking,
    ThoughtProvokingComment,
    TitledSection,
    TopicCount,
    TopicTag,
    Topics,
    Turn,
    UnmatchedName,
    UnsupportedArgument,
    Viewpoint,
    Vote,
    VoteCounts,
    __version__,
    detect_format,
    has_analyses,
    not_text,
    parse,
    parse_file,
    resolve,
    segment,
    with_analyses,
)

__all__ = [
    "AgendaSegment",
    "Agreements",
    "Alignment",
    "Analysis",
    "Anomaly",
    "Argument",
    "Assessment",
    "AtAGlance",
    "Corpus",
    "Cue",
    "DelegationSeries",
    "DelegationSession",
    "Differences",
    "Excerpt",
    "FileError",
    "FloorAudit",
    "FloorEvent",
    "FloorShare",
    "FollowUpQuestion",
    "GroupShare",
    "Header",
    "HeaderDisagreement",
    "LengthMismatch",
    "ListedSpeaker",
    "Member",
    "Meta",
    "Named",
    "ParseError",
    "ParseManyResult",
    "Position",
    "Proposal",
    "ProposalMention",
    "ProposalSeries",
    "ProposalSession",
    "ProposalStance",
    "Report",
    "ReportBlock",
    "ReportFigures",
    "ReportCheck",
    "ReportSpeaker",
    "Section",
    "Session",
    "Skipped",
    "SkippedFilesWarning",
    "Span",
    "Speaker",
    "SpeakerAnalysis",
    "StanceDisagreement",
    "StanceEvidence",
    "StanceMatrix",
    "Statement",
    "StatementTopics",
    "Statistics",
    "Takeaways",
    "TermHit",
    "TextRange",
    "ThoughtProvoking",
    "ThoughtProvokingComment",
    "TitledSection",
    "TopicCount",
    "TopicTag",
    "Topics",
    "Turn",
    "UnmatchedName",
    "UnsupportedArgument",
    "Viewpoint",
    "Vote",
    "VoteCounts",
    "__version__",
    "detect_format",
    "has_analyses",
    "json_schema",
    "not_text",
    "parse",
    "parse_file",
    "parse_many",
    "resolve",
    "segment",
    "with_analyses",
]


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a session as ``Session.to_json``
    and ``oewg json`` write it, generated from the Rust types and versioned
    (its ``$id`` and ``title`` carry the version); the same file as
    ``schema/session.schema.json`` and ``oewg corpus`` write.

    >>> import oewg
    >>> oewg.json_schema()["title"].startswith("oewg Session ")
    True
    """
    return cast("dict[str, Any]", _json.loads(_oewg.json_schema()))
