#!/usr/bin/env python3
"""Minimax polynomial coefficients of the engine's elementary functions (Remez exchange, mpmath).

Prints, as Java hexadecimal double literals, the coefficients that ExpMath.Q and Q_F (rounded to
float) and Elementary.LOG, SIN and COS hold, with the relative error of the rounded coefficients on
a dense grid. Run it after changing a range or a degree:  python3 tools/minimax.py   (needs mpmath;
about a minute).
"""
import mpmath as mp

mp.mp.dps = 60


def remez(f, a, b, degree, iterations=30):
    """Coefficients (lowest degree first) of the polynomial of `degree` in t that minimises the
    largest relative error |p(t)/f(t) - 1| on [a, b]."""
    m = degree + 2
    ref = [(a + b) / 2 - (b - a) / 2 * mp.cos(mp.pi * i / (m - 1)) for i in range(m)]
    grid = [a + (b - a) * k / 4000 for k in range(4001)]
    coefficients = None
    for _ in range(iterations):
        system = mp.matrix(m, m)
        rhs = mp.matrix(m, 1)
        for i, t in enumerate(ref):
            for j in range(degree + 1):
                system[i, j] = t ** j
            system[i, degree + 1] = (-1) ** i * abs(f(t))
            rhs[i] = f(t)
        solution = mp.lu_solve(system, rhs)
        coefficients = [solution[j] for j in range(degree + 1)]
        errors = [(mp.polyval(coefficients[::-1], t) - f(t)) / abs(f(t)) for t in grid]
        # The new reference: the largest error of each run of equal sign, m of them.
        runs = []
        for k, e in enumerate(errors):
            if runs and mp.sign(errors[runs[-1]]) == mp.sign(e):
                if abs(e) > abs(errors[runs[-1]]):
                    runs[-1] = k
            else:
                runs.append(k)
        if len(runs) < m:
            break
        while len(runs) > m:
            runs.pop(0 if abs(errors[runs[0]]) < abs(errors[runs[-1]]) else -1)
        ref = [grid[k] for k in runs]
    return coefficients


def report(name, f, a, b, degree, highest_first=False):
    rounded = [float(c) for c in remez(f, a, b, degree)]
    worst = max(abs(mp.polyval([mp.mpf(c) for c in rounded[::-1]], t) / f(t) - 1)
                for t in (a + (b - a) * k / 20000 for k in range(20001)))
    order = rounded[::-1] if highest_first else rounded
    print(f"{name}: degree {degree}, relative error {float(worst):.2e}")
    print("    " + ", ".join(c.hex() for c in order) + ",")


def guarded(f, limit):
    return lambda t: f(t) if t != 0 else limit


if __name__ == "__main__":
    r = mp.log(2) / 16
    report("ExpMath.Q, (e^r - 1)/r on |r| <= ln2/16 (highest first)",
           guarded(lambda t: mp.expm1(t) / t, mp.mpf(1)), -r * 1.0001, r * 1.0001, 6, highest_first=True)
    report("ExpMath.Q_F (round to float), (e^r - 1)/r on |r| <= ln2/32 (highest first)",
           guarded(lambda t: mp.expm1(t) / t, mp.mpf(1)), -r / 2 * 1.0001, r / 2 * 1.0001, 2, highest_first=True)
    s = (mp.sqrt(2) - 1) / (mp.sqrt(2) + 1)
    report("Elementary.LOG, 2 atanh(s)/s in z = s^2, |s| <= (sqrt2 - 1)/(sqrt2 + 1)",
           guarded(lambda z: 2 * mp.atanh(mp.sqrt(z)) / mp.sqrt(z), mp.mpf(2)), mp.mpf(0), s ** 2, 7)
    q = (mp.pi / 4) ** 2
    report("Elementary.SIN, sin(theta)/theta in t = theta^2, |theta| <= pi/4",
           guarded(lambda t: mp.sin(mp.sqrt(t)) / mp.sqrt(t), mp.mpf(1)), mp.mpf(0), q, 6)
    report("Elementary.COS, cos(theta) in t = theta^2, |theta| <= pi/4",
           lambda t: mp.cos(mp.sqrt(t)), mp.mpf(0), q, 7)
