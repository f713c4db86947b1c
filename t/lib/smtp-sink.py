#!/usr/bin/python3
"""smtp-sink.py - the HTTP tests' SMTP server (t/lib/Agora/Test.pm).

Listens on 127.0.0.1:PORT, accepts every message and stores each as a
file DIR/NNNNNN.eml (the bytes received, written to a temporary name and
renamed, so a reader never sees half a message).  --reject ADDR=CODE
answers RCPT TO:<ADDR> with that code (a 5xx or 4xx).  Stops on SIGTERM or
SIGINT.  Uses Debian's python3-aiosmtpd.

  smtp-sink.py --port 2525 --dir /tmp/mails [--reject bad@example.org=550]
"""
import argparse
import asyncio
import os
import signal

from aiosmtpd.smtp import SMTP


class Sink:
    def __init__(self, directory, reject):
        self.dir = directory
        self.reject = reject
        self.n = len([f for f in os.listdir(directory) if f.endswith('.eml')])

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        code = self.reject.get(address.lower())
        if code:
            return '%s %s.1.1 <%s> refused by the test' % (code, code[0], address)
        envelope.rcpt_tos.append(address)
        return '250 OK'

    async def handle_DATA(self, server, session, envelope):
        self.n += 1
        path = os.path.join(self.dir, '%06d.eml' % self.n)
        with open(path + '.tmp', 'wb') as f:
            f.write(envelope.original_content)
        os.rename(path + '.tmp', path)
        return '250 OK stored'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--port', type=int, required=True)
    ap.add_argument('--dir', required=True)
    ap.add_argument('--reject', action='append', default=[])
    args = ap.parse_args()
    reject = {}
    for r in args.reject:
        addr, code = r.rsplit('=', 1)
        reject[addr.lower()] = code
    os.makedirs(args.dir, exist_ok=True)
    handler = Sink(args.dir, reject)
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    server = loop.run_until_complete(loop.create_server(
        lambda: SMTP(handler, hostname='smtp-sink.test', enable_SMTPUTF8=True),
        '127.0.0.1', args.port, reuse_address=True))
    for s in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(s, loop.stop)
    loop.run_forever()
    server.close()
    loop.run_until_complete(server.wait_closed())


if __name__ == '__main__':
    main()
