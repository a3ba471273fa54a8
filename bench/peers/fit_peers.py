#!/usr/bin/python3
"""Peer timing for FitBenchmark (not run in CI): the reference-model fit of reference_fit.py (8 free
parameters, offsetDb fixed, the same 200 points and perturbed start) by lmfit 'leastsq' (MINPACK,
forward-difference Jacobian, its defaults) and SciPy least_squares (method 'lm' and 'trf', analytic
Jacobian in NumPy), best of --repeat wall times per fit.

Run from the repository root: /usr/bin/python3 bench/peers/fit_peers.py [--repeat 20]
"""
import argparse
import json
import pathlib
import sys
import time

import lmfit
import numpy as np
import scipy
from scipy.optimize import least_squares

ROOT = pathlib.Path(__file__).resolve().parents[2]
REF = ROOT / "engine/src/test/resources/org/parax4j/engine/fit"


def load_model():
    src = (REF / "reference_fit.py").read_text().split("rng = np.random.default_rng")[0]
    ns = {}
    exec(compile(src, "reference_fit.py", "exec"), ns)
    return ns


def best_of(fn, repeat):
    best = float("inf")
    out = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    ns = load_model()
    ref = json.loads((REF / "reference_fit.json").read_text())
    y = np.array(ref["y"])
    start = np.array(ref["start"])
    names = ref["names"]
    model, jac = ns["model"], ns["jac"]

    def resid(p):
        return model(p) - y

    def run_lmfit():
        params = lmfit.Parameters()
        for n, v in zip(names, start):
            params.add(n, value=v)
        return lmfit.minimize(lambda ps: resid(np.array([ps[n].value for n in names])), params, method="leastsq")

    def run_lm():
        return least_squares(resid, start, jac=jac, method="lm")

    def run_trf():
        return least_squares(resid, start, jac=jac, method="trf", x_scale="jac")

    results = {"python": sys.version.split()[0], "numpy": np.__version__, "scipy": scipy.__version__,
               "lmfit": lmfit.__version__, "repeat": args.repeat}
    for name, fn in [("lmfit_leastsq", run_lmfit), ("scipy_least_squares_lm", run_lm),
                     ("scipy_least_squares_trf", run_trf)]:
        t, out = best_of(fn, args.repeat)
        nfev = out.nfev
        chi2 = float(out.chisqr) if hasattr(out, "chisqr") else float(np.sum(out.fun ** 2))
        results[name] = {"best_ms": 1e3 * t, "nfev": int(nfev), "chi2": chi2}
        print(f"{name:26s} best {1e3 * t:9.3f} ms  nfev {nfev:5d}  chi2 {chi2:.12g}")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
