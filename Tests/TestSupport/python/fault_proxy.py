#!/usr/bin/env python3
"""A loopback HTTP proxy that sits between rolewiz and moto and misbehaves on purpose.

It forwards every request to the upstream (moto) and can, per Query API action and
per occurrence, answer Throttling, 500 or 503, drop the connection before or after
forwarding (after: IAM acted but the client never hears), stall past the client's
time-out, answer malformed or truncated XML or an HTML error page, or skew the clock
(answer RequestTimeTooSkewed with a Date header). It can also add fixed latency to
every request (the benchmark's delay proxy).

Rules are set at start with --rules JSON or later with POST /__proxy/rules (JSON body),
and counters are read with GET /__proxy/stats. A rule:
  {"action": "AttachRolePolicy", "fault": "drop_after", "times": 1, "skip": 0}
applies to the first `times` matching requests after `skip` matching ones
("times": -1 means every one). A rule with "access_key" only matches requests
signed with that access key id (an expired first set of credentials); one with
"body_contains" only requests whose decoded body holds that text (the AssumeRole
of one account's role). JSON 1.1 calls (Organizations) are named by the action in
their X-Amz-Target header.

The proxy prints its port on stdout and exits when stdin closes (its parent died).
It only ever binds to and connects to loopback.
"""
import argparse
import email.utils
import http.client
import json
import socket
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FAULTS = {"throttle", "500", "503", "drop_before", "drop_after", "stall",
          "malformed_xml", "truncated_xml", "html", "skew", "expired_token", "access_denied"}


class State:
    def __init__(self, upstream, latency_ms, rules):
        self.upstream = upstream
        self.latency = latency_ms / 1000.0
        self.lock = threading.Lock()
        self.rules = []
        self.seen = {}      # action -> count of requests seen
        self.keys = {}      # access key id -> count of requests signed with it
        self.log = []       # (action, fault or "forward")
        self.timeline = []  # (action, start, end): monotonic seconds, for the benchmark's critical path
        self.writes = 0     # forwarded requests that can change IAM (not Get*/List*)
        self.set_rules(rules)

    def set_rules(self, rules):
        with self.lock:
            for rule in rules:
                if rule.get("fault") not in FAULTS:
                    raise ValueError(f"unknown fault {rule.get('fault')!r}; known: {sorted(FAULTS)}")
            self.rules = [dict(r, hits=0, matched=0) for r in rules]

    def pick(self, action, access_key, body=""):
        with self.lock:
            self.seen[action] = self.seen.get(action, 0) + 1
            self.keys[access_key] = self.keys.get(access_key, 0) + 1
            for rule in self.rules:
                if rule.get("action", "*") not in ("*", action):
                    continue
                if rule.get("access_key") not in (None, access_key):
                    continue
                if rule.get("body_contains") is not None and rule["body_contains"] not in body:
                    continue
                rule["matched"] += 1
                if rule["matched"] <= rule.get("skip", 0):
                    continue
                times = rule.get("times", 1)
                if times < 0 or rule["hits"] < times:
                    rule["hits"] += 1
                    self.log.append((action, rule["fault"]))
                    return rule
            self.log.append((action, "forward"))
            return None

    def forwarded(self, action):
        if not action.startswith(("Get", "List")) and action != "-":
            with self.lock:
                self.writes += 1


def error_xml(code, message, status_type="Sender"):
    return (f'<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error>'
            f'<Type>{status_type}</Type><Code>{code}</Code><Message>{message}</Message></Error>'
            f'<RequestId>fault-proxy-0000</RequestId></ErrorResponse>').encode()


def access_key_of(authorization):
    """The access key id in a SigV4 Authorization header, or "-" when unsigned."""
    marker = "Credential="
    start = authorization.find(marker)
    if start < 0:
        return "-"
    return authorization[start + len(marker):].split("/", 1)[0]


def make_handler(state):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body go out as two writes; with Nagle on, the body waits
        # for the client's delayed ACK (up to 40 ms), which the latency
        # benchmark would count as round trips.
        disable_nagle_algorithm = True

        def log_message(self, *args):
            pass

        def _reply(self, status, body, content_type="text/xml", extra=()):
            # send_response would add a second, true Date header before a skewed one.
            self.send_response_only(status)
            if not any(k.lower() == "date" for k, _ in extra):
                self.send_header("Date", self.date_time_string())
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for k, v in extra:
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)

        def _drop(self):
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            self.close_connection = True

        def _forward(self, body):
            conn = http.client.HTTPConnection(*state.upstream, timeout=60)
            headers = {k: v for k, v in self.headers.items() if k.lower() not in ("connection", "keep-alive")}
            conn.request(self.command, self.path, body=body, headers=headers)
            resp = conn.getresponse()
            data = resp.read()
            out = [(k, v) for k, v in resp.getheaders()
                   if k.lower() not in ("content-length", "transfer-encoding", "connection", "content-type")]
            conn.close()
            return resp.status, data, resp.getheader("Content-Type", "text/xml"), out

        def _control(self, body):
            if self.command == "POST" and self.path == "/__proxy/rules":
                try:
                    state.set_rules(json.loads(body or b"[]"))
                except ValueError as error:
                    return self._reply(400, str(error).encode(), "text/plain")
                return self._reply(200, b"ok", "text/plain")
            if self.path == "/__proxy/stats":
                with state.lock:
                    stats = {"seen": state.seen, "keys": state.keys, "log": state.log, "writes": state.writes,
                         "timeline": state.timeline,
                             "rules": [{k: v for k, v in r.items()} for r in state.rules]}
                return self._reply(200, json.dumps(stats).encode(), "application/json")
            return self._reply(404, b"no such control path", "text/plain")

        def _handle(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            if self.path.startswith("/__proxy/"):
                return self._control(body)
            started = time.monotonic()
            try:
                return self._serve(body)
            finally:
                with state.lock:
                    state.timeline.append((self._action, started, time.monotonic()))

        def _serve(self, body):
            self._action = "-"
            if state.latency:
                time.sleep(state.latency)
            params = urllib.parse.parse_qs(body.decode("utf-8", "replace"))
            query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
            target = self.headers.get("X-Amz-Target", "")
            action = (params.get("Action") or query.get("Action") or [target.rsplit(".", 1)[-1] if target else "-"])[0]
            self._action = action
            decoded = urllib.parse.unquote_plus(body.decode("utf-8", "replace"))
            rule = state.pick(action, access_key_of(self.headers.get("Authorization", "")), decoded)
            fault = rule["fault"] if rule else None
            if fault == "throttle":
                return self._reply(400, error_xml("Throttling", "Rate exceeded"))
            if fault in ("500", "503"):
                return self._reply(int(fault), error_xml("ServiceUnavailable" if fault == "503" else "InternalFailure",
                                                         "injected server error", "Receiver"))
            if fault == "drop_before":
                return self._drop()
            if fault == "stall":
                time.sleep(rule.get("seconds", 30))
                return self._drop()
            if fault == "html":
                return self._reply(502, b"<html><head><title>502 Bad Gateway</title></head><body>bad gateway</body></html>",
                                   "text/html")
            if fault == "skew":
                skewed = email.utils.formatdate(time.time() + rule.get("offset", 3600), usegmt=True)
                body = error_xml("RequestTimeTooSkewed", "The difference between the request time and the current time is too large.")
                return self._reply(403, body, extra=[("Date", skewed)])
            if fault == "access_denied":
                return self._reply(403, error_xml("AccessDenied", "injected: not authorized to perform " + action))
            if fault == "expired_token":
                return self._reply(403, error_xml("ExpiredToken", "The security token included in the request is expired"))
            status, data, content_type, extra = self._forward(body)
            state.forwarded(action)
            if fault == "drop_after":
                return self._drop()
            if fault == "malformed_xml":
                return self._reply(200, b"<ListRolesResponse><ListRolesResult><Roles><member><RoleName>x</Role", content_type)
            if fault == "truncated_xml":
                return self._reply(200, data[: max(1, len(data) // 2)], content_type)
            return self._reply(status, data, content_type, extra)

        do_GET = do_POST = do_PUT = do_DELETE = _handle

    return Handler


class ProxyServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A client that hung up (its time-out, a dropped connection, a test
        # that is done) is what the faults are about, not a proxy error.
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--upstream", required=True, help="host:port of moto (loopback only)")
    parser.add_argument("--latency-ms", type=float, default=0)
    parser.add_argument("--rules", default="[]", help="JSON list of rules")
    args = parser.parse_args()
    host, port = args.upstream.rsplit(":", 1)
    if host not in ("127.0.0.1", "localhost", "::1"):
        sys.exit("fault_proxy: upstream must be a loopback address")
    state = State((host, int(port)), args.latency_ms, json.loads(args.rules))
    server = ProxyServer(("127.0.0.1", 0), make_handler(state))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(server.server_address[1], flush=True)
    # Exit with the parent: when our stdin closes, nobody is left to stop us.
    try:
        sys.stdin.read()
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
