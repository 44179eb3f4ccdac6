"""The KPI Tree sidebar deck in a real GUI LibreOffice under Xvfb: what the panel shows (tree
labels with status marks, lint findings, messages), clicking a KPI, refresh on edits, the insert
buttons with Undo, its language, and robustness (empty sheet, no tree, switching sheets and
documents, closing a document with the panel open, a 1,000-KPI tree).

Runs as one office session; the steps are numbered because they build on each other.
Skips (exit code 77 under ctest) only when no X server can be started."""
import os
import random
import shutil
import subprocess
import sys
import time
import unittest

import uno
from com.sun.star.beans import PropertyValue

from gui_support import ARTIFACTS, EXAMPLE, GuiOfficeCase, SOURCE, find_accessible, wait_for


HYPOTHESIS_MARKS = ("~✔", "~✘", "~?")
MARKS = ("✔", "✘", "⚠") + HYPOTHESIS_MARKS
NO_TREE = "No KPI tree here."


def undo_when_closed(undo, seconds=10):
    """Edit > Undo once the panel has closed its undo context: the button's handler runs on the
    office's thread and may still be between setting the formula and closing the context."""
    deadline = time.time() + seconds
    while True:
        try:
            undo.undo()
            return
        except Exception as e:  # UndoContextNotClosedException while the handler finishes
            if "UndoContextNotClosed" not in type(e).__name__ or time.time() > deadline:
                raise
            time.sleep(0.1)



def split_label(label):
    """A tree line "✔ ~? Name — 1,234 (+4.2%)" as (["✔", "~?"], "Name", "1,234"): marks first,
    the change against the previous period (change_of) after the value."""
    head, value = label.rsplit(" — ", 1)
    value = value.split(" (", 1)[0]
    marks = []
    while True:
        first, _, rest = head.partition(" ")
        if first in MARKS and rest:
            marks.append(first)
            head = rest
        else:
            return marks, head, value


def change_of(label):
    """The change of a tree line in percent ("… — 1,234 (+4.2%)" -> 4.2, "+4,2 %" in fi and
    fr), None without one."""
    value = label.rsplit(" — ", 1)[1]
    if " (" not in value:
        return None
    first = value.split(" (", 1)[1][:-1].split(", ")[0]
    for space in (" ", "\u00a0", "\u202f", "%"):
        first = first.replace(space, "")
    return float(first.replace("\u2212", "-").replace(",", "."))


def name_of(label):
    return split_label(label)[1]


def marks_of(label):
    return split_label(label)[0]


def number_of(label):
    """The value of a tree line as a float ("422,980" -> 422980.0)."""
    return float(split_label(label)[2].replace(",", ""))


def spec_table(periods=24, seed=4):
    """The SPEC's example tree with `periods` months of data; identities hold exactly."""
    rng = random.Random(seed)
    header = ("Name", "Parent", "Link") + tuple("M%d" % (i + 1) for i in range(periods))
    webinar, meetings, close, aov = [], [], [], []
    w = 300.0
    for t in range(periods):
        w = w * (1 + rng.uniform(-0.08, 0.12))
        webinar.append(round(w))
        meetings.append(round(0.6 * (webinar[t - 1] if t else w) + rng.uniform(-10, 10)))
        close.append(round(0.25 + rng.uniform(-0.02, 0.02), 4))
        aov.append(round(20000 + 150 * t + rng.uniform(-300, 300)))
    deals = [m * c for m, c in zip(meetings, close)]
    sales = [d * a for d, a in zip(deals, aov)]
    rows = [header,
            ("Sales", "", "") + tuple(sales),
            ("Deals", "Sales", "*") + tuple(deals),
            ("Average order value", "Sales", "*") + tuple(float(v) for v in aov),
            ("Meetings", "Deals", "*") + tuple(float(v) for v in meetings),
            ("Close rate", "Deals", "*") + tuple(close),
            ("Webinar attendance", "Meetings", "~") + tuple(float(v) for v in webinar)]
    return tuple(tuple(r) for r in rows)


def big_table(count=1000, periods=3):
    """A KGI with `count` - 1 KPIs below it: Sales = Σ regions, region = Σ products."""
    rows = [("Name", "Parent", "Link") + tuple("P%d" % (i + 1) for i in range(periods))]
    leaves_per_region = 9
    regions = (count - 1) // (leaves_per_region + 1)
    names = []
    region_rows = []
    for r in range(regions):
        leaf_rows = [("Product %d.%d" % (r, k), "Region %d" % r, "+") +
                     tuple(float(1 + k + p) for p in range(periods))
                     for k in range(leaves_per_region)]
        total = tuple(sum(lr[3 + p] for lr in leaf_rows) for p in range(periods))
        region_rows.append(("Region %d" % r, "Sales", "+") + total)
        region_rows.extend(leaf_rows)
        names.append("Region %d" % r)
    extra = count - 1 - regions * (leaves_per_region + 1)
    for e in range(extra):
        region_rows.append(("Other %d" % e, "Sales", "+") + tuple(0.0 for _ in range(periods)))
    sales = tuple(sum(row[3 + p] for row in region_rows if row[1] == "Sales")
                  for p in range(periods))
    rows.append(("Sales", "", "") + sales)
    rows.extend(region_rows)
    return tuple(tuple(r) for r in rows)


def column_letter(index):
    name = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        name = chr(ord("A") + rem) + name
    return name


class Sidebar(GuiOfficeCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.doc = None

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()

    # Helpers -------------------------------------------------------------------------------

    @staticmethod
    def tree_nodes(dialog):
        """[(depth, label, node)] depth-first, as the tree control shows them."""
        root = dialog.getControl("tree").getModel().DataModel.getRoot()
        out = []

        def walk(node, depth):
            for i in range(node.getChildCount()):
                child = node.getChildAt(i)
                out.append((depth, child.getDisplayValue(), child))
                walk(child, depth + 1)

        walk(root, 0)
        return out

    def labels(self, dialog):
        return [(d, label) for d, label, _ in self.tree_nodes(dialog)]

    def label_of(self, dialog, name):
        for _, label, _ in self.tree_nodes(dialog):
            if name_of(label) == name:
                return label
        return None

    @staticmethod
    def findings(dialog):
        return list(dialog.getControl("findings").getModel().StringItemList)

    @staticmethod
    def press(dialog, name):
        control = dialog.getControl(name)
        context = control.getAccessibleContext()
        context.doAccessibleAction(0)

    @staticmethod
    def diagram_window(dialog):
        """The painted diagram's accessible component (its name starts with the diagram's)."""
        return find_accessible(dialog.getAccessibleContext(), "KPI tree diagram")

    def assert_texts_fit(self, dialog, language):
        """Regression: buttons paired two per row cut their labels. Every button shown is at
        least as wide as its text needs (its minimum size: the label measured by the office)."""
        names = ("insertCheck", "insertCausal", "insertContrib", "insertWaterfall",
                 "insertDiagram", "shareValues", "help", "diagramToggle", "diagramFit",
                 "whatifTry", "whatifReset", "whatifInsert")
        for name in names:
            control = dialog.getControl(name)
            if not control.getPeer().isVisible():
                continue
            need, have = control.getMinimumSize().Width, control.getPosSize().Width
            self.assertLessEqual(need, have, "%s: %r needs %d px, has %d (%s)"
                                 % (name, control.getModel().Label, need, have, language))

    def select(self, doc, sheet, cell):
        doc.CurrentController.setActiveSheet(sheet)
        doc.CurrentController.select(sheet.getCellRangeByName(cell))

    def screenshot(self, name):
        if shutil.which("import") is None:
            return None
        artifacts = ARTIFACTS
        os.makedirs(artifacts, exist_ok=True)
        path = os.path.join(artifacts, name)
        subprocess.run(["import", "-display", self.xvfb.display, "-window", "root", path],
                       check=False, timeout=60)
        return path if os.path.exists(path) else None

    def save_screenshot(self):
        """The artifact goes to build/artifacts; KPITREE_UPDATE_SCREENSHOT=1 also refreshes the
        README's docs/sidebar.png (a test run must not modify the checkout otherwise)."""
        path = self.screenshot("sidebar.png")
        if path and os.environ.get("KPITREE_UPDATE_SCREENSHOT"):
            docs = os.path.join(SOURCE, "docs")
            os.makedirs(docs, exist_ok=True)
            shutil.copyfile(path, os.path.join(docs, "sidebar.png"))
        return path

    # The steps ----------------------------------------------------------------------------

    def test_00_example_workbook(self):
        self.assertTrue(os.path.exists(EXAMPLE), EXAMPLE)
        doc = self.office.load(EXAMPLE, hidden=False)
        window = doc.CurrentController.Frame.ContainerWindow
        window.setPosSize(0, 0, 1580, 980, 15)
        window.setVisible(True)
        sheet = doc.Sheets.getByName("KPI tree")
        self.select(doc, sheet, "B3")
        dialog = self.open_panel(doc)
        self.assertTrue(wait_for(lambda: "12 KPIs" in self.status(dialog), 20),
                        self.status(dialog))
        self.assertIn("KPI tree.A1:AA13", self.status(dialog))
        # The panel's minimal width (340 px) widens the deck when it is shown.
        self.assertTrue(wait_for(lambda: dialog.getPosSize().Width >= 330, 5),
                        dialog.getPosSize().Width)
        labels = self.labels(dialog)
        tops = [label for depth, label in labels if depth == 0]
        self.assertEqual(len(tops), 1)
        # The KGI at the top; the imported Sales misses Deals × AOV in 2025-08.
        # The mark comes first, so a narrow sidebar cannot cut it off; values are grouped.
        self.assertTrue(tops[0].startswith("✘ Sales — "), tops[0])
        self.assertEqual(marks_of(tops[0]), ["✘"], tops[0])
        self.assertRegex(split_label(tops[0])[2], r"^\d{1,3}(,\d{3})+$")
        names = {name_of(label): (depth, label) for depth, label in labels}
        self.assertEqual(len(names), 12)
        self.assertEqual(names["Deals from marketing"][0], 1)
        self.assertEqual(names["Business meetings"][0], 2)
        self.assertEqual(names["MQLs"][0], 3)
        self.assertEqual(names["Leads"][0], 4)
        self.assertTrue(names["Deals from marketing"][1].startswith("✔ Deals from marketing — "), names["Deals from marketing"][1])
        self.assertTrue(names["MQLs"][1].startswith("✔ MQLs — "), names["MQLs"][1])
        for hypothesis in ("Webinar attendees", "URL click rate of openers"):
            marks = marks_of(names[hypothesis][1])
            self.assertEqual(len(marks), 1, names[hypothesis][1])
            self.assertIn(marks[0], HYPOTHESIS_MARKS)
        self.assertTrue(all(" — " in label for _, label in labels))
        findings = self.findings(dialog)
        self.assertTrue(findings)
        for f in findings:
            self.assertRegex(f, r"^(ERROR|WARN|INFO|OK)")
        # Click Deals from marketing: its row (table row 3 = sheet row 3) is selected across the table.
        nodes = {name_of(label): node for _, label, node in self.tree_nodes(dialog)}
        dialog.getControl("tree").select(nodes["Deals from marketing"])

        def selected():
            a = doc.CurrentController.getSelection().getRangeAddress()
            return (a.StartColumn, a.StartRow, a.EndColumn, a.EndRow)

        self.assertEqual(wait_for(lambda: selected() == (0, 2, 26, 2) and selected(), 5),
                         (0, 2, 26, 2))
        time.sleep(0.5)
        self.save_screenshot()
        # Regression: the diagram, the deck's main view, was 130 px of a 900 px deck; it gets
        # the height the rest leaves (findings, buttons two per row where their labels fit).
        deck = dialog.getPosSize().Height
        diagram = self.diagram_window(dialog)
        self.assertIsNotNone(diagram, "no diagram window")
        height = diagram.getSize().Height
        print("\ndiagram %d px of the deck's %d px (%.0f %%)" % (height, deck, 100.0 * height / deck),
              file=sys.stderr)
        self.assertGreaterEqual(height, 0.4 * deck, (height, deck))
        self.assert_texts_fit(dialog, "en")
        doc.setModified(False)
        doc.close(True)  # with the panel open
        time.sleep(0.5)
        self.assertTrue(self.office.alive())

    def test_01_panel_shows_tree_marks_and_findings(self):
        cls = type(self)
        cls.doc = doc = self.new_document()
        sheet = doc.Sheets.getByIndex(0)
        rows = spec_table()
        cls.rows = rows
        # The table at B2, so every row and column offset is exercised.
        end = column_letter(len(rows[0]))
        sheet.getCellRangeByName("B2:%s%d" % (end, len(rows) + 1)).setDataArray(rows)
        cls.table = (1, 1, len(rows[0]), len(rows))  # start col, start row, end col, end row
        self.select(doc, sheet, "C4")
        cls.dialog = dialog = self.open_panel(doc)

        self.assertTrue(wait_for(lambda: self.status(dialog).startswith("Tree table")),
                        self.status(dialog))
        self.assertIn("Sheet1.B2:", self.status(dialog))
        self.assertIn("6 KPIs", self.status(dialog))

        labels = self.labels(dialog)
        names = [(d, name_of(label)) for d, label in labels]
        self.assertEqual(names, [(0, "Sales"), (1, "Deals"), (2, "Meetings"),
                                 (3, "Webinar attendance"), (2, "Close rate"),
                                 (1, "Average order value")])
        by_name = {name_of(label): label for _, label in labels}
        latest_sales = rows[1][-1]
        self.assertTrue(by_name["Sales"].startswith("✔ Sales — "), by_name["Sales"])
        self.assertTrue(by_name["Deals"].startswith("✔ Deals — "), by_name["Deals"])
        self.assertEqual(split_label(by_name["Close rate"])[2], str(rows[5][-1]))
        # Each KPI's change against the previous period, and the period the values are from.
        sales_change = 100.0 * (rows[1][-1] - rows[1][-2]) / abs(rows[1][-2])
        self.assertAlmostEqual(change_of(by_name["Sales"]), sales_change,
                               delta=0.051 if abs(sales_change) < 10 else 0.51)
        self.assertIn("Latest period M24, change against M23", self.status(dialog))
        self.assertEqual(len(marks_of(by_name["Webinar attendance"])), 1)
        self.assertIn(marks_of(by_name["Webinar attendance"])[0], HYPOTHESIS_MARKS)
        # Shown to about six significant digits, thousands grouped.
        self.assertRegex(split_label(by_name["Sales"])[2], r"^\d{1,3}(,\d{3})+$")
        self.assertAlmostEqual(number_of(by_name["Sales"]), latest_sales,
                               delta=max(0.5, abs(latest_sales) * 1e-6))

        findings = self.findings(dialog)
        self.assertTrue(findings, "the findings list is empty")
        for f in findings:
            self.assertRegex(f, r"^(ERROR|WARN|INFO|OK)")
        # A fixed text shows "~~" as "~" (a single "~" would be a mnemonic marker).
        legend = dialog.getControl("legend").getModel().Label.replace("~~", "~")
        for mark in ("✔", "✘", "~✔", "~✘", "~?", "⚠"):
            self.assertIn(mark, legend)
        for button in ("insertCheck", "insertCausal", "insertContrib"):
            self.assertTrue(dialog.getControl(button).getModel().Enabled)

    def test_02_clicking_a_kpi_selects_its_row(self):
        doc, dialog = self.doc, self.dialog
        start_col, start_row, end_col, _ = self.table
        tree = dialog.getControl("tree")
        nodes = {name_of(label): node for _, label, node in self.tree_nodes(dialog)}
        for name, table_row in (("Close rate", 5), ("Sales", 1)):
            tree.select(nodes[name])

            def selected():
                a = doc.CurrentController.getSelection().getRangeAddress()
                return (a.StartColumn, a.StartRow, a.EndColumn, a.EndRow)

            expected = (start_col, start_row + table_row, end_col, start_row + table_row)
            self.assertEqual(wait_for(lambda: selected() == expected and selected(), 5),
                             expected, name)
        # Selecting a row of the table keeps the panel on the table.
        time.sleep(0.8)
        self.assertIn("6 KPIs", self.status(dialog))

    def test_03_refreshes_when_cells_change(self):
        doc, dialog = self.doc, self.dialog
        sheet = doc.Sheets.getByIndex(0)
        start_col, start_row, end_col, _ = self.table
        cell = sheet.getCellByPosition(end_col, start_row + 1)  # Sales, last period
        original = cell.getValue()
        cell.setValue(original + 1000.0)
        self.assertTrue(wait_for(lambda: self.label_of(dialog, "Sales").startswith("✘ "), 10),
                        (self.label_of(dialog, "Sales"), self.status(dialog)))
        self.check_mismatch_finding(doc, dialog)
        # Typing several values quickly: one refresh at the end shows the last state.
        for k in range(5):
            cell.setValue(original + k)
        cell.setValue(original)
        self.assertTrue(wait_for(lambda: self.label_of(dialog, "Sales").startswith("✔ "), 10),
                        self.label_of(dialog, "Sales"))

    def check_mismatch_finding(self, doc, dialog):
        """Regression: "✘ Sales" with "OK: no findings". The mismatch is a finding; clicking it
        selects Sales' row; its tooltip is its full text, however narrow the list."""
        start_col, start_row, end_col, _ = self.table
        findings = self.findings(dialog)
        self.assertNotIn("OK: no findings", findings)
        hits = [i for i, f in enumerate(findings)
                if f.startswith("ERROR Sales (table row 2): MISMATCH")]
        self.assertEqual(len(hits), 1, findings)
        control = dialog.getControl("findings")
        control.selectItemPos(hits[0], True)

        def selected():
            a = doc.CurrentController.getSelection().getRangeAddress()
            return (a.StartColumn, a.StartRow, a.EndColumn, a.EndRow)

        expected = (start_col, start_row + 1, end_col, start_row + 1)
        self.assertEqual(wait_for(lambda: selected() == expected and selected(), 5), expected)
        self.assertEqual(control.getModel().HelpText.replace("\n", " "), findings[hits[0]])

    def test_04_insert_buttons_write_array_formulas_and_undo(self):
        doc, dialog = self.doc, self.dialog
        sheet = doc.Sheets.getByIndex(0)
        start_col, start_row, end_col, end_row = self.table
        undo = doc.getUndoManager()
        address = "$%s$%d:$%s$%d" % (column_letter(start_col), start_row + 1,
                                     column_letter(end_col), end_row + 1)
        periods = len(self.rows[0]) - 3
        expected = [("insertCheck", "KPI.CHECK(%s)" % address),
                    ("insertCausal", "KPI.CAUSAL(%s)" % address),
                    ("insertContrib", "KPI.CONTRIB(%s;%d;%d)" % (address, periods - 1, periods))]
        # The tree shows a value as its cell does, in the cell's own number format.
        sales_cell = sheet.getCellByPosition(end_col, start_row + 1)
        sales_cell.NumberFormat = doc.NumberFormats.queryKey(
            "#,##0.00", uno.createUnoStruct("com.sun.star.lang.Locale", "en", "US", ""), False)
        self.assertRegex(sales_cell.getString(), r"^\d{1,3}(,\d{3})+\.\d\d$")
        self.assertTrue(wait_for(lambda: split_label(self.label_of(dialog, "Sales"))[2]
                                 == sales_cell.getString(), 10),
                        (self.label_of(dialog, "Sales"), sales_cell.getString()))
        for offset, (button, formula) in enumerate(expected):
            column = end_col + 2 + offset
            target = sheet.getCellRangeByPosition(column, start_row, column, end_row)
            self.press(dialog, button)
            got = wait_for(lambda: target.getArrayFormula(), 10)
            self.assertTrue(got, button)
            self.assertIn(formula.upper(), got.upper().replace(" ", "").replace(",", ";"))
            self.assertEqual(undo.getCurrentUndoActionTitle(), "Insert KPI Tree column")
            self.check_inserted_block(doc, dialog, target, column)
        # The gap column stays empty, so the table's region is unchanged.
        gap = sheet.getCellRangeByPosition(end_col + 1, start_row, end_col + 1, end_row)
        self.assertTrue(all(v == "" for (v,) in gap.getDataArray()))
        check = sheet.getCellByPosition(end_col + 2, start_row + 1)
        self.assertTrue(check.getString().startswith("OK"), check.getString())
        # Contributions come in the number format of the KGI's values.
        contrib = sheet.getCellByPosition(end_col + 4, start_row + 1)
        self.assertEqual(contrib.NumberFormat, sales_cell.NumberFormat)
        # The cursor in a verdict column keeps the tree shown.
        self.select(doc, sheet, "%s%d" % (column_letter(end_col + 2), start_row + 4))
        time.sleep(1.0)
        self.assertIn("6 KPIs", self.status(dialog))
        self.assertEqual(len(self.tree_nodes(dialog)), 6)
        # Edit ▸ Undo removes them, one column per step; the panel keeps showing the tree.
        for offset in (2, 1, 0):
            undo_when_closed(undo)
            column = end_col + 2 + offset
            target = sheet.getCellRangeByPosition(column, start_row, column, end_row)
            self.assertEqual(target.getArrayFormula(), "")
            self.assertTrue(all(v == "" for (v,) in target.getDataArray()))
            time.sleep(1.0)
            self.assertIn("6 KPIs", self.status(dialog))
            self.assertEqual(len(self.tree_nodes(dialog)), 6)

    def check_inserted_block(self, doc, dialog, target, column):
        """An inserted verdict column: conditional formats with the three KPI Tree cell styles,
        a fitting width, scrolled into view; the panel still shows the tree."""
        # The handler formats the block after writing its formula: wait until it has.
        wait_for(lambda: target.ConditionalFormat.getCount() == 3, 10)
        entries = target.ConditionalFormat
        self.assertEqual([entries.getByIndex(i).getStyleName() for i in range(entries.getCount())],
                         ["KPI Tree good", "KPI Tree bad", "KPI Tree other"])
        self.assertIn('"OK"', entries.getByIndex(0).getFormula1())
        self.assertIn('"MISMATCH"', entries.getByIndex(1).getFormula1())
        styles = doc.StyleFamilies.getByName("CellStyles")
        for name in ("KPI Tree good", "KPI Tree bad", "KPI Tree other"):
            self.assertTrue(styles.hasByName(name), name)
        self.assertTrue(doc.Sheets.getByIndex(0).Columns.getByIndex(column).OptimalWidth)
        # Scrolling comes last in the handler, after the formats: wait for it too.
        def shown():
            v = doc.CurrentController.getVisibleRange()
            return v.StartColumn <= column <= v.EndColumn
        visible = wait_for(shown, 5) and doc.CurrentController.getVisibleRange()
        self.assertTrue(visible, (doc.CurrentController.getVisibleRange().StartColumn, column,
                                  doc.CurrentController.getVisibleRange().EndColumn))
        time.sleep(0.8)
        self.assertIn("6 KPIs", self.status(dialog))

    def test_04b_a_verdict_column_touching_the_table_is_not_part_of_it(self):
        doc, dialog = self.doc, self.dialog
        doc.Sheets.insertNewByName("Adjacent", 1)
        sheet = doc.Sheets.getByName("Adjacent")
        rows = spec_table(periods=6)
        sheet.getCellRangeByName("A1:I7").setDataArray(rows)
        sheet.getCellRangeByName("J1:J7").setArrayFormula("=KPI.CHECK(A1:I7)")
        self.assertTrue(sheet.getCellByPosition(9, 1).getString().startswith("OK"),
                        sheet.getCellByPosition(9, 1).getString())
        self.select(doc, sheet, "B3")
        self.assertTrue(wait_for(lambda: "Adjacent.A1:I7" in self.status(dialog), 10),
                        self.status(dialog))
        self.assertIn("6 KPIs", self.status(dialog))
        self.assertFalse([f for f in self.findings(dialog) if "not quantifiable" in f],
                         self.findings(dialog))
        # The cursor in it shows the table it is about.
        self.select(doc, sheet, "J4")
        time.sleep(1.0)
        self.assertIn("Adjacent.A1:I7", self.status(dialog))
        doc.Sheets.removeByName("Adjacent")
        self.select(doc, doc.Sheets.getByIndex(0), "C3")
        self.assertTrue(wait_for(lambda: "Sheet1.B2:" in self.status(dialog), 10),
                        self.status(dialog))

    def test_04c_conditional_formats_survive_ods_and_xlsx(self):
        doc = self.new_document()
        try:
            sheet = doc.Sheets.getByIndex(0)
            sheet.getCellRangeByName("A1:I7").setDataArray(spec_table(periods=6))
            self.select(doc, sheet, "B3")
            dialog = self.open_panel(doc)
            self.assertTrue(wait_for(lambda: "6 KPIs" in self.status(dialog), 20),
                            self.status(dialog))
            self.press(dialog, "insertCheck")
            target = sheet.getCellRangeByName("K1:K7")
            self.assertTrue(wait_for(lambda: target.getArrayFormula(), 10))
            self.assertTrue(wait_for(lambda: target.ConditionalFormat.getCount() == 3, 10))
            directory = ARTIFACTS
            os.makedirs(directory, exist_ok=True)
            for name, flt in (("verdicts.ods", "calc8"), ("verdicts.xlsx", "Calc MS Excel 2007 XML")):
                path = os.path.abspath(os.path.join(directory, name))
                store = PropertyValue()
                store.Name, store.Value = "FilterName", flt
                doc.storeToURL(uno.systemPathToFileUrl(path), (store,))
                again = self.office.load(path, hidden=True)
                try:
                    cells = again.Sheets.getByIndex(0).getCellRangeByName("K2:K7")
                    entries = cells.ConditionalFormat
                    self.assertGreaterEqual(entries.getCount(), 3, name)
                    self.assertIn('"OK"', entries.getByIndex(0).getFormula1(), name)
                finally:
                    again.close(True)
        finally:
            doc.setModified(False)
            doc.close(True)

    def test_05_plain_message_for_a_selection_that_is_no_tree_and_an_empty_sheet(self):
        doc, dialog = self.doc, self.dialog
        sheet = doc.Sheets.getByIndex(0)
        sheet.getCellRangeByName("B30:F34").setDataArray(
            tuple(tuple(float(r * 5 + c) for c in range(5)) for r in range(5)))
        doc.CurrentController.select(sheet.getCellRangeByName("B30:F34"))
        self.assertTrue(wait_for(lambda: self.status(dialog).startswith(NO_TREE), 10),
                        self.status(dialog))
        self.assertEqual(self.tree_nodes(dialog), [])
        self.assertEqual(self.findings(dialog), [])
        self.assertFalse(dialog.getControl("insertCheck").getModel().Enabled)

        # A single empty cell far from anything.
        self.select(doc, sheet, "Z200")
        time.sleep(0.8)
        self.assertTrue(self.status(dialog).startswith(NO_TREE))

        # Another, empty sheet.
        doc.Sheets.insertNewByName("Empty", 1)
        empty = doc.Sheets.getByName("Empty")
        doc.CurrentController.setActiveSheet(empty)
        time.sleep(0.8)
        self.assertTrue(wait_for(lambda: self.status(dialog).startswith(NO_TREE), 10))
        self.assertEqual(self.tree_nodes(dialog), [])

        # Back to the tree.
        self.select(doc, sheet, "D5")
        self.assertTrue(wait_for(lambda: self.status(dialog).startswith("Tree table"), 10),
                        self.status(dialog))
        self.assertEqual(len(self.tree_nodes(dialog)), 6)
        self.assertTrue(self.office.alive())

    def test_06_a_thousand_kpis(self):
        doc, dialog = self.doc, self.dialog
        doc.Sheets.insertNewByName("Big", 2)
        big = doc.Sheets.getByName("Big")
        rows = big_table(1000)
        end = column_letter(len(rows[0]) - 1)
        big.getCellRangeByName("A1:%s%d" % (end, len(rows))).setDataArray(rows)
        started = time.time()
        self.select(doc, big, "A500")
        self.assertTrue(wait_for(lambda: "1000 KPIs" in self.status(dialog), 60),
                        self.status(dialog))
        elapsed = time.time() - started
        self.assertTrue(self.office.alive())
        root = dialog.getControl("tree").getModel().DataModel.getRoot()
        self.assertEqual(root.getChildCount(), 1)
        sales = root.getChildAt(0)
        self.assertTrue(sales.getDisplayValue().startswith("✔ Sales — "), sales.getDisplayValue())
        self.assertEqual(sales.getChildCount(), 99 + 9)  # 99 regions, 9 others
        print("\n1000-KPI tree shown in %.1f s" % elapsed, file=sys.stderr)
        self.assertLess(elapsed, 30)
        # Editing one value in it: the office keeps answering, the panel follows.
        big.getCellByPosition(3, 2).setValue(12345.0)
        self.assertTrue(wait_for(lambda: dialog.getControl("tree").getModel().DataModel
                                 .getRoot().getChildAt(0).getDisplayValue().startswith("✘ "), 30))
        self.assertTrue(self.office.alive())

    def test_07_switching_documents_and_closing_with_the_panel_open(self):
        first = self.doc
        second = self.new_document()
        sheet = second.Sheets.getByIndex(0)
        rows = spec_table(periods=6)
        sheet.getCellRangeByName("A1:I7").setDataArray(rows)
        self.select(second, sheet, "A1")
        dialog = self.open_panel(second)
        self.assertTrue(wait_for(lambda: "6 KPIs" in self.status(dialog), 20), self.status(dialog))
        # Back to the first document: its panel still works.
        first.CurrentController.Frame.ContainerWindow.setFocus()
        first.CurrentController.Frame.activate()
        self.select(first, first.Sheets.getByIndex(0), "C3")
        self.assertTrue(wait_for(lambda: "6 KPIs" in self.status(self.dialog), 10))
        # Close the second document with its panel open and the debounce timer running.
        sheet.getCellByPosition(3, 1).setValue(1.0)
        second.setModified(False)
        second.close(True)
        time.sleep(1.0)
        self.assertTrue(self.office.alive())
        # Close the first one too, right after an edit.
        first_sheet = first.Sheets.getByIndex(0)
        first_sheet.getCellByPosition(4, 3).setValue(2.0)
        first.setModified(False)
        first.close(True)
        time.sleep(1.0)
        self.assertTrue(self.office.alive())
        # The office still opens documents with the deck.
        third = self.new_document()
        dialog = self.open_panel(third)
        self.assertTrue(wait_for(lambda: self.status(dialog).startswith(NO_TREE), 10))
        third.setModified(False)
        third.close(True)
        self.assertTrue(self.office.alive())

    def test_08_panel_follows_the_office_language(self):
        provider = self.office.ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.configuration.ConfigurationProvider", self.office.ctx)
        node = PropertyValue()
        node.Name, node.Value = "nodepath", "/org.openoffice.Setup/L10N"
        access = provider.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationUpdateAccess", (node,))
        before = access.getByName("ooLocale")
        try:
            for locale, button, message in (
                    ("fr-FR", "Insérer la colonne de contrôle", "Aucun arbre de KPI ici."),
                    ("ja", "チェック列を挿入", "ここには KPI ツリーがありません。"),
                    ("zh-CN", "插入检查列", "此处没有 KPI 树。"),
                    ("zh-TW", "插入檢查欄", "此處沒有 KPI 樹。"),
                    ("fi", "Lisää tarkistussarake", "Tässä ei ole KPI-puuta.")):
                access.replaceByName("ooLocale", locale)
                access.commitChanges()
                doc = self.new_document()
                dialog = self.open_panel(doc)
                self.assertTrue(wait_for(lambda: self.status(dialog).startswith(message), 10),
                                self.status(dialog))
                self.assertEqual(dialog.getControl("insertCheck").getModel().Label, button)
                self.assert_texts_fit(dialog, locale)
                doc.setModified(False)
                doc.close(True)
        finally:
            access.replaceByName("ooLocale", before)
            access.commitChanges()
        self.assertTrue(self.office.alive())


if __name__ == "__main__":
    unittest.main()
