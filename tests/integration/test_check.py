"""KPI.CHECK, KPI.EXPECTED, KPI.RESIDUAL and KPI.LINT in real Calc cells."""
import os
import unittest

from office import Office

OXT = os.environ.get("KPITREE_OXT", "build/kpitree.oxt")


class CheckFunctions(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.office = Office(OXT).start()
        cls.doc = cls.office.new_calc()
        cls.sheet = cls.doc.Sheets.getByIndex(0)

    @classmethod
    def tearDownClass(cls):
        cls.doc.close(True)
        cls.office.stop()

    def test_placeholder(self):
        self.assertTrue(self.office.alive())


if __name__ == "__main__":
    unittest.main()
