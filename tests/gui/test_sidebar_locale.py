"""The KPI Tree panel in a Finnish and in a French office (the office's locale from the
environment, the UI language from its configuration), in a real GUI LibreOffice under Xvfb:
values as their cells show them (General grouped in the locale's way, a rate in its percent
format), each KPI's change against the previous period in the locale, the period shown, and
translated findings that select their row when clicked.

Skips (exit code 77 under ctest) only when no X server can be started."""
import os
import shutil
import subprocess
import time
import unittest

import uno
from com.sun.star.beans import PropertyValue

from gui_support import ARTIFACTS, OXT
from office import Office
from test_sidebar import change_of, split_label, wait_for
from xvfb import Xvfb, XvfbUnavailable


# Sales = Orders × AOV, Orders = Visits × Conversion rate; an orphan row for a translated finding.
TABLE = (("Name", "Parent", "Link", "P1", "P2"),
         ("Sales", "", "", 400000.0, 422980.0),
         ("Orders", "Sales", "*", 250.0, 259.6),
         ("AOV", "Sales", "*", 1600.0, 422980.0 / 259.6),
         ("Visits", "Orders", "*", 1000.0, 1000.0),
         ("Conversion rate", "Orders", "*", 0.25, 0.2596),
         ("Orphan", "Nobody", "+", 1.0, 2.0))
SPACE = "[ \u00a0\u202f]"  # the thousands separators of fi and fr

EXPECTED = {
    "fi-FI": dict(summary="Puutaulukko", period="Viimeisin jakso P2, muutos jaksosta P1",
                  orphan="ERROR Orphan (taulukon rivi 7): tuntematon yläsolmu 'Nobody'",
                  no_tree="Tässä ei ole KPI-puuta."),
    "fr-FR": dict(summary="Tableau d’arbre", period="Dernière période P2, variation par rapport à P1",
                  orphan="ERROR Orphan (ligne 7 du tableau): parent inconnu « Nobody »",
                  no_tree="Aucun arbre de KPI ici."),
}


class SidebarLocale(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.xvfb = Xvfb()
        try:
            cls.xvfb.start()
        except XvfbUnavailable as e:
            if os.environ.get("CI"):
                raise
            raise unittest.SkipTest("no X server for the GUI test: %s" % e)

    @classmethod
    def tearDownClass(cls):
        cls.xvfb.stop()

    def start_office(self, tag):
        """A fresh office whose locale is `tag` (from the environment, as a user's session gives
        it) and whose UI language is `tag` (the configuration the panel reads). Each locale gets
        its own profile and process, ended at once by the test's cleanup."""
        office = Office(OXT, headless=False, display=self.xvfb.display, language=tag)
        self.addCleanup(shutil.rmtree, office.dir, True)
        self.addCleanup(office.kill)
        office.start()
        ctx = office.ctx
        provider = ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.configuration.ConfigurationProvider", ctx)
        node = PropertyValue()
        node.Name, node.Value = "nodepath", "/org.openoffice.Setup/L10N"
        access = provider.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationUpdateAccess", (node,))
        access.replaceByName("ooLocale", tag)
        access.commitChanges()
        return office

    def open_panel(self, doc):
        sidebar = doc.CurrentController.getSidebar()
        sidebar.setVisible(True)
        deck = sidebar.getDecks().getByName("KpiTreeDeck")
        deck.activate(True)
        panels = wait_for(lambda: deck.getPanels().hasByName("KpiTreePanel") and deck.getPanels())
        self.assertTrue(panels, "the KPI Tree panel did not appear")
        return wait_for(lambda: panels.getByName("KpiTreePanel").getDialog())

    def screenshot(self, name):
        if shutil.which("import") is None:
            return
        artifacts = ARTIFACTS
        os.makedirs(artifacts, exist_ok=True)
        subprocess.run(["import", "-display", self.xvfb.display, "-window", "root",
                        os.path.join(artifacts, name)], check=False, timeout=60)

    def check_locale(self, tag):
        expected = EXPECTED[tag]
        office = self.start_office(tag)
        doc = office.new_calc()
        window = doc.CurrentController.Frame.ContainerWindow
        window.setPosSize(0, 0, 1580, 980, 15)
        window.setVisible(True)
        sheet = doc.Sheets.getByIndex(0)
        sheet.getCellRangeByName("A1:E7").setDataArray(TABLE)
        rate = sheet.getCellRangeByName("D6:E6")
        # A percentage with two decimals in the office's locale (the empty locale).
        formats, locale = doc.NumberFormats, uno.createUnoStruct("com.sun.star.lang.Locale")
        code = formats.generateFormat(formats.getStandardFormat(
            uno.getConstantByName("com.sun.star.util.NumberFormat.PERCENT"), locale),
            locale, False, False, 2, 1)
        key = formats.queryKey(code, locale, False)
        rate.NumberFormat = key if key >= 0 else formats.addNew(code, locale)
        rate_text = sheet.getCellByPosition(4, 5).getString()
        self.assertIn(",", rate_text)  # the office's locale writes 25,96 %
        doc.CurrentController.select(sheet.getCellRangeByName("B3"))
        dialog = self.open_panel(doc)
        status = lambda: dialog.getControl("status").getModel().Label
        self.assertTrue(wait_for(lambda: status().startswith(expected["summary"]), 20), status())
        self.assertIn(expected["period"], status())
        labels = {}

        def walk(node):
            for i in range(node.getChildCount()):
                child = node.getChildAt(i)
                labels[split_label(child.getDisplayValue())[1]] = child.getDisplayValue()
                walk(child)

        walk(dialog.getControl("tree").getModel().DataModel.getRoot())
        # General: grouped the locale's way; a percentage as its cell shows it.
        self.assertRegex(split_label(labels["Sales"])[2], "^422%s980$" % SPACE, labels["Sales"])
        self.assertEqual(split_label(labels["Conversion rate"])[2], rate_text)
        # The change against P1 in the locale: +5,7 %.
        self.assertRegex(labels["Sales"], r"\(\+5,7%s?%%\)$" % SPACE, labels["Sales"])
        self.assertAlmostEqual(change_of(labels["Sales"]), 5.7, delta=0.051)
        self.assertAlmostEqual(change_of(labels["Conversion rate"]), 3.8, delta=0.051)
        # Findings in the language; clicking one selects its row.
        control = dialog.getControl("findings")
        findings = list(control.getModel().StringItemList)
        self.assertIn(expected["orphan"], findings)
        control.selectItemPos(findings.index(expected["orphan"]), True)

        def selected():
            a = doc.CurrentController.getSelection().getRangeAddress()
            return (a.StartColumn, a.StartRow, a.EndColumn, a.EndRow)

        self.assertEqual(wait_for(lambda: selected() == (0, 6, 4, 6) and selected(), 5),
                         (0, 6, 4, 6))
        self.assertEqual(control.getModel().HelpText.replace("\n", " "), expected["orphan"])
        time.sleep(0.5)
        self.screenshot("sidebar-%s.png" % tag)
        # An empty sheet: the plain message in the language.
        doc.CurrentController.select(sheet.getCellRangeByName("Z200"))
        self.assertTrue(wait_for(lambda: status().startswith(expected["no_tree"]), 10), status())
        doc.setModified(False)
        doc.close(True)
        self.assertTrue(office.alive())

    def test_finnish_office(self):
        self.check_locale("fi-FI")

    def test_french_office(self):
        self.check_locale("fr-FR")


if __name__ == "__main__":
    unittest.main()
