#!/usr/bin/env python3
"""pharmacy-receiver.py - a reference receiver for Agora's prescription
webhook (docs/pharmacy-api.md), which the pharmacists' association can run
as it is or read as the recipe of the checks, and the sender of its signed
status callbacks.  Python 3, standard library only.

Receive:

    pharmacy-receiver.py serve --port 8088 --secret-file secret.txt \\
        --store prescriptions.jsonl [--tolerance 300] [--bind 127.0.0.1]

  Every POST is checked: the X-Agora-Timestamp, X-Agora-Nonce and
  X-Agora-Signature headers, the timestamp within --tolerance seconds of
  this machine's clock, the signature (HMAC-SHA256 with the shared secret
  over timestamp "." nonce "." body, compared in constant time), and the
  body being a JSON object.  An accepted prescription is appended to the
  --store file as one JSON line {"received_at", "nonce", "payload"} and
  answered 200 {"ok": true}.  A nonce seen before (Agora retries with the
  same nonce after a timeout) is answered 200 {"ok": true, "duplicate":
  true} and not stored again; the nonces are read back from the store at
  start, so a restart keeps them.  Refusals: 401 (headers, clock,
  signature), 400 (not JSON), 413 (over 1 MB).

Send a callback:

    pharmacy-receiver.py callback --url https://agora.example.gr/api/pharmacy/callback \\
        --secret-file secret.txt --case 42 --status ready [--note "..."]

  prints the HTTP status and the answer's body; exits 0 for a 2xx answer.
  Statuses: received, prepared, ready, delivered, problem.
"""

import argparse
import hashlib
import hmac
import http.server
import json
import os
import secrets
import sys
import threading
import time
import urllib.error
import urllib.request

MAX_BODY = 1 << 20
STATUSES = ("received", "prepared", "ready", "delivered", "problem")


def read_secret(path):
    with open(path, "rb") as f:
        secret = f.read().strip()
    if len(secret) < 32:
        sys.exit("%s: the shared secret must be at least 32 bytes" % path)
    return secret


def signature(secret, timestamp, nonce, body):
    """The X-Agora-Signature value: "sha256=" + lowercase hex."""
    msg = timestamp.encode("ascii") + b"." + nonce.encode("ascii") + b"." + body
    return "sha256=" + hmac.new(secret, msg, hashlib.sha256).hexdigest()


class Receiver(http.server.BaseHTTPRequestHandler):
    server_version = "pharmacy-receiver/1"

    def answer(self, status, obj):
        data = (json.dumps(obj) + "\n").encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def refuse(self, status, why):
        self.log_message("refused (%d): %s", status, why)
        self.answer(status, {"error": why})

    def do_POST(self):
        cfg = self.server.cfg
        try:
            n = int(self.headers.get("Content-Length", ""))
        except ValueError:
            return self.refuse(400, "Content-Length required")
        if n < 0 or n > MAX_BODY:
            return self.refuse(413, "body too large")
        body = self.rfile.read(n)
        ts = self.headers.get("X-Agora-Timestamp", "")
        nonce = self.headers.get("X-Agora-Nonce", "")
        sig = self.headers.get("X-Agora-Signature", "")
        if not (ts.isdigit() and 16 <= len(nonce) <= 64 and nonce.isascii()
                and all(c.isalnum() or c in "-_" for c in nonce)
                and sig.startswith("sha256=")):
            return self.refuse(401, "missing or invalid signature headers")
        if abs(time.time() - int(ts)) > cfg["tolerance"]:
            return self.refuse(401, "timestamp outside the allowed window")
        if not hmac.compare_digest(signature(cfg["secret"], ts, nonce, body), sig):
            return self.refuse(401, "bad signature")
        try:
            payload = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            return self.refuse(400, "malformed JSON")
        if not isinstance(payload, dict):
            return self.refuse(400, "not a JSON object")
        with cfg["lock"]:
            if nonce in cfg["seen"]:
                self.log_message("duplicate delivery %s (case %s)", nonce, payload.get("case"))
                return self.answer(200, {"ok": True, "duplicate": True})
            line = json.dumps({"received_at": int(time.time()), "nonce": nonce,
                               "payload": payload}, ensure_ascii=False)
            with open(cfg["store"], "a", encoding="utf-8") as f:
                f.write(line + "\n")
                f.flush()
                os.fsync(f.fileno())
            cfg["seen"].add(nonce)
        self.log_message("stored case %s (nonce %s)", payload.get("case"), nonce)
        return self.answer(200, {"ok": True})

    def do_GET(self):
        self.answer(405, {"error": "POST only"})


def serve(args):
    seen = set()
    if os.path.exists(args.store):
        with open(args.store, encoding="utf-8") as f:
            for line in f:
                try:
                    seen.add(json.loads(line)["nonce"])
                except (ValueError, KeyError):
                    pass
    srv = http.server.ThreadingHTTPServer((args.bind, args.port), Receiver)
    srv.cfg = {"secret": read_secret(args.secret_file), "tolerance": args.tolerance,
               "store": args.store, "seen": seen, "lock": threading.Lock()}
    print("listening on %s:%d" % (args.bind, args.port), flush=True)
    try:
        srv.serve_forever()
    except KeyboardInterrupt:
        pass


def callback(args):
    if args.status not in STATUSES:
        sys.exit("--status must be one of: " + ", ".join(STATUSES))
    secret = read_secret(args.secret_file)
    doc = {"event": "prescription.status", "case": args.case, "status": args.status}
    if args.note is not None:
        doc["note"] = args.note
    body = json.dumps(doc, ensure_ascii=False).encode("utf-8")
    ts = str(int(time.time()))
    nonce = secrets.token_hex(32)
    req = urllib.request.Request(args.url, data=body, method="POST", headers={
        "Content-Type": "application/json",
        "X-Agora-Timestamp": ts,
        "X-Agora-Nonce": nonce,
        "X-Agora-Signature": signature(secret, ts, nonce, body),
    })
    try:
        with urllib.request.urlopen(req, timeout=args.timeout) as res:
            status, text = res.status, res.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        status, text = e.code, e.read().decode("utf-8", "replace")
    except OSError as e:
        print("error: %s" % e)
        return 2
    print(status)
    print(text.rstrip("\n"))
    return 0 if 200 <= status <= 299 else 1


def main():
    p = argparse.ArgumentParser(description="Agora's pharmacy webhook: reference receiver "
                                "and callback sender (docs/pharmacy-api.md)")
    sub = p.add_subparsers(dest="mode", required=True)
    s = sub.add_parser("serve", help="receive prescriptions")
    c = sub.add_parser("callback", help="send one signed status callback")
    s.add_argument("--port", type=int, default=8088)
    s.add_argument("--bind", default="127.0.0.1")
    s.add_argument("--secret-file", required=True)
    s.add_argument("--store", default="prescriptions.jsonl")
    s.add_argument("--tolerance", type=int, default=300)
    c.add_argument("--url", required=True)
    c.add_argument("--secret-file", required=True)
    c.add_argument("--case", type=int, required=True)
    c.add_argument("--status", required=True)
    c.add_argument("--note")
    c.add_argument("--timeout", type=float, default=10)
    args = p.parse_args()
    if args.mode == "callback":
        return callback(args)
    serve(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
