"""A real SMTP server (aiosmtpd) on 127.0.0.1 and a free port that writes each message it accepts
to DIR as NNNN.json ({subject, body} decoded, and {mail_from, rcpt_tos, data} as received); prints the port once it listens."""
import asyncio
import email
import email.policy
import json
import os
import sys

from aiosmtpd.smtp import SMTP


class Sink:
    def __init__(self, out):
        self.out = out
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        path = os.path.join(self.out, "%04d.json" % self.count)
        parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
        message = {
            "subject": str(parsed["subject"]),
            "body": parsed.get_body(("plain",)).get_content(),
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "data": envelope.content.decode("utf8", "replace"),
        }
        # Written whole, then renamed, so a reader never sees half a message.
        with open(path + ".tmp", "w") as f:
            json.dump(message, f)
        os.rename(path + ".tmp", path)
        return "250 Message accepted for delivery"


async def main(out):
    sink = Sink(out)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: SMTP(sink), "127.0.0.1", 0)
    print(server.sockets[0].getsockname()[1], flush=True)
    await server.serve_forever()


asyncio.run(main(sys.argv[1]))
