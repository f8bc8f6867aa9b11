"""A server that accepts TCP connections and never says anything (for the notifications benchmark's consume-only phase).

The service's mailers connect and wait for the SMTP greeting (until Smtp:Timeout), so nothing is sent or recorded:
what the service, the broker and the database spend meanwhile is the cost of consuming events, and nothing else.
"""
import argparse
import socket

parser = argparse.ArgumentParser()
parser.add_argument('--port', type=int, required=True)
args = parser.parse_args()
server = socket.socket()
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(('127.0.0.1', args.port))
server.listen(64)
held = []
while True:
    held.append(server.accept()[0])  # held open, never answered
