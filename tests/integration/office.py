"""A real LibreOffice for tests: the built .oxt installed into a throwaway profile, a headless
soffice started on a private pipe, and a UNO connection to it. No mocks.

    with Office(oxt) as office:
        doc = office.new_calc()
"""
import os
import re
import shutil
import subprocess
import tempfile
import time
import uuid

# The office under test: $KPITREE_SOFFICE (e.g. LibreOffice 25.2 from scripts/install-office-25.sh,
# /opt/libreoffice-25.2/usr/lib/libreoffice/program/soffice), else the system's; its own unopkg
# installs the .oxt. This Python's uno module (the system's python3-uno, 7.4) talks to either over
# the URP bridge, given the office's type libraries: a newer office's objects list interfaces 7.4
# does not know (getTypes), and the bridge disposes itself on an unknown type. UNO_TYPES must be
# set before the first `import uno` (the second ctest pass sets it; the prefix's soffice and
# unopkg unset it for themselves).
SOFFICE = os.environ.get("KPITREE_SOFFICE") or "/usr/lib/libreoffice/program/soffice"
UNOPKG = os.environ.get("KPITREE_UNOPKG") or os.path.join(os.path.dirname(SOFFICE), "unopkg")
SYSTEM_PROGRAM = "/usr/lib/libreoffice/program"
_program = os.path.dirname(os.path.realpath(SOFFICE))
if _program != SYSTEM_PROGRAM and "UNO_TYPES" not in os.environ:
    os.environ["UNO_TYPES"] = "file://%s/types.rdb file://%s/types/offapi.rdb" % (_program, _program)


def installed_version():
    """The version of the office under test as its configuration says it ("7.4", "25.2")."""
    main = os.path.join(_program, "..", "share", "registry", "main.xcd")
    with open(main, encoding="utf-8") as f:
        found = re.search(r'<prop oor:name="ooSetupVersion">\s*<value>([^<]*)</value>', f.read())
    return found.group(1) if found else "0.0"


def office_env(**changes):
    """The environment for the office's own processes: without UNO_TYPES (the office's list
    includes the installed extensions' types), with `changes`."""
    env = {k: v for k, v in os.environ.items() if k != "UNO_TYPES"}
    env.update(changes)
    return env

import uno  # noqa: E402 (after UNO_TYPES)
from com.sun.star.beans import PropertyValue  # noqa: E402
from com.sun.star.connection import NoConnectException  # noqa: E402

# The repository's input workbooks, which tests running side by side open (see Office.load).
_SOURCE = os.path.realpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
SHARED_INPUTS = [os.path.join(_SOURCE, "examples"), os.path.join(_SOURCE, "tests", "fixtures")]


def props(**kwargs):
    out = []
    for k, v in kwargs.items():
        p = PropertyValue()
        p.Name, p.Value = k, v
        out.append(p)
    return tuple(out)


class Office:
    def __init__(self, oxt=None, headless=True, display=None, language=None):
        self.oxt = oxt
        self.headless = headless
        self.display = display
        self.language = language
        self.dir = tempfile.mkdtemp(prefix="kpitree-office-")
        self.profile = "file://" + os.path.join(self.dir, "profile")
        self.cache = "file://" + os.path.join(self.dir, "shared")
        self.pipe = "kpitree" + uuid.uuid4().hex[:12]
        self.process = None
        self.ctx = None
        self.desktop = None

    def env_args(self):
        return ["-env:UserInstallation=" + self.profile, "-env:UNO_SHARED_PACKAGES_CACHE=" + self.cache]

    def install(self):
        if not self.oxt:
            return
        result = subprocess.run([UNOPKG, "add", "--shared", "-s", "-f", self.oxt] + self.env_args(),
                                capture_output=True, text=True, timeout=300, env=office_env())
        if result.returncode != 0:
            raise RuntimeError("unopkg add failed: " + result.stdout + result.stderr)

    def start(self):
        self.install()
        return self.launch()

    def mark_version_seen(self):
        """Records in the profile that this office version has run in it before: LibreOffice
        25.2 otherwise runs its graphics render tests at the first start of a profile with a
        display (a minute on a busy machine) and shows what is new in the version."""
        path = os.path.join(self.dir, "profile", "user", "registrymodifications.xcu")
        item = ('<item oor:path="/org.openoffice.Setup/Product"><prop oor:name="ooSetupLastVersion"'
                ' oor:op="fuse"><value>%s</value></prop></item>\n' % installed_version())
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                text = f.read()
            if "ooSetupLastVersion" in text or "</oor:items>" not in text:
                return
            text = text.replace("</oor:items>", item + "</oor:items>")
        else:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            text = ('<?xml version="1.0" encoding="UTF-8"?>\n<oor:items'
                    ' xmlns:oor="http://openoffice.org/2001/registry"'
                    ' xmlns:xs="http://www.w3.org/2001/XMLSchema"'
                    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
                    + item + "</oor:items>\n")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)

    def launch(self):
        """Starts soffice on this profile (installed already) and connects to it."""
        if not self.headless:
            self.mark_version_seen()
        args = [SOFFICE, "--norestore", "--nologo", "--nodefault", "--nolockcheck",
                "--accept=pipe,name=%s;urp;" % self.pipe] + self.env_args()
        env = office_env()
        if self.headless:
            args[1:1] = ["--headless", "--invisible"]
            # LibreOffice 25.2 runs its VCL graphics render tests at the first start of every
            # new profile (a minute on a busy machine) unless DISPLAY is set and not local:
            # a headless office uses no display anyway.
            env["DISPLAY"] = ""
        if self.display:
            env["DISPLAY"] = self.display
        if self.language:
            env["LANGUAGE"] = self.language
            env["LC_ALL"] = self.language.replace("-", "_") + ".UTF-8"
        if not self.headless:
            env.setdefault("SAL_USE_VCLPLUGIN", "gen")
        self.process = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL, start_new_session=True)
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        url = "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % self.pipe
        deadline = time.time() + 120
        while True:
            try:
                self.ctx = resolver.resolve(url)
                break
            except NoConnectException:
                if time.time() > deadline or self.process.poll() is not None:
                    raise RuntimeError("soffice did not answer on pipe " + self.pipe)
                time.sleep(0.3)
        self.desktop = self.ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", self.ctx)
        return self

    def alive(self):
        """The office still answers a UNO call."""
        try:
            return self.desktop.getComponents() is not None
        except Exception:
            return False

    def soffice_pid(self):
        """PID of the soffice.bin this office runs (the soffice wrapper starts it in the process
        group start() created), or None when it is gone."""
        if self.process is None:
            return None
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open("/proc/%s/stat" % entry) as f:
                    stat = f.read()
            except OSError:
                continue
            comm = stat[stat.index("(") + 1:stat.rindex(")")]
            fields = stat[stat.rindex(")") + 2:].split()
            if comm == "soffice.bin" and int(fields[2]) == self.process.pid and fields[0] != "Z":
                return int(entry)
        return None

    def kill(self):
        """Ends this office's process group at once (after a crash or a hang)."""
        if self.process is None:
            return
        try:
            os.killpg(self.process.pid, 9)
        except ProcessLookupError:
            pass
        self.process.wait()
        self.process = self.ctx = self.desktop = None

    def restart(self):
        """Ends this office and starts it again on the same profile, the .oxt still installed:
        for tests that go on after the office crashed or hung, or want a fresh process."""
        if self.alive():
            self.end()
        else:
            self.kill()
        self.pipe = "kpitree" + uuid.uuid4().hex[:12]
        return self.launch()

    def version(self):
        """(major, minor) of the running office, e.g. (7, 4) or (25, 2) (its ooSetupVersion)."""
        provider = self.ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.configuration.ConfigurationProvider", self.ctx)
        product = provider.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationAccess",
            props(nodepath="/org.openoffice.Setup/Product"))
        return tuple(int(part) for part in product.ooSetupVersion.split(".")[:2])

    def new_calc(self):
        return self.desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0,
                                                 props(Hidden=self.headless))

    def load(self, path, hidden=None):
        """Opens `path`; one of the repository's input workbooks (SHARED_INPUTS: an example, a
        fixture, which tests running side by side both open) from a private copy. A GUI office
        that finds another office's lock on a document asks "Document in Use" in a modal dialog,
        and loadComponentFromURL never returns: gui.diagram@25.2 hung so in CI beside
        gui.diagram, both opening the marketing example."""
        path = os.path.abspath(path)
        if os.path.dirname(os.path.realpath(path)) in SHARED_INPUTS:
            private = os.path.join(self.dir, "documents")
            os.makedirs(private, exist_ok=True)
            path = shutil.copy(path, private)
        url = uno.systemPathToFileUrl(path)
        hidden = self.headless if hidden is None else hidden
        return self.desktop.loadComponentFromURL(url, "_blank", 0, props(Hidden=hidden))

    def end(self):
        """Ends the office (terminate, or kill its process group after 30 s); keeps the profile."""
        if self.desktop is not None:
            try:
                self.desktop.terminate()
            except Exception:
                pass
        if self.process is not None:
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, 9)
                self.process.wait()
        self.process = self.ctx = self.desktop = None

    def stop(self):
        self.end()
        shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
