#!/usr/bin/env python3
"""The seed role with boto3 in one process, the calls a careful script makes:
look the role up (and its policies and tags), create it if missing, attach
what is missing. Sequential, as such scripts usually are. With several role
names, one client makes them one after another (the fleet benchmark); on roles
that are already right only the reads run (its re-plan).
  boto3_apply.py ENDPOINT ROLE_NAME [ROLE_NAME...]
"""
import json
import os
import sys

os.environ["AWS_EC2_METADATA_DISABLED"] = "true"
import boto3  # noqa: E402  (after the environment is set)

POLICIES = ["AmazonS3FullAccess", "IAMFullAccess", "AmazonLookoutEquipmentFullAccess"]
TRUST = {"Version": "2012-10-17", "Statement": [{
    "Effect": "Allow",
    "Principal": {"Service": ["sagemaker.amazonaws.com", "lookoutequipment.amazonaws.com"]},
    "Action": "sts:AssumeRole"}]}


def apply_role(iam, role):
    """Makes `role` the seed role with the IAM client `iam` (of whichever account)."""
    try:
        iam.get_role(RoleName=role)
        attached = {p["PolicyArn"] for p in iam.list_attached_role_policies(RoleName=role)["AttachedPolicies"]}
        iam.list_role_tags(RoleName=role)
    except iam.exceptions.NoSuchEntityException:
        iam.create_role(RoleName=role, AssumeRolePolicyDocument=json.dumps(TRUST),
                        Description="Lets Amazon Lookout for Equipment and SageMaker access the data they need")
        attached = set()
    for name in POLICIES:
        arn = f"arn:aws:iam::aws:policy/{name}"
        if arn not in attached:
            iam.attach_role_policy(RoleName=role, PolicyArn=arn)


def main():
    endpoint, roles = sys.argv[1], sys.argv[2:]
    iam = boto3.client("iam", endpoint_url=endpoint, region_name="us-east-1")
    for role in roles:
        apply_role(iam, role)


if __name__ == "__main__":
    main()
