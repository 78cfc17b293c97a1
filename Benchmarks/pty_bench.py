#!/usr/bin/env python3
"""Drives a TerminalUI program on a pseudo-terminal and times what a person feels:
launch to first complete frame, keystroke to complete frame (median, p99), bytes
written per small change, and the program's peak resident memory (VmHWM).

A frame is complete when the program has written nothing for QUIET seconds;
times are taken to the last byte of the frame, so the quiet wait is not counted.
  pty_bench.py PROGRAM   prints the numbers as JSON
"""
import fcntl
import json
import os
import select
import signal
import statistics
import struct
import subprocess
import sys
import termios
import time

QUIET = 0.03
KEYS = 200
DOWN, UP = b"\x1b[B", b"\x1b[A"


class PtyProgram:
    def __init__(self, argv, env, rows=24, cols=80):
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.started = time.perf_counter()
        self.process = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                                        start_new_session=True, close_fds=True)
        os.close(slave)

    def frame(self, timeout=5.0):
        """Reads one burst of output: (bytes, time of its last byte)."""
        total, last = 0, None
        deadline = time.perf_counter() + timeout
        while True:
            wait = QUIET if last is not None else max(0.0, deadline - time.perf_counter())
            ready, _, _ = select.select([self.master], [], [], wait)
            if not ready:
                return total, last
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return total, last
            if not chunk:
                return total, last
            total += len(chunk)
            last = time.perf_counter()

    def key(self, data):
        """Sends a key; (bytes of the frame it caused, seconds to its last byte)."""
        sent = time.perf_counter()
        os.write(self.master, data)
        count, last = self.frame()
        return count, (last - sent) if last is not None else float("nan")

    def peak_kb(self):
        with open(f"/proc/{self.process.pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        return -1

    def stop(self):
        for data in (b"\x03", b"q"):
            if self.process.poll() is not None:
                break
            os.write(self.master, data)
            self.frame(timeout=0.5)
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=10)
        os.close(self.master)


def p99(values):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, len(ordered) * 99 // 100)]


def measure(program, env, runs):
    env = dict(env, TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    first_frames, peaks = [], []
    move_latency, move_bytes, type_latency, type_bytes = [], [], [], []
    for _ in range(runs):
        form = PtyProgram([program, "--screen", "form"], env)
        _, last = form.frame()
        first_frames.append(last - form.started)
        form.key(b"\t")  # focus the list
        for index in range(KEYS // runs + 1):
            count, latency = form.key(DOWN if index % 2 == 0 else UP)
            move_bytes.append(count)
            move_latency.append(latency)
        peaks.append(form.peak_kb())
        form.stop()

        editor = PtyProgram([program, "--screen", "editor"], env)
        editor.frame()
        editor.key(DOWN + DOWN)
        for _ in range(KEYS // runs + 1):
            count, latency = editor.key(b"x")
            type_bytes.append(count)
            type_latency.append(latency)
        peaks.append(editor.peak_kb())
        editor.stop()
    return {
        "first_frame": statistics.median(first_frames),
        "keys": len(move_latency),
        "key_median": statistics.median(move_latency),
        "key_p99": p99(move_latency),
        "type_median": statistics.median(type_latency),
        "type_p99": p99(type_latency),
        "row_bytes": statistics.median(move_bytes),
        "char_bytes": statistics.median(type_bytes),
        "peak_kb": max(peaks),
    }


if __name__ == "__main__":
    print(json.dumps(measure(sys.argv[1], dict(os.environ, AWS_EC2_METADATA_DISABLED="true"), 5), indent=2))
