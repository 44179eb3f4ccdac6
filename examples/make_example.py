"""Writes examples/marketing-automation.ods, the bundled example workbook.

A marketing-automation KPI tree over twelve months:

    Sales = Deals from marketing x Average order value
    Deals from marketing = Business meetings x Meeting-to-deal rate
    Business meetings = MQLs x MQL-to-meeting rate          (~ Webinar attendees)
    MQLs = Leads x Email open rate x Conversion rate of openers   (~ URL click rate of openers)

Counts are integers from plausible funnels; rates are the exact ratios of those counts, as a
sheet would compute them. Sales is the figure imported from the finance system: in August it
includes a deal the CRM has not booked, so the identity Sales = Deals x AOV fails there.

Run with the extension installed so the verdict columns are stored as KPI formulas:
    /usr/bin/python3 examples/make_example.py build/kpitree.oxt
"""
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests", "integration"))
import uno  # noqa: E402
from office import Office, props  # noqa: E402

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
PLANTED_MONTH = 7          # August (0-based)
PLANTED_EXTRA = 38000.0    # an unbooked deal in the finance figure


def funnel(seed=20261):
    rng = random.Random(seed)
    rows = {k: [] for k in ["leads", "opens", "mqls", "clicks", "webinar", "meetings", "deals",
                            "revenue"]}
    webinar_prev = 120
    for m in range(12):
        leads = int(4000 * (1.03 ** m) + rng.randint(-150, 150))
        opens = int(leads * rng.uniform(0.22, 0.27))
        clicks = int(opens * rng.uniform(0.14, 0.19))
        mqls = int(clicks * rng.uniform(0.55, 0.65))
        webinar = int(120 + 6 * m + rng.randint(-15, 15))
        meetings = int(mqls * 0.22 + 0.25 * webinar_prev + rng.randint(-6, 6))
        deals = int(meetings * rng.uniform(0.23, 0.29))
        revenue = float(deals * rng.randint(19000, 23000))
        webinar_prev = webinar
        for k, v in zip(rows, [leads, opens, mqls, clicks, webinar, meetings, deals, revenue]):
            rows[k].append(v)
    return rows


def table():
    f = funnel()
    sales = list(f["revenue"])
    sales[PLANTED_MONTH] += PLANTED_EXTRA
    ratio = lambda a, b: [x / y for x, y in zip(f[a], f[b])]  # noqa: E731
    aov = [r / d for r, d in zip(f["revenue"], f["deals"])]
    return [
        ["Name", "Parent", "Link"] + MONTHS,
        ["Sales", "", ""] + sales,
        ["Deals from marketing", "Sales", "\u00d7"] + [float(v) for v in f["deals"]],
        ["Average order value", "Sales", "\u00d7"] + aov,
        ["Business meetings", "Deals from marketing", "\u00d7"] + [float(v) for v in f["meetings"]],
        ["Meeting-to-deal rate", "Deals from marketing", "\u00d7"] + ratio("deals", "meetings"),
        ["MQLs", "Business meetings", "\u00d7"] + [float(v) for v in f["mqls"]],
        ["MQL-to-meeting rate", "Business meetings", "\u00d7"] + ratio("meetings", "mqls"),
        ["Webinar attendees", "Business meetings", "~"] + [float(v) for v in f["webinar"]],
        ["Leads", "MQLs", "\u00d7"] + [float(v) for v in f["leads"]],
        ["Email open rate", "MQLs", "\u00d7"] + ratio("opens", "leads"),
        ["Conversion rate of openers", "MQLs", "\u00d7"] + ratio("mqls", "opens"),
        ["URL click rate of openers", "MQLs", "~"] + ratio("clicks", "opens"),
    ]


def main():
    oxt = sys.argv[1] if len(sys.argv) > 1 else "build/kpitree.oxt"
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "marketing-automation.ods")
    rows = table()
    last = chr(ord("A") + len(rows[0]) - 1)
    area = "A1:%s%d" % (last, len(rows))
    with Office(oxt) as office:
        doc = office.new_calc()
        sheet = doc.Sheets.getByIndex(0)
        sheet.Name = "KPI tree"
        sheet.getCellRangeByName(area).setDataArray(tuple(tuple(r) for r in rows))
        # Display formats only: the cells keep full precision.
        formats = doc.NumberFormats
        locale = uno.createUnoStruct("com.sun.star.lang.Locale")

        def number_format(code):
            key = formats.queryKey(code, locale, False)
            return key if key != -1 else formats.addNew(code, locale)

        for i, row in enumerate(rows[1:], start=2):
            code = "0.0%" if "rate" in row[0].lower() else "#,##0"
            sheet.getCellRangeByName("D%d:%s%d" % (i, last, i)).NumberFormat = number_format(code)
        # Verdicts live in the workbook: a check column after one blank column.
        check_col = chr(ord(last) + 2)
        sheet.getCellRangeByName("%s1:%s%d" % (check_col, check_col, len(rows))).setArrayFormula(
            "=KPI.CHECK(%s)" % area)
        doc.Sheets.insertNewByName("Findings", 1)
        findings = doc.Sheets.getByName("Findings")
        findings.getCellByPosition(0, 0).setString("KPI.LINT of 'KPI tree'")
        findings.getCellRangeByName("A2:A16").setArrayFormula("=KPI.LINT($'KPI tree'.%s)" % area)
        for col in range(len(rows[0])):
            sheet.getColumns().getByIndex(col).OptimalWidth = True
        sheet.getColumns().getByIndex(ord(check_col) - ord("A")).Width = 12000
        findings.getColumns().getByIndex(0).Width = 24000
        doc.storeToURL("file://" + out, props(FilterName="calc8"))
        doc.close(True)
    print("wrote", out)


if __name__ == "__main__":
    main()
