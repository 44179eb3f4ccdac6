"""A private X server for GUI tests: Xvfb on the first free display number, no window manager."""
import os
import shutil
import subprocess
import time


class XvfbUnavailable(Exception):
    pass


def lock_owner(number):
    """The PID in display `number`'s lock file (/tmp/.X<n>-lock), else None."""
    try:
        with open("/tmp/.X%d-lock" % number) as f:
            return int(f.read().strip())
    except (OSError, ValueError):
        return None


class Xvfb:
    def __init__(self, width=1600, height=1000):
        self.size = "%dx%dx24" % (width, height)
        self.process = None
        self.display = None

    def start(self):
        if shutil.which("Xvfb") is None:
            raise XvfbUnavailable("Xvfb is not installed (apt-get install xvfb)")
        for number in range(90, 190):
            if os.path.exists("/tmp/.X%d-lock" % number) or \
                    os.path.exists("/tmp/.X11-unix/X%d" % number):
                continue
            process = subprocess.Popen(
                ["Xvfb", ":%d" % number, "-screen", "0", self.size, "-nolisten", "tcp"],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
            deadline = time.time() + 10
            while time.time() < deadline and process.poll() is None:
                # Ours only when the display's lock names our server: two tests starting at
                # once may both try this number, and the socket may be the other one's.
                if os.path.exists("/tmp/.X11-unix/X%d" % number) and \
                        lock_owner(number) == process.pid:
                    self.process, self.display = process, ":%d" % number
                    return self
                time.sleep(0.1)
            if process.poll() is None:
                process.terminate()
                process.wait()
        raise XvfbUnavailable("Xvfb could not start on any display :90..:189")

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            self.process = None
