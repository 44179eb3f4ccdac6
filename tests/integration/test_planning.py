"""KPI.CONTRIB, KPI.TARGET, KPI.ROLLUP, KPI.ELASTICITY, KPI.VARIANCE and KPI.WHATIF in real Calc cells, compared with
values computed independently here (closed-form LMDI and Shapley, equal growth factors, sums
and ratios of sums), plus bad input (Err:502) and a Japanese-named tree. The office must
still answer after every case."""
import math
import unittest

from calc_case import ERR_ILLEGAL_ARGUMENT, CalcCase

# Sales = Deals x Average order value, Deals = Meetings x Close rate; identities exact.
MEETINGS = (200.0, 220.0, 240.0)
CLOSE = (0.25, 0.25, 0.2)
AOV = (20000.0, 20000.0, 25000.0)
DEALS = tuple(m * c for m, c in zip(MEETINGS, CLOSE))
SALES = tuple(d * a for d, a in zip(DEALS, AOV))
ENGLISH = ("Sales", "Deals", "Average order value", "Meetings", "Close rate",
           "Webinar attendance")
JAPANESE = ("売上", "商談数", "平均単価", "面談数", "成約率", "ウェビナー参加者")


def sales_table(names=ENGLISH):
    s, d, a, m, c, w = names
    return (("Name", "Parent", "Link", "Jan", "Feb", "Mar"),
            (s, "", "") + SALES,
            (d, s, "*") + DEALS,
            (a, s, "\u00d7") + AOV,
            (m, d, "*") + MEETINGS,
            (c, d, "*") + CLOSE,
            (w, m, "~", 310.0, 355.0, 340.0))


def log_mean(a, b):
    return a if a == b else (a - b) / (math.log(a) - math.log(b))


def lmdi_jan_mar():
    """Multi-level LMDI-I from Jan to Mar: every factor's part is L(S1, S0) ln(x1 / x0)."""
    L = log_mean(SALES[2], SALES[0])
    part = lambda x: L * math.log(x[2] / x[0])
    return {"Sales": SALES[2] - SALES[0], "Deals": part(DEALS), "Average order value": part(AOV),
            "Meetings": part(MEETINGS), "Close rate": part(CLOSE)}


def shapley_jan_mar():
    """Shapley for two factors: part_x = (x1 - x0)(y0 + y1) / 2; a parent's contribution goes
    to its children in proportion to their parts of its own change."""
    def pair(x, y):
        return ((x[2] - x[0]) * (y[0] + y[2]) / 2, (y[2] - y[0]) * (x[0] + x[2]) / 2)
    deals, aov = pair(DEALS, AOV)
    meetings, close = pair(MEETINGS, CLOSE)
    scale = deals / (DEALS[2] - DEALS[0])
    return {"Sales": SALES[2] - SALES[0], "Deals": deals, "Average order value": aov,
            "Meetings": meetings * scale, "Close rate": close * scale}


class Contrib(CalcCase):
    def contributions(self, formula_args, names=ENGLISH):
        ref = self.put(sales_table(names))
        cells = self.array("=KPI.CONTRIB(%s;%s)" % (ref, formula_args), 8, 0, 1, 7)
        return ref, [row[0] for row in cells]

    def test_lmdi_matches_the_closed_form_and_adds_up(self):
        ref, cells = self.contributions("1;3")
        self.assertEqual(cells[0].String, "Contribution Jan\u2192Mar")
        expected = lmdi_jan_mar()
        for name, cell in zip(ENGLISH[:5], cells[1:6]):
            self.assertAlmostEqual(cell.Value, expected[name], delta=1e-6, msg=name)
        leaves = cells[3].Value + cells[4].Value + cells[5].Value
        self.assertAlmostEqual(leaves, SALES[2] - SALES[0], delta=1e-6)
        self.assertTrue(cells[6].String.startswith("HYPOTHESIS"), cells[6].String)
        # Periods by header label, one node at a time.
        one = self.cell('=KPI.CONTRIB(%s;"Jan";"mar";;"Close rate")' % ref)
        self.assertAlmostEqual(one.Value, expected["Close rate"], delta=1e-6)

    def test_shapley_on_request(self):
        _, cells = self.contributions('"Jan";"Mar";"shapley"')
        expected = shapley_jan_mar()
        for name, cell in zip(ENGLISH[:5], cells[1:6]):
            self.assertAlmostEqual(cell.Value, expected[name], delta=1e-6, msg=name)

    def test_lmdi_falls_back_to_shapley_where_a_value_is_negative(self):
        ref = self.put((("Name", "Parent", "Link", "Q1", "Q2"),
                        ("Profit", "", "", -2000.0, 3000.0),
                        ("Units", "Profit", "*", 100.0, 120.0),
                        ("Margin per unit", "Profit", "*", -20.0, 25.0)))
        lmdi = self.array("=KPI.CONTRIB(%s;1;2)" % ref, 6, 0, 1, 4)
        shapley = self.array('=KPI.CONTRIB(%s;1;2;"shapley")' % ref, 7, 0, 1, 4)
        units = (120 - 100) * (-20 + 25) / 2
        self.assertAlmostEqual(lmdi[2][0].Value, units, delta=1e-9)
        for a, b in zip(lmdi[1:], shapley[1:]):
            self.assertEqual(a[0].Value, b[0].Value)
        self.assertAlmostEqual(lmdi[2][0].Value + lmdi[3][0].Value, 5000.0, delta=1e-9)

    def test_japanese_names(self):
        ref, cells = self.contributions("1;3", JAPANESE)
        expected = lmdi_jan_mar()
        self.assertAlmostEqual(cells[5].Value, expected["Close rate"], delta=1e-6)
        one = self.cell('=KPI.CONTRIB(%s;1;3;;"成約率")' % ref)
        self.assertAlmostEqual(one.Value, expected["Close rate"], delta=1e-6)
        missing = self.cell('=KPI.CONTRIB(%s;1;3;;"解約率")' % ref)
        self.assertEqual(missing.String, "ERROR no KPI '解約率'; did you mean '成約率'?")

    def test_tolerance_lets_a_small_typo_be_spread(self):
        """Issue 13 item 7: a parent 1.3% off its children blocked every row below it."""
        table = [list(row) for row in sales_table()]
        table[2][4] = DEALS[1] * 1.013  # Deals in Feb, and Sales = Deals x AOV as typed
        table[1][4] = table[2][4] * AOV[1]
        ref = self.put(tuple(tuple(row) for row in table))
        strict = self.cell('=KPI.CONTRIB(%s;1;2;;"Meetings")' % ref)
        self.assertTrue(strict.String.startswith("MISMATCH 'Deals'"), strict.String)
        self.assertIn("beyond the tolerance of 1%", strict.String)
        loose = self.array("=KPI.CONTRIB(%s;1;2;;;0.02)" % ref, 8, 0, 1, 7)
        deals, meetings, close = loose[2][0].Value, loose[4][0].Value, loose[5][0].Value
        self.assertAlmostEqual(meetings + close, deals, delta=1e-6)
        self.assert_error("=KPI.CONTRIB(%s;1;2;;;-1)" % ref, ERR_ILLEGAL_ARGUMENT)

    def test_bad_arguments_are_err_502(self):
        # A period the table does not have is a status (test_wrong_labels.py).
        ref = self.put(sales_table())
        for formula in ("=KPI.CONTRIB(%s;;2)" % ref, '=KPI.CONTRIB(%s;1;2;"average")' % ref):
            with self.subTest(formula=formula):
                self.assert_error(formula, ERR_ILLEGAL_ARGUMENT)


class Target(CalcCase):
    def test_equal_growth_reproduces_the_kgi_target(self):
        ref = self.put(sales_table())
        goal = SALES[2] * 1.1
        cells = [r[0] for r in self.array("=KPI.TARGET(%s;%r)" % (ref, goal), 8, 0, 1, 7)]
        self.assertEqual(cells[0].String, "Target")
        # Two factors under Sales grow by 1.1^(1/2), two under Deals by 1.1^(1/4) each.
        expected = (goal, DEALS[2] * 1.1 ** 0.5, AOV[2] * 1.1 ** 0.5,
                    MEETINGS[2] * 1.1 ** 0.25, CLOSE[2] * 1.1 ** 0.25)
        for cell, value in zip(cells[1:6], expected):
            self.assertAlmostEqual(cell.Value / value, 1.0, delta=1e-9)
        self.assertAlmostEqual(cells[4].Value * cells[5].Value * cells[3].Value, goal, delta=1e-6)
        self.assertTrue(cells[6].String.startswith("HYPOTHESIS"), cells[6].String)

    def test_flex_range_and_start_period(self):
        ref = self.put(sales_table())
        self.put((("Average order value",), ("",)), col=10, row=0)
        goal = SALES[0] * 1.2
        cells = [r[0] for r in self.array("=KPI.TARGET(%s;%r;\"Jan\";K1:K2)" % (ref, goal),
                                          8, 0, 1, 7)]
        self.assertAlmostEqual(cells[3].Value, AOV[0] * 1.2, delta=1e-6)
        self.assertEqual(cells[2].Value, DEALS[0])
        self.assertEqual(cells[4].Value, MEETINGS[0])
        one = self.cell('=KPI.TARGET(%s;%r;1;"Average order value";"Average order value")'
                        % (ref, goal))
        self.assertAlmostEqual(one.Value, AOV[0] * 1.2, delta=1e-6)

    def test_japanese_names_and_unknown_flex(self):
        ref = self.put(sales_table(JAPANESE))
        goal = SALES[2] * 1.1
        one = self.cell('=KPI.TARGET(%s;%r;;;"平均単価")' % (ref, goal))
        self.assertAlmostEqual(one.Value, AOV[2] * 1.1 ** 0.5, delta=1e-6)
        bad = self.cell('=KPI.TARGET(%s;%r;;"解約率";"平均単価")' % (ref, goal))
        self.assertTrue(bad.String.startswith("ERROR"), bad.String)

    def test_bad_target_is_err_502(self):
        # A period the table does not have is a status (test_wrong_labels.py).
        ref = self.put(sales_table())
        for target in ('"10%"', '"abc"', '""', ""):  # "": the argument skipped
            with self.subTest(target=target):
                self.assert_error("=KPI.TARGET(%s;%s)" % (ref, target), ERR_ILLEGAL_ARGUMENT)

    def test_a_relative_target_reaches_the_add_in_as_text(self):
        """Regression (issue 13 item 11): Calc turned "+10%" into 0.1 for a double argument and
        the plan aimed Sales at 0.1."""
        ref = self.put(sales_table())
        cells = [r[0] for r in self.array('=KPI.TARGET(%s;"+10%%")' % ref, 8, 0, 1, 7)]
        self.assertAlmostEqual(cells[1].Value / (SALES[2] * 1.1), 1.0, delta=1e-12)
        down = self.cell('=KPI.TARGET(%s;"-5%%";"Jan";;"Sales")' % ref)
        self.assertAlmostEqual(down.Value / (SALES[0] * 0.95), 1.0, delta=1e-12)

    def test_kgi_names_the_kgi_in_a_table_with_several(self):
        table = sales_table() + (("Profit", "", "", 30.0, 40.0, 50.0),
                                 ("Revenue", "Profit", "+", 100.0, 110.0, 120.0),
                                 ("Cost", "Profit", "-", 70.0, 70.0, 70.0))
        ref = self.put(table)
        plain = self.cell('=KPI.TARGET(%s;1000;;;"Profit")' % ref)
        self.assertTrue(plain.String.startswith("ERROR the table has several KGIs"), plain.String)
        self.assertIn("kgi argument", plain.String)
        profit = self.cell('=KPI.TARGET(%s;"+10%%";;;"Profit";"Profit")' % ref)
        self.assertAlmostEqual(profit.Value, 55.0, delta=1e-9)
        sales_row = self.cell('=KPI.TARGET(%s;"+10%%";;;"Sales";"Profit")' % ref)
        self.assertTrue(sales_row.String.startswith("UNDEFINED"), sales_row.String)
        typo = self.cell('=KPI.TARGET(%s;1000;;;"Profit";"Proft")' % ref)
        self.assertEqual(typo.String, "ERROR no KGI 'Proft'; did you mean 'Profit'?")
        lever = self.cell('=KPI.TARGET(%s;"+10%%";;;"Webinar attendance";"Sales")' % ref)
        self.assertIn("not moved by the plan", lever.String)


class Rollup(CalcCase):
    MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun")
    DEALS = (10.0, 12.0, 9.0, 10.0, 14.0, 11.0)
    AOV = (100.0, 110.0, 90.0, 120.0, 100.0, 105.0)
    CUSTOMERS = (50.0, 53.0, 55.0, 60.0, 58.0, 61.0)

    def table(self):
        sales = tuple(d * a for d, a in zip(self.DEALS, self.AOV))
        return (("Name", "Parent", "Link") + self.MONTHS,
                ("Sales", "", "") + sales,
                ("Deals", "Sales", "*") + self.DEALS,
                ("AOV", "Sales", "*") + self.AOV,
                ("Customers", "", "") + self.CUSTOMERS)

    def test_quarters_sum_flows_and_recompute_ratios(self):
        ref = self.put(self.table())
        self.put((("Kind",), ("",), ("",), ("",), ("stock",)), col=10, row=0)
        cells = self.array("=KPI.ROLLUP(%s;3;K1:K5)" % ref, 12, 0, 3, 5)
        self.assertEqual([c.String for c in cells[0]],
                         ["Jan\u2013Mar", "Apr\u2013Jun", "Rolled up as"])
        self.assertEqual([r[2].String for r in cells[1:]],
                         ["flow (inferred)", "flow (inferred)", "ratio (inferred)", "stock"])
        for b, months in enumerate((slice(0, 3), slice(3, 6))):
            deals = sum(self.DEALS[months])
            sales = sum(d * a for d, a in zip(self.DEALS[months], self.AOV[months]))
            self.assertAlmostEqual(cells[1][b].Value, sales, delta=1e-9)
            self.assertAlmostEqual(cells[2][b].Value, deals, delta=1e-9)
            self.assertAlmostEqual(cells[3][b].Value, sales / deals, delta=1e-9)  # not a mean
            self.assertEqual(cells[4][b].Value, self.CUSTOMERS[months][-1])  # stock: last

    def test_partial_bucket_is_labelled(self):
        ref = self.put(self.table())
        cells = self.array("=KPI.ROLLUP(%s;4)" % ref, 12, 0, 2, 5)
        self.assertEqual([c.String for c in cells[0]], ["Jan\u2013Apr", "May\u2013Jun (2 of 4)"])
        self.assertAlmostEqual(cells[2][1].Value, 25.0, delta=1e-9)
        self.assertAlmostEqual(cells[4][1].Value, 119.0, delta=1e-9)  # inferred: a flow

    def test_bad_arguments_are_err_502(self):
        ref = self.put(self.table())
        self.put((("Kind",), ("",), ("averaged",), ("",), ("",)), col=10, row=0)
        for formula in ("=KPI.ROLLUP(%s;0)" % ref, "=KPI.ROLLUP(%s;1.5)" % ref,
                        "=KPI.ROLLUP(%s;3;K1:K5)" % ref, "=KPI.ROLLUP(%s;3;K1:K3)" % ref):
            with self.subTest(formula=formula):
                self.assert_error(formula, ERR_ILLEGAL_ARGUMENT)


class Elasticity(CalcCase):
    def test_products_pass_one_percent_and_sums_weigh_by_share(self):
        ref = self.put(sales_table())
        cells = [r[0] for r in self.array("=KPI.ELASTICITY(%s)" % ref, 8, 0, 1, 7)]
        self.assertEqual(cells[0].String, "Elasticity")
        for cell in cells[1:6]:
            self.assertAlmostEqual(cell.Value, 1.0, delta=1e-12)
        self.assertTrue(cells[6].String.startswith("HYPOTHESIS"))
        ref2 = self.put((("Name", "Parent", "Link", "Q1", "Q2"),
                         ("Sales", "", "", 100.0, 200.0),
                         ("Online", "Sales", "+", 20.0, 150.0),
                         ("Shops", "Sales", "+", 80.0, 50.0)), col=0, row=10)
        self.assertAlmostEqual(self.cell('=KPI.ELASTICITY(%s;;"Online")' % ref2).Value, 0.75)
        self.assertAlmostEqual(self.cell('=KPI.ELASTICITY(%s;"Q1";"Shops")' % ref2).Value, 0.8)
        self.assertEqual(self.cell('=KPI.ELASTICITY(%s;"Q3";"Shops")' % ref2).String,
                         "ERROR no period 'Q3'; periods are Q1, Q2")

    def test_japanese_names(self):
        ref = self.put(sales_table(JAPANESE))
        self.assertAlmostEqual(self.cell('=KPI.ELASTICITY(%s;2;"成約率")' % ref).Value, 1.0)



class Variance(CalcCase):
    """KPI.VARIANCE in real cells: a plan pasted next to the table, read by name."""

    def test_plan_against_actual_with_contributions_and_judgements(self):
        ref = self.put(sales_table())
        # Plan for Mar: 12 meetings at a close rate of 0.25 and an AOV of 100,000.
        plan = self.put((("Name", "Plan"), ("Meetings", 12.0), ("Close rate", 0.25),
                         ("Average order value", 100000.0)), col=10)
        cells = self.array("=KPI.VARIANCE(%s;%s)" % (ref, plan), 14, 0, 6, 7)
        self.assertEqual([c.String for c in cells[0]],
                         ["Plan", "Actual", "Gap", "Gap %", "Contribution", "Status"])
        sales_plan = 12.0 * 0.25 * 100000.0
        self.assertAlmostEqual(cells[1][0].Value, sales_plan, delta=1e-6)
        self.assertAlmostEqual(cells[1][1].Value, SALES[-1], delta=1e-6)
        self.assertAlmostEqual(cells[1][2].Value, SALES[-1] - sales_plan, delta=1e-6)
        # The leaves' contributions add up to the KGI's gap.
        leaves = cells[3][4].Value + cells[4][4].Value + cells[5][4].Value
        self.assertAlmostEqual(leaves, SALES[-1] - sales_plan, delta=1e-6)
        for row in cells[1:6]:
            self.assertIn(row[5].String, ("AHEAD", "BEHIND", "ON PLAN"))
        self.assertTrue(cells[6][5].String.startswith("UNDEFINED ~ link"), cells[6][5].String)
        one = self.cell('=KPI.VARIANCE(%s;%s;;"Meetings")' % (ref, plan), "Z1")
        self.assertEqual(one.getValue(), 12.0)

    def test_a_plan_with_a_value_that_is_no_number_is_err_502(self):
        # A plan naming no KPI is a status (test_wrong_labels.py).
        ref = self.put(sales_table())
        plan = self.put((("Meetings", "many"),), col=10)
        self.assert_error("=KPI.VARIANCE(%s;%s)" % (ref, plan), ERR_ILLEGAL_ARGUMENT)


class WhatIf(CalcCase):
    """KPI.WHATIF in real cells: relative and absolute changes recomputed up the tree."""

    def test_changes_are_recomputed_through_the_tree(self):
        ref = self.put(sales_table())
        changes = self.put((("KPI", "Change"), ("Meetings", "+10%")), col=10)
        cells = self.array("=KPI.WHATIF(%s;%s)" % (ref, changes), 14, 0, 2, 7)
        self.assertEqual([c.String for c in cells[0]], ["What-if", "Change"])
        self.assertAlmostEqual(cells[1][0].Value, SALES[-1] * 1.1, delta=1e-6 * SALES[-1])
        self.assertAlmostEqual(cells[4][0].Value, MEETINGS[-1] * 1.1, delta=1e-9)
        self.assertAlmostEqual(cells[3][1].Value, 0.0, delta=0)  # AOV unchanged
        self.assertEqual(cells[6][0].Value, 340.0)  # a ~ row keeps its value

    def test_a_change_that_is_no_number_is_err_502(self):
        ref = self.put(sales_table())
        changes = self.put((("Meetings", "more"),), col=10)
        self.assert_error("=KPI.WHATIF(%s;%s)" % (ref, changes), ERR_ILLEGAL_ARGUMENT)

if __name__ == "__main__":
    unittest.main()
