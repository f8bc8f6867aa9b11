"""SMTP sink for Payments.Testing's SmtpFixture (run with Debian's /usr/bin/python3, which has aiosmtpd).

Stores each accepted message as NNNNNN.eml (exactly as received) plus NNNNNN.json (envelope and decoded
headers and body, for the fixture to read). While the refuse-flag file exists it answers RCPT and DATA with
451, a temporary failure, so tests can watch a client cope with a mail outage.
"""
import argparse
import asyncio
import email
import email.policy
import json
import os
import pathlib

from aiosmtpd.smtp import SMTP

REFUSAL = '451 4.3.0 Mail refused for now (test fixture refuse mode)'


class Sink:
    def __init__(self, directory, refuse_flag):
        self.directory = directory
        self.refuse_flag = refuse_flag
        # Continue numbering after a restart instead of overwriting earlier messages.
        self.count = len(list(directory.glob('*.json')))

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse_flag.exists():
            return REFUSAL
        envelope.rcpt_tos.append(address)
        return '250 OK'

    async def handle_DATA(self, server, session, envelope):
        if self.refuse_flag.exists():
            return REFUSAL
        self.count += 1
        name = f'{self.count:06d}'
        (self.directory / f'{name}.eml').write_bytes(envelope.content)
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        headers = {}
        for key, value in message.items():
            headers.setdefault(key.lower(), str(value))
        body = message.get_body(preferencelist=('plain', 'html'))
        record = {
            'from': envelope.mail_from,
            'to': envelope.rcpt_tos,
            'subject': headers.get('subject', ''),
            'messageId': headers.get('message-id'),
            'body': body.get_content() if body is not None else '',
            'headers': headers,
        }
        # The .json appears last and atomically: a reader that sees it also sees the complete .eml.
        partial = self.directory / f'{name}.json.part'
        partial.write_text(json.dumps(record, ensure_ascii=False), encoding='utf-8')
        os.replace(partial, self.directory / f'{name}.json')
        return '250 OK'


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--host', required=True)
    parser.add_argument('--port', type=int, required=True)
    parser.add_argument('--directory', type=pathlib.Path, required=True)
    parser.add_argument('--refuse-flag', type=pathlib.Path, required=True)
    parser.add_argument('--ready-file', type=pathlib.Path, required=True)
    args = parser.parse_args()

    sink = Sink(args.directory, args.refuse_flag)
    loop = asyncio.get_running_loop()
    # A fixed hostname spares a reverse DNS lookup at every connection.
    server = await loop.create_server(
        lambda: SMTP(sink, hostname='localhost', enable_SMTPUTF8=True), args.host, args.port)
    # Written only once the port is bound: the fixture waits for this file, not for the port to answer.
    args.ready_file.write_text(str(os.getpid()))
    await server.serve_forever()


asyncio.run(main())
