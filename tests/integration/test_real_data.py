"""Real exports (issue 13) in real Calc cells and through `kpitree check`: periods in rows
(the transposed layout) with date cells newest first, rounded figures under
KPI.CHECK(tree; "rounding"), and a workbook with a tree on each of two sheets."""
import os
import shutil
import subprocess
import tempfile
import unittest

from calc_case import CalcCase
from office import Office, props

BUILD = os.environ.get("KPITREE_BUILD_DIR", "build")
KPITREE = os.path.join(BUILD, "kpitree")

# A monthly export: one row per month, newest first, one column per KPI, with the three label
# rows added above it. Dates are real date cells (DATE formulas). Sales = Deals × AOV.
EXPORT_LABELS = (
    ("Name", "Sales", "Deals", "AOV"),
    ("Parent", "", "Sales", "Sales"),
    ("Link", "", "*", "*"),
)
EXPORT_MONTHS = (  # (year, month, sales, deals, aov), newest first
    (2024, 3, 1300.0, 13.0, 100.0),
    (2024, 2, 1200.0, 12.0, 100.0),
    (2024, 1, 1000.0, 10.0, 100.0),
)

# A quarterly P&L with rounded figures: Revenue 1,234.6 − Costs 85.4 = 1,149.2 shown as 1149.
ROUNDED = (
    ("Name", "Parent", "Link", "Q1", "Q2"),
    ("Profit", "", "", 1149.0, 1160.0),
    ("Revenue", "Profit", "+", 1234.6, 1245.5),
    ("Costs", "Profit", "-", 85.4, 85.3),
)


def put_export(sheet, col=0):
    """Writes EXPORT at column `col` (0-based) with date cells; returns its A1 range."""
    letter = chr(65 + col)
    for r, row in enumerate(EXPORT_LABELS):
        for c, v in enumerate(row):
            if v:
                sheet.getCellByPosition(col + c, r).setString(v)
    for k, (y, m, *values) in enumerate(EXPORT_MONTHS):
        sheet.getCellByPosition(col, 3 + k).setFormula("=DATE(%d;%d;1)" % (y, m))
        for c, v in enumerate(values):
            sheet.getCellByPosition(col + 1 + c, 3 + k).setValue(v)
    return "%s1:%s6" % (letter, chr(65 + col + 3))


class TransposedInCalc(CalcCase):
    def test_check_answers_one_cell_per_kpi_column_below_the_table(self):
        table = put_export(self.sheet)
        row = self.array_in("A8:D8", "=KPI.CHECK(%s)" % table)[0]
        self.assertEqual([c.String for c in row], ["Check", "OK", "LEAF", "LEAF"])
        # The fill-right form: one KPI per cell.
        self.assertEqual(self.formula("B10", "=KPI.CHECK($%s;;B1)" % table).String, "OK")

    def test_dates_are_labels_and_period_arguments(self):
        table = put_export(self.sheet)
        row = self.array_in("A8:D8", '=KPI.CONTRIB(%s;"2024-01";A4)' % table)[0]
        self.assertEqual(row[0].String, "Contribution 2024-01\u21922024-03")
        self.assertAlmostEqual(row[1].Value, 300.0, places=9)
        self.assertAlmostEqual(row[2].Value + row[3].Value, 300.0, places=9)
        # EXPECTED: one row per period in the table's order, one column per KPI.
        exp = self.array_in("A10:D12", "=KPI.EXPECTED(%s)" % table)
        self.assertEqual([r[0].String for r in exp], ["2024-03", "2024-02", "2024-01"])
        self.assertEqual([r[1].Value for r in exp], [1300.0, 1200.0, 1000.0])

    def test_the_same_answers_as_the_row_layout(self):
        table = put_export(self.sheet)
        # The row layout of the same table at H1:M4, dates as date cells oldest first.
        self.sheet.getCellRangeByName("H1").setString("Name")
        self.sheet.getCellRangeByName("I1").setString("Parent")
        self.sheet.getCellRangeByName("J1").setString("Link")
        for k, (y, m, *values) in enumerate(reversed(EXPORT_MONTHS)):
            self.sheet.getCellByPosition(10 + k, 0).setFormula("=DATE(%d;%d;1)" % (y, m))
            for r, v in enumerate(values):
                self.sheet.getCellByPosition(10 + k, 1 + r).setValue(v)
        rows_layout = (("Sales", "", ""), ("Deals", "Sales", "*"), ("AOV", "Sales", "*"))
        for r, row in enumerate(rows_layout):
            for c, v in enumerate(row):
                if v:
                    self.sheet.getCellByPosition(7 + c, 1 + r).setString(v)
        for fn in ("KPI.CHECK(%s)", "KPI.ELASTICITY(%s)", "KPI.TARGET(%s;1500)",
                   'KPI.CONTRIB(%s;1;"2024-03")'):
            cols = [c.String for c in self.array_in("A8:D8", "=" + fn % table)[0]]
            rows = [r[0].String for r in self.array_in("O1:O4", "=" + fn % "H1:M4")]
            self.assertEqual(cols, rows, fn)
            self.assertNotEqual(cols[1], "", fn)


class RoundingInCalc(CalcCase):
    def test_rounding_tolerance_accepts_rounding_and_names_the_bound(self):
        table = self.put(ROUNDED)
        default = self.array_in("G1:G4", "=KPI.CHECK(%s)" % table)
        self.assertTrue(default[1][0].String.startswith("MISMATCH 2 of 2"), default[1][0].String)
        rounding = self.array_in("H1:H4", '=KPI.CHECK(%s;"rounding")' % table)
        self.assertEqual(rounding[1][0].String, "OK")
        self.sheet.getCellRangeByName("D2").setValue(1449.0)  # a typo: 1449 for 1149
        self.assertEqual(
            rounding[1][0].String,
            "MISMATCH 1 of 2 periods; worst Q1: residual 299.8 (26.1%), beyond the rounding "
            "bound \u00b10.6")


def run(*args):
    return subprocess.run([KPITREE] + list(args), capture_output=True, text=True, timeout=300)


class RealDataOnTheCommandLine(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="kpitree-realdata-")
        cls.two_sheets = os.path.join(cls.dir, "two-sheets.ods")
        cls.raw = os.path.join(cls.dir, "raw-export.ods")
        cls.rounded = os.path.join(cls.dir, "rounded.ods")
        with Office() as office:
            doc = office.new_calc()
            first = doc.Sheets.getByIndex(0)
            first.getCellRangeByName("A1:E4").setDataArray((
                ("Name", "Parent", "Link", "Q1", "Q2"),
                ("Profit", "", "", 30.0, 45.0),
                ("Revenue", "Profit", "+", 100.0, 120.0),
                ("Cost", "Profit", "-", 70.0, 75.0)))
            doc.Sheets.insertNewByName("Monthly", 1)
            second = doc.Sheets.getByName("Monthly")
            put_export(second)
            second.getCellByPosition(1, 3).setValue(1310.0)  # Sales 2024-03: a mismatch
            doc.storeToURL("file://" + cls.two_sheets, props(FilterName="calc8"))
            doc.close(True)
            # The same export without the label rows: no tree table.
            doc = office.new_calc()
            sheet = doc.Sheets.getByIndex(0)
            sheet.getCellRangeByName("A1:C1").setDataArray((("Date", "Sales", "Deals"),))
            for k, (y, m, sales, deals, _) in enumerate(EXPORT_MONTHS):
                sheet.getCellByPosition(0, 1 + k).setFormula("=DATE(%d;%d;1)" % (y, m))
                sheet.getCellByPosition(1, 1 + k).setValue(sales)
                sheet.getCellByPosition(2, 1 + k).setValue(deals)
            doc.storeToURL("file://" + cls.raw, props(FilterName="calc8"))
            doc.close(True)
            doc = office.new_calc()
            doc.Sheets.getByIndex(0).getCellRangeByName("A1:E4").setDataArray(ROUNDED)
            doc.storeToURL("file://" + cls.rounded, props(FilterName="calc8"))
            doc.close(True)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    def test_every_tree_of_every_sheet_and_a_mismatch_on_the_second_fails(self):
        r = run("check", self.two_sheets)
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        self.assertIn("KPI tree Sheet1.A1:E4", r.stdout)
        self.assertIn("KPI tree Monthly.A1:D6 \u2014 3 KPIs, 3 periods (2024-01 \u2026 2024-03)",
                      r.stdout)
        self.assertIn("MISMATCH 1 of 3 periods; worst 2024-03", r.stdout)

    def test_an_export_without_labels_is_no_tree_table(self):
        r = run("check", self.raw)
        self.assertEqual(r.returncode, 2, r.stdout + r.stderr)
        self.assertIn("no tree table", r.stderr)
        self.assertNotIn("invalid link", r.stdout)

    def test_tolerance_option(self):
        self.assertEqual(run("check", self.rounded).returncode, 1)
        r = run("check", "--tolerance", "rounding", self.rounded)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertEqual(run("check", "--tolerance=0.01", self.rounded).returncode, 0)
        bad = run("check", "--tolerance", "loose", self.rounded)
        self.assertEqual(bad.returncode, 2)
        self.assertIn("--tolerance loose", bad.stderr)


if __name__ == "__main__":
    unittest.main()
