"""What the fleet benchmarks share: running a tool that may be missing or may
fail without stopping the run, counting its requests through the delay proxy,
and writing a tool's result, or why there is none, into a table cell.
"""
import re
import subprocess
import time

from bench import critical_path, ms, proxy_stats

TIME_LIMIT = 600  # seconds one command may take before its row says it was stopped


class Measured:
    """One timed command: its seconds, or the problem that left none; with the
    proxy, the requests it sent, how many could write, and the longest chain of
    them sent one after another (round trips on the critical path)."""

    def __init__(self, seconds=None, problem=None, requests=None, writes=None, trips=None, changed=None):
        self.seconds, self.problem = seconds, problem
        self.requests, self.writes, self.trips, self.changed = requests, writes, trips, changed

    @property
    def ok(self):
        return self.seconds is not None


def printable(text, limit=120):
    """The last line of a tool's complaint, as plain ASCII for the table."""
    lines = [line for line in text.splitlines() if line.strip()]
    line = lines[-1] if lines else "no output"
    return re.sub(r"[^ -~]", "?", line).replace("|", "/")[:limit]


def attempt(argv, env, proxy=None, accept=(0,), changed_code=None):
    """Runs argv; a Measured with the time, or with the problem when it could
    not run or exited with a code not in `accept`."""
    before = proxy_stats(proxy) if proxy else None
    start = time.perf_counter()
    try:
        result = subprocess.run(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=TIME_LIMIT)
    except OSError as error:
        return Measured(problem=f"could not run {argv[0]}: {error.strerror}")
    except subprocess.TimeoutExpired:
        return Measured(problem=f"stopped after {TIME_LIMIT} s")
    seconds = time.perf_counter() - start
    if result.returncode not in accept:
        return Measured(problem=f"failed ({result.returncode}): "
                        + printable(result.stderr.decode("utf-8", "replace") or result.stdout.decode("utf-8", "replace")))
    measured = Measured(seconds=seconds, changed=changed_code is not None and result.returncode == changed_code)
    if proxy:
        after = proxy_stats(proxy)
        timeline = after["timeline"][len(before["timeline"]):]
        measured.requests, measured.writes = len(timeline), after["writes"] - before["writes"]
        measured.trips = critical_path(timeline)
    return measured


def scaled(measured, factor):
    """A result for `factor` times the work, from a sample of it."""
    if not measured.ok or factor == 1:
        return measured
    return Measured(measured.seconds * factor, None, *(None if value is None else value * factor for value in
                                                      (measured.requests, measured.writes, measured.trips)),
                    measured.changed)


def median_of(samples):
    """The median run, or the first failure (a failed run makes the row say so)."""
    failed = [m for m in samples if not m.ok]
    if failed or not samples:
        return failed[0] if failed else Measured(problem="no runs")
    return sorted(samples, key=lambda m: m.seconds)[len(samples) // 2]


def time_cell(measured):
    return ms(measured.seconds) if measured.ok else measured.problem


def peers_cell(peers):
    """`name time; name time`, or what stopped a peer."""
    return "; ".join(f"{name} {time_cell(value)}" for name, value in peers.items())


def ratio_cell(ours, peers):
    """Each peer's time over rolewiz's, from the same run."""
    if not ours.ok:
        return "-"
    parts = [f"{value.seconds / ours.seconds:.1f}x vs {name}" for name, value in peers.items() if value.ok]
    return "; ".join(parts) or "-"


def counts(measured):
    """`requests / writes / round trips in a row`."""
    if not measured.ok or measured.requests is None:
        return measured.problem or "-"
    return f"{measured.requests:g} / {measured.writes:g} / {measured.trips:g}"


def counts_cell(peers):
    return "; ".join(f"{name} {counts(value)}" for name, value in peers.items())


def supports(rolewiz, env, flag):
    """Whether `rolewiz apply --help` lists `flag` (features still being built)."""
    result = subprocess.run([rolewiz, "apply", "--help"], env=env, capture_output=True, text=True)
    return flag in result.stdout + result.stderr
