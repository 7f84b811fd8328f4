#!/usr/bin/env python3
"""bench/pipeline.yaml in pandas: the script a data scientist would write for the same features.

    python3 bench/pandas_pipeline.py EVENTS.csv STORES.csv OUT.csv

Reads CSV and writes CSV: Debian's python3-pandas has no pyarrow, so it cannot read or write
Parquet. Prints one JSON line: {"seconds": time from reading the files to the written output, "rows": N}
(interpreter start-up and `import pandas` are not counted).
"""
import json
import sys
import time

import numpy as np
import pandas as pd

FILL = ["amount", "quantity", "discount", "rating", "age", "revenue", "revenue_avg10", "prev_revenue"]
ONE_HOT = ["category", "channel", "device", "region"]
MAX_CATEGORIES = 10


def one_hot(df, column):
    """Indicator columns in place of `column`, most frequent category first (ties by value), as Millrace's one_hot."""
    counts = df[column].value_counts(dropna=True)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    kept = [value for value, _ in ranked[:MAX_CATEGORIES]]
    indicators = {"%s_%s" % (column, value): (df[column] == value).astype("int32") for value in kept}
    if len(ranked) > MAX_CATEGORIES:
        indicators["%s_other" % column] = (df[column].notna() & ~df[column].isin(kept)).astype("int32")
    at = df.columns.get_loc(column)
    return pd.concat([df.iloc[:, :at], pd.DataFrame(indicators, index=df.index), df.iloc[:, at + 1:]], axis=1)


def pipeline(events_csv, stores_csv):
    events = pd.read_csv(events_csv, parse_dates=["ts"])
    stores = pd.read_csv(stores_csv)
    df = events[(events["status"] != "cancelled") & (events["price"] > 2)].copy()
    df["revenue"] = df["amount"] * df["quantity"].fillna(1) * (1 - df["discount"].fillna(0))
    df["hour"] = df["ts"].dt.hour
    df["weekday"] = (df["ts"].dt.dayofweek + 1) % 7  # Sunday = 0, as DuckDB's dayofweek
    df["log_latency"] = np.log(1 + df["latency_ms"])
    df = df.merge(stores, on="store_id", how="left")
    df = df.sort_values(["store_id", "ts", "id"])
    by_store = df.groupby("store_id", sort=False)["revenue"]
    df["revenue_avg10"] = by_store.rolling(10, min_periods=1).mean().reset_index(level=0, drop=True)
    df["prev_revenue"] = by_store.shift(1)
    df = df.astype({"quantity": "float64", "rating": "float64", "age": "float64", "hour": "int32", "weekday": "int32"})
    df[FILL] = df[FILL].fillna(df[FILL].mean())
    for column in ONE_HOT:
        df = one_hot(df, column)
    df = df.drop(columns=["ts", "user_id", "city", "status", "latency_ms"])
    df["revenue_ratio"] = df["revenue"] / df["revenue_avg10"].replace(0, np.nan)
    df["high_value"] = (df["revenue"] > 150).astype("int32")
    return df


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    events_csv, stores_csv, out_csv = sys.argv[1:]
    started = time.perf_counter()
    df = pipeline(events_csv, stores_csv)
    df.to_csv(out_csv, index=False)
    print(json.dumps({"seconds": time.perf_counter() - started, "rows": len(df)}))


if __name__ == "__main__":
    main()
