#!/usr/bin/python3
"""Peer timing for GpBenchmark (not run in CI): numpy.linalg.cholesky of the same kind of SPD matrix
(RBF Gram of 3-d points + 1e-3 I, n = 1024 and 2048), scikit-learn's log_marginal_likelihood with
eval_gradient=True at n = 1000, d = 8 (constant x ARD RBF + white, normalize_y, Friedman #1 inputs),
and predict(return_std=True) at 10^4 test points. Best of --repeat wall times.

Run from the repository root: /usr/bin/python3 bench/peers/gp_peers.py [--repeat 5]
"""
import argparse
import time

import numpy as np
import sklearn
from sklearn.gaussian_process import GaussianProcessRegressor
from sklearn.gaussian_process.kernels import RBF, ConstantKernel as C, WhiteKernel


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
    args = parser.parse_args()
    rng = np.random.RandomState(1)
    print("numpy", np.__version__, "scikit-learn", sklearn.__version__)
    for n in (1024, 2048):
        p = rng.uniform(-2, 2, size=(n, 3))
        d2 = ((p[:, None, :] - p[None, :, :]) ** 2).sum(-1)
        a = np.exp(-0.5 * d2) + 1e-3 * np.eye(n)
        print(f"numpy.linalg.cholesky n={n}: {best(lambda: np.linalg.cholesky(a), args.repeat):.2f} ms")
    n, d = 1000, 8
    x = rng.uniform(size=(n, d))
    y = (10 * np.sin(np.pi * x[:, 0] * x[:, 1]) + 20 * (x[:, 2] - 0.5) ** 2 + 10 * x[:, 3] + 5 * x[:, 4]
         + rng.normal(size=n))
    kernel = C(1.0) * RBF([1.0] * d) + WhiteKernel(1.0)
    gp = GaussianProcessRegressor(kernel=kernel, optimizer=None, normalize_y=True).fit(x, y)
    theta = gp.kernel_.theta
    t = best(lambda: gp.log_marginal_likelihood(theta, eval_gradient=True), args.repeat)
    print(f"sklearn LML + gradient n={n} d={d}: {t:.2f} ms")
    xs = rng.uniform(size=(10_000, d))
    print(f"sklearn predict mean+std 1e4 points: {best(lambda: gp.predict(xs, return_std=True), args.repeat):.2f} ms")


if __name__ == "__main__":
    main()
