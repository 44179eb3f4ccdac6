"""The fill-down prototype's cache never serves a stale check (tests/bench/probe/README.md):
a fill-down column of KPI.CHECKREF beside a fill-down column of KPI.CHECK over the same table
shows the same text in every row after each kind of change to the table.

    KPITREE_OXT=build/kpitree.oxt KPITREE_PROBE_OXT=build/bench/kpitree-probe.oxt \\
        /usr/bin/python3 -m unittest -v test_probe_cache   (in tests/bench/probe)
"""
import os
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                                "integration"))
from calc_case import OXT  # noqa: E402
from office import UNOPKG, Office  # noqa: E402

PROBE_OXT = os.environ.get("KPITREE_PROBE_OXT", os.path.join(
    os.path.dirname(os.path.abspath(OXT)), "bench", "kpitree-probe.oxt"))
ROWS = (("Name", "Parent", "Link", "Jan", "Feb"),
        ("Sales", "", "", 1000.0, 1105.0),
        ("Deals", "Sales", "*", 50.0, 52.0),
        ("AOV", "Sales", "*", 20.0, 21.25),
        ("Meetings", "Deals", "*", 200.0, 210.0),
        ("Close rate", "Deals", "*", 0.25, 0.2476))
N = len(ROWS) - 1


class ProbeOffice(Office):
    def install(self):
        super().install()
        subprocess.run([UNOPKG, "add", "--shared", "-s", "-f", PROBE_OXT] + self.env_args(),
                       capture_output=True, timeout=300, check=True)


@unittest.skipUnless(os.path.exists(PROBE_OXT), "the probe .oxt is not built")
class ProbeCache(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.office = ProbeOffice(OXT).start()
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
        self.sheet.getCellRangeByName("A1:E6").setDataArray(ROWS)
        for r in range(N):
            self.cell(6, r + 1).setFormula("=KPI.CHECK($A$1:$E$6;;$A%d)" % (r + 2))
            self.cell(7, r + 1).setFormula("=KPI.CHECKREF($A$1:$E$6;;$A%d)" % (r + 2))
        self.doc.calculateAll()

    def cell(self, col, row):
        return self.sheet.getCellByPosition(col, row)

    def assert_columns_agree(self, what):
        """Reads CHECKREF's column first (nothing else has asked Calc for its values yet)."""
        probe = [self.cell(7, r + 1).getString() for r in range(N)]
        check = [self.cell(6, r + 1).getString() for r in range(N)]
        self.assertEqual(probe, check, what)
        return probe

    def test_an_edit_updates_every_fill_down_cell(self):
        before = self.assert_columns_agree("initially")
        self.assertTrue(before[0].startswith("OK"), before)
        self.cell(3, 2).setValue(51.0)  # Deals in Jan: Sales and Deals mismatch
        self.doc.calculate()
        after = self.assert_columns_agree("after setValue")
        self.assertTrue(after[0].startswith("MISMATCH") and after[1].startswith("MISMATCH"),
                        after)
        self.doc.getUndoManager().undo()
        self.assertEqual(self.assert_columns_agree("after undo"), before)
        self.doc.getUndoManager().redo()
        self.assertEqual(self.assert_columns_agree("after redo"), after)

    def test_reading_each_cell_right_after_an_edit(self):
        """No calculate(): each cell is interpreted on reading, one at a time."""
        for value, row in ((999.0, 1), (0.3, 5), (210.0, 4)):
            self.cell(3, row).setValue(value)
            self.assert_columns_agree("after setting row %d to %s" % (row, value))

    def test_a_row_asked_first_after_an_edit(self):
        """The modify listener's case: a row the cache has not served since the edit."""
        self.cell(3, 2).setValue(51.0)
        self.assertTrue(self.cell(7, 1).getString().startswith("MISMATCH"))  # Sales only
        self.cell(3, 2).setValue(50.0)  # back to OK; Deals is the first row asked now
        self.assertEqual(self.cell(7, 2).getString(), self.cell(6, 2).getString())
        self.assert_columns_agree("after both edits")

    def test_names_links_and_formulas_in_the_table(self):
        self.cell(0, 4).setString("Calls")  # Meetings renamed: its row asks for Meetings
        self.assert_columns_agree("after a rename")
        self.cell(2, 3).setString("+")  # mixed operators under Sales
        self.assert_columns_agree("after a link change")
        self.cell(9, 0).setValue(50.0)
        self.cell(3, 2).setFormula("=J1")  # a formula in the table over a cell outside it
        self.assert_columns_agree("with a formula in the table")
        self.cell(9, 0).setValue(49.0)
        self.assert_columns_agree("after its precedent changed")
        self.sheet.getCellRangeByName("D2:E3").setDataArray(((1.0, 2.0), (3.0, 4.0)))
        self.assert_columns_agree("after setDataArray")

    def test_locked_controllers_and_hard_recalculation(self):
        self.doc.lockControllers()
        try:
            self.cell(4, 3).setValue(22.0)
            self.assert_columns_agree("inside lockControllers")
        finally:
            self.doc.unlockControllers()
        self.cell(4, 3).setFormula("=ROUND(RAND()*1000;0)")  # volatile: new in every pass
        for i in range(3):
            self.doc.calculateAll()
            self.assert_columns_agree("after hard recalculation %d" % i)


if __name__ == "__main__":
    unittest.main()
