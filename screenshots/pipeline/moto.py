"""A moto IAM server on a free 127.0.0.1 port for the scenes to talk to.

It runs Tests/TestSupport/python/moto_launcher.py, the launcher the tests and
the benchmarks use: moto picks the port, and the launcher exits when its
standard input closes, so it cannot outlive the generator even if the
generator is killed; `stop()` also kills it by PID.
"""
import os
import signal
import subprocess
import sys

LAUNCHER = os.path.join(os.path.dirname(__file__), "..", "..", "Tests", "TestSupport", "python", "moto_launcher.py")


class Moto:
    def __init__(self):
        environment = dict(os.environ)
        environment.update(MOTO_IAM_LOAD_MANAGED_POLICIES="true", AWS_EC2_METADATA_DISABLED="true")
        self.process = subprocess.Popen(
            [sys.executable, os.path.normpath(LAUNCHER)], env=environment, text=True,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        line = self.process.stdout.readline().split()
        if len(line) != 2 or line[0] != "MOTO-READY":
            self.stop()
            raise RuntimeError(f"moto did not start (is `moto[server]` installed?): {' '.join(line)}")
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
