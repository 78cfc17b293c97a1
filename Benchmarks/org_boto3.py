#!/usr/bin/env python3
"""The seed role in every member account of an organization with boto3, as a
careful script does it: list the organization's accounts, assume the
organization's access role in each one after another, and make the role there
with the same calls as boto3_apply.py. The account the script runs in (the
management account) is worked on with its own credentials, as rolewiz does.
  org_boto3.py ENDPOINT ROLE_NAME [ASSUME_ROLE_NAME]
"""
import os
import sys

os.environ["AWS_EC2_METADATA_DISABLED"] = "true"
import boto3  # noqa: E402  (after the environment is set)

from boto3_apply import apply_role  # noqa: E402  (alongside this file)


def main():
    endpoint, role = sys.argv[1], sys.argv[2]
    access_role = sys.argv[3] if len(sys.argv) > 3 else "OrganizationAccountAccessRole"
    session = boto3.session.Session(region_name="us-east-1")
    sts = session.client("sts", endpoint_url=endpoint)
    here = sts.get_caller_identity()["Account"]
    organizations = session.client("organizations", endpoint_url=endpoint)
    accounts = [account["Id"] for page in organizations.get_paginator("list_accounts").paginate()
                for account in page["Accounts"] if account["Status"] == "ACTIVE"]
    for account in accounts:
        if account == here:
            apply_role(session.client("iam", endpoint_url=endpoint), role)
            continue
        credentials = sts.assume_role(RoleArn=f"arn:aws:iam::{account}:role/{access_role}",
                                      RoleSessionName="org-boto3-bench")["Credentials"]
        iam = session.client("iam", endpoint_url=endpoint, aws_access_key_id=credentials["AccessKeyId"],
                             aws_secret_access_key=credentials["SecretAccessKey"],
                             aws_session_token=credentials["SessionToken"])
        apply_role(iam, role)
    print(len(accounts))


if __name__ == "__main__":
    main()
