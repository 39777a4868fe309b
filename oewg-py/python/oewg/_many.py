"""Many records at once: ``parse_many`` and ``Corpus``."""

from __future__ import annotations

import os
import sys
import warnings
from typing import (
    Any,
    Callable,
    Iterable,
    Iterator,
    List,
    Literal,
    NamedTuple,
    Optional,
    Sequence,
    Tuple,
    Union,
    overload,
)

from . import _oewg
from ._errors import SkippedFilesWarning
from ._frames import from_values, require, string_dtype
from ._oewg import DelegationSeries, ProposalSeries, Session, StanceMatrix, with_analyses

__all__ = ["Corpus", "FileError", "ParseManyResult", "parse_many"]

PathLike = Union[str, bytes, "os.PathLike[str]", "os.PathLike[bytes]"]

# The columns of ``Corpus.positions_frame``, named as ``Position``'s fields.
_POSITIONS = [
    ("delegation", "str"),
    ("proposal", "str"),
    ("stance", "str"),
    ("sponsor", "bool"),
    ("support", "int"),
    ("oppose", "int"),
    ("concern", "int"),
    ("neutral", "int"),
    ("reference", "int"),
    ("mentions", "int"),
    ("documents", "int_list"),
]

# Corpus.documents_frame's columns: documents.csv's, with the place in
# Corpus.sessions and the path as the other corpus frames name them.
_DOCUMENTS = [
    ("document", "int"),
    ("path", "opt_str"),
    ("document_id", "str"),
    ("tei", "str"),
    ("format", "str"),
    ("title", "opt_str"),
    ("process", "opt_str"),
    ("session", "opt_int"),
    ("meeting", "opt_int"),
    ("date", "opt_str"),
    ("statements", "int"),
    ("words", "int"),
    ("speakers", "int"),
    ("skipped", "int"),
]

# Below this much work a progress bar is noise.
_LONG_WORK_BYTES = 64 * 1024 * 1024
_LONG_WORK_FILES = 500


class FileError(NamedTuple):
    """A file ``parse_many`` could not read or parse, and why."""

    path: str
    error: Exception


class ParseManyResult(NamedTuple):
    """What ``parse_many(..., errors="collect")`` returns: the sessions that
    parsed, in input order, and the files that did not, with their errors."""

    sessions: List[Session]
    errors: List[FileError]


def _attached() -> bool:
    """True when someone is watching: a terminal, or a Jupyter kernel."""
    if "ipykernel" in sys.modules:
        return True
    try:
        return sys.stderr is not None and sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def _long(paths: Sequence[str]) -> bool:
    if len(paths) >= _LONG_WORK_FILES:
        return True
    total = 0
    for p in paths:
        try:
            total += os.path.getsize(p)
        except OSError:
            continue
        if total >= _LONG_WORK_BYTES:
            return True
    return False


def _progress_bar(total: int, explicit: bool) -> Optional[Any]:
    try:
        tqdm = require("tqdm.auto", "progress")
    except ImportError:
        if explicit:
            raise
        return None
    return tqdm.tqdm(total=total, unit="file", desc="oewg")


@overload
def parse_many(
    paths: Iterable[PathLike],
    threads: Optional[int] = ...,
    progress: Optional[bool] = ...,
    errors: Literal["raise", "skip"] = ...,
    format: Optional[str] = ...,
    analyses: bool = ...,
) -> List[Session]: ...


@overload
def parse_many(
    paths: Iterable[PathLike],
    threads: Optional[int] = ...,
    progress: Optional[bool] = ...,
    *,
    errors: Literal["collect"],
    format: Optional[str] = ...,
    analyses: bool = ...,
) -> ParseManyResult: ...


def parse_many(
    paths: Iterable[PathLike],
    threads: Optional[int] = None,
    progress: Optional[bool] = None,
    errors: str = "raise",
    format: Optional[str] = None,
    analyses: bool = True,
) -> Union[List[Session], ParseManyResult]:
    """Parses many files in parallel, with the GIL released, and returns the
    sessions in input order.

    - ``paths``: a list (or any iterable) of paths; one path alone is a
      ``TypeError`` (use ``parse_file``, or ``[path]``).
    - ``threads``: how many threads, at least 1 (``None``: every core).
    - ``progress``: ``True`` for a tqdm progress bar, ``False`` for none;
      by default one appears when the work is long (500 files or 64 MB) and
      a terminal or notebook is watching.
    - ``errors``: what one bad file does. ``"raise"`` (default): parse all,
      then raise the first file's error in input order. ``"skip"``: leave it
      out, with a ``SkippedFilesWarning`` naming it. ``"collect"``: return a
      ``ParseManyResult(sessions, errors)`` with every error beside its path.
    - ``format``: force a layout for every file.
    - ``analyses``: ``False`` skips the analyses (each ``Session.analysis``
      stays empty; a ``Corpus`` of such sessions analyses them itself),
      for counting and indexing work that needs the
      statements only; it costs a fraction of the full parse.

    >>> import oewg
    >>> oewg.parse_many([])
    []
    """
    _check_errors(errors)
    if isinstance(paths, (str, bytes, os.PathLike)):
        # A string is iterable too, by characters: "/" would be read first.
        if os.path.isdir(paths):
            hint = "for every record in a folder, use oewg.Corpus(folder)"
        else:
            hint = "pass [path], or use parse_file"
        raise TypeError(f"parse_many takes an iterable of paths, not one path ({paths!r}): {hint}")
    _check_threads(threads)
    # fsdecode: a path given as bytes is a path too, as os.open takes it.
    names = [os.fsdecode(p) for p in paths]
    return _settle(names, _parse_each(names, threads, progress, format, analyses), errors)


def _check_errors(errors: str) -> None:
    if errors not in ("raise", "skip", "collect"):
        raise ValueError(f'errors must be "raise", "skip" or "collect", not {errors!r}')


def _check_threads(threads: Optional[int]) -> None:
    if threads is not None and (isinstance(threads, bool) or not isinstance(threads, int) or threads < 1):
        raise ValueError(f"threads must be a positive number or None (every core), not {threads!r}")


def _parse_each(
    names: List[str],
    threads: Optional[int],
    progress: Optional[bool],
    format: Optional[str] = None,
    analyses: bool = True,
) -> List[Any]:
    """Each file's Session, or its ParseError, in input order."""
    show = progress if progress is not None else (_attached() and _long(names))
    bar = _progress_bar(len(names), explicit=bool(progress)) if show else None
    callback: Optional[Callable[[int], None]] = None
    if bar is not None:
        callback = lambda done: bar.update(done - bar.n)  # noqa: E731
    try:
        results = _oewg.parse_many_raw(names, threads, callback, format, analyses)
    finally:
        if bar is not None:
            bar.close()
    return list(results)


def _settle(names: List[str], results: List[Any], errors: str) -> Union[List[Session], ParseManyResult]:
    """What ``parse_many`` gives for ``errors``, from each file's result."""
    sessions: List[Session] = []
    failed: List[FileError] = []
    for name, r in zip(names, results):
        if isinstance(r, Session):
            sessions.append(r)
        else:
            failed.append(FileError(name, r))
    if errors == "collect":
        return ParseManyResult(sessions, failed)
    if failed and errors == "raise":
        raise failed[0].error
    if failed:
        listed = ", ".join(f.path for f in failed[:5]) + (" …" if len(failed) > 5 else "")
        warnings.warn(
            f"parse_many skipped {len(failed)} of {len(names)} files: {listed}",
            SkippedFilesWarning,
            stacklevel=3,
        )
    return sessions


def _expand(item: PathLike) -> List[str]:
    """A folder stands for its .txt and .md files, sorted, as for ``oewg
    corpus DIR`` (the core's ``record_files``; none for a folder of no
    records); a file for itself."""
    path = os.fsdecode(item)
    if os.path.isdir(path):
        return [os.fspath(p) for p in _oewg.record_files(path)]
    return [path]


def _no_records(folder: str) -> ValueError:
    """A folder of no records: more often a wrong path than an empty series."""
    return ValueError(f"{folder}: no .txt or .md records in this folder (its subfolders and hidden files are not read)")


def _once(items: List[Any]) -> List[Any]:
    """``items`` with a file given twice (by two spellings of its path, a
    link, or as itself and in its folder) kept at its first place only,
    as the core's ``distinct_files`` keeps them; anything but a path is
    kept as it is."""
    paths = [i for i, item in enumerate(items) if isinstance(item, str)]
    dropped = set(paths) - {paths[k] for k in _oewg.distinct_files([items[i] for i in paths])}
    return [item for i, item in enumerate(items) if i not in dropped]


class Corpus:
    """Many sessions, with the same tables as one session has, every row
    carrying its session's place in ``sessions`` (``document``, as the
    views' ``documents`` count it), path, format, process, session and
    meeting numbers, date and title (``session_title``).

    ``items`` are sessions, files or folders (a folder stands for its
    ``.txt`` and ``.md`` files, any case, not hidden ones, not in its
    subfolders, as for ``oewg corpus DIR``; a folder with none is a
    ``ValueError``, or with ``errors`` ``"collect"`` or ``"skip"`` an error
    kept or warned of; a file given twice is read once), kept in the order
    given, or one of them alone; paths
    may be ``str``, ``bytes`` or ``os.PathLike``; files are parsed with ``parse_many``
    (``threads``, ``progress`` and ``errors`` are passed on; with
    ``errors="collect"`` the failures are in ``Corpus.errors``).

    >>> import oewg
    >>> c = oewg.Corpus([oewg.parse("Chair: Hello.\\n"), oewg.parse("Cuba: Hi.\\n")])
    >>> len(c)
    2
    """

    def __init__(
        self,
        items: Union[Iterable[Union[Session, PathLike]], Session, PathLike],
        threads: Optional[int] = None,
        progress: Optional[bool] = None,
        errors: str = "raise",
    ) -> None:
        _check_errors(errors)
        slots: List[Union[Session, str]] = []
        # One session, file or folder stands for itself (a string is
        # iterable too, by characters).
        if isinstance(items, (Session, str, bytes, os.PathLike)):
            items = [items]
        empty: List[str] = []
        for item in items:
            if isinstance(item, Session):
                slots.append(item)
                continue
            found = _expand(item)
            if not found:
                empty.append(os.fsdecode(item))
            slots.extend(found)
        if empty and errors == "raise":
            raise _no_records(empty[0])
        # A file given twice is one record, as in the core's corpus.
        slots = _once(slots)
        paths = [s for s in slots if isinstance(s, str)]
        self.errors: List[FileError] = [FileError(f, _no_records(f)) for f in empty]
        if empty and errors == "skip":
            warnings.warn(
                f"Corpus skipped {len(empty)} folders of no records: {', '.join(empty)}",
                SkippedFilesWarning,
                stacklevel=2,
            )
        # Each file's result by its place, not by its path: a session's
        # path is the file name made text, which differs from the name
        # when it is no valid UTF-8, and the file would be lost.
        results: List[Any] = []
        if paths:
            _check_threads(threads)
            results = _parse_each(paths, threads, progress)
            settled = _settle(paths, results, errors)
            if isinstance(settled, ParseManyResult):
                self.errors += settled.errors
        each = iter(results)
        kept: List[Session] = []
        for slot in slots:
            got = slot if isinstance(slot, Session) else next(each)
            if isinstance(got, Session):
                # A session parsed with analyses=False is analysed here:
                # the tables and views are made of the analyses.
                kept.append(with_analyses(got))
        self._sessions: Tuple[Session, ...] = tuple(kept)
        # The cross-session views, each built once: the sessions never
        # change, and building one reads every session.
        self._views: dict[str, Any] = {}

    def _view(self, name: str, build: Callable[[List[Session]], Any]) -> Any:
        if name not in self._views:
            self._views[name] = build(list(self._sessions))
        return self._views[name]

    @property
    def sessions(self) -> Tuple[Session, ...]:
        """The sessions, in the order given."""
        return self._sessions

    def __len__(self) -> int:
        return len(self._sessions)

    def __iter__(self) -> Iterator[Session]:
        return iter(self._sessions)

    def __getitem__(self, i: int) -> Session:
        return self._sessions[i]

    def __repr__(self) -> str:
        statements = sum(len(s) for s in self._sessions)
        return f"<Corpus: {len(self._sessions)} sessions, {statements} statements>"

    def statements_frame(self) -> Any:
        """One row a statement of every session (see ``Session.statements_frame``)."""
        return _oewg.corpus_frame("statements", list(self._sessions))

    def speakers_frame(self) -> Any:
        """One row a speaker of each session (see ``Session.speakers_frame``)."""
        return _oewg.corpus_frame("speakers", list(self._sessions))

    def paragraphs_frame(self) -> Any:
        """One row a paragraph of every session."""
        return _oewg.corpus_frame("paragraphs", list(self._sessions))

    def arguments_frame(self) -> Any:
        """One row an argument of every report in the corpus."""
        return _oewg.corpus_frame("arguments", list(self._sessions))

    def alignments_frame(self) -> Any:
        """One row an alignment in any session."""
        return _oewg.corpus_frame("alignments", list(self._sessions))

    def delegations(self) -> List[DelegationSeries]:
        """Every delegation across the sessions: per session its statements,
        words, alignments, agreements and stances (``document`` indexes
        ``sessions``)."""
        return list(self._view("delegations", _oewg.corpus_delegations))

    def proposals(self) -> List[ProposalSeries]:
        """Every proposal across the sessions (one ``id`` for the same
        proposal in every session): per session its sponsors, supporters,
        opposers and those with concerns."""
        return list(self._view("proposals", _oewg.corpus_proposals))

    def stance_matrix(self) -> StanceMatrix:
        """The delegation × proposal stance matrix, kept sparse (see
        ``positions_frame`` and ``stance_table`` for tables)."""
        matrix: StanceMatrix = self._view("stance_matrix", _oewg.corpus_stance_matrix)
        return matrix

    def positions_frame(self) -> Any:
        """One row a cell of the stance matrix: delegation, proposal,
        stance, whether it sponsors, its mentions per stance and in all,
        and the sessions (``documents``, indices in ``sessions``) it
        sponsored or mentioned the proposal in; with the dtypes of the
        other tables (string text, categorical ``stance``), rows or
        none."""
        cells = self.stance_matrix().cells
        columns = [(name, kind, [getattr(c, name) for c in cells]) for name, kind in _POSITIONS]
        return from_values("positions", columns)

    def stance_table(self) -> Any:
        """The stance matrix as a DataFrame: one row a delegation (the
        index), one column a proposal id, each cell a stance, or ``<NA>``
        (``pd.NA``) where the delegation never mentioned the proposal (a
        sponsor that never did too: ``stance_matrix`` keeps it, as
        ``reference`` with ``sponsor`` set); string dtype, as the text of
        the other tables."""
        pd = require("pandas", "pandas")

        m = self.stance_matrix()
        string = string_dtype(pd)
        row = {d: i for i, d in enumerate(m.delegations)}
        cells: dict[str, List[Optional[str]]] = {p: [None] * len(m.delegations) for p in m.proposals}
        for c in m.cells:
            if c.mentions:
                cells[c.proposal][row[c.delegation]] = c.stance
        index = pd.Index(m.delegations, name="delegation", dtype=string)
        return pd.DataFrame({p: pd.array(v, dtype=string) for p, v in cells.items()}, index=index, columns=m.proposals)

    def render_positions(self) -> str:
        """The stance matrix as text, as ``oewg positions`` prints it: one
        row a delegation, one numbered column a proposal; ``+`` support,
        ``-`` oppose, ``?`` concern, ``~`` neutral, ``.`` mentioned, ``*``
        sponsor."""
        return _oewg.render_positions(list(self._sessions))

    def write(self, out: PathLike) -> List[str]:
        """Writes every export into the folder ``out`` (made if missing):
        ``statements.jsonl``, the CSV tables (statements, speakers,
        alignments, anomalies, proposals, positions),
        ``session.schema.json`` and ``tei/<record>.xml`` (Parla-CLARIN) for
        each session, as ``oewg corpus`` does. Returns the files written."""
        return [os.fspath(p) for p in _oewg.corpus_write(list(self._sessions), os.fsdecode(out))]

    def proposals_frame(self) -> Any:
        """One row a mention of a proposal in any session, with its stance."""
        return _oewg.corpus_frame("proposals", list(self._sessions))

    def anomalies_frame(self) -> Any:
        """One row an anomaly of any session's floor audit."""
        return _oewg.corpus_frame("anomalies", list(self._sessions))

    def topics_frame(self) -> Any:
        """One row a statement and topic, in every session."""
        return _oewg.corpus_frame("topics", list(self._sessions))

    def segments_frame(self) -> Any:
        """One row an agenda segment of every session."""
        return _oewg.corpus_frame("segments", list(self._sessions))

    def documents_frame(self) -> Any:
        """One row a session, as ``documents.csv`` of ``write``: its place
        in ``sessions`` (``document``, as in the other frames), path, id in
        the exports (``document_id``, its TEI file ``tei``), layout, title,
        process, session, meeting, date, and its counts of statements,
        words, speakers and skipped parts."""
        sessions = list(self._sessions)
        # The rows are the core's (documents.csv's); the place and path are
        # the session's here.
        rows = [(i, s.path, *row) for i, (s, row) in enumerate(zip(sessions, _oewg.corpus_documents(sessions)))]
        columns = [(name, kind, [r[k] for r in rows]) for k, (name, kind) in enumerate(_DOCUMENTS)]
        return from_values("documents", columns)

    def to_arrow(self, table: str = "statements") -> Any:
        """One of the tables as a ``pyarrow.Table``."""
        return _oewg.corpus_frame(table, list(self._sessions), "arrow")
