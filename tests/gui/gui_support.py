"""What the GUI tests share: where the built extension, the build and the sources are, and
waiting for the office (which answers asynchronously: panels refresh after a quiet period)."""
import faulthandler
import os
import shutil
import stat
import tempfile
import time
import unittest

import office
from office import Office
from xvfb import Xvfb, XvfbUnavailable

OXT = os.environ.get("KPITREE_OXT", "build/kpitree.oxt")
BUILD = os.environ.get("KPITREE_BUILD_DIR", "build")
SOURCE = os.environ.get("KPITREE_SOURCE_DIR",
                        os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..")))
EXAMPLE = os.path.join(SOURCE, "examples", "marketing-automation.ods")
# Screenshots and saved files: build/artifacts for the system's office, a folder per version for
# another (the two passes run side by side).
ARTIFACTS = os.path.join(BUILD, "artifacts")
# A GUI test that hangs (an office stuck in a call; seen once on 25.2 in CI, the log showed only
# ctest's timeout) prints every thread's Python stack before ctest's limit (600 s) kills it.
faulthandler.dump_traceback_later(540, exit=False)
if os.path.dirname(os.path.realpath(office.SOFFICE)) != office.SYSTEM_PROGRAM:
    ARTIFACTS = os.path.join(ARTIFACTS, "office-" + office.installed_version())


def wait_for(predicate, timeout=20.0, step=0.1):
    """The first truthy value of predicate() within `timeout` seconds (an exception counts as
    not yet), else its last value."""
    deadline = time.time() + timeout
    value = None
    while time.time() < deadline:
        try:
            value = predicate()
        except Exception:
            value = None
        if value:
            return value
        time.sleep(step)
    return value


def find_accessible(context, name_prefix, depth=0):
    """The first accessible context below `context` (6 levels at most) whose name starts with
    `name_prefix`, or None: how the tests find the painted diagram window."""
    if context is None or depth > 6:
        return None
    if (context.getAccessibleName() or "").startswith(name_prefix):
        return context
    for i in range(context.getAccessibleChildCount()):
        found = find_accessible(context.getAccessibleChild(i).getAccessibleContext(),
                                name_prefix, depth + 1)
        if found is not None:
            return found
    return None


class OpenedUrls:
    """A stand-in `xdg-open` first on PATH: the office opens the help in the desktop's browser
    through it, and the stand-in records each URL instead. restore() puts PATH back."""

    def __init__(self):
        self.bin = tempfile.mkdtemp(prefix="kpitree-xdg-")
        self.file = os.path.join(self.bin, "opened.txt")
        script = os.path.join(self.bin, "xdg-open")
        with open(script, "w") as f:
            f.write('#!/bin/sh\nprintf "%%s\\n" "$1" >> "%s"\n' % self.file)
        os.chmod(script, stat.S_IRWXU)
        self.path = os.environ.get("PATH", "")
        os.environ["PATH"] = self.bin + ":" + self.path

    def urls(self):
        """The URLs opened so far, oldest first."""
        if not os.path.exists(self.file):
            return []
        with open(self.file) as f:
            return f.read().split()

    def restore(self):
        os.environ["PATH"] = self.path
        shutil.rmtree(self.bin, ignore_errors=True)


class GuiOfficeCase(unittest.TestCase):
    """A test class with one real GUI office under its own Xvfb display, the built extension
    installed. Skips (exit code 77 under ctest) only when no X server can be started outside CI
    (CI installs Xvfb: not being able to start it there is a failure). Subclasses extend
    setUpClass / tearDownClass with super()."""

    @classmethod
    def setUpClass(cls):
        cls.xvfb = Xvfb()
        try:
            cls.xvfb.start()
        except XvfbUnavailable as e:
            if os.environ.get("CI"):
                raise
            raise unittest.SkipTest("no X server for the GUI test: %s" % e)
        try:
            cls.office = Office(OXT, headless=False, display=cls.xvfb.display).start()
        except Exception:
            cls.xvfb.stop()
            raise

    @classmethod
    def tearDownClass(cls):
        try:
            for component in list(cls.office.desktop.getComponents()):
                try:
                    component.setModified(False)
                    component.close(True)
                except Exception:
                    pass
        except Exception:
            pass
        cls.office.stop()
        cls.xvfb.stop()

    # What the sidebar tests share ---------------------------------------------------------

    def new_document(self):
        """A new Calc document in a window large enough for the deck beside the sheet."""
        doc = self.office.new_calc()
        window = doc.CurrentController.Frame.ContainerWindow
        window.setPosSize(0, 0, 1580, 980, 15)
        window.setVisible(True)
        return doc

    def open_panel(self, doc):
        """Shows the KPI Tree deck in `doc`'s sidebar; its panel's dialog (the controls)."""
        sidebar = doc.CurrentController.getSidebar()
        sidebar.setVisible(True)
        decks = sidebar.getDecks()
        self.assertTrue(decks.hasByName("KpiTreeDeck"), decks.getElementNames())
        deck = decks.getByName("KpiTreeDeck")
        deck.activate(True)
        panels = wait_for(lambda: deck.getPanels().hasByName("KpiTreePanel") and deck.getPanels())
        self.assertTrue(panels, "the KPI Tree panel did not appear")
        dialog = wait_for(lambda: panels.getByName("KpiTreePanel").getDialog())
        self.assertIsNotNone(dialog)
        return dialog

    @staticmethod
    def status(dialog):
        """The panel's status line as shown (a label doubles `~`, its mnemonic marker)."""
        return dialog.getControl("status").getModel().Label.replace("~~", "~")
