"""The shipped example workbooks (examples/*.ods, the ones the menu opens) in a real office:
each explains itself on its first sheet, computes without any error cell or #N/A, refers to
its table by absolute ranges, colours its verdict columns, and shows exactly its planted
problems and the verdicts its generator built into the data — nothing else."""
import glob
import os
import unittest

from office import Office

SOURCE = os.environ.get("KPITREE_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
OXT = os.environ.get("KPITREE_OXT", os.path.join(SOURCE, "build", "kpitree.oxt"))

# Per example, per verdict column (told apart by a word of its formula), the rows that carry
# each notable token. Rows with other tokens (OK, LEAF, IDENTITY, ...) are not listed.
EXPECTED = {
    "marketing-automation": {
        "check(": {"MISMATCH": {"Sales"}},
        "causal(": {"SUPPORTED": {"Webinar attendees"},
                    "UNSUPPORTED": {"URL click rate of openers"}},
    },
    "e-commerce": {
        "check(": {"MISMATCH": {"Sales"}},
        "causal(": {"SUPPORTED": {"Blog posts published"}, "UNSUPPORTED": {"Instagram posts"}},
        "contrib(": {},
    },
    "saas-retention": {
        "check(": {},
        "causal(": {"SUPPORTED": {"Weekly login rate"}, "UNSUPPORTED": {"Shares per user"}},
    },
    "pnl-rollup": {
        "rounding": {"MISMATCH": {"Operating expenses"}},
        "check(": {"MISMATCH": {"Operating profit", "Gross profit", "Operating expenses",
                                "Revenue"}},
        "contrib(": {},
    },
}
NOTABLE = ("MISMATCH", "ERROR", "SUPPORTED", "UNSUPPORTED", "INSUFFICIENT", "NODATA")


def used_area(sheet):
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    return cursor.RangeAddress.EndRow + 1, cursor.RangeAddress.EndColumn + 1


def column_key(formula, keys):
    """The EXPECTED key whose word the column's formula holds (the most specific first)."""
    lowered = formula.lower()
    for key in sorted(keys, key=lambda k: k.endswith("(")):
        if key in lowered:
            return key
    return None


class ShippedExamples(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.office = Office(OXT).start()

    @classmethod
    def tearDownClass(cls):
        cls.office.stop()

    def load(self, path):
        doc = self.office.load(path)
        self.addCleanup(doc.close, True)
        doc.calculateAll()
        return doc

    def test_every_menu_example_is_in_examples(self):
        stems = {os.path.basename(p)[:-4] for p in glob.glob(os.path.join(SOURCE, "examples", "*.ods"))}
        self.assertEqual(stems, set(EXPECTED))

    def test_each_explains_itself_on_its_first_sheet(self):
        for stem in EXPECTED:
            with self.subTest(stem):
                doc = self.load(os.path.join(SOURCE, "examples", stem + ".ods"))
                about = doc.Sheets.getByIndex(0)
                self.assertEqual(about.Name, "About")
                text = " ".join(about.getCellByPosition(0, r).String for r in range(12))
                self.assertIn("Planted" if stem != "saas-retention" else "no planted", text)
                self.assertIn("KPI tree", text)

    def test_no_error_cell_and_no_na_anywhere(self):
        for stem in EXPECTED:
            doc = self.load(os.path.join(SOURCE, "examples", stem + ".ods"))
            for i in range(doc.Sheets.Count):
                sheet = doc.Sheets.getByIndex(i)
                rows, columns = used_area(sheet)
                for r in range(rows):
                    for c in range(columns):
                        cell = sheet.getCellByPosition(c, r)
                        with self.subTest(stem=stem, sheet=sheet.Name, row=r, column=c):
                            self.assertEqual(cell.getError(), 0, cell.getFormula())
                            self.assertFalse(cell.String.startswith("#"), cell.String)

    def test_verdicts_are_exactly_the_planted_ones(self):
        for stem, columns in EXPECTED.items():
            doc = self.load(os.path.join(SOURCE, "examples", stem + ".ods"))
            sheet = doc.Sheets.getByName("KPI tree")
            rows, width = used_area(sheet)
            seen = {}
            for c in range(width):
                formula = sheet.getCellByPosition(c, 0).getFormula().lstrip("{")
                if not formula.startswith("="):
                    continue
                self.assertIn("$A$1:$", formula, "a relative range breaks when copied")
                self.assertGreater(sheet.getCellByPosition(c, 1).ConditionalFormat.Count, 0,
                                   "verdict column %d has no conditional format" % c)
                key = column_key(formula, columns)
                self.assertIsNotNone(key, formula)
                found = {}
                for r in range(1, rows):
                    token = sheet.getCellByPosition(c, r).String.split(" ")[0]
                    if token in NOTABLE:
                        name = sheet.getCellByPosition(0, r).String
                        found.setdefault(token, set()).add(name)
                seen[key] = found
            with self.subTest(stem):
                self.assertEqual(seen, columns)

    def test_plan_vs_actual_adds_up(self):
        doc = self.load(os.path.join(SOURCE, "examples", "pnl-rollup.ods"))
        sheet = doc.Sheets.getByName("Plan vs actual")
        rows, _ = used_area(sheet)
        statuses = [sheet.getCellByPosition(8, r).String for r in range(1, rows)]
        for s in statuses:
            self.assertIn(s, ("AHEAD", "BEHIND", "ON PLAN"))
        # Contributions of the leaves add up to the KGI's gap (VARIANCE's contract).
        gap = sheet.getCellByPosition(5, 1).getValue()
        leaves = ["Cost of goods sold", "Product revenue", "Services revenue", "Salaries",
                  "Marketing", "Rent", "Other expenses"]
        total = sum(sheet.getCellByPosition(7, r).getValue() for r in range(1, rows)
                    if sheet.getCellByPosition(0, r).String in leaves)
        self.assertAlmostEqual(total, gap, places=6)


if __name__ == "__main__":
    unittest.main()
