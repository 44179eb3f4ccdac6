"""The .oxt as the Extension Manager sees it: description.xml's fields (publisher, licence shown
for acceptance, release notes, LibreOffice 7.4 as the minimal version, display name and
description in five languages without hard line breaks, icons), unopkg add / list / remove in a
throwaway installation, and the fields as LibreOffice's package registry reports them."""
import os
import shutil
import struct
import subprocess
import tempfile
import unittest
import xml.etree.ElementTree as ET
import zipfile

import uno
from calc_case import OXT
from office import UNOPKG, Office, office_env

SOURCE = os.environ.get("KPITREE_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
NS = {"d": "http://openoffice.org/extensions/description/2006",
      "lo": "http://libreoffice.org/extensions/description/2011",
      "xlink": "http://www.w3.org/1999/xlink"}
HREF = "{http://www.w3.org/1999/xlink}href"
LANGUAGES = ["en", "ja", "zh-CN", "fi", "fr"]
PROJECT_URL = "https://github.com/kpitree/kpitree"


def png_size(data):
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


class Description(unittest.TestCase):
    """description.xml and the files it names, read from the built .oxt."""

    @classmethod
    def setUpClass(cls):
        cls.oxt = zipfile.ZipFile(OXT)
        cls.names = set(cls.oxt.namelist())
        cls.root = ET.fromstring(cls.oxt.read("description.xml"))

    @classmethod
    def tearDownClass(cls):
        cls.oxt.close()

    def read(self, href):
        self.assertIn(href, self.names, "description.xml names a file the .oxt lacks")
        return self.oxt.read(href)

    def test_publisher_is_the_project_in_every_language(self):
        names = self.root.findall("d:publisher/d:name", NS)
        self.assertEqual(sorted(n.get("lang") for n in names), sorted(LANGUAGES))
        for n in names:
            self.assertEqual(n.get(HREF), PROJECT_URL)
            self.assertIn("KPI Tree", n.text)

    def test_requires_libreoffice_7_4_not_openoffice(self):
        deps = self.root.find("d:dependencies", NS)
        self.assertEqual(deps.find("lo:LibreOffice-minimal-version", NS).get("value"), "7.4")
        self.assertIsNone(deps.find("d:OpenOffice.org-minimal-version", NS))

    def test_licence_is_the_repository_licence_accepted_at_installation(self):
        licence = self.root.find("d:registration/d:simple-license", NS)
        # "admin": whoever installs accepts (a person installing for themselves in the Extension
        # Manager, root for all users); "user" made every user of a shared install answer a
        # licence dialog at start, which a headless office cannot.
        self.assertEqual(licence.get("accept-by"), "admin")
        text = self.read(licence.find("d:license-text", NS).get(HREF))
        with open(os.path.join(SOURCE, "LICENSE"), "rb") as f:
            self.assertEqual(text, f.read())
        self.assertTrue(text.startswith(b"Mozilla Public License Version 2.0"))

    def test_release_notes_are_shipped(self):
        notes = self.read(self.root.find("d:release-notes/d:src", NS).get(HREF)).decode()
        version = self.root.find("d:version", NS).get("value")
        self.assertIn("KPI Tree " + version, notes)

    def test_display_name_and_description_in_five_languages_without_hard_breaks(self):
        names = {n.get("lang"): n.text for n in self.root.findall("d:display-name/d:name", NS)}
        self.assertEqual(sorted(names), sorted(LANGUAGES))
        sources = {s.get("lang"): s.get(HREF)
                   for s in self.root.findall("d:extension-description/d:src", NS)}
        self.assertEqual(sorted(sources), sorted(LANGUAGES))
        texts = {lang: self.read(href).decode("utf-8") for lang, href in sources.items()}
        for lang, text in texts.items():
            self.assertEqual(text.rstrip("\n").count("\n"), 0, lang + ": a hard line break")
            self.assertGreater(len(text), 100, lang)
            self.assertIn("KPI.CHECK", text, lang)
        self.assertEqual(len(set(texts.values())), len(texts), "a language repeats another")

    def test_icons_for_the_extension_manager_and_high_contrast(self):
        icon = self.root.find("d:icon", NS)
        default = self.read(icon.find("d:default", NS).get(HREF))
        contrast = self.read(icon.find("d:high-contrast", NS).get(HREF))
        self.assertEqual(png_size(default), (42, 42))
        self.assertEqual(png_size(contrast), (42, 42))
        self.assertNotEqual(default, contrast)


class Help(unittest.TestCase):
    """The help inside the .oxt: a page per function and a start page in every language,
    well-formed, help.tree naming only pages that exist, the HTML page the menu opens."""

    FUNCTIONS = ["check", "expected", "residual", "lint", "granger", "padjust", "causal",
                 "contrib", "target", "rollup", "elasticity", "variance", "whatif"]

    def test_every_page_present_well_formed_and_listed(self):
        with zipfile.ZipFile(OXT) as z:
            names = set(z.namelist())
            manifest = z.read("META-INF/manifest.xml").decode()
            self.assertIn('manifest:full-path="help"', manifest)
            for lang in LANGUAGES + ["zh-TW"]:
                folder = "help/%s/org.kpitree.extension/" % lang
                pages = ["index"] + self.FUNCTIONS
                for page in pages:
                    path = folder + page + ".xhp"
                    self.assertIn(path, names)
                    root = ET.fromstring(z.read(path))  # raises on malformed XML
                    self.assertEqual(root.tag, "helpdocument")
                    self.assertEqual(root.find("meta/topic/filename").text,
                                     "/org.kpitree.extension/%s.xhp" % page)
                    self.assertTrue(root.findall("body/paragraph"), path)
                tree = ET.fromstring(z.read("help/%s/help.tree" % lang))
                topics = [t.get("id") for t in tree.iter("topic")]
                self.assertEqual(len(topics), len(pages), lang)
                for topic in topics:
                    self.assertTrue(topic.startswith("scalc/"), topic)
                    self.assertIn("help/%s/%s" % (lang, topic[len("scalc/"):]), names)
                html = z.read("help/html/%s/index.html" % lang).decode("utf-8")
                for f in self.FUNCTIONS:
                    self.assertIn('id="%s"' % f, html)
            # xmllint, where installed, agrees that every help file is well-formed.
            if shutil.which("xmllint"):
                with tempfile.TemporaryDirectory() as d:
                    files = [n for n in names if n.endswith((".xhp", ".tree"))]
                    z.extractall(d, files)
                    result = subprocess.run(["xmllint", "--noout"] +
                                            [os.path.join(d, f) for f in files],
                                            capture_output=True, text=True)
                    self.assertEqual(result.returncode, 0, result.stderr)


def unopkg(command, *args, env_dir):
    env_args = ["-env:UserInstallation=file://" + os.path.join(env_dir, "profile"),
                "-env:UNO_SHARED_PACKAGES_CACHE=file://" + os.path.join(env_dir, "shared")]
    return subprocess.run([UNOPKG, command, "--shared"] + list(args) + env_args,
                          capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL,
                          env=office_env())


class Unopkg(unittest.TestCase):
    def test_add_list_remove_in_a_throwaway_installation(self):
        with tempfile.TemporaryDirectory(prefix="kpitree-unopkg-") as d:
            # -s: the licence is accepted for the test (a person sees it in the dialog).
            added = unopkg("add", "-s", "-f", OXT, env_dir=d)
            self.assertEqual(added.returncode, 0, added.stdout + added.stderr)
            listed = unopkg("list", env_dir=d)
            self.assertEqual(listed.returncode, 0, listed.stdout + listed.stderr)
            self.assertIn("Identifier: org.kpitree.extension", listed.stdout)
            self.assertRegex(listed.stdout, r"is registered: yes")
            self.assertNotIn("is registered: no", listed.stdout)
            for part in ("application/vnd.sun.star.help", "uno-components", "configuration-data"):
                self.assertIn(part, listed.stdout)
            removed = unopkg("remove", "org.kpitree.extension", env_dir=d)
            self.assertEqual(removed.returncode, 0, removed.stdout + removed.stderr)
            listed = unopkg("list", env_dir=d)
            self.assertNotIn("org.kpitree.extension", listed.stdout)

    def test_without_accepting_the_licence_nothing_is_installed(self):
        # No -s and no one to answer: the licence is declined, the extension not installed.
        with tempfile.TemporaryDirectory(prefix="kpitree-unopkg-") as d:
            unopkg("add", "-f", OXT, env_dir=d)
            self.assertNotIn("org.kpitree.extension", unopkg("list", env_dir=d).stdout)


class Registry(unittest.TestCase):
    """What the Extension Manager dialog shows, read from the office's package registry."""

    def package(self, office):
        manager = office.ctx.getValueByName("/singletons/com.sun.star.deployment.ExtensionManager")
        for p in manager.getDeployedExtensions("shared", None, None):
            if p.getIdentifier().Value == "org.kpitree.extension":
                return p
        self.fail("org.kpitree.extension is not deployed")

    def test_fields_as_the_extension_manager_shows_them(self):
        # In English: without a language pack the office's UI (and so the Extension Manager)
        # falls back to English whatever ooLocale says; the other languages' texts are checked
        # in the file above.
        with Office(OXT) as office:
            p = self.package(office)
            self.assertEqual(p.getVersion(), self.version())
            self.assertEqual(p.getDisplayName(), "KPI Tree")
            self.assertIn("audits KGI/KPI trees", p.getDescription())
            publisher = p.getPublisherInfo()
            self.assertEqual(publisher.First, "The KPI Tree project")
            self.assertEqual(publisher.Second, PROJECT_URL)
            self.assertTrue(p.getLicenseText().startswith("Mozilla Public License"))
            self.assertIsNotNone(p.getIcon(False))
            self.assertIsNotNone(p.getIcon(True))
            self.assertTrue(p.checkDependencies(None), "LibreOffice 7.4+ is not satisfied")
            self.assertTrue(p.isRegistered(None, None).Value.Value)

    def version(self):
        with zipfile.ZipFile(OXT) as z:
            root = ET.fromstring(z.read("description.xml"))
        return root.find("d:version", NS).get("value")


if __name__ == "__main__":
    unittest.main()
