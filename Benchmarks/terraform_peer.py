"""Terraform as a peer in the benchmarks: the AWS provider from the local
filesystem mirror, pointed at moto (or the delay proxy) on loopback.

`terraform init` runs once, into a scratch data directory (TF_DATA_DIR) that
every configuration shares, so no timed command installs anything. The HCL
of the roles is what `rolewiz export --format terraform` writes; each
configuration lives in its own directory with its own local state, emptied
when it is applied to a fresh moto.
"""
import os
import shutil
import subprocess

MIRROR = "/opt/tf-plugins"
CLI_CONFIG = f"""provider_installation {{
  filesystem_mirror {{
    path    = "{MIRROR}"
    include = ["registry.terraform.io/*/*"]
  }}
}}
"""
PROVIDER = """variable "endpoint" {
  type = string
}

terraform {
  required_providers {
    aws = { source = "hashicorp/aws" }
  }
}

provider "aws" {
  region                      = "us-east-1"
  access_key                  = "testing"
  secret_key                  = "testing"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
  endpoints {
    iam = var.endpoint
    sts = var.endpoint
  }
}
"""


class Terraform:
    """One initialised Terraform and the configurations made with it.
    `missing` says why there is none (the rows then say so)."""

    def __init__(self, scratch, env):
        self.root = os.path.join(scratch, "terraform")
        self.binary = shutil.which("terraform", path=env.get("PATH"))
        self.missing = None
        if not self.binary:
            self.missing = "terraform not on PATH"
        elif not os.path.isdir(os.path.join(MIRROR, "registry.terraform.io", "hashicorp", "aws")):
            self.missing = f"no AWS provider in {MIRROR}"
        config = os.path.join(self.root, "cli.tfrc")
        self.env = dict(env, TF_CLI_CONFIG_FILE=config, TF_DATA_DIR=os.path.join(self.root, "data"),
                        TF_IN_AUTOMATION="1", TF_INPUT="0", CHECKPOINT_DISABLE="1")
        if self.missing:
            return
        os.makedirs(self.root, exist_ok=True)
        with open(config, "w") as handle:
            handle.write(CLI_CONFIG)
        self.init_dir = self._directory("init", "")
        result = subprocess.run([self.binary, f"-chdir={self.init_dir}", "init", "-input=false", "-no-color"],
                                env=self.env, capture_output=True, text=True)
        if result.returncode != 0:
            self.missing = "terraform init failed: " + (result.stderr.strip().splitlines() or ["?"])[-1]
        self.version = subprocess.run([self.binary, "version"], env=self.env, capture_output=True,
                                      text=True).stdout.split("\n")[0].replace("Terraform ", "")

    def _directory(self, name, hcl):
        directory = os.path.join(self.root, name)
        os.makedirs(directory, exist_ok=True)
        with open(os.path.join(directory, "provider.tf"), "w") as handle:
            handle.write(PROVIDER)
        with open(os.path.join(directory, "roles.tf"), "w") as handle:
            handle.write(hcl)
        return directory

    def configuration(self, name, hcl):
        """A directory with the provider, `hcl` and no state, ready to apply."""
        directory = self._directory(name, hcl)
        self.forget(directory)
        shutil.copy(os.path.join(self.init_dir, ".terraform.lock.hcl"), directory)
        return directory

    def forget(self, directory):
        """Drops the configuration's state (before applying it to a fresh moto)."""
        for leftover in ("terraform.tfstate", "terraform.tfstate.backup"):
            if os.path.exists(os.path.join(directory, leftover)):
                os.remove(os.path.join(directory, leftover))

    def apply(self, directory, endpoint):
        """argv of `terraform apply` (default parallelism, 10)."""
        return [self.binary, f"-chdir={directory}", "apply", "-auto-approve", "-input=false", "-no-color",
                "-var", f"endpoint={endpoint}"]

    def plan(self, directory, endpoint):
        """argv of `terraform plan -detailed-exitcode` (exits 2 when there are changes)."""
        return [self.binary, f"-chdir={directory}", "plan", "-detailed-exitcode", "-input=false", "-no-color",
                "-var", f"endpoint={endpoint}"]
