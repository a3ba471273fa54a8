"""Reference for GpFriedmanTest (run: /usr/bin/python3 friedman1000.py > friedman1000.txt).

Friedman #1 at n = 1000: d = 8 inputs uniform on [0, 1] (the last 3 irrelevant), noise sigma = 1,
numpy RandomState(1000). scikit-learn's GaussianProcessRegressor with C(1) * RBF([1]*8) +
WhiteKernel(1), normalize_y=True, alpha=1e-10, its default L-BFGS-B from that start, no restarts.
Writes the data in full, the fitted log-hyperparameters, the log marginal likelihood reached, the
evaluation count and the wall time of the fit.
"""
import time

import numpy as np
import sklearn
from sklearn.gaussian_process import GaussianProcessRegressor
from sklearn.gaussian_process.kernels import RBF, ConstantKernel as C, WhiteKernel


def row(key, values):
    print(key, " ".join(repr(float(v)) for v in np.ravel(values)))


rng = np.random.RandomState(1000)
n, d = 1000, 8
x = rng.uniform(size=(n, d))
y = (10 * np.sin(np.pi * x[:, 0] * x[:, 1]) + 20 * (x[:, 2] - 0.5) ** 2 + 10 * x[:, 3] + 5 * x[:, 4]
     + rng.normal(size=n))
kernel = C(1.0) * RBF([1.0] * d) + WhiteKernel(1.0)
gp = GaussianProcessRegressor(kernel=kernel, normalize_y=True, n_restarts_optimizer=0, alpha=1e-10)
start = time.perf_counter()
gp.fit(x, y)
seconds = time.perf_counter() - start
print("# scikit-learn", sklearn.__version__, "numpy", np.__version__, "fit wall time %.2f s" % seconds)
row("friedman1000.x", x)
row("friedman1000.y", y)
row("friedman1000.theta", gp.kernel_.theta)
row("friedman1000.lml", [gp.log_marginal_likelihood_value_])
row("friedman1000.seconds", [seconds])
