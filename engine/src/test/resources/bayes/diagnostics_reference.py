#!/usr/bin/env python3
"""Reference values for org.parax4j.engine.bayes.Diagnostics (not run by the build).

Writes diagnostics_draws.csv (fixed draws: 4 chains x 200 iterations of three quantities) and
diagnostics_expected.csv (rhat, ess_bulk, ess_tail, ess_mean, mcse_mean, mcse of the 5 %, 50 % and 95 %
quantiles per quantity), with the
algorithms of Vehtari et al. (2021) written out as the R package `posterior` implements them
(split chains, rank normalisation with average ranks, folded R-hat, Geyer's initial monotone
sequence, type-7 quantiles). Uses numpy and scipy.special.ndtri / scipy.stats.rankdata / scipy.stats.beta.ppf only.

    python3 diagnostics_reference.py   # from this directory
"""
import numpy as np
from scipy.special import ndtri
from scipy.stats import beta
from scipy.stats import rankdata


def split_interleaved(x):  # (chains, iterations) -> (2 chains, n/2); odd lengths drop the last draw
    n = x.shape[1] // 2
    out = np.empty((2 * x.shape[0], n))
    out[0::2] = x[:, :n]
    out[1::2] = x[:, n:2 * n]
    return out


def z_scale(x):
    r = rankdata(x.ravel(), method="average").reshape(x.shape)
    return ndtri((r - 0.375) / (x.size + 0.25))


def rhat_basic(x):
    m, n = x.shape
    means = x.mean(axis=1)
    w = x.var(axis=1, ddof=1).mean()
    b = n * means.var(ddof=1)
    return np.sqrt(((n - 1) / n * w + b / n) / w)


def autocov(x):
    n = len(x)
    d = x - x.mean()
    return np.array([np.dot(d[: n - k], d[k:]) / n for k in range(n)])


def ess_basic(x):
    m, n = x.shape
    if np.all(x == x.flat[0]):
        return float("nan")
    acov = np.array([autocov(c) for c in x])
    chain_mean = x.mean(axis=1)
    mean_var = np.mean(acov[:, 0]) * n / (n - 1)
    var_plus = mean_var * (n - 1) / n
    if m > 1:
        var_plus += chain_mean.var(ddof=1)
    rho = np.zeros(n)
    rho[0] = 1
    even = 1.0
    odd = 1 - (mean_var - acov[:, 1].mean()) / var_plus
    rho[1] = odd
    t = 1
    while t < n - 4 and even + odd > 0:
        even = 1 - (mean_var - acov[:, t + 1].mean()) / var_plus
        odd = 1 - (mean_var - acov[:, t + 2].mean()) / var_plus
        if even + odd >= 0:
            rho[t + 1] = even
            rho[t + 2] = odd
        t += 2
    max_t = t
    if even > 0:
        rho[max_t + 1] = even
    t = 1
    while t <= max_t - 2:
        if rho[t + 1] + rho[t + 2] > rho[t - 1] + rho[t]:
            rho[t + 1] = (rho[t - 1] + rho[t]) / 2
            rho[t + 2] = rho[t + 1]
        t += 2
    total = m * n
    tau = -1 + 2 * rho[: max_t + 1].sum() + rho[max_t + 1]
    tau = max(tau, 1 / np.log10(total))
    return total / tau


def rhat(x):
    s = split_interleaved(x)
    folded = np.abs(s - np.quantile(s, 0.5))
    return max(rhat_basic(z_scale(s)), rhat_basic(z_scale(folded)))


def ess_tail(x):
    s = split_interleaved(x)
    return min(ess_basic((s <= np.quantile(s, p)).astype(float)) for p in (0.05, 0.95))


def mcse_quantile(x, prob):  # posterior's mcse_quantile = ArviZ's _mcse_quantile
    s = split_interleaved(x)
    ess = ess_basic((s <= np.quantile(s, prob)).astype(float))
    a = beta.ppf([0.1586553, 0.8413447], ess * prob + 1, ess * (1 - prob) + 1)
    ssims = np.sort(x.ravel())
    n = ssims.size
    th1 = ssims[max(int(np.floor(a[0] * n)), 1) - 1]
    th2 = ssims[min(int(np.ceil(a[1] * n)), n) - 1]
    return (th2 - th1) / 2


def generate():
    rng = np.random.default_rng(20210101)
    chains, n = 4, 200
    q = []
    # (a) AR(1), phi = 0.7, chain-specific offsets (poor mixing between chains)
    a = np.zeros((chains, n))
    for c in range(chains):
        e = rng.standard_normal(n)
        for i in range(n):
            a[c, i] = (0.7 * a[c, i - 1] if i else 0) + e[i]
        a[c] += 0.3 * c
    q.append(a)
    # (b) iid log-normal (skewed)
    q.append(np.exp(rng.standard_normal((chains, n))))
    # (c) normal draws rounded to one decimal: many ties
    q.append(np.round(rng.standard_normal((chains, n)), 1))
    with open("diagnostics_draws.csv", "w") as f:
        f.write("quantity,chain,iteration,value\n")
        for k, x in enumerate(q):
            for c in range(chains):
                for i in range(n):
                    f.write(f"{k},{c},{i},{float(x[c, i])!r}\n")
    return q


def stored():  # the fixed draws as stored: a newer numpy may regenerate them with other last bits
    q = np.zeros((3, 4, 200))
    with open("diagnostics_draws.csv") as f:
        next(f)
        for line in f:
            k, c, i, v = line.split(",")
            q[int(k), int(c), int(i)] = float(v)
    return list(q)


def main():
    import os
    q = stored() if os.path.exists("diagnostics_draws.csv") else generate()
    with open("diagnostics_expected.csv", "w") as f:
        f.write("quantity,rhat,ess_bulk,ess_tail,ess_mean,mcse_mean,mcse_q05,mcse_q50,mcse_q95\n")
        for k, x in enumerate(q):
            s = split_interleaved(x)
            ess_mean = ess_basic(s)
            mcse = x.std(ddof=1) / np.sqrt(ess_mean)
            row = [rhat(x), ess_basic(z_scale(s)), ess_tail(x), ess_mean, mcse] + [mcse_quantile(x, p) for p in (0.05, 0.5, 0.95)]
            f.write(f"{k}," + ",".join(repr(float(v)) for v in row) + "\n")


if __name__ == "__main__":
    main()
