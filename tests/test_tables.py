"""helpers.tables: typed frames from rows, missing values kept as None."""

import math

import numpy as np
import pandas as pd
import pytest

from helpers.tables import build_frame, column_values, is_missing


def test_build_frame_gives_each_column_its_final_dtype():
    rows = [("a", 1, True, 0.5, "x", ["v", "w"]), (None, 2, False, 1.5, None, [])]
    frame = build_frame(["s", "n", "b", "f", "c", "l"], rows, ints=("n",), bools=("b",), floats=("f",),
                        categories={"c": ["x", "z"]})
    assert frame.dtypes.astype(str).tolist() == ["object", "int64", "bool", "float64", "category", "object"]
    assert frame["s"].tolist() == ["a", None]  # None stays None in an object column
    assert list(frame["c"].cat.categories) == ["x", "z"]
    assert frame["c"].tolist()[0] == "x" and pd.isna(frame["c"].tolist()[1])
    assert frame["l"].tolist() == [["v", "w"], []]
    assert frame.index.equals(pd.RangeIndex(2))



def test_build_frame_keeps_lists_of_one_length_as_cell_values():
    # every cell a list of the same length (or one row of a one-item list): still one value per cell,
    # the very objects given, never spread into a two-dimensional column or unpacked
    pair, other = ["a", "b"], ("c", "d")
    frame = build_frame(["l", "t"], [(pair, other), (["e", "f"], ("g", "h"))])
    assert frame["l"].tolist() == [["a", "b"], ["e", "f"]] and frame["l"].iloc[0] is pair
    assert frame["t"].tolist() == [("c", "d"), ("g", "h")] and frame["t"].iloc[0] is other
    one = build_frame(["l"], [(["x"],)])
    assert one["l"].tolist() == [["x"]] and one.dtypes.astype(str).tolist() == ["object"]

def _series_per_column(columns, rows, ints=(), bools=(), floats=(), categories=None):
    """The frame the plain way: one pandas Series per column (what build_frame must equal)."""
    values = list(zip(*rows)) if rows else [()] * len(columns)
    data = {}
    for col, vals in zip(columns, values):
        if col in ints:
            data[col] = pd.Series(vals, dtype="int64")
        elif col in bools:
            data[col] = pd.Series(vals, dtype="bool")
        elif col in floats:
            data[col] = pd.Series(vals, dtype="float64")
        elif col in (categories or {}):
            data[col] = pd.Series(pd.Categorical(vals, categories=list(categories[col])))
        else:
            column = np.empty(len(vals), dtype=object)
            column[:] = vals
            data[col] = pd.Series(column, dtype="object")
    return pd.DataFrame(data, columns=list(columns), index=pd.RangeIndex(len(rows)))


@pytest.mark.parametrize("rows", [
    [("a", 1, True, 0.5, "x"), (None, 2, False, 1.5, None)],
    [("a", np.int64(3), np.bool_(True), 2, "z"), ("b", 4, 1, np.float32(0.25), "x")],  # numpy scalars, an int
    [("a", 1, True, float("nan"), "x"), ("b", 2, False, None, "z")],  # NaN and None in a float column
    [("a", 1.0, True, 1, "x")],  # a whole float in an int column, an int in a float column
    [("a", True, 0, 1.0, "x")],  # a bool in an int column, 0 in a bool column
    [],
])
def test_build_frame_equals_a_series_per_column(rows):
    spec = dict(ints=("n",), bools=("b",), floats=("f",), categories={"c": ["x", "z"]})
    columns = ["s", "n", "b", "f", "c"]
    built, plain = build_frame(columns, rows, **spec), _series_per_column(columns, rows, **spec)
    pd.testing.assert_frame_equal(built, plain, check_exact=True)


@pytest.mark.parametrize("value", [1.5, None, "seven"])
def test_build_frame_refuses_what_pandas_refuses_in_an_int_column(value):
    with pytest.raises((ValueError, TypeError)):
        _series_per_column(["n"], [(1,), (value,)], ints=("n",))
    with pytest.raises((ValueError, TypeError)):
        build_frame(["n"], [(1,), (value,)], ints=("n",))


def test_build_frame_refuses_a_value_outside_the_categories():
    with pytest.raises(ValueError, match="'c': y not among"):
        build_frame(["c"], [("x",), ("y",)], categories={"c": ["x", "z"]})


def test_build_frame_with_no_rows_keeps_columns_and_dtypes():
    empty = build_frame(["s", "n", "c"], [], ints=("n",), categories={"c": ["x"]})
    assert empty.empty and list(empty.columns) == ["s", "n", "c"]
    assert empty.dtypes.astype(str).tolist() == ["object", "int64", "category"]


@pytest.mark.parametrize("value, missing", [
    (None, True), (float("nan"), True), (pd.NA, True), (math.inf, False), (0, False), ("", False),
    ([], False), ([None], False), ("—", False), (pd.NaT, True), (np.array([]), False), (np.array([1, 2]), False),
    (np.array([float("nan")]), False),
])
def test_is_missing(value, missing):
    assert is_missing(value) is missing


def test_column_values_reads_missing_as_none():
    frame = pd.DataFrame({"x": [1.0, None, 3.0], "s": ["a", None, "c"]})
    assert column_values(frame, "x") == [1.0, None, 3.0]
    assert column_values(frame, "s") == ["a", None, "c"]


def test_column_values_reads_a_frames_columns_given_as_lists():
    frame = pd.DataFrame({"x": [1.0, None, 3.0], "s": ["a", None, "c"]})
    as_lists = {c: frame[c].to_numpy(dtype=object).tolist() for c in frame}  # NaN where a value is missing
    assert column_values(as_lists, "x") == column_values(frame, "x") == [1.0, None, 3.0]
    assert column_values(as_lists, "s") == column_values(frame, "s") == ["a", None, "c"]
