"""KPI.CHECK, KPI.EXPECTED, KPI.RESIDUAL and KPI.LINT in real Calc cells: array formulas and
the one-node form, on the committed example workbook and on generated tables, plus bad input.
The office must still answer after every case."""
import os
import random
import unittest

from calc_case import OXT, CalcCase
from office import Office

SOURCE = os.environ.get("KPITREE_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
EXAMPLE = os.path.join(SOURCE, "examples", "marketing-automation.ods")

TABLE = (
    ("Name", "Parent", "Link", "Jan", "Feb", "Mar"),
    ("Sales", "", "", 1000000.0, 1100000.0, 1210000.0),
    ("Deals", "Sales", "*", 50.0, 55.0, 55.0),
    ("Average order value", "Sales", "\u00d7", 20000.0, 20000.0, 22000.0),
    ("Meetings", "Deals", "*", 200.0, 220.0, 220.0),
    ("Close rate", "Deals", "*", 0.25, 0.25, 0.2),  # Mar: 44, not 55
    ("Webinar attendance", "Meetings", "~", 310.0, 355.0, 340.0),
)


class ArrayAndNodeForms(CalcCase):
    def test_check_array_is_aligned_with_rows(self):
        area = self.put(TABLE)
        out = [r[0].String for r in self.array_in("H1:H7", "=KPI.CHECK(%s)" % area)]
        self.assertEqual(out[0], "Check")
        self.assertEqual(out[1], "OK")
        self.assertEqual(out[2], "MISMATCH 1 of 3 periods; worst Mar: residual 11 (25%)")
        self.assertEqual(out[3:], ["LEAF", "LEAF", "LEAF", "LEAF"])

    def test_check_one_node_form_fill_down(self):
        area = self.put(TABLE)
        for r in range(2, 8):
            self.formula("H%d" % r, "=KPI.CHECK($%s;;A%d)" % (area.replace(":", ":$"), r))
        self.assertEqual(self.sheet.getCellRangeByName("H3").String[:8], "MISMATCH")
        self.assertEqual(self.sheet.getCellRangeByName("H2").String, "OK")
        c = self.formula("I1", '=KPI.CHECK(%s;;"  deals ")' % area)
        self.assertTrue(c.String.startswith("MISMATCH 1 of 3"))
        c = self.formula("I2", '=KPI.CHECK(%s;;"Nobody")' % area)
        self.assertEqual(c.String, "ERROR no KPI 'Nobody'; the KPIs are Sales, Deals \u2026 "
                                   "Webinar attendance (6)")

    def test_fill_down_across_a_blank_row(self):
        area = self.put((("Sales", "", "", 10.0), ("A", "Sales", "+", 10.0), ("", "", "", ""),
                         ("Other", "", "", 1.0)))
        for r in range(1, 5):
            self.formula("H%d" % r, "=KPI.CHECK($A$1:$D$4;;A%d)" % r)
        out = [self.sheet.getCellRangeByName("H%d" % r).String for r in range(1, 5)]
        self.assertEqual(out, ["OK", "LEAF", "", "LEAF"])

    def test_tolerance_argument(self):
        area = self.put((("S", "", "", 101.0), ("A", "S", "*", 100.0)))
        self.assertEqual(self.formula("G1", "=KPI.CHECK(%s;0.01)" % area).String, "OK")
        self.assertTrue(self.formula("G2", "=KPI.CHECK(%s;0.005)" % area).String.startswith("MISMATCH"))
        self.assertEqual(self.formula("G3", "=KPI.CHECK(%s;-1)" % area).getError(), 502)
        self.assertEqual(self.formula("G4", '=KPI.CHECK(%s;"much")' % area).getError(), 502)

    def test_expected_and_residual_blocks(self):
        area = self.put(TABLE)
        exp = self.array_in("H1:J7", "=KPI.EXPECTED(%s)" % area)
        res = self.array_in("L1:N7", "=KPI.RESIDUAL(%s)" % area)
        self.assertEqual([c.String for c in exp[0]], ["Jan", "Feb", "Mar"])
        self.assertEqual([c.Value for c in exp[1]], [1000000.0, 1100000.0, 1210000.0])
        self.assertEqual([c.Value for c in exp[2]], [50.0, 55.0, 44.0])
        self.assertEqual([c.Value for c in res[2]], [0.0, 0.0, 11.0])
        self.assertEqual([c.String for c in exp[3]], ["", "", ""])  # a leaf: empty
        one = self.array_in("H10:J10", '=KPI.RESIDUAL(%s;"Deals")' % area)
        self.assertEqual([c.Value for c in one[0]], [0.0, 0.0, 11.0])

    def test_lint_lists_findings(self):
        area = self.put(TABLE)
        out = [r[0].String for r in self.array_in("H1:H6", "=KPI.LINT(%s)" % area)]
        self.assertTrue(any(s.startswith("WARN Webinar attendance (table row 7): hypothesis link")
                            for s in out), out)
        clean = self.put((("S", "", "", 2.0), ("A", "S", "+", 1.0), ("B", "S", "+", 1.0)), 0, 19)
        self.assertEqual(self.formula("H20", "=KPI.LINT(%s)" % clean).String, "OK")

    def test_japanese_and_chinese_names(self):
        area = self.put((
            ("\u540d\u524d", "\u89aa", "\u30ea\u30f3\u30af", "1\u6708", "2\u6708"),
            ("\u58f2\u4e0a", "", "", 600.0, 700.0),
            ("\u53d7\u6ce8\u6570", "\u58f2\u4e0a", "\u00d7", 6.0, 7.0),
            ("\u5ba2\u5355\u4ef7", "\u58f2\u4e0a", "\u00d7", 100.0, 100.0),
        ))
        out = [r[0].String for r in self.array_in("G1:G4", "=KPI.CHECK(%s)" % area)]
        self.assertEqual(out, ["Check", "OK", "LEAF", "LEAF"])
        c = self.formula("H1", '=KPI.CHECK(%s;;"\u58f2\u4e0a")' % area)
        self.assertEqual(c.String, "OK")

    def test_generated_tables_match_an_independent_computation(self):
        rng = random.Random(7)
        for case in range(5):
            periods = rng.randint(1, 8)
            kids = [[rng.uniform(1, 100) for _ in range(periods)] for _ in range(3)]
            op = rng.choice(["+", "*"])
            parent = [sum(v) if op == "+" else v[0] * v[1] * v[2] for v in zip(*kids)]
            broken = rng.randrange(periods)
            parent[broken] *= 1.5
            rows = [("P", "", "") + tuple(parent)] + [
                ("K%d" % i, "P", op) + tuple(k) for i, k in enumerate(kids)]
            top = 30 + case * 6
            area = self.put(rows, 0, top - 1)
            status = self.formula("Z%d" % top, "=KPI.CHECK(%s;;\"P\")" % area).String
            self.assertTrue(status.startswith("MISMATCH 1 of %d" % periods), status)
            res = self.formula("Y%d" % top, "=INDEX(KPI.RESIDUAL(%s;\"P\");1;%d)" % (area, broken + 1))
            expected = parent[broken] - parent[broken] / 1.5
            self.assertAlmostEqual(res.Value, expected, delta=1e-9 * abs(expected))


class ExampleWorkbook(unittest.TestCase):
    def test_example_check_column_shows_the_planted_mismatch(self):
        with Office(OXT) as office:
            doc = office.load(EXAMPLE)
            try:
                sheet = doc.Sheets.getByName("KPI tree")
                doc.calculateAll()
                self.assertEqual(sheet.getCellRangeByName("AC1").String, "Check")
                self.assertTrue(sheet.getCellRangeByName("AC2").String.startswith(
                    "MISMATCH 1 of 24 periods; worst 2025-08: residual 38000"),
                    sheet.getCellRangeByName("AC2").String)
                for r in range(3, 14):
                    self.assertIn(sheet.getCellRangeByName("AC%d" % r).String.split(" ")[0],
                                  ("OK", "LEAF"))
            finally:
                doc.close(True)


class BadInput(CalcCase):
    FUNCTIONS = ["KPI.CHECK(%s)", "KPI.EXPECTED(%s)", "KPI.RESIDUAL(%s)", "KPI.LINT(%s)"]

    def each(self, area, out_col="T"):
        results = []
        for i, f in enumerate(self.FUNCTIONS):
            cell = self.formula("%s%d" % (out_col, i + 1), "=" + f % area)
            results.append((cell.String, cell.getError()))
        return results

    def test_empty_range(self):
        for text, err in self.each("A1:F10"):
            self.assertTrue(text.startswith("ERROR no KPI rows") or err != 0, text)

    def test_one_column(self):
        self.put((("Sales",), ("Deals",)))
        for text, err in self.each("A1:A2"):
            self.assertIn("at least 4 columns", text)

    def test_all_text(self):
        self.put((("a", "b", "c", "d"), ("e", "f", "g", "h"), ("i", "j", "k", "l")))
        check = self.formula("T9", "=KPI.CHECK(A1:D3;;\"e\")").String
        self.assertTrue(check.startswith("ERROR"), check)
        lint = [r[0].String for r in self.array_in("U1:U4", "=KPI.LINT(A1:D3)")]
        self.assertTrue(all(s.startswith("ERROR") for s in lint if s), lint)

    def test_error_cells_in_the_range(self):
        self.put((("Sales", "", "", 1.0), ("Deals", "Sales", "*", 1.0)))
        self.formula("D2", "=1/0")
        for text, err in self.each("A1:D2"):
            # Calc rejects a range holding an error before the add-in runs (Err:504): an error
            # value, never a number.
            self.assertIn(err, (504, 532), text)

    def test_cycle_and_duplicates(self):
        area = self.put((("A", "B", "+", 1.0), ("B", "A", "+", 1.0), ("C", "", "", 1.0),
                         ("C", "", "", 2.0)))
        out = [r[0].String for r in self.array_in("T1:T4", "=KPI.CHECK(%s)" % area)]
        self.assertTrue(out[0].startswith("ERROR cycle: A \u2192 B \u2192 A"), out)
        self.assertTrue(out[2].startswith("ERROR duplicate name 'C' (also table row 4)"), out)

    def test_division_by_zero_and_nan_like_text(self):
        area = self.put((("R", "", "", 0.5, 0.5), ("W", "R", "*", 1.0, 1.0),
                         ("T", "R", "/", 2.0, 0.0), ("X", "R", "~", "NaN", 1.0)))
        self.assertEqual(self.formula("T1", "=KPI.CHECK(%s;;\"R\")" % area).String,
                         "ERROR division by zero in period 2: 'T' is 0")
        self.assertTrue(self.formula("T2", "=KPI.CHECK(%s;;\"X\")" % area).String.startswith(
            "ERROR not quantifiable: text 'NaN'"))

    def test_hundred_thousand_rows(self):
        n = 100000
        rows = [("Total", "", "", float(n - 1))] + [("k%d" % i, "Total", "+", 1.0)
                                                    for i in range(1, n)]
        self.sheet.getCellRangeByName("A1:D%d" % n).setDataArray(tuple(rows))
        self.assertEqual(self.formula("F1", "=KPI.CHECK(A1:D%d;;\"Total\")" % n).String, "OK")
        self.assertEqual(self.formula("F2", "=KPI.CHECK(A1:D%d;;\"k99999\")" % n).String, "LEAF")
        lint = self.formula("F3", "=KPI.LINT(A1:D%d)" % n).String
        self.assertEqual(lint, "OK")


if __name__ == "__main__":
    unittest.main()
