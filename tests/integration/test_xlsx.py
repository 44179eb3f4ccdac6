"""The .xlsx exchange on the office under test (7.4, or 25.2 in the second pass): a KPI.CHECK
formula saved as .xlsx, reopened, is the add-in function again and recomputes; what name the file
carries differs by version, and so does reading the name the other version (or another tool)
writes. Each expectation says which version it belongs to."""
import os
import re
import shutil
import tempfile
import unittest
import zipfile

from calc_case import OXT
from office import Office, props

TABLE = (
    ("Name", "Parent", "Link", "Jan", "Feb"),
    ("Sales", "", "", 100.0, 120.0),
    ("Deals", "Sales", "*", 10.0, 12.0),
    ("Average order value", "Sales", "*", 10.0, 10.0),
)
FORMULA = '=KPI.CHECK($A$1:$E$4;;"Sales")'
XLSX = "Calc MS Excel 2007 XML"
# The formula text in the file (Excel's syntax: commas, quotes as entities).
ARGUMENTS = "($A$1:$E$4,,&quot;Sales&quot;)"
PROGRAMMATIC = "ORG.KPITREE.KPITREE.CHECK"  # the add-in's service + method: what 7.4 writes
COMPATIBILITY = "KPI.CHECK"  # the add-in's compatibility name (XCompatibilityNames): 25.2
MISMATCH = "MISMATCH 1 of 2 periods"  # after Sales Feb becomes 130 (10 x 12 = 120 expected)
ERR_NO_NAME = 525  # #NAME?


def cell_xml(path, cell="G2"):
    sheet = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").decode("utf-8")
    found = re.search(r'<c r="%s"[^>]*>.*?</c>' % cell, sheet)
    return found.group(0) if found else ""


def with_function_name(path, out, name):
    """A copy of the .xlsx at `path` whose KPI.CHECK formulas call `name`: what another program
    (or the other LibreOffice version) would have written."""
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb"<f([^>]*)>[A-Z.]*CHECK\(", b"<f\\1>" + name.encode() + b"(", data)
            dst.writestr(item, data)
    return out


class XlsxExchange(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="kpitree-xlsx-")
        cls.office = Office(OXT).start()
        cls.version = cls.office.version()
        doc = cls.office.new_calc()
        try:
            sheet = doc.Sheets.getByIndex(0)
            sheet.getCellRangeByName("A1:E4").setDataArray(TABLE)
            sheet.getCellRangeByName("G2").setFormula(FORMULA)
            cls.shown = sheet.getCellRangeByName("G2").String
            cls.saved = os.path.join(cls.dir, "saved.xlsx")
            doc.storeToURL("file://" + cls.saved, props(FilterName=XLSX))
        finally:
            doc.close(True)

    @classmethod
    def tearDownClass(cls):
        cls.office.stop()
        shutil.rmtree(cls.dir, ignore_errors=True)

    def reopen(self, path):
        """(the document, its G2 cell) for an .xlsx; the caller closes the document."""
        doc = self.office.load(path)
        self.addCleanup(doc.close, True)
        return doc, doc.Sheets.getByIndex(0).getCellRangeByName("G2")

    def assert_recomputes(self, doc, cell, what):
        """The cell is the add-in function: a change of the table changes its verdict."""
        self.assertEqual(cell.getError(), 0, what)
        self.assertEqual(cell.String, "OK", what)
        doc.Sheets.getByIndex(0).getCellRangeByName("E2").setValue(130.0)
        self.assertTrue(cell.String.startswith(MISMATCH), "%s: %r" % (what, cell.String))

    def test_the_file_carries_the_name_of_this_version_and_the_cached_verdict(self):
        self.assertEqual(self.shown, "OK")
        xml = cell_xml(self.saved)
        # Excel and other programs show this cached value until they recalculate.
        self.assertIn("<v>OK</v>", xml)
        if self.version >= (25, 2):
            # 25.2 writes the compatibility name, the name an Excel user sees in the formula.
            self.assertIn(">" + COMPATIBILITY + ARGUMENTS + "</f>", xml, self.version)
        else:
            # 7.4 writes the programmatic name (XCompatibilityNames is not used on export).
            self.assertIn(">" + PROGRAMMATIC + ARGUMENTS + "</f>", xml, self.version)

    def test_reopened_it_is_the_add_in_function_and_recomputes(self):
        doc, cell = self.reopen(self.saved)
        self.assert_recomputes(doc, cell, "own .xlsx, %s" % (self.version,))

    def test_the_programmatic_name_written_by_7_4_is_read_by_every_version(self):
        path = with_function_name(self.saved, os.path.join(self.dir, "by-7.4.xlsx"), PROGRAMMATIC)
        doc, cell = self.reopen(path)
        self.assert_recomputes(doc, cell, "ORG.KPITREE.KPITREE.CHECK, %s" % (self.version,))

    def test_the_compatibility_name_written_by_25_2_or_another_tool(self):
        path = with_function_name(self.saved, os.path.join(self.dir, "by-25.2.xlsx"),
                                  COMPATIBILITY)
        doc, cell = self.reopen(path)
        if self.version >= (25, 2):
            # 25.2 maps compatibility names back to the add-in on import.
            self.assert_recomputes(doc, cell, "KPI.CHECK, %s" % (self.version,))
        else:
            # 7.4 does not: it shows the cached verdict, then #NAME? once it recalculates.
            self.assertEqual(cell.String, "OK", "the cached value")
            doc.calculateAll()
            self.assertEqual(cell.getError(), ERR_NO_NAME, cell.String)


if __name__ == "__main__":
    unittest.main()
