#!/usr/bin/env python3
"""Runs FairGate and the reference libraries side by side and prints the ratios.

    python Benchmarks/python/run_benchmarks.py [csv|predict|treeshap|kernelshap|all]
        [--threads 2] [--runs 5]

Run it from the repository root with an interpreter that has the pinned packages of
fixtures/generate/requirements.txt. It builds the release binaries first (`swift build -c
release`), then, for each benchmark, measures FairGate and the reference in the same run on
the same files, rows and thread count, and prints one JSON line per measurement followed by
a table of ratios (reference seconds / FairGate seconds: above 1 means FairGate is faster).
Figures are medians of --runs runs; the machine may be noisy, so compare ratios, not seconds.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "Benchmarks"
PYTHON = sys.executable
REFERENCE = BENCH / "python" / "reference_timings.py"


def run_json(command, **kwargs):
    output = subprocess.run(command, check=True, capture_output=True, text=True, **kwargs).stdout
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def build():
    subprocess.run(["swift", "build", "-c", "release", "--product", "fairgate"], cwd=ROOT,
                   check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["swift", "build", "-c", "release"], cwd=BENCH, check=True,
                   stdout=subprocess.DEVNULL)
    binary = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=BENCH,
                            check=True, capture_output=True, text=True).stdout.strip()
    fairgate = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT,
                              check=True, capture_output=True, text=True).stdout.strip()
    return Path(binary) / "fairgate-bench", Path(fairgate) / "fairgate"


RATIOS = []


def ratio(name, fairgate_seconds, reference_name, reference_seconds):
    RATIOS.append((name, reference_name, fairgate_seconds, reference_seconds))


def bench_csv(bench, args):
    wide = ROOT / "bench-out" / "wide-1m.csv"
    if not wide.exists():
        wide.parent.mkdir(exist_ok=True)
        subprocess.run([PYTHON, BENCH / "python" / "make_wide_csv.py", wide], check=True)
    for path in [ROOT / "fixtures/data/adult/adult.csv", wide]:
        ours = run_json([bench, "csv", path, str(args.runs)])[0]
        theirs = json.loads(subprocess.run(
            [PYTHON, BENCH / "python" / "bench_csv.py", path, "--runs", str(args.runs)],
            check=True, capture_output=True, text=True).stdout)
        print(json.dumps(ours, sort_keys=True))
        print(json.dumps({"tool": "pandas.read_csv", **theirs}, sort_keys=True))
        ratio(f"csv ingest {path.name} ({ours['rows']} rows, "
              f"{ours['mb_per_second']:.0f} MB/s)", ours["seconds"], "pandas.read_csv",
              theirs["seconds"])


def bench_predict(bench, args):
    for name in ["xgb-adult-deep", "lgb-adult-deep"]:
        folder = ROOT / "fixtures/models" / name
        model = next(folder.glob("model.*"))
        data = folder / "data.csv"
        ours = run_json([bench, "predict", model, data, str(args.threads), str(args.runs)])[0]
        theirs = run_json([PYTHON, REFERENCE, "predict", "--model", model, "--data", data,
                           "--threads", str(args.threads), "--runs", str(args.runs)])[0]
        print(json.dumps(ours, sort_keys=True))
        print(json.dumps(theirs, sort_keys=True))
        ratio(f"predict {name} ({ours['rows']} rows)", ours["seconds"], theirs["tool"],
              theirs["seconds"])


def bench_treeshap(bench, args):
    for name in ["xgb-adult-deep", "lgb-adult-deep"]:
        folder = ROOT / "fixtures/models" / name
        model = next(folder.glob("model.*"))
        data = folder / "data.csv"
        background = folder / "background.csv"
        ours = run_json([bench, "treeshap", model, data, str(args.threads), str(args.runs),
                         background, "100", "200"])
        theirs = run_json([PYTHON, REFERENCE, "treeshap", "--model", model, "--data", data,
                           "--threads", str(args.threads), "--runs", str(args.runs),
                           "--background", background, "--background-rows", "100",
                           "--interventional-rows", "200"])
        for line in ours + theirs:
            print(json.dumps(line, sort_keys=True))
        by_kind = {line["benchmark"]: line for line in ours}
        for line in theirs:
            mine = by_kind[line["benchmark"]]
            ratio(f"{line['benchmark']} {name} ({line['rows']} rows)", mine["seconds"],
                  line["tool"], line["seconds"])


def bench_kernelshap(fairgate, args):
    """Whole process on both sides: `fairgate explain --method kernel` against a Python
    process that loads the model and runs shap.KernelExplainer, same rows, background (the
    first 50 rows of background.csv) and nsamples."""
    cases = [
        ("PMML logistic pipeline", ROOT / "fixtures/pmml/logistic-regression/model.pmml",
         ROOT / "fixtures/pmml/logistic-regression/data.csv", "kernelshap-pipeline", 20),
        ("xgb-adult-deep", ROOT / "fixtures/models/xgb-adult-deep/model.json",
         ROOT / "fixtures/models/xgb-adult-deep/data.csv", "kernelshap", 10),
    ]
    for name, model, data, reference, rows in cases:
        # The background: the first 50 rows of the fixture's background.csv, or the last 50
        # rows of the data where the fixture has none.
        source = data.parent / "background.csv"
        if source.exists():
            header_and_rows = source.read_text().splitlines()[:51]
        else:
            lines = data.read_text().splitlines()
            header_and_rows = [lines[0]] + lines[-50:]
        background = ROOT / "bench-out" / f"background-{model.parent.name}.csv"
        background.parent.mkdir(exist_ok=True)
        background.write_text("\n".join(header_and_rows) + "\n")
        ours_command = [fairgate, "explain", "--model", model, "--data", data, "--method",
                        "kernel", "--background", background, "--samples", str(args.samples),
                        "--rows", str(rows), "--threads", str(args.threads)]
        theirs_command = [PYTHON, REFERENCE, reference, "--data", data, "--rows", str(rows),
                          "--background", background, "--background-rows", "50",
                          "--samples", str(args.samples), "--threads", str(args.threads)]
        if reference == "kernelshap":
            theirs_command += ["--model", model]
        ours, theirs, detail = [], [], None
        for _ in range(max(1, args.runs // 2)):
            start = time.perf_counter()
            subprocess.run(ours_command, check=True, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
            ours.append(time.perf_counter() - start)
            start = time.perf_counter()
            detail = run_json(theirs_command)[0]
            theirs.append(time.perf_counter() - start)
        print(json.dumps({"benchmark": "kernelshap", "tool": "fairgate explain (whole process)",
                          "model": name, "rows": rows, "seconds": statistics.median(ours)},
                         sort_keys=True))
        print(json.dumps({**detail, "whole_process_seconds": statistics.median(theirs)},
                         sort_keys=True))
        ratio(f"kernelshap {name} ({rows} rows, nsamples {args.samples}, bg 50)",
              statistics.median(ours), "shap KernelExplainer (whole process)",
              statistics.median(theirs))


def whole_process(name, ours_command, theirs_command, runs, label):
    """Times two commands end to end, alternating, and records the median ratio."""
    ours, theirs, detail = [], [], {}
    for _ in range(max(1, runs)):
        start = time.perf_counter()
        subprocess.run(ours_command, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        ours.append(time.perf_counter() - start)
        start = time.perf_counter()
        detail = run_json(theirs_command)[0]
        theirs.append(time.perf_counter() - start)
    print(json.dumps({"benchmark": name, "tool": "fairgate (whole process)",
                      "seconds": statistics.median(ours)}, sort_keys=True))
    print(json.dumps({**detail, "whole_process_seconds": statistics.median(theirs)},
                     sort_keys=True))
    ratio(label, statistics.median(ours), detail["tool"] + " (whole process)",
          statistics.median(theirs))


def bench_lime_and_importance(fairgate, args):
    folder = ROOT / "fixtures/models/xgb-adult-deep"
    model, data = folder / "model.json", folder / "data.csv"
    rows, samples = 20, 5000
    # LIME's training data: the 2,000 data rows on both sides (lime's quartile sampling
    # fails on 100 rows where a feature is constant within a quartile).
    whole_process(
        "lime",
        [fairgate, "explain", "--model", model, "--data", data, "--method", "lime",
         "--background", data, "--background-rows", "2000", "--samples", str(samples),
         "--rows", str(rows), "--threads", str(args.threads)],
        [PYTHON, REFERENCE, "lime", "--model", model, "--data", data, "--background", data,
         "--background-rows", "2000", "--rows", str(rows), "--samples", str(samples),
         "--threads", str(args.threads)],
        max(1, args.runs // 2), f"lime xgb-adult-deep ({rows} rows, {samples} samples)")
    whole_process(
        "permutation-importance",
        [fairgate, "importance", "--model", model, "--data", data, "--label", "income",
         "--positive", ">50K", "--metric", "auc", "--repeats", "5", "--threads",
         str(args.threads)],
        [PYTHON, REFERENCE, "permutation-importance", "--model", model, "--data", data,
         "--label", "income", "--positive", ">50K", "--repeats", "5", "--threads",
         str(args.threads)],
        max(1, args.runs // 2), "permutation importance xgb-adult-deep (2000 rows, AUC, 5 repeats)")


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("which", nargs="?", default="all",
                        choices=["csv", "predict", "treeshap", "kernelshap", "lime-importance",
                                 "all"])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--samples", type=int, default=2048)
    args = parser.parse_args(argv)
    bench, fairgate = build()
    selected = (["csv", "predict", "treeshap", "kernelshap", "lime-importance"]
                if args.which == "all" else [args.which])
    if "csv" in selected:
        bench_csv(bench, args)
    if "predict" in selected:
        bench_predict(bench, args)
    if "treeshap" in selected:
        bench_treeshap(bench, args)
    if "kernelshap" in selected:
        bench_kernelshap(fairgate, args)
    if "lime-importance" in selected:
        bench_lime_and_importance(fairgate, args)
    print()
    print(f"{'benchmark':<62} {'reference':<38} {'fairgate s':>11} {'reference s':>12} {'ratio':>7}")
    for name, reference, ours, theirs in RATIOS:
        print(f"{name:<62} {reference:<38} {ours:>11.4f} {theirs:>12.4f} {theirs / ours:>6.2f}x")


if __name__ == "__main__":
    main(sys.argv[1:])
