"""A moto IAM server on a free 127.0.0.1 port for the scenes to talk to.

The launcher lets moto pick the port (no race over a guessed free port) and
exits when its standard input closes, so it cannot outlive the generator even
if the generator is killed; `stop()` also kills it by PID.
"""
import os
import signal
import subprocess
import sys

LAUNCHER = """
import os, sys
from moto.server import ThreadedMotoServer
server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
server.start()
print(f"MOTO-READY {server.get_host_and_port()[1]}", flush=True)
os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
try:
    while sys.stdin.buffer.read(65536):
        pass
finally:
    os._exit(0)
"""


class Moto:
    def __init__(self):
        environment = dict(os.environ)
        environment.update(MOTO_IAM_LOAD_MANAGED_POLICIES="true", AWS_EC2_METADATA_DISABLED="true")
        self.process = subprocess.Popen(
            [sys.executable, "-c", LAUNCHER], env=environment, text=True,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        line = self.process.stdout.readline().split()
        if len(line) != 2 or line[0] != "MOTO-READY":
            self.stop()
            raise RuntimeError("moto did not start (is `moto[server]` installed?)")
        self.port = int(line[1])
        self.endpoint = f"http://127.0.0.1:{self.port}"

    def stop(self):
        if self.process.poll() is None:
            self.process.stdin.close()
            os.kill(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.kill(self.process.pid, signal.SIGKILL)
