#!/usr/bin/env python3
"""http-sink.py - a test's HTTP listener (the SMS gateway of the tests,
t/http/72-help-pharmacy.t): every POST is answered --status (200) and
recorded as one JSON line {"path", "headers" (lower-case names), "body"
(text)} in --log.  Listens on 127.0.0.1 only.

    http-sink.py --port 8099 --log sms.jsonl [--status 200]
"""
import argparse
import http.server
import json


class Sink(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        n = int(self.headers.get("Content-Length", "0") or 0)
        body = self.rfile.read(n)
        rec = {"path": self.path,
               "headers": {k.lower(): v for k, v in self.headers.items()},
               "body": body.decode("utf-8", "replace")}
        with open(self.server.log, "a", encoding="utf-8") as f:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        data = b'{"ok":true}\n'
        self.send_response(self.server.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--log", required=True)
    p.add_argument("--status", type=int, default=200)
    a = p.parse_args()
    srv = http.server.HTTPServer(("127.0.0.1", a.port), Sink)
    srv.log, srv.status = a.log, a.status
    print("listening on 127.0.0.1:%d" % a.port, flush=True)
    srv.serve_forever()


if __name__ == "__main__":
    main()
