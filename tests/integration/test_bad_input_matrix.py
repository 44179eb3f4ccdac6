"""The bad-input matrix (SPEC "Guarantees"): more than 40 malformed tables, each entered under
every tree function as an array formula in the real office. For each case the rows it poisons
(the bad row, and every parent whose arithmetic needs it) must show a status or an error value
in every function — never a number that looks valid — and the office must answer afterwards.
"""
import unittest

from calc_case import CalcCase

VALUE = 1  # com.sun.star.sheet.FormulaResult.VALUE (a formula cell's getType() is FORMULA)

# Row-aligned functions and how many result columns to enter them over.
FUNCTIONS = [
    ("KPI.CHECK(%s)", 1), ("KPI.EXPECTED(%s)", 3), ("KPI.RESIDUAL(%s)", 3),
    ("KPI.CONTRIB(%s;1;2)", 1), ("KPI.TARGET(%s;200)", 1), ("KPI.ROLLUP(%s;2)", 2),
    ("KPI.ELASTICITY(%s)", 1), ("KPI.CAUSAL(%s)", 1), ("KPI.LINT(%s)", 1),
    ("KPI.VARIANCE(%s;$AB$1:$AC$3)", 6), ("KPI.WHATIF(%s;$AE$1:$AF$1)", 2),
]
PLANNING = ("KPI.CONTRIB", "KPI.TARGET", "KPI.ROLLUP", "KPI.ELASTICITY", "KPI.VARIANCE",
            "KPI.WHATIF")
# The plan VARIANCE reads and the change WHATIF applies, beside every table.
PLAN = (("Online", 80.0), ("Shops", 30.0), ("Total", 110.0))
CHANGES = (("Online", "+10%"),)
CHECKING = ("KPI.CHECK", "KPI.EXPECTED", "KPI.RESIDUAL")
HEADER = ("Name", "Parent", "Link", "Q1", "Q2", "Q3")


def shop_table(shops_link="+", shops=(25.0, 30.0, 35.0), total=(100.0, 120.0, 140.0),
               online=(75.0, 90.0, 105.0), shops_parent="Total", shops_name="Shops"):
    return (HEADER, ("Total", "", "") + tuple(total), ("Online", "Total", "+") + tuple(online),
            (shops_name, shops_parent, shops_link) + tuple(shops))


def product_table(a=(10.0, 11.0, 12.0), b=(2.0, 2.0, 2.0), sales=(20.0, 22.0, 24.0),
                  b_link="*"):
    return (HEADER, ("Sales", "", "") + tuple(sales), ("A", "Sales", "*") + tuple(a),
            ("B", "Sales", b_link) + tuple(b))


# (description, rows, poisoned names, functions the poison applies to)
CASES = [
    ("missing link", shop_table(""), {"Total", "Shops"}, PLANNING + CHECKING),
    ("link 'plus'", shop_table("plus"), {"Total", "Shops"}, PLANNING + CHECKING),
    ("link '++'", shop_table("++"), {"Total", "Shops"}, PLANNING + CHECKING),
    ("link '=+'", shop_table("=+"), {"Total", "Shops"}, PLANNING + CHECKING),
    ("link 'add'", shop_table("add"), {"Total", "Shops"}, PLANNING + CHECKING),
    ("link '**'", shop_table("**"), {"Total", "Shops"}, PLANNING + CHECKING),
    ("link '%'", shop_table("%"), {"Total", "Shops"}, PLANNING + CHECKING),
    ("link '^'", shop_table("^"), {"Total", "Shops"}, PLANNING + CHECKING),
    ("link '+ -'", shop_table("+ -"), {"Total", "Shops"}, PLANNING + CHECKING),
    ("link 'x+'", shop_table("x+"), {"Total", "Shops"}, PLANNING + CHECKING),
    ("link number 1", shop_table(1.0), {"Total", "Shops"}, PLANNING + CHECKING),
    ("link number 0", shop_table(0.0), {"Total", "Shops"}, PLANNING + CHECKING),
    ("text value in a child", shop_table(shops=(25.0, "n/a", 35.0)), {"Total", "Shops"},
     PLANNING + CHECKING),
    ("text number in a child", shop_table(shops=(25.0, "30", 35.0)), {"Total", "Shops"},
     PLANNING + CHECKING),
    ("percent text in a child", shop_table(shops=(25.0, "14.6%", 35.0)), {"Total", "Shops"},
     PLANNING + CHECKING),
    ("grouped text number", shop_table(shops=(25.0, "257,560", 35.0)), {"Total", "Shops"},
     PLANNING + CHECKING),
    ("NaN text", shop_table(shops=(25.0, "NaN", 35.0)), {"Total", "Shops"},
     PLANNING + CHECKING),
    ("inf text", shop_table(shops=(25.0, "inf", 35.0)), {"Total", "Shops"},
     PLANNING + CHECKING),
    ("text in the parent", shop_table(total=(100.0, "x", 140.0)), {"Total", "Online", "Shops"},
     PLANNING),
    ("duplicate child", shop_table(shops_name="Online"), {"Total", "Online"},
     PLANNING + CHECKING),
    ("duplicate child after trimming and case", shop_table(shops_name="  ONLINE "),
     {"Total"}, PLANNING + CHECKING),
    ("unknown parent", shop_table(shops_parent="Totl"), {"Shops"}, PLANNING),
    ("own parent", shop_table(shops_parent="Shops"), {"Shops"}, PLANNING + ("KPI.CHECK",)),
    ("mixed operators", shop_table("*"), {"Total", "Online", "Shops"}, PLANNING + CHECKING),
    ("mixed + and ÷", shop_table("/"), {"Total", "Online", "Shops"}, PLANNING + CHECKING),
    ("cycle", (HEADER, ("A", "B", "+", 1.0, 2.0, 3.0), ("B", "A", "+", 1.0, 2.0, 3.0)),
     {"A", "B"}, PLANNING + ("KPI.CHECK",)),
    ("three-cycle", (HEADER, ("A", "C", "+", 1.0, 2.0, 3.0), ("B", "A", "+", 1.0, 2.0, 3.0),
                     ("C", "B", "*", 1.0, 2.0, 3.0)), {"A", "B", "C"}, PLANNING + ("KPI.CHECK",)),
    ("product overflow", product_table(a=(1e200, 1e200, 1e200), b=(1e200, 1e200, 1e200)),
     {"Sales"}, CHECKING),
    ("sum overflow", shop_table(online=(1.7e308, 1.7e308, 1.7e308),
                                shops=(1.7e308, 1.7e308, 1.7e308)), {"Total"}, CHECKING),
    ("division by zero, checked", product_table(b=(2.0, 0.0, 2.0), b_link="/"), {"Sales"},
     ("KPI.CHECK",)),
    ("division by zero, split", product_table(b=(2.0, 0.0, 2.0), b_link="/"), {"A", "B"},
     ("KPI.CONTRIB",)),
    ("division by zero in every period", product_table(b=(0.0, 0.0, 0.0), b_link="/"),
     {"A", "B"}, ("KPI.CONTRIB", "KPI.TARGET", "KPI.ELASTICITY")),
    ("division by zero in every period, planned", product_table(b=(0.0, 0.0, 0.0), b_link="/"),
     {"Sales"}, ("KPI.CHECK", "KPI.TARGET")),
    ("zero KGI", product_table(a=(0.0, 0.0, 0.0), sales=(0.0, 0.0, 0.0)), {"A", "B"},
     ("KPI.ELASTICITY",)),
    ("child with an empty name", shop_table(shops_name=""), {"Total"}, PLANNING + CHECKING),
    ("name is a space", shop_table(shops_name=" "), {"Total"}, PLANNING + CHECKING),
    ("hypothesis child only", shop_table("~"), set(), PLANNING + CHECKING),
    ("all values empty", shop_table(shops=("", "", ""), online=("", "", ""),
                                    total=("", "", "")), {"Total", "Online", "Shops"},
     ("KPI.CONTRIB", "KPI.TARGET", "KPI.ROLLUP", "KPI.ELASTICITY")),
    ("parent value missing everywhere and a child missing",
     shop_table(total=("", "", ""), shops=(25.0, "", 35.0)), {"Total", "Online", "Shops"},
     ("KPI.CONTRIB",)),
    ("two KGIs for TARGET", (HEADER, ("A", "", "", 1.0, 2.0, 3.0), ("B", "", "", 1.0, 2.0, 3.0)),
     {"A", "B"}, ("KPI.TARGET",)),
    ("no KGI", (HEADER, ("A", "B", "+", 1.0, 2.0, 3.0)), {"A"}, PLANNING),
    ("header only", (HEADER,), set(), PLANNING + CHECKING),
    ("invalid kind", (("Name", "Parent", "Link", "Kind", "Q1", "Q2"),
                      ("Sales", "", "", "flow", 20.0, 22.0),
                      ("A", "Sales", "*", "stocks", 10.0, 11.0),
                      ("B", "Sales", "*", "", 2.0, 2.0)), {"Sales", "A"},
     PLANNING + CHECKING),
    ("huge and tiny values", shop_table(online=(1e308, -1e308, 5e-324),
                                        shops=(-1e308, 1e308, 5e-324),
                                        total=(1.0, 1.0, 1.0)), {"Total"}, ("KPI.CHECK",)),
    ("cancellation", shop_table(online=(1e16, 1e16, 1e16), shops=(1.0, 2.0, 3.0),
                                total=(1e16 + 2, 1e16 + 2, 1e16 + 2)), set(), ()),
]


def is_number(cell):
    """A cell showing a number (a void array element shows blank and reads as 0.0)."""
    return cell.getError() == 0 and cell.FormulaResultType2 == VALUE and cell.String != ""


class BadInputMatrix(CalcCase):
    def test_the_matrix_sees_numbers(self):
        """The check itself: a valid row's numbers are caught (a matrix that cannot fail is
        worthless)."""
        with self.assertRaises(AssertionError):
            self.check_case("a valid table", shop_table(), {"Online"}, PLANNING)

    def clear_results(self):
        self.sheet.getCellRangeByName("K1:Z100").clearContents(1023)

    def check_case(self, description, rows, poisoned, functions):
        table = self.put(rows)
        self.put(PLAN, col=27)
        self.put(CHANGES, col=30)
        names = [r[0] for r in rows]
        for pattern, columns in FUNCTIONS:
            name = pattern.split("(")[0]
            self.clear_results()  # a new array may not overlap the previous one
            cells = self.array("=" + pattern % table, 10, 0, columns, len(rows))
            self.assertTrue(self.office.alive(), "%s: the office died on %s" % (description, name))
            if name not in functions:
                continue
            for r, row_cells in enumerate(cells):
                if names[r].strip() not in poisoned:
                    continue
                for c in row_cells:
                    self.assertFalse(is_number(c), "%s: %s gave the number %s for '%s'" % (
                        description, name, c.String, names[r]))
        self.sheet.getCellRangeByName("A1:Z100").clearContents(1023)

    def test_matrix(self):
        self.assertGreaterEqual(len(CASES), 40)
        for description, rows, poisoned, functions in CASES:
            with self.subTest(case=description):
                self.check_case(description, rows, poisoned, functions)

    def test_error_cells_are_errors_everywhere(self):
        for code_formula in ("=NA()", "=1/0", "=SQRT(-1)", '=VALUE("x")'):
            with self.subTest(error=code_formula):
                table = self.put(shop_table())
                self.formula("E4", code_formula)
                for pattern, columns in FUNCTIONS[:7]:
                    self.clear_results()
                    cells = self.array("=" + pattern % table, 10, 0, columns, 4)
                    for row_cells in (cells[1], cells[3]):  # Total and Shops
                        for c in row_cells:
                            self.assertFalse(is_number(c), "%s with %s gave %s" % (
                                pattern, code_formula, c.String))
                self.assertTrue(self.office.alive())
                self.sheet.getCellRangeByName("A1:Z100").clearContents(1023)


if __name__ == "__main__":
    unittest.main()
