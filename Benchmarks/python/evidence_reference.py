#!/usr/bin/env python3
"""The Python pipeline a user would write for the fairness evidence FairGate computes on Adult.

    python Benchmarks/python/evidence_reference.py [--data fixtures/data/adult/adult.csv]
        [--model fixtures/adult/model.json] [--replicates 1000] [--threads N] [--out evidence.json]

Stages (each timed, wall clock):

  load         pandas.read_csv, category dtypes
  score        XGBoost margin and probability, decisions = probability >= 0.5
  groups       fairlearn MetricFrame (count, selection_rate, TPR, FPR) for sex, race, age band
               (edges 17, 25, 35, 50, 65, inf; left-closed) and sex x race
  tests        per slice vs the highest-selection-rate slice of its grouping: impact ratio, Wilson
               95% interval (statsmodels), pooled two-proportion z and Fisher exact (scipy, two-sided),
               shortfall, Holm over the non-reference slices
  shap         path-dependent TreeSHAP on every row: shap.TreeExplainer(booster).shap_values(DMatrix),
               i.e. XGBoost pred_contribs
  attributions per-slice mean |phi| per feature
  bootstrap    --replicates Poisson(1) bootstrap replicates (numpy, seeded): per slice selection rate,
               impact ratio (against each replicate's highest-rate slice) and per-feature mean |phi|;
               95% percentile intervals

With --proxies (the audit benchmark passes it), one more stage gives the proxy screen that the
ECOA / Regulation B pack of `fairgate audit` reads:

  proxies      every model input that is not a protected attribute (sex, race, age) against sex,
               race and age band: Cramer's V (scipy chi2_contingency on the crosstab, no continuity
               correction) for a categorical input, the correlation ratio (numpy) for a numeric
               one; normalised mutual information (scikit-learn; numeric inputs by pandas.qcut
               deciles, duplicates dropped); the best one-group-vs-rest ROC AUC (scikit-learn), a
               numeric input by its value, a categorical one by the group's rate among rows with
               its label, folded to max(AUC, 1 - AUC).

The audit's adverse-action reason checks (interventional TreeSHAP of every adverse decision
against a background, and the 40 stability replicates) have no counterpart here: shap's
interventional TreeSHAP raises NotImplementedError on XGBoost categorical splits, so the
pipeline a user would write with shap cannot compute them for this model. The audit benchmark
therefore times FairGate doing more work than this script does.

The last line printed is JSON: {"stages": {name: seconds}, "total_seconds", "rows", "replicates",
"threads", ...}. With --out, the evidence (point estimates and intervals) is written as JSON.
"""
import argparse
import json
import os
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
AGE_EDGES = [17, 25, 35, 50, 65]
AGE_LABELS = ["17-24", "25-34", "35-49", "50-64", "65+"]
GROUPINGS = {"sex": ["sex"], "race": ["race"], "age_band": ["age_band"], "sex_x_race": ["sex", "race"]}
PROTECTED = {"sex": "sex", "race": "race", "age": "age_band"}  # model input -> attribute column
SEED = 20250401


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=str(ROOT / "fixtures/data/adult/adult.csv"))
    ap.add_argument("--model", default=str(ROOT / "fixtures/adult/model.json"))
    ap.add_argument("--replicates", type=int, default=1000)
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    ap.add_argument("--chunk", type=int, default=50, help="bootstrap replicates per weight matrix")
    ap.add_argument("--out", help="write the evidence as JSON here")
    ap.add_argument("--proxies", action="store_true", help="also run the proxy screen")
    args = ap.parse_args()

    import shap
    import xgboost as xgb
    from fairlearn.metrics import (MetricFrame, count, false_positive_rate, selection_rate,
                                   true_positive_rate)
    from scipy.stats import fisher_exact, norm
    from statsmodels.stats.multitest import multipletests
    from statsmodels.stats.proportion import proportion_confint

    stages = {}
    t_total = time.perf_counter()

    # ---- load ------------------------------------------------------------------------------
    t = time.perf_counter()
    booster = xgb.Booster()
    booster.load_model(args.model)
    booster.set_param({"nthread": args.threads})
    features = booster.feature_names
    df = pd.read_csv(args.data)
    for c, kind in zip(features, booster.feature_types):
        if kind == "c":
            df[c] = df[c].astype("category")
    y = (df["income"] == ">50K").to_numpy().astype(int)
    df["age_band"] = pd.cut(df["age"], bins=AGE_EDGES + [np.inf], right=False, labels=AGE_LABELS).astype(str)
    stages["load"] = time.perf_counter() - t

    # ---- score -------------------------------------------------------------------------------
    t = time.perf_counter()
    dm = xgb.DMatrix(df[features], enable_categorical=True, nthread=args.threads)
    margin = booster.predict(dm, output_margin=True)
    prob = booster.predict(dm)
    d = (prob >= 0.5).astype(int)
    stages["score"] = time.perf_counter() - t

    # ---- groups (fairlearn) ------------------------------------------------------------------
    t = time.perf_counter()
    metrics = {"count": count, "selection_rate": selection_rate,
               "true_positive_rate": true_positive_rate, "false_positive_rate": false_positive_rate}
    frames = {}
    for name, cols in GROUPINGS.items():
        sens = df[cols[0]].astype(str) if len(cols) == 1 else df[cols].astype(str)
        frames[name] = MetricFrame(metrics=metrics, y_true=y, y_pred=d, sensitive_features=sens).by_group
    stages["groups"] = time.perf_counter() - t

    # ---- tests -------------------------------------------------------------------------------
    t = time.perf_counter()
    evidence = {}
    slice_masks = {}
    for name, by in frames.items():
        cols = GROUPINGS[name]
        labels, masks = [], []
        for key in by.index:
            kk = key if isinstance(key, tuple) else (key,)
            m = np.ones(len(df), dtype=bool)
            for c, v in zip(cols, kk):
                m &= (df[c].astype(str) == v).to_numpy()
            labels.append("|".join(kk))
            masks.append(m)
        n = np.array([m.sum() for m in masks], dtype=float)
        x = np.array([d[m].sum() for m in masks], dtype=float)
        sr = x / n
        ref = int(np.argmax(sr))
        rows = {}
        for i, lab in enumerate(labels):
            lo, hi = proportion_confint(int(x[i]), int(n[i]), alpha=0.05, method="wilson")
            if i == ref:
                z, pz, pf = 0.0, 1.0, 1.0
            else:
                pbar = (x[ref] + x[i]) / (n[ref] + n[i])
                z = (sr[ref] - sr[i]) / np.sqrt(pbar * (1 - pbar) * (1 / n[ref] + 1 / n[i]))
                pz = 2 * norm.sf(abs(z))
                pf = fisher_exact([[x[ref], n[ref] - x[ref]], [x[i], n[i] - x[i]]]).pvalue
            rows[lab] = {"n": int(n[i]), "selected": int(x[i]), "selection_rate": float(sr[i]),
                         "true_positive_rate": float(by.iloc[i]["true_positive_rate"]),
                         "false_positive_rate": float(by.iloc[i]["false_positive_rate"]),
                         "impact_ratio": float(sr[i] / sr[ref]), "wilson": [float(lo), float(hi)],
                         "z": float(z), "p_z": float(pz), "p_fisher": float(pf),
                         "shortfall": float(n[i] * sr[ref] - x[i])}
        others = [lab for i, lab in enumerate(labels) if i != ref]
        for key in ("p_z", "p_fisher"):
            adj = multipletests([rows[lab][key] for lab in others], method="holm")[1]
            for lab, a in zip(others, adj):
                rows[lab][key + "_holm"] = float(a)
        evidence[name] = {"reference": labels[ref], "slices": rows}
        slice_masks[name] = (labels, masks)
    stages["tests"] = time.perf_counter() - t

    # ---- SHAP (path-dependent, every row) ----------------------------------------------------
    t = time.perf_counter()
    explainer = shap.TreeExplainer(booster)
    phi = np.asarray(explainer.shap_values(dm))
    stages["shap"] = time.perf_counter() - t
    additivity = float(np.abs(phi.sum(axis=1) + float(np.ravel(explainer.expected_value)[0]) - margin).max())

    # ---- per-slice mean |phi| ----------------------------------------------------------------
    t = time.perf_counter()
    absphi = np.abs(phi)
    for name, (labels, masks) in slice_masks.items():
        for lab, m in zip(labels, masks):
            evidence[name]["slices"][lab]["mean_abs_phi"] = dict(zip(features, absphi[m].mean(axis=0).tolist()))
    stages["attributions"] = time.perf_counter() - t

    # ---- bootstrap ---------------------------------------------------------------------------
    t = time.perf_counter()
    rng = np.random.default_rng(SEED)
    B, N = args.replicates, len(df)
    all_labels = [(g, lab) for g, (labels, _) in slice_masks.items() for lab in labels]
    S = np.column_stack([m for _, (_, masks) in slice_masks.items() for m in masks]).astype(np.float64)
    Sd = S * d[:, None]
    sr_b = np.empty((B, S.shape[1]))
    phi_b = np.empty((B, S.shape[1], len(features)))
    for start in range(0, B, args.chunk):
        b = min(args.chunk, B - start)
        W = rng.poisson(1.0, size=(b, N)).astype(np.float64)
        cnt = W @ S
        sr_b[start:start + b] = (W @ Sd) / cnt
        for k in range(S.shape[1]):
            m = S[:, k] > 0
            phi_b[start:start + b, k] = (W[:, m] @ absphi[m]) / cnt[:, k:k + 1]
    col = 0
    for g, (labels, _) in slice_masks.items():
        idx = list(range(col, col + len(labels)))
        ir_b = sr_b[:, idx] / sr_b[:, idx].max(axis=1, keepdims=True)
        for j, lab in enumerate(labels):
            s = evidence[g]["slices"][lab]
            s["bootstrap"] = {
                "selection_rate": np.quantile(sr_b[:, col + j], [0.025, 0.975]).tolist(),
                "impact_ratio": np.quantile(ir_b[:, j], [0.025, 0.975]).tolist(),
                "mean_abs_phi": {f: np.quantile(phi_b[:, col + j, fi], [0.025, 0.975]).tolist()
                                 for fi, f in enumerate(features)},
            }
        col += len(labels)
    stages["bootstrap"] = time.perf_counter() - t
    # ---- proxy screen ------------------------------------------------------------------------
    proxies = None
    if args.proxies:
        from scipy.stats import chi2_contingency
        from sklearn.metrics import normalized_mutual_info_score, roc_auc_score

        t = time.perf_counter()
        proxies = []
        for f, kind in zip(features, booster.feature_types):
            if f in PROTECTED:
                continue
            for attribute in PROTECTED.values():
                frame = df[[f, attribute]].dropna()
                x, g = frame[f], frame[attribute].astype(str)
                if kind == "c":
                    x = x.astype(str)
                    table = pd.crosstab(x, g)
                    chi2 = chi2_contingency(table, correction=False)[0]
                    association = np.sqrt(chi2 / (len(frame) * (min(table.shape) - 1)))
                    bins = x
                else:
                    values = x.to_numpy(dtype=float)
                    mean = values.mean()
                    total = ((values - mean) ** 2).sum()
                    groups = frame.groupby(attribute)[f].agg(["mean", "count"])
                    between = (groups["count"] * (groups["mean"] - mean) ** 2).sum()
                    association = np.sqrt(between / total)
                    bins = pd.qcut(x, q=10, labels=False, duplicates="drop")
                nmi = normalized_mutual_info_score(g, bins)
                best, best_group = -np.inf, None
                for group in sorted(g.unique()):
                    member = (g == group).to_numpy()
                    score = (x.to_numpy(dtype=float) if kind != "c"
                             else pd.Series(member, index=x.index).groupby(x).transform("mean"))
                    auc = roc_auc_score(member, score)
                    auc = max(auc, 1 - auc)
                    if auc > best:
                        best, best_group = auc, group
                proxies.append({"feature": f, "attribute": attribute,
                                "measure": "cramers-v" if kind == "c" else "correlation-ratio",
                                "association": float(association), "nmi": float(nmi),
                                "auc": float(best), "auc_group": best_group})
        stages["proxies"] = time.perf_counter() - t
    total = time.perf_counter() - t_total

    if args.out:
        out = {"data": os.path.relpath(args.data, ROOT), "model": os.path.relpath(args.model, ROOT),
               "rows": N, "threshold": 0.5, "replicates": B, "bootstrap": "Poisson(1) weights, numpy "
               f"default_rng({SEED}), {args.chunk} replicates per draw, 95% percentile intervals (numpy "
               "linear quantiles); impact ratio against each replicate's highest-rate slice",
               "age_bands": {"edges": AGE_EDGES, "labels": AGE_LABELS, "rule": "left-closed [e_k, e_{k+1})"},
               "selected": int(d.sum()), "shap_additivity_max_abs": additivity,
               "shap_base_value": float(np.ravel(explainer.expected_value)[0]), "groupings": evidence}
        if proxies is not None:
            out["proxies"] = proxies
        Path(args.out).write_text(json.dumps(out, indent=1, sort_keys=True) + "\n")
    print(json.dumps({"stages": {k: round(v, 4) for k, v in stages.items()}, "total_seconds": round(total, 4),
                      "rows": N, "replicates": B, "threads": args.threads, "slices": len(all_labels),
                      "features": len(features)}, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
