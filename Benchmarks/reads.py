"""The reads group: the wizard's permissions list on an account with 5,000
customer managed policies (besides AWS's), to the first frame with rows and to
the complete list, with its peak memory, beside listing the customer managed
policies with a boto3 paginator and `aws iam list-policies --scope Local`.
The role list at 3,000 roles is the roles group (bench.py role_list).
"""
import statistics
import sys
from concurrent.futures import ThreadPoolExecutor

from bench import ms, peak_memory_row, proxy_stats, start_moto, start_proxy
from fleet_tools import Measured, attempt, median_of, peers_cell, ratio_cell

POLICY_COUNT = 5000
SEED_THREADS = 8
DOCUMENT = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}'
BOTO3_LIST = ("import sys, boto3\n"
              "iam = boto3.client('iam', endpoint_url=sys.argv[1], region_name='us-east-1')\n"
              "print(sum(len(p['Policies']) for p in iam.get_paginator('list_policies').paginate(Scope='Local')))\n")


def seed_policies(moto, env, count):
    """`count` customer managed policies in moto, from several threads (setup,
    not timed); a call moto fails under the load is made again. Returns how
    many managed policies the account then has, AWS's included."""
    import boto3
    session = boto3.session.Session(aws_access_key_id=env["AWS_ACCESS_KEY_ID"],
                                    aws_secret_access_key=env["AWS_SECRET_ACCESS_KEY"], region_name="us-east-1")

    def make(batch):
        iam = session.client("iam", endpoint_url=moto.url)
        for index in batch:
            for attempt_number in range(5):
                try:
                    iam.create_policy(PolicyName=f"bench-policy-{index:04d}", PolicyDocument=DOCUMENT)
                    break
                except iam.exceptions.EntityAlreadyExistsException:
                    break
                except Exception:  # moto's IAM is not thread-safe everywhere; try again
                    if attempt_number == 4:
                        raise
    with ThreadPoolExecutor(SEED_THREADS) as pool:
        list(pool.map(make, [range(start, count, SEED_THREADS) for start in range(SEED_THREADS)]))
    iam = session.client("iam", endpoint_url=moto.url)
    return sum(len(page["Policies"]) for page in iam.get_paginator("list_policies").paginate(Scope="All"))


def list_requests(proxy, argv, env):
    """ListPolicies requests one run of argv sends (through a proxy that adds nothing)."""
    before = len(proxy_stats(proxy)["timeline"])
    attempt(argv, env)
    return sum(1 for action, _, _ in proxy_stats(proxy)["timeline"][before:] if action == "ListPolicies")


def policy_list(rolewiz, env, runs, rows, notes):
    import pty_bench  # alongside this file
    moto = start_moto(env)
    counter = start_proxy(moto, env, 0)
    try:
        total = seed_policies(moto, env, POLICY_COUNT)
        results = pty_bench.measure_policy_list(rolewiz, moto.url, env, runs, total)
        peer_argv = {"boto3": lambda url: [sys.executable, "-c", BOTO3_LIST, url],
                     "aws-cli": lambda url: ["aws", "iam", "list-policies", "--scope", "Local", "--endpoint-url", url,
                                             "--output", "json"]}
        samples = {name: [attempt(argv(moto.url), env) for _ in range(runs)] for name, argv in peer_argv.items()}
        peers = {f"{name} (Scope=Local)": median_of(values) for name, values in samples.items()}
        pages = {name: list_requests(counter, argv(counter.url), env) for name, argv in peer_argv.items()}
        before = len(proxy_stats(counter)["timeline"])
        pty_bench.measure_policy_list(rolewiz, counter.url, env, 1, total)
        pages = dict(rolewiz=sum(1 for action, _, _ in proxy_stats(counter)["timeline"][before:]
                                 if action == "ListPolicies"), **pages)
    finally:
        counter.stop()
        moto.stop()

    listed = Measured(results["listed"])
    rows.append((f"Permissions list, {total} policies ({POLICY_COUNT} customer managed): Enter on step 1 to the "
                 "first frame with policy rows", ms(results["first_rows"]), "-", "-", "-", "-"))
    rows.append((f"Permissions list, {total} policies: Enter on step 1 to the complete list, loading done",
                 ms(results["listed"]), peers_cell(peers), ratio_cell(listed, peers), "-", "-"))
    rows.append((f"ListPolicies requests (pages, one after another) for {total} policies", f"{pages['rolewiz']}",
                 f"boto3 {pages['boto3']}; aws-cli {pages['aws-cli']} (Scope=Local, {POLICY_COUNT})", "-", "-", "-"))
    rows.append(peak_memory_row(f"permissions list of {total} policies", results["peak_kb"]))
    notes.append(f"Reads rows: {POLICY_COUNT} customer managed policies made in moto first (boto3, {SEED_THREADS} "
                 "threads); the wizard (`rolewiz wizard --preset lookout-equipment`, on a pseudo-terminal) lists every "
                 "managed policy (Scope=All) from step 2's first frame; its times run from the Enter on step 1 to the "
                 "last byte of the first frame with policy rows (usable while the rest loads) and of the frame with all "
                 "of them and loading done. boto3 and aws-cli only list the customer managed ones (Scope=Local), in a "
                 "new process each (start included, nothing drawn). Pages counted through a proxy that adds no delay.")
