#!/usr/bin/python3
"""Reference optimum and standard errors for the reference-model fit (ReferenceFitTest).

Run: /usr/bin/python3 reference_fit.py > reference_fit.json

The model is SPEC §11's resonator plus RBF discrepancy, written here in NumPy:
  y(f) = 20*log10(gain / sqrt((1 - (f/f0)^2)^2 + (f/(q*f0))^2)) + offsetDb + sum_j w_j exp(-0.5((f - c_j)/l)^2)
200 frequencies from 1.8 to 3.0 GHz, truth = ReferenceModel.create() (gain 1, f0 2.4, q 35, offsetDb 0,
l 0.15, w = (0.05, -0.08, 0.03, 0.1)), Gaussian noise of 0.1 dB from numpy's default_rng(20261205).
Fit: offsetDb fixed at 0, the other 8 free, from the perturbed start below.
  * SciPy least_squares (method "lm", analytic Jacobian, tolerances 1e-15) gives the optimum; "trf"
    agrees to about 1e-5 (the length scale enters squared, so trf may return -l).
  * The optimum is ill-conditioned (the discrepancy with a long length scale mimics the gain:
    condition number of the column-scaled Jacobian about 1.2e5), and SciPy's relative-reduction
    stop leaves its x about 4e-6 (relative) from the stationary point. "refined_x" polishes it with
    30 Gauss-Newton steps whose residuals are computed in numpy.longdouble; it moves SciPy's x by
    at most 4e-6 and is stationary to about 1e-11. The Java fit is compared with refined_x.
  * lmfit 'leastsq' (scale_covar=True, analytic Dfun, started at refined_x) gives the standard errors.
"""
import json
import sys

import lmfit
import numpy as np
import scipy
from scipy.optimize import least_squares

F = np.linspace(1.8, 3.0, 200)
C = np.array([1.95, 2.25, 2.55, 2.85])
NAMES = ["resonator_gain", "resonator_f0", "resonator_q", "discrepancy_kernel_lengthScale",
         "discrepancy_weights_0", "discrepancy_weights_1", "discrepancy_weights_2", "discrepancy_weights_3"]
TRUTH = np.array([1.0, 2.4, 35.0, 0.15, 0.05, -0.08, 0.03, 0.1])
START = np.array([1.08, 2.42, 40.0, 0.12, 0.0, 0.0, 0.0, 0.0])
OFFSET_DB = 0.0


def model(p, f=F):
    gain, f0, q, ls = p[0], p[1], p[2], p[3]
    w = p[4:8]
    ratio = f / f0
    mag = gain / np.sqrt((1 - ratio ** 2) ** 2 + (ratio / q) ** 2)
    k = np.exp(-0.5 * ((f[:, None] - C[None, :]) / ls) ** 2)
    return 20 * np.log10(mag) + OFFSET_DB + k @ w


def jac(p, f=F):
    gain, f0, q, ls = p[0], p[1], p[2], p[3]
    w = p[4:8]
    ratio = f / f0
    d = (1 - ratio ** 2) ** 2 + (ratio / q) ** 2
    c = 20 / np.log(10)
    # y = c*ln(gain) - (c/2)*ln(d) + ...
    dd_dratio = 2 * (1 - ratio ** 2) * (-2 * ratio) + 2 * ratio / q ** 2
    dratio_df0 = -f / f0 ** 2
    dd_dq = -2 * ratio ** 2 / q ** 3
    diff = f[:, None] - C[None, :]
    k = np.exp(-0.5 * (diff / ls) ** 2)
    dk_dls = k * diff ** 2 / ls ** 3
    cols = [np.full_like(f, c / gain), -(c / 2) * dd_dratio * dratio_df0 / d, -(c / 2) * dd_dq / d, dk_dls @ w]
    return np.column_stack(cols + [k[:, j] for j in range(4)])


rng = np.random.default_rng(20261205)
clean = model(TRUTH)
y = clean + rng.normal(0.0, 0.1, F.size)


def resid(p):
    return model(p) - y


lm = least_squares(resid, START, jac=lambda p: jac(p), method="lm", xtol=1e-15, ftol=1e-15, gtol=1e-15,
                   max_nfev=100000)
trf = least_squares(resid, START, jac=lambda p: jac(p), method="trf", xtol=1e-15, ftol=1e-15, gtol=1e-15,
                    x_scale="jac", max_nfev=100000)
trf_x = trf.x.copy()
trf_x[3] = abs(trf_x[3])
assert np.allclose(lm.x, trf_x, rtol=1e-4, atol=0), (lm.x, trf_x)
fd = (resid(lm.x + 1e-7 * np.eye(8)[2]) - resid(lm.x - 1e-7 * np.eye(8)[2])) / 2e-7
assert np.allclose(fd, jac(lm.x)[:, 2], rtol=1e-5, atol=1e-7)

LD = np.longdouble


def model_ld(p):
    p = p.astype(LD)
    f = F.astype(LD)
    c = C.astype(LD)
    ratio = f / p[1]
    mag = p[0] / np.sqrt((1 - ratio ** 2) ** 2 + (ratio / p[2]) ** 2)
    k = np.exp(LD(-0.5) * ((f[:, None] - c[None, :]) / p[3]) ** 2)
    return LD(20) * np.log10(mag) + OFFSET_DB + k @ p[4:8]


refined = lm.x.astype(LD)
for _ in range(30):
    r_ld = model_ld(refined) - y.astype(LD)
    J = jac(refined.astype(np.float64))
    step = np.linalg.solve(J.T @ J, -(J.astype(LD).T @ r_ld).astype(np.float64))
    refined = refined + step.astype(LD)
refined = refined.astype(np.float64)
assert np.allclose(refined, lm.x, rtol=1e-5, atol=0), (refined, lm.x)

params = lmfit.Parameters()
for name, v in zip(NAMES, refined):
    params.add(name, value=v)


def lm_resid(pars):
    return resid(np.array([pars[n].value for n in NAMES]))


def lm_jac(pars):
    return jac(np.array([pars[n].value for n in NAMES]))


# From the refined optimum with the analytic Jacobian, so that lmfit's covariance is evaluated at
# the same point as the Java fit's (from START with finite differences lmfit stops 5e-3 away).
out = lmfit.minimize(lm_resid, params, method="leastsq", Dfun=lm_jac, xtol=1e-15, ftol=1e-15, gtol=1e-15,
                     max_nfev=100000)
stderr = [out.params[n].stderr for n in NAMES]
lmfit_x = [out.params[n].value for n in NAMES]
chi2 = float(np.sum(resid(lm.x) ** 2))
json.dump({
    "generator": "reference_fit.py", "scipy": scipy.__version__, "lmfit": lmfit.__version__, "numpy": np.__version__,
    "names": NAMES, "truth": TRUTH.tolist(), "start": START.tolist(), "frequencies": F.tolist(),
    "clean": clean.tolist(), "y": y.tolist(),
    "refined_x": refined.tolist(), "scipy_x": lm.x.tolist(), "scipy_trf_x": trf.x.tolist(), "scipy_chi2": chi2, "scipy_nfev": int(lm.nfev),
    "lmfit_x": lmfit_x, "lmfit_stderr": stderr, "lmfit_chisqr": float(out.chisqr), "lmfit_redchi": float(out.redchi),
    "lmfit_aic": float(out.aic), "lmfit_bic": float(out.bic), "lmfit_nfev": int(out.nfev),
    "lmfit_correl_gain_f0": out.params["resonator_gain"].correl.get("resonator_f0"),
}, sys.stdout, indent=1)
sys.stdout.write("\n")
