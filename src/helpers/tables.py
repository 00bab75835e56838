"""Frame utilities every stage shares: build a typed frame from rows, read a column as a list.

The frames of newslens are small (tens to thousands of rows) and built once per article, so they
are made with pandas' public constructors, column by column, with their final dtypes: ``int64``,
``bool``, categoricals with a fixed category list, and ``object`` for everything else so that a
missing value stays ``None`` (pandas' string dtype would turn it into ``NaN``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

__all__ = ["build_frame", "column_values", "is_missing"]


def build_frame(columns: Sequence[str], rows: Iterable[tuple], ints: Iterable[str] = (),
                bools: Iterable[str] = (), floats: Iterable[str] = (),
                categories: dict[str, Sequence[str]] | None = None) -> pd.DataFrame:
    """A frame with ``columns`` from row tuples (one value per column, in order).

    ``ints`` become ``int64``, ``bools`` ``bool``, ``floats`` ``float64``, ``categories``
    (``{column: categories}``) categoricals with exactly those categories; every other column is
    ``object``, so ``None`` stays ``None``. Raises ``ValueError`` for a value outside its column's
    categories (``None`` is allowed: it reads as missing).

    Typed columns are given to the frame as numpy arrays and categoricals (a pandas ``Series`` per
    column only where the values are not plainly of the column's type, and for the ``object`` columns,
    which a frame built from bare arrays would type as strings); the frame is the same as with a
    ``Series`` per column, at about two thirds of the cost (the quotes, mentions and entities frames of
    every article are built here).
    """
    rows = list(rows)
    ints, bools, floats, categories = set(ints), set(bools), set(floats), categories or {}
    values = list(zip(*rows)) if rows else [()] * len(columns)
    index = pd.RangeIndex(len(rows))
    data = {}
    for col, vals in zip(columns, values):
        if col in ints:
            data[col] = _typed(vals, "int64", "i")
        elif col in bools:
            data[col] = _typed(vals, "bool", "b")
        elif col in floats:
            data[col] = _typed(vals, "float64", "f")
        elif col in categories:
            allowed = list(categories[col])
            unknown = sorted({str(v) for v in vals if v is not None and v not in allowed})
            if unknown:
                raise ValueError(f"column {col!r}: {', '.join(unknown)} not among its categories {allowed}")
            data[col] = pd.Categorical(vals, dtype=_categories(tuple(allowed)))
        else:
            # filled element by element, so a list or tuple in a cell stays one value; given to the
            # Series as it is (copy=False): it is new, and object dtype keeps None as None
            column = np.empty(len(vals), dtype=object)
            column[:] = vals
            data[col] = pd.Series(column, index=index, dtype="object", copy=False)
    return pd.DataFrame(data, columns=list(columns), index=index, copy=False)


def _typed(values: Sequence, dtype: str, kind: str) -> np.ndarray:
    """``values`` as an array of ``dtype``: numpy's own array when numpy reads them as that kind of
    number (``i``, ``b``, ``f``), else pandas' conversion (``Series(values, dtype=dtype)``, which also
    raises where a value does not fit, such as a fraction or ``None`` in an integer column)."""
    array = np.array(values) if len(values) else np.array([], dtype=dtype)
    if array.dtype.kind == kind:
        return array.astype(dtype, copy=False)
    return pd.Series(values, dtype=dtype).to_numpy()


@functools.lru_cache(maxsize=256)
def _categories(allowed: tuple) -> pd.CategoricalDtype:
    """The categorical dtype of ``allowed`` (made once: frames of one kind share it; dtypes do not change)."""
    return pd.CategoricalDtype(list(allowed))


def column_values(frame: pd.DataFrame | Mapping[str, Sequence], name: str) -> list:
    """Column ``name`` of ``frame`` as a plain list, missing values as ``None``. ``frame`` is a frame,
    or a frame's columns as plain lists (``{column: values}``, as the corpus workers keep them)."""
    values = frame[name]
    return [None if is_missing(v) else v for v in (values.tolist() if isinstance(values, pd.Series) else values)]


def is_missing(value: object) -> bool:
    """True for ``None``, ``NaN``, ``NaT`` and ``pd.NA`` (never for a list, an array or another container)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float):  # numpy's float64 too
        return value != value
    if isinstance(value, (str, int, list, tuple, dict, set, np.ndarray)):  # (bool is an int)
        return False
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False
