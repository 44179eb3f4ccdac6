#!/usr/bin/python3
"""Reference values for the statistics in the core library (tests/core/*_test.cpp).

Run with Debian's python3 (python3-statsmodels 0.13, python3-scipy 1.10, python3-numpy):
    /usr/bin/python3 tests/reference/gen_stats.py
It rewrites, deterministically (fixed seeds), three text files next to itself. Numbers are
written with repr(), which reads back to the same double. Lines starting with '#' are comments.

granger_cases.txt   one block per case:
    case NAME
    lag L
    effect v1 v2 ...            (the first column given to statsmodels)
    cause v1 v2 ...             (the second column)
    ok F p_ftest df_den df_num chi2 p_chi2 lr p_lr n_used ssr_r ssr_u
 or error PROBLEM               statsmodels raised; PROBLEM is the kpitree::GrangerProblem name
 or collinear F p_ftest df_den df_num   statsmodels returned these numbers from a rank-deficient
                                design (pseudo-inverse); kpitree reports `collinear` instead
    end
padjust_cases.txt   one block per case:
    case NAME / p ... / holm ... / bh ... / bonferroni ... / end
    (statsmodels.stats.multitest.multipletests(p, method=...)[1] for holm, fdr_bh, bonferroni)
timeseries_cases.txt  the regression pieces of the causal policy, one block per case:
    design NAME N TREND DUMMIES FOURIER / col v... per column / end: statsmodels
        DeterministicProcess columns (const, trend, trend_squared, s(2,12)..s(12,12), then
        Fourier(12, K) sin/cos pairs), periods starting in January
    adf NAME LAGS CASE SEASON / x ... / result T CRITICAL N_USED / end: adfuller(x, LAGS,
        autolag=None, regression=CASE) when SEASON is 0, else the same regression with the 11
        month dummies added (statsmodels OLS; adfuller's critical value for CASE)
    ftest NAME LAG EXTRA TREND DUMMIES FOURIER SPIKE STEP TERMLAGS / effect ... / cause ... /
        result F P DF_DEN CAUSE_SUM / end: OLS of effect_t on LAG+EXTRA lags of both series
        and the deterministic columns (as design, plus the spike month's dummy at lags
        0..TERMLAGS and the step 1[t >= STEP] at lags 0..TERMLAGS; -1 = none); f_test of the
        cause's first LAG lags; CAUSE_SUM the sum of their coefficients
    ncf X DF1 DF2 LAMBDA SF  (scipy.stats.ncf.sf)   fisf ALPHA DF1 DF2 X  (scipy.stats.f.isf)
    peer EFFECT... / CAUSE ...: statsmodels' TestGrangerCausality data (macrodata, log
        differences of realcons and realgdp), checked against R lmtest's published values
dist_tails.txt      one line per value: `f x df1 df2 sf`, `t x df sf` or `chi2 x df sf`
                    (scipy.stats.<dist>.sf)
"""
import os
import warnings

import numpy as np
from scipy import stats
from statsmodels.stats.multitest import multipletests
from statsmodels.tools.sm_exceptions import InfeasibleTestError
from statsmodels.regression.linear_model import OLS
from statsmodels.tsa.stattools import adfuller, grangercausalitytests

HERE = os.path.dirname(os.path.abspath(__file__))
warnings.simplefilter("ignore")


def fmt(values):
    return " ".join(repr(float(v)) for v in values)


# ---------------------------------------------------------------- Granger
def granger_block(name, effect, cause, lag):
    effect = np.asarray(effect, dtype=float)
    cause = np.asarray(cause, dtype=float)
    lines = [f"case {name}", f"lag {lag}", "effect " + fmt(effect), "cause " + fmt(cause)]
    try:
        res = grangercausalitytests(np.column_stack([effect, cause]), [lag], verbose=False)
    except InfeasibleTestError as e:
        msg = str(e)
        problem = "constant_series" if "constant values" in msg else "perfect_fit"
        lines.append(f"error {problem}")
        lines.append(f"# statsmodels: InfeasibleTestError: {msg}")
    except ValueError as e:
        msg = str(e)
        if "NaN or inf" in msg:
            problem = "non_finite"
        elif "Insufficient" in msg:
            problem = "too_few_points"
        else:
            problem = "invalid_lag"
        lines.append(f"error {problem}")
        lines.append(f"# statsmodels: ValueError: {msg}")
    else:
        result, (down, joint, _) = res[lag]
        F, p, df_den, df_num = result["ssr_ftest"]
        chi2, p_chi2, _ = result["ssr_chi2test"]
        lr, p_lr, _ = result["lrtest"]
        x = joint.model.exog
        sv = np.linalg.svd(x / np.linalg.norm(x, axis=0), compute_uv=False)
        if sv[-1] / sv[0] < 1e-10:
            lines.append("collinear " + fmt([F, p, df_den, df_num]))
            lines.append(f"# statsmodels rank {joint.model.rank} of {x.shape[1]} columns")
        else:
            lines.append("ok " + fmt([F, p, df_den, df_num, chi2, p_chi2, lr, p_lr,
                                      joint.nobs, down.ssr, joint.ssr]))
    lines.append("end")
    return "\n".join(lines)


def ar_driven(rng, n, lag, beta, a=0.3, sd=1.0, burn=50):
    """effect_t = a effect_{t-1} + beta cause_{t-lag} + e_t, cause white noise."""
    cause = rng.normal(size=n + burn)
    effect = np.zeros(n + burn)
    for t in range(n + burn):
        effect[t] = (a * effect[t - 1] if t >= 1 else 0.0) + (
            beta * cause[t - lag] if t >= lag else 0.0) + sd * rng.normal()
    return effect[burn:], cause[burn:]


def granger_cases():
    rng = np.random.default_rng(20240601)
    blocks = []
    # true drivers, lags 1-4, lengths 12-120
    for n, lag in [(12, 1), (24, 1), (36, 1), (60, 2), (120, 1), (36, 3), (48, 4), (120, 4),
                   (20, 2), (90, 3)]:
        e, c = ar_driven(rng, n, min(lag, 2), 0.8)
        blocks.append(granger_block(f"driver_n{n}_lag{lag}", e, c, lag))
    # a very strong driver: p far in the tail (below 1e-12)
    e, c = ar_driven(rng, 120, 1, 3.0, sd=0.3)
    blocks.append(granger_block("strong_driver_tiny_p", e, c, 1))
    e, c = ar_driven(rng, 100, 2, 2.0, sd=0.2)
    blocks.append(granger_block("strong_driver_lag2_tiny_p", e, c, 2))
    # independent white noise
    for n, lag in [(12, 1), (36, 1), (36, 2), (60, 3), (120, 4), (15, 4)]:
        blocks.append(granger_block(f"independent_n{n}_lag{lag}", rng.normal(size=n),
                                    rng.normal(size=n), lag))
    # trending series: independent random walks with drift, and linear trends plus noise
    for n, lag in [(36, 1), (60, 2), (120, 3)]:
        blocks.append(granger_block(f"random_walks_n{n}_lag{lag}",
                                    np.cumsum(0.5 + rng.normal(size=n)),
                                    np.cumsum(0.3 + rng.normal(size=n)), lag))
    t = np.arange(48.0)
    blocks.append(granger_block("linear_trends_noise_lag1", 100 + 5 * t + rng.normal(size=48),
                                20 + 2 * t + rng.normal(size=48), 1))
    # large magnitudes (sales in yen) and small ones (rates)
    e, c = ar_driven(rng, 36, 1, 0.7)
    blocks.append(granger_block("large_values", 1e9 + 1e6 * e, 5e7 + 1e5 * c, 1))
    blocks.append(granger_block("small_values", 0.25 + 1e-4 * e, 1e-3 + 1e-6 * c, 2))
    # near-collinear (full rank but ill-conditioned)
    x = rng.normal(size=40)
    blocks.append(granger_block("near_collinear_copy", x, x + 1e-6 * rng.normal(size=40), 1))
    y = rng.normal(size=50)
    blocks.append(granger_block("near_collinear_affine", y,
                                2 * y + 3 + 1e-5 * rng.normal(size=50), 2))
    # exactly collinear designs
    z = rng.normal(size=30)
    blocks.append(granger_block("collinear_identical", z, z.copy(), 1))
    blocks.append(granger_block("collinear_affine", z, 2 * z + 1, 2))
    blocks.append(granger_block("collinear_trend_cause_lag2", rng.normal(size=30),
                                np.arange(30.0), 2))
    # constant series, zeros, perfect fits
    blocks.append(granger_block("constant_cause", rng.normal(size=24), np.full(24, 5.0), 1))
    blocks.append(granger_block("zero_cause", rng.normal(size=24), np.zeros(24), 2))
    blocks.append(granger_block("constant_effect", np.full(24, 3.0), rng.normal(size=24), 1))
    blocks.append(granger_block("cause_constant_in_lag_window_lag2",
                                rng.normal(size=20), np.r_[np.full(18, 7.0), 1.0, 2.0], 2))
    blocks.append(granger_block("effect_constant_after_first", np.r_[5.0, np.ones(23)],
                                rng.normal(size=24), 1))
    blocks.append(granger_block("linear_trend_effect_perfect_fit", 10 + 3 * np.arange(30.0),
                                rng.normal(size=30), 1))
    # too short, and just long enough (df_den = 1)
    for lag in [1, 2, 3, 4]:
        n = 3 * lag + 1
        blocks.append(granger_block(f"too_short_lag{lag}", rng.normal(size=n),
                                    rng.normal(size=n), lag))
    blocks.append(granger_block("minimum_length_lag1", rng.normal(size=5), rng.normal(size=5), 1))
    blocks.append(granger_block("minimum_length_lag3", rng.normal(size=11), rng.normal(size=11),
                                3))
    # bad input
    bad = rng.normal(size=20)
    bad[7] = np.nan
    blocks.append(granger_block("nan_value", bad, rng.normal(size=20), 1))
    blocks.append(granger_block("lag_zero", rng.normal(size=20), rng.normal(size=20), 0))
    with open(os.path.join(HERE, "granger_cases.txt"), "w") as f:
        f.write("# generated by gen_stats.py; see its docstring for the format\n")
        f.write("\n".join(blocks) + "\n")
    return len(blocks)


# ---------------------------------------------------------------- p-value adjustment
def padjust_cases():
    rng = np.random.default_rng(7)
    cases = [
        ("single", [0.03]),
        ("single_zero", [0.0]),
        ("single_one", [1.0]),
        ("two", [0.01, 0.04]),
        ("ties", [0.01, 0.02, 0.02, 0.02, 0.5]),
        ("all_tied", [0.04] * 6),
        ("zeros", [0.0, 0.0, 0.3, 0.01]),
        ("ones", [1.0, 1.0, 0.2, 0.9]),
        ("zeros_and_ones", [0.0, 1.0, 0.0, 1.0, 0.5]),
        ("unsorted", [0.5, 0.001, 0.2, 0.04, 0.0105, 0.9]),
        ("clipped", [0.3, 0.4, 0.5, 0.6]),
        ("tiny", [1e-300, 1e-12, 3e-9, 0.049]),
        ("descending", [0.9, 0.5, 0.1, 0.05, 0.01, 0.001]),
        ("holm_monotone", [0.01, 0.011, 0.012, 0.013]),
        ("bh_step_up", [0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205, 0.212, 0.216]),
        ("uniform_20", list(rng.uniform(size=20))),
        ("mixed_50", list(np.r_[rng.uniform(0, 0.01, 10), rng.uniform(size=40)])),
        ("rounded_ties_30", list(np.round(rng.uniform(size=30), 2))),
    ]
    blocks = []
    for name, p in cases:
        p = np.asarray(p, dtype=float)
        lines = [f"case {name}", "p " + fmt(p)]
        for key, method in [("holm", "holm"), ("bh", "fdr_bh"), ("bonferroni", "bonferroni")]:
            lines.append(f"{key} " + fmt(multipletests(p, method=method)[1]))
        lines.append("end")
        blocks.append("\n".join(lines))
    with open(os.path.join(HERE, "padjust_cases.txt"), "w") as f:
        f.write("# generated by gen_stats.py; see its docstring for the format\n")
        f.write("\n".join(blocks) + "\n")
    return len(blocks)


# ---------------------------------------------------------------- distribution tails
def dist_tails():
    lines = []
    for d1, d2 in [(1, 1), (1, 10), (2, 33), (3, 20), (4, 111), (7.5, 12.25), (1, 1000)]:
        for x in [0.0, 1e-8, 0.5, 1.0, 3.0, 10.0, 50.0, 200.0, 1e3, 1e5, 1e8]:
            lines.append("f " + fmt([x, d1, d2, stats.f.sf(x, d1, d2)]))
    for df in [1, 2, 5, 10, 30, 100.5]:
        for x in [-50.0, -3.0, -0.5, 0.0, 0.5, 2.0, 5.0, 10.0, 30.0, 100.0, 1e4, 1e7]:
            lines.append("t " + fmt([x, df, stats.t.sf(x, df)]))
    for df in [1, 2, 3, 4, 10, 25.5, 100]:
        for x in [0.0, 1e-6, 0.5, 2.0, 10.0, 50.0, 100.0, 300.0, 1000.0, 1400.0]:
            lines.append("chi2 " + fmt([x, df, stats.chi2.sf(x, df)]))
    # keep only values scipy can represent (no underflow to 0) so relative checks are meaningful
    kept = [l for l in lines if float(l.split()[-1]) > 0.0]
    with open(os.path.join(HERE, "dist_tails.txt"), "w") as f:
        f.write("# generated by gen_stats.py: scipy.stats sf values; see the docstring\n")
        f.write("\n".join(kept) + "\n")
    return len(kept)


# ---------------------------------------------------------------- time-series pieces
def design(n, trend, dummies, fourier, spike=-1, step=-1, term_lags=0):
    from statsmodels.tsa.deterministic import DeterministicProcess
    idx = np.arange(n)
    cols = [DeterministicProcess(idx, constant=True, order=trend,
                                 seasonal=dummies, period=12).in_sample()]
    if fourier:
        cols.append(DeterministicProcess(idx, constant=False, fourier=fourier,
                                         period=12).in_sample())
    x = np.column_stack([c.values for c in cols])
    extra = []
    if spike >= 0:
        extra += [(idx % 12 == (spike + j) % 12).astype(float) for j in range(term_lags + 1)]
    if step >= 0:
        extra += [(idx >= step + j).astype(float) for j in range(term_lags + 1)]
    return np.column_stack([x] + extra) if extra else x


def adf_block(name, x, lags, case, season):
    lines = [f"adf {name} {lags} {case} {int(season)}", "x " + fmt(x)]
    stat, _, _, nobs, crit = adfuller(x, maxlag=lags, autolag=None, regression=case)[:5]
    if season:
        n = len(x)
        dx = np.diff(x)
        rows = np.arange(lags + 1, n)
        X = [x[rows - 1]] + [dx[rows - 1 - j] for j in range(1, lags + 1)]
        X = np.column_stack(X + [design(n, 1 if case == "ct" else 0, True, 0)[rows]])
        stat = OLS(dx[rows - 1], X).fit().tvalues[0]
    lines += ["result " + fmt([stat, crit["5%"], nobs]), "end"]
    return "\n".join(lines)


def ftest_block(name, e, c, lag, extra, trend, dummies, fourier, spike, step, term_lags):
    n, k = len(e), lag + extra
    terms = design(n, trend, dummies, fourier, spike, step, term_lags)[k:]
    X = np.column_stack([e[k - j:n - j] for j in range(1, k + 1)]
                        + [c[k - j:n - j] for j in range(1, k + 1)] + [terms])
    fit = OLS(e[k:], X).fit()
    R = np.zeros((lag, X.shape[1]))
    R[np.arange(lag), k + np.arange(lag)] = 1.0
    f = fit.f_test(R)
    return "\n".join([f"ftest {name} {lag} {extra} {trend} {int(dummies)} {fourier} {spike} "
                      f"{step} {term_lags}", "effect " + fmt(e), "cause " + fmt(c),
                      "result " + fmt([float(np.squeeze(f.fvalue)), float(f.pvalue), f.df_denom,
                                       fit.params[k:k + lag].sum()]), "end"])


def timeseries_cases():
    rng = np.random.default_rng(2024)
    blocks = []
    for n, trend, dummies, fourier in [(24, 1, False, 0), (30, 2, True, 0), (36, 1, False, 2),
                                       (40, 0, True, 1)]:
        x = design(n, trend, dummies, fourier)
        blocks.append("\n".join([f"design d{n} {n} {trend} {int(dummies)} {fourier}"]
                                + ["col " + fmt(x[:, j]) for j in range(x.shape[1])] + ["end"]))
    season = 10 * np.sin(2 * np.pi * np.arange(60) / 12)
    for n, lags, case, seas in [(36, 0, "ct", False), (36, 2, "ct", False), (60, 1, "ct", True),
                                (48, 0, "c", True), (24, 1, "ct", False)]:
        walk = np.cumsum(rng.normal(size=n)) + 0.3 * np.arange(n) + season[:n]
        blocks.append(adf_block(f"walk{n}_{case}", walk, lags, case, seas))
        stable = np.zeros(n)
        for t in range(1, n):
            stable[t] = 0.5 * stable[t - 1] + rng.normal()
        blocks.append(adf_block(f"stable{n}_{case}", stable + 0.2 * np.arange(n) + season[:n],
                                lags, case, seas))
    for n, lag, extra, trend, dummies, fourier, spike, step, tl in [
            (36, 1, 1, 1, False, 0, -1, -1, 0), (36, 1, 1, 2, False, 2, -1, -1, 0),
            (48, 2, 1, 1, True, 0, -1, 20, 3), (60, 1, 1, 1, False, 1, 11, -1, 2),
            (30, 1, 0, 1, False, 0, -1, 12, 1)]:
        c = rng.normal(size=n) + season[:n]
        e = 0.02 * np.arange(n) ** 2 + season[:n] + rng.normal(size=n)
        e[1:] += 0.4 * c[:-1]
        blocks.append(ftest_block(f"f{n}_{lag}", e, c, lag, extra, trend, dummies, fourier,
                                  spike, step, tl))
    for x, d1, d2, lam in [(4.2, 1, 30, 7.5), (3.0, 2, 20, 0.5), (2.1, 4, 50, 12.0),
                           (7.0, 1, 12, 3.0), (4.0, 1, 100, 25.0)]:
        blocks.append("ncf " + fmt([x, d1, d2, lam, stats.ncf.sf(x, d1, d2, lam)]))
    for a, d1, d2 in [(0.05, 1, 30), (0.01, 2, 20), (0.0125, 1, 24), (0.5, 3, 10)]:
        blocks.append("fisf " + fmt([a, d1, d2, stats.f.isf(a, d1, d2)]))
    from statsmodels.datasets import macrodata
    data = macrodata.load_pandas().data[["realgdp", "realcons"]].values.astype(float)
    data = np.diff(np.log(data), axis=0)
    blocks.append("peer_effect " + fmt(data[:, 1]) + "\npeer_cause " + fmt(data[:, 0]))
    with open(os.path.join(HERE, "timeseries_cases.txt"), "w") as f:
        f.write("# generated by gen_stats.py; see its docstring for the format\n")
        f.write("\n".join(blocks) + "\n")
    return len(blocks)


if __name__ == "__main__":
    print("time-series cases", timeseries_cases())
    print("granger cases", granger_cases())
    print("padjust cases", padjust_cases())
    print("distribution values", dist_tails())
