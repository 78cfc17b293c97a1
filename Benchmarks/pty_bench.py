#!/usr/bin/env python3
"""Drives the real wizard (`rolewiz wizard`) on a pseudo-terminal against moto
and times what a person feels: launch to the first complete frame, keystroke
to complete frame (median, p99) for moving in the policy list, typing in its
filter and typing in the trust policy editor, bytes written per small change,
and the wizard's peak resident memory (VmHWM) with every policy loaded.

Each latency runs from the key's write to the last byte of the frame it
caused (writes with no gap over FRAME_GAP); a later frame in the same burst,
such as a policy preview arriving from IAM, counts in bytes but not in the
latency. A burst ends after QUIET seconds of silence, which is not counted.
The screen is followed with pyte only between measurements (to know where
the wizard is), never while a keystroke is being timed.
  pty_bench.py ROLEWIZ ENDPOINT [RUNS [KEYS]]   prints the numbers as JSON
"""
import fcntl
import json
import os
import re
import select
import signal
import statistics
import struct
import subprocess
import sys
import termios
import time

import pyte

QUIET = 0.03
FRAME_GAP = 0.002
ROWS, COLUMNS = 24, 80
DOWN, UP, BACKSPACE, ESC = b"\x1b[B", b"\x1b[A", b"\x7f", b"\x1b"
FILTER_QUERIES = ["amazons3full", "lookout", "readonly", "iamfull", "ec2container"]
LONG_LIST_ROWS = re.compile(r"1-\d+ of (\d{3,})")
ROLE_QUERIES = ["bench-role-01", "2999", "role-1"]


class PtyProgram:
    def __init__(self, argv, env, rows=ROWS, cols=COLUMNS):
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.started = time.perf_counter()
        self.last_byte = self.started
        self.process = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                                        start_new_session=True, close_fds=True)
        os.close(slave)

    def frame(self, timeout=5.0):
        """Reads one burst of output: (bytes, time of the frame's last byte).

        The frame is the first run of writes with no gap over FRAME_GAP:
        ncurses writes one frame in one go, so anything later in the burst
        is a second frame (a background result, such as a policy preview
        arriving) and is counted in bytes but not in the latency."""
        chunks, first_frame_end, last = [], None, None
        deadline = time.perf_counter() + timeout
        while True:
            wait = QUIET if last is not None else max(0.0, deadline - time.perf_counter())
            ready, _, _ = select.select([self.master], [], [], wait)
            if not ready:
                break
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                break
            if not chunk:
                break
            now = time.perf_counter()
            if last is None or (first_frame_end == last and now - last <= FRAME_GAP):
                first_frame_end = now
            chunks.append(chunk)
            last = now
        data = b"".join(chunks)
        if last is not None:
            self.last_byte = last
        self.stream.feed(data)  # after the burst: the timing above is not touched
        return len(data), first_frame_end

    @property
    def text(self):
        return "\n".join(self.screen.display)

    def wait_for(self, pattern, timeout=60.0):
        """Reads frames until the screen matches `pattern` (a regex); the match."""
        deadline = time.perf_counter() + timeout
        while True:
            found = re.search(pattern, self.text)
            if found:
                return found
            if time.perf_counter() > deadline or self.process.poll() is not None:
                sys.exit(f"pty_bench: the wizard never showed {pattern!r}; the screen was:\n{self.text}")
            self.frame(timeout=max(0.1, deadline - time.perf_counter()))

    def key(self, data):
        """Sends a key; (bytes of the frame it caused, seconds to its last byte)."""
        sent = time.perf_counter()
        os.write(self.master, data)
        count, last = self.frame()
        return count, (last - sent) if last is not None else float("nan")

    def settle(self):
        """Lets a keystroke's frame (and any follow-up) finish before the next step."""
        while self.frame(timeout=0.2)[1] is not None:
            pass

    def memory_kb(self):
        """VmHWM (peak resident set), and now: RssAnon (the heap and stacks,
        the program's own) and RssFile (mapped code and libraries, shared)."""
        fields = {}
        with open(f"/proc/{self.process.pid}/status") as status:
            for line in status:
                name, _, value = line.partition(":")
                if name in ("VmHWM", "RssAnon", "RssFile"):
                    fields[name] = int(value.split()[0])
        return fields

    def stop(self):
        for data in (b"\x03", b"y", b"q", b"y"):
            if self.process.poll() is not None:
                break
            os.write(self.master, data)
            self.frame(timeout=0.3)
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=10)
        os.close(self.master)


def p99(values):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, len(ordered) * 99 // 100)]


def one_run(rolewiz, endpoint, env, keys):
    """One wizard session; the samples of each measurement."""
    run = {"move": [], "move_bytes": [], "filter": [], "type": [], "type_bytes": []}
    wizard = PtyProgram([rolewiz, "wizard", "--preset", "lookout-equipment", "--role-name", "bench-pty",
                         "--endpoint-url", endpoint], env)
    _, last = wizard.frame()
    run["first_frame"] = last - wizard.started
    wizard.wait_for(r"123456789012")  # the identity came back from STS
    wizard.settle()

    # Step 2, Permissions, with every managed policy loaded.
    wizard.key(b"\r")
    wizard.wait_for(r"Trusted entity type")
    wizard.settle()
    wizard.key(b"\r")
    run["policies"] = int(wizard.wait_for(LONG_LIST_ROWS).group(1))
    wizard.settle()
    # The first visit to a row reads its policy for the preview; measure the steady state.
    for key in (DOWN, UP):
        wizard.key(key)
        wizard.settle()
    for index in range(keys):
        count, latency = wizard.key(DOWN if index % 2 == 0 else UP)
        run["move_bytes"].append(count)
        run["move"].append(latency)

    # The filter: each typed character and each Backspace filters every row again.
    wizard.key(b"/")
    for query in FILTER_QUERIES:
        for character in query:
            run["filter"].append(wizard.key(character.encode())[1])
        for _ in query:
            run["filter"].append(wizard.key(BACKSPACE)[1])
    wizard.key(ESC)
    wizard.settle()

    # Step 3, the trust policy editor: type and take back one character at a time.
    wizard.key(b"\r")
    wizard.wait_for(r"Size \d+/\d+")
    wizard.settle()
    wizard.key(b"e")
    wizard.settle()
    wizard.key(DOWN + DOWN)
    wizard.settle()
    for _ in range(keys // 2):
        count, latency = wizard.key(b"x")
        run["type_bytes"].append(count)
        run["type"].append(latency)
        run["type"].append(wizard.key(BACKSPACE)[1])
    run["memory"] = wizard.memory_kb()
    wizard.stop()
    return run


def time_list(wizard, key, complete, what, timeout=120):
    """Sends `key` and reads frames until `complete(screen text)`: seconds from
    the key to the last byte of the first frame with rows of a long list drawn
    (usable, though more may be coming), and to the complete frame."""
    sent = time.perf_counter()
    os.write(wizard.master, key)
    first = None
    while True:
        wizard.frame(timeout=1.0)
        if first is None and LONG_LIST_ROWS.search(wizard.text):
            first = wizard.last_byte - sent
        if complete(wizard.text):
            return first, wizard.last_byte - sent
        if time.perf_counter() - sent > timeout or wizard.process.poll() is not None:
            sys.exit(f"pty_bench: the wizard never showed {what}; the screen was:\n{wizard.text}")


def policy_list_run(rolewiz, endpoint, env, total):
    """One wizard session on an account with `total` managed policies (AWS's
    and the customer's): Enter on step 1 to the first frame of step 2 with
    policy rows, and to the one listing them all, loading done."""
    wizard = PtyProgram([rolewiz, "wizard", "--preset", "lookout-equipment", "--role-name", "bench-pty",
                         "--endpoint-url", endpoint], env)
    wizard.wait_for(r"123456789012")
    wizard.settle()
    wizard.key(b"\r")
    wizard.wait_for(r"Trusted entity type")
    wizard.settle()
    listed = re.compile(rf"1-\d+ of {total}\b")
    first, complete = time_list(wizard, b"\r",
                                lambda text: listed.search(text) and "loading policies" not in text, f"{total} policies")
    run = {"first_rows": first, "listed": complete, "memory": wizard.memory_kb()}
    wizard.stop()
    return run


def measure_policy_list(rolewiz, endpoint, env, runs, total):
    env = dict(env, TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    samples = [policy_list_run(rolewiz, endpoint, env, total) for _ in range(runs)]
    return {
        "first_rows": statistics.median(s["first_rows"] for s in samples),
        "listed": statistics.median(s["listed"] for s in samples),
        "peak_kb": statistics.median(s["memory"]["VmHWM"] for s in samples),
    }


def role_list_run(rolewiz, endpoint, env, roles, keys):
    """One wizard session on an account with `roles` roles: Enter on "Edit an
    existing role" to the frame listing them all (ListRoles, sorted, with
    trusted entities), then moving in the list and filtering it as you type.
    Each row in view reads its last activity (GetRole) in the background; those
    later frames are not counted in a keystroke's latency."""
    run = {"move": [], "filter": []}
    wizard = PtyProgram([rolewiz, "wizard", "--endpoint-url", endpoint], env)
    wizard.wait_for(r"Edit an existing role")
    wizard.wait_for(r"123456789012")
    wizard.settle()
    wizard.key(DOWN)
    wizard.key(DOWN)
    wizard.settle()
    listed = re.compile(rf"1-\d+ of {roles}\b")
    run["first_rows"], run["listed"] = time_list(wizard, b"\r", lambda text: listed.search(text), f"{roles} roles")
    wizard.settle()
    for index in range(keys):
        run["move"].append(wizard.key(DOWN if index % 2 == 0 else UP)[1])
        wizard.settle()
    wizard.key(b"/")
    for query in ROLE_QUERIES:
        for character in query:
            run["filter"].append(wizard.key(character.encode())[1])
            wizard.settle()
        for _ in query:
            run["filter"].append(wizard.key(BACKSPACE)[1])
            wizard.settle()
    wizard.key(ESC)
    run["memory"] = wizard.memory_kb()
    wizard.stop()
    return run


def measure_role_list(rolewiz, endpoint, env, runs, roles, keys=60):
    env = dict(env, TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    samples = [role_list_run(rolewiz, endpoint, env, roles, keys) for _ in range(runs)]
    moves = [value for sample in samples for value in sample["move"]]
    filters = [value for sample in samples for value in sample["filter"]]
    return {
        "listed": statistics.median(s["listed"] for s in samples),
        "first_rows": statistics.median(s["first_rows"] for s in samples),
        "move_keys": len(moves), "move_median": statistics.median(moves), "move_p99": p99(moves),
        "filter_keys": len(filters), "filter_median": statistics.median(filters), "filter_p99": p99(filters),
        "peak_kb": statistics.median(s["memory"]["VmHWM"] for s in samples),
    }


def measure(rolewiz, endpoint, env, runs, keys=100):
    env = dict(env, TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    samples = [one_run(rolewiz, endpoint, env, keys) for _ in range(runs)]

    def pooled(name):
        return [value for sample in samples for value in sample[name]]

    return {
        "first_frame": statistics.median(s["first_frame"] for s in samples),
        "policies": samples[0]["policies"],
        "move_keys": len(pooled("move")),
        "move_median": statistics.median(pooled("move")),
        "move_p99": p99(pooled("move")),
        "move_bytes": statistics.median(pooled("move_bytes")),
        "filter_keys": len(pooled("filter")),
        "filter_median": statistics.median(pooled("filter")),
        "filter_p99": p99(pooled("filter")),
        "type_keys": len(pooled("type")),
        "type_median": statistics.median(pooled("type")),
        "type_p99": p99(pooled("type")),
        "type_bytes": statistics.median(pooled("type_bytes")),
        "peak_kb": statistics.median(s["memory"]["VmHWM"] for s in samples),
        "anon_kb": statistics.median(s["memory"]["RssAnon"] for s in samples),
        "file_kb": statistics.median(s["memory"]["RssFile"] for s in samples),
    }


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit("usage: pty_bench.py ROLEWIZ ENDPOINT [RUNS [KEYS]]")
    environment = dict(os.environ, AWS_EC2_METADATA_DISABLED="true")
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    keys = int(sys.argv[4]) if len(sys.argv) > 4 else 100
    print(json.dumps(measure(sys.argv[1], sys.argv[2], environment, runs, keys), indent=2))
