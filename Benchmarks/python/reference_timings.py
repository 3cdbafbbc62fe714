"""Times the reference libraries on the same model, rows and thread count as FairGate.

Each subcommand prints one JSON object per measurement (median of --runs runs, wall clock)
so that Benchmarks/run.sh can pair it with FairGate's figure from the same run.

  predict     xgboost Booster.predict(output_margin=True) / lightgbm predict(raw_score=True)
  treeshap    xgboost pred_contribs / lightgbm pred_contrib / shap.TreeExplainer
              (path-dependent and interventional)
  loss        shap.TreeExplainer(model_output="log_loss", interventional) on labelled rows
  kernelshap  shap.KernelExplainer on the same model, background and rows (whole process
              is timed by the driver; this reports the explain call alone as well)
"""

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd


def median_seconds(runs, body):
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        body()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def emit(**fields):
    print(json.dumps(fields, sort_keys=True), flush=True)


def load_model(path):
    """Returns (kind, booster, feature_names) for an XGBoost JSON or LightGBM text model."""
    text = Path(path).read_text()[:64]
    if text.lstrip().startswith("{"):
        import xgboost as xgb

        booster = xgb.Booster()
        booster.load_model(path)
        return "xgboost", booster, booster.feature_names
    import lightgbm as lgb

    booster = lgb.Booster(model_file=path)
    return "lightgbm", booster, booster.feature_name()


def feature_frame(path, names, rows):
    frame = pd.read_csv(path)
    frame = frame[names]
    if rows:
        frame = frame.iloc[:rows]
    return frame


def bench_predict(args):
    kind, booster, names = load_model(args.model)
    frame = feature_frame(args.data, names, args.rows)
    if kind == "xgboost":
        import xgboost as xgb

        booster.set_param({"nthread": args.threads})
        values = frame.to_numpy(dtype=np.float32)
        # inplace_predict: XGBoost's fastest scoring path, and unlike predict() on a reused
        # DMatrix it has no prediction cache that would skip the work on repeated runs.
        seconds = median_seconds(
            args.runs,
            lambda: booster.inplace_predict(values, predict_type="margin", missing=np.nan))
    else:
        values = frame.to_numpy(dtype=np.float64)
        seconds = median_seconds(
            args.runs, lambda: booster.predict(values, raw_score=True, num_threads=args.threads)
        )
    emit(benchmark="predict", tool=kind, rows=len(frame), threads=args.threads, seconds=seconds)


def bench_treeshap(args):
    import shap

    kind, booster, names = load_model(args.model)
    frame = feature_frame(args.data, names, args.rows)
    if kind == "xgboost":
        import xgboost as xgb

        booster.set_param({"nthread": args.threads})
        matrix = xgb.DMatrix(frame, missing=np.nan, nthread=args.threads)
        seconds = median_seconds(args.runs, lambda: booster.predict(matrix, pred_contribs=True))
        emit(benchmark="treeshap-path", tool="xgboost pred_contribs", rows=len(frame),
             threads=args.threads, seconds=seconds)
    else:
        values = frame.to_numpy(dtype=np.float64)
        seconds = median_seconds(
            args.runs,
            lambda: booster.predict(values, pred_contrib=True, num_threads=args.threads))
        emit(benchmark="treeshap-path", tool="lightgbm pred_contrib", rows=len(frame),
             threads=args.threads, seconds=seconds)

    explainer = shap.TreeExplainer(booster)
    seconds = median_seconds(args.runs, lambda: explainer.shap_values(frame))
    emit(benchmark="treeshap-path", tool="shap TreeExplainer", rows=len(frame),
         threads=args.threads, seconds=seconds)

    if args.background:
        background = feature_frame(args.background, names, args.background_rows)
        explainer = shap.TreeExplainer(
            booster, background, feature_perturbation="interventional", model_output="raw")
        rows = frame.iloc[: args.interventional_rows]
        seconds = median_seconds(max(1, args.runs // 2), lambda: explainer.shap_values(rows))
        emit(benchmark="treeshap-interventional", tool="shap TreeExplainer", rows=len(rows),
             background_rows=len(background), threads=args.threads, seconds=seconds)


def bench_loss(args):
    """Exact interventional attributions of each row's log-loss (shap's rescaled pair game)."""
    import shap

    _, booster, names = load_model(args.model)
    frame = pd.read_csv(args.data)
    labels = (frame[args.label].astype(str) == args.positive).to_numpy(dtype=np.float64)
    if args.rows:
        frame = frame.iloc[: args.rows]
        labels = labels[: args.rows]
    rows = frame[names]
    background = feature_frame(args.background, names, args.background_rows)
    explainer = shap.TreeExplainer(
        booster, background, feature_perturbation="interventional", model_output="log_loss")
    seconds = median_seconds(args.runs, lambda: explainer.shap_values(rows, labels))
    emit(benchmark="loss-attribution", tool="shap TreeExplainer log_loss", rows=len(rows),
         background_rows=len(background), threads=1, seconds=seconds)


def bench_kernelshap(args):
    import shap

    kind, booster, names = load_model(args.model)
    frame = feature_frame(args.data, names, args.rows)
    background = feature_frame(args.background, names, args.background_rows)
    if kind == "xgboost":
        import xgboost as xgb

        booster.set_param({"nthread": args.threads})
        scoring = {"seconds": 0.0, "rows": 0}

        def model(values):
            start = time.perf_counter()
            matrix = xgb.DMatrix(pd.DataFrame(values, columns=names), missing=np.nan,
                                 nthread=args.threads)
            margins = booster.predict(matrix, output_margin=True)
            scoring["seconds"] += time.perf_counter() - start
            scoring["rows"] += len(values)
            return margins
    else:
        scoring = {"seconds": 0.0, "rows": 0}

        def model(values):
            start = time.perf_counter()
            margins = booster.predict(values, raw_score=True, num_threads=args.threads)
            scoring["seconds"] += time.perf_counter() - start
            scoring["rows"] += len(values)
            return margins

    explainer = shap.KernelExplainer(model, background.to_numpy(dtype=np.float64))
    start = time.perf_counter()
    explainer.shap_values(frame.to_numpy(dtype=np.float64), nsamples=args.samples, l1_reg=0,
                          silent=True)
    seconds = time.perf_counter() - start
    emit(benchmark="kernelshap", tool="shap KernelExplainer", rows=len(frame),
         background_rows=len(background), samples=args.samples, threads=args.threads,
         seconds=seconds, scoring_seconds=scoring["seconds"], scored_rows=scoring["rows"])


def bench_kernelshap_pipeline(args):
    """shap.KernelExplainer on the scikit-learn logistic pipeline that fixtures/pmml/
    logistic-regression was exported from, rebuilt and refitted with the generator's own
    code, explaining decision_function (the log-odds FairGate explains in margin space)."""
    import shap

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "fixtures" / "generate"))
    import generate
    from sklearn.linear_model import LogisticRegression

    german = generate.German()
    features = german.attributes
    X = german.raw[features].copy()
    for column in german.num_cols:
        X[column] = X[column].astype(float)
    y = german.raw[generate.GERMAN_LABEL].to_numpy()
    pipeline = generate.make_pipeline(LogisticRegression(max_iter=2000, C=1.0), german.num_cols,
                                      german.cat_cols, scale=True)
    pipeline.fit(X, y)
    data = pd.read_csv(args.data)[features]
    background = pd.read_csv(args.background)[features] if args.background else X
    background = background.iloc[: args.background_rows]
    rows = data.iloc[: args.rows] if args.rows else data
    scoring = {"seconds": 0.0, "rows": 0}

    def model(values):
        start = time.perf_counter()
        margins = pipeline.decision_function(pd.DataFrame(values, columns=features))
        scoring["seconds"] += time.perf_counter() - start
        scoring["rows"] += len(values)
        return margins

    explainer = shap.KernelExplainer(model, background.to_numpy(dtype=object))
    start = time.perf_counter()
    explainer.shap_values(rows.to_numpy(dtype=object), nsamples=args.samples, l1_reg=0,
                          silent=True)
    seconds = time.perf_counter() - start
    emit(benchmark="kernelshap", tool="shap KernelExplainer (sklearn pipeline)", rows=len(rows),
         background_rows=len(background), samples=args.samples, seconds=seconds,
         scoring_seconds=scoring["seconds"], scored_rows=scoring["rows"])


def bench_lime(args):
    """lime.lime_tabular.LimeTabularExplainer on the model, trained on the background rows,
    explaining the first --rows rows with --samples perturbations each (whole process is
    timed by the driver)."""
    from lime.lime_tabular import LimeTabularExplainer

    kind, booster, names = load_model(args.model)
    frame = feature_frame(args.data, names, args.rows)
    background = feature_frame(args.background, names, args.background_rows)

    def probabilities(values):
        if kind == "xgboost":
            margins = booster.inplace_predict(values.astype(np.float32), predict_type="margin",
                                              missing=np.nan)
        else:
            margins = booster.predict(values, raw_score=True, num_threads=args.threads)
        positive = 1 / (1 + np.exp(-margins))
        return np.column_stack([1 - positive, positive])

    training = background.to_numpy(dtype=np.float64)
    # lime's quartile sampler fails on a column whose quartiles coincide or whose quartile
    # bin holds a single value (zero-inflated or coded columns such as capital_gain), and on
    # NaN; such columns are declared categorical, which lime then samples by frequency.
    def degenerate(column):
        if np.isnan(column).any():
            return True
        values = column
        q1, q2, q3 = np.percentile(values, [25, 50, 75])
        if not q1 < q2 < q3:
            return True
        bins = [values <= q1, (values > q1) & (values <= q2), (values > q2) & (values <= q3),
                values > q3]
        return any(values[b].size == 0 or values[b].std() == 0 for b in bins)

    degenerate = [j for j in range(training.shape[1]) if degenerate(training[:, j])]
    explainer = LimeTabularExplainer(training, mode="classification", feature_names=names,
                                     categorical_features=degenerate,
                                     discretize_continuous=True, random_state=0)
    start = time.perf_counter()
    for row in frame.to_numpy(dtype=np.float64):
        explainer.explain_instance(row, probabilities, num_features=10,
                                   num_samples=args.samples)
    emit(benchmark="lime", tool="lime LimeTabularExplainer", rows=len(frame),
         samples=args.samples, seconds=time.perf_counter() - start)


def bench_permutation_importance(args):
    """sklearn.inspection.permutation_importance with the ROC AUC of the model's margins,
    n_repeats 5, on all rows of --data (label column --label, positive value --positive)."""
    from sklearn.inspection import permutation_importance
    from sklearn.metrics import roc_auc_score

    kind, booster, names = load_model(args.model)
    raw = pd.read_csv(args.data)
    frame = raw[names]
    labels = (raw[args.label].astype(str) == args.positive).to_numpy(dtype=int)

    class Scored:
        """The booster behind the minimal interface permutation_importance needs."""

        def fit(self, X, y):
            return self

    def scorer(_, X, y):
        values = np.asarray(X, dtype=np.float32 if kind == "xgboost" else np.float64)
        if kind == "xgboost":
            margins = booster.inplace_predict(values, predict_type="margin", missing=np.nan)
        else:
            margins = booster.predict(values, raw_score=True, num_threads=args.threads)
        return roc_auc_score(y, margins)

    start = time.perf_counter()
    permutation_importance(Scored(), frame, labels, scoring=scorer, n_repeats=args.repeats,
                           random_state=0, n_jobs=1)
    emit(benchmark="permutation-importance", tool="sklearn permutation_importance",
         rows=len(frame), repeats=args.repeats, seconds=time.perf_counter() - start)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("benchmark",
                        choices=["predict", "treeshap", "loss", "kernelshap", "kernelshap-pipeline",
                                 "lime", "permutation-importance"])
    parser.add_argument("--model")
    parser.add_argument("--data", required=True)
    parser.add_argument("--rows", type=int, default=0)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--background")
    parser.add_argument("--background-rows", type=int, default=100)
    parser.add_argument("--interventional-rows", type=int, default=200)
    parser.add_argument("--samples", type=int, default=2048)
    parser.add_argument("--label", default="income")
    parser.add_argument("--positive", default=">50K")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    {"predict": bench_predict, "treeshap": bench_treeshap, "loss": bench_loss,
     "kernelshap": bench_kernelshap,
     "kernelshap-pipeline": bench_kernelshap_pipeline, "lime": bench_lime,
     "permutation-importance": bench_permutation_importance}[args.benchmark](args)


if __name__ == "__main__":
    main(sys.argv[1:])
