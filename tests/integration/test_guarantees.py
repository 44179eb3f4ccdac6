"""Regressions of SPEC's "Guarantees" in real cells of the real office: each test names the
defect it guards against. The core tests (tests/core/guarantees_test.cpp) cover the same
cases in depth; these prove the add-in delivers them to the sheet."""
import unittest

from calc_case import CalcCase, ERR_ILLEGAL_ARGUMENT

PNL = (("Name", "Parent", "Link", "Kind", "Q1", "Q2", "Q3", "Q4"),
       ("Revenue", "", "", "flow", 9000.0, 9900.0, 10800.0, 16200.0),
       ("Subscribers", "Revenue", "*", "stock", 100.0, 110.0, 120.0, 150.0),
       ("ARPU", "Revenue", "*", "", 30.0, 30.0, 30.0, 36.0),
       ("Months per quarter", "Revenue", "*", "constant", 3.0, 3.0, 3.0, 3.0))


class Guarantees(CalcCase):
    def test_missing_link_is_an_error_naming_the_child(self):
        # ROLLUP gave Total 165 for 220, TARGET planned through Online alone.
        table = self.put((("Total", "", "", 100.0, 120.0), ("Online", "Total", "+", 75.0, 90.0),
                          ("Shops", "Total", "plus", 25.0, 30.0)))
        for formula in ("KPI.ROLLUP(%s;2)", "KPI.TARGET(%s;200)", "KPI.ELASTICITY(%s)",
                        "KPI.CONTRIB(%s;1;2)"):
            total = self.array_in("H1:H3", "=" + formula % table)[0][0]
            self.assertTrue(total.String.startswith("ERROR"), (formula, total.String))
            self.assertIn("Shops", total.String, formula)

    def test_cancellation_is_compensated(self):
        table = self.put((("Y", "", "", 1.0, 2.0), ("A", "Y", "+", 1e16, 1e16),
                          ("B", "Y", "+", 1.0, 2.0), ("C", "Y", "-", 1e16, 1e16)))
        self.assertEqual(self.formula("H1", "=KPI.CHECK(%s;0)" % table).String, "OK")
        self.assertEqual(self.formula("H2", '=KPI.CONTRIB(%s;1;2;;"B")' % table).Value, 1.0)

    def test_overflow_is_an_error(self):
        table = self.put((("Sales", "", "", 5.0), ("A", "Sales", "*", 1e200),
                          ("B", "Sales", "*", 1e200)))
        self.assertTrue(self.formula("H1", "=KPI.CHECK(%s)" % table).String
                        .startswith("ERROR overflow"))

    def test_flows_roll_up_from_their_own_periods_and_constants_stay(self):
        table = self.put(PNL)
        rows = self.array_in("J1:K5", "=KPI.ROLLUP(%s;2)" % table)
        self.assertEqual([c.Value for c in rows[1]], [18900.0, 27000.0])
        self.assertEqual([c.Value for c in rows[2]], [110.0, 150.0])
        self.assertEqual([c.Value for c in rows[4]], [3.0, 3.0])
        target = self.array_in("M1:M5", "=KPI.TARGET(%s;20000)" % table)
        self.assertEqual(target[4][0].Value, 3.0)
        self.assertAlmostEqual(target[1][0].Value, 20000.0, delta=1e-6)
        elasticity = self.formula("N1", '=KPI.ELASTICITY(%s;;"Months per quarter")' % table)
        self.assertTrue(elasticity.String.startswith("UNDEFINED"), elasticity.String)

    def test_huge_granger_lag_answers_at_once(self):
        n = 6000
        rows = tuple((float((i * 7919) % 104729), float((i * 104729) % 7919)) for i in range(n))
        self.sheet.getCellRangeByName("A1:B%d" % n).setDataArray(rows)
        for lag in (1999, 5999):
            self.assert_error("=KPI.GRANGER(A1:A%d;B1:B%d;%d)" % (n, n, lag), ERR_ILLEGAL_ARGUMENT)

    def test_padjust_never_shows_minus_zero(self):
        self.formula("A1", "=-0")
        self.put(((0.5,),), row=1)
        cells = self.array_in("C1:C2", '=KPI.PADJUST(A1:A2;"holm")')
        self.assertEqual(cells[0][0].String, "0")


if __name__ == "__main__":
    unittest.main()
