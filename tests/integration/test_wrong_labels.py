"""Issue 13 item 12: an argument naming something the table does not have (a period label or
number, a KPI, a KGI) gave a bare Err:502. In real cells it is an ERROR status naming the
choices there are (and the likely one, for a typo); Err:502 stays for arguments malformed in
type. Each assertion reads the text the cell shows."""
import unittest

from calc_case import ERR_ILLEGAL_ARGUMENT, CalcCase

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
PERIODS = "Jan, Feb \u2026 Dec (12)"


def monthly_table():
    """Sales = Deals x AOV over the twelve months of a year, labelled as most exports do."""
    deals = tuple(10.0 + m for m in range(12))
    aov = tuple(100.0 + 5 * m for m in range(12))
    return (("Name", "Parent", "Link") + MONTHS,
            ("Sales", "", "") + tuple(d * a for d, a in zip(deals, aov)),
            ("Deals", "Sales", "*") + deals,
            ("AOV", "Sales", "*") + aov)


class WrongLabels(CalcCase):
    def setUp(self):
        super().setUp()
        self.ref = self.put(monthly_table())

    def test_contrib_with_a_month_spelled_out_names_the_periods(self):
        cells = self.array('=KPI.CONTRIB(%s;"November";"Dec")' % self.ref, 16, 0, 1, 4)
        self.assertEqual(cells[0][0].String, "Contribution")
        for row in cells[1:]:
            self.assertEqual(row[0].getError(), 0)
            self.assertEqual(row[0].String, "ERROR no period 'November'; did you mean 'Nov'? "
                                            "Periods are " + PERIODS)
        one = self.cell('=KPI.CONTRIB(%s;"Nov";"Q4";;"Deals")' % self.ref)
        self.assertEqual(one.String, "ERROR no period 'Q4'; periods are " + PERIODS)
        number = self.cell("=KPI.CONTRIB(%s;1;13;;\"AOV\")" % self.ref)
        self.assertEqual(number.String,
                         "ERROR no period 13; periods are numbered 1 to 12: " + PERIODS)
        good = self.cell('=KPI.CONTRIB(%s;"nov";"DEC";;"Sales")' % self.ref)
        self.assertEqual(good.getError(), 0)
        self.assertEqual(good.Value, 21.0 * 155.0 - 20.0 * 150.0)

    def test_every_function_with_a_period_argument_answers_in_the_cells(self):
        for formula in ('=KPI.TARGET(%s;5000;"Sept";;"Sales")',
                        '=KPI.ELASTICITY(%s;"Sept";"Sales")',
                        '=KPI.WHATIF(%s;R1:S1;"Sept";"Sales")',
                        '=KPI.VARIANCE(%s;R1:S1;"Sept";"Sales")'):
            self.put((("Deals", 30.0),), col=17)
            with self.subTest(formula=formula):
                c = self.cell(formula % self.ref)
                self.assertEqual(c.String, "ERROR no period 'Sept'; did you mean 'Sep'? "
                                           "Periods are " + PERIODS)

    def test_a_kpi_name_with_a_typo_gets_a_suggestion(self):
        check = self.cell('=KPI.CHECK(%s;;"Salse")' % self.ref)
        self.assertEqual(check.String, "ERROR no KPI 'Salse'; did you mean 'Sales'?")
        expected = self.cell('=KPI.EXPECTED(%s;"Revenue")' % self.ref)
        self.assertEqual(expected.String, "ERROR no KPI 'Revenue'; the KPIs are Sales, Deals, AOV")
        self.put((("Deal", 30.0),), col=17)
        whatif = self.array("=KPI.WHATIF(%s;R1:S1)" % self.ref, 20, 0, 2, 4)
        self.assertEqual(whatif[2][0].String,
                         "ERROR changes row 1: no KPI 'Deal'; did you mean 'Deals'?")
        variance = self.array("=KPI.VARIANCE(%s;R1:S1)" % self.ref, 30, 0, 6, 4)
        self.assertEqual(variance[0][5].String, "Status")
        self.assertEqual(variance[1][0].String,
                         "ERROR plan row 1: no KPI 'Deal'; did you mean 'Deals'?")
        flex = self.cell('=KPI.TARGET(%s;5000;;"Deal";"Sales")' % self.ref)
        self.assertEqual(flex.String, "ERROR flex: no KPI 'Deal'; did you mean 'Deals'?")
        kgi = self.cell('=KPI.TARGET(%s;5000;;;"Sales";"Sale")' % self.ref)
        self.assertEqual(kgi.String, "ERROR no KGI 'Sale'; did you mean 'Sales'?")

    def test_date_headers_are_named_as_dates(self):
        ref = self.put((("Name", "Parent", "Link", "", "", ""),
                        ("Sales", "", "", 100.0, 110.0, 120.0),
                        ("Online", "Sales", "+", 40.0, 50.0, 60.0),
                        ("Shops", "Sales", "+", 60.0, 60.0, 60.0)), col=0, row=10)
        for col, month in ((3, 1), (4, 2), (5, 3)):
            self.sheet.getCellByPosition(col, 10).setFormula("=DATE(2024;%d;1)" % month)
        text = self.cell('=KPI.CONTRIB(%s;"2024-01";"2024-04";;"Online")' % ref)
        self.assertEqual(text.String,
                         "ERROR no period '2024-04'; periods are 2024-01, 2024-02, 2024-03")
        date = self.cell('=KPI.CONTRIB(%s;DATE(2023;12;1);"2024-03";;"Online")' % ref)
        self.assertEqual(date.String,
                         "ERROR no period '2023-12'; periods are 2024-01, 2024-02, 2024-03")
        good = self.cell('=KPI.CONTRIB(%s;DATE(2024;1;15);"2024-03";;"Online")' % ref)
        self.assertEqual(good.Value, 20.0)

    def test_arguments_malformed_in_type_stay_err_502(self):
        for formula in ("=KPI.CONTRIB(%s;;2)", '=KPI.CONTRIB(%s;1;2;"average")',
                        '=KPI.TARGET(%s;"much")', "=KPI.CONTRIB(%s;1;NA())"):
            with self.subTest(formula=formula):
                c = self.cell(formula % self.ref)
                self.assertNotEqual(c.getError(), 0, c.String)
        self.assert_error("=KPI.CONTRIB(%s;;2)" % self.ref, ERR_ILLEGAL_ARGUMENT)


if __name__ == "__main__":
    unittest.main()
