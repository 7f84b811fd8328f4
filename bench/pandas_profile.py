#!/usr/bin/env python3
"""The pandas way to profile every column of a file: describe() plus value_counts() per column.

    python3 bench/pandas_profile.py EVENTS.csv

Prints one JSON line: {"seconds": from reading the file to the finished profile, "columns": N}
(interpreter start-up and `import pandas` are not counted).
"""
import json
import sys
import time

import pandas as pd


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    started = time.perf_counter()
    df = pd.read_csv(sys.argv[1], parse_dates=["ts"])
    summary = df.describe(include="all", datetime_is_numeric=True)
    top = {column: df[column].value_counts(dropna=False).head(10) for column in df.columns}
    nulls = df.isna().sum()
    seconds = time.perf_counter() - started
    assert len(summary.columns) == len(df.columns) and len(top) == len(nulls)
    print(json.dumps({"seconds": seconds, "columns": len(df.columns)}))


if __name__ == "__main__":
    main()
