#!/usr/bin/python3
"""Reference minima for the L-BFGS-B tests (LbfgsbTest), from SciPy's minimize(method="L-BFGS-B").

Run: /usr/bin/python3 lbfgsb_reference.py > lbfgsb_reference.json
Each problem is defined here and, identically, in LbfgsbProblems.java (objective and analytic
gradient). Two SciPy runs per problem: its default tolerances, and tight ones (gtol 1e-10,
ftol 1e-15) whose optimum the Java implementation must match.
"""
import json
import math
import sys

import numpy as np
import scipy
from scipy.optimize import minimize


def rosenbrock(x):
    x = np.asarray(x)
    f = np.sum(100.0 * (x[1:] - x[:-1] ** 2) ** 2 + (1 - x[:-1]) ** 2)
    g = np.zeros_like(x)
    g[:-1] += -400.0 * x[:-1] * (x[1:] - x[:-1] ** 2) - 2 * (1 - x[:-1])
    g[1:] += 200.0 * (x[1:] - x[:-1] ** 2)
    return f, g


A_COUPLED = np.array([[4.0, 1.0, 0.5, 0.0], [1.0, 3.0, 0.2, 0.1], [0.5, 0.2, 2.0, 0.3], [0.0, 0.1, 0.3, 1.0]])
C_COUPLED = np.array([2.0, -3.0, 0.5, 1.5])


def quad_coupled(x):
    r = np.asarray(x) - C_COUPLED
    return 0.5 * r @ A_COUPLED @ r, A_COUPLED @ r


DIAG = np.array([1.0, 2.0, 3.0, 4.0, 5.0])
C_DIAG = np.array([3.0, -2.0, 0.5, -0.25, 10.0])


def quad_diag(x):
    r = np.asarray(x) - C_DIAG
    return 0.5 * np.sum(DIAG * r * r), DIAG * r


def residual_problem(rfun, jfun):
    def f(x):
        r = rfun(np.asarray(x))
        j = jfun(np.asarray(x))
        return float(r @ r), 2 * j.T @ r
    return f


def beale_r(x):
    return np.array([1.5 - x[0] * (1 - x[1]), 2.25 - x[0] * (1 - x[1] ** 2), 2.625 - x[0] * (1 - x[1] ** 3)])


def beale_j(x):
    return np.array([[-(1 - x[1]), x[0]], [-(1 - x[1] ** 2), 2 * x[0] * x[1]], [-(1 - x[1] ** 3), 3 * x[0] * x[1] ** 2]])


def theta(x0, x1):
    t = math.atan(x1 / x0) / (2 * math.pi)
    return t + 0.5 if x0 < 0 else t


def helical_r(x):
    rr = math.hypot(x[0], x[1])
    return np.array([10 * (x[2] - 10 * theta(x[0], x[1])), 10 * (rr - 1), x[2]])


def helical_j(x):
    r2 = x[0] ** 2 + x[1] ** 2
    rr = math.sqrt(r2)
    dth0 = -x[1] / (2 * math.pi * r2)
    dth1 = x[0] / (2 * math.pi * r2)
    return np.array([[-100 * dth0, -100 * dth1, 10], [10 * x[0] / rr, 10 * x[1] / rr, 0], [0, 0, 1]])


def powell_r(x):
    return np.array([x[0] + 10 * x[1], math.sqrt(5) * (x[2] - x[3]), (x[1] - 2 * x[2]) ** 2,
                     math.sqrt(10) * (x[0] - x[3]) ** 2])


def powell_j(x):
    s5, s10 = math.sqrt(5), math.sqrt(10)
    return np.array([[1, 10, 0, 0], [0, 0, s5, -s5], [0, 2 * (x[1] - 2 * x[2]), -4 * (x[1] - 2 * x[2]), 0],
                     [2 * s10 * (x[0] - x[3]), 0, 0, -2 * s10 * (x[0] - x[3])]])


def wood_r(x):
    return np.array([10 * (x[1] - x[0] ** 2), 1 - x[0], math.sqrt(90) * (x[3] - x[2] ** 2), 1 - x[2],
                     math.sqrt(10) * (x[1] + x[3] - 2), (x[1] - x[3]) / math.sqrt(10)])


def wood_j(x):
    s90, s10 = math.sqrt(90), math.sqrt(10)
    return np.array([[-20 * x[0], 10, 0, 0], [-1, 0, 0, 0], [0, 0, -2 * s90 * x[2], s90], [0, 0, -1, 0],
                     [0, s10, 0, s10], [0, 1 / s10, 0, -1 / s10]])


def brown_r(x):
    return np.array([x[0] - 1e6, x[1] - 2e-6, x[0] * x[1] - 2])


def brown_j(x):
    return np.array([[1, 0], [0, 1], [x[1], x[0]]])


def froth_r(x):
    return np.array([-13 + x[0] + ((5 - x[1]) * x[1] - 2) * x[1], -29 + x[0] + ((x[1] + 1) * x[1] - 14) * x[1]])


def froth_j(x):
    return np.array([[1, 10 * x[1] - 3 * x[1] ** 2 - 2], [1, 3 * x[1] ** 2 + 2 * x[1] - 14]])


BOX_T = np.array([0.1 * (i + 1) for i in range(10)])


def box_r(x):
    t = BOX_T
    return np.exp(-t * x[0]) - np.exp(-t * x[1]) - x[2] * (np.exp(-t) - np.exp(-10 * t))


def box_j(x):
    t = BOX_T
    return np.stack([-t * np.exp(-t * x[0]), t * np.exp(-t * x[1]), -(np.exp(-t) - np.exp(-10 * t))], axis=1)


INF = math.inf
PROBLEMS = [
    # name, function, x0, lower, upper, published minimum value (None when the bound decides it)
    ("rosenbrock2", rosenbrock, [-1.2, 1.0], None, None, 0.0),
    ("rosenbrock5", rosenbrock, [-1.2, 1.0, -1.2, 1.0, -1.2], None, None, 0.0),
    ("rosenbrock10", rosenbrock, [-1.2, 1.0] * 5, None, None, 0.0),
    ("rosenbrock10_bounded", rosenbrock, [-1.2, 1.0] * 5, [-2.0] * 10, [0.8, 2.0] * 5, None),
    ("rosenbrock4_upper_active", rosenbrock, [0.0] * 4, [-INF] * 4, [0.5, INF, INF, INF], None),
    ("quad_diag_mixed", quad_diag, [0.0] * 5, [-1.0, -1.0, -1.0, -1.0, -INF], [1.0, 1.0, 1.0, 1.0, 20.0], None),
    ("quad_diag_inactive", quad_diag, [0.0] * 5, [-5.0] * 5, [20.0] * 5, 0.0),
    ("quad_coupled_active", quad_coupled, [0.0] * 4, [0.0, -1.0, -INF, 0.0], [1.0, 1.0, INF, 1.0], None),
    ("mgh02_freudenstein_roth", residual_problem(froth_r, froth_j), [0.5, -2.0], None, None, 48.98425367924),
    ("mgh04_brown_badly_scaled", residual_problem(brown_r, brown_j), [1.0, 1.0], None, None, 0.0),
    ("mgh05_beale", residual_problem(beale_r, beale_j), [1.0, 1.0], None, None, 0.0),
    ("mgh07_helical_valley", residual_problem(helical_r, helical_j), [-1.0, 0.0, 0.0], None, None, 0.0),
    ("mgh12_box3d", residual_problem(box_r, box_j), [0.0, 10.0, 20.0], None, None, 0.0),
    ("mgh13_powell_singular", residual_problem(powell_r, powell_j), [3.0, -1.0, 0.0, 1.0], None, None, 0.0),
    ("mgh14_wood", residual_problem(wood_r, wood_j), [-3.0, -1.0, -3.0, -1.0], None, None, 0.0),
    ("mgh14_wood_bounded", residual_problem(wood_r, wood_j), [-3.0, -1.0, -3.0, -1.0], [-INF, -INF, -INF, 1.5],
     [0.9, INF, INF, INF], None),
]


def enc(v):
    if v is None:
        return None
    return [None if not math.isfinite(a) else float(a) for a in v]


def run(fun, x0, lo, hi, options):
    bounds = None
    if lo is not None:
        bounds = list(zip(lo, hi))
    r = minimize(fun, np.array(x0, dtype=float), jac=True, method="L-BFGS-B", bounds=bounds, options=options)
    return {"x": [float(a) for a in r.x], "fun": float(r.fun), "nit": int(r.nit), "nfev": int(r.nfev),
            "message": str(r.message)}


out = {"generator": "lbfgsb_reference.py", "scipy": scipy.__version__, "numpy": np.__version__, "problems": []}
for name, fun, x0, lo, hi, published in PROBLEMS:
    out["problems"].append({
        "name": name, "x0": x0, "lower": enc(lo), "upper": enc(hi), "published": published,
        "default": run(fun, x0, lo, hi, {}),
        "tight": run(fun, x0, lo, hi, {"gtol": 1e-10, "ftol": 1e-15, "maxiter": 100000, "maxfun": 100000}),
    })
json.dump(out, sys.stdout, indent=1)
sys.stdout.write("\n")
