"""`kpitree check` end to end: the built binary, a real headless LibreOffice, real workbooks."""
import os
import subprocess
import tempfile
import unittest

from office import Office, props

BUILD = os.environ.get("KPITREE_BUILD_DIR", "build")
SOURCE = os.environ.get("KPITREE_SOURCE_DIR", ".")
OXT = os.environ.get("KPITREE_OXT", os.path.join(BUILD, "kpitree.oxt"))
KPITREE = os.path.join(BUILD, "kpitree")
EXAMPLE = os.path.join(SOURCE, "examples", "marketing-automation.ods")


def run(*args):
    return subprocess.run([KPITREE] + list(args), capture_output=True, text=True, timeout=300)


class CommandLine(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        # Workbooks to audit, written by a real office: a clean tree on a second sheet below a
        # title, and a sheet with no tree at all.
        cls.dir = tempfile.mkdtemp(prefix="kpitree-cli-")
        cls.clean = os.path.join(cls.dir, "clean.xlsx")
        cls.empty = os.path.join(cls.dir, "empty.ods")
        with Office() as office:
            doc = office.new_calc()
            doc.Sheets.insertNewByName("Plan 2027", 1)
            sheet = doc.Sheets.getByName("Plan 2027")
            sheet.getCellRangeByName("B1").setString("Quarterly plan")
            sheet.getCellRangeByName("B2:F5").setDataArray((
                ("Name", "Parent", "Link", "Q1", "Q2"),
                ("Profit", "", "", 30.0, 45.0),
                ("Revenue", "Profit", "+", 100.0, 120.0),
                ("Cost", "Profit", "\u2212", 70.0, 75.0)))
            doc.storeToURL("file://" + cls.clean, props(FilterName="Calc MS Excel 2007 XML"))
            doc.close(True)
            doc = office.new_calc()
            doc.Sheets.getByIndex(0).getCellRangeByName("A1").setString("notes only")
            doc.storeToURL("file://" + cls.empty, props(FilterName="calc8"))
            doc.close(True)

    def test_example_reports_the_planted_mismatch_and_exits_1(self):
        r = run("check", EXAMPLE)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("KPI tree 'KPI tree'.A1:O13", r.stdout)
        self.assertIn("MISMATCH 1 of 12 periods; worst Aug: residual 38000", r.stdout)
        self.assertIn("\u2502  \u2502  \u2514\u2500 ~ Webinar attendees", r.stdout)
        self.assertIn("INSUFFICIENT", r.stdout)
        self.assertIn("Summary: 1 mismatch, 0 errors", r.stdout)

    def test_clean_workbook_exits_0_and_finds_the_table_on_any_sheet(self):
        r = run("check", self.clean)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertIn("KPI tree 'Plan 2027'.B2:F5", r.stdout)
        self.assertIn("Summary: 0 mismatches, 0 errors", r.stdout)

    def test_explicit_range(self):
        r = run("check", self.clean, "--range", "'Plan 2027'.B2:F5")
        self.assertEqual(r.returncode, 0, r.stderr)
        r = run("check", self.clean, "--range", "'Plan 2027'.C2:F5")  # Parent as names: broken
        self.assertEqual(r.returncode, 1, r.stdout)
        self.assertIn("ERROR", r.stdout)

    def test_several_workbooks_in_one_session_worst_status_wins(self):
        r = run("check", self.clean, EXAMPLE)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertEqual(r.stdout.count("\n== "), 1)
        self.assertTrue(r.stdout.startswith("== %s ==\n" % self.clean), r.stdout[:200])
        self.assertIn("Summary: 0 mismatches, 0 errors", r.stdout)
        self.assertIn("Summary: 1 mismatch, 0 errors", r.stdout)
        missing = os.path.join(self.dir, "missing.ods")
        r = run("check", self.clean, missing)
        self.assertEqual(r.returncode, 2)
        self.assertIn("Summary: 0 mismatches, 0 errors", r.stdout)  # the others are still audited
        self.assertEqual(r.stderr.strip(), "kpitree: cannot open '%s': no such file" % missing)

    def test_unusable_input_exits_2_with_one_line(self):
        for args, needle in [
            (("check", os.path.join(self.dir, "missing.ods")), "no such file"),
            (("check", self.empty), "no tree table found"),
            (("check", EXAMPLE, "--range", "Nope.A1:B2"), "no sheet named 'Nope'"),
            (("check",), "no workbook given"),
            (("audit", EXAMPLE), "unknown command"),
        ]:
            r = run(*args)
            self.assertEqual(r.returncode, 2, args)
            self.assertIn(needle, r.stderr.splitlines()[0], args)
            self.assertEqual(r.stdout, "")


if __name__ == "__main__":
    unittest.main()
