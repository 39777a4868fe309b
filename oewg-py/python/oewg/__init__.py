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

from ._errors import ParseError, SkippedFilesWarning
from ._many import Corpus, FileError, ParseManyResult, parse_many
from ._oewg import (
    AtAGlance,
    Agreements,
    Argument,
    Assessment,
    Differences,
    FloorShare,
    FollowUpQuestion,
    Header,
    ListedSpeaker,
    Meta,
    Report,
    ReportBlock,
    Section,
    Session,
    Skipped,
    Span,
    Speaker,
    SpeakerAnalysis,
    Statement,
    Takeaways,
    ThoughtProvoking,
    ThoughtProvokingComment,
    Turn,
    Viewpoint,
    __version__,
    detect_format,
    parse,
    parse_file,
    segment,
)

__all__ = [
    "Agreements",
    "Argument",
    "Assessment",
    "AtAGlance",
    "Corpus",
    "Differences",
    "FileError",
    "FloorShare",
    "FollowUpQuestion",
    "Header",
    "ListedSpeaker",
    "Meta",
    "ParseError",
    "ParseManyResult",
    "Report",
    "ReportBlock",
    "Section",
    "Session",
    "Skipped",
    "SkippedFilesWarning",
    "Span",
    "Speaker",
    "SpeakerAnalysis",
    "Statement",
    "Takeaways",
    "ThoughtProvoking",
    "ThoughtProvokingComment",
    "Turn",
    "Viewpoint",
    "__version__",
    "detect_format",
    "parse",
    "parse_file",
    "parse_many",
    "segment",
]
