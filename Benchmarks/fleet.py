"""The fleet group: rolewiz beside Terraform for the seed role, and 100 roles
from a folder of spec files beside a boto3 loop, the AWS CLI sequence per role
and one Terraform configuration, on loopback moto and with 50 ms added to
every request, then the same re-planned with nothing to change.

Every tool gets a fresh moto for its 100 roles, so no one finds another's
roles. A peer that is missing or fails puts its reason in the row; the run
goes on.
"""
import os
import subprocess
import sys

from bench import LATENCY_MS, ms, start_moto, start_proxy
from fleet_tools import Measured, attempt, median_of, counts, counts_cell, peers_cell, ratio_cell, scaled, supports, time_cell
from terraform_peer import MIRROR, Terraform

HERE = os.path.dirname(os.path.abspath(__file__))
SEED_PRESET = "lookout-equipment"
SEED_RUNS = 3  # Terraform takes seconds a run (its provider is a 700 MB binary), so the seed rows take fewer
FLEET_SIZE = 100
CLI_SAMPLE = 5  # the AWS CLI makes this many of the roles (five processes each); its time is scaled up


def seed_spec(rolewiz, env):
    """The seed preset as a spec file's text (`rolewiz presets NAME`)."""
    return subprocess.run([rolewiz, "presets", SEED_PRESET], env=env, capture_output=True, text=True, check=True).stdout


def write_specs(rolewiz, env, directory, count):
    """bench-role-001..count, one spec file each: the seed under another name."""
    os.makedirs(directory, exist_ok=True)
    lines = seed_spec(rolewiz, env).splitlines(keepends=True)
    names = [f"bench-role-{index:03d}" for index in range(1, count + 1)]
    for name in names:
        with open(os.path.join(directory, f"{name}.yaml"), "w") as handle:
            handle.writelines(f"name: {name}\n" if line.startswith("name:") else line for line in lines)
    return names


def terraform_hcl(rolewiz, env, arguments_per_role):
    """The roles as Terraform, as `rolewiz export --format terraform` writes them."""
    return "\n".join(subprocess.run([rolewiz, "export", "--format", "terraform"] + arguments, env=env,
                                    capture_output=True, text=True, check=True).stdout
                     for arguments in arguments_per_role)


class FleetCommands:
    """The commands that make (and re-plan) the fleet with each tool."""

    def __init__(self, rolewiz, env, specs, names, terraform):
        self.rolewiz, self.specs, self.names, self.terraform = rolewiz, specs, names, terraform
        self.folder = supports(rolewiz, env, "--concurrency")
        self.cli_sample = names[:CLI_SAMPLE]
        self.tf_dir = None
        if not terraform.missing:
            self.tf_dir = terraform.configuration(
                "fleet", terraform_hcl(rolewiz, env, [["--spec", os.path.join(specs, f"{n}.yaml")] for n in names]))

    @property
    def rolewiz_label(self):
        return ("`rolewiz apply --spec DIR`" if self.folder else
                f"a shell loop of {len(self.names)} `rolewiz apply --spec FILE` (`--spec DIR` not built yet)")

    def rolewiz_argv(self, verb, endpoint):
        extra = ["--yes"] if verb == "apply" else []
        if self.folder:
            return [self.rolewiz, verb, "--spec", self.specs] + extra + ["--endpoint-url", endpoint]
        loop = ('for f in "$SPECS"/*.yaml; do "$ROLEWIZ" "$VERB" --spec "$f" $EXTRA --endpoint-url "$ENDPOINT" '
                '>/dev/null || exit 1; done')
        return ["env", f"SPECS={self.specs}", f"ROLEWIZ={self.rolewiz}", f"VERB={verb}", f"EXTRA={' '.join(extra)}",
                f"ENDPOINT={endpoint}", "sh", "-c", loop]

    def run(self, tool, verb, endpoint, env, proxy):
        """(Measured) one tool making the fleet (verb "apply") or re-planning it ("plan")."""
        if tool == "rolewiz":
            return attempt(self.rolewiz_argv(verb, endpoint), env, proxy)
        if tool == "boto3":
            return attempt([sys.executable, os.path.join(HERE, "boto3_apply.py"), endpoint] + self.names, env, proxy)
        if tool == "aws-cli":
            loop = 'for r in $ROLES; do "$SCRIPT" "$ENDPOINT" "$r" $MODE || exit 1; done'
            argv = ["env", f"ROLES={' '.join(self.cli_sample)}", f"SCRIPT={os.path.join(HERE, 'aws_cli_sequence.sh')}",
                    f"ENDPOINT={endpoint}", f"MODE={'reapply' if verb == 'plan' else ''}", "sh", "-c", loop]
            return scaled(attempt(argv, env, proxy), len(self.names) / len(self.cli_sample))
        if self.terraform.missing:
            return Measured(problem=self.terraform.missing)
        if verb == "apply":
            return attempt(self.terraform.apply(self.tf_dir, endpoint), self.terraform.env, proxy)
        return attempt(self.terraform.plan(self.tf_dir, endpoint), self.terraform.env, proxy, accept=(0, 2), changed_code=2)

    def fresh_state(self):
        """Terraform forgets the roles of the previous moto."""
        if self.tf_dir:
            self.terraform.forget(self.tf_dir)


def warm(rolewiz, moto, env):
    """moto loads the AWS managed policies on its first IAM call; not timed."""
    subprocess.run([rolewiz, "apply", "--preset", SEED_PRESET, "--role-name", "bench-warm", "--yes",
                    "--endpoint-url", moto.url], env=env, capture_output=True)


def fleet_pass(commands, rolewiz, env, latency):
    """Each tool on its own fresh moto: the fleet made, then re-planned."""
    made, planned = {}, {}
    for tool in ("rolewiz", "boto3", "aws-cli", "terraform"):
        moto = start_moto(env)
        proxy = start_proxy(moto, env, latency) if latency else None
        try:
            warm(rolewiz, moto, env)
            commands.fresh_state()
            endpoint = proxy.url if proxy else moto.url
            made[tool] = commands.run(tool, "apply", endpoint, env, proxy)
            planned[tool] = commands.run(tool, "plan", endpoint, env, proxy) if made[tool].ok else \
                Measured(problem="not made")
        finally:
            if proxy:
                proxy.stop()
            moto.stop()
    return made, planned


def seed_rows(rolewiz, env, runs, terraform, rows):
    """rolewiz apply/plan of the seed role beside terraform apply/plan of the
    HCL rolewiz exports for it, interleaved run by run on one moto."""
    moto = start_moto(env)
    proxy = start_proxy(moto, env, LATENCY_MS)
    results = {key: [] for key in ("rw_apply", "tf_apply", "rw_plan", "tf_plan")}
    try:
        warm(rolewiz, moto, env)
        for latency_name, endpoint, via, count in (("loopback", moto.url, None, min(runs, SEED_RUNS)),
                                                   ("delayed", proxy.url, proxy, 1)):
            for run in range(count):
                ours = f"seed-rolewiz-{latency_name}-{run}"
                theirs = f"seed-terraform-{latency_name}-{run}"
                preset = ["--preset", SEED_PRESET, "--role-name"]
                results["rw_apply"].append((latency_name, attempt(
                    [rolewiz, "apply"] + preset + [ours, "--yes", "--endpoint-url", endpoint], env, via)))
                results["rw_plan"].append((latency_name, attempt(
                    [rolewiz, "plan"] + preset + [ours, "--endpoint-url", endpoint], env, via)))
                if terraform.missing:
                    continue
                directory = terraform.configuration(f"seed-{latency_name}-{run}",
                                                    terraform_hcl(rolewiz, env, [preset + [theirs]]))
                results["tf_apply"].append((latency_name, attempt(terraform.apply(directory, endpoint), terraform.env, via)))
                results["tf_plan"].append((latency_name, attempt(terraform.plan(directory, endpoint), terraform.env, via,
                                                                 accept=(0, 2), changed_code=2)))
    finally:
        proxy.stop()
        moto.stop()

    def median(key, latency_name):
        samples = [m for name, m in results[key] if name == latency_name]
        if key.startswith("tf") and terraform.missing:
            return Measured(problem=terraform.missing)
        middle = median_of(samples)
        middle.changed = any(m.changed for m in samples)
        return middle

    tf = f"terraform {terraform.version}" if not terraform.missing else "terraform"
    for verb, ours_key, theirs_key, what in (("apply", "rw_apply", "tf_apply", "Create seed role"),
                                             ("plan", "rw_plan", "tf_plan", "Re-plan unchanged seed role")):
        for latency_name, label in (("loopback", "loopback moto"), ("delayed", f"+{LATENCY_MS} ms per request")):
            ours, theirs = median(ours_key, latency_name), median(theirs_key, latency_name)
            note = " (terraform saw changes)" if theirs.changed else ""
            rows.append((f"{what}: `rolewiz {verb}` vs `terraform {verb}`, {label}", time_cell(ours),
                         peers_cell({tf: theirs}) + note, ratio_cell(ours, {"terraform": theirs}), "-", "-"))
        ours, theirs = median(ours_key, "delayed"), median(theirs_key, "delayed")
        rows.append((f"{what}, +{LATENCY_MS} ms: requests / writes / round trips in a row", counts(ours),
                     counts_cell({"terraform": theirs}), "-", "-", "-"))


def fleet(rolewiz, env, runs, rows, notes, scratch, size=FLEET_SIZE):
    terraform = Terraform(scratch, env)
    seed_rows(rolewiz, env, runs, terraform, rows)
    specs = os.path.join(scratch, "fleet-specs")
    names = write_specs(rolewiz, env, specs, size)
    commands = FleetCommands(rolewiz, env, specs, names, terraform)
    passes = {latency: fleet_pass(commands, rolewiz, env, latency) for latency in (0, LATENCY_MS)}

    def peers(results):
        return {"boto3": results["boto3"], f"aws-cli ({CLI_SAMPLE} roles, x{size // CLI_SAMPLE})": results["aws-cli"],
                "terraform": results["terraform"]}

    for index, what in ((0, f"Create {size} roles from a folder of specs"), (1, f"Re-plan {size} unchanged roles")):
        for latency, label in ((0, "loopback moto"), (LATENCY_MS, f"+{LATENCY_MS} ms per request")):
            results = passes[latency][index]
            changed = " (terraform saw changes)" if results["terraform"].changed else ""
            rows.append((f"{what}, {label}", time_cell(results["rolewiz"]), peers_cell(peers(results)) + changed,
                         ratio_cell(results["rolewiz"], peers(results)), "-", "-"))
        results = passes[LATENCY_MS][index]
        rows.append((f"{what}, +{LATENCY_MS} ms: requests / writes / round trips in a row", counts(results["rolewiz"]),
                     counts_cell(peers(results)), "-", "-", "-"))

    notes.append(f"Fleet rows: rolewiz is {commands.rolewiz_label}; boto3 is `Benchmarks/boto3_apply.py` with the "
                 f"{size} names (one client, one role after another; on roles already right it only reads); the AWS CLI "
                 f"runs `Benchmarks/aws_cli_sequence.sh` for {CLI_SAMPLE} of the roles (its time and counts are multiplied "
                 f"by {size // CLI_SAMPLE}); Terraform applies one configuration of the {size} roles as "
                 "`rolewiz export --format terraform` writes them (default parallelism, 10), and its re-plan is "
                 "`terraform plan` (which refreshes every resource). Each tool gets a fresh moto; one run each. "
                 f"Seed rows: medians of {min(runs, SEED_RUNS)} runs on loopback and one run at +{LATENCY_MS} ms, rolewiz and "
                 "Terraform interleaved on one moto, each run a new role.")
    if not terraform.missing:
        notes.append(f"Terraform {terraform.version} with the AWS provider from {MIRROR} (a filesystem "
                     "mirror; `terraform init` once, not timed), pointed at moto with `endpoints { iam, sts }` and "
                     "the skip_* settings that keep it off the network.")
