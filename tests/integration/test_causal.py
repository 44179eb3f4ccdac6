"""KPI.GRANGER, KPI.PADJUST and KPI.CAUSAL in real Calc cells, compared with statsmodels
computed here in the test, plus bad input (Err:502), undefined tests (Err:523) and a
Japanese-named tree. The office must still answer after every case."""
import math
import random
import re
import unittest

import numpy as np
from statsmodels.regression.linear_model import OLS
from statsmodels.stats.multitest import multipletests
from statsmodels.tsa.stattools import adfuller, grangercausalitytests

from calc_case import ERR_ILLEGAL_ARGUMENT, ERR_NO_CONVERGENCE, CalcCase


def ssr_ftest(effect, cause, lag):
    """statsmodels' (F, p, df_den, df_num) for 'cause Granger-causes effect' at `lag`."""
    res = grangercausalitytests(np.column_stack([effect, cause]), [lag], verbose=False)
    return res[lag][0]["ssr_ftest"]


def driven_series(n, seed):
    """A cause and an effect that follows it with a one-period delay, plus noise."""
    rng = random.Random(seed)
    cause = [rng.gauss(0, 1) for _ in range(n)]
    effect = [0.0]
    for t in range(1, n):
        effect.append(0.5 * effect[-1] + 0.8 * cause[t - 1] + rng.gauss(0, 1))
    return effect, cause


def revenue_table(n, orders, price, ads, weather):
    """Revenue = Orders x Price, with Ads and Weather as hypothesis links; `n` maps the English
    names to the ones written in the sheet."""
    periods = len(orders)
    revenue = [o * p for o, p in zip(orders, price)]
    header = ("Name", "Parent", "Link") + tuple("P%d" % (t + 1) for t in range(periods))
    rows = (header,
            (n["Revenue"], "", "") + tuple(revenue),
            (n["Orders"], n["Revenue"], "*") + tuple(orders),
            (n["Price"], n["Revenue"], "*") + tuple(price),
            (n["Ads"], n["Revenue"], "~") + tuple(ads),
            (n["Weather"], n["Revenue"], "~") + tuple(weather))
    return rows, revenue, ads, weather


def marketing_table(names, periods=30, seed=11):
    """Revenue = Orders x Price (identities) with two hypothesis links: Ads drives Orders one
    period later, Weather is noise. All values positive. `names` maps the English names to
    the ones written in the sheet."""
    rng = random.Random(seed)
    ads = [50 + 30 * rng.random() for _ in range(periods)]
    weather = [15 + 10 * rng.random() for _ in range(periods)]
    orders = [100.0] + [40 + 2.0 * ads[t - 1] + rng.gauss(0, 2) for t in range(1, periods)]
    price = [20 + rng.gauss(0, 0.3) for _ in range(periods)]
    return revenue_table(names, orders, price, ads, weather)


def growing_table(names, periods=30, seed=12):
    """Like marketing_table, but ads and the price grow about 4% and 2% a period, so revenue
    trends and KPI.CAUSAL compares growth rates."""
    rng = random.Random(seed)
    ads = [50 * math.exp(0.04 * t + rng.gauss(0, 0.08)) for t in range(periods)]
    weather = [15 + 10 * rng.random() for _ in range(periods)]
    orders = [100.0] + [40 + 2.0 * ads[t - 1] * math.exp(rng.gauss(0, 0.05))
                        for t in range(1, periods)]
    price = [20 * math.exp(0.02 * t + rng.gauss(0, 0.01)) for t in range(periods)]
    return revenue_table(names, orders, price, ads, weather)


ENGLISH = {k: k for k in ("Revenue", "Orders", "Price", "Ads", "Weather")}
JAPANESE = {"Revenue": "売上", "Orders": "受注数", "Price": "平均単価", "Ads": "広告費",
            "Weather": "気温"}


def lag_augmented_p(effect, cause, lag):
    """Toda-Yamamoto: lag + 1 lags of both series and a constant; F-test of the cause's first
    `lag` lags only."""
    k, n = lag + 1, len(effect)
    x = np.column_stack([effect[k - j:n - j] for j in range(1, k + 1)]
                        + [cause[k - j:n - j] for j in range(1, k + 1)] + [np.ones(n - k)])
    r = np.zeros((lag, x.shape[1]))
    r[np.arange(lag), k + np.arange(lag)] = 1.0
    return float(OLS(effect[k:], x).fit().f_test(r).pvalue)


def stable(x):
    """The pre-test at max_lag 1 (the only autoregression order is 1, so no lagged
    differences): ADF with constant rejects a unit root at 5% (MacKinnon 2010)."""
    stat, _, _, _, crit = adfuller(x, maxlag=0, autolag=None, regression="c")[:5]
    return stat < crit["5%"]


def expected_causal(revenue, ads, weather, alpha=0.05):
    """The KPI.CAUSAL policy at max_lag 1, computed independently: levels when both KPIs pass
    the stationarity pre-test, else growth rates (all values here are positive); the
    lag-augmented F-test at lag 1; Holm over the two links.
    [(verdict, p, adjusted p, transform)]."""
    revenue = np.asarray(revenue, dtype=float)
    p, transforms = [], []
    for x in (np.asarray(ads, dtype=float), np.asarray(weather, dtype=float)):
        if stable(revenue) and stable(x):
            p.append(lag_augmented_p(revenue, x, 1))
            transforms.append("levels")
        else:
            p.append(lag_augmented_p(np.diff(np.log(revenue)), np.diff(np.log(x)), 1))
            transforms.append("growth rates")
    adjusted = multipletests(p, method="holm")[1]
    return [("SUPPORTED" if a < alpha else "UNSUPPORTED", pi, a, t)
            for pi, a, t in zip(p, adjusted, transforms)]


def number_after(text, label):
    m = re.search(re.escape(label) + r" ([0-9.e+-]+)", text)
    assert m, "no %r in %r" % (label, text)
    return float(m.group(1))


class Granger(CalcCase):
    def test_p_value_matches_statsmodels_for_several_lags(self):
        effect, cause = driven_series(40, seed=3)
        self.put([(e, c) for e, c in zip(effect, cause)])
        for lag in (1, 2, 3):
            c = self.cell("=KPI.GRANGER(A1:A40;B1:B40;%d)" % lag)
            self.assertEqual(c.getError(), 0, c.String)
            self.assertAlmostEqual(c.Value, ssr_ftest(effect, cause, lag)[1], delta=1e-10)
        self.assertLess(self.cell("=KPI.GRANGER(A1:A40;B1:B40;1)").Value, 1e-4)

    def test_rows_and_the_f_form(self):
        effect, cause = driven_series(15, seed=5)
        self.put([effect, cause])
        F, p, df_den, df_num = ssr_ftest(effect, cause, 2)
        self.assertAlmostEqual(self.cell("=KPI.GRANGER(A1:O1;A2:O2;2)").Value, p, delta=1e-10)
        cells = self.array('=KPI.GRANGER(A1:O1;A2:O2;2;"F")', 0, 4, 3, 1)[0]
        self.assertAlmostEqual(cells[0].Value, F, delta=1e-9 * F)
        self.assertEqual(cells[1].Value, df_num)
        self.assertEqual(cells[2].Value, df_den)

    def test_undefined_tests_are_err_523(self):
        self.put([(1.0, 2.0), (3.0, 1.0), (2.0, 4.0), (5.0, 3.0)] +
                 [(float(t), 7.0) for t in range(12)], col=0, row=0)
        # Four points at lag 1: statsmodels needs more than 3 lag + 1.
        self.assert_error("=KPI.GRANGER(A1:A4;B1:B4;1)", ERR_NO_CONVERGENCE)
        # A constant cause.
        self.assert_error("=KPI.GRANGER(A5:A16;B5:B16;1)", ERR_NO_CONVERGENCE)
        # A lag longer than the series.
        self.assert_error("=KPI.GRANGER(A1:A4;B1:B4;9)", ERR_NO_CONVERGENCE)

    def test_bad_arguments_are_err_502(self):
        effect, cause = driven_series(12, seed=8)
        self.put([(e, c) for e, c in zip(effect, cause)])
        self.sheet.getCellRangeByName("C1:C12").setDataArray(tuple((x,) for x in cause))
        self.sheet.getCellRangeByName("C5").setString("")
        self.sheet.getCellRangeByName("D1:D12").setDataArray(tuple((x,) for x in cause))
        self.sheet.getCellRangeByName("D5").setString("n/a")
        for formula in ("=KPI.GRANGER(A1:A12;B1:B11;1)",    # lengths differ
                        "=KPI.GRANGER(A1:A12;B1:B12;0)",    # lag 0
                        "=KPI.GRANGER(A1:A12;B1:B12;1.5)",  # lag not whole
                        '=KPI.GRANGER(A1:A12;B1:B12;1;"chi2")',
                        "=KPI.GRANGER(A1:A12;C1:C12;1)",    # empty cell
                        "=KPI.GRANGER(A1:A12;D1:D12;1)",    # text
                        "=KPI.GRANGER(A1:B6;A7:B12;1)"):    # not one row or column
            with self.subTest(formula=formula):
                self.assert_error(formula, ERR_ILLEGAL_ARGUMENT)


class PAdjust(CalcCase):
    P = ((0.01, 0.04, 0.03, ""), (0.005, 0.2, "", 0.04))

    def test_matches_statsmodels_multipletests_keeping_the_shape(self):
        self.put(self.P)
        present = [p for row in self.P for p in row if p != ""]
        for method, sm in (("holm", "holm"), ("bh", "fdr_bh"), ("bonferroni", "bonferroni"),
                           ("HOLM", "holm")):
            with self.subTest(method=method):
                expected = iter(multipletests(present, method=sm)[1])
                cells = self.array('=KPI.PADJUST(A1:D2;"%s")' % method, 0, 3, 4, 2)
                for r, row in enumerate(self.P):
                    for c, p in enumerate(row):
                        if p == "":
                            self.assertEqual(cells[r][c].String, "")
                        else:
                            self.assertAlmostEqual(cells[r][c].Value, next(expected),
                                                   delta=1e-15)

    def test_one_cell(self):
        self.put([(0.03,)])
        self.assertAlmostEqual(self.cell('=KPI.PADJUST(A1;"bonferroni")').Value, 0.03)

    def test_bad_input_is_err_502(self):
        self.put([(0.01, 1.5, "p", -0.1)])
        for formula in ('=KPI.PADJUST(A1;"sidak")', '=KPI.PADJUST(A1:B1;"holm")',
                        '=KPI.PADJUST(A1:C1;"holm")', '=KPI.PADJUST(D1;"bh")'):
            with self.subTest(formula=formula):
                self.assert_error(formula, ERR_ILLEGAL_ARGUMENT)


class Causal(CalcCase):
    def check_table(self, names, table=marketing_table, transform="levels"):
        rows, revenue, ads, weather = table(names)
        ref = self.put(rows)
        cells = self.array("=KPI.CAUSAL(%s;;1)" % ref, 40, 0, 1, len(rows))
        texts = [row[0].String for row in cells]
        self.assertEqual(texts[0], "Causal")
        self.assertEqual(texts[1], "")  # the KGI
        self.assertEqual(texts[2:4], ["IDENTITY", "IDENTITY"])
        expected = expected_causal(revenue, ads, weather)
        for text, (verdict, p, adjusted, transform) in zip(texts[4:], expected):
            self.assertEqual(text.split(" ")[0], verdict, text)
            self.assertIn("lag 1, 30 periods", text)
            self.assertTrue(text.endswith("(Holm, 2 links), on " + transform), text)
            # Two significant digits are shown.
            self.assertAlmostEqual(number_after(text, ", p"), p, delta=0.051 * p)
            self.assertAlmostEqual(number_after(text, "adj. p"), adjusted, delta=0.051 * adjusted)
        self.assertEqual(expected[0][0], "SUPPORTED")  # the data is built that way
        self.assertEqual(expected[1][0], "UNSUPPORTED")
        self.assertEqual([e[3] for e in expected], [transform, transform])
        # One node at a time: the same text, adjusted over the whole table.
        one = self.cell('=KPI.CAUSAL(%s;;1;"%s")' % (ref, names["Ads"]), "AQ10")
        self.assertEqual(one.String, texts[4])
        return ref, texts

    def test_verdicts_match_an_independent_computation(self):
        self.check_table(ENGLISH)

    def test_trending_kpis_are_compared_on_growth_rates(self):
        self.check_table(ENGLISH, growing_table, "growth rates")

    def test_japanese_names(self):
        ref, texts = self.check_table(JAPANESE)
        self.assertEqual(self.cell('=KPI.CAUSAL(%s;;1;"  広告費 ")' % ref, "AQ11").String, texts[4])

    def test_alpha_changes_the_verdict(self):
        rows, revenue, ads, weather = marketing_table(ENGLISH)
        ref = self.put(rows)
        adjusted = expected_causal(revenue, ads, weather)[0][2]
        self.sheet.getCellRangeByName("AZ1").setValue(adjusted / 10)
        strict = self.cell('=KPI.CAUSAL(%s;AZ1;1;"Ads")' % ref)
        self.assertTrue(strict.String.startswith("UNSUPPORTED"), strict.String)

    def test_short_history_is_insufficient(self):
        ref = self.put((("Name", "Parent", "Link", "Jan", "Feb", "Mar"),
                        ("Sales", "", "", 100.0, 110.0, 120.0),
                        ("Webinar attendance", "Sales", "~", 30.0, 35.0, 32.0)))
        c = self.cell('=KPI.CAUSAL(%s;;;"Webinar attendance")' % ref)
        self.assertTrue(c.String.startswith("INSUFFICIENT 3 periods, needs 18"), c.String)
        self.assertTrue(self.cell('=KPI.CAUSAL(%s;;;"Churn")' % ref).String.startswith(
            "ERROR no KPI named 'Churn'"))

    def test_bad_options_are_err_502(self):
        rows = marketing_table(ENGLISH, periods=5)[0]
        ref = self.put(rows)
        for formula in ("=KPI.CAUSAL(%s;2)" % ref, "=KPI.CAUSAL(%s;0)" % ref,
                        "=KPI.CAUSAL(%s;0.05;0)" % ref, "=KPI.CAUSAL(%s;0.05;1.5)" % ref,
                        '=KPI.CAUSAL(%s;"often")' % ref):
            with self.subTest(formula=formula):
                self.assert_error(formula, ERR_ILLEGAL_ARGUMENT)


if __name__ == "__main__":
    unittest.main()
