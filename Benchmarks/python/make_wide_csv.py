#!/usr/bin/env python3
"""Write a deterministic wide CSV for the CSV-loading benchmarks.

    python make_wide_csv.py OUT.csv [--rows 1000000] [--seed 42]

Columns: 22 numeric columns (num_00..num_21: integers, floats with full repr precision
and 2-decimal amounts, ~2% empty cells) and 8 categorical string columns (cat_0..cat_7,
3 to 1,000 distinct values, some with spaces or quoted commas, ~1% empty): 30 in all. The same arguments always produce byte-identical output.
"""
import argparse
import csv
import sys

import numpy as np

CHUNK = 50_000


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args(argv)
    rng = np.random.default_rng(args.seed)

    cardinalities = [3, 7, 12, 50, 200, 1000, 5, 41]
    vocab = []
    for k, n in enumerate(cardinalities):
        words = [f"c{k}_v{i:04d}" for i in range(n)]
        if k == 2:  # values that need quoting
            words = [f"{w}, grade {i % 3}" for i, w in enumerate(words)]
        if k == 6:
            words = [f"level {i} of {n}" for i in range(n)]
        vocab.append(np.array(words, dtype=object))

    header = [f"num_{j:02d}" for j in range(22)] + [f"cat_{k}" for k in range(8)]
    with open(args.out, "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        done = 0
        while done < args.rows:
            n = min(CHUNK, args.rows - done)
            cols = []
            for j in range(22):
                if j % 3 == 0:
                    vals = rng.integers(0, 100_000, size=n).astype(str)
                elif j % 3 == 1:
                    vals = np.array([repr(float(v)) for v in rng.normal(50.0, 20.0, size=n)], dtype=object)
                else:
                    vals = np.array([repr(float(v)) for v in np.round(rng.exponential(1000.0, size=n), 2)],
                                    dtype=object)
                vals = vals.astype(object)
                vals[rng.random(n) < 0.02] = ""
                cols.append(vals)
            for k in range(8):
                vals = vocab[k][rng.integers(0, len(vocab[k]), size=n)].copy()
                vals[rng.random(n) < 0.01] = ""
                cols.append(vals)
            w.writerows(zip(*cols))
            done += n
    return 0


if __name__ == "__main__":
    sys.exit(main())
