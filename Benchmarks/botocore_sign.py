#!/usr/bin/env python3
"""botocore's SigV4 signer on the requests rolewiz-bench signs: requests per second.
  botocore_sign.py COUNT
"""
import sys
import time

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

BODIES = [
    "Action=GetRole&RoleName=l4e-role&Version=2010-05-08",
    "Action=ListAttachedRolePolicies&RoleName=l4e-role&Version=2010-05-08",
    "Action=ListRoleTags&RoleName=l4e-role&Version=2010-05-08",
    "Action=CreateRole&AssumeRolePolicyDocument=%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22Service%22%3A%5B%22sagemaker.amazonaws.com%22%2C%22lookoutequipment.amazonaws.com%22%5D%7D%2C%22Action%22%3A%22sts%3AAssumeRole%22%7D%5D%7D&RoleName=l4e-role&Version=2010-05-08",
    "Action=AttachRolePolicy&PolicyArn=arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FAmazonS3FullAccess&RoleName=l4e-role&Version=2010-05-08",
]


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    auth = SigV4Auth(Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "bench-session-token"),
                     "iam", "us-east-1")
    start = time.perf_counter()
    for index in range(count):
        request = AWSRequest(method="POST", url="https://iam.amazonaws.com/", data=BODIES[index % len(BODIES)],
                             headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"})
        auth.add_auth(request)
    elapsed = time.perf_counter() - start
    print(f"{count / elapsed:.0f} requests/s ({count} signed)")


if __name__ == "__main__":
    main()
