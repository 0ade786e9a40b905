#!/usr/bin/python3
"""Tiny SMTP sink for the tests.

Accepts every message from any sender to any recipient (no AUTH, no TLS)
and stores each one as ``<timestamp-ns>-<n>.eml`` in --maildir, so tests
can assert on what the application really sent over the wire.

Run it with Debian's /usr/bin/python3 (package python3-aiosmtpd); a pyenv
or venv python on PATH usually lacks aiosmtpd.

    /usr/bin/python3 etc/scripts/smtp-sink.py --host 127.0.0.1 --port 2525 \
        --maildir .run/mail [--pidfile .run/smtp.pid]
"""

import argparse
import asyncio
import itertools
import os
import signal
import sys
import tempfile
import time

try:
    from aiosmtpd.smtp import SMTP
except ImportError:  # pragma: no cover - environment problem, explain it
    sys.exit(
        "smtp-sink: aiosmtpd is missing; install python3-aiosmtpd and run "
        "this script with /usr/bin/python3"
    )


class MaildirHandler:
    """aiosmtpd handler writing one .eml file per accepted message."""

    def __init__(self, maildir):
        self.maildir = maildir
        self.counter = itertools.count(1)

    # No handle_MAIL / handle_RCPT: aiosmtpd's defaults accept any address.

    async def handle_DATA(self, server, session, envelope):
        n = next(self.counter)
        name = f"{time.time_ns()}-{n}.eml"
        # The envelope is not part of the message (Bcc recipients only exist
        # in RCPT TO), so record it in headers prepended to the stored copy.
        header = (
            f"X-Envelope-From: <{envelope.mail_from}>\r\n"
            f"X-Envelope-To: {', '.join(f'<{r}>' for r in envelope.rcpt_tos)}\r\n"
        ).encode("utf-8")
        content = envelope.original_content or envelope.content
        if isinstance(content, str):
            content = content.encode("utf-8")
        # Write to a hidden temp file in the same directory, then rename:
        # a test polling for *.eml never sees a half-written message.
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".part", dir=self.maildir)
        try:
            os.fchmod(fd, 0o644)  # mkstemp creates 0600; tests may run as another user
            with os.fdopen(fd, "wb") as f:
                f.write(header)
                f.write(content)
            os.replace(tmp, os.path.join(self.maildir, name))
        except BaseException:
            try:
                os.unlink(tmp)
            except FileNotFoundError:
                pass
            raise
        print(
            f"smtp-sink: stored {name} from <{envelope.mail_from}> to "
            f"{', '.join(envelope.rcpt_tos)}",
            file=sys.stderr,
            flush=True,
        )
        return "250 Message accepted for delivery"


async def serve(args):
    loop = asyncio.get_running_loop()
    handler = MaildirHandler(args.maildir)

    def factory():
        return SMTP(
            handler,
            hostname="smtp-sink.test",
            enable_SMTPUTF8=True,  # French names and addresses in tests
            data_size_limit=args.max_size,
        )

    server = await loop.create_server(factory, host=args.host, port=args.port)

    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)

    # The pid file appears only once the port is bound, so whoever waits for
    # it knows the sink is really listening.
    if args.pidfile:
        tmp = args.pidfile + ".tmp"
        with open(tmp, "w") as f:
            f.write(f"{os.getpid()}\n")
        os.replace(tmp, args.pidfile)

    print(
        f"smtp-sink: listening on {args.host}:{args.port}, maildir {args.maildir}",
        file=sys.stderr,
        flush=True,
    )
    try:
        await stop.wait()
    finally:
        server.close()
        await server.wait_closed()
        if args.pidfile:
            try:
                # Only remove our own pid file, not a successor's.
                with open(args.pidfile) as f:
                    if f.read().strip() == str(os.getpid()):
                        os.unlink(args.pidfile)
            except FileNotFoundError:
                pass
    print("smtp-sink: stopped", file=sys.stderr, flush=True)


def main():
    parser = argparse.ArgumentParser(description="SMTP sink storing messages as .eml files")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=2525)
    parser.add_argument("--maildir", required=True)
    parser.add_argument("--pidfile", help="write the pid here once listening")
    parser.add_argument(
        "--max-size",
        type=int,
        default=64 * 1024 * 1024,
        help="largest accepted message in bytes (PDF attachments)",
    )
    args = parser.parse_args()
    args.maildir = os.path.abspath(args.maildir)
    if args.pidfile:
        args.pidfile = os.path.abspath(args.pidfile)
    os.makedirs(args.maildir, exist_ok=True)
    asyncio.run(serve(args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
