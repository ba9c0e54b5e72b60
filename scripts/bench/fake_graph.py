#!/usr/bin/env python3
"""A fake Graph API for the benchmark: answers every POST with a Send API success and appends
"<recipient id>\t<sha1 of the text>" to a log, so the script can count replies per message.
Usage: fake_graph.py PORT LOGFILE"""
import hashlib, json, sys, threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port, log_path = int(sys.argv[1]), sys.argv[2]
lock = threading.Lock()
log = open(log_path, "a", buffering=1)

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes: without TCP_NODELAY, Nagle's algorithm and the
    # client's delayed ACK hold every answer for ~40 ms.
    disable_nagle_algorithm = True

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        try:
            data = json.loads(body)
            line = "%s\t%s\n" % (data["recipient"]["id"], hashlib.sha1(data["message"]["text"].encode()).hexdigest())
        except Exception:
            line = "?\t?\n"
        with lock:
            log.write(line)
        answer = b'{"recipient_id":"x","message_id":"m"}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args):
        pass

class Server(ThreadingHTTPServer):
    request_queue_size = 256  # the default of 5 drops connection attempts from a busy sender
    daemon_threads = True

Server(("127.0.0.1", port), Handler).serve_forever()
