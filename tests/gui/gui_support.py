"""What the GUI tests share: where the built extension, the build and the sources are, and
waiting for the office (which answers asynchronously: panels refresh after a quiet period)."""
import os
import time

OXT = os.environ.get("KPITREE_OXT", "build/kpitree.oxt")
BUILD = os.environ.get("KPITREE_BUILD_DIR", "build")
SOURCE = os.environ.get("KPITREE_SOURCE_DIR",
                        os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..")))
EXAMPLE = os.path.join(SOURCE, "examples", "marketing-automation.ods")


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
