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
