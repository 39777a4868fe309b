"""The exceptions of :mod:`oewg`."""

from __future__ import annotations

from typing import Any, Optional

__all__ = ["ParseError", "SkippedFilesWarning"]


class ParseError(ValueError):
    """A record could not be parsed; says where, like a compiler.

    The message is the command line's (``record.txt:3:1: expected …``); the
    parts are attributes:

    - ``kind``: ``"empty"``, ``"invalid_utf8"`` or ``"expected"``;
    - ``line``, ``column``: 1-based, the column counted in characters;
    - ``offset``: the byte offset (for invalid UTF-8, of the first bad byte);
    - ``expected``, ``found``: what the layout required there, and what is
      there instead as the message says it (the line's first 40 characters
      in double quotes, ``…`` after them when it goes on, or ``end of
      input``);
    - ``path``: the file, when one was read, else ``None``.

    >>> import oewg
    >>> try:
    ...     oewg.parse("   ")
    ... except oewg.ParseError as e:
    ...     print(e.kind, e.line, e.column)
    empty 1 1
    """

    kind: str
    line: int
    column: int
    offset: int
    expected: Optional[str]
    found: Optional[str]
    path: Optional[str]

    def __init__(
        self,
        message: str,
        *,
        kind: str = "expected",
        line: int = 1,
        column: int = 1,
        offset: int = 0,
        expected: Optional[str] = None,
        found: Optional[str] = None,
        path: Optional[str] = None,
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.line = line
        self.column = column
        self.offset = offset
        self.expected = expected
        self.found = found
        self.path = path

    def __reduce__(self) -> tuple[Any, ...]:
        # Keyword-only attributes would be lost by the default reduce.
        return (type(self), (self.args[0],), self.__dict__)


class SkippedFilesWarning(UserWarning):
    """``parse_many(..., errors="skip")`` left files out; the message names them."""
