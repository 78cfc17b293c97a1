#!/usr/bin/env python3
"""Writes vectors.json: IAM and STS requests signed by botocore, the reference
our Swift SigV4 signer is checked against (Tests/SigV4Tests/BotocoreVectorTests.swift).

botocore serializes each operation (its Query protocol form body) and signs it
with SigV4Auth at a fixed time, so the file is reproducible:

    python3 Tests/SigV4Tests/Vectors/generate.py

Only the documented example credentials appear here; nothing talks to a network.
"""

import calendar
import datetime
import json
import pathlib
from unittest import mock
from urllib.parse import urlsplit

import botocore
import botocore.auth
import botocore.serialize
import botocore.session
from botocore.awsrequest import AWSRequest, create_request_object, prepare_request_dict
from botocore.credentials import Credentials

OUTPUT = pathlib.Path(__file__).with_name("vectors.json")

# AWS's documented example keys: not real credentials.
ACCESS_KEY = "AKIDEXAMPLE"
SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
SESSION_TOKEN = "IQoJb3JpZ2luX2VjEXAMPLE//////////wEaCXVzLWVhc3QtMSJHMEUCIQ+EXAMPLE/TOKEN=="

# A leap day, one second before midnight: a date off by a second or a day
# would show in the credential scope.
SIGNING_TIME = datetime.datetime(2024, 2, 29, 23, 59, 59)

USER_AGENT = f"rolewiz-vectors/1 botocore/{botocore.__version__}"

TRUST_POLICY = json.dumps(
    {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": {
                    "Service": [
                        "sagemaker.amazonaws.com",
                        "lookoutequipment.amazonaws.com",
                    ]
                },
                "Action": "sts:AssumeRole",
            }
        ],
    },
    indent=2,
)

CREATE_ROLE = {
    "RoleName": "l4e-role",
    "Path": "/service-role/",
    "AssumeRolePolicyDocument": TRUST_POLICY,
    "Description": "Lookout for Equipment & SageMaker: café, über, 日本",
    "Tags": [
        {"Key": "team name", "Value": "Données é ü 日本"},
        {"Key": "symbols", "Value": "&=+/~* and 100%"},
        {"Key": "cost-center", "Value": "a  b\tc"},
    ],
}


class RecordingSigV4Auth(botocore.auth.SigV4Auth):
    """SigV4Auth that keeps the canonical request and string to sign it
    computed while signing (recomputing afterwards would see Authorization)."""

    def string_to_sign(self, request, canonical_request):
        self.recorded_canonical_request = canonical_request
        self.recorded_string_to_sign = super().string_to_sign(request, canonical_request)
        return self.recorded_string_to_sign


def operation_request(service, endpoint, operation, params):
    """The request a botocore client would build for `operation`: its Query
    protocol serializer writes the form body, in parameter order."""
    model = botocore.session.get_session().get_service_model(service).operation_model(operation)
    serializer = botocore.serialize.create_serializer(model.metadata["protocol"])
    request_dict = serializer.serialize_to_request(params, model)
    form_parameters = list(request_dict["body"].items())
    prepare_request_dict(request_dict, endpoint_url=endpoint)
    return create_request_object(request_dict), form_parameters


def signed_vector(name, request, service, region, form_parameters=(), token=None):
    """Signs `request` at SIGNING_TIME and records every input and botocore's outputs."""
    # Our transport sends Host and User-Agent itself; botocore would take the same
    # host from the URL. The User-Agent is there to prove it is never signed.
    request.headers["Host"] = urlsplit(request.url).netloc
    request.headers["User-Agent"] = USER_AGENT
    headers_in = list(request.headers.items())

    auth = RecordingSigV4Auth(Credentials(ACCESS_KEY, SECRET_KEY, token), service, region)
    with mock.patch.object(botocore.auth, "get_current_datetime", return_value=SIGNING_TIME):
        auth.add_auth(request)
    names_in = {n.lower() for n, _ in headers_in}
    headers_added = [[n, v] for n, v in request.headers.items() if n.lower() not in names_in]

    return {
        "name": name,
        "method": request.method,
        "url": request.url,
        "headers": [[n, v] for n, v in headers_in],
        "formParameters": [[k, v] for k, v in form_parameters],
        "body": (request.body or b"").decode("utf-8"),
        "credentials": {
            "accessKeyId": ACCESS_KEY,
            "secretAccessKey": SECRET_KEY,
            "sessionToken": token,
        },
        "region": region,
        "service": service,
        "date": request.context["timestamp"],
        "epochSeconds": calendar.timegm(SIGNING_TIME.timetuple()),
        "canonicalRequest": auth.recorded_canonical_request,
        "stringToSign": auth.recorded_string_to_sign,
        "authorization": request.headers["Authorization"],
        "headersAdded": headers_added,
    }


def operation_vector(name, service, region, endpoint, operation, params, token=None):
    request, form_parameters = operation_request(service, endpoint, operation, params)
    return signed_vector(name, request, service, region, form_parameters, token)


def main():
    iam = "https://iam.amazonaws.com"
    cases = [
        operation_vector("iam-create-role", "iam", "us-east-1", iam, "CreateRole", CREATE_ROLE),
        operation_vector(
            "iam-create-role-session-token", "iam", "us-east-1", iam, "CreateRole", CREATE_ROLE, SESSION_TOKEN
        ),
        operation_vector(
            "sts-get-caller-identity", "sts", "us-east-1", "https://sts.amazonaws.com", "GetCallerIdentity", {}
        ),
        operation_vector(
            "iam-aws-cn-get-role",
            "iam",
            "cn-north-1",
            "https://iam.cn-north-1.amazonaws.com.cn",
            "GetRole",
            {"RoleName": "l4e-role"},
        ),
        # A query string and a non-root path: botocore sorts the already-encoded
        # pairs, and encodes the path a second time.
        signed_vector(
            "iam-get-query-and-path",
            AWSRequest(
                method="GET",
                url=f"{iam}/a%20b/./c~d/?Version=2010-05-08&Action=ListRoles&PathPrefix=%2Fservice-role%2F"
                "&Marker=x~y%2Bz%20w&Empty=&Action=GetRole",
            ),
            "iam",
            "us-east-1",
        ),
    ]
    document = {
        "generator": f"Tests/SigV4Tests/Vectors/generate.py with botocore {botocore.__version__}",
        "cases": cases,
    }
    OUTPUT.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(cases)} cases to {OUTPUT}")


if __name__ == "__main__":
    main()
