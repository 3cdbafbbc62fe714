#!/usr/bin/env python3
"""Time pandas.read_csv (C engine) on a CSV file; the reference point for FairGate's CSV loader.

    python bench_csv.py PATH [--runs 5]

Prints one JSON object: {"seconds": median wall time, "rows": ..., "bytes": ..., "runs": ...,
"pandas": version}. Empty cells are read as missing, as FairGate does.
"""
import argparse
import json
import os
import statistics
import sys
import time

import pandas as pd


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("path")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)
    times, rows = [], 0
    for _ in range(max(1, args.runs)):
        t0 = time.perf_counter()
        df = pd.read_csv(args.path, engine="c", keep_default_na=False, na_values=[""])
        times.append(time.perf_counter() - t0)
        rows = len(df)
        del df
    print(json.dumps({"seconds": statistics.median(times), "rows": rows, "bytes": os.path.getsize(args.path),
                      "runs": len(times), "pandas": pd.__version__}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
