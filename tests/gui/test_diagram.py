"""The KPI Tree deck's diagram in a real GUI LibreOffice under Xvfb: every KPI of the example
workbook as a box with its value in the cell's own format and the right tone and colour (read
through the KPI picker, the diagram's text outline, and checked on the screen's pixels), a real
mouse click on a box selecting its row, the arrow keys, the toggle to the list view and back,
the what-if changing the shown KGI and its block written as one Undo step, and a screenshot
(build/artifacts/diagram.png; KPITREE_UPDATE_SCREENSHOT=1 also refreshes docs/diagram.png).

Runs as one office session; the steps are numbered because they build on each other.
Skips (exit code 77 under ctest) only when no X server can be started."""
import os
import re
import shutil
import subprocess
import time
import unittest

from gui_support import ARTIFACTS, EXAMPLE, GuiOfficeCase, SOURCE, find_accessible, wait_for

DASH = " \u2014 "
LATEST = 26  # the example's latest period, column AA (2026-12)
ORIGIN = 8  # the diagram's margin in its window (diagram_paint.cpp)
FILLS = {"plain": "#FFFFFF", "holds": "#E3F2E1", "mismatch": "#FDE0DE", "error": "#FFE9C7"}
LIST_MARKS = {"✔": "holds", "✘": "mismatch", "⚠": "error"}
HYPOTHESIS_MARKS = {"~✔": "supported", "~✘": "unsupported", "~?": "untestable"}



class Box:
    """One item of the KPI picker: what a box of the diagram shows."""

    def __init__(self, text, data):
        parts = text.strip().split(DASH)
        self.depth = (len(text) - len(text.lstrip(" "))) // 2
        self.name, self.value = parts[0], parts[1]
        self.change = parts[2] if len(parts) > 2 and "%" in parts[2] else ""
        (self.tone, self.fill, self.line, self.link_tone,
         self.x, self.y, self.width, self.height, self.row) = data


class Diagram(GuiOfficeCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.doc = cls.load_example()
        cls.dialog = None

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()

    @classmethod
    def load_example(cls):
        doc = cls.office.load(EXAMPLE, hidden=False)
        window = doc.CurrentController.Frame.ContainerWindow
        window.setPosSize(0, 0, 1580, 980, 15)
        window.setVisible(True)
        sheet = doc.Sheets.getByName("KPI tree")
        doc.CurrentController.setActiveSheet(sheet)
        doc.CurrentController.select(sheet.getCellRangeByName("B3"))
        return doc

    # Helpers -------------------------------------------------------------------------------

    def panel(self):
        cls = type(self)
        if cls.dialog is None:
            sidebar = self.doc.CurrentController.getSidebar()
            sidebar.setVisible(True)
            deck = sidebar.getDecks().getByName("KpiTreeDeck")
            deck.activate(True)
            sidebar.showDecks(True)  # a new document's sidebar may open collapsed (tab bar only)
            panels = wait_for(lambda: deck.getPanels().hasByName("KpiTreePanel") and
                              deck.getPanels())
            self.assertTrue(panels, "the KPI Tree panel did not appear")
            cls.dialog = wait_for(lambda: panels.getByName("KpiTreePanel").getDialog())
        return cls.dialog

    def boxes(self):
        model = self.panel().getControl("diagramKpi").getModel()
        items = list(model.StringItemList)
        return [Box(text, model.getItemData(i)) for i, text in enumerate(items)]

    def box(self, name):
        return next(b for b in self.boxes() if b.name == name)

    def label(self, name):
        return self.panel().getControl(name).getModel().Label.replace("~~", "~")

    def press(self, name):
        self.panel().getControl(name).getAccessibleContext().doAccessibleAction(0)

    def visible(self, name):
        return self.panel().getControl(name).getPeer().isVisible()

    def diagram_window(self):
        """The painted window's accessible component (its name starts with the diagram's)."""
        return find_accessible(self.panel().getAccessibleContext(), "KPI tree diagram")

    def view(self):
        """(zoom, scroll x, scroll y) as the zoom label and the scroll bars show them."""
        zoom = int(self.label("diagramZoom").rstrip("%")) / 100.0
        hs = self.panel().getControl("diagramHScroll").getModel().ScrollValue
        vs = self.panel().getControl("diagramVScroll").getModel().ScrollValue
        return zoom, hs, vs

    def on_screen(self, box):
        """The box's rectangle in screen pixels."""
        zoom, hs, vs = self.view()
        at = self.diagram_window().getLocationOnScreen()
        x = at.X + ORIGIN + box.x * zoom - hs
        y = at.Y + ORIGIN + box.y * zoom - vs
        return x, y, box.width * zoom, box.height * zoom

    def xdotool(self, *args):
        env = dict(os.environ, DISPLAY=self.xvfb.display)
        subprocess.run(["xdotool"] + [str(a) for a in args], env=env, check=True, timeout=30)

    def key(self, name):
        """A key press for the window under the mouse, given the X input focus first (there is
        no window manager to move it from a window that had it before)."""
        env = dict(os.environ, DISPLAY=self.xvfb.display)
        where = subprocess.run(["xdotool", "getmouselocation", "--shell"], env=env,
                               capture_output=True, text=True, timeout=30).stdout
        window = re.search(r"WINDOW=(\d+)", where)
        if window:
            subprocess.run(["xdotool", "windowfocus", window.group(1)], env=env, timeout=30)
        self.xdotool("key", name)

    def click(self, box):
        x, y, w, h = self.on_screen(box)
        # Into the box from outside first, as a user's pointer arrives.
        self.xdotool("mousemove", int(x + w / 2), int(y - 20 if y > 40 else y + h + 20),
                     "sleep", "0.2", "mousemove", int(x + w / 2), int(y + h / 2),
                     "sleep", "0.2", "click", "1")

    def selected_rows(self):
        a = self.doc.CurrentController.getSelection().getRangeAddress()
        return a.StartRow, a.EndRow

    def screenshot(self, name):
        if shutil.which("import") is None:
            return None
        artifacts = ARTIFACTS
        os.makedirs(artifacts, exist_ok=True)
        path = os.path.join(artifacts, name)
        subprocess.run(["import", "-display", self.xvfb.display, "-window", "root", path],
                       check=False, timeout=60)
        return path if os.path.exists(path) else None

    @staticmethod
    def pixel(path, x, y):
        out = subprocess.run(["convert", path, "-crop", "1x1+%d+%d" % (x, y), "txt:-"],
                             capture_output=True, text=True, check=True).stdout
        return re.search(r"#[0-9A-Fa-f]{6}", out).group(0).upper()

    def list_marks(self):
        """{name: [marks]} from the list view's tree, the reference for the diagram's tones."""
        root = self.panel().getControl("tree").getModel().DataModel.getRoot()
        out = {}
        stack = [root]
        while stack:
            node = stack.pop()
            for i in range(node.getChildCount()):
                child = node.getChildAt(i)
                head = child.getDisplayValue().rsplit(DASH, 1)[0]
                marks = []
                while head.split(" ", 1)[0] in list(LIST_MARKS) + list(HYPOTHESIS_MARKS):
                    mark, head = head.split(" ", 1)
                    marks.append(mark)
                out[head] = marks
                stack.append(child)
        return out

    # The steps ----------------------------------------------------------------------------

    def test_00_every_kpi_as_a_box_with_its_value_tone_and_colour(self):
        self.assertTrue(wait_for(lambda: "12 KPIs" in self.label("status"), 30),
                        self.label("status"))
        self.assertTrue(wait_for(lambda: len(self.boxes()) == 12, 10))
        boxes = self.boxes()
        marks = self.list_marks()
        self.assertEqual(sorted(b.name for b in boxes), sorted(marks))
        self.assertEqual(boxes[0].name, "Sales")
        self.assertEqual(boxes[0].depth, 0)
        sheet = self.doc.Sheets.getByName("KPI tree")
        for b in boxes:
            identity = [LIST_MARKS[m] for m in marks[b.name] if m in LIST_MARKS]
            hypothesis = [HYPOTHESIS_MARKS[m] for m in marks[b.name] if m in HYPOTHESIS_MARKS]
            self.assertEqual(b.tone, identity[0] if identity else "plain", b.name)
            self.assertEqual(b.link_tone, hypothesis[0] if hypothesis else "plain", b.name)
            self.assertEqual(b.fill, FILLS[b.tone], b.name)
            # The value as the cell shows it: the latest month (column AA) in its own format.
            self.assertEqual(b.value, sheet.getCellByPosition(LATEST, b.row).getString(), b.name)
            self.assertRegex(b.change, r"^[+\u2212]?\d", b.name)
        self.assertEqual(self.box("Sales").tone, "mismatch")  # the planted 2025-08 deal
        self.assertEqual(self.box("MQLs").tone, "holds")
        # 24 months: both ~ links are tested; the data make the webinar link true (examples/).
        self.assertEqual(self.box("Webinar attendees").link_tone, "supported")
        self.assertEqual(self.box("URL click rate of openers").link_tone, "unsupported")
        # The colours on the screen: each visible box's fill, left of its texts.
        time.sleep(1.0)
        shot = self.screenshot("diagram-check.png")
        if shot:
            window = self.diagram_window()
            at, size = window.getLocationOnScreen(), window.getSize()
            checked = 0
            for b in boxes:
                x, y, w, h = self.on_screen(b)
                px, py = int(x + 3), int(y + h / 2)
                if at.X <= px < at.X + size.Width - 4 and at.Y <= py < at.Y + size.Height - 4:
                    self.assertEqual(self.pixel(shot, px, py), b.fill, b.name)
                    checked += 1
            self.assertGreaterEqual(checked, 3)

    def test_01_clicking_a_box_selects_its_row_and_arrow_keys_move(self):
        self.panel()
        target = self.box("Deals from marketing")
        self.click(target)
        self.assertEqual(wait_for(lambda: self.selected_rows() == (target.row, target.row) and
                                  self.selected_rows(), 5), (target.row, target.row))
        self.assertTrue(self.label("diagramInfo").startswith("Deals from marketing" + DASH),
                        self.label("diagramInfo"))
        self.assertTrue(self.diagram_window().getAccessibleName().endswith(
            self.label("diagramInfo")))
        # Down: the next box in reading order (its first child); Left: back to the parent.
        boxes = self.boxes()
        following = boxes[[b.name for b in boxes].index("Deals from marketing") + 1]
        self.key("Down")
        self.assertEqual(wait_for(lambda: self.selected_rows()[0] == following.row and
                                  self.selected_rows()[0], 5), following.row)
        self.key("Left")
        self.assertEqual(wait_for(lambda: self.selected_rows()[0] == target.row and
                                  self.selected_rows()[0], 5), target.row)

    def test_02_toggle_to_the_list_and_back(self):
        self.assertTrue(self.visible("diagramKpi"))
        self.assertFalse(self.visible("tree"))
        self.press("diagramToggle")
        self.assertTrue(wait_for(lambda: self.visible("tree"), 5))
        self.assertFalse(self.visible("diagramKpi"))
        self.assertEqual(self.label("diagramToggle"), "Show as diagram")
        self.press("diagramToggle")
        self.assertTrue(wait_for(lambda: self.visible("diagramKpi"), 5))
        self.assertFalse(self.visible("tree"))
        self.assertEqual(self.label("diagramToggle"), "Show as list")

    def test_03_what_if_changes_the_shown_kgi_and_inserts_one_undo_step(self):
        sales_before = self.box("Sales").value
        self.click(self.box("Deals from marketing"))
        wait_for(lambda: self.label("diagramInfo").startswith("Deals from marketing"), 5)
        self.panel().getControl("whatifValue").setText("+10%")
        self.press("whatifTry")
        self.assertTrue(wait_for(lambda: "\u2192" in self.label("diagramInfo"), 5),
                        self.label("diagramInfo"))
        info = self.label("diagramInfo")
        self.assertTrue(info.startswith("What-if: Sales " + sales_before + " \u2192 "), info)
        self.assertIn("(+10", info)
        sales_after = self.box("Sales").value
        self.assertNotEqual(sales_after, sales_before)
        self.assertIn(sales_after, info)
        sheet = self.doc.Sheets.getByName("KPI tree")
        self.assertEqual(sheet.getCellByPosition(LATEST, 1).getString(), sales_before)  # not written
        self.time_screenshot()
        # Reset: the actual values again; Try again for the block.
        self.press("whatifReset")
        self.assertTrue(wait_for(lambda: self.box("Sales").value == sales_before, 5))
        self.assertFalse(self.label("diagramInfo").startswith("What-if"))
        self.press("whatifTry")
        self.assertTrue(wait_for(lambda: self.box("Sales").value == sales_after, 5))
        # Insert the block: a changes range and KPI.WHATIF beside the table, one Undo step.
        self.press("whatifInsert")
        formula_cell = wait_for(lambda: self.find_whatif(sheet), 10)
        self.assertTrue(formula_cell, "no KPI.WHATIF block was written")
        column = formula_cell
        self.assertEqual(sheet.getCellByPosition(column - 3, 1).getString(),
                         "Deals from marketing")
        self.assertEqual(sheet.getCellByPosition(column - 2, 1).getString(), "+10%")
        value = sheet.getCellByPosition(column, 1).getValue()  # Sales' what-if value
        formatter = self.office.ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.util.NumberFormatter", self.office.ctx)
        formatter.attachNumberFormatsSupplier(self.doc)
        key = sheet.getCellByPosition(LATEST, 1).NumberFormat
        self.assertEqual(formatter.convertNumberToString(key, value), sales_after)
        undo = self.doc.getUndoManager()
        self.assertEqual(undo.getCurrentUndoActionTitle(), "Insert KPI what-if")
        undo.undo()
        self.assertFalse(wait_for(lambda: self.find_whatif(sheet), 2))
        self.assertEqual(sheet.getCellByPosition(column - 3, 1).getString(), "")
        self.assertTrue(self.office.alive())

    def test_04_values_in_finnish_and_french_cell_formats(self):
        """A box shows its value as its cell does, in the cell format's own locale."""
        import uno
        rows = (("Name", "Parent", "Link", "P1", "P2"),
                ("Sales", "", "", 1000000.5, 1234567.25),
                ("Deals", "Sales", "*", 50.0, 61.0),
                ("Average order value", "Sales", "*", 20000.01, 20238.807377049))
        for language, country in (("fi", "FI"), ("fr", "FR")):
            doc = self.office.new_calc()
            window = doc.CurrentController.Frame.ContainerWindow
            window.setPosSize(0, 0, 1580, 980, 15)
            window.setVisible(True)
            sheet = doc.Sheets.getByIndex(0)
            sheet.getCellRangeByName("A1:E4").setDataArray(rows)
            locale = uno.createUnoStruct("com.sun.star.lang.Locale")
            locale.Language, locale.Country = language, country
            key = doc.NumberFormats.getFormatIndex(4, locale)  # NUMBER_1000DEC2: #,##0.00
            sheet.getCellRangeByName("D2:E4").NumberFormat = key
            doc.CurrentController.select(sheet.getCellRangeByName("B2"))
            cls = type(self)
            saved, saved_doc = cls.dialog, cls.doc
            cls.dialog, cls.doc = None, doc
            try:
                self.assertTrue(wait_for(lambda: len(self.boxes()) == 3, 30))
                sales = self.box("Sales")
                shown = sheet.getCellByPosition(4, 1).getString()
                self.assertEqual(sales.value, shown)
                self.assertIn(",25", shown)  # the decimal comma of both locales
                self.assertNotIn(".", shown)
                self.assertTrue(sales.change.endswith("%"), sales.change)
                self.assertIn(",", sales.change)  # 23,46 %: the percent in the same locale
            finally:
                cls.dialog, cls.doc = saved, saved_doc
                doc.setModified(False)
                doc.close(True)
        self.assertTrue(self.office.alive())

    def test_05_a_thousand_kpis_and_a_bad_what_if(self):
        """1,000 KPIs: every one a box, a click still selects its row; a what-if value that is
        no number says so and changes nothing."""
        from test_sidebar import big_table
        rows = big_table(1000)
        doc = self.office.new_calc()
        window = doc.CurrentController.Frame.ContainerWindow
        window.setPosSize(0, 0, 1580, 980, 15)
        window.setVisible(True)
        sheet = doc.Sheets.getByIndex(0)
        sheet.getCellRangeByName("A1:F%d" % len(rows)).setDataArray(rows)
        doc.CurrentController.select(sheet.getCellRangeByName("B5"))  # not Sales' row
        cls = type(self)
        saved, saved_doc = cls.dialog, cls.doc
        cls.dialog, cls.doc = None, doc
        try:
            started = time.time()
            self.assertTrue(wait_for(lambda: len(self.boxes()) == 1000, 60))
            print("1,000 KPIs shown in the diagram after %.1f s" % (time.time() - started))
            sales = self.box("Sales")  # in view: the diagram centres the KGI
            self.click(sales)
            self.assertEqual(wait_for(lambda: self.selected_rows() == (sales.row, sales.row) and
                                      self.selected_rows(), 10), (sales.row, sales.row))
            self.key("Down")  # Sales' first child, scrolled into view
            region = self.boxes()[1]
            self.assertEqual(wait_for(lambda: self.selected_rows()[0] == region.row and
                                      self.selected_rows()[0], 10), region.row,
                             (self.selected_rows(), self.label("diagramInfo")))
            self.panel().getControl("whatifValue").setText("a lot")
            self.press("whatifTry")
            self.assertTrue(wait_for(lambda: self.label("diagramInfo").startswith(
                "Type a number or a change"), 5), self.label("diagramInfo"))
            self.assertEqual(self.box("Sales").value, sales.value)
        finally:
            cls.dialog, cls.doc = saved, saved_doc
            doc.setModified(False)
            doc.close(True)
        self.assertTrue(self.office.alive())

    def test_06_zoom_and_fit(self):
        sheet = self.doc.Sheets.getByName("KPI tree")  # back in the table after test_03's Undo
        self.doc.CurrentController.select(sheet.getCellRangeByName("B3"))
        self.assertTrue(wait_for(lambda: len(self.boxes()) == 12, 10))
        zoom = self.view()[0]
        self.press("diagramZoomIn")
        self.assertTrue(wait_for(lambda: self.view()[0] == int(zoom * 125) / 100.0, 5),
                        (zoom, self.view()))
        self.press("diagramZoomOut")
        self.assertTrue(wait_for(lambda: self.view()[0] < int(zoom * 125) / 100.0, 5))
        # Fit: the whole width of the diagram in the window (zoom in whole percent).
        self.press("diagramFit")
        width = max(b.x + b.width for b in self.boxes())
        window = self.diagram_window().getSize().Width
        expected = min(max(int(100 * (window - 16) / width) / 100.0, 0.2), 1.5)
        self.assertTrue(wait_for(lambda: abs(self.view()[0] - expected) < 0.011, 5),
                        (self.view(), expected))
        bar = self.panel().getControl("diagramHScroll").getModel()
        self.assertLessEqual(bar.ScrollValueMax, bar.VisibleSize + 16 + 2)  # nothing to scroll
        self.assertTrue(self.office.alive())

    def test_04b_a_transposed_table(self):
        """One column per KPI: the boxes show the cells' values, and the what-if block goes
        below the table, KPI.WHATIF's result aligned with its columns."""
        rows = (("Name", "Sales", "Deals", "Average order value"),
                ("Parent", "", "Sales", "Sales"),
                ("Link", "", "*", "*"),
                ("P1", 1000.0, 10.0, 100.0),
                ("P2", 1200.0, 12.0, 100.0))
        doc = self.office.new_calc()
        window = doc.CurrentController.Frame.ContainerWindow
        window.setPosSize(0, 0, 1580, 980, 15)
        window.setVisible(True)
        sheet = doc.Sheets.getByIndex(0)
        sheet.getCellRangeByName("A1:D5").setDataArray(rows)
        doc.CurrentController.select(sheet.getCellRangeByName("B2"))
        cls = type(self)
        saved, saved_doc = cls.dialog, cls.doc
        cls.dialog, cls.doc = None, doc
        try:
            self.assertTrue(wait_for(lambda: len(self.boxes()) == 3, 30))
            deals = self.box("Deals")
            self.assertEqual(deals.row, 2)  # its column
            self.assertEqual(deals.value, sheet.getCellByPosition(2, 4).getString())
            self.click(deals)
            self.assertTrue(wait_for(lambda: self.label("diagramInfo").startswith("Deals"), 5),
                            self.label("diagramInfo"))
            self.panel().getControl("whatifValue").setText("15")
            self.press("whatifTry")
            self.assertTrue(wait_for(lambda: self.box("Sales").value == "1500", 5),
                            self.box("Sales").value)
            self.press("whatifInsert")
            # Below the table after one empty row: the changes range (rows 7-8), KPI.WHATIF
            # over rows 10-11 under the table's columns.
            self.assertTrue(wait_for(
                lambda: "WHATIF" in sheet.getCellByPosition(1, 9).getFormula().upper(), 10))
            self.assertEqual(sheet.getCellByPosition(0, 7).getString(), "Deals")
            self.assertEqual(sheet.getCellByPosition(1, 7).getValue(), 15.0)
            self.assertEqual(sheet.getCellByPosition(1, 9).getValue(), 1500.0)  # Sales
        finally:
            cls.dialog, cls.doc = saved, saved_doc
            doc.setModified(False)
            doc.close(True)
        self.assertTrue(self.office.alive())

    @staticmethod
    def find_whatif(sheet):
        for column in range(LATEST + 1, LATEST + 30):
            if "WHATIF" in sheet.getCellByPosition(column, 1).getFormula().upper():
                return column
        return None

    def time_screenshot(self):
        """The deck with the diagram showing a what-if, cut out of the screen for the README.
        The sidebar is dragged wider first (by its left edge), as a user would to see more."""
        at = self.panel().getAccessibleContext().getLocationOnScreen()
        self.xdotool("mousemove", at.X - 5, 500, "sleep", "0.3", "mousedown", "1", "sleep", "0.3",
                     "mousemove", at.X - 55, 500, "sleep", "0.3", "mousemove", at.X - 400, 500,
                     "sleep", "0.3", "mouseup", "1")
        time.sleep(1.5)
        path = self.screenshot("diagram-screen.png")
        if not path:
            return
        panel = self.panel().getAccessibleContext()
        at, size = panel.getLocationOnScreen(), panel.getSize()
        x, y = max(at.X - 12, 0), max(at.Y - 40, 0)
        crop = "%dx%d+%d+%d" % (size.Width + 24, min(size.Height + 40, 1000 - y), x, y)
        path = os.path.join(os.path.dirname(path), "diagram.png")
        subprocess.run(["convert", os.path.join(os.path.dirname(path), "diagram-screen.png"),
                        "-crop", crop, "+repage", path], check=True, timeout=60)
        if os.environ.get("KPITREE_UPDATE_SCREENSHOT"):
            docs = os.path.join(SOURCE, "docs")
            os.makedirs(docs, exist_ok=True)
            shutil.copyfile(path, os.path.join(docs, "diagram.png"))


if __name__ == "__main__":
    unittest.main()
