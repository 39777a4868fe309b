"""DataFrames and Arrow tables from the columns the native module builds.

The native module hands over each column as the buffers of an Arrow array
(values, offsets, validity), built in Rust in one go; here pyarrow wraps
them without copying or making a Python object per row, and pandas gets
its DataFrame from the Arrow table. pandas and pyarrow are optional
dependencies: a clear ImportError names the extra to install when one is
missing.
"""

from __future__ import annotations

import json
import importlib
from typing import Any, Dict, List, Optional, Tuple

# Columns with few distinct values, stored as categories (dictionaries).
CATEGORICAL = frozenset({"role", "kind", "format", "topic", "regional_group", "aligned_with_role", "stance"})

# The core's enum behind each categorical column ("kind" by table): its
# values, from the core's JSON Schema, are the column's categories in every
# frame, whatever rows it has, so that frames built apart (one per session
# or worker) concatenate as categoricals.
_ENUMS = {
    "role": "Role",
    "aligned_with_role": "Role",
    "format": "Format",
    "topic": "Topic",
    "regional_group": "RegionalGroup",
    "stance": "Stance",
}
_KINDS = {
    "statements": "StatementKind",
    "alignments": "AlignmentKind",
    "anomalies": "AnomalyKind",
    "proposals": "ProposalKind",
}


_CATEGORIES: Dict[str, Tuple[str, ...]] = {}


def categories(table: str, column: str) -> Optional[Tuple[str, ...]]:
    """The values ``column`` of ``table`` can take, sorted, or None when
    it is no enum of the core."""
    name = _KINDS.get(table) if column == "kind" else _ENUMS.get(column)
    if name is None:
        return None
    if name not in _CATEGORIES:
        from . import _oewg

        values = json.loads(_oewg.json_schema())["$defs"][name]["oneOf"]
        _CATEGORIES[name] = tuple(sorted(v["const"] for v in values))
    return _CATEGORIES[name]

# A column as the native module sends it: name, kind, rows, validity
# bitmap, buffers.
Column = Tuple[str, str, int, Optional[bytes], List[bytes]]


def require(module: str, extra: str) -> Any:
    """Imports ``module`` or raises an ImportError naming the extra to install."""
    try:
        return importlib.import_module(module)
    except ImportError as e:
        raise ImportError(
            f"this needs {module}, which is not installed: "
            f'pip install "oewg[{extra}]" (or pip install {module.split(".")[0]})'
        ) from e


def _array(pa: Any, kind: str, rows: int, validity: Optional[bytes], buffers: List[bytes]) -> Any:
    valid = pa.py_buffer(validity) if validity is not None else None
    bufs = [pa.py_buffer(b) for b in buffers]
    if kind == "bool":
        return pa.Array.from_buffers(pa.bool_(), rows, [valid, bufs[0]])
    if kind in ("int", "opt_int"):
        return pa.Array.from_buffers(pa.int64(), rows, [valid, bufs[0]])
    if kind == "float":
        return pa.Array.from_buffers(pa.float64(), rows, [valid, bufs[0]])
    if kind in ("str", "opt_str"):
        return pa.Array.from_buffers(pa.large_string(), rows, [valid, bufs[0], bufs[1]])
    if kind == "str_list":
        children = (len(buffers[1]) // 8) - 1
        values = pa.Array.from_buffers(pa.large_string(), children, [None, bufs[1], bufs[2]])
        return pa.Array.from_buffers(
            pa.large_list(pa.large_string()), rows, [valid, bufs[0]], children=[values]
        )
    if kind == "int_list":
        values = pa.Array.from_buffers(pa.int64(), len(buffers[1]) // 8, [None, bufs[1]])
        return pa.Array.from_buffers(
            pa.large_list(pa.int64()), rows, [valid, bufs[0]], children=[values]
        )
    raise ValueError(f"unknown column kind {kind!r}")


def _table(pa: Any, table: str, named: List[Tuple[str, str, Any]]) -> Any:
    """The arrays as a pyarrow Table; the CATEGORICAL columns as dictionaries."""
    fields, arrays = [], []
    for name, kind, array in named:
        if name in CATEGORICAL:
            array = array.dictionary_encode()
        fields.append(pa.field(name, array.type, nullable=kind.startswith("opt")))
        arrays.append(array)
    schema = pa.schema(fields, metadata={"oewg_table": table})
    return pa.Table.from_arrays(arrays, schema=schema)


def to_arrow(table: str, columns: List[Column]) -> Any:
    """The columns as a pyarrow Table; role, kind, format, stance and the
    other CATEGORICAL columns as dictionaries."""
    pa = require("pyarrow", "arrow")
    named = []
    for name, kind, rows, validity, buffers in columns:
        array = _array(pa, kind, rows, validity, buffers)
        # Offsets and lengths only: the bytes are Rust strings, valid UTF-8.
        array.validate()
        named.append((name, kind, array))
    return _table(pa, table, named)


def string_dtype(pd: Any) -> Any:
    """The dtype of every text column: pandas' Arrow-backed string, whose
    missing value is ``pd.NA``."""
    return pd.StringDtype("pyarrow")


def _pandas(table: str, arrow: Any, kinds: List[Tuple[str, str]]) -> Any:
    pd = require("pandas", "pandas")
    pa = require("pyarrow", "pandas")
    frame = arrow.to_pandas(types_mapper={pa.large_string(): string_dtype(pd)}.get)
    for name, kind in kinds:
        if name in CATEGORICAL:
            # Every value the enum has, sorted, as pandas orders inferred
            # categories; the dtype pandas gives a text Index (an empty
            # frame's would be object).
            values = categories(table, name) or tuple(sorted(frame[name].cat.categories))
            frame[name] = frame[name].cat.set_categories(pd.Index(list(values), dtype=pd.Index([""]).dtype))
        elif kind == "opt_int":
            frame[name] = frame[name].astype("Int64")
        elif kind in ("str_list", "int_list"):
            # A Series of object dtype: a bare list that is empty would
            # make the column float64, unlike a frame that has rows.
            lists = [list(v) if v is not None else [] for v in frame[name]]
            frame[name] = pd.Series(lists, index=frame.index, dtype=object)
    frame.attrs["oewg_table"] = table
    return frame


def to_pandas(table: str, columns: List[Column]) -> Any:
    """The columns as a pandas DataFrame: int64 counts, nullable Int64 for
    numbers that may be missing, string text, categorical role, kind,
    format and stance, lists for list columns."""
    require("pandas", "pandas")
    require("pyarrow", "pandas")
    return _pandas(table, to_arrow(table, columns), [(name, kind) for name, kind, *_ in columns])


def _arrow_type(pa: Any, kind: str) -> Any:
    return {
        "bool": pa.bool_(),
        "int": pa.int64(),
        "opt_int": pa.int64(),
        "float": pa.float64(),
        "str": pa.large_string(),
        "opt_str": pa.large_string(),
        "str_list": pa.large_list(pa.large_string()),
        "int_list": pa.large_list(pa.int64()),
    }[kind]


def from_values(table: str, columns: List[Tuple[str, str, List[Any]]]) -> Any:
    """A DataFrame from values the native module returned as Python
    objects (``name, kind, values`` a column), with the dtypes of the
    native tables, whether it has rows or not."""
    require("pandas", "pandas")
    pa = require("pyarrow", "pandas")
    named = [(name, k, pa.array(values, type=_arrow_type(pa, k))) for name, k, values in columns]
    return _pandas(table, _table(pa, table, named), [(name, k) for name, k, _ in columns])
