"""An SMTP sink for the notifications benchmark (run with Debian's /usr/bin/python3, which has aiosmtpd).

Accepts and discards every message, remembering only its Message-ID, so the run can check that every email arrived
exactly once. On SIGTERM it writes "<messages> <distinct Message-IDs>" to the --report file and exits.
"""
import argparse
import asyncio
import re
import signal

from aiosmtpd.smtp import SMTP

MESSAGE_ID = re.compile(rb'^Message-ID:\s*(\S+)', re.IGNORECASE | re.MULTILINE)


class Counter:
    def __init__(self):
        self.messages = 0
        self.ids = set()

    async def handle_DATA(self, server, session, envelope):
        self.messages += 1
        match = MESSAGE_ID.search(envelope.original_content or envelope.content)
        if match:
            self.ids.add(match.group(1))
        return '250 OK'


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--port', type=int, required=True)
    parser.add_argument('--report', required=True)
    args = parser.parse_args()
    counter = Counter()
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: SMTP(counter, hostname='localhost'), '127.0.0.1', args.port)
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    await stop.wait()
    server.close()
    with open(args.report, 'w') as report:
        report.write(f'{counter.messages} {len(counter.ids)}\n')


asyncio.run(main())
