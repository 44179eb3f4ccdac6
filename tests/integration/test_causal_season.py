"""KPI.CAUSAL on a seasonal workbook in real Calc cells: three years of months (labels
2023-01 ... 2025-12) in which every KPI has a yearly cycle. Under Orders, three hypothesis
links: Ads drives Orders one month later (a true driver: SUPPORTED), Social posts only shares
Orders' yearly cycle (not SUPPORTED: a shared season is not evidence), and Support tickets
follow Orders one month later (the hypothesis is reversed: not SUPPORTED, and the text says the
parent predicts it). Guards against the defect of issue 10: a shared yearly cycle made
unrelated KPIs SUPPORTED."""
import math
import random
import unittest

from calc_case import CalcCase


def cycle(t, amplitude, phase):
    """A yearly cycle around 1 for month t (t = 0 is January)."""
    return 1.0 + amplitude * math.sin(2.0 * math.pi * (t % 12) / 12.0 + phase)


def seasonal_workbook(months=36, seed=3):
    """Revenue = Orders x Average order value, and the three hypothesis links under Orders,
    from January 2023. Every series has a +-20-30% yearly cycle."""
    rng = random.Random(seed)
    ads, orders, social, tickets, aov = [], [], [], [], []
    a = 0.0
    for t in range(months):
        a = 0.3 * a + rng.gauss(0, 1)
        ads.append(200.0 * cycle(t, 0.3, 1.0) + 25.0 * a)
    for t in range(months):
        # Two extra orders for every ad above its seasonal norm last month.
        drive = 2.0 * (ads[t - 1] - 200.0 * cycle(t - 1, 0.3, 1.0)) if t else 0.0
        orders.append(1000.0 * cycle(t, 0.3, 0.0) + drive + rng.gauss(0, 20))
        social.append(80.0 * cycle(t, 0.3, 0.0) * (1.0 + rng.gauss(0, 0.08)))
        aov.append(round(50.0 * cycle(t, 0.05, 2.0) + rng.gauss(0, 0.5), 2))
    for t in range(months):
        # One ticket for every five orders above their seasonal norm last month.
        follow = 0.2 * (orders[t - 1] - 1000.0 * cycle(t - 1, 0.3, 0.0)) if t else 0.0
        tickets.append(150.0 * cycle(t, 0.2, 0.5) + follow + rng.gauss(0, 4))
    labels = tuple("%d-%02d" % (2023 + t // 12, t % 12 + 1) for t in range(months))
    return (("Name", "Parent", "Link") + labels,
            ("Revenue", "", "") + tuple(o * v for o, v in zip(orders, aov)),
            ("Orders", "Revenue", "*") + tuple(orders),
            ("Average order value", "Revenue", "*") + tuple(aov),
            ("Ads", "Orders", "~") + tuple(ads),
            ("Social posts", "Orders", "~") + tuple(social),
            ("Support tickets", "Orders", "~") + tuple(tickets))


class SeasonalWorkbook(CalcCase):
    def causal_column(self, rows, formula="=KPI.CAUSAL(%s)"):
        ref = self.put(rows)
        cells = self.array(formula % ref, len(rows[0]) + 1, 0, 1, len(rows))
        return ref, {row[0]: cell[0].String for row, cell in zip(rows, cells)}

    def test_driver_unrelated_season_and_reversed_link(self):
        rows = seasonal_workbook()
        ref, texts = self.causal_column(rows)
        self.assertEqual(texts["Revenue"], "")
        self.assertEqual(texts["Orders"], "IDENTITY")
        self.assertEqual(texts["Average order value"], "IDENTITY")
        for name in ("Ads", "Social posts", "Support tickets"):
            with self.subTest(name=name):
                text = texts[name]
                self.assertIn(" 36 periods, ", text)
                self.assertIn("(Holm, 3 links)", text)
                # The months are read from the labels: the yearly cycle is controlled for.
                self.assertIn("; controlled for season", text)
        ads = texts["Ads"]
        self.assertTrue(ads.startswith("SUPPORTED lag 1, 36 periods"), ads)
        self.assertIn("; positive effect; no reverse effect (p ", ads)
        social = texts["Social posts"]
        self.assertTrue(social.startswith("UNSUPPORTED "), social)
        self.assertTrue(social.endswith("% for a moderate effect: not shown, not disproved)"),
                        social)
        tickets = texts["Support tickets"]
        self.assertTrue(tickets.startswith("UNSUPPORTED "), tickets)
        self.assertIn("; the parent predicts it too (p ", tickets)
        self.assertIn("): feedback or a common driver; ", tickets)
        # The one-node form in a plain cell says the same.
        for i, name in enumerate(("Ads", "Social posts", "Support tickets")):
            one = self.cell('=KPI.CAUSAL(%s;;;"%s")' % (ref, name), "AZ%d" % (20 + i))
            self.assertEqual(one.String, texts[name])

    def test_without_a_calendar_the_season_is_not_controlled_for(self):
        rows = seasonal_workbook()
        header = ("Name", "Parent", "Link") + tuple("P%d" % (t + 1) for t in range(36))
        texts = self.causal_column((header,) + rows[1:])[1]
        for name in ("Ads", "Social posts", "Support tickets"):
            with self.subTest(name=name):
                self.assertNotIn("season", texts[name])
                self.assertIn("controlled for", texts[name])

    def test_two_years_of_months_are_enough_one_month_less_is_not(self):
        texts = self.causal_column(tuple(r[:3 + 24] for r in seasonal_workbook()))[1]
        self.assertTrue(texts["Ads"].startswith("SUPPORTED lag 1, 24 periods"), texts["Ads"])
        self.assertIn("; controlled for season", texts["Ads"])
        texts = self.causal_column(tuple(r[:3 + 23] for r in seasonal_workbook()))[1]
        for name in ("Ads", "Social posts", "Support tickets"):
            self.assertEqual(texts[name], "INSUFFICIENT 23 periods, needs 24")


if __name__ == "__main__":
    unittest.main()
