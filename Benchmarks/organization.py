"""The organization rows: the seed role in the 10 member accounts of a moto
organization, `rolewiz apply --organization` beside Benchmarks/org_boto3.py.

What moto 5 does here (checked with moto 5.2.1): CreateAccount makes the
member account's OrganizationAccountAccessRole itself, trusted by the
management account; AssumeRole of it returns credentials that act in the
member account (GetCallerIdentity names it, roles made with them are in its
IAM). moto does not check AssumeRole at all: a role that does not exist, in an
account outside the organization, is assumed as well. With
MOTO_IAM_LOAD_MANAGED_POLICIES=true each new account loads the AWS managed
policies, which makes CreateAccount take seconds (setup, not timed).
"""
import os
import subprocess
import sys

from bench import LATENCY_MS, start_moto, start_proxy
from fleet import SEED_PRESET, seed_spec, warm
from fleet_tools import Measured, attempt, median_of, counts, counts_cell, peers_cell, ratio_cell, supports, time_cell

HERE = os.path.dirname(os.path.abspath(__file__))
MEMBERS = 10


def make_organization(moto, env, members):
    """An organization with `members` member accounts (setup, not timed)."""
    code = ("import sys, boto3\n"
            "org = boto3.client('organizations', endpoint_url=sys.argv[1], region_name='us-east-1')\n"
            "org.create_organization(FeatureSet='ALL')\n"
            "for i in range(int(sys.argv[2])):\n"
            "    org.create_account(AccountName=f'bench-member-{i:02d}', Email=f'bench-member-{i:02d}@example.com')\n")
    subprocess.run([sys.executable, "-c", code, moto.url, str(members)], env=env, check=True)


def organization(rolewiz, env, runs, rows, notes, scratch):
    built = supports(rolewiz, env, "--organization")
    spec = os.path.join(scratch, "seed.yaml")
    with open(spec, "w") as handle:
        handle.write(seed_spec(rolewiz, env))
    moto = start_moto(env)
    proxy = start_proxy(moto, env, LATENCY_MS)
    results = {}
    try:
        warm(rolewiz, moto, env)
        make_organization(moto, env, MEMBERS)
        for label, endpoint, via in (("loopback", moto.url, None), ("delayed", proxy.url, proxy)):
            ours, theirs = [], []
            for run in range(runs):
                if built:
                    ours.append(attempt([rolewiz, "apply", "--spec", spec, "--organization", "--role-name",
                                         f"org-rolewiz-{label}-{run}", "--yes", "--endpoint-url", endpoint], env, via))
                theirs.append(attempt([sys.executable, os.path.join(HERE, "org_boto3.py"), endpoint,
                                       f"org-boto3-{label}-{run}"], env, via))
            results[label] = (median_of(ours) if built else Measured(problem="not built yet"), median_of(theirs))
    finally:
        proxy.stop()
        moto.stop()
    for label, name in (("loopback", "loopback moto"), ("delayed", f"+{LATENCY_MS} ms per request")):
        ours, theirs = results[label]
        rows.append((f"Seed role in the {MEMBERS + 1} accounts of an organization, {name}", time_cell(ours),
                     peers_cell({"boto3": theirs}), ratio_cell(ours, {"boto3": theirs}), "-", "-"))
    ours, theirs = results["delayed"]
    rows.append((f"Seed role in {MEMBERS + 1} accounts, +{LATENCY_MS} ms: requests / writes / round trips in a row",
                 counts(ours), counts_cell({"boto3": theirs}), "-", "-", "-"))
    notes.append(f"Organization rows: a moto organization with {MEMBERS} member accounts made first (CreateAccount "
                 "makes each one's OrganizationAccountAccessRole; moto accepts any AssumeRole, so the trust is not "
                 f"tested); rolewiz runs `rolewiz apply --spec seed.yaml --organization --yes` (the `{SEED_PRESET}` "
                 "preset's spec, each run a new role name); boto3 is `Benchmarks/org_boto3.py`: list the accounts, "
                 "then in each one after another assume OrganizationAccountAccessRole and make the role with "
                 "boto3_apply.py's calls; both work in the management account with its own credentials (11 accounts in all). "
                 "Writes count AssumeRole.")
