"""The committed fixtures of issue 13 (tests/fixtures, shaped like real exports: periods in
rows with dates newest first, a rounded P&L with one typo, a percent-scaled rate, constants, two
tree sheets, a fill-down CHECK column beside a table), each through the functions in a real
office (the cell text read back) and through `kpitree check` in text, json and csv, with the
verdicts a user must see."""
import csv
import io
import json
import os
import subprocess
import unittest

from office import Office

BUILD = os.environ.get("KPITREE_BUILD_DIR", "build")
SOURCE = os.environ.get("KPITREE_SOURCE_DIR", ".")
OXT = os.environ.get("KPITREE_OXT", os.path.join(BUILD, "kpitree.oxt"))
KPITREE = os.path.join(BUILD, "kpitree")
FIXTURES = os.path.join(SOURCE, "tests", "fixtures")

# Per fixture: the command line's extra options, its exit status, and per table the KPIs in
# table order with their check_status (every format must agree).
EXPECTED = {
    "monthly-export.ods": ((), 0, {
        "Export.A1:E27": [("Sales", "OK"), ("Sessions", "LEAF"), ("Conversion rate", "LEAF"),
                          ("Average order value", "LEAF")]}),
    "quarterly-pnl.ods": (("--tolerance", "rounding"), 1, {
        "'P&L'.A1:K6": [("Profit", "OK"), ("Gross profit", "MISMATCH"),
                      ("Operating expenses", "LEAF"), ("Revenue", "LEAF"),
                      ("Cost of sales", "LEAF")]}),
    "percent-rate.ods": (("--tolerance", "rounding"), 1, {
        "Signups.A1:O4": [("Signups", "MISMATCH"), ("Visitors", "LEAF"),
                          ("Conversion rate %", "LEAF")]}),
    "constants.ods": ((), 0, {
        "Signups.A1:P5": [("Signups", "OK"), ("Visitors", "LEAF"), ("Conversion rate %", "LEAF"),
                          ("Percent", "LEAF")],
        "Signups.A7:H10": [("Quarterly signups", "OK"), ("Signups per month", "LEAF"),
                           ("Months", "LEAF")]}),
    "two-tree-sheets.ods": ((), 1, {
        "Marketing.A1:G4": [("Leads", "OK"), ("Visitors", "LEAF"), ("Lead rate", "LEAF")],
        "Finance.A1:G4": [("Profit", "MISMATCH"), ("Revenue", "LEAF"), ("Costs", "LEAF")]}),
    "fill-down-check.ods": ((), 1, {
        "Tree.A1:F6": [("Sales", "OK"), ("Deals", "MISMATCH"), ("Average order value", "LEAF"),
                       ("Meetings", "LEAF"), ("Close rate", "LEAF")]}),
}


def run(*args):
    return subprocess.run([KPITREE] + list(args), capture_output=True, text=True, timeout=300)


def fixture(name):
    return os.path.join(FIXTURES, name)


class FixturesOnTheCommandLine(unittest.TestCase):
    def check_all_formats(self, name):
        options, exit_status, tables = EXPECTED[name]
        text = run("check", *options, fixture(name))
        self.assertEqual(text.returncode, exit_status, text.stdout + text.stderr)
        for table, kpis in tables.items():
            self.assertIn("KPI tree %s \u2014 %d KPIs" % (table, len(kpis)), text.stdout)
        records = {}
        for fmt in ("json", "csv"):
            r = run("check", "--format", fmt, *options, fixture(name))
            self.assertEqual(r.returncode, exit_status, fmt + ": " + r.stdout + r.stderr)
            if fmt == "json":
                rows = [json.loads(line) for line in r.stdout.splitlines()]
            else:
                rows = list(csv.DictReader(io.StringIO(r.stdout)))
            rows = [row for row in rows if row["kpi"]]
            got = {}
            for row in rows:
                got.setdefault(row["table"], []).append((row["kpi"], row["check_status"]))
            self.assertEqual(got, {t: list(k) for t, k in tables.items()}, fmt)
            records[fmt] = rows
        # json and csv carry the same check texts; the text report shows them (but LEAF).
        for j, c in zip(records["json"], records["csv"]):
            self.assertEqual(j["check"], c["check"])
            if j["check"] != "LEAF":
                self.assertIn(j["check"].split(";")[0], text.stdout)
        return text, records["json"]

    def test_monthly_export_with_dates_newest_first(self):
        text, _ = self.check_all_formats("monthly-export.ods")
        # Text dates keep the form they were typed in, read oldest first.
        self.assertIn("24 periods (01-01-2022 \u2026 01-12-2023)", text.stdout)
        self.assertNotIn("invalid link", text.stdout)

    def test_quarterly_pnl_rounded_with_one_typo(self):
        _, records = self.check_all_formats("quarterly-pnl.ods")
        self.assertEqual(records[1]["check"],
                         "MISMATCH 1 of 8 periods; worst Q3 2023: residual 9 (1.02%), beyond "
                         "the rounding bound \u00b10.15")
        # Without the rounding tolerance every published identity is flagged.
        r = run("check", "--format", "json", fixture("quarterly-pnl.ods"))
        statuses = [json.loads(line)["check_status"] for line in r.stdout.splitlines()]
        self.assertEqual(statuses[:2], ["MISMATCH", "MISMATCH"])

    def test_percent_scaled_rate_says_so(self):
        _, records = self.check_all_formats("percent-rate.ods")
        self.assertTrue(records[0]["check"].startswith("MISMATCH 12 of 12 periods"),
                        records[0]["check"])
        self.assertIn("a child's percentage stored as 0\u2013100?", records[0]["check"])

    def test_constants(self):
        self.check_all_formats("constants.ods")

    def test_two_tree_sheets_and_the_second_fails_the_run(self):
        _, records = self.check_all_formats("two-tree-sheets.ods")
        self.assertEqual(records[3]["check"], "MISMATCH 1 of 4 periods; worst Q3: residual 18 "
                                              "(138%)")

    def test_fill_down_columns_beside_the_table_are_not_periods(self):
        """Regression (issue 13 item 13): a fill-down contribution column under the user's own
        header, right next to the table, was read as a fourth period: Sales turned MISMATCH."""
        text, records = self.check_all_formats("fill-down-check.ods")
        self.assertIn("3 periods (Jan \u2026 Mar)", text.stdout)
        self.assertEqual(records[0]["check"], "OK")


class FixturesInCalc(unittest.TestCase):
    """The functions over each fixture in the real office; each result's text read back."""

    @classmethod
    def setUpClass(cls):
        cls.office = Office(OXT).start()

    @classmethod
    def tearDownClass(cls):
        cls.office.stop()

    def setUp(self):
        self.docs = []

    def tearDown(self):
        for doc in self.docs:
            doc.close(True)
        self.assertTrue(self.office.alive(), "the office stopped answering")

    def sheet(self, name, title):
        doc = self.office.load(fixture(name))
        self.docs.append(doc)
        return doc.Sheets.getByName(title)

    def array(self, sheet, block, formula):
        cells = sheet.getCellRangeByName(block)
        cells.setArrayFormula(formula)
        data = cells.getDataArray()
        for r in range(len(data)):
            for c in range(len(data[0])):
                self.assertEqual(cells.getCellByPosition(c, r).getError(), 0,
                                 "%s at %d,%d" % (formula, r, c))
        return data

    def strings(self, sheet, block, formula):
        cells = sheet.getCellRangeByName(block)
        cells.setArrayFormula(formula)
        return [[cells.getCellByPosition(c, r).String for c in range(len(row))]
                for r, row in enumerate(cells.getDataArray())]

    def test_monthly_export(self):
        sheet = self.sheet("monthly-export.ods", "Export")
        self.assertEqual(self.strings(sheet, "A29:E29", "=KPI.CHECK(A1:E27)"),
                         [["Check", "OK", "LEAF", "LEAF", "LEAF"]])
        row = self.array(sheet, "A31:E31", '=KPI.CONTRIB(A1:E27;"2022-01";"01-12-2023")')[0]
        self.assertEqual(row[0], "Contribution 01-01-2022\u219201-12-2023")
        sales = sheet.getCellRangeByName("B4").Value - sheet.getCellRangeByName("B27").Value
        self.assertAlmostEqual(row[1], sales, delta=1e-6)
        self.assertAlmostEqual(row[2] + row[3] + row[4], sales, delta=1e-6)
        wrong = sheet.getCellRangeByName("B33")
        wrong.setFormula('=KPI.CONTRIB(A1:E27;"2024-01";"2023-12";;"Sales")')
        self.assertEqual(wrong.String,
                         "ERROR no period '2024-01'; periods are 01-01-2022, 01-02-2022 \u2026 "
                         "01-12-2023 (24)")

    def test_quarterly_pnl(self):
        sheet = self.sheet("quarterly-pnl.ods", "P&L")
        exact = self.strings(sheet, "M1:M6", "=KPI.CHECK(A1:K6)")
        self.assertTrue(exact[1][0].startswith("MISMATCH"), exact[1][0])
        rounding = self.strings(sheet, "N1:N6", '=KPI.CHECK(A1:K6;"rounding")')
        self.assertEqual([r[0] for r in rounding],
                         ["Check", "OK",
                          "MISMATCH 1 of 8 periods; worst Q3 2023: residual 9 (1.02%), beyond "
                          "the rounding bound \u00b10.15", "LEAF", "LEAF", "LEAF"])

    def test_percent_rate(self):
        sheet = self.sheet("percent-rate.ods", "Signups")
        check = self.strings(sheet, "Q1:Q4", '=KPI.CHECK(A1:O4;"rounding")')
        self.assertTrue(check[1][0].startswith("MISMATCH 12 of 12 periods"), check[1][0])
        self.assertIn("a child's percentage stored as 0\u2013100?", check[1][0])

    def test_constants_hold_and_are_never_moved(self):
        sheet = self.sheet("constants.ods", "Signups")
        self.assertEqual([r[0] for r in self.strings(sheet, "R1:R5", "=KPI.CHECK(A1:P5)")],
                         ["Check", "OK", "LEAF", "LEAF", "LEAF"])
        self.assertEqual([r[0] for r in self.strings(sheet, "R7:R10", "=KPI.CHECK(A7:H10)")],
                         ["Check", "OK", "LEAF", "LEAF"])
        target = self.array(sheet, "S1:S5", '=KPI.TARGET(A1:P5;"+10%")')
        dec = [sheet.getCellByPosition(15, r).Value for r in range(1, 5)]
        self.assertAlmostEqual(target[1][0] / dec[0], 1.1, delta=1e-12)
        self.assertEqual(target[4][0], 100.0)  # the constant keeps its value
        self.assertAlmostEqual(target[2][0] * target[3][0] / target[4][0], target[1][0],
                               delta=1e-9)
        months = self.array(sheet, "S7:S10", '=KPI.TARGET(A7:H10;"+10%")')
        self.assertEqual(months[3][0], 3.0)

    def test_two_tree_sheets(self):
        for title, verdicts in (("Marketing", ["Check", "OK", "LEAF", "LEAF"]),
                                ("Finance", ["Check", "MISMATCH 1 of 4 periods; worst Q3: "
                                                      "residual 18 (138%)", "LEAF", "LEAF"])):
            sheet = self.sheet("two-tree-sheets.ods", title)
            self.assertEqual([r[0] for r in self.strings(sheet, "I1:I4", "=KPI.CHECK(A1:G4)")],
                             verdicts)

    def test_fill_down_check_column(self):
        sheet = self.sheet("fill-down-check.ods", "Tree")
        self.assertEqual([sheet.getCellRangeByName("H%d" % r).String for r in range(2, 7)],
                         ["OK", "MISMATCH 1 of 3 periods; worst Mar: residual 12 (25%)", "LEAF",
                          "LEAF", "LEAF"])
        contributions = [sheet.getCellRangeByName("G%d" % r) for r in range(2, 7)]
        for cell in contributions:
            self.assertEqual(cell.getError(), 0)
        self.assertEqual(contributions[0].Value, 32000.0)
        self.assertAlmostEqual(contributions[1].Value + contributions[2].Value, 32000.0,
                               delta=1e-6)


if __name__ == "__main__":
    unittest.main()
