"""DataFrames and Arrow tables from the columns the native module builds.

The columns arrive as one dict of lists with each column's kind; here they
get their dtypes. pandas and pyarrow are optional: a clear ImportError names
the extra to install when one is missing.
"""

from __future__ import annotations

import importlib
from typing import Any

# Columns with few distinct values, stored as pandas categories.
CATEGORICAL = frozenset({"role", "kind", "format"})

# The dtype of each kind of column.
PANDAS_DTYPES = {
    "int": "int64",
    "opt_int": "Int64",
    "float": "float64",
    "str": "string",
    "opt_str": "string",
    "str_list": "object",
}


def require(module: str, extra: str) -> Any:
    """Imports ``module`` or raises an ImportError naming the extra to install."""
    try:
        return importlib.import_module(module)
    except ImportError as e:
        raise ImportError(
            f"this needs {module}, which is not installed: "
            f'pip install "oewg[{extra}]" (or pip install {module})'
        ) from e


def to_pandas(table: str, columns: dict[str, list[Any]], kinds: dict[str, str]) -> Any:
    """The columns as a pandas DataFrame with fixed dtypes."""
    pd = require("pandas", "pandas")
    frame = pd.DataFrame(columns)
    dtypes = {
        name: "category" if name in CATEGORICAL else PANDAS_DTYPES[kind]
        for name, kind in kinds.items()
    }
    frame = frame.astype(dtypes)
    frame.attrs["oewg_table"] = table
    return frame


def to_arrow(table: str, columns: dict[str, list[Any]], kinds: dict[str, str]) -> Any:
    """The columns as a pyarrow Table with a fixed schema."""
    pa = require("pyarrow", "arrow")
    types = {
        "int": pa.int64(),
        "opt_int": pa.int64(),
        "float": pa.float64(),
        "str": pa.string(),
        "opt_str": pa.string(),
        "str_list": pa.list_(pa.string()),
    }
    schema = pa.schema(
        [
            pa.field(
                name,
                pa.dictionary(pa.int32(), pa.string())
                if name in CATEGORICAL
                else types[kind],
                nullable=kind.startswith("opt"),
            )
            for name, kind in kinds.items()
        ],
        metadata={"oewg_table": table},
    )
    return pa.table(columns, schema=schema)
