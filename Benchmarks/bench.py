#!/usr/bin/env python3
"""Runs every rolewiz benchmark and writes Benchmarks/results.md.

Called by Benchmarks/run after a release build. Everything talks to 127.0.0.1
only: moto and fault_proxy.py are started here on free ports and stopped by PID.
Each number is the median of at least five runs; ratios come from the same run.
"""
import argparse
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PROXY = os.path.join(ROOT, "Tests", "TestSupport", "python", "fault_proxy.py")
LATENCY_MS = 50
POLICY_QUERIES = ["amazons3full", "lookout", "readonly", "iamfull", "ec2container"]

MOTO_LAUNCHER = """
import os, sys
from moto.server import ThreadedMotoServer
server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
server.start()
print(server.get_host_and_port()[1], flush=True)
os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
while sys.stdin.buffer.read(65536):
    pass
os._exit(0)
"""


def base_environment(scratch):
    """Only what the tools need, with fake credentials and no config files of the developer."""
    env = {name: os.environ[name] for name in ("PATH", "HOME", "TMPDIR") if name in os.environ}
    env.update({
        "LANG": "C.UTF-8",
        "AWS_EC2_METADATA_DISABLED": "true",
        "AWS_ACCESS_KEY_ID": "AKIABENCHMARK0000001",
        "AWS_SECRET_ACCESS_KEY": "benchmark-secret-not-real",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_REGION": "us-east-1",
        "AWS_CONFIG_FILE": os.path.join(scratch, "config"),
        "AWS_SHARED_CREDENTIALS_FILE": os.path.join(scratch, "credentials"),
        "NO_PROXY": "127.0.0.1,localhost",
    })
    return env


class Child:
    """A helper process that prints its port first and exits when its stdin closes."""

    def __init__(self, argv, env):
        self.process = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, env=env)
        line = self.process.stdout.readline().decode().strip()
        if not line.isdigit():
            self.stop()
            sys.exit(f"bench: {argv[0]} did not start (said {line!r})")
        self.port = int(line)
        self.url = f"http://127.0.0.1:{self.port}"

    def stop(self):
        try:
            self.process.stdin.close()
        except OSError:
            pass
        os.kill(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=10)


def start_moto(env):
    return Child([sys.executable, "-c", MOTO_LAUNCHER], dict(env, MOTO_IAM_LOAD_MANAGED_POLICIES="true"))


def start_proxy(moto, env, latency_ms):
    return Child([sys.executable, PROXY, "--upstream", f"127.0.0.1:{moto.port}", "--latency-ms", str(latency_ms)], env)


def proxy_stats(proxy):
    with urllib.request.urlopen(f"{proxy.url}/__proxy/stats", timeout=10) as response:
        return json.loads(response.read())


def timed(argv, env):
    start = time.perf_counter()
    result = subprocess.run(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"bench: {' '.join(argv)} failed ({result.returncode}):\n{result.stdout.decode()}{result.stderr.decode()}")
    return elapsed


class Counter:
    value = 0

    @classmethod
    def name(cls, prefix):
        cls.value += 1
        return f"{prefix}-{os.getpid()}-{cls.value}"


# ---------------------------------------------------------------- end to end

class Tools:
    def __init__(self, products, env):
        self.rolewiz = os.path.join(products, "rolewiz")
        self.bench = os.path.join(products, "rolewiz-bench")
        self.tui_demo = os.path.join(products, "tui-demo")
        probe = subprocess.run([self.rolewiz, "apply", "--help"], env=env, capture_output=True)
        self.has_apply = probe.returncode == 0 and b"--preset" in probe.stdout

    def rolewiz_apply(self, endpoint, role):
        if self.has_apply:
            return [self.rolewiz, "apply", "--preset", "lookout-equipment", "--role-name", role, "--yes",
                    "--endpoint-url", endpoint]
        return [self.bench, "apply", "--endpoint-url", endpoint, "--role-name", role]

    @property
    def rolewiz_label(self):
        return "`rolewiz apply`" if self.has_apply else "`rolewiz-bench apply` (Planner+Applier in-process; `rolewiz apply` not merged yet)"


def clients(tools, endpoint, role, reapply=False):
    """The three ways to make the seed role, as argv lists."""
    cli = [os.path.join(HERE, "aws_cli_sequence.sh"), endpoint, role] + (["reapply"] if reapply else [])
    return {
        "rolewiz": tools.rolewiz_apply(endpoint, role),
        "boto3": [sys.executable, os.path.join(HERE, "boto3_apply.py"), endpoint, role],
        "aws-cli": cli,
    }


def create_medians(tools, endpoint, env, runs):
    times = {"rolewiz": [], "boto3": [], "aws-cli": []}
    for _ in range(runs):
        # Interleaved, so a burst of load elsewhere hits all three alike.
        for name in times:
            role = Counter.name(f"bench-{name}")
            times[name].append(timed(clients(tools, endpoint, role)[name], env))
    return {name: statistics.median(values) for name, values in times.items()}


def reapply_medians(tools, endpoint, env, runs, role):
    times = {"rolewiz": [], "boto3": [], "aws-cli": []}
    for _ in range(runs):
        for name in times:
            times[name].append(timed(clients(tools, endpoint, role, reapply=True)[name], env))
    return {name: statistics.median(values) for name, values in times.items()}


def end_to_end(tools, env, runs, rows, notes):
    moto = start_moto(env)
    slow = start_proxy(moto, env, LATENCY_MS)
    try:
        # Warm moto (managed policies load lazily) and the file cache.
        timed(tools.rolewiz_apply(moto.url, Counter.name("warm")), env)
        direct = create_medians(tools, moto.url, env, runs)
        delayed = create_medians(tools, slow.url, env, runs)

        existing = Counter.name("bench-existing")
        timed(tools.rolewiz_apply(moto.url, existing), env)
        re_direct = reapply_medians(tools, moto.url, env, runs, existing)
        before = proxy_stats(slow)
        re_times = []
        for _ in range(runs):
            re_times.append(timed(tools.rolewiz_apply(slow.url, existing), env))
        after = proxy_stats(slow)
        re_delayed = statistics.median(re_times)
        writes_per_run = (after["writes"] - before["writes"]) / runs
        requests_per_run = (len(after["log"]) - len(before["log"])) / runs
    finally:
        slow.stop()
        moto.stop()

    label = tools.rolewiz_label
    notes.append(f"End-to-end rows time {label}; the comparisons are `Benchmarks/boto3_apply.py` (one process) "
                 "and `Benchmarks/aws_cli_sequence.sh` (awscli v1, one process per call).")
    r = direct["rolewiz"]
    rows.append(("Create seed role, loopback moto", ms(r),
                 f"boto3 {ms(direct['boto3'])}; aws-cli {ms(direct['aws-cli'])}",
                 f"{direct['boto3'] / r:.1f}x vs boto3; {direct['aws-cli'] / r:.1f}x vs aws-cli",
                 ">= 5x boto3, >= 40x aws-cli",
                 met(direct["boto3"] / r >= 5 and direct["aws-cli"] / r >= 40)))
    trips = (delayed["rolewiz"] - direct["rolewiz"]) / (LATENCY_MS / 1000)
    rows.append((f"Create seed role, +{LATENCY_MS} ms per request", ms(delayed["rolewiz"]),
                 f"boto3 {ms(delayed['boto3'])}; aws-cli {ms(delayed['aws-cli'])}",
                 f"{delayed['boto3'] / delayed['rolewiz']:.1f}x vs boto3; {delayed['aws-cli'] / delayed['rolewiz']:.1f}x vs aws-cli",
                 "-", "-"))
    rows.append(("Sequential round trips, new role ((t+50ms - t) / 50 ms)", f"{trips:.1f}",
                 f"boto3 {(delayed['boto3'] - direct['boto3']) / 0.05:.1f}; aws-cli {(delayed['aws-cli'] - direct['aws-cli']) / 0.05:.1f}",
                 "-", "3 (parallel reads, create, parallel attachments)", met(round(trips) <= 3)))
    re_trips = (re_delayed - re_direct["rolewiz"]) / (LATENCY_MS / 1000)
    rows.append(("Re-apply unchanged role, loopback moto", ms(re_direct["rolewiz"]),
                 f"boto3 {ms(re_direct['boto3'])}; aws-cli {ms(re_direct['aws-cli'])}",
                 f"{re_direct['boto3'] / re_direct['rolewiz']:.1f}x vs boto3; {re_direct['aws-cli'] / re_direct['rolewiz']:.1f}x vs aws-cli",
                 "-", "-"))
    rows.append((f"Re-apply unchanged role, +{LATENCY_MS} ms: writes / requests / sequential round trips",
                 f"{writes_per_run:g} / {requests_per_run:g} / {re_trips:.1f}", "-", "-",
                 "0 writes, reads in parallel (1 round trip)", met(writes_per_run == 0 and round(re_trips) <= 1)))


# ---------------------------------------------------------------- signing

def signing(tools, env, runs, rows):
    ours, theirs = [], []
    for _ in range(runs):
        ours.append(float(subprocess.run([tools.bench, "sign", "50000"], env=env, capture_output=True, check=True)
                          .stdout.split()[0]))
        theirs.append(float(subprocess.run([sys.executable, os.path.join(HERE, "botocore_sign.py"), "10000"], env=env,
                                           capture_output=True, check=True).stdout.split()[0]))
    o, t = statistics.median(ours), statistics.median(theirs)
    rows.append(("SigV4 requests signed per second (IAM Query POSTs)", f"{o:,.0f}/s", f"botocore {t:,.0f}/s",
                 f"{o / t:.1f}x", "-", "-"))


# ---------------------------------------------------------------- interactive

def policy_names(env):
    """Every AWS managed policy moto knows, one name a line."""
    moto = start_moto(env)
    try:
        code = ("import sys, boto3\n"
                "iam = boto3.client('iam', endpoint_url=sys.argv[1], region_name='us-east-1')\n"
                "for page in iam.get_paginator('list_policies').paginate(Scope='AWS'):\n"
                "    for p in page['Policies']: print(p['PolicyName'])\n")
        names = subprocess.run([sys.executable, "-c", code, moto.url], env=env, capture_output=True, check=True).stdout
    finally:
        moto.stop()
    return names


def interactive(tools, env, runs, rows, notes, scratch):
    import pty_bench  # alongside this file
    target = "tui-demo (TerminalUI demo; the wizard is not merged yet)"
    results = pty_bench.measure(tools.tui_demo, env, runs)
    notes.append(f"Interactive rows drive {target} on a pseudo-terminal (80x24, TERM=xterm-256color) with "
                 "`Benchmarks/pty_bench.py`; a frame is complete when the program has written nothing for 30 ms, "
                 "and latencies are measured to the last byte of the frame.")
    rows.append(("Launch to first complete frame", ms(results["first_frame"]), "-", "-", "< 100 ms",
                 met(results["first_frame"] < 0.1)))
    rows.append((f"Keystroke to frame, list move (n={results['keys']})",
                 f"median {ms(results['key_median'])}, p99 {ms(results['key_p99'])}", "-", "-", "p99 < 10 ms",
                 met(results["key_p99"] < 0.01)))
    rows.append((f"Keystroke to frame, editor typing (n={results['keys']})",
                 f"median {ms(results['type_median'])}, p99 {ms(results['type_p99'])}", "-", "-", "p99 < 10 ms",
                 met(results["type_p99"] < 0.01)))
    rows.append(("Bytes written: move one list row", f"{results['row_bytes']:g} B", "-", "-", "-", "-"))
    rows.append(("Bytes written: type one character", f"{results['char_bytes']:g} B", "-", "-", "-", "-"))

    names_file = os.path.join(scratch, "policies.txt")
    with open(names_file, "wb") as handle:
        handle.write(policy_names(env))
    medians, p99s, peaks, count = [], [], [], 0
    for _ in range(runs):
        out = subprocess.run([tools.bench, "filter", names_file] + POLICY_QUERIES, env=env, capture_output=True,
                             check=True).stdout.decode().split()
        fields = dict(zip(out[::2], out[1::2]))
        count = int(fields["rows"])
        medians.append(float(fields["median_ms"]))
        p99s.append(float(fields["p99_ms"]))
        peaks.append(int(fields["vmhwm_kb"]))
    rows.append((f"Filter per keystroke, {count} AWS managed policies from moto",
                 f"median {statistics.median(medians):.3f} ms, p99 {statistics.median(p99s):.3f} ms", "-", "-",
                 "< 2 ms", met(statistics.median(p99s) < 2)))
    rows.append(("Peak memory (VmHWM), tui-demo on the pty", f"{results['peak_kb'] / 1024:.1f} MB", "-", "-",
                 "< 40 MB", met(results["peak_kb"] < 40 * 1024)))
    rows.append((f"Peak memory (VmHWM), {count} policies loaded in a ListView (rolewiz-bench filter)",
                 f"{statistics.median(peaks) / 1024:.1f} MB", "-", "-", "< 40 MB",
                 met(statistics.median(peaks) < 40 * 1024)))


# ---------------------------------------------------------------- output

def ms(seconds):
    return f"{seconds * 1000:.1f} ms"


def met(ok):
    return "yes" if ok else "**no**"


def write_table(rows, notes, runs, path):
    lines = [
        "# rolewiz benchmarks",
        "",
        f"Run {time.strftime('%Y-%m-%d %H:%M:%S %Z')} on {platform.node()} ({platform.machine()}, "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the end), by `Benchmarks/run`. "
        f"Medians of {runs} runs; ratios are comparison / rolewiz, measured in the same run.",
        "",
        "| Benchmark | rolewiz | Comparison | Ratio | Goal | Met |",
        "|---|---|---|---|---|---|",
    ]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    lines += [""] + [f"- {note}" for note in notes] + [""]
    text = "\n".join(lines)
    with open(path, "w") as handle:
        handle.write(text)
    print(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", required=True, help="the release products directory")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", choices=["e2e", "signing", "interactive"], action="append")
    parser.add_argument("--output", default=os.path.join(HERE, "results.md"))
    args = parser.parse_args()
    runs = max(5, args.runs)
    sys.path.insert(0, HERE)
    scratch = tempfile.mkdtemp(prefix="rolewiz-bench-")
    env = base_environment(scratch)
    os.environ["AWS_EC2_METADATA_DISABLED"] = "true"
    tools = Tools(args.products, env)
    rows, notes = [], []
    try:
        only = set(args.only or ["e2e", "signing", "interactive"])
        if "e2e" in only:
            end_to_end(tools, env, runs, rows, notes)
        if "signing" in only:
            signing(tools, env, runs, rows)
        if "interactive" in only:
            interactive(tools, env, runs, rows, notes, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    write_table(rows, notes, runs, args.output)


if __name__ == "__main__":
    main()
