"""The deck's Share as values and Help buttons in a real GUI LibreOffice under Xvfb.

Share as values: after the verdict columns are inserted, the button adds a static copy of them
beside them (values, no formulas; the same texts and numbers as shown, the same number format
and conditional formatting; headed "Check (values, <today>)"), as one Undo step; in an .xlsx the
copied cells carry no formula, so a spreadsheet without the extension (Excel) shows them as
they are. Help: the button opens the same page Tools ▸ KPI Tree ▸ KPI Tree Help opens, also
where the deck shows no table.

Skips (exit code 77 under ctest) only when no X server can be started."""
import datetime
import os
import re
import time
import unittest
import zipfile
import xml.etree.ElementTree as ET

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.sheet.FormulaResult import VALUE
from com.sun.star.table.CellContentType import FORMULA

from gui_support import BUILD, GuiOfficeCase, OpenedUrls, wait_for

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
HEADER = ("Name", "Parent", "Link", "M1", "M2", "M3", "M4", "M5", "M6")


def table():
    """Sales = Deals × AOV with a planted mismatch in M4 (Sales 5% too high), a ~ link."""
    deals = [50.0, 52.0, 55.0, 53.0, 58.0, 60.0]
    aov = [20000.0, 20500.0, 21000.0, 20800.0, 21500.0, 22000.0]
    sales = [d * a for d, a in zip(deals, aov)]
    sales[3] *= 1.05
    meetings = [200.0, 210.0, 220.0, 212.0, 232.0, 240.0]
    close = [d / m for d, m in zip(deals, meetings)]
    webinar = [310.0, 355.0, 330.0, 360.0, 380.0, 400.0]
    return (HEADER,
            ("Sales", "", "") + tuple(sales),
            ("Deals", "Sales", "*") + tuple(deals),
            ("Average order value", "Sales", "*") + tuple(aov),
            ("Meetings", "Deals", "*") + tuple(meetings),
            ("Close rate", "Deals", "*") + tuple(close),
            ("Webinar attendance", "Meetings", "~") + tuple(webinar))


def cell_name(column, row):
    name, index = "", column + 1
    while index:
        index, rem = divmod(index - 1, 26)
        name = chr(ord("A") + rem) + name
    return "%s%d" % (name, row + 1)


def xlsx_cells(path, sheet_index=1):
    """{"K2": (has_formula, value text)} of a sheet of an .xlsx, shared strings resolved."""
    with zipfile.ZipFile(path) as z:
        strings = []
        if "xl/sharedStrings.xml" in z.namelist():
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).iter(MAIN + "si"):
                strings.append("".join(t.text or "" for t in si.iter(MAIN + "t")))
        sheet = ET.fromstring(z.read("xl/worksheets/sheet%d.xml" % sheet_index))
    cells = {}
    for c in sheet.iter(MAIN + "c"):
        v = c.find(MAIN + "v")
        text = v.text if v is not None else ""
        if c.get("t") == "s":
            text = strings[int(text)]
        elif c.get("t") == "inlineStr":
            text = "".join(t.text or "" for t in c.iter(MAIN + "t"))
        cells[c.get("r")] = (c.find(MAIN + "f") is not None, text)
    return cells, sheet


class SidebarShare(GuiOfficeCase):
    @classmethod
    def setUpClass(cls):
        cls.opened = OpenedUrls()
        try:
            super().setUpClass()
        except BaseException:
            cls.opened.restore()
            raise

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        cls.opened.restore()

    # Helpers -------------------------------------------------------------------------------

    @staticmethod
    def press(dialog, name):
        dialog.getControl(name).getAccessibleContext().doAccessibleAction(0)

    def select(self, doc, sheet, cell):
        doc.CurrentController.setActiveSheet(sheet)
        doc.CurrentController.select(sheet.getCellRangeByName(cell))

    def insert_verdicts(self, doc, dialog, sheet):
        """Check, causal and contribution columns in K, L, M (the table is A1:I7)."""
        for button, column in (("insertCheck", "K"), ("insertCausal", "L"),
                               ("insertContrib", "M")):
            target = sheet.getCellRangeByName("%s1:%s7" % (column, column))
            self.press(dialog, button)
            self.assertTrue(wait_for(lambda: target.getArrayFormula(), 10), button)
            self.assertTrue(wait_for(lambda: target.ConditionalFormat.getCount() == 3, 10))

    def check_copy(self, sheet, live_column, copy_column, today):
        """The copy of one verdict column: values as shown, no formula, the same formats."""
        live_header = sheet.getCellByPosition(live_column, 0).getString()
        header = sheet.getCellByPosition(copy_column, 0)
        self.assertEqual(header.getString(), "%s (values, %s)" % (live_header, today))
        for row in range(1, 7):
            live = sheet.getCellByPosition(live_column, row)
            copy = sheet.getCellByPosition(copy_column, row)
            self.assertNotEqual(copy.getType(), FORMULA, cell_name(copy_column, row))
            self.assertFalse(copy.getFormula().startswith("="), copy.getFormula())
            self.assertEqual(copy.getString(), live.getString(), cell_name(copy_column, row))
            if copy.getString():
                self.assertEqual(copy.getValue(), live.getValue())
            self.assertEqual(copy.NumberFormat, live.NumberFormat, cell_name(copy_column, row))
        rows = sheet.getCellRangeByPosition(copy_column, 0, copy_column, 6)
        entries = rows.ConditionalFormat
        self.assertEqual([entries.getByIndex(i).getStyleName() for i in range(entries.getCount())],
                         ["KPI Tree good", "KPI Tree bad", "KPI Tree other"])

    # The tests -----------------------------------------------------------------------------

    def test_share_as_values_adds_a_static_formatted_copy_in_one_undo_step(self):
        doc = self.new_document()
        try:
            sheet = doc.Sheets.getByIndex(0)
            sheet.getCellRangeByName("A1:I7").setDataArray(table())
            sales = sheet.getCellRangeByName("D2:I2")
            sales.NumberFormat = doc.NumberFormats.queryKey(
                "#,##0.00", uno.createUnoStruct("com.sun.star.lang.Locale", "en", "US", ""), False)
            self.select(doc, sheet, "B3")
            dialog = self.open_panel(doc)
            self.assertTrue(wait_for(lambda: "6 KPIs" in self.status(dialog), 20),
                            self.status(dialog))
            self.insert_verdicts(doc, dialog, sheet)
            self.assertTrue(sheet.getCellRangeByName("K2").getString().startswith("MISMATCH"))
            self.assertTrue(sheet.getCellRangeByName("K3").getString().startswith("OK"))
            # The contribution column shows the KGI's number format (a text with a comma).
            self.assertIn(",", sheet.getCellRangeByName("M2").getString())

            today = datetime.date.today().isoformat()
            copy = sheet.getCellRangeByName("N1:P7")
            self.press(dialog, "shareValues")
            self.assertTrue(wait_for(lambda: copy.getCellByPosition(2, 0).getString(), 10),
                            "nothing was copied into N1:P7")
            # The handler formats after writing: wait for the last column's formats.
            wait_for(lambda: copy.getCellRangeByPosition(2, 0, 2, 6)
                     .ConditionalFormat.getCount() == 3, 10)
            for offset in range(3):
                self.check_copy(sheet, 10 + offset, 13 + offset, today)
            self.assertEqual(sheet.getCellRangeByName("Q1:Q7").getDataArray(), (("",),) * 7)
            # The deck still shows the table, not the copy as part of it.
            time.sleep(1.0)
            self.assertIn("Sheet1.A1:I7", self.status(dialog))

            undo = doc.getUndoManager()
            self.assertEqual(undo.getCurrentUndoActionTitle(), "Share KPI Tree verdicts as values")
            undo.undo()
            self.assertTrue(all(v == "" for line in copy.getDataArray() for v in line),
                            copy.getDataArray())
            for live in ("K1:K7", "L1:L7", "M1:M7"):
                self.assertTrue(sheet.getCellRangeByName(live).getArrayFormula(), live)
            undo.redo()
            self.assertEqual(copy.getCellByPosition(0, 0).getString(),
                             "%s (values, %s)" % (sheet.getCellRangeByName("K1").getString(),
                                                  today))
            self.check_xlsx(doc, sheet, today)
        finally:
            doc.setModified(False)
            doc.close(True)

    def check_xlsx(self, doc, sheet, today):
        """In the .xlsx the copies are plain cells (no <f>) holding what the live cells show,
        inside the conditional formatting; the live columns are formulas."""
        directory = os.path.join(BUILD, "artifacts")
        os.makedirs(directory, exist_ok=True)
        path = os.path.abspath(os.path.join(directory, "shared-values.xlsx"))
        store = PropertyValue()
        store.Name, store.Value = "FilterName", "Calc MS Excel 2007 XML"
        doc.storeToURL(uno.systemPathToFileUrl(path), (store,))
        cells, xml = xlsx_cells(path)
        for offset in range(3):
            for row in range(1, 7):
                live = sheet.getCellByPosition(10 + offset, row)
                name = cell_name(13 + offset, row)
                has_formula, text = cells.get(name, (False, ""))
                self.assertFalse(has_formula, name)
                if live.getString() and live.FormulaResultType2 == VALUE:
                    self.assertAlmostEqual(float(text), live.getValue(), places=6, msg=name)
                else:
                    self.assertEqual(text, live.getString(), name)
        self.assertEqual(cells["N1"], (False, "Check (values, %s)" % today))
        # The live columns are array formulas (anchored in row 1, spanning the rows); no array
        # formula reaches a copied column.
        arrays = [f.get("ref") for f in xml.iter(MAIN + "f") if f.get("ref")]
        for column in "KLM":
            self.assertIn("%s1:%s7" % (column, column), arrays)
        self.assertFalse([a for a in arrays if a[0] in "NOP"], arrays)
        covered = " ".join(cf.get("sqref") for cf in xml.iter(MAIN + "conditionalFormatting"))
        self.assertTrue(re.search(r"\bN1:N7\b|\bN1:P7\b", covered), covered)
        # Reopened (the office reads it back): the copies are still values, no formulas.
        again = self.office.load(path, hidden=True)
        try:
            reopened = again.Sheets.getByIndex(0)
            for offset in range(3):
                for row in range(7):
                    cell = reopened.getCellByPosition(13 + offset, row)
                    self.assertNotEqual(cell.getType(), FORMULA)
                    self.assertEqual(cell.getString(),
                                     sheet.getCellByPosition(13 + offset, row).getString())
        finally:
            again.close(True)

    def test_share_as_values_without_verdict_columns_says_what_to_do(self):
        doc = self.new_document()
        try:
            sheet = doc.Sheets.getByIndex(0)
            sheet.getCellRangeByName("A1:I7").setDataArray(table())
            self.select(doc, sheet, "B3")
            dialog = self.open_panel(doc)
            self.assertTrue(wait_for(lambda: "6 KPIs" in self.status(dialog), 20),
                            self.status(dialog))
            self.press(dialog, "shareValues")
            self.assertTrue(wait_for(lambda: "No verdict columns" in self.status(dialog), 10),
                            self.status(dialog))
            self.assertEqual(sheet.getCellRangeByName("J1:Z7").getDataArray(),
                             (("",) * 17,) * 7)
            self.assertFalse(doc.getUndoManager().isUndoPossible()
                             and doc.getUndoManager().getCurrentUndoActionTitle()
                             == "Share KPI Tree verdicts as values")
        finally:
            doc.setModified(False)
            doc.close(True)

    def test_share_as_values_below_a_transposed_table(self):
        """One column per KPI: the check row goes below the table, its copy in the next row."""
        rows = (("Name", "Sales", "Deals", "Average order value"),
                ("Parent", "", "Sales", "Sales"),
                ("Link", "", "*", "*"),
                ("P1", 1000.0, 10.0, 100.0),
                ("P2", 1300.0, 12.0, 100.0))
        doc = self.new_document()
        try:
            sheet = doc.Sheets.getByIndex(0)
            sheet.getCellRangeByName("A1:D5").setDataArray(rows)
            self.select(doc, sheet, "B2")
            dialog = self.open_panel(doc)
            self.assertTrue(wait_for(lambda: "3 KPIs" in self.status(dialog), 20),
                            self.status(dialog))
            live = sheet.getCellRangeByName("A7:D7")
            self.press(dialog, "insertCheck")
            self.assertTrue(wait_for(lambda: live.getArrayFormula(), 10))
            self.assertTrue(sheet.getCellRangeByName("B7").getString().startswith("MISMATCH"))
            self.press(dialog, "shareValues")
            copy = sheet.getCellRangeByName("A8:D8")
            today = datetime.date.today().isoformat()
            self.assertTrue(wait_for(lambda: copy.getCellByPosition(3, 0).getString(), 10),
                            "nothing was copied into A8:D8")
            self.assertEqual(copy.getCellByPosition(0, 0).getString(),
                             "%s (values, %s)" % (live.getCellByPosition(0, 0).getString(),
                                                  today))
            for column in range(1, 4):
                cell = copy.getCellByPosition(column, 0)
                self.assertNotEqual(cell.getType(), FORMULA)
                self.assertEqual(cell.getString(), live.getCellByPosition(column, 0).getString())
        finally:
            doc.setModified(False)
            doc.close(True)

    def test_help_button_opens_the_help_the_menu_opens(self):
        doc = self.new_document()
        try:
            sheet = doc.Sheets.getByIndex(0)
            self.select(doc, sheet, "C5")
            dialog = self.open_panel(doc)
            # No table here: the insert buttons are disabled, Help is not.
            self.assertTrue(wait_for(lambda: "No KPI tree" in self.status(dialog), 20),
                            self.status(dialog))
            self.assertFalse(dialog.getControl("insertCheck").getModel().Enabled)
            self.assertTrue(dialog.getControl("help").getModel().Enabled)
            self.assertEqual(dialog.getControl("help").getModel().Label, "Help")
            before = len(self.opened.urls())
            self.press(dialog, "help")
            urls = wait_for(lambda: len(self.opened.urls()) > before and self.opened.urls(), 20)
            self.assertTrue(urls, "the Help button opened nothing")
            from_deck = urls[-1]
            self.assertRegex(from_deck, r"^file:///.*/help/html/[A-Za-z-]+/index\.html$")
            with open(uno.fileUrlToSystemPath(from_deck), encoding="utf-8") as f:
                page = f.read()
            self.assertIn("Share as values", page)
            self.assertIn("KPI.CHECK", page)
            # Tools ▸ KPI Tree ▸ KPI Tree Help opens the same page.
            helper = self.office.ctx.ServiceManager.createInstanceWithContext(
                "com.sun.star.frame.DispatchHelper", self.office.ctx)
            helper.executeDispatch(doc.CurrentController.Frame, "org.kpitree.menu:help", "", 0,
                                   ())
            urls = wait_for(lambda: len(self.opened.urls()) > before + 1 and self.opened.urls(),
                            20)
            self.assertTrue(urls, "the menu opened nothing")
            self.assertEqual(urls[-1], from_deck)
        finally:
            doc.setModified(False)
            doc.close(True)


if __name__ == "__main__":
    unittest.main()
