#!/usr/bin/env python3
"""Runs moto's IAM/STS server on 127.0.0.1 for the tests, the screenshots and the benchmarks.

moto picks a free port itself (no race over a guessed one); the launcher prints
`MOTO-READY <port>` (or `MOTO-UNAVAILABLE <why>` and exits 3), then blocks on its
standard input and exits when that closes, so it cannot outlive whoever started
it, however that process dies. The caller sets MOTO_IAM_LOAD_MANAGED_POLICIES
and any other moto settings in the environment.
"""
import os
import sys

try:
    from moto.server import ThreadedMotoServer
except Exception as error:  # ImportError, or a broken install
    print(f"MOTO-UNAVAILABLE {type(error).__name__}: {error}", flush=True)
    sys.exit(3)

# ROLEWIZ_MOTO_HOST=::1 serves on IPv6 loopback instead (never anything but loopback).
host = "::1" if os.environ.get("ROLEWIZ_MOTO_HOST") == "::1" else "127.0.0.1"
server = ThreadedMotoServer(ip_address=host, port=0, verbose=False)
server.start()
print(f"MOTO-READY {server.get_host_and_port()[1]}", flush=True)
os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
try:
    while sys.stdin.buffer.read(65536):
        pass
finally:
    os._exit(0)
