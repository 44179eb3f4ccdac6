"""The deck's "Insert tree diagram" and "Insert waterfall chart" buttons in a real GUI
LibreOffice under Xvfb: the sheet "KPI tree diagram" gets one box per KPI (the cells' number
format, the palette's colours), connectors and operator labels, and a waterfall chart whose
steps are KPI.CONTRIB's numbers, between the last two periods or two periods chosen in the
deck's period lists; one Undo step; re-inserting replaces, also after an .xlsx round trip (which
loses the chart's name); the file saved as .ods and .xlsx and reopened still has them; a 1,000-KPI tree does not hang the insert; a transposed
table's values keep their cells' formats. A screenshot
of the diagram sheet goes to build/artifacts/diagram_sheet.png.

Runs as one office session; the steps are numbered because they build on each other.
Skips (exit code 77 under ctest) only when no X server can be started."""
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

import uno

from gui_support import ARTIFACTS, GuiOfficeCase, SOURCE
from office import props
from test_sidebar import big_table, column_letter, spec_table, undo_when_closed, wait_for

SHEET = "KPI tree diagram"
CHART = "KPI waterfall"
NAMES = ["Sales", "Deals", "Average order value", "Meetings", "Close rate", "Webinar attendance"]
LEAVES = ["Meetings", "Close rate", "Average order value"]  # Webinar attendance is a ~ link
COMBO_BOX = uno.getConstantByName("com.sun.star.accessibility.AccessibleRole.COMBO_BOX")
HOLDS_FILL = 0xE3F2E1  # diagram::palette(Tone::holds)
PLAIN_FILL = 0xFFFFFF  # diagram::palette(Tone::plain)


def shapes_of(sheet):
    page = sheet.DrawPage
    return [page.getByIndex(i) for i in range(page.Count)]


def named(sheet, prefix):
    return [s for s in shapes_of(sheet) if s.Name.startswith(prefix)]


def chart_data(sheet):
    charts = sheet.getCharts()
    if charts.getCount() == 0:
        return None
    chart = charts.getByIndex(0).getEmbeddedObject()
    data = chart.getData()
    return list(data.getRowDescriptions()), list(data.getColumnDescriptions()), \
        [list(r) for r in data.getData()]


def header_cells(sheet):
    """How many cells of the sheet's used area read "Base" (the waterfall block's header)."""
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    end = cursor.getRangeAddress()
    data = sheet.getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow).getDataArray()
    return sum(1 for row in data for cell in row if cell == "Base")


class DiagramSheet(GuiOfficeCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tmp = tempfile.mkdtemp(prefix="kpitree-diagram-")

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    # Helpers -------------------------------------------------------------------------------

    def show_table(self, doc, dialog, sheet, cell, kpis):
        doc.CurrentController.setActiveSheet(sheet)
        doc.CurrentController.select(sheet.getCellRangeByName(cell))
        self.assertTrue(wait_for(lambda: "%d KPIs" % kpis in self.status(dialog), 60),
                        self.status(dialog))
        self.assertTrue(wait_for(lambda: dialog.getControl("insertDiagram").getModel().Enabled))

    @staticmethod
    def press(doc, dialog, name):
        """Presses a button and waits until its handler, on the office's thread, has shown the
        diagram sheet: the last thing an insert does."""
        controller = doc.CurrentController
        assert controller.ActiveSheet.Name != SHEET
        dialog.getControl(name).getAccessibleContext().doAccessibleAction(0)
        assert wait_for(lambda: controller.ActiveSheet.Name == SHEET, 180), "no diagram sheet"

    def diagram_sheet(self, doc, boxes):
        """The diagram sheet once it has `boxes` boxes (the handler runs on the office's thread)."""
        self.assertTrue(doc.Sheets.hasByName(SHEET))
        sheet = doc.Sheets.getByName(SHEET)
        self.assertEqual(len(named(sheet, "KPI: ")), boxes)
        return sheet

    def check_diagram(self, sheet):
        boxes = {s.Name[len("KPI: "):]: s for s in named(sheet, "KPI: ")}
        self.assertEqual(sorted(boxes), sorted(NAMES))
        self.assertEqual(len(named(sheet, "KPI link: ")), 5)
        self.assertEqual(len(named(sheet, "KPI operator: ")), 5)
        return boxes

    def screenshot(self, name):
        if shutil.which("import") is None:
            return None
        artifacts = ARTIFACTS
        os.makedirs(artifacts, exist_ok=True)
        path = os.path.join(artifacts, name)
        subprocess.run(["import", "-display", self.xvfb.display, "-window", "root", path],
                       check=False, timeout=60)
        return path if os.path.exists(path) else None

    # The steps ----------------------------------------------------------------------------

    def test_01_insert_draws_one_box_per_kpi_and_the_waterfall(self):
        cls = type(self)
        cls.doc = doc = self.office.new_calc()
        window = doc.CurrentController.Frame.ContainerWindow
        window.setPosSize(0, 0, 1580, 980, 15)
        window.setVisible(True)
        table = doc.Sheets.getByIndex(0)
        cls.rows = rows = spec_table()
        end = column_letter(len(rows[0]) - 1)
        table.getCellRangeByName("A1:%s%d" % (end, len(rows))).setDataArray(rows)
        # Sales shown with thousands separators and no decimals, as its cells are formatted.
        sales = table.getCellRangeByName("D2:%s2" % end)
        sales.NumberFormat = doc.NumberFormats.queryKey("#,##0", uno.createUnoStruct(
            "com.sun.star.lang.Locale", "en", "US", ""), False)
        cls.dialog = dialog = self.open_panel(doc)
        self.show_table(doc, dialog, table, "B3", 6)
        for button in ("insertWaterfall", "insertDiagram"):  # the tooltips name the choice
            self.assertIn("two periods chosen above",
                          dialog.getControl(button).getModel().HelpText)
        # The period lists: every period, the previous and the last chosen.
        periods = ["M%d" % p for p in range(1, len(rows[0]) - 2)]
        for name, chosen in (("periodFrom", periods[-2]), ("periodTo", periods[-1])):
            control = dialog.getControl(name)
            self.assertEqual(list(control.getModel().StringItemList), periods)
            self.assertEqual(control.getSelectedItem(), chosen)
            # A closed drop-down (a list box made before its model said Dropdown is an open
            # list two lines high, the items half cut off).
            self.assertEqual(control.getAccessibleContext().getAccessibleRole(), COMBO_BOX)
        # ... side by side between the causal and the contribution buttons, inside the panel.
        box = {n: dialog.getControl(n).getPosSize()
               for n in ("insertCausal", "periodFrom", "periodTo", "insertContrib")}
        self.assertGreater(box["periodFrom"].Y, box["insertCausal"].Y + box["insertCausal"].Height)
        self.assertEqual(box["periodFrom"].Y, box["periodTo"].Y)
        self.assertLessEqual(box["periodFrom"].X + box["periodFrom"].Width, box["periodTo"].X)
        self.assertLessEqual(box["periodTo"].X + box["periodTo"].Width, dialog.getPosSize().Width)
        self.assertLess(box["periodTo"].Y + box["periodTo"].Height, box["insertContrib"].Y)

        undo = doc.getUndoManager()
        self.press(doc, dialog, "insertDiagram")
        sheet = self.diagram_sheet(doc, 6)
        boxes = self.check_diagram(sheet)
        # The diagram and the chart are one Undo step each (one step for both takes 7.4 down).
        self.assertEqual(list(undo.getAllUndoActionTitles())[:2],
                         ["Insert KPI waterfall chart", "Insert KPI tree diagram"])
        # Texts: name, the latest value as the cell shows it, the change in %.
        latest = table.getCellByPosition(len(rows[0]) - 1, 1).getString()
        self.assertRegex(latest, r"^\d{1,3}(,\d{3})+$")
        lines = boxes["Sales"].getString().split("\n")
        self.assertEqual(lines[0], "Sales")
        self.assertEqual(lines[1], latest)
        change = rows[1][-1] / rows[1][-2] - 1
        self.assertEqual(lines[2], "%s%.2f%%" % ("+" if change > 0 else "", 100 * change))
        self.assertEqual(boxes["Close rate"].getString().split("\n")[1], str(rows[5][-1]))
        # Colours: the identities hold (the palette's green); a leaf is plain.
        self.assertEqual(boxes["Sales"].FillColor, HOLDS_FILL)
        self.assertEqual(boxes["Deals"].FillColor, HOLDS_FILL)
        self.assertEqual(boxes["Meetings"].FillColor, PLAIN_FILL)
        # Parents above children (top-down), the ~ link dashed.
        self.assertLess(boxes["Sales"].Position.Y, boxes["Deals"].Position.Y)
        self.assertLess(boxes["Deals"].Position.Y, boxes["Meetings"].Position.Y)
        link = named(sheet, "KPI link: Meetings")[0]
        self.assertEqual(link.LineStyle.value, "DASH")
        operators = {s.Name[len("KPI operator: "):]: s.getString()
                     for s in named(sheet, "KPI operator: ")}
        self.assertEqual(operators["Deals"], "×")
        self.assertEqual(operators["Webinar attendance"], "~")
        self.check_waterfall(doc, sheet)

    def check_waterfall(self, doc, sheet, periods=None):
        """One waterfall chart on `sheet`: its steps are the leaves' KPI.CONTRIB between
        `periods` (1-based from and to; by default the last two), computed in real cells."""
        table = doc.Sheets.getByIndex(0)
        count = len(self.rows[0]) - 3
        first, last = periods or (count - 1, count)
        self.assertEqual(sheet.getCharts().getCount(), 1)
        self.assertTrue(sheet.getCharts().hasByName(CHART))
        categories, series, data = chart_data(sheet)
        self.assertEqual(categories, ["M%d" % first] + LEAVES + ["M%d" % last])
        self.assertEqual(series, ["Base", "Increase", "Decrease", "Total"])
        title = sheet.getCharts().getByName(CHART).getEmbeddedObject().Title.String
        self.assertIn("M%d → M%d" % (first, last), title)
        # KPI.CONTRIB in cells, next to the table.
        end = column_letter(len(self.rows[0]) - 1)
        target = table.getCellRangeByPosition(len(self.rows[0]) + 1, 0, len(self.rows[0]) + 1,
                                              len(self.rows) - 1)
        target.setArrayFormula("=KPI.CONTRIB(A1:%s%d;%d;%d)" % (end, len(self.rows), first, last))
        contrib = {self.rows[r][0]: target.getCellByPosition(0, r).getValue()
                   for r in range(1, len(self.rows))}
        for i, leaf in enumerate(LEAVES):
            base, up, down, total = data[i + 1]
            self.assertAlmostEqual(up - down, contrib[leaf], delta=1e-6 * abs(contrib[leaf]) + 1e-9)
            self.assertEqual(total, 0)
        start, finish = self.rows[1][2 + first], self.rows[1][2 + last]
        self.assertAlmostEqual(data[0][3], start, delta=1e-6)
        self.assertAlmostEqual(data[-1][3], finish, delta=1e-6)
        # The leaves add up to the KGI's change.
        self.assertAlmostEqual(sum(r[1] - r[2] for r in data[1:-1]), finish - start,
                               delta=1e-6 * abs(finish))
        target.clearContents(1 | 2 | 4 | 16)  # VALUE | DATETIME | STRING | FORMULA

    def test_02_undo_removes_the_chart_then_the_sheet(self):
        doc = self.doc
        undo = doc.getUndoManager()
        for _ in range(5):  # the KPI.CONTRIB cells of the check first
            if undo.getCurrentUndoActionTitle() == "Insert KPI waterfall chart":
                break
            undo_when_closed(undo)
        self.assertEqual(undo.getCurrentUndoActionTitle(), "Insert KPI waterfall chart")
        undo_when_closed(undo)
        sheet = doc.Sheets.getByName(SHEET)
        self.assertEqual(sheet.getCharts().getCount(), 0)
        self.assertEqual(sheet.getCellRangeByName("A1").getString()[:9], "KPI tree:")
        self.assertEqual(len(named(sheet, "KPI: ")), 6)
        self.assertEqual(undo.getCurrentUndoActionTitle(), "Insert KPI tree diagram")
        undo_when_closed(undo)
        self.assertTrue(wait_for(lambda: not doc.Sheets.hasByName(SHEET), 10))
        self.assertTrue(self.office.alive())

    def test_03_reinsert_replaces(self):
        doc, dialog = self.doc, self.dialog
        table = doc.Sheets.getByIndex(0)
        for _ in range(2):
            self.show_table(doc, dialog, table, "B3", 6)
            self.press(doc, dialog, "insertDiagram")
            sheet = self.diagram_sheet(doc, 6)
            time.sleep(1)
            self.check_diagram(sheet)
            self.assertEqual(sheet.getCharts().getCount(), 1)
        # The waterfall alone, again: still one chart, below the diagram.
        self.show_table(doc, dialog, table, "B3", 6)
        self.press(doc, dialog, "insertWaterfall")
        self.assertEqual(doc.getUndoManager().getCurrentUndoActionTitle(),
                         "Insert KPI waterfall chart")
        sheet = doc.Sheets.getByName(SHEET)
        self.check_diagram(sheet)
        self.check_waterfall(doc, sheet)
        chart = [s for s in shapes_of(sheet) if s.ShapeType == "com.sun.star.drawing.OLE2Shape"]
        self.assertEqual(len(chart), 1)
        chart = chart[0]
        bottom = max(s.Position.Y + s.Size.Height for s in named(sheet, "KPI: "))
        self.assertGreater(chart.Position.Y, bottom)
        # The screenshot of the diagram sheet.
        doc.CurrentController.setActiveSheet(sheet)
        doc.CurrentController.select(sheet.getCellRangeByName("A1"))
        time.sleep(1.5)
        path = self.screenshot("diagram_sheet.png")
        if path and os.environ.get("KPITREE_UPDATE_SCREENSHOT"):
            shutil.copyfile(path, os.path.join(SOURCE, "docs", "diagram_sheet.png"))

    def test_03a_waterfall_between_chosen_periods(self):
        """The periods chosen in the deck's lists, not the last two: the chart's steps are
        KPI.CONTRIB between them, its title and totals name them; the same period twice is
        refused with a message and inserts nothing."""
        doc, dialog = self.doc, self.dialog
        table = doc.Sheets.getByIndex(0)
        self.show_table(doc, dialog, table, "B3", 6)
        first, to = dialog.getControl("periodFrom"), dialog.getControl("periodTo")
        first.selectItemPos(2, True)
        to.selectItemPos(2, True)
        undo = doc.getUndoManager()
        before = undo.getCurrentUndoActionTitle()
        dialog.getControl("insertWaterfall").getAccessibleContext().doAccessibleAction(0)
        self.assertTrue(wait_for(lambda: "two different periods" in self.status(dialog), 20),
                        self.status(dialog))
        self.assertEqual(doc.CurrentController.ActiveSheet.Name, table.Name)
        self.assertEqual(undo.getCurrentUndoActionTitle(), before)
        # M2 → M5, not the last two periods.
        first.selectItemPos(1, True)
        to.selectItemPos(4, True)
        self.assertEqual((first.getSelectedItem(), to.getSelectedItem()), ("M2", "M5"))
        self.press(doc, dialog, "insertWaterfall")
        sheet = doc.Sheets.getByName(SHEET)
        self.check_diagram(sheet)
        self.check_waterfall(doc, sheet, (2, 5))
        # A refresh of the same table keeps the choice.
        self.show_table(doc, dialog, table, "C4", 6)
        self.assertEqual((first.getSelectedItem(), to.getSelectedItem()), ("M2", "M5"))

    def test_04_kept_in_ods_and_xlsx(self):
        for ext, filt in (("ods", "calc8"), ("xlsx", "Calc MS Excel 2007 XML")):
            path = os.path.join(self.tmp, "diagram." + ext)
            self.doc.storeToURL(uno.systemPathToFileUrl(path), props(FilterName=filt))
            copy = self.office.load(path, hidden=True)
            try:
                self.assertTrue(copy.Sheets.hasByName(SHEET), ext)
                sheet = copy.Sheets.getByName(SHEET)
                boxes = self.check_diagram(sheet)
                self.assertTrue(boxes["Sales"].getString().startswith("Sales\n"), ext)
                self.assertEqual(boxes["Sales"].FillColor, HOLDS_FILL, ext)
                data = chart_data(sheet)
                self.assertIsNotNone(data, ext)
                self.assertEqual(len(data[0]), len(LEAVES) + 2, ext)
            finally:
                copy.close(True)

    def test_04a_reinsert_after_xlsx_replaces_the_chart(self):
        """An .xlsx keeps no chart names: re-inserting the waterfall into the reopened file
        still replaces the old chart and its cell block (recognised by the block's header)."""
        path = os.path.join(self.tmp, "diagram.xlsx")
        self.assertTrue(os.path.exists(path), "test_04 saved no .xlsx")
        copy = self.office.load(path, hidden=False)
        try:
            window = copy.CurrentController.Frame.ContainerWindow
            window.setPosSize(0, 0, 1580, 980, 15)
            window.setVisible(True)
            sheet = copy.Sheets.getByName(SHEET)
            self.assertEqual(sheet.getCharts().getCount(), 1)
            print("\nthe chart's name after the .xlsx round trip: %r"
                  % sheet.getCharts().getElementNames()[0], file=sys.stderr)
            self.assertEqual(header_cells(sheet), 1)
            dialog = self.open_panel(copy)
            self.show_table(copy, dialog, copy.Sheets.getByIndex(0), "B3", 6)
            self.press(copy, dialog, "insertWaterfall")
            self.assertTrue(wait_for(lambda: sheet.getCharts().hasByName(CHART), 20))
            self.assertEqual(sheet.getCharts().getCount(), 1, sheet.getCharts().getElementNames())
            self.assertEqual(header_cells(sheet), 1)
            self.assertEqual(len(chart_data(sheet)[0]), len(LEAVES) + 2)
            self.check_diagram(sheet)
        finally:
            copy.setModified(False)
            copy.close(True)

    def test_05_a_thousand_kpis(self):
        doc, dialog = self.doc, self.dialog
        doc.Sheets.insertNewByName("Big", 1)
        big = doc.Sheets.getByName("Big")
        rows = big_table(1000)
        big.getCellRangeByName("A1:%s%d" % (column_letter(len(rows[0]) - 1), len(rows))) \
            .setDataArray(rows)
        self.show_table(doc, dialog, big, "A500", 1000)
        started = time.time()
        self.press(doc, dialog, "insertDiagram")
        elapsed = time.time() - started
        print("\n1000-KPI diagram and waterfall inserted and shown in %.1f s" % elapsed,
              file=sys.stderr)
        self.assertLess(elapsed, 120)  # guards against a hang only
        sheet = self.diagram_sheet(doc, 1000)
        self.assertEqual(doc.getUndoManager().getCurrentUndoActionTitle(),
                         "Insert KPI waterfall chart")
        self.assertEqual(len(named(sheet, "KPI link: ")), 999)
        self.assertEqual(sheet.getCharts().getCount(), 1)
        self.assertTrue(self.office.alive())

    def test_06_transposed_table_replaces_the_big_diagram(self):
        doc, dialog = self.doc, self.dialog
        doc.Sheets.insertNewByName("Transposed", 1)
        sheet = doc.Sheets.getByName("Transposed")
        rows = spec_table(periods=6)
        columns = tuple(zip(*rows))  # one column per KPI, one row per period
        sheet.getCellRangeByName("A1:%s%d" % (column_letter(len(columns[0]) - 1),
                                             len(columns))).setDataArray(columns)
        latest = sheet.getCellByPosition(1, len(columns) - 1)  # Sales, last period
        latest.NumberFormat = doc.NumberFormats.queryKey("0.00", uno.createUnoStruct(
            "com.sun.star.lang.Locale", "en", "US", ""), False)
        self.show_table(doc, dialog, sheet, "B3", 6)
        self.press(doc, dialog, "insertDiagram")
        diagram = self.diagram_sheet(doc, 6)
        boxes = self.check_diagram(diagram)
        self.assertEqual(boxes["Sales"].getString().split("\n")[1], latest.getString())
        self.assertRegex(latest.getString(), r"^\d+\.\d\d$")
        self.assertEqual(diagram.getCharts().getCount(), 1)
        self.assertEqual(len(chart_data(diagram)[0]), len(LEAVES) + 2)


if __name__ == "__main__":
    unittest.main()
