"""Opens a workbook in the user's LibreOffice Calc with the KPI Tree sidebar deck shown.
Used by scripts/run-example.sh when a display exists."""
import os
import subprocess
import sys
import time
import uuid

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException


def main(path):
    pipe = "kpitree_open_" + uuid.uuid4().hex[:8]
    subprocess.Popen(["/usr/lib/libreoffice/program/soffice", "--norestore", "--nologo",
                      "--accept=pipe,name=%s;urp;" % pipe], start_new_session=True)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + 90
    while True:
        try:
            ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            break
        except NoConnectException:
            if time.time() > deadline:
                sys.exit("kpitree: LibreOffice did not start")
            time.sleep(0.5)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(path)), "_blank",
                                       0, (PropertyValue("Hidden", 0, False, 0),))
    sidebar = doc.CurrentController.getSidebar()
    sidebar.setVisible(True)
    decks = sidebar.getDecks()
    for name in decks.getElementNames():
        deck = decks.getByName(name)
        if "kpi" in name.lower() or deck.getTitle() == "KPI Tree":
            deck.activate(True)
            break
    print("kpitree: opened %s in Calc with the KPI Tree sidebar" % path)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "examples/marketing-automation.ods")
