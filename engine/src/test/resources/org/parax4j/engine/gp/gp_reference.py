"""Reference values for GaussianProcessReferenceTest (run: python3 gp_reference.py > gp_reference.txt).

scikit-learn's GaussianProcessRegressor: log marginal likelihood and its gradient with respect to
log-hyperparameters (eval_gradient=True), predictions (return_std=True, return_cov=True) at the
given hyperparameters (optimizer=None), and one hyperparameter fit (Friedman #1, L-BFGS-B, no
restarts). Inputs are closed-form so that the Java test builds the same arrays; the Friedman data
are written out in full.
"""
import numpy as np
import sklearn
from sklearn.gaussian_process import GaussianProcessRegressor
from sklearn.gaussian_process.kernels import (RBF, ConstantKernel as C, ExpSineSquared, Matern,
                                              RationalQuadratic, WhiteKernel)


def inputs(n, d, phase):
    i = np.arange(n)[:, None]
    k = np.arange(d)[None, :]
    return 2.0 * np.sin(1.3 * i + 0.7 * k + phase) + 0.05 * i / n


def targets(x):
    n = x.shape[0]
    return np.sin(x.sum(axis=1)) + 0.1 * np.cos(7.0 * np.arange(n))


CASES = [
    # name, d, kernel, normalize_y
    ("rbfArdWhite", 3, RBF([0.8, 1.5, 2.5]) + WhiteKernel(0.05), False),
    ("scaledMatern32White", 3, C(1.7) * Matern(1.1, nu=1.5) + WhiteKernel(0.02), False),
    ("matern12", 2, Matern([0.9, 1.4], nu=0.5), False),
    ("matern52Normalized", 3, C(0.8) * Matern(1.3, nu=2.5) + WhiteKernel(0.01), True),
    ("rationalQuadratic", 2, RationalQuadratic(length_scale=1.2, alpha=0.7) + WhiteKernel(0.03), False),
    ("periodic", 1, ExpSineSquared(length_scale=0.9, periodicity=2.3) + WhiteKernel(0.05), False),
    ("productSum", 1, RBF(3.0) * ExpSineSquared(1.1, 1.9) + C(0.4) + WhiteKernel(0.02), False),
]

def row(key, values):
    print(key, " ".join(repr(float(v)) for v in np.ravel(values)))


if __name__ == "__main__":
    print("# scikit-learn", sklearn.__version__, "numpy", np.__version__)
    n, m = 40, 7
    for name, d, kernel, normalize in CASES:
        x = inputs(n, d, 0.0)
        y = targets(x)
        xs = inputs(m, d, 0.37)
        gp = GaussianProcessRegressor(kernel=kernel, optimizer=None, normalize_y=normalize).fit(x, y)
        lml, grad = gp.log_marginal_likelihood(gp.kernel_.theta, eval_gradient=True)
        mean, std = gp.predict(xs, return_std=True)
        _, cov = gp.predict(xs, return_cov=True)
        row(name + ".theta", gp.kernel_.theta)
        row(name + ".lml", [lml])
        row(name + ".gradient", grad)
        row(name + ".mean", mean)
        row(name + ".std", std)
        row(name + ".cov", cov)

    # Friedman #1: n = 200, d = 8 (3 irrelevant inputs), sigma = 1, seeded.
    rng = np.random.RandomState(7)
    n, d = 200, 8
    x = rng.uniform(size=(n, d))
    y = (10 * np.sin(np.pi * x[:, 0] * x[:, 1]) + 20 * (x[:, 2] - 0.5) ** 2 + 10 * x[:, 3] + 5 * x[:, 4]
         + rng.normal(size=n))
    kernel = C(1.0) * RBF([1.0] * 5 + [1.0] * 3) + WhiteKernel(1.0)
    gp = GaussianProcessRegressor(kernel=kernel, normalize_y=True, n_restarts_optimizer=0, alpha=1e-10).fit(x, y)
    row("friedman.x", x)
    row("friedman.y", y)
    row("friedman.theta", gp.kernel_.theta)
    row("friedman.lml", [gp.log_marginal_likelihood_value_])
