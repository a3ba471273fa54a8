"""Reference for GpFixedHyperparametersTest (run: /usr/bin/python3 gp_fixed_reference.py > gp_fixed_reference.txt).

scikit-learn's GaussianProcessRegressor with hyperparameters held fixed by "fixed" bounds, on the
closed-form inputs of gp_reference.py (n = 30): the log marginal likelihood and its gradient over
the free log-hyperparameters at the start (eval_gradient=True), and the fit from that start
(default L-BFGS-B, no restarts): the fitted free log-hyperparameters and the log marginal
likelihood reached.
"""
import numpy as np
import sklearn
from sklearn.gaussian_process import GaussianProcessRegressor
from sklearn.gaussian_process.kernels import RBF, ConstantKernel as C, WhiteKernel

from gp_reference import inputs, row, targets


CASES = [
    # name, kernel: the ARD length scales fixed; the noise level fixed
    ("fixedLengthScales", C(1.0) * RBF([0.7, 1.9], length_scale_bounds="fixed") + WhiteKernel(0.1)),
    ("fixedNoise", C(1.0) * RBF([0.7, 1.9]) + WhiteKernel(0.3, noise_level_bounds="fixed")),
]

print("# scikit-learn", sklearn.__version__, "numpy", np.__version__)
n, d = 30, 2
x = inputs(n, d, 0.0)
y = targets(x)
for name, kernel in CASES:
    start = GaussianProcessRegressor(kernel=kernel, optimizer=None).fit(x, y)
    lml, grad = start.log_marginal_likelihood(start.kernel_.theta, eval_gradient=True)
    gp = GaussianProcessRegressor(kernel=kernel, n_restarts_optimizer=0).fit(x, y)
    row(name + ".startTheta", start.kernel_.theta)
    row(name + ".startLml", [lml])
    row(name + ".startGradient", grad)
    row(name + ".fittedTheta", gp.kernel_.theta)
    row(name + ".fittedLml", [gp.log_marginal_likelihood_value_])
