"""Preparations a scene can ask for by name (Scene.setup). Each is a context
manager around the scene: it may change moto's state first and may hand the
scene extra environment (such as a slower endpoint), and it undoes what it
started when the scene is done."""
import contextlib
import json
import os
import signal
import subprocess
import sys

PACKAGE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FAULT_PROXY = os.path.join(PACKAGE, "Tests", "TestSupport", "python", "fault_proxy.py")

TRUST_SAGEMAKER = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"Service": "sagemaker.amazonaws.com"},
                   "Action": "sts:AssumeRole"}],
}


def iam(endpoint):
    import boto3  # moto depends on boto3, so it is here whenever moto is
    return boto3.client("iam", endpoint_url=endpoint, region_name="us-east-1",
                        aws_access_key_id="AKIDSCREENSHOTS", aws_secret_access_key="screenshots-secret")


def delete_role(client, name):
    try:
        for policy in client.list_attached_role_policies(RoleName=name)["AttachedPolicies"]:
            client.detach_role_policy(RoleName=name, PolicyArn=policy["PolicyArn"])
        for policy_name in client.list_role_policies(RoleName=name)["PolicyNames"]:
            client.delete_role_policy(RoleName=name, PolicyName=policy_name)
        client.delete_role(RoleName=name)
    except client.exceptions.NoSuchEntityException:
        pass


@contextlib.contextmanager
def no_role(endpoint):
    """No `l4e-role` yet, so the wizard creates it from scratch."""
    delete_role(iam(endpoint), "l4e-role")
    yield {}


@contextlib.contextmanager
def existing_role(endpoint):
    """`l4e-role` as someone made it by hand: trusted by SageMaker only, with S3
    access only, so editing it toward the recipe shows a diff."""
    client = iam(endpoint)
    delete_role(client, "l4e-role")
    client.create_role(RoleName="l4e-role", AssumeRolePolicyDocument=json.dumps(TRUST_SAGEMAKER),
                       Description="Made by hand in the console")
    client.attach_role_policy(RoleName="l4e-role", PolicyArn="arn:aws:iam::aws:policy/AmazonS3FullAccess")
    yield {}


@contextlib.contextmanager
def slow_iam(endpoint):
    """IAM behind the test suite's fault proxy with a second of latency per call,
    so an apply stays in progress long enough to be seen."""
    upstream = endpoint.removeprefix("http://")
    proxy = subprocess.Popen([sys.executable, FAULT_PROXY, "--upstream", upstream, "--latency-ms", "1000"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        port = int(proxy.stdout.readline())
        yield {"AWS_ENDPOINT_URL": f"http://127.0.0.1:{port}"}
    finally:
        proxy.stdin.close()
        if proxy.poll() is None:
            os.kill(proxy.pid, signal.SIGTERM)
        proxy.wait(timeout=5)


@contextlib.contextmanager
def identity_center(endpoint):
    """A profile `dev` that signs in through IAM Identity Center, and a
    loopback stand-in for SSO OIDC (RegisterClient, StartDeviceAuthorization,
    then CreateToken answering authorization_pending), so `rolewiz login`
    shows the code to approve."""
    import http.server
    import tempfile
    import threading

    class OIDC(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if self.path == "/client/register":
                body, status = {"clientId": "screenshot-client", "clientSecret": "screenshot-client-secret",
                                "clientIdIssuedAt": 1_764_633_600, "clientSecretExpiresAt": 4_102_444_800}, 200
            elif self.path == "/device_authorization":
                body, status = {"deviceCode": "screenshot-device-code", "userCode": "QXWL-HPTM",
                                "verificationUri": "https://device.sso.eu-west-1.amazonaws.com/",
                                "verificationUriComplete": "https://device.sso.eu-west-1.amazonaws.com/?user_code=QXWL-HPTM",
                                "expiresIn": 600, "interval": 5}, 200
            else:
                body, status = {"error": "authorization_pending", "error_description": "pending"}, 400
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *arguments):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), OIDC)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    with tempfile.TemporaryDirectory() as home:
        config = os.path.join(home, "config")
        with open(config, "w") as out:
            out.write("[profile dev]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = Admin\n"
                      "[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-west-1\n")
        try:
            yield {"AWS_CONFIG_FILE": config, "HOME": home,
                   "AWS_ENDPOINT_URL_SSO_OIDC": f"http://127.0.0.1:{server.server_address[1]}"}
        finally:
            server.shutdown()


SETUPS = {"existing-role": existing_role, "no-role": no_role, "slow-iam": slow_iam, "identity-center": identity_center}


@contextlib.contextmanager
def prepared(names, endpoint):
    """Runs the named setups; yields the environment they add."""
    with contextlib.ExitStack() as stack:
        environment = {}
        for name in names:
            if name not in SETUPS:
                raise ValueError(f"unknown scene setup {name!r} (known: {', '.join(SETUPS)})")
            environment.update(stack.enter_context(SETUPS[name](endpoint)))
        yield environment
