"""Every function against malformed input in the real office: empty ranges, one column, all
text, error cells, NaN-like text, zeros, cycles, duplicate names and a 100,000-row range. Each
case must give an error value or a status naming the problem — never a plain number — and the
office must still answer afterwards."""
import unittest

from calc_case import CalcCase

VALUE = 1  # com.sun.star.sheet.FormulaResult.VALUE (a formula cell's getType() is FORMULA)

# Every function that reads a tree table, with its other arguments filled in.
TREE_FUNCTIONS = [
    "KPI.CHECK(%s)", "KPI.EXPECTED(%s)", "KPI.RESIDUAL(%s)", "KPI.LINT(%s)", "KPI.CAUSAL(%s)",
    "KPI.CONTRIB(%s;1;2)", "KPI.TARGET(%s;100)", "KPI.ROLLUP(%s;2)", "KPI.ELASTICITY(%s)",
]
STATUS_TOKENS = ("ERROR", "NODATA", "UNDEFINED", "UNREACHABLE")


class BadTables(CalcCase):
    def outcome(self, formula, name="CZ1"):
        """(error code, text, is_number) of a formula in one cell (its top-left element)."""
        c = self.formula(name, "=" + formula)
        is_number = c.getError() == 0 and c.FormulaResultType2 == VALUE and c.String != ""
        return c.getError(), c.String, is_number

    def assert_refused(self, table, why, rows):
        """Entered as an array formula over the table's rows: no cell is a number and some cell
        is an error value or a status naming the problem."""
        for f in TREE_FUNCTIONS:
            cells = [r[0] for r in self.array_in("H1:H%d" % rows, "=" + f % table)]
            numbers = [c.String for c in cells
                       if c.getError() == 0 and c.FormulaResultType2 == VALUE and c.String != ""]
            self.assertEqual(numbers, [], "%s on %s gave numbers" % (f, why))
            self.assertTrue(any(c.getError() != 0 or c.String.startswith(STATUS_TOKENS)
                                for c in cells),
                            "%s on %s gave %r" % (f, why, [c.String for c in cells]))
            self.assertTrue(self.office.alive(), "the office died on %s (%s)" % (f, why))

    def test_empty_range(self):
        self.assert_refused("A1:F10", "an empty range", 10)

    def test_one_column(self):
        self.put((("Sales",), ("Deals",), ("Meetings",)))
        self.assert_refused("A1:A3", "one column", 3)
        self.assertIn("at least 4 columns", self.outcome("KPI.CHECK(A1:A3)")[1])

    def test_all_text(self):
        self.put((("x", "y", "z", "w", "v"), ("a", "b", "c", "d", "e"), ("f", "g", "h", "i", "j")))
        self.assert_refused("A1:E3", "all text", 3)

    def test_error_cells(self):
        self.put((("Sales", "", "", 1.0, 2.0), ("Deals", "Sales", "*", 1.0, 2.0)))
        self.formula("D2", "=NA()")
        self.assert_refused("A1:E2", "an error cell", 2)

    def test_cycle_every_row_says_so(self):
        table = self.put((("A", "B", "+", 1.0, 2.0), ("B", "A", "+", 1.0, 2.0)))
        for f in TREE_FUNCTIONS:
            if f.startswith("KPI.LINT"):
                continue
            for row in self.array_in("H1:H2", "=" + f % table):
                self.assertTrue(row[0].String.startswith("ERROR"), "%s: %r" % (f, row[0].String))
        lint = [r[0].String for r in self.array_in("J1:J3", "=KPI.LINT(%s)" % table)]
        self.assertTrue(any("cycle: A \u2192 B \u2192 A" in s for s in lint), lint)

    def test_duplicate_names_every_row_says_so(self):
        table = self.put((("S", "", "", 1.0, 2.0), ("S", "", "", 1.0, 2.0)))
        for f in TREE_FUNCTIONS:
            if f.startswith("KPI.LINT"):
                continue
            for row in self.array_in("H1:H2", "=" + f % table):
                self.assertTrue(row[0].String.startswith("ERROR"), "%s: %r" % (f, row[0].String))

    def test_nan_text_and_zeros(self):
        table = self.put((("R", "", "", 0.0, 0.0), ("W", "R", "*", 0.0, 0.0),
                          ("T", "R", "/", 0.0, "NaN")))
        for f in TREE_FUNCTIONS:
            if f.startswith("KPI.LINT"):
                continue
            cells = [r[0] for r in self.array_in("H1:H3", "=" + f % table)]
            self.assertTrue(cells[2].String.startswith("ERROR") or cells[2].getError() != 0,
                            "%s: %r" % (f, cells[2].String))
            self.assertTrue(self.office.alive())
        self.assertTrue(self.outcome("KPI.CHECK(%s;;\"T\")" % table)[1].startswith(
            "ERROR not quantifiable: text 'NaN' in period 2"))

    def test_hundred_thousand_rows(self):
        n = 100000
        rows = [("Total", "", "", float(n - 1), float(n - 1))] + [
            ("k%d" % i, "Total", "+", 1.0, 1.0) for i in range(1, n)]
        self.sheet.getCellRangeByName("A1:E%d" % n).setDataArray(tuple(rows))
        table = "A1:E%d" % n
        expect = {"KPI.CHECK(%s)": "OK", "KPI.EXPECTED(%s)": 99999.0,
                  "KPI.RESIDUAL(%s)": 0.0, "KPI.LINT(%s)": "OK", "KPI.CAUSAL(%s)": "",
                  "KPI.CONTRIB(%s;1;2)": 0.0, "KPI.TARGET(%s;100)": 100.0,
                  "KPI.ROLLUP(%s;2)": 99999.0 * 2, "KPI.ELASTICITY(%s)": 1.0}
        for f in TREE_FUNCTIONS:
            c = self.formula("G1", "=" + f % table)
            want = expect[f]
            if isinstance(want, str):
                self.assertEqual(c.String, want, f)
            else:
                self.assertAlmostEqual(c.Value, want, delta=1e-9 * max(1.0, abs(want)), msg=f)
            self.assertTrue(self.office.alive(), f)
        self.assertEqual(self.formula("G2", '=KPI.CHECK(%s;;"k99999")' % table).String, "LEAF")


class BadStatisticsInput(CalcCase):
    def test_granger_and_padjust_refuse_bad_ranges(self):
        self.put((("a", 1.0, 0.5), (2.0, 2.0, 1.5), (3.0, "", 0.2), (4.0, 4.0, "x")))
        for formula, code in [
            ("KPI.GRANGER(A1:A4;B1:B4;1)", 502),        # text in effect
            ("KPI.GRANGER(B1:B4;B1:B4;1)", 502),        # empty cell
            ("KPI.GRANGER(F1:F10;G1:G10;1)", 502),      # empty ranges
            ("KPI.GRANGER(A2:B4;A2:B4;1)", 502),        # two-dimensional
            ("KPI.PADJUST(C1:C4;\"holm\")", 502),       # text among p-values
            ("KPI.PADJUST(C1:C3;\"magic\")", 502),      # unknown method
            ("KPI.PADJUST(A2:A4;\"bh\")", 502),         # values above 1
        ]:
            self.assert_error("=" + formula, code)

    def test_granger_on_a_huge_range(self):
        n = 100000
        rows = tuple((float(i % 7), float((i * 3) % 11)) for i in range(n))
        self.sheet.getCellRangeByName("A1:B%d" % n).setDataArray(rows)
        c = self.formula("D1", "=KPI.GRANGER(A1:A%d;B1:B%d;2)" % (n, n))
        self.assertEqual(c.getError(), 0, c.String)
        self.assertTrue(0.0 <= c.Value <= 1.0)


if __name__ == "__main__":
    unittest.main()
