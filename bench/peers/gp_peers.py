#!/usr/bin/python3
"""Peer timing for GpBenchmark (not run in CI): numpy.linalg.cholesky of the same kind of SPD matrix
(RBF Gram of 3-d points + 1e-3 I, n = 1024, 2048, 4096), the machine's DGEMM rate (numpy, 4096^2) as
a floor, and scikit-learn at n = 1000, d = 8 on the Friedman #1 data of the engine's GP fit test
(engine/src/test/resources/org/parax4j/engine/gp/friedman1000.txt; constant x ARD RBF + white,
normalize_y): log_marginal_likelihood with eval_gradient=True, predict(return_std=True) at 10^4
test points, and the whole fit from the same start (L-BFGS-B, no restarts) with the LML it reaches.
Best of --repeat wall times; the OpenBLAS thread count is printed (threadpoolctl). For the LML's
floor also DGEMM, Cholesky and scipy's cho_solve(L, I) (scikit-learn's K^-1) at n = 1000, and the
fit's L-BFGS-B function evaluations (nfev; scikit-learn's own optimiser call, counted).

Run from the repository root: /usr/bin/python3 bench/peers/gp_peers.py [--repeat 5] [--no-fit]
"""
import argparse
import time

import numpy as np
from scipy.linalg import cho_solve
from scipy.optimize import minimize
import sklearn
from sklearn.gaussian_process import GaussianProcessRegressor
from sklearn.gaussian_process.kernels import RBF, ConstantKernel as C, WhiteKernel

DATA = "engine/src/test/resources/org/parax4j/engine/gp/friedman1000.txt"


def best(f, repeat):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return 1e3 * min(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-fit", action="store_true")
    args = parser.parse_args()
    rng = np.random.RandomState(1)
    print("numpy", np.__version__, "scikit-learn", sklearn.__version__)
    try:
        from threadpoolctl import threadpool_info
        print("BLAS threads:", [(i["internal_api"], i["num_threads"]) for i in threadpool_info()])
    except ImportError:
        print("threadpoolctl not installed")
    for n in (1024, 2048, 4096):
        p = rng.uniform(-2, 2, size=(n, 3))
        d2 = ((p[:, None, :] - p[None, :, :]) ** 2).sum(-1)
        a = np.exp(-0.5 * d2) + 1e-3 * np.eye(n)
        t = best(lambda: np.linalg.cholesky(a), args.repeat if n < 4096 else max(2, args.repeat // 2))
        print(f"numpy.linalg.cholesky n={n}: {t:.2f} ms ({n ** 3 / 3 / t / 1e6:.1f} GFlop/s)")
    b = rng.uniform(size=(4096, 4096))
    t = best(lambda: b @ b, 3)
    print(f"numpy DGEMM 4096: {t:.2f} ms ({2 * 4096 ** 3 / t / 1e6:.1f} GFlop/s)")
    # The floor at the LML's size: DGEMM, Cholesky and sklearn's inverse step (cho_solve with I) at n = 1000.
    b = rng.uniform(size=(1000, 1000))
    t = best(lambda: b @ b, args.repeat)
    print(f"numpy DGEMM 1000: {t:.2f} ms ({2 * 1000 ** 3 / t / 1e6:.1f} GFlop/s)")
    p = rng.uniform(-2, 2, size=(1000, 3))
    a = np.exp(-0.5 * ((p[:, None, :] - p[None, :, :]) ** 2).sum(-1)) + 1e-3 * np.eye(1000)
    t = best(lambda: np.linalg.cholesky(a), args.repeat)
    print(f"numpy.linalg.cholesky n=1000: {t:.2f} ms ({1000 ** 3 / 3 / t / 1e6:.1f} GFlop/s)")
    low = np.linalg.cholesky(a)
    eye = np.eye(1000)
    t = best(lambda: cho_solve((low, True), eye), args.repeat)
    print(f"scipy cho_solve(L, I) n=1000 (sklearn's K^-1): {t:.2f} ms")
    values = {}
    with open(DATA) as f:
        for line in f:
            if not line.startswith("#"):
                key, *rest = line.split()
                values[key] = np.array([float(v) for v in rest])
    n, d = 1000, 8
    x = values["friedman1000.x"].reshape(n, d)
    y = values["friedman1000.y"]
    kernel = C(1.0) * RBF([1.0] * d) + WhiteKernel(1.0)
    gp = GaussianProcessRegressor(kernel=kernel, optimizer=None, normalize_y=True).fit(x, y)
    theta = gp.kernel_.theta
    t = best(lambda: gp.log_marginal_likelihood(theta, eval_gradient=True), args.repeat)
    print(f"sklearn LML + gradient n={n} d={d}: {t:.2f} ms")
    xs = rng.uniform(size=(10_000, d))
    print(f"sklearn predict mean+std 1e4 points: {best(lambda: gp.predict(xs, return_std=True), args.repeat):.2f} ms")
    if not args.no_fit:
        counts = {}

        def lbfgsb(obj_func, initial_theta, bounds):
            # scikit-learn's own default optimiser call, with its counts kept
            res = minimize(obj_func, initial_theta, method="L-BFGS-B", jac=True, bounds=bounds)
            counts.update(nfev=res.nfev, nit=res.nit, message=res.message)
            return res.x, res.fun

        fitted = GaussianProcessRegressor(kernel=kernel, normalize_y=True, n_restarts_optimizer=0, optimizer=lbfgsb)
        t = time.perf_counter()
        fitted.fit(x, y)
        t = time.perf_counter() - t
        print(f"sklearn fit n={n} d={d}: {1e3 * t:.0f} ms, LML {fitted.log_marginal_likelihood_value_:.10f}, "
              f"L-BFGS-B nfev {counts.get('nfev')}, nit {counts.get('nit')} ({counts.get('message')})")


if __name__ == "__main__":
    main()
