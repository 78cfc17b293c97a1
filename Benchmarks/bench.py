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
PYTHON_SUPPORT = os.path.join(ROOT, "Tests", "TestSupport", "python")
PROXY = os.path.join(PYTHON_SUPPORT, "fault_proxy.py")
MOTO_LAUNCHER = os.path.join(PYTHON_SUPPORT, "moto_launcher.py")
LATENCY_MS = 50
POLICY_QUERIES = ["amazons3full", "lookout", "readonly", "iamfull", "ec2container"]
CLIENTS = ["rolewiz", "boto3", "aws-cli"]
DYNAMIC = "rolewiz, dynamically linked"
GROUPS = ["e2e", "signing", "lint", "interactive", "roles", "fleet", "reads"]


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
        line = self.process.stdout.readline().decode().split()
        port = line[-1] if line else ""  # "MOTO-READY 12345" from moto, "12345" from the proxy
        if not port.isdigit():
            self.stop()
            sys.exit(f"bench: {' '.join(argv)} did not start (said {' '.join(line)!r})")
        self.port = int(port)
        self.url = f"http://127.0.0.1:{self.port}"

    def stop(self):
        try:
            self.process.stdin.close()
        except OSError:
            pass
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=10)


def start_moto(env):
    return Child([sys.executable, MOTO_LAUNCHER], dict(env, MOTO_IAM_LOAD_MANAGED_POLICIES="true"))


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


def critical_path(timeline):
    """The longest chain of requests each sent after the one before it was
    answered: the round trips a client waits for one after another."""
    requests = sorted(timeline, key=lambda entry: entry[2])
    depth = []
    for index, (_, start, _) in enumerate(requests):
        before = [depth[j] for j in range(index) if requests[j][2] <= start]
        depth.append(1 + max(before, default=0))
    return max(depth, default=0)


class Counter:
    value = 0

    @classmethod
    def name(cls, prefix):
        cls.value += 1
        return f"{prefix}-{os.getpid()}-{cls.value}"


# ---------------------------------------------------------------- end to end

def rolewiz_apply(rolewiz, endpoint, role):
    return [rolewiz, "apply", "--preset", "lookout-equipment", "--role-name", role, "--yes", "--endpoint-url", endpoint]


def clients(rolewiz, endpoint, role, reapply=False):
    """The ways to make the seed role, as argv lists: rolewiz (and its
    dynamically linked build when there is one), boto3, the AWS CLI."""
    argvs = {
        "rolewiz": rolewiz_apply(rolewiz["static"], endpoint, role),
        "boto3": [sys.executable, os.path.join(HERE, "boto3_apply.py"), endpoint, role],
        "aws-cli": [os.path.join(HERE, "aws_cli_sequence.sh"), endpoint, role] + (["reapply"] if reapply else []),
    }
    if rolewiz.get("dynamic"):
        argvs[DYNAMIC] = rolewiz_apply(rolewiz["dynamic"], endpoint, role)
    return argvs


def run_clients(rolewiz, endpoint, env, runs, role=None, proxy=None):
    """Median time per client (interleaved, so a burst of load elsewhere hits
    all alike) and, through the proxy, the median critical path and the
    writes and requests per run."""
    names = list(clients(rolewiz, endpoint, "-"))
    times = {name: [] for name in names}
    paths = {name: [] for name in names}
    writes = {name: [] for name in names}
    requests = {name: [] for name in names}
    for _ in range(runs):
        for name in names:
            target = role or Counter.name("bench-" + "".join(c if c.isalnum() else "-" for c in name))
            before = proxy_stats(proxy) if proxy else None
            times[name].append(timed(clients(rolewiz, endpoint, target, reapply=role is not None)[name], env))
            if proxy:
                after = proxy_stats(proxy)
                timeline = after["timeline"][len(before["timeline"]):]
                paths[name].append(critical_path(timeline))
                writes[name].append(after["writes"] - before["writes"])
                requests[name].append(len(timeline))
    median = lambda values: statistics.median(values) if values else None  # noqa: E731
    return ({name: median(values) for name, values in times.items()},
            {name: median(values) for name, values in paths.items()},
            {name: median(values) for name, values in writes.items()},
            {name: median(values) for name, values in requests.items()})


def end_to_end(rolewiz, env, runs, rows, notes):
    moto = start_moto(env)
    slow = start_proxy(moto, env, LATENCY_MS)
    try:
        # Warm moto (it loads the managed policies on the first call) and the file cache.
        timed(rolewiz_apply(rolewiz["static"], moto.url, Counter.name("warm")), env)
        direct, _, _, _ = run_clients(rolewiz, moto.url, env, runs)
        delayed, trips, _, _ = run_clients(rolewiz, slow.url, env, runs, proxy=slow)
        existing = Counter.name("bench-existing")
        timed(rolewiz_apply(rolewiz["static"], moto.url, existing), env)
        re_direct, _, _, _ = run_clients(rolewiz, moto.url, env, runs, role=existing)
        re_delayed, re_trips, re_writes, re_requests = run_clients(rolewiz, slow.url, env, runs, role=existing, proxy=slow)
    finally:
        slow.stop()
        moto.stop()

    notes.append("End-to-end rows time `rolewiz apply --preset lookout-equipment --yes` against "
                 "`Benchmarks/boto3_apply.py` (one Python process, the calls a careful script makes) and "
                 "`Benchmarks/aws_cli_sequence.sh` (awscli v1, one process per call), each process start included.")
    notes.append(f"Round trips are the longest chain of requests each sent after the previous one was answered, "
                 f"read from the delay proxy's per-request timeline (+{LATENCY_MS} ms on every request).")

    def versus(times):
        r = times["rolewiz"]
        return (f"{times['boto3'] / r:.1f}x vs boto3; {times['aws-cli'] / r:.1f}x vs aws-cli")

    def others(times):
        return f"boto3 {ms(times['boto3'])}; aws-cli {ms(times['aws-cli'])}"

    r = direct["rolewiz"]
    rows.append(("Create seed role, loopback moto", ms(r), others(direct), versus(direct),
                 ">= 5x boto3, >= 40x aws-cli", met(direct["boto3"] / r >= 5 and direct["aws-cli"] / r >= 40)))
    if DYNAMIC in direct:
        d = direct[DYNAMIC]
        rows.append(("Create seed role, loopback moto, `swift build -c release` (Swift libraries linked dynamically)",
                     ms(d), others(direct), f"{direct['boto3'] / d:.1f}x vs boto3; {direct['aws-cli'] / d:.1f}x vs aws-cli",
                     ">= 5x boto3, >= 40x aws-cli", met(direct["boto3"] / d >= 5 and direct["aws-cli"] / d >= 40)))
    rows.append((f"Create seed role, +{LATENCY_MS} ms per request", ms(delayed["rolewiz"]), others(delayed),
                 versus(delayed), "-", "-"))
    rows.append(("Round trips in a row, new role", f"{trips['rolewiz']:g}",
                 f"boto3 {trips['boto3']:g}; aws-cli {trips['aws-cli']:g}", "-",
                 "3 (parallel reads, one create, parallel attachments)", met(trips["rolewiz"] <= 3)))
    rows.append(("Re-apply unchanged role, loopback moto", ms(re_direct["rolewiz"]), others(re_direct),
                 versus(re_direct), "-", "-"))
    rows.append((f"Re-apply unchanged role, +{LATENCY_MS} ms per request", ms(re_delayed["rolewiz"]),
                 others(re_delayed), versus(re_delayed), "-", "-"))
    rows.append(("Re-apply unchanged role: writes / requests / round trips in a row",
                 f"{re_writes['rolewiz']:g} / {re_requests['rolewiz']:g} / {re_trips['rolewiz']:g}",
                 f"boto3 {re_writes['boto3']:g} / {re_requests['boto3']:g} / {re_trips['boto3']:g}; "
                 f"aws-cli {re_writes['aws-cli']:g} / {re_requests['aws-cli']:g} / {re_trips['aws-cli']:g}", "-",
                 "0 writes, reads in parallel (1 round trip)", met(re_writes["rolewiz"] == 0 and re_trips["rolewiz"] <= 1)))


# ---------------------------------------------------------------- signing

def signing(bench, env, runs, rows):
    ours, theirs = [], []
    for _ in range(runs):
        ours.append(float(subprocess.run([bench, "sign", "50000"], env=env, capture_output=True, check=True)
                          .stdout.split()[0]))
        theirs.append(float(subprocess.run([sys.executable, os.path.join(HERE, "botocore_sign.py"), "10000"], env=env,
                                           capture_output=True, check=True).stdout.split()[0]))
    o, t = statistics.median(ours), statistics.median(theirs)
    rows.append(("SigV4 requests signed per second (IAM Query POSTs)", f"{o:,.0f}/s", f"botocore {t:,.0f}/s",
                 f"{o / t:.1f}x", "-", "-"))


# ---------------------------------------------------------------- lint

def lint_policies(scratch):
    """A trust policy and an identity policy of about 2 KB each, written to files."""
    trust = {"Version": "2012-10-17", "Statement": [
        {"Sid": "Services", "Effect": "Allow",
         "Principal": {"Service": ["sagemaker.amazonaws.com", "lookoutequipment.amazonaws.com", "glue.amazonaws.com"]},
         "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}}},
        {"Sid": "GitHub", "Effect": "Allow",
         "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},
         "Action": "sts:AssumeRoleWithWebIdentity",
         "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},
                       "StringLike": {"token.actions.githubusercontent.com:sub": "repo:example-org/example-repo:ref:refs/heads/main"}}},
    ] + [{"Sid": f"Partner{n}", "Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{444455556666 + n}:role/partner-{n}"},
          "Action": ["sts:AssumeRole", "sts:TagSession"],
          "Condition": {"StringEquals": {"sts:ExternalId": f"external-id-{n:04d}"},
                        "Bool": {"aws:MultiFactorAuthPresent": "true"}}} for n in range(3)]}
    identity = {"Version": "2012-10-17", "Statement": [
        {"Sid": f"Read{n}", "Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket", "s3:GetObjectVersion"],
         "Resource": [f"arn:aws:s3:::example-bucket-{n}", f"arn:aws:s3:::example-bucket-{n}/*"],
         "Condition": {"StringEquals": {"s3:prefix": f"home/{n}/"}}} for n in range(5)]
        + [{"Sid": "Pass", "Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/app",
            "Condition": {"StringEquals": {"iam:PassedToService": "sagemaker.amazonaws.com"}}}]}
    paths = {}
    for name, document in (("trust", trust), ("identity", identity)):
        paths[name] = os.path.join(scratch, f"{name}.json")
        with open(paths[name], "w") as handle:
            json.dump(document, handle, indent=2)
    return paths


def lint(bench, env, runs, rows, notes, scratch):
    paths = lint_policies(scratch)
    samples = []
    for _ in range(runs):
        out = subprocess.run([bench, "lint", paths["trust"], paths["identity"], "2000"], env=env,
                             capture_output=True, check=True, text=True).stdout.split()
        samples.append(dict(zip(out[0::2], out[1::2])))
    value = lambda key: statistics.median(float(sample[key]) for sample in samples)
    peer = "parliament not installed"
    ratio = "-"
    try:
        import parliament  # noqa: F401  (a peer IAM policy linter on PyPI)
        code = ("import sys, time\nfrom parliament import analyze_policy_string\n"
                "text = open(sys.argv[1]).read()\nanalyze_policy_string(text)\n"
                "times = []\nfor _ in range(300):\n    t = time.perf_counter(); analyze_policy_string(text); times.append(time.perf_counter() - t)\n"
                "times.sort(); print(times[len(times) // 2] * 1000)\n")
        theirs = statistics.median(float(subprocess.run([sys.executable, "-c", code, paths["identity"]], env=env,
                                                        capture_output=True, check=True, text=True).stdout)
                                   for _ in range(runs))
        peer = f"parliament {parliament.__version__} {theirs:.2f} ms"
        ratio = f"{theirs / value('identity_median_ms'):.1f}x"
    except ImportError:
        pass
    trust_kb = int(samples[0]["trust_bytes"]) / 1024
    identity_kb = int(samples[0]["identity_bytes"]) / 1024
    rows.append((f"Lint a {trust_kb:.1f} KB trust policy (runs on every key in the trust editor)",
                 f"median {value('trust_median_ms'):.2f} ms, p99 {value('trust_p99_ms'):.2f} ms", "-", "-",
                 "< 5 ms", met(value("trust_p99_ms") < 5)))
    rows.append((f"Lint a {identity_kb:.1f} KB identity policy (the inline policy editor)",
                 f"median {value('identity_median_ms'):.2f} ms, p99 {value('identity_p99_ms'):.2f} ms", peer, ratio,
                 "< 5 ms", met(value("identity_p99_ms") < 5)))
    notes.append("Lint rows run `rolewiz-bench lint` (the linters the editors call, 2,000 runs each after one warm-up) "
                 "on policies written by `Benchmarks/bench.py`; parliament (duo-labs' IAM linter on PyPI) analyses the "
                 "same identity policy in its own process, timed the same way. It checks less (no condition keys, ARN "
                 "fields or positions), so the ratio compares speed, not coverage.")


# ---------------------------------------------------------------- interactive

def policy_names(moto, env):
    """Every AWS managed policy moto knows, one name a line."""
    code = ("import sys, boto3\n"
            "iam = boto3.client('iam', endpoint_url=sys.argv[1], region_name='us-east-1')\n"
            "for page in iam.get_paginator('list_policies').paginate(Scope='AWS'):\n"
            "    for p in page['Policies']: print(p['PolicyName'])\n")
    return subprocess.run([sys.executable, "-c", code, moto.url], env=env, capture_output=True, check=True).stdout


def interactive(rolewiz, bench, env, runs, rows, notes, scratch):
    import pty_bench  # alongside this file
    moto = start_moto(env)
    try:
        results = pty_bench.measure(rolewiz, moto.url, env, runs)
        names = policy_names(moto, env)
    finally:
        moto.stop()
    notes.append("Interactive rows drive the real wizard (`rolewiz wizard --preset lookout-equipment`) "
                 "on a pseudo-terminal (80x24, TERM=xterm-256color) against moto with `Benchmarks/pty_bench.py`: "
                 "latencies run from the key's write to the last byte of the frame it caused (a later frame, such as a "
                 "policy preview arriving from IAM, is not counted). List and filter keys are on step 2 with every policy loaded; "
                 "editor keys type and delete one character in the trust policy (each one re-linted).")
    count = results["policies"]
    rows.append(("Launch to first complete frame (wizard, connected)", ms(results["first_frame"]), "-", "-",
                 "< 100 ms", met(results["first_frame"] < 0.1)))
    rows.append((f"Keystroke to frame, move in the list of {count} policies (n={results['move_keys']})",
                 f"median {ms(results['move_median'])}, p99 {ms(results['move_p99'])}", "-", "-", "p99 < 10 ms",
                 met(results["move_p99"] < 0.01)))
    rows.append((f"Keystroke to frame, filter {count} policies as you type (n={results['filter_keys']})",
                 f"median {ms(results['filter_median'])}, p99 {ms(results['filter_p99'])}", "-", "-", "p99 < 10 ms",
                 met(results["filter_p99"] < 0.01)))
    rows.append((f"Keystroke to frame, trust policy editor (n={results['type_keys']})",
                 f"median {ms(results['type_median'])}, p99 {ms(results['type_p99'])}", "-", "-", "p99 < 10 ms",
                 met(results["type_p99"] < 0.01)))
    rows.append(("Bytes written: move one list row", f"{results['move_bytes']:g} B", "-", "-", "-", "-"))
    rows.append(("Bytes written: type one character in the editor", f"{results['type_bytes']:g} B", "-", "-", "-", "-"))
    rows.append((f"Peak memory (VmHWM), wizard with {count} policies loaded", f"{results['peak_kb'] / 1024:.1f} MB",
                 f"at the end: heap {results['anon_kb'] / 1024:.1f} MB, mapped code and libraries "
                 f"{results['file_kb'] / 1024:.1f} MB", "-", "< 40 MB", met(results["peak_kb"] < 40 * 1024)))

    names_file = os.path.join(scratch, "policies.txt")
    with open(names_file, "wb") as handle:
        handle.write(names)
    medians, p99s, rows_count = [], [], 0
    for _ in range(runs):
        out = subprocess.run([bench, "filter", names_file] + POLICY_QUERIES, env=env, capture_output=True,
                             check=True).stdout.decode().split()
        fields = dict(zip(out[::2], out[1::2]))
        rows_count = int(fields["rows"])
        medians.append(float(fields["median_ms"]))
        p99s.append(float(fields["p99_ms"]))
    rows.append((f"Filter per keystroke, {rows_count} AWS managed policies (ListView.setFilter in-process)",
                 f"median {statistics.median(medians):.3f} ms, p99 {statistics.median(p99s):.3f} ms", "-", "-",
                 "< 2 ms", met(statistics.median(p99s) < 2)))


ROLE_COUNT = 3000


def create_roles(moto, env, count):
    """`count` roles in moto, by boto3 one after another (setup, not timed; moto's
    IAM fails some calls made from several threads at once)."""
    code = ("import sys, json, boto3\n"
            "iam = boto3.client('iam', endpoint_url=sys.argv[1], region_name='us-east-1')\n"
            "trust = json.dumps({'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', "
            "'Principal': {'Service': 'lambda.amazonaws.com'}, 'Action': 'sts:AssumeRole'}]})\n"
            "for i in range(int(sys.argv[2])):\n"
            "    iam.create_role(RoleName=f'bench-role-{i:04d}', AssumeRolePolicyDocument=trust)\n")
    subprocess.run([sys.executable, "-c", code, moto.url, str(count)], env=env, check=True)


def role_list(rolewiz, env, runs, rows, notes):
    """The editor's role list on an account with ROLE_COUNT roles, against
    listing them with boto3 (a paginator) and the AWS CLI (`aws iam list-roles`)."""
    import pty_bench  # alongside this file
    moto = start_moto(env)
    try:
        create_roles(moto, env, ROLE_COUNT)
        results = pty_bench.measure_role_list(rolewiz, moto.url, env, runs, ROLE_COUNT)
        boto3_code = ("import sys, boto3\n"
                      "iam = boto3.client('iam', endpoint_url=sys.argv[1], region_name='us-east-1')\n"
                      "print(sum(len(p['Roles']) for p in iam.get_paginator('list_roles').paginate()))\n")
        peers = {
            "boto3": statistics.median(timed([sys.executable, "-c", boto3_code, moto.url], env) for _ in range(runs)),
            "aws-cli": statistics.median(timed(["aws", "iam", "list-roles", "--endpoint-url", moto.url, "--output", "json"], env)
                                         for _ in range(runs)),
        }
    finally:
        moto.stop()
    listed = results["listed"]
    rows.append((f"List {ROLE_COUNT} roles: Enter on \"Edit an existing role\" to the complete list frame", ms(listed),
                 "; ".join(f"{name} {ms(value)}" for name, value in peers.items()),
                 "; ".join(f"{value / listed:.1f}x vs {name}" for name, value in peers.items()), "-", "-"))
    rows.append((f"List {ROLE_COUNT} roles: Enter on \"Edit an existing role\" to the first frame with rows",
                 ms(results["first_rows"]), "-", "-", "-", "-"))
    rows.append((f"Keystroke to frame, move in the list of {ROLE_COUNT} roles (n={results['move_keys']})",
                 f"median {ms(results['move_median'])}, p99 {ms(results['move_p99'])}", "-", "-", "p99 < 10 ms",
                 met(results["move_p99"] < 0.01)))
    rows.append((f"Keystroke to frame, filter {ROLE_COUNT} roles as you type (n={results['filter_keys']})",
                 f"median {ms(results['filter_median'])}, p99 {ms(results['filter_p99'])}", "-", "-", "p99 < 10 ms",
                 met(results["filter_p99"] < 0.01)))
    rows.append(peak_memory_row(f"role list of {ROLE_COUNT} roles", results["peak_kb"]))
    notes.append(f"Role-list rows: {ROLE_COUNT} roles made in moto first; rolewiz's time runs from the Enter key to the last "
                 "byte of the frame showing them all (ListRoles pages of 1,000, sorted by name, trusted entities worked out), "
                 "the wizard already running; boto3 and aws-cli list them in a new process each (start included, nothing drawn). "
                 "Keys move or filter with every role listed, while the rows in view read their last activity (GetRole) in "
                 "the background; those frames are not counted.")


# ---------------------------------------------------------------- output

def ms(seconds):
    return f"{seconds * 1000:.1f} ms"


def met(ok):
    return "yes" if ok else "**no**"


def peak_memory_row(what, peak_kb):
    """The row of a wizard's peak resident memory, against the goal of 40 MB."""
    return (f"Peak memory (VmHWM), {what}", f"{peak_kb / 1024:.1f} MB", "-", "-", "< 40 MB", met(peak_kb < 40 * 1024))


def write_table(rows, notes, runs, path, build):
    lines = [
        "# rolewiz benchmarks",
        "",
        f"Run {time.strftime('%Y-%m-%d %H:%M:%S %Z')} on {platform.node()} ({platform.machine()}, "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the end), by `Benchmarks/run` "
        f"({build}). Medians of {runs} runs; ratios are comparison / rolewiz, measured in the same run.",
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
    parser.add_argument("--dynamic-products", help="a dynamically linked release build's products, timed beside")
    parser.add_argument("--build", default="swift build -c release", help="how the products were built (for the table)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", choices=GROUPS, action="append")
    parser.add_argument("--output", default=os.path.join(HERE, "results.md"))
    args = parser.parse_args()
    runs = max(5, args.runs)
    sys.path.insert(0, HERE)
    scratch = tempfile.mkdtemp(prefix="rolewiz-bench-")
    env = base_environment(scratch)
    os.environ["AWS_EC2_METADATA_DISABLED"] = "true"
    rolewiz = {"static": os.path.join(args.products, "rolewiz"),
               "dynamic": args.dynamic_products and os.path.join(args.dynamic_products, "rolewiz")}
    bench = os.path.join(args.products, "rolewiz-bench")
    rows, notes = [], []
    try:
        only = set(args.only or GROUPS)
        if "e2e" in only:
            end_to_end(rolewiz, env, runs, rows, notes)
        if "signing" in only:
            signing(bench, env, runs, rows)
        if "lint" in only:
            lint(bench, env, runs, rows, notes, scratch)
        if "interactive" in only:
            interactive(rolewiz["static"], bench, env, runs, rows, notes, scratch)
        if "roles" in only:
            role_list(rolewiz["static"], env, runs, rows, notes)
        if "fleet" in only:
            import fleet, organization  # alongside this file
            fleet.fleet(rolewiz["static"], env, runs, rows, notes, scratch)
            organization.organization(rolewiz["static"], env, runs, rows, notes, scratch)
        if "reads" in only:
            import reads  # alongside this file
            reads.policy_list(rolewiz["static"], env, runs, rows, notes)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    write_table(rows, notes, runs, args.output, args.build)


if __name__ == "__main__":
    main()
