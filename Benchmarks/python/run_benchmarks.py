#!/usr/bin/env python3
"""Runs FairGate and the reference libraries side by side and prints the ratios.

    python Benchmarks/python/run_benchmarks.py
        [csv|predict|treeshap|loss|kernelshap|lime-importance|evidence|audit|all]...
        [--threads 2] [--runs 5] [--repeat 1] [--no-build] [--json FILE]

Run it from the repository root with an interpreter that has the pinned packages of
fixtures/generate/requirements.txt. It builds the release binaries first (`swift build -c
release`), then, for each benchmark, measures FairGate and the reference in the same run on
the same files, rows and thread count, and prints one JSON line per measurement followed by
a table of ratios (reference seconds / FairGate seconds: above 1 means FairGate is faster).

In-process benchmarks (csv, predict, treeshap, loss) report the median of --runs calls on each side;
--repeat runs the whole family again, and the table shows the median and the range over the
repeats. Whole-process benchmarks (kernelshap, lime-importance, evidence, audit) alternate the
two sides run by run, so that each pair sees the same machine load; the table shows the
medians and the range of the pairwise ratios. They also record each process's CPU time (user +
system), which a busy machine disturbs less than wall time.

  loss      exact log-loss attributions of 2,000 Adult rows (label income == '>50K') against
            100 background rows with xgb-adult-deep (300 trees), against shap's
            TreeExplainer(model, bg, feature_perturbation="interventional",
            model_output="log_loss").shap_values(X, y), which runs on one thread; FairGate
            is timed on one thread and on --threads.
  evidence  `fairgate metrics` on Adult (groupings sex, race, age bins and sex x race, label,
            per-slice TreeSHAP attributions, 1,000 bootstrap replicates, JSON) against
            Benchmarks/python/evidence_reference.py (shap + fairlearn + scipy + statsmodels).
  audit     `fairgate audit Benchmarks/adult-audit.yaml` (every shipped pack; exit status 1
            expected), once with the text summary alone and once also writing the JSON, JUnit,
            Markdown and HTML reports into --out, against the same Python script with its
            proxy screen (--proxies).

The machine may be noisy, so compare ratios, not seconds.
"""
import argparse
import json
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "Benchmarks"
OUT = ROOT / "bench-out"
PYTHON = sys.executable
REFERENCE = BENCH / "python" / "reference_timings.py"
EVIDENCE_REFERENCE = BENCH / "python" / "evidence_reference.py"
ADULT_DATA = ROOT / "fixtures/data/adult/adult.csv"
ADULT_MODEL = ROOT / "fixtures/adult/model.json"
ADULT_MANIFEST = BENCH / "adult-audit.yaml"
FAMILIES = ["csv", "predict", "treeshap", "loss", "kernelshap", "lime-importance", "evidence", "audit"]


def run_json(command, **kwargs):
    output = subprocess.run(command, check=True, capture_output=True, text=True, **kwargs).stdout
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def build():
    subprocess.run(["swift", "build", "-c", "release", "--product", "fairgate"], cwd=ROOT,
                   check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["swift", "build", "-c", "release"], cwd=BENCH, check=True,
                   stdout=subprocess.DEVNULL)
    return bin_paths()


def bin_paths():
    binary = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=BENCH,
                            check=True, capture_output=True, text=True).stdout.strip()
    fairgate = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT,
                              check=True, capture_output=True, text=True).stdout.strip()
    return Path(binary) / "fairgate-bench", Path(fairgate) / "fairgate"


# (benchmark, reference) -> {"ours": [seconds...], "theirs": [seconds...], "unit": ...}; the
# lists are paired: entry i of each side was measured in the same round.
RATIOS = {}
RECORDS = []


def record(line):
    RECORDS.append(line)
    print(json.dumps(line, sort_keys=True), flush=True)


def ratio(name, fairgate_seconds, reference_name, reference_seconds):
    entry = RATIOS.setdefault((name, reference_name), {"ours": [], "theirs": []})
    for key, value in (("ours", fairgate_seconds), ("theirs", reference_seconds)):
        entry[key] += value if isinstance(value, list) else [value]


def timed(command, ok=(0,), stdout=None, what=""):
    """Runs one process; returns (wall seconds, CPU seconds of the child, stderr text)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with open(stdout, "w") if stdout else open("/dev/null", "w") as sink:
        process = subprocess.run([str(part) for part in command], stdout=sink,
                                 stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if process.returncode not in ok:
        sys.stderr.write(process.stderr)
        raise SystemExit(f"{what or command[0]}: exit status {process.returncode}, "
                         f"expected {' or '.join(map(str, ok))}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, process.stderr


def spread(values):
    return {"median": statistics.median(values), "min": min(values), "max": max(values),
            "n": len(values)}


def bench_csv(bench, args):
    wide = OUT / "wide-1m.csv"
    if not wide.exists():
        OUT.mkdir(exist_ok=True)
        subprocess.run([PYTHON, BENCH / "python" / "make_wide_csv.py", wide], check=True)
    for path in [ADULT_DATA, wide]:
        ours = run_json([bench, "csv", path, str(args.runs)])[0]
        theirs = json.loads(subprocess.run(
            [PYTHON, BENCH / "python" / "bench_csv.py", path, "--runs", str(args.runs)],
            check=True, capture_output=True, text=True).stdout)
        record(ours)
        record({"tool": "pandas.read_csv", **theirs})
        ratio(f"csv ingest {path.name} ({ours['rows']} rows)", ours["seconds"],
              "pandas.read_csv", theirs["seconds"])


def bench_predict(bench, args):
    for name in ["xgb-adult-deep", "lgb-adult-deep"]:
        folder = ROOT / "fixtures/models" / name
        model = next(folder.glob("model.*"))
        data = folder / "data.csv"
        ours = run_json([bench, "predict", model, data, str(args.threads), str(args.runs)])[0]
        theirs = run_json([PYTHON, REFERENCE, "predict", "--model", model, "--data", data,
                           "--threads", str(args.threads), "--runs", str(args.runs)])[0]
        record(ours)
        record(theirs)
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
            record(line)
        by_kind = {line["benchmark"]: line for line in ours}
        for line in theirs:
            mine = by_kind[line["benchmark"]]
            ratio(f"{line['benchmark']} {name} ({line['rows']} rows)", mine["seconds"],
                  line["tool"], line["seconds"])


def bench_loss(bench, args):
    folder = ROOT / "fixtures/models/xgb-adult-deep"
    model, data, background = folder / "model.json", folder / "data.csv", folder / "background.csv"
    name = "loss-attribution xgb-adult-deep (2000 rows x 100 background)"
    theirs = run_json([PYTHON, REFERENCE, "loss", "--model", model, "--data", data,
                       "--background", background, "--background-rows", "100",
                       "--rows", "2000", "--runs", str(args.runs)])[0]
    record(theirs)
    for threads in sorted({1, args.threads}):
        ours = run_json([bench, "loss", model, data, background, str(threads), str(args.runs),
                         "100", "2000"])[0]
        record(ours)
        ratio(f"{name}, {threads} thread{'s' if threads > 1 else ''}", ours["seconds"],
              theirs["tool"], theirs["seconds"])


def whole_process(name, ours_command, theirs_command, runs, label, reference_label=None,
                  ours_ok=(0,)):
    """Times two commands end to end, alternating, and records the pairwise ratios."""
    ours, theirs, ours_cpu, theirs_cpu, detail, stages = [], [], [], [], {}, {}
    for _ in range(max(1, runs)):
        wall, cpu, _ = timed(ours_command, ok=ours_ok, what=name)
        ours.append(wall)
        ours_cpu.append(cpu)
        output = OUT / f"{name}-reference.out"
        wall, cpu, _ = timed(theirs_command, stdout=output, what=f"{name} reference")
        theirs.append(wall)
        theirs_cpu.append(cpu)
        lines = [line for line in output.read_text().splitlines() if line.startswith("{")]
        detail = json.loads(lines[-1]) if lines else {}
        for stage, seconds in detail.get("stages", {}).items():
            stages.setdefault(stage, []).append(seconds)
    reference_label = reference_label or detail.get("tool", "reference") + " (whole process)"
    record({"benchmark": name, "tool": "fairgate (whole process)", "seconds": spread(ours),
            "cpu_seconds": spread(ours_cpu)})
    if stages:
        detail["stages"] = {stage: spread(values) for stage, values in stages.items()}
    record({**detail, "benchmark": name, "tool": reference_label,
            "whole_process_seconds": spread(theirs), "cpu_seconds": spread(theirs_cpu)})
    ratio(label, ours, reference_label, theirs)
    return ours, theirs


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
        background = OUT / f"background-{model.parent.name}.csv"
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
        whole_process(
            "kernelshap", ours_command, theirs_command, max(1, args.runs // 2),
            f"kernelshap {name} ({rows} rows, nsamples {args.samples}, bg 50)",
            "shap KernelExplainer (whole process)")


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


def evidence_command(fairgate, args):
    """`fairgate metrics` computing on Adult what evidence_reference.py computes."""
    return [fairgate, "metrics", "--model", ADULT_MODEL, "--data", ADULT_DATA,
            "--label", "income", "--positive", ">50K",
            "--group", "sex", "--group", "race",
            "--bins", "age=17,25,35,50,65,inf", "--group", "age", "--group", "sex,race",
            "--attributions", "--bootstrap", str(args.replicates),
            "--threads", str(args.threads), "--format", "json"]


def reference_command(args, replicates=None, extra=()):
    return [PYTHON, EVIDENCE_REFERENCE, "--data", ADULT_DATA, "--model", ADULT_MODEL,
            "--replicates", str(replicates or args.replicates), "--threads", str(args.threads),
            *extra]


def check_goal(label, seconds, ratio_value, limit, factor):
    verdict = "met" if seconds < limit and ratio_value >= factor else "MISSED"
    print(f"goal {label}: under {limit:g} s and at least {factor:g}x faster: {verdict} "
          f"(median {seconds:.2f} s, {ratio_value:.2f}x)", flush=True)


def bench_evidence(fairgate, args):
    """The Adult evidence, whole process on both sides, alternating (at least 3 runs)."""
    runs = max(3, args.runs)
    # One untimed run checks the command and keeps its JSON for inspection.
    timed(evidence_command(fairgate, args), stdout=OUT / "evidence-fairgate.json",
          what="fairgate metrics")
    ours, theirs = whole_process(
        "evidence", evidence_command(fairgate, args), reference_command(args), runs,
        f"evidence Adult (48,842 rows, 4 groupings, TreeSHAP, {args.replicates} replicates)",
        "shap+fairlearn+scipy+statsmodels (whole process)")
    check_goal("evidence", statistics.median(ours),
               statistics.median(theirs) / statistics.median(ours), 5, 10)


STAGE = re.compile(r"^fairgate: (.+): ([0-9.]+) s$")


def bench_audit(fairgate, args):
    """`fairgate audit` on Adult against every shipped pack (exit status 1 expected), with
    the text summary only and with every report written, against evidence_reference.py."""
    runs = max(3, args.runs)
    reports = OUT / "adult-audit-reports"
    summary = [fairgate, "audit", ADULT_MANIFEST, "--threads", str(args.threads)]
    rendered = summary + ["--format", "json", "--format", "junit", "--format", "markdown",
                          "--format", "html", "--out", reports]
    ok = (0, 1)
    # The Python anchor draws as many replicates as the manifest asks for.
    replicates = int(re.search(r"^\s*bootstrap:\s*(\d+)", ADULT_MANIFEST.read_text(), re.M)[1])
    plain, full, python = [], [], []
    plain_cpu, full_cpu, python_cpu = [], [], []
    stages, python_stages, detail = {}, {}, {}
    for _ in range(runs):
        wall, cpu, stderr = timed(summary, ok=ok, what="fairgate audit")
        plain.append(wall)
        plain_cpu.append(cpu)
        for line in stderr.splitlines():
            if match := STAGE.match(line.strip()):
                stages.setdefault(match[1], []).append(float(match[2]))
        shutil.rmtree(reports, ignore_errors=True)
        wall, cpu, _ = timed(rendered, ok=ok, what="fairgate audit --out")
        full.append(wall)
        full_cpu.append(cpu)
        output = OUT / "audit-reference.out"
        # The anchor adds the proxy screen; the reason checks have no shap counterpart for
        # this model (see evidence_reference.py).
        wall, cpu, _ = timed(reference_command(args, replicates, extra=["--proxies"]),
                              stdout=output, what="audit reference")
        python.append(wall)
        python_cpu.append(cpu)
        detail = json.loads(output.read_text().splitlines()[-1])
        for stage, seconds in detail.get("stages", {}).items():
            python_stages.setdefault(stage, []).append(seconds)
    detail["stages"] = {stage: spread(values) for stage, values in python_stages.items()}
    sizes = {path.name: path.stat().st_size for path in sorted(reports.iterdir())}
    record({"benchmark": "audit", "tool": "fairgate audit (text summary)",
            "seconds": spread(plain), "cpu_seconds": spread(plain_cpu),
            "stages_seconds": {name: spread(values) for name, values in stages.items()}})
    record({"benchmark": "audit", "tool": "fairgate audit (+ json, junit, markdown, html)",
            "seconds": spread(full), "cpu_seconds": spread(full_cpu), "report_bytes": sizes})
    record({**detail, "benchmark": "audit", "tool": "evidence_reference.py (whole process)",
            "whole_process_seconds": spread(python), "cpu_seconds": spread(python_cpu)})
    reference = "shap+fairlearn+scipy+statsmodels (whole process)"
    ratio("audit Adult, 5 packs (text summary)", plain, reference, python)
    ratio("audit Adult, 5 packs (+ 4 reports written)", full, reference, python)
    check_goal("audit", statistics.median(plain),
               statistics.median(python) / statistics.median(plain), 5, 10)
    wall = [f / p - 1 for f, p in zip(full, plain)]
    cpu = [f / p - 1 for f, p in zip(full_cpu, plain_cpu)]
    overhead = {"benchmark": "audit-report-overhead",
                "wall_median_ratio": statistics.median(full) / statistics.median(plain) - 1,
                "wall_pairwise": spread(wall),
                "cpu_median_ratio": statistics.median(full_cpu) / statistics.median(plain_cpu) - 1,
                "cpu_pairwise": spread(cpu)}
    record(overhead)
    print(f"report rendering overhead: wall {overhead['wall_median_ratio']:+.1%} "
          f"(pairs {min(wall):+.1%} to {max(wall):+.1%}), CPU {overhead['cpu_median_ratio']:+.1%} "
          f"(pairs {min(cpu):+.1%} to {max(cpu):+.1%}); goal under 10%", flush=True)


def print_table():
    print()
    print(f"{'benchmark':<66} {'reference':<50} {'fairgate s':>11} {'reference s':>12} "
          f"{'ratio':>7}  {'range':>15} {'n':>2}")
    for (name, reference), entry in RATIOS.items():
        ours, theirs = entry["ours"], entry["theirs"]
        pairs = [t / o for o, t in zip(ours, theirs)]
        middle = statistics.median(theirs) / statistics.median(ours)
        print(f"{name:<66} {reference:<50} {statistics.median(ours):>11.4f} "
              f"{statistics.median(theirs):>12.4f} {middle:>6.2f}x  "
              f"{f'{min(pairs):.2f}-{max(pairs):.2f}x':>15} {len(pairs):>2}")


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("which", nargs="*", default="all", choices=FAMILIES + ["all"],
                        help="benchmark families (default: all)")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=1,
                        help="run the selected families this many times (spreads)")
    parser.add_argument("--samples", type=int, default=2048)
    parser.add_argument("--replicates", type=int, default=1000,
                        help="bootstrap replicates of the evidence benchmark (the audit's come "
                        "from Benchmarks/adult-audit.yaml)")
    parser.add_argument("--no-build", action="store_true",
                        help="use the release binaries already built")
    parser.add_argument("--json", help="also write every measurement and ratio here")
    args = parser.parse_args(argv)
    OUT.mkdir(exist_ok=True)
    bench, fairgate = bin_paths() if args.no_build else build()
    which = [args.which] if isinstance(args.which, str) else args.which
    selected = [family for family in FAMILIES if "all" in which or family in which]
    runners = {"csv": lambda: bench_csv(bench, args), "predict": lambda: bench_predict(bench, args),
               "treeshap": lambda: bench_treeshap(bench, args),
               "loss": lambda: bench_loss(bench, args),
               "kernelshap": lambda: bench_kernelshap(fairgate, args),
               "lime-importance": lambda: bench_lime_and_importance(fairgate, args),
               "evidence": lambda: bench_evidence(fairgate, args),
               "audit": lambda: bench_audit(fairgate, args)}
    for _ in range(max(1, args.repeat)):
        for family in selected:
            runners[family]()
    print_table()
    if args.json:
        Path(args.json).write_text(json.dumps({
            "threads": args.threads, "runs": args.runs, "repeat": args.repeat,
            "records": RECORDS,
            "ratios": [{"benchmark": name, "reference": reference, **entry}
                       for (name, reference), entry in RATIOS.items()]}, indent=1) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
