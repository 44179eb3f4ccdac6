"""`kpitree check` end to end: the built binary, a real headless LibreOffice, real workbooks."""
import csv
import io
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
import unittest

from office import Office, props

BUILD = os.environ.get("KPITREE_BUILD_DIR", "build")
SOURCE = os.environ.get("KPITREE_SOURCE_DIR", ".")
OXT = os.environ.get("KPITREE_OXT", os.path.join(BUILD, "kpitree.oxt"))
KPITREE = os.path.join(BUILD, "kpitree")
EXAMPLE = os.path.join(SOURCE, "examples", "marketing-automation.ods")


def run(*args, env=None):
    return subprocess.run([KPITREE] + list(args), capture_output=True, text=True, timeout=300,
                          env=env)


def processes_with(marker):
    """(pid, command line) of every live process whose command line contains `marker`."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open("/proc/%s/cmdline" % pid, "rb") as f:
                cmdline = f.read().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            continue
        if marker in cmdline:
            found.append((int(pid), cmdline))
    return found


def socket_paths(pid):
    """Paths of the unix sockets process `pid` has open (its office pipes in /tmp)."""
    inodes = set()
    try:
        for fd in os.listdir("/proc/%d/fd" % pid):
            target = os.readlink("/proc/%d/fd/%s" % (pid, fd))
            if target.startswith("socket:["):
                inodes.add(target[8:-1])
    except OSError:
        return []
    with open("/proc/net/unix") as table:
        rows = [line.split() for line in table]
    return [row[7] for row in rows[1:] if len(row) >= 8 and row[6] in inodes]


def cache_dir():
    """The prepared-profile cache the runs of this test use (XDG_CACHE_HOME is the test's)."""
    return os.path.join(os.environ["XDG_CACHE_HOME"], "kpitree")


def cache_entries():
    return sorted(os.listdir(cache_dir())) if os.path.isdir(cache_dir()) else []


def cache_leftovers():
    """Staging or discarded entries: what an ended run must not leave in the cache."""
    return [e for e in cache_entries() if ".building-" in e or ".broken-" in e]


class Run:
    """One `kpitree check` started in the background with its own TMPDIR, so that what it leaves
    behind can be seen: processes on its private pipe or profile, files in its TMPDIR."""

    def __init__(self, test, *args, stdout=subprocess.PIPE, env=None):
        self.tmp = tempfile.mkdtemp(prefix="tmpdir-", dir=test.dir)
        environment = dict(os.environ, TMPDIR=self.tmp)
        environment.update(env or {})
        self.process = subprocess.Popen([KPITREE, "check"] + list(args), stdout=stdout,
                                        stderr=subprocess.PIPE, env=environment)
        self.pipe = "kpitree_cli_%d_" % self.process.pid  # the office's --accept pipe name
        self.sockets = set()  # the office's pipes seen while it ran

    def wait_for_office(self, timeout=120):
        """Waits until the run's soffice.bin listens on its pipes; returns its pid."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            for pid, cmdline in processes_with(self.pipe):
                sockets = socket_paths(pid) if "soffice.bin" in cmdline else []
                if any("SingleOfficeIPC" in path for path in sockets):
                    self.sockets.update(sockets)
                    return pid
            if self.process.poll() is not None:
                raise AssertionError("kpitree ended before its office started")
            time.sleep(0.1)
        raise AssertionError("no office started within %d s" % timeout)

    def leftovers(self, grace=0):
        """Processes and files of this run that still exist, after waiting up to `grace` s for
        them to go (0: kpitree must have removed them before it exited)."""
        deadline = time.time() + grace
        while True:
            left = processes_with(self.pipe) + processes_with(self.tmp)
            left += [os.path.join(self.tmp, f) for f in os.listdir(self.tmp)]
            left += [f for f in os.listdir("/tmp") if f.startswith("OSL_PIPE_") and self.pipe in f]
            left += [path for path in self.sockets if os.path.exists(path)]
            left += cache_leftovers()
            if not left or time.time() > deadline:
                return left

    def close(self):
        for stream in (self.process.stdout, self.process.stderr):
            if stream:
                stream.close()


class CommandLine(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        # Workbooks to audit, written by a real office: a clean tree on a second sheet below a
        # title, and a sheet with no tree at all.
        cls.dir = tempfile.mkdtemp(prefix="kpitree-cli-")
        # The runs' prepared profiles go into the test's own cache, never the user's.
        cls.saved_cache_home = os.environ.get("XDG_CACHE_HOME")
        os.environ["XDG_CACHE_HOME"] = os.path.join(cls.dir, "cache")
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
            cls.errors = cls.workbook_with_error_cells(office)
            cls.locked = os.path.join(cls.dir, "locked.ods")
            doc = office.new_calc()
            doc.Sheets.getByIndex(0).getCellRangeByName("A1:D2").setDataArray((
                ("Name", "Parent", "Link", "Q1"), ("Profit", "", "", 30.0)))
            doc.storeToURL("file://" + cls.locked, props(FilterName="calc8", Password="secret"))
            doc.close(True)
        # A UTF-8 csv with Japanese names, a zip that is no workbook, and random bytes.
        cls.japanese = os.path.join(cls.dir, "japanese.csv")
        with open(cls.japanese, "w", encoding="utf-8") as f:
            f.write("Name,Parent,Link,1\u6708,2\u6708\n"
                    "\u58f2\u4e0a,,,1000,1100\n"                         # Sales
                    "\u5546\u8ac7\u6570,\u58f2\u4e0a,*,50,55\n"          # Deals
                    "\u5e73\u5747\u5358\u4fa1,\u58f2\u4e0a,*,20,20\n")  # Average price
        cls.corrupt = os.path.join(cls.dir, "corrupt.ods")
        with open(cls.corrupt, "wb") as f:
            f.write(b"PK\x03\x04" + bytes(range(256)) * 8)
        cls.garbage = os.path.join(cls.dir, "garbage.xlsx")
        with open(cls.garbage, "wb") as f:
            f.write(bytes((i * 7919) % 251 for i in range(4096)))

    @classmethod
    def workbook_with_error_cells(cls, office):
        path = os.path.join(cls.dir, "errors.ods")
        doc = office.new_calc()
        sheet = doc.Sheets.getByIndex(0)
        sheet.getCellRangeByName("A1:E4").setDataArray((
            ("Name", "Parent", "Link", "Q1", "Q2"),
            ("Profit", "", "", 30.0, 45.0),
            ("Revenue", "Profit", "+", 100.0, 120.0),
            ("Cost", "Profit", "-", 70.0, 75.0)))
        sheet.getCellRangeByName("E3").setFormula("=1/0")  # Revenue Q2: #DIV/0!
        sheet.getCellRangeByName("D4").setFormula("=NA()")  # Cost Q1: #N/A
        doc.storeToURL("file://" + path, props(FilterName="calc8"))
        doc.close(True)
        return path

    @classmethod
    def tearDownClass(cls):
        if cls.saved_cache_home is None:
            del os.environ["XDG_CACHE_HOME"]
        else:
            os.environ["XDG_CACHE_HOME"] = cls.saved_cache_home
        shutil.rmtree(cls.dir, ignore_errors=True)

    def fresh_cache(self):
        """Points the runs at an empty cache for the rest of this test."""
        os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="cache-", dir=self.dir)
        self.addCleanup(os.environ.__setitem__, "XDG_CACHE_HOME",
                        os.path.join(self.dir, "cache"))

    def assert_entry_has_the_extension(self, entry):
        """An office started on a copy of the cached entry offers the KPI functions."""
        office = Office()
        try:
            for part in ("profile", "shared"):
                shutil.copytree(os.path.join(entry, part), os.path.join(office.dir, part),
                                symlinks=True)
            office.launch()
            descriptions = office.ctx.ServiceManager.createInstanceWithContext(
                "com.sun.star.sheet.FunctionDescriptions", office.ctx)
            names = [dict((p.Name, p.Value) for p in descriptions.getByIndex(i)).get("Name")
                     for i in range(descriptions.Count)]
            self.assertIn("KPI.CHECK", names)
        finally:
            office.stop()

    def test_the_prepared_profile_is_reused_and_a_damaged_one_rebuilt(self):
        self.fresh_cache()
        self.assertEqual(run("check", self.clean).returncode, 0)
        entries = cache_entries()
        self.assertEqual(len(entries), 1, entries)
        entry = os.path.join(cache_dir(), entries[0])
        first = os.stat(entry).st_ino
        self.assertEqual(run("check", self.clean).returncode, 0)
        self.assertEqual(os.stat(entry).st_ino, first, "a good entry was rebuilt")
        self.assert_entry_has_the_extension(entry)
        biggest = max((os.path.join(d, f) for d, _, files in os.walk(entry) for f in files),
                      key=os.path.getsize)
        size = os.path.getsize(biggest)
        with open(biggest, "r+b") as f:
            f.truncate(10)  # damaged: the manifest's size no longer matches
        r = run("check", self.clean)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(cache_entries(), entries)
        # Rebuilt, not used: its largest file (the component library) is whole again, under a
        # new unpacked name. (Not by inode: a directory removed and made again may get the
        # same inode number.)
        largest = max(os.path.getsize(os.path.join(d, f))
                      for d, _, files in os.walk(entry) for f in files)
        self.assertEqual(largest, size, "a damaged entry was used")
        self.assert_entry_has_the_extension(entry)

    def test_old_entries_and_abandoned_staging_directories_are_pruned(self):
        self.fresh_cache()
        os.makedirs(cache_dir())
        week_old, hour_old = time.time() - 8 * 86400, time.time() - 2 * 3600
        paths = {}
        for name, when in [("0" * 40, week_old), ("1" * 40, time.time()),
                           ("2" * 40 + ".building-abc", hour_old),
                           ("3" * 40 + ".building-new", time.time())]:
            paths[name] = os.path.join(cache_dir(), name)
            os.makedirs(os.path.join(paths[name], "profile"))
            os.utime(paths[name], (when, when))
        self.assertEqual(run("check", self.clean).returncode, 0)
        left = set(cache_entries())
        self.assertNotIn("0" * 40, left)  # another key, unused for a week
        self.assertNotIn("2" * 40 + ".building-abc", left)  # no live run owns it after an hour
        self.assertIn("1" * 40, left)  # another key used recently: another .oxt may need it
        self.assertIn("3" * 40 + ".building-new", left)  # a live run may be building it

    def test_concurrent_first_runs_build_one_entry_and_leave_nothing_behind(self):
        self.fresh_cache()
        runs = [Run(self, self.clean) for _ in range(3)]
        for run_ in runs:
            out, err = run_.process.communicate(timeout=300)
            run_.close()
            self.assertEqual(run_.process.returncode, 0, err)
            self.assertIn(b"Summary: 0 mismatches, 0 errors", out)
            self.assertEqual(run_.leftovers(), [])
        self.assertEqual(len(cache_entries()), 1, cache_entries())

    def test_sigkill_while_preparing_the_profile_leaves_nothing_behind(self):
        self.fresh_cache()
        run_ = Run(self, self.clean)
        deadline = time.time() + 120
        while not processes_with(cache_dir()) and time.time() < deadline:
            time.sleep(0.05)  # unopkg runs on the staging entry
        self.assertTrue(processes_with(cache_dir()), "no unopkg seen")
        run_.process.kill()
        run_.process.wait(timeout=60)
        run_.close()
        self.assertEqual(run_.leftovers(grace=15), [])
        self.assertEqual(processes_with(cache_dir()), [])

    def test_a_run_on_a_prepared_profile_neither_installs_nor_restarts_the_office(self):
        """Regression (issue 11): every run on a warm cache went through LibreOffice's first start
        on its copy (the extensions synchronised, the office restarted, and on 7.4 the graphics
        render tests): about 6 s of a 7 s run."""
        self.fresh_cache()
        debug = dict(os.environ, KPITREE_DEBUG="1")
        first = run("check", self.clean, env=debug)
        self.assertEqual(first.returncode, 0, first.stderr)
        entry = os.path.join(cache_dir(), cache_entries()[0])
        user = os.path.join(entry, "profile", "user")
        # The entry is a profile the office has started on: the extension synchronised into it,
        # and the office's version recorded (without it 7.4 runs its render tests every start).
        self.assertTrue(os.path.isfile(os.path.join(user, "extensions", "shared",
                                                    "lastsynchronized")))
        with open(os.path.join(user, "registrymodifications.xcu"), encoding="utf-8") as f:
            self.assertIn('oor:name="ooSetupLastVersion"', f.read())
        self.assertIn("kpitree: unopkg add ", first.stderr)
        second = run("check", self.clean, env=debug)
        self.assertEqual(second.returncode, 0, second.stderr)
        self.assertIn("Summary: 0 mismatches, 0 errors", second.stdout)
        self.assertIn("kpitree: using the prepared profile ", second.stderr)
        self.assertNotIn("unopkg", second.stderr)
        self.assertNotIn("started again", second.stderr)
        self.assertIn("kpitree: the office answers after 1 start\n", second.stderr)

    def test_without_a_usable_cache_the_office_is_started_again_when_it_asks(self):
        """The first start on a new profile ends with exit status 81 (restart): without
        oosplash, kpitree starts the office again itself."""
        not_a_dir = os.path.join(self.dir, "not-a-directory")
        with open(not_a_dir, "w") as f:
            f.write("a file where the cache would go")
        run_ = Run(self, self.clean, env={"XDG_CACHE_HOME": not_a_dir, "KPITREE_DEBUG": "1"})
        out, err = run_.process.communicate(timeout=300)
        run_.close()
        err = err.decode()
        self.assertEqual(run_.process.returncode, 0, err)
        self.assertIn(b"Summary: 0 mismatches, 0 errors", out)
        self.assertIn("kpitree: no prepared profile", err)
        self.assertIn("kpitree: unopkg add ", err)
        self.assertIn("kpitree: the office asked to be started again (exit status 81)", err)
        self.assertIn("kpitree: the office answers after 2 starts", err)
        self.assertEqual(run_.leftovers(), [])

    def test_example_reports_the_planted_mismatch_and_exits_1(self):
        r = run("check", EXAMPLE)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("KPI tree 'KPI tree'.A1:AA13", r.stdout)
        self.assertIn("MISMATCH 1 of 24 periods; worst 2025-08: residual 38000", r.stdout)
        self.assertRegex(r.stdout, "\u2502  \u2502  \u2514\u2500 ~ Webinar attendees +276  SUPPORTED")
        self.assertIn("~ URL click rate of openers", r.stdout)
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
            (("check", self.dir), "a directory, not a workbook"),
            (("check", self.empty), "no tree table found"),
            (("check", EXAMPLE, "--range", "Nope.A1:B2"), "no sheet named 'Nope'"),
            (("check",), "no workbook given"),
            (("audit", EXAMPLE), "unknown command"),
        ]:
            r = run(*args)
            self.assertEqual(r.returncode, 2, args)
            self.assertIn(needle, r.stderr.splitlines()[0], args)
            self.assertEqual(r.stdout, "")

    def test_error_cells_are_errors_not_missing_values(self):
        """Regression: #DIV/0! and #N/A cells were read as empty cells, and the audit exited 0
        with "0 errors" where the Calc functions give an error."""
        for args in [(), ("--range", "Sheet1.A1:E4")]:
            r = run("check", self.errors, *args)
            self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
            errors = [line for line in r.stdout.splitlines() if "ERROR" in line]
            self.assertTrue(any("Revenue" in e and "#DIV/0!" in e for e in errors), r.stdout)
            self.assertTrue(any("Cost" in e and "#N/A" in e for e in errors), r.stdout)
            self.assertNotIn(" 0 errors", r.stdout)

    def test_utf8_csv_keeps_japanese_names(self):
        """Regression: a UTF-8 .csv was read in the system's 8-bit charset (mojibake names)."""
        r = run("check", self.japanese)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        for name in ("\u58f2\u4e0a", "\u5546\u8ac7\u6570", "\u5e73\u5747\u5358\u4fa1"):
            self.assertIn(name, r.stdout)
        self.assertIn("Summary: 0 mismatches, 0 errors", r.stdout)

    def test_a_workbook_that_cannot_be_opened_does_not_stop_the_others(self):
        r = run("check", self.corrupt, self.clean, self.garbage, EXAMPLE)
        self.assertEqual(r.returncode, 2, r.stdout + r.stderr)
        self.assertEqual(r.stdout.count("\n== "), 3)
        self.assertIn("Summary: 0 mismatches, 0 errors", r.stdout)
        self.assertIn("Summary: 1 mismatch, 0 errors", r.stdout)
        failures = r.stderr.splitlines()
        self.assertEqual(len(failures), 2, r.stderr)
        self.assertIn(self.corrupt, failures[0])
        self.assertIn(self.garbage, failures[1])

    def test_a_password_protected_workbook_is_named_as_such_with_the_fix(self):
        """Regression: a workbook saved with a password failed with "LibreOffice cannot read
        it", the same words as a damaged file, which sent users looking for damage."""
        r = run("check", self.locked, EXAMPLE)
        self.assertEqual(r.returncode, 2, r.stdout + r.stderr)
        self.assertIn("Summary: 1 mismatch, 0 errors", r.stdout)  # the other is still audited
        failures = r.stderr.splitlines()
        self.assertEqual(len(failures), 1, r.stderr)
        self.assertIn(self.locked, failures[0])
        self.assertIn("protected by a password", failures[0])
        self.assertIn("without the password", failures[0])
        damaged = run("check", self.corrupt)
        self.assertEqual(damaged.returncode, 2, damaged.stdout + damaged.stderr)
        self.assertNotIn("password", damaged.stderr)

    def test_sigterm_or_ctrl_c_leaves_no_office_behind(self):
        """Regression: a CI timeout (SIGTERM) or Ctrl+C left soffice and the profile behind."""
        for sig, when in [(signal.SIGTERM, "starting"), (signal.SIGINT, "auditing")]:
            with self.subTest(signal=sig.name, when=when):
                run_ = Run(self, self.clean, self.clean, self.clean)
                run_.wait_for_office()
                if when == "auditing":
                    while "Summary:" not in run_.process.stdout.readline().decode():
                        pass
                run_.process.send_signal(sig)
                run_.process.wait(timeout=60)
                run_.close()
                self.assertEqual(run_.process.returncode, -sig)
                self.assertEqual(run_.leftovers(), [])

    def test_a_closed_pipe_leaves_no_office_behind(self):
        """Regression: `kpitree check ... | head -1` killed kpitree by SIGPIPE with its office
        still running."""
        run_ = Run(self, self.clean, self.clean, EXAMPLE)
        run_.process.stdout.read(1)
        run_.process.stdout.close()
        run_.process.wait(timeout=120)
        run_.close()
        self.assertEqual(run_.process.returncode, -signal.SIGPIPE)
        self.assertEqual(run_.leftovers(), [])

    def test_a_crash_of_the_office_is_reported_and_leaves_nothing_behind(self):
        run_ = Run(self, self.clean, self.clean, self.clean)
        output = ""
        while "Summary:" not in output:
            output += run_.process.stdout.readline().decode()
        os.kill(run_.wait_for_office(), signal.SIGKILL)
        output += run_.process.stdout.read().decode()
        run_.process.wait(timeout=120)
        run_.close()
        # The second workbook may have been lost with the office; a new office audits the third.
        self.assertIn(run_.process.returncode, (0, 2))
        self.assertTrue(output.rstrip().endswith("Summary: 0 mismatches, 0 errors"), output)
        self.assertEqual(run_.leftovers(), [])

    def test_even_sigkill_leaves_nothing_behind_for_long(self):
        run_ = Run(self, self.clean)
        run_.wait_for_office()
        run_.process.kill()
        run_.process.wait(timeout=60)
        run_.close()
        self.assertEqual(run_.leftovers(grace=15), [])

    def test_a_failed_install_leaves_nothing_behind(self):
        not_a_zip = os.path.join(self.dir, "not-a-zip.oxt")
        with open(not_a_zip, "w") as f:
            f.write("not an extension")
        for oxt, needle in [(os.path.join(self.dir, "missing.oxt"), "does not exist"),
                            (not_a_zip, "installing " + not_a_zip)]:
            run_ = Run(self, self.clean, env={"KPITREE_OXT": oxt})
            out, err = run_.process.communicate(timeout=300)
            run_.close()
            self.assertEqual(run_.process.returncode, 2, err)
            self.assertIn(needle, err.decode())
            self.assertEqual(out, b"")
            self.assertEqual(run_.leftovers(), [])


# The keys of every json/csv record, in order (README "The command line"): a pipeline relies on
# them, so changing one is a breaking change.
RECORD_KEYS = [
    "workbook", "table", "kpi", "parent", "link", "kind", "level", "latest", "check_status",
    "check", "causal_status", "causal", "contribution", "contribution_status",
    "contribution_from", "contribution_to", "plan_period", "plan", "actual", "gap",
    "gap_percent", "gap_contribution", "plan_status", "findings"]


class FormatsPeriodsAndPlan(unittest.TestCase):
    """--format, --from/--to, --plan, --version and check --help on a planning workbook whose
    tree has a KPI.CHECK column right beside it."""

    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="kpitree-cli-formats-")
        cls.book = os.path.join(cls.dir, "planning.ods")
        with Office(OXT) as office:
            doc = office.new_calc()
            sheet = doc.Sheets.getByIndex(0)
            sheet.setName("Tree")
            sheet.getCellRangeByName("A1:F5").setDataArray((
                ("Name", "Parent", "Link", "Jan", "Feb", "Mar"),
                ("Sales", "", "", 100.0, 120.0, 150.0),
                ("Deals", "Sales", "*", 10.0, 12.0, 15.0),
                ("Average order value", "Sales", "*", 10.0, 10.0, 10.0),
                ("\u5546\u8ac7", "Deals", "~", 1.0, 2.0, 3.0)))
            # The verdicts right next to the table (no blank column), as users enter them.
            sheet.getCellRangeByName("G1:G5").setArrayFormula("=KPI.CHECK(A1:F5)")
            sheet.getCellRangeByName("H1").setString("Contribution")
            for row in range(2, 6):
                sheet.getCellRangeByName("H%d" % row).setFormula(
                    '=KPI.CONTRIB($A$1:$F$5;2;3;;A%d)' % row)
            doc.Sheets.insertNewByName("Plan", 1)
            doc.Sheets.getByName("Plan").getCellRangeByName("A1:B3").setDataArray((
                ("Name", "Plan"), ("Deals", 16.0), ("Average order value", 10.0)))
            cls.check_column = sheet.getCellRangeByName("G2").getString()
            doc.storeToURL("file://" + cls.book, props(FilterName="calc8"))
            doc.close(True)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    def test_a_verdict_column_beside_the_table_is_not_a_period(self):
        """Regression (issue 13 item 13): a KPI.CHECK or contribution column right next to the
        table was read as more periods: every KPI turned ERROR and the run exited 1."""
        self.assertEqual(self.check_column, "OK")  # the formulas did compute in the workbook
        r = run("check", self.book)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertIn("KPI tree Tree.A1:F5 \u2014 4 KPIs, 3 periods (Jan \u2026 Mar)", r.stdout)
        self.assertNotIn("ERROR", r.stdout)
        self.assertIn("Summary: 0 mismatches, 0 errors", r.stdout)

    def test_json_is_one_record_per_kpi_with_stable_keys(self):
        r = run("check", "--format", "json", self.book)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        records = [json.loads(line) for line in r.stdout.splitlines()]
        self.assertEqual([rec["kpi"] for rec in records],
                         ["Sales", "Deals", "Average order value", "\u5546\u8ac7"])
        for rec in records:
            self.assertEqual(list(rec), RECORD_KEYS)
            self.assertEqual(rec["workbook"], self.book)
            self.assertEqual(rec["table"], "Tree.A1:F5")
        sales, deals = records[0], records[1]
        self.assertEqual((sales["check_status"], sales["check"]), ("OK", "OK"))
        self.assertEqual(sales["latest"], 150)
        self.assertEqual((sales["contribution_from"], sales["contribution_to"]), ("Feb", "Mar"))
        self.assertEqual(sales["contribution"], 30)
        self.assertEqual((deals["link"], deals["level"]), ("*", 1))
        self.assertAlmostEqual(deals["contribution"], 30, places=9)
        self.assertEqual(records[3]["causal_status"], "INSUFFICIENT")
        self.assertIsNone(sales["plan"])

    def test_csv_has_a_header_and_the_same_records(self):
        r = run("check", "--format=csv", self.book, self.book)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        rows = list(csv.DictReader(io.StringIO(r.stdout)))
        self.assertEqual(r.stdout.splitlines()[0], ",".join(RECORD_KEYS))  # one header
        self.assertEqual(len(rows), 8)  # two workbooks, no separator lines
        self.assertEqual(rows[1]["kpi"], "Deals")
        self.assertEqual(rows[1]["check_status"], "LEAF")
        self.assertEqual(rows[0]["contribution"], "30")

    def test_from_and_to_choose_the_contribution_periods(self):
        r = run("check", "--from", "Jan", "--to", "3", self.book)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertIn("[contribution Jan\u2192Mar]", r.stdout)
        self.assertIn("[+50]", r.stdout)
        r = run("check", "--from", "Jan", "--to", "November", self.book)
        self.assertEqual(r.returncode, 2, r.stdout)
        # Issue 13 item 12: the message names the periods there are.
        self.assertIn("--to: no period 'November'; periods are Jan, Feb, Mar", r.stderr)
        r = run("check", "--from", "Jan", self.book)
        self.assertEqual(r.returncode, 2)
        self.assertIn("--from and --to go together", r.stderr)

    def test_plan_prints_the_variance_columns(self):
        r = run("check", "--plan", "Plan.A1:B3", self.book)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertIn("Plan vs actual, Mar:", r.stdout)
        deals = [line for line in r.stdout.splitlines() if "\u00d7 Deals" in line][-1]
        self.assertEqual(deals.split()[-6:], ["16", "15", "-1", "-6.25%", "-10", "BEHIND"])
        r = run("check", "--plan", "Plan.A1:B3", "--format", "json", self.book)
        records = [json.loads(line) for line in r.stdout.splitlines()]
        self.assertEqual(records[0]["plan_period"], "Mar")
        self.assertEqual((records[0]["plan"], records[0]["actual"], records[0]["gap"]),
                         (160, 150, -10))
        self.assertEqual(records[1]["plan_status"], "BEHIND")
        self.assertAlmostEqual(records[1]["gap_contribution"], -10, places=9)
        self.assertEqual(records[2]["plan_status"], "ON PLAN")
        r = run("check", "--plan", "Plan.A1:B3", "--format", "csv", self.book)
        rows = list(csv.DictReader(io.StringIO(r.stdout)))
        self.assertEqual(rows[0]["gap_percent"], "-0.0625")
        for args, needle in [(("--plan", "Nope.A1:B3"), "no sheet named 'Nope'"),
                             (("--plan", "Tree.A1:A2"), "plan must be a Name column")]:
            r = run("check", *args, self.book)
            self.assertEqual(r.returncode, 2, r.stdout)
            self.assertIn(needle, r.stderr)

    def test_version_help_and_bad_options(self):
        r = run("--version")
        self.assertEqual(r.returncode, 0)
        self.assertRegex(r.stdout, r"^kpitree \d+\.\d+\.\d+\n$")
        r = run("check", "--help")
        self.assertEqual(r.returncode, 0)
        for option in ("--range", "--tolerance", "--from", "--to", "--plan", "--format"):
            self.assertIn(option, r.stdout)
        self.assertIn("kpitree check --help", run("--help").stdout)
        r = run("check", "--format", "xml", self.book)
        self.assertEqual(r.returncode, 2)
        self.assertIn("--format xml: use text, json or csv", r.stderr)


if __name__ == "__main__":
    unittest.main()
