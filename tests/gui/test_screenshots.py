"""The README's pictures of the extension as users meet it, taken from a real GUI LibreOffice
under Xvfb: Tools ▸ Extension Manager listing KPI Tree (icon, name, version, publisher, the
description of the selected entry), and the help page Tools ▸ KPI Tree ▸ KPI Tree Help opens.

The help opens in the desktop's browser (xdg-open; Debian's LibreOffice has no help viewer for
extension pages without a libreoffice-help package): a stand-in xdg-open records the URL the
office opens, and Firefox (Debian's default browser, firefox-esr) renders that URL headless.
Without Firefox that test skips; install firefox-esr to refresh docs/help.png.

Each saves build/artifacts/<name>.png; KPITREE_UPDATE_SCREENSHOT=1 also refreshes
docs/<name>.png (a test run must not modify the checkout otherwise).
Skips (exit code 77 under ctest) only when no X server can be started."""
import os
import re
import shutil
import subprocess
import tempfile
import unittest

import uno

from gui_support import BUILD, GuiOfficeCase, OpenedUrls, SOURCE, wait_for

EXTENSION_MANAGER = "service:com.sun.star.deployment.ui.PackageManagerDialog"  # Tools menu
DIALOG_AT = (40, 40, 800, 560)  # where the dialog is put (no window manager places it)
PUSH_BUTTON = 44  # com.sun.star.accessibility.AccessibleRole.PUSH_BUTTON


def browser():
    for name in ("firefox-esr", "firefox"):
        if shutil.which(name):
            return shutil.which(name)
    return None


class Screenshots(GuiOfficeCase):
    @classmethod
    def setUpClass(cls):
        cls.opened = OpenedUrls()
        try:
            super().setUpClass()
        except BaseException:
            cls.opened.restore()
            raise
        cls.doc = cls.office.new_calc()
        window = cls.doc.CurrentController.Frame.ContainerWindow
        window.setPosSize(0, 0, 1580, 980, 15)
        window.setVisible(True)

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        cls.opened.restore()

    def env(self):
        return dict(os.environ, DISPLAY=self.xvfb.display)

    def dispatch(self, url):
        helper = self.office.ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.DispatchHelper", self.office.ctx)
        helper.executeDispatch(self.doc.CurrentController.Frame, url, "", 0, ())

    def top_window(self, title):
        toolkit = self.office.ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.awt.Toolkit", self.office.ctx)
        for i in range(toolkit.getTopWindowCount()):
            window = toolkit.getTopWindow(i)
            if window.getAccessibleContext().getAccessibleName() == title:
                return window
        return None

    @staticmethod
    def save(path, name):
        """build/artifacts/<name> is `path`; KPITREE_UPDATE_SCREENSHOT=1 copies it to docs/."""
        if os.environ.get("KPITREE_UPDATE_SCREENSHOT"):
            docs = os.path.join(SOURCE, "docs")
            os.makedirs(docs, exist_ok=True)
            shutil.copyfile(path, os.path.join(docs, name))

    @staticmethod
    def artifact(name):
        artifacts = os.path.join(BUILD, "artifacts")
        os.makedirs(artifacts, exist_ok=True)
        return os.path.abspath(os.path.join(artifacts, name))

    @staticmethod
    def pixel(path, x, y):
        out = subprocess.run(["convert", path, "-crop", "1x1+%d+%d" % (x, y), "txt:-"],
                             capture_output=True, text=True, check=True).stdout
        return re.search(r"#[0-9A-Fa-f]{6}", out).group(0).upper()

    @staticmethod
    def press(context, name):
        """Presses the push button `name` in an accessible tree."""
        if context.getAccessibleRole() == PUSH_BUTTON and context.getAccessibleName() == name:
            context.doAccessibleAction(0)
            return True
        return any(Screenshots.press(context.getAccessibleChild(i).getAccessibleContext(), name)
                   for i in range(context.getAccessibleChildCount()))

    def test_extension_manager_lists_kpi_tree(self):
        if shutil.which("import") is None or shutil.which("xdotool") is None:
            self.skipTest("needs ImageMagick's import and xdotool (scripts/install-deps.sh)")
        self.dispatch(EXTENSION_MANAGER)
        dialog = wait_for(lambda: self.top_window("Extension Manager"), 30)
        self.assertIsNotNone(dialog, "Tools ▸ Extension Manager did not open")
        try:
            x, y, width, height = DIALOG_AT
            dialog.setPosSize(x, y, width, height, 15)
            self.assertTrue(wait_for(lambda: dialog.getPosSize().Width == width, 10))
            # Select the first entry (KPI Tree: the only extension installed in this profile):
            # a selected entry shows its whole description.
            subprocess.run(["xdotool", "mousemove", str(x + 300), str(y + 85), "sleep", "0.3",
                            "click", "1", "sleep", "1.5"], env=self.env(), check=True, timeout=30)
            path = self.artifact("extension-manager.png")
            subprocess.run(["import", "-display", self.xvfb.display, "-window", "root", "-crop",
                            "%dx%d+%d+%d" % (width, height, x, y), "+repage", path],
                           check=True, timeout=60)
            # An entry is listed and selected where the click went (highlighted, not the
            # list's white), and nothing is listed below it.
            self.assertNotEqual(self.pixel(path, 300, 140), "#FFFFFF", "no entry was selected")
            self.assertEqual(self.pixel(path, 300, 300), "#FFFFFF", "more than one entry")
            self.save(path, "extension-manager.png")
        finally:
            self.press(dialog.getAccessibleContext(), "Close")
        self.assertTrue(wait_for(lambda: self.top_window("Extension Manager") is None, 20))

    def test_help_page_as_the_browser_shows_it(self):
        firefox = browser()
        if firefox is None:
            self.skipTest("no Firefox to render the help page (apt-get install firefox-esr)")
        self.dispatch("org.kpitree.menu:help")
        opened = wait_for(self.opened.urls, 20)
        self.assertTrue(opened, "Tools ▸ KPI Tree ▸ KPI Tree Help opened nothing")
        url = opened[-1]
        self.assertRegex(url, r"^file:///.*/help/html/en/index\.html$")
        path = self.artifact("help.png")
        if os.path.exists(path):
            os.remove(path)
        home = tempfile.mkdtemp(prefix="kpitree-firefox-")
        try:
            env = dict(os.environ, HOME=home, MOZ_HEADLESS="1")
            env.pop("DISPLAY", None)
            subprocess.run([firefox, "--headless", "--no-remote", "--profile", home,
                            "--window-size=1000,1000", "--screenshot", path, url],
                           env=env, cwd=home, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, timeout=180)
        finally:
            shutil.rmtree(home, ignore_errors=True)
        self.assertTrue(os.path.exists(path), "Firefox wrote no screenshot")
        size = subprocess.run(["identify", "-format", "%wx%h", path], capture_output=True,
                              text=True, check=True).stdout
        self.assertEqual(size, "1000x1000")
        self.save(path, "help.png")


if __name__ == "__main__":
    unittest.main()
