"""Writes one example workbook: an "About" sheet that explains it, the tree table with its
verdict columns (array formulas over absolute ranges, conditionally formatted), and a Findings
sheet with KPI.LINT sized to its result (so no cell shows #N/A).

Used by make_examples.py; needs a real LibreOffice with the extension installed, so the
verdict columns are stored as KPI formulas with their computed values.
"""
import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.sheet.ConditionOperator import FORMULA

# The verdict colours of SPEC ("OK / SUPPORTED / AHEAD green; MISMATCH / UNSUPPORTED / BEHIND
# / ERROR red; others grey"), as cell styles the conditional formats refer to: the same names
# and colours as the sidebar's inserted columns (src/sidebar/panel_verdict_format.cpp).
STYLES = {
    "KPI Tree good": (0xC6EFCE, 0x006100),
    "KPI Tree bad": (0xFFC7CE, 0x9C0006),
    "KPI Tree other": (0xEDEDED, 0x595959),
}
BAD = ("MISMATCH", "UNSUPPORTED", "BEHIND", "ERROR")
GOOD = ("OK", "SUPPORTED", "AHEAD")


def column_name(index):
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def prop(name, value):
    return PropertyValue(name, 0, value, 0)


def starts_with_any(cell, tokens):
    tests = ['LEFT(%s;%d)="%s"' % (cell, len(t), t) for t in tokens]
    return "OR(%s)" % ";".join(tests)


def add_styles(doc):
    cell_styles = doc.StyleFamilies.getByName("CellStyles")
    for name, (back, fore) in STYLES.items():
        if cell_styles.hasByName(name):
            continue
        style = doc.createInstance("com.sun.star.style.CellStyle")
        cell_styles.insertByName(name, style)
        style.CellBackColor = back
        style.CharColor = fore


def colour_verdicts(cell_range, top_left):
    """Green, red or grey by the verdict's leading token; the first matching entry wins."""
    entries = cell_range.ConditionalFormat
    entries.clear()
    for style, formula in (("KPI Tree bad", starts_with_any(top_left, BAD)),
                           ("KPI Tree good", starts_with_any(top_left, GOOD)),
                           ("KPI Tree other", "LEN(%s)>0" % top_left)):
        entries.addNew((prop("Operator", FORMULA), prop("Formula1", formula),
                        prop("StyleName", style)))
    cell_range.ConditionalFormat = entries


def number_format(doc, code):
    formats = doc.NumberFormats
    locale = uno.createUnoStruct("com.sun.star.lang.Locale")
    key = formats.queryKey(code, locale, False)
    return key if key != -1 else formats.addNew(code, locale)


def write_about(sheet, title, paragraphs):
    sheet.getCellByPosition(0, 0).setString(title)
    sheet.getCellByPosition(0, 0).CharHeight = 16
    sheet.getCellByPosition(0, 0).CharWeight = 150  # bold
    for i, text in enumerate(paragraphs):
        cell = sheet.getCellByPosition(0, 2 + i)
        cell.setString(text)
        cell.IsTextWrapped = True
    sheet.getColumns().getByIndex(0).Width = 24000


def write_table(doc, sheet, rows, formats):
    """The table at A1, each row's values in its number format; returns its absolute range."""
    last = column_name(len(rows[0]) - 1)
    sheet.getCellRangeByName("A1:%s%d" % (last, len(rows))).setDataArray(
        tuple(tuple(r) for r in rows))
    first_value = 4 if rows[0][3] == "Kind" else 3
    for i, code in enumerate(formats, start=2):
        if code:
            sheet.getCellRangeByName("%s%d:%s%d" % (column_name(first_value), i, last, i)
                                     ).NumberFormat = number_format(doc, code)
    for col in range(len(rows[0])):
        sheet.getColumns().getByIndex(col).OptimalWidth = True
    return "$A$1:$%s$%d" % (last, len(rows))


def write_findings(doc, tree_sheet, tree):
    """KPI.LINT on its own sheet, entered over exactly as many rows as it returns (a larger
    array range shows #N/A, and Calc repeats a one-row result over it)."""
    doc.Sheets.insertNewByName("Findings", doc.Sheets.Count)
    findings = doc.Sheets.getByName("Findings")
    findings.getCellByPosition(0, 0).setString("KPI.LINT of '%s'" % tree_sheet)
    lint = "KPI.LINT($'%s'.%s)" % (tree_sheet, tree)
    probe = findings.getCellByPosition(0, 1)
    probe.setFormula("=ROWS(%s)" % lint)
    doc.calculateAll()
    rows = int(probe.getValue())
    probe.setFormula("")
    block = findings.getCellRangeByName("A2:A%d" % (rows + 1))
    block.setArrayFormula("=" + lint)
    colour_verdicts(block, "A2")
    findings.getColumns().getByIndex(0).Width = 24000


def build(office, example, path, add_sheets=None):
    """Writes `example` (a dict: title, about, rows, formats, verdicts) to `path` as .ods."""
    doc = office.new_calc()
    add_styles(doc)
    about = doc.Sheets.getByIndex(0)
    about.Name = "About"
    doc.Sheets.insertNewByName("KPI tree", 1)
    sheet = doc.Sheets.getByName("KPI tree")
    rows = example["rows"]
    tree = write_table(doc, sheet, rows, example["formats"])
    column = len(rows[0]) + 1  # one blank column between the table and its verdicts
    # The About texts name the verdict columns as {v0}, {v1}, ... and the table as {tree}.
    names = {"v%d" % i: column_name(column + i) for i in range(len(example["verdicts"]))}
    write_about(about, example["title"],
                [p.format(tree=tree, **names) for p in example["about"]])
    for template, width, code in example["verdicts"]:
        letter = column_name(column)
        block = sheet.getCellRangeByName("%s1:%s%d" % (letter, letter, len(rows)))
        block.setArrayFormula("=" + template.format(tree=tree))
        if code:
            block.NumberFormat = number_format(doc, code)
        colour_verdicts(sheet.getCellRangeByName("%s2:%s%d" % (letter, letter, len(rows))),
                        "%s2" % letter)
        sheet.getColumns().getByIndex(column).Width = width
        column += 1
    if add_sheets:
        add_sheets(doc, sheet, tree)
    write_findings(doc, "KPI tree", tree)
    doc.calculateAll()
    doc.getCurrentController().setActiveSheet(about)
    doc.storeToURL(uno.systemPathToFileUrl(path), (prop("FilterName", "calc8"),))
    doc.close(True)
