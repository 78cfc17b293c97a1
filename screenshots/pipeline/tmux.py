"""Drives programs under tmux on a private server (`tmux -L NAME`), so nothing
touches the user's own tmux sessions and stopping means killing only this server.
"""
import os
import re
import shlex
import subprocess
import tempfile
import time

ESCAPE = re.compile(r"\x1b\[[0-9;:?]*[A-Za-z]")

# No status line (it would take a row), no escape delay, 256 colours inside.
CONFIG = """\
set -g status off
set -g escape-time 0
set -g remain-on-exit on
set -g history-limit 0
set -g default-terminal "{terminal}"
"""


class ScreenTimeout(Exception):
    """The expected text did not appear in time; carries the last screen."""

    def __init__(self, wanted, absent, screen, seconds):
        gone = f" without {list(absent)!r}" if absent else ""
        super().__init__(f"waited {seconds:g}s for {list(wanted)!r}{gone}; the screen was:\n{screen}")


def terminal_type():
    """tmux-256color when this machine's terminfo has it, else screen-256color."""
    found = subprocess.run(["infocmp", "tmux-256color"], capture_output=True).returncode == 0
    return "tmux-256color" if found else "screen-256color"


class TmuxServer:
    def __init__(self, name):
        self.name = name
        handle, self.config = tempfile.mkstemp(prefix="rolewiz-shots-", suffix=".conf")
        with os.fdopen(handle, "w") as file:
            file.write(CONFIG.format(terminal=terminal_type()))
        self.started = False
        self.socket = None

    def tmux(self, *arguments, check=True):
        result = subprocess.run(["tmux", "-L", self.name, "-f", self.config, *arguments],
                                capture_output=True, text=True)
        if check and result.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(arguments)}: {result.stderr.strip()}")
        return result.stdout

    def start(self, session, command, environment, columns, rows):
        """A new detached session of the given size running `command` with exactly
        `environment` (nothing of the caller's own environment leaks in)."""
        assignments = [f"{key}={value}" for key, value in sorted(environment.items())]
        line = shlex.join(["env", "-i", *assignments, *command])
        self.tmux("new-session", "-d", "-s", session, "-x", str(columns), "-y", str(rows), line)
        if not self.started:
            self.socket = self.tmux("display-message", "-p", "#{socket_path}").strip()
        self.started = True
        pane = Pane(self, session)
        pane.announce_size(columns, rows)
        return pane

    def stop(self):
        """Kills this private server only (and with it everything it runs)."""
        if self.started:
            self.tmux("kill-server", check=False)
            if self.socket and os.path.exists(self.socket):
                os.unlink(self.socket)  # tmux leaves its socket file behind
        if os.path.exists(self.config):
            os.unlink(self.config)


class Pane:
    def __init__(self, server, target):
        self.server = server
        self.target = target

    def announce_size(self, columns, rows, timeout=15.0):
        """Once the program has drawn, shrinks the window by a row and restores it:
        two SIGWINCHes. A program that reads its first size from terminfo (ncurses
        with use_env(FALSE) answers 80x24) then lays itself out for the real window,
        as it would after any resize by a person."""
        deadline = time.monotonic() + timeout
        while not self.text().strip() and time.monotonic() < deadline:
            time.sleep(0.05)
        self.server.tmux("resize-window", "-t", self.target, "-x", str(columns), "-y", str(rows - 1))
        self.server.tmux("resize-window", "-t", self.target, "-x", str(columns), "-y", str(rows))

    def send(self, *keys):
        """tmux key names: Enter, Tab, BTab, Up, Down, Space, Escape, F1, C-c ..."""
        self.server.tmux("send-keys", "-t", self.target, *keys)

    def type(self, text):
        self.server.tmux("send-keys", "-t", self.target, "-l", text)

    def text(self):
        return self.server.tmux("capture-pane", "-p", "-N", "-t", self.target)

    def capture(self, wanted=(), timeout=15.0):
        """The screen with colours (-e) and trailing blanks (-N), taken again until it
        shows all of `wanted` (a moving screen may have changed since the last wait).
        The final newline is dropped so replaying it does not scroll row 0 away."""
        deadline = time.monotonic() + timeout
        while True:
            output = self.server.tmux("capture-pane", "-p", "-e", "-N", "-t", self.target)
            plain = ESCAPE.sub("", output)
            if all(item in plain for item in wanted):
                return output[:-1] if output.endswith("\n") else output
            if time.monotonic() > deadline:
                raise ScreenTimeout(wanted, (), plain, timeout)
            time.sleep(0.02)

    def cursor(self):
        """(x, y) of the cursor when the program shows it, else None."""
        shown, x, y = self.server.tmux(
            "display-message", "-p", "-t", self.target, "#{cursor_flag} #{cursor_x} #{cursor_y}").split()
        return (int(x), int(y)) if shown == "1" else None

    def wait_for(self, wanted, absent=(), timeout=30.0, settle=0.25):
        """Polls until every string in `wanted` and none in `absent` is on screen,
        and the screen has stopped changing for `settle` seconds (so no half-drawn
        frame is kept)."""
        deadline = time.monotonic() + timeout
        screen, stable_since = None, None
        while True:
            current = self.text()
            if all(item in current for item in wanted) and not any(item in current for item in absent):
                if settle == 0:
                    return current
                if current == screen:
                    if time.monotonic() - stable_since >= settle:
                        return current
                else:
                    stable_since = time.monotonic()
            screen = current
            if time.monotonic() > deadline:
                raise ScreenTimeout(wanted, absent, current, timeout)
            time.sleep(0.05)

    def kill(self):
        self.server.tmux("kill-session", "-t", self.target, check=False)
