"""Writes the example workbooks shipped in the .oxt and opened by Tools > KPI Tree > Open an
Example, each explaining itself on its first sheet ("About"):

    marketing-automation.ods  the funnel from leads to Sales, 24 months, one true and one
                        false ~ link, a planted mismatch (the main job's example).
    e-commerce.ods      Sales = Sessions x Conversion rate x Average order value, 36 seasonal
                        months, one true driver and one seasonal look-alike among the ~ links,
                        a planted gift-card mismatch.
    saas-retention.ods  MRR = Paying customers x ARPU with the classic app hypotheses
                        (weekly login rate ~ retention, shares per user ~ retention), a Kind
                        column, 30 months.
    pnl-rollup.ods      a quarterly P&L roll-up published rounded to 0.1 thousand: the exact
                        check flags rounding, the "rounding" check only the planted revision;
                        a plan-vs-actual sheet with KPI.VARIANCE.

Every figure comes from a seeded generator, so the files are reproducible. Run with the
extension built:
    /usr/bin/python3 examples/make_examples.py build/kpitree.oxt
"""
import math
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "integration"))
import workbook  # noqa: E402
from office import Office  # noqa: E402

SEASON = [0.85, 0.80, 0.90, 0.95, 1.00, 0.95, 0.90, 0.92, 1.00, 1.05, 1.25, 1.45]


def months(first_year, count):
    return ["%d-%02d" % (first_year + m // 12, m % 12 + 1) for m in range(count)]


def funnel(rng, n):
    """A marketing funnel over `n` months: integer counts, rates as their exact ratios."""
    rows = {k: [] for k in ["leads", "opens", "mqls", "clicks", "webinar", "meetings", "deals",
                            "revenue"]}
    webinar_prev = 150
    for m in range(n):
        leads = int(4000 * (1.02 ** m) + rng.randint(-150, 150))
        opens = int(leads * rng.uniform(0.22, 0.27))
        clicks = int(opens * rng.uniform(0.14, 0.19))
        mqls = int(clicks * rng.uniform(0.55, 0.65))
        webinar = int(150 + 4 * m + rng.randint(-45, 45))
        # Last month's webinar attendees book meetings now: the ~ link is true in these data.
        meetings = int(mqls * 0.22 + 0.25 * webinar_prev + rng.randint(-4, 4))
        deals = int(meetings * rng.uniform(0.23, 0.29))
        revenue = float(deals * rng.randint(19000, 23000))
        webinar_prev = webinar
        for k, v in zip(rows, [leads, opens, mqls, clicks, webinar, meetings, deals, revenue]):
            rows[k].append(v)
    return rows


def marketing_automation():
    rng = random.Random(20261)
    n = 24
    labels = months(2025, n)
    f = funnel(rng, n)
    sales = list(f["revenue"])
    sales[labels.index("2025-08")] += 38000.0  # a deal finance booked and the CRM has not
    ratio = lambda a, b: [x / y for x, y in zip(f[a], f[b])]  # noqa: E731
    counts = lambda k: [float(v) for v in f[k]]  # noqa: E731
    rows = [
        ["Name", "Parent", "Link"] + labels,
        ["Sales", "", ""] + sales,
        ["Deals from marketing", "Sales", "\u00d7"] + counts("deals"),
        ["Average order value", "Sales", "\u00d7"] + ratio("revenue", "deals"),
        ["Business meetings", "Deals from marketing", "\u00d7"] + counts("meetings"),
        ["Meeting-to-deal rate", "Deals from marketing", "\u00d7"] + ratio("deals", "meetings"),
        ["MQLs", "Business meetings", "\u00d7"] + counts("mqls"),
        ["MQL-to-meeting rate", "Business meetings", "\u00d7"] + ratio("meetings", "mqls"),
        ["Webinar attendees", "Business meetings", "~"] + counts("webinar"),
        ["Leads", "MQLs", "\u00d7"] + counts("leads"),
        ["Email open rate", "MQLs", "\u00d7"] + ratio("opens", "leads"),
        ["Conversion rate of openers", "MQLs", "\u00d7"] + ratio("mqls", "opens"),
        ["URL click rate of openers", "MQLs", "~"] + ratio("clicks", "opens"),
    ]
    return {
        "stem": "marketing-automation",
        "title": "KPI Tree example: a marketing-automation funnel",
        "about": [
            "The KGI is Sales, decomposed down the funnel: Sales = Deals from marketing \u00d7 "
            "Average order value; Deals = Business meetings \u00d7 Meeting-to-deal rate; "
            "Meetings = MQLs \u00d7 MQL-to-meeting rate; MQLs = Leads \u00d7 Email open rate "
            "\u00d7 Conversion rate of openers. 24 months (2025-01 to 2026-12). Counts come from "
            "the CRM, rates are their exact ratios, Sales comes from the finance system.",
            "Look at the sheet 'KPI tree'. Column {v0} (KPI.CHECK) verifies every identity in "
            "every month; column {v1} (KPI.CAUSAL) tests the two ~ links, the team's beliefs "
            "about what drives the funnel.",
            "Planted problem: in 2025-08 the finance system's Sales includes a deal of 38,000 "
            "that the CRM has not booked, so Sales \u2260 Deals \u00d7 AOV in that month "
            "(MISMATCH).",
            "The evidence: webinar attendees book business meetings a month later (the data "
            "were generated so) and KPI.CAUSAL supports that link. The URL click rate of "
            "openers moves with MQLs in the same month but does not predict them: not "
            "supported, and the verdict says how much power the test had.",
            "Try: open the KPI Tree deck (View \u25b8 Sidebar, or Tools \u25b8 KPI Tree), click "
            "a KPI, change a number in the table and watch the verdicts follow.",
        ],
        "rows": rows,
        "formats": ["#,##0", "#,##0", "#,##0", "#,##0", "0.0%", "#,##0", "0.0%", "#,##0",
                    "#,##0", "0.0%", "0.0%", "0.0%"],
        "verdicts": [
            ("KPI.CHECK({tree})", 12000, None),
            ("KPI.CAUSAL({tree})", 16000, None),
        ],
    }


def e_commerce():
    rng = random.Random(20240)
    n = 36
    labels = months(2023, n)
    blog = [rng.randint(3, 16) for _ in range(n)]
    instagram = [round(24 * SEASON[m % 12] + rng.gauss(0, 2)) for m in range(n)]
    organic, paid, orders, revenue = [], [], [], []
    for m in range(n):
        s = SEASON[m % 12]
        lagged_blog = blog[m - 1] if m else 9
        organic.append(round(42000 * s * 1.01 ** m + 2500 * lagged_blog + rng.gauss(0, 800)))
        paid.append(round(18000 * s + rng.gauss(0, 1500)))
        sessions = organic[-1] + paid[-1]
        orders.append(round(sessions * (0.021 + 0.004 * (s - 1) + rng.gauss(0, 0.001))))
        revenue.append(round(orders[-1] * (68 + 10 * (s - 1) + rng.gauss(0, 2)), 2))
    sessions = [o + p for o, p in zip(organic, paid)]
    sales = list(revenue)
    planted = labels.index("2024-11")
    sales[planted] += 12400.0  # gift cards booked by finance, not sold through the shop
    rows = [
        ["Name", "Parent", "Link"] + labels,
        ["Sales", "", ""] + sales,
        ["Sessions", "Sales", "\u00d7"] + sessions,
        ["Conversion rate", "Sales", "\u00d7"] + [o / s for o, s in zip(orders, sessions)],
        ["Average order value", "Sales", "\u00d7"] + [r / o for r, o in zip(revenue, orders)],
        ["Organic sessions", "Sessions", "+"] + organic,
        ["Paid sessions", "Sessions", "+"] + paid,
        ["Blog posts published", "Organic sessions", "~"] + blog,
        ["Instagram posts", "Organic sessions", "~"] + instagram,
    ]
    return {
        "stem": "e-commerce",
        "title": "KPI Tree example: an online shop",
        "about": [
            "The KGI is monthly Sales of an online shop, decomposed as Sales = Sessions \u00d7 "
            "Conversion rate \u00d7 Average order value, and Sessions = Organic sessions + Paid "
            "sessions. 36 months (2023-01 to 2025-12) with a strong yearly cycle: a summer dip "
            "and a November-December peak.",
            "Look at the sheet 'KPI tree'. Column {v0} (KPI.CHECK) verifies every identity in "
            "every month; column {v1} (KPI.CAUSAL) tests the two ~ links, the team's hypotheses "
            "about what drives organic traffic; column {v2} (KPI.CONTRIB) splits December 2025's "
            "change of Sales into the KPIs' contributions.",
            "Planted problems: in 2024-11 the finance system's Sales includes 12,400 of gift "
            "cards that were not sold through the shop, so Sales \u2260 Sessions \u00d7 "
            "Conversion rate \u00d7 AOV in that month (MISMATCH).",
            "The evidence: blog posts published drive organic sessions one month later (the "
            "data were generated so), and KPI.CAUSAL supports that link. Instagram posts rise "
            "and fall with the season like the traffic but add nothing beyond the season: "
            "KPI.CAUSAL models the parent's own trend and yearly cycle first, so it does not "
            "call that link SUPPORTED.",
            "Try: open the KPI Tree deck (View \u25b8 Sidebar, or Tools \u25b8 KPI Tree), click "
            "a KPI, change a number in the table and watch the verdicts follow.",
        ],
        "rows": rows,
        "formats": ["#,##0", "#,##0", "0.00%", "#,##0.00", "#,##0", "#,##0", "0", "0"],
        "verdicts": [
            ("KPI.CHECK({tree})", 9000, None),
            ("KPI.CAUSAL({tree})", 16000, None),
            ('KPI.CONTRIB({tree};"2025-11";"2025-12")', 5000, "#,##0"),
        ],
    }


def saas_retention():
    rng = random.Random(7311)
    n = 30
    labels = months(2024, n)
    login = [0.6]
    for _ in range(n):
        login.append(0.6 + 0.6 * (login[-1] - 0.6) + rng.gauss(0, 0.03))
    shares = [1.2]
    for _ in range(n):
        shares.append(1.2 + 0.5 * (shares[-1] - 1.2) + rng.gauss(0, 0.08))
    start, retained, new, paying, arpu, mrr, retention = [], [], [], [], [], [], []
    customers = 2000
    for m in range(n):
        # Retention follows last month's login rate: the data make the hypothesis true.
        rate = 0.93 + 0.25 * (login[m] - 0.6) + rng.gauss(0, 0.004)
        start.append(customers)
        retained.append(round(customers * rate))
        retention.append(retained[-1] / customers)
        new.append(round(180 + 5 * m + rng.gauss(0, 20)))
        paying.append(retained[-1] + new[-1])
        arpu.append(round(49 + 0.15 * m + rng.gauss(0, 0.6), 2))
        mrr.append(round(paying[-1] * arpu[-1], 2))
        customers = paying[-1]
    rows = [
        ["Name", "Parent", "Link", "Kind"] + labels,
        ["MRR", "", "", "flow"] + mrr,
        ["Paying customers", "MRR", "\u00d7", "stock"] + paying,
        ["ARPU", "MRR", "\u00d7", "ratio"] + arpu,
        ["Retained customers", "Paying customers", "+", "stock"] + retained,
        ["New customers", "Paying customers", "+", "flow"] + new,
        ["Customers at start", "Retained customers", "\u00d7", "stock"] + start,
        ["Retention rate", "Retained customers", "\u00d7", "ratio"] + retention,
        ["Weekly login rate", "Retention rate", "~", "ratio"] + login[1:],
        ["Shares per user", "Retention rate", "~", "ratio"] + shares[1:],
    ]
    return {
        "stem": "saas-retention",
        "title": "KPI Tree example: a SaaS retention tree",
        "about": [
            "The KGI is monthly recurring revenue (MRR) of a subscription app: MRR = Paying "
            "customers \u00d7 ARPU; Paying customers = Retained customers + New customers; "
            "Retained customers = Customers at start \u00d7 Retention rate. 30 months. The "
            "Kind column says what each KPI is over time (flow, stock, ratio), which "
            "KPI.ROLLUP, KPI.TARGET and KPI.WHATIF use.",
            "The classic app hypotheses are the two ~ links under Retention rate: 'users who "
            "log in every week stay' and 'users who share stay'. Column {v1} (KPI.CAUSAL) tests "
            "them: in these data the weekly login rate drives next month's retention and "
            "sharing does not, and the verdicts say so, with the sign of the effect and the "
            "power of the test.",
            "Column {v0} (KPI.CHECK) verifies the arithmetic; it holds in every month: there is "
            "no planted mismatch in this workbook, the point is the evidence.",
            "Try: KPI.TARGET($'KPI tree'.{tree};\"+10%\") back-solves what each lever "
            "must reach for 10% more MRR; the ~ links are not levers until they are promoted "
            "to arithmetic ones.",
        ],
        "rows": rows,
        "formats": ["#,##0", "#,##0", "#,##0.00", "#,##0", "#,##0", "#,##0", "0.0%", "0.0%",
                    "0.00"],
        "verdicts": [
            ("KPI.CHECK({tree})", 6000, None),
            ("KPI.CAUSAL({tree})", 16000, None),
        ],
    }


def pnl_figures():
    rng = random.Random(4410)
    labels = ["%d-Q%d" % (2023 + q // 4, q % 4 + 1) for q in range(12)]
    lines = {k: [] for k in ["product", "services", "cogs", "salaries", "marketing", "rent",
                             "other"]}
    for q in range(12):
        lines["product"].append(1200 * 1.025 ** q + rng.gauss(0, 25))
        lines["services"].append(400 * 1.01 ** q + rng.gauss(0, 12))
        revenue = lines["product"][-1] + lines["services"][-1]
        lines["cogs"].append(revenue * (0.55 + rng.gauss(0, 0.01)))
        lines["salaries"].append(350 + 4 * q + rng.gauss(0, 5))
        lines["marketing"].append(120 + rng.gauss(0, 15))
        lines["rent"].append(60.0)
        lines["other"].append(40 + rng.gauss(0, 6))
    col = lambda *names: [sum(lines[k][q] for k in names) for q in range(12)]  # noqa: E731
    revenue = col("product", "services")
    gross = [r - c for r, c in zip(revenue, lines["cogs"])]
    opex = col("salaries", "marketing", "rent", "other")
    profit = [g - o for g, o in zip(gross, opex)]
    publish = lambda values: [round(v, 1) for v in values]  # noqa: E731
    marketing = publish(lines["marketing"])
    revised = labels.index("2024-Q3")
    marketing[revised] += 25.0  # a late invoice booked in Marketing, Opex left as reported
    rows = [
        ["Name", "Parent", "Link"] + labels,
        ["Operating profit", "", ""] + publish(profit),
        ["Gross profit", "Operating profit", "+"] + publish(gross),
        ["Operating expenses", "Operating profit", "\u2212"] + publish(opex),
        ["Revenue", "Gross profit", "+"] + publish(revenue),
        ["Cost of goods sold", "Gross profit", "\u2212"] + publish(lines["cogs"]),
        ["Product revenue", "Revenue", "+"] + publish(lines["product"]),
        ["Services revenue", "Revenue", "+"] + publish(lines["services"]),
        ["Salaries", "Operating expenses", "+"] + publish(lines["salaries"]),
        ["Marketing", "Operating expenses", "+"] + marketing,
        ["Rent", "Operating expenses", "+"] + publish(lines["rent"]),
        ["Other expenses", "Operating expenses", "+"] + publish(lines["other"]),
    ]
    return rows, plan_of(rows, rng)


def plan_of(rows, rng):
    """The plan for the last quarter: each line within ±6% of the actual, rounded as
    published, and every total the exact sum or difference of its lines (a consistent plan)."""
    plan = {r[0]: round(r[-1] * (1 + rng.uniform(-0.06, 0.06)), 1) for r in rows[6:]}
    plan["Cost of goods sold"] = round(rows[5][-1] * (1 + rng.uniform(-0.06, 0.06)), 1)
    plan["Revenue"] = plan["Product revenue"] + plan["Services revenue"]
    plan["Operating expenses"] = sum(plan[k] for k in ("Salaries", "Marketing", "Rent",
                                                        "Other expenses"))
    plan["Gross profit"] = plan["Revenue"] - plan["Cost of goods sold"]
    plan["Operating profit"] = plan["Gross profit"] - plan["Operating expenses"]
    return [["Name", "2025-Q4"]] + [[r[0], plan[r[0]]] for r in rows[1:]]


def pnl():
    rows, plan = pnl_figures()
    return {
        "stem": "pnl-rollup",
        "title": "KPI Tree example: a quarterly P&L roll-up",
        "about": [
            "A profit and loss statement as a KPI tree: Operating profit = Gross profit \u2212 "
            "Operating expenses; Gross profit = Revenue \u2212 Cost of goods sold; Revenue and "
            "Operating expenses are sums of their lines. 12 quarters in thousands, published "
            "rounded to one decimal, as finance reports are.",
            "Look at the sheet 'KPI tree'. Column {v0} (KPI.CHECK with the default tolerance) "
            "flags every quarter where the rounded lines do not add up exactly; column {v1} "
            "(KPI.CHECK with \"rounding\") accepts differences that rounding the published "
            "figures can explain and flags only what it cannot.",
            "Planted problem: in 2024-Q3 a late invoice of 25.0 was booked in Marketing but "
            "Operating expenses was left as first reported: Operating expenses is a MISMATCH "
            "in that quarter even with the rounding tolerance.",
            "Column {v2} (KPI.CONTRIB) splits the change of Operating profit from 2025-Q3 to "
            "2025-Q4 into the lines' contributions. The sheet 'Plan vs actual' compares "
            "2025-Q4 with its plan (KPI.VARIANCE): gap, contribution to the profit's gap, and "
            "AHEAD / BEHIND per line (a cost above plan is BEHIND).",
        ],
        "rows": rows,
        "formats": ["#,##0.0"] * 11,
        "verdicts": [
            ("KPI.CHECK({tree})", 9000, None),
            ('KPI.CHECK({tree};"rounding")', 9000, None),
            ('KPI.CONTRIB({tree};"2025-Q3";"2025-Q4")', 5000, "#,##0.0"),
        ],
        "plan": plan,
    }


def plan_sheet(plan):
    """A 'Plan vs actual' sheet: the plan as Name + one column, and KPI.VARIANCE beside it."""
    def add(doc, tree_sheet, tree):
        doc.Sheets.insertNewByName("Plan vs actual", 2)
        sheet = doc.Sheets.getByName("Plan vs actual")
        sheet.getCellRangeByName("A1:B%d" % len(plan)).setDataArray(tuple(tuple(r) for r in plan))
        sheet.getCellRangeByName("B2:B%d" % len(plan)).NumberFormat = workbook.number_format(
            doc, "#,##0.0")
        block = sheet.getCellRangeByName("D1:I%d" % len(plan))
        block.setArrayFormula("=KPI.VARIANCE($'KPI tree'.%s;$A$1:$B$%d)" % (tree, len(plan)))
        block.NumberFormat = workbook.number_format(doc, "#,##0.0")
        sheet.getCellRangeByName("G2:G%d" % len(plan)).NumberFormat = workbook.number_format(
            doc, "0.0%")
        workbook.colour_verdicts(sheet.getCellRangeByName("I2:I%d" % len(plan)), "I2")
        for c in range(9):
            sheet.getColumns().getByIndex(c).OptimalWidth = True
    return add


def main():
    oxt = sys.argv[1] if len(sys.argv) > 1 else "build/kpitree.oxt"
    only = sys.argv[2:]
    with Office(oxt) as office:
        for example in (marketing_automation(), e_commerce(), saas_retention(), pnl()):
            if only and example["stem"] not in only:
                continue
            path = os.path.join(HERE, example["stem"] + ".ods")
            extra = plan_sheet(example["plan"]) if "plan" in example else None
            workbook.build(office, example, path, extra)
            print("wrote", path)


if __name__ == "__main__":
    main()
