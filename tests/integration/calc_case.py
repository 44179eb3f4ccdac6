"""Shared scaffolding for the add-in function tests: one office per test class, a fresh sheet
per test, helpers to write a table and read a formula's cells back, and a check after every
test that the office still answers."""
import os
import unittest

from office import Office

OXT = os.environ.get("KPITREE_OXT", "build/kpitree.oxt")
ERR_ILLEGAL_ARGUMENT = 502  # IllegalArgumentException
ERR_NO_CONVERGENCE = 523  # NoConvergenceException


def column_name(index):
    """0 -> A, 25 -> Z, 26 -> AA."""
    s = ""
    index += 1
    while index:
        index, r = divmod(index - 1, 26)
        s = chr(65 + r) + s
    return s


def area(col, row, width, height):
    """A1-style range with top-left (col, row), both 0-based."""
    return "%s%d:%s%d" % (column_name(col), row + 1, column_name(col + width - 1), row + height)


class CalcCase(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.office = Office(OXT).start()
        cls.doc = cls.office.new_calc()

    @classmethod
    def tearDownClass(cls):
        cls.doc.close(True)
        cls.office.stop()

    def setUp(self):
        sheets = self.doc.Sheets
        name = "t%d" % sheets.getCount()
        sheets.insertNewByName(name, sheets.getCount())
        self.sheet = sheets.getByName(name)

    def tearDown(self):
        self.assertTrue(self.office.alive(), "the office stopped answering")

    def put(self, rows, col=0, row=0):
        """Writes rows (tuples of str/float, ragged allowed) at (col, row); returns the range."""
        width = max(len(r) for r in rows)
        rows = tuple(tuple(r) + ("",) * (width - len(r)) for r in rows)
        name = area(col, row, width, len(rows))
        self.sheet.getCellRangeByName(name).setDataArray(rows)
        return name

    def array(self, formula, col, row, width, height):
        """Enters `formula` as an array formula over the given block; returns its cells."""
        block = self.sheet.getCellRangeByName(area(col, row, width, height))
        block.setArrayFormula(formula)
        return [[block.getCellByPosition(c, r) for c in range(width)] for r in range(height)]

    def array_in(self, name, formula):
        """Enters `formula` as an array formula over the named block; returns its rows of cells."""
        block = self.sheet.getCellRangeByName(name)
        block.setArrayFormula(formula)
        a = block.getRangeAddress()
        return [[block.getCellByPosition(c, r) for c in range(a.EndColumn - a.StartColumn + 1)]
                for r in range(a.EndRow - a.StartRow + 1)]

    def formula(self, name, text):
        """Sets a plain formula in the named cell; returns the cell."""
        return self.cell(text, name)

    def cell(self, formula, name="CZ1"):
        c = self.sheet.getCellRangeByName(name)
        c.setFormula(formula)
        return c

    def assert_error(self, formula, code):
        c = self.cell(formula)
        self.assertEqual(c.getError(), code, "%s gave %r" % (formula, c.String))
        self.assertTrue(self.office.alive(), "the office died on " + formula)
