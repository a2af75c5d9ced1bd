#!/usr/bin/env python3
"""Simple, subject-independent GSR baseline on a BioVid Part A folder (real or synthetic).

Logistic regression on hand-made GSR features, evaluated with subject-grouped folds
(GroupKFold: no subject is ever in both train and test). Reports 5-class accuracy and
BL1-vs-PA4 accuracy, for raw features and for features standardised within each subject
(the usual BioVid practice; it uses the unlabelled windows of the test subject).

Usage:
  /usr/bin/python3 libs/signals/scripts/baseline.py <cohort-dir> [--folds 10] [--jobs 2]

Needs numpy and scikit-learn only. Not used by the product or the tests.
"""
import argparse
import glob
import os
import re
from multiprocessing import Pool

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

CLASSES = ["BL1", "PA1", "PA2", "PA3", "PA4"]
NAME = re.compile(r"^(.+)-(BL1|PA1|PA2|PA3|PA4)-(\d+)_bio\.csv$")
RATE = 512
PRE = RATE // 4  # first 0.25 s: level before any evoked response (onset is ≥ 0 s into the window)
FEATURES = ["amplitude", "range", "std", "slope", "peak_time", "max_rise_rate"]


def features(path):
    """GSR features of one file: amplitude = max minus pre-stimulus level, and a few more."""
    with open(path, "rb") as f:
        tokens = f.read().split()
    header = [t.decode() for t in tokens[:6]]
    table = np.array(tokens[6:], dtype=np.float64).reshape(-1, len(header))
    gsr = table[:, header.index("gsr")]
    t = np.arange(gsr.size) / RATE
    pre = gsr[:PRE].mean()
    peak = int(np.argmax(gsr[PRE:])) + PRE
    smooth = np.convolve(gsr, np.ones(RATE // 8) / (RATE // 8), mode="valid")
    rise = np.diff(smooth) * RATE
    return [
        gsr[PRE:].max() - pre,
        gsr.max() - gsr.min(),
        gsr.std(),
        np.polyfit(t, gsr, 1)[0],
        peak / RATE,
        rise.max(),
    ]


def load(root, jobs):
    paths = sorted(glob.glob(os.path.join(root, "**", "biosignals_filtered", "*", "*_bio.csv"), recursive=True))
    if not paths:
        raise SystemExit(f"no */biosignals_filtered/<subject>/*_bio.csv under {root}")
    meta = [NAME.match(os.path.basename(p)) for p in paths]
    subjects = np.array([m.group(1) for m in meta])
    labels = np.array([CLASSES.index(m.group(2)) for m in meta])
    with Pool(jobs) as pool:
        x = np.array(pool.map(features, paths, chunksize=64))
    return x, labels, subjects


def per_subject_z(x, subjects):
    out = np.empty_like(x)
    for s in np.unique(subjects):
        rows = subjects == s
        mu, sd = x[rows].mean(0), x[rows].std(0)
        out[rows] = (x[rows] - mu) / np.where(sd > 0, sd, 1)
    return out


def cv_accuracy(x, y, groups, folds):
    correct = 0
    for train, test in GroupKFold(n_splits=folds).split(x, y, groups):
        model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000))
        model.fit(x[train], y[train])
        correct += int((model.predict(x[test]) == y[test]).sum())
    return correct / len(y)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("root")
    parser.add_argument("--folds", type=int, default=10)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    x, y, groups = load(args.root, args.jobs)
    print(f"{len(y)} windows, {len(np.unique(groups))} subjects, {args.folds} subject-grouped folds")
    binary = (y == 0) | (y == 4)
    print("| features | normalisation | 5-class | BL1 vs PA4 |")
    print("| --- | --- | --- | --- |")
    for name, cols in [("amplitude only", [0]), ("all 6 (" + ", ".join(FEATURES) + ")", list(range(len(FEATURES))))]:
        for norm, data in [("none", x), ("per subject", per_subject_z(x, groups))]:
            five = cv_accuracy(data[:, cols], y, groups, args.folds)
            two = cv_accuracy(data[binary][:, cols], y[binary], groups[binary], args.folds)
            print(f"| {name} | {norm} | {100 * five:.1f}% | {100 * two:.1f}% |")


if __name__ == "__main__":
    main()
