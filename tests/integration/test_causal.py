"""KPI.GRANGER, KPI.PADJUST and KPI.CAUSAL in real Calc cells, compared with statsmodels
computed here in the test, plus bad input (Err:502), undefined tests (Err:523) and a
Japanese-named tree. The office must still answer after every case."""
import math
import random
import re
import unittest

import numpy as np
from scipy.stats import f as f_dist, ncf
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


def lag_augmented_with_trend(effect, cause, lag=1):
    """Toda-Yamamoto with a linear trend, as statsmodels OLS: the effect on lag + 1 lags of
    itself and of the cause, a constant and a linear trend; F-test of the cause's first `lag`
    lags. (p, sum of the cause's tested coefficients)."""
    k, n = lag + 1, len(effect)
    x = np.column_stack([effect[k - j:n - j] for j in range(1, k + 1)]
                        + [cause[k - j:n - j] for j in range(1, k + 1)]
                        + [np.ones(n - k), np.arange(k, n, dtype=float)])
    r = np.zeros((lag, x.shape[1]))
    r[np.arange(lag), k + np.arange(lag)] = 1.0
    fit = OLS(effect[k:], x).fit()
    return float(fit.f_test(r).pvalue), float(sum(fit.params[k:k + lag]))


def stable_around_trend(x):
    """ADF with constant and trend at order 1 (no lagged differences) rejects a unit root at
    5% (MacKinnon 2010 "ct"): the parent is tested on its own scale, not on changes."""
    stat, _, _, _, crit = adfuller(x, maxlag=0, autolag=None, regression="ct")[:5]
    return stat < crit["5%"]


def moderate_power(df_den, family, alpha=0.05):
    """Power of the link's F-test (1, df_den) at Holm's strictest level alpha / family for a
    moderate effect (Cohen's f^2 = 0.25), from scipy's noncentral F."""
    critical = f_dist.isf(alpha / family, 1, df_den)
    return float(ncf.sf(critical, 1, df_den, 0.25 * (1 + df_den + 1)))


def expected_growing(revenue, ads, weather, alpha=0.05):
    """What KPI.CAUSAL(...;;1) must say about growing_table's two links, computed here from
    the model its text states ("on logs", "controlled for trend", lag 1): the parent in logs
    is stable around its trend (checked here with statsmodels' ADF), so both links are the
    lag-augmented F-test on logs with constant and trend, Holm over the two links, and the
    power at Holm's strictest level. [(verdict, p, adjusted p, sign, power)]."""
    e = np.log(np.asarray(revenue, dtype=float))
    assert stable_around_trend(e)
    tests = [lag_augmented_with_trend(e, np.log(np.asarray(c, dtype=float)))
             for c in (ads, weather)]
    adjusted = multipletests([p for p, _ in tests], method="holm")[1]
    df_den = (len(e) - 2) - 6  # rows; 2 + 2 lags, constant, trend
    return [("SUPPORTED" if a < alpha else "UNSUPPORTED", p, a,
             "positive" if s >= 0 else "negative", moderate_power(df_den, 2))
            for (p, s), a in zip(tests, adjusted)]


def number_after(text, label):
    m = re.search(re.escape(label) + r" ([0-9.e+-]+)", text)
    assert m, "no %r in %r" % (label, text)
    return float(m.group(1))


POWER = re.compile(r" \(power (\d+)% for a moderate effect: not shown, not disproved\)$")


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
    """KPI.CAUSAL's contract in real cells: the verdict tokens on constructed data (a true
    lag-1 driver and an unrelated series, 36 periods), the parts of the evidence text (lag,
    periods, p, adjusted p, scale, sign, reverse direction, controls, power), 24 periods
    needed. Where p-values are asserted they come from statsmodels here, on the model the
    text states."""

    def causal_texts(self, rows, max_lag=1):
        ref = self.put(rows)
        cells = self.array("=KPI.CAUSAL(%s;;%s)" % (ref, max_lag), 45, 0, 1, len(rows))
        texts = [row[0].String for row in cells]
        self.assertEqual(texts[0], "Causal")
        self.assertEqual(texts[1], "")  # the KGI
        self.assertEqual(texts[2:4], ["IDENTITY", "IDENTITY"])
        return ref, texts

    def check_driver_and_noise(self, names, table):
        """Ads drives Orders a month later, Weather is noise: whatever model the parent gets,
        Ads is SUPPORTED and Weather is not, with every part of the evidence text."""
        ref, texts = self.causal_texts(table(names, periods=36)[0])
        ads, weather = texts[4:6]
        self.assertTrue(ads.startswith("SUPPORTED lag 1, 36 periods, p "), ads)
        self.assertTrue(weather.startswith("UNSUPPORTED lag 1, 36 periods, p "), weather)
        for text in (ads, weather):
            self.assertRegex(text, r"\(Holm, 2 links\), on (levels|logs|differences|growth "
                                   r"rates); (positive|negative) effect; ")
            self.assertRegex(text, r"; (no reverse effect \(p [0-9.e+-]+\)|the parent predicts "
                                   r"it too \(p [0-9.e+-]+\): feedback or a common driver); "
                                   r"controlled for [^;]*trend")
            self.assertLess(number_after(text, ", p"), 1.0)
            self.assertGreaterEqual(number_after(text, "adj. p"), number_after(text, ", p"))
        self.assertIn("; positive effect;", ads)
        self.assertLess(number_after(ads, "adj. p"), 0.05)
        self.assertNotIn("(power", ads)  # only a link not shown says what it could have found
        power = POWER.search(weather)
        self.assertTrue(power, weather)
        self.assertTrue(0 < int(power.group(1)) < 100, weather)
        # One node at a time: the same text, adjusted over the whole table.
        one = self.cell('=KPI.CAUSAL(%s;;1;"%s")' % (ref, names["Ads"]), "AZ10")
        self.assertEqual(one.String, ads)
        return ref, texts

    def test_true_driver_is_supported_and_noise_is_not(self):
        self.check_driver_and_noise(ENGLISH, marketing_table)

    def test_japanese_names(self):
        ref, texts = self.check_driver_and_noise(JAPANESE, marketing_table)
        self.assertEqual(self.cell('=KPI.CAUSAL(%s;;1;"  広告費 ")' % ref, "AZ11").String, texts[4])

    def test_growing_kpis_match_statsmodels_on_the_stated_model(self):
        rows, revenue, ads, weather = growing_table(ENGLISH, periods=36)
        ref, texts = self.check_driver_and_noise(ENGLISH, growing_table)
        expected = expected_growing(revenue, ads, weather)
        self.assertEqual([e[0] for e in expected], ["SUPPORTED", "UNSUPPORTED"])  # by design
        for text, (verdict, p, adjusted, sign, power) in zip(texts[4:], expected):
            self.assertTrue(text.startswith(verdict + " lag 1, 36 periods"), text)
            self.assertIn("(Holm, 2 links), on logs; %s effect; " % sign, text)
            # Two significant digits are shown.
            self.assertAlmostEqual(number_after(text, ", p"), p, delta=0.051 * p)
            self.assertAlmostEqual(number_after(text, "adj. p"), adjusted, delta=0.051 * adjusted)
        self.assertTrue(texts[4].endswith("; controlled for trend"), texts[4])
        self.assertTrue(texts[5].endswith("; controlled for trend (power %d%% for a moderate "
                                          "effect: not shown, not disproved)"
                                          % round(100 * expected[1][4])), texts[5])

    def test_a_negative_driver_says_so(self):
        rows, revenue, ads, weather = marketing_table(ENGLISH, periods=36)
        rows = rows[:4] + (("Ads", "Revenue", "~") + tuple(130.0 - a for a in ads),) + rows[5:]
        text = self.causal_texts(rows)[1][4]
        self.assertTrue(text.startswith("SUPPORTED lag 1, 36 periods"), text)
        self.assertIn("; negative effect;", text)

    def test_alpha_changes_the_verdict(self):
        rows, revenue, ads, weather = growing_table(ENGLISH, periods=36)
        ref = self.put(rows)
        adjusted = expected_growing(revenue, ads, weather)[0][2]
        self.sheet.getCellRangeByName("AZ1").setValue(adjusted / 10)
        strict = self.cell('=KPI.CAUSAL(%s;AZ1;1;"Ads")' % ref)
        self.assertTrue(strict.String.startswith("UNSUPPORTED"), strict.String)
        self.assertTrue(POWER.search(strict.String), strict.String)

    def test_short_history_is_insufficient_and_says_24_are_needed(self):
        ref = self.put((("Name", "Parent", "Link", "Jan", "Feb", "Mar"),
                        ("Sales", "", "", 100.0, 110.0, 120.0),
                        ("Webinar attendance", "Sales", "~", 30.0, 35.0, 32.0)))
        c = self.cell('=KPI.CAUSAL(%s;;;"Webinar attendance")' % ref)
        self.assertEqual(c.String, "INSUFFICIENT 3 periods, needs 24")
        self.assertTrue(self.cell('=KPI.CAUSAL(%s;;;"Churn")' % ref).String.startswith(
            "ERROR no KPI 'Churn'"))
        # Two years of months are the minimum: 23 are not enough, 24 are tested.
        for periods, start in ((23, "INSUFFICIENT 23 periods, needs 24"),
                               (24, "SUPPORTED lag 1, 24 periods")):
            with self.subTest(periods=periods):
                texts = self.causal_texts(marketing_table(ENGLISH, periods=periods)[0])[1]
                self.assertTrue(texts[4].startswith(start), texts[4])
                self.assertEqual(texts[5].startswith("INSUFFICIENT"), periods < 24, texts[5])

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
