#!/usr/bin/env python3
"""A fake Graph API for the benchmark: answers every POST with a Send API success and appends
"<recipient id>\t<sha1 of the text>" to a log, so the script can count replies per message.
Like Meta for a Page subscribed to `message_echoes`, it then posts a signed echo of each sent
message (with the `metadata` the sender set) to the webhook URL, retrying until it gets a 200
(the server may be down after `kill -9`).
Usage: fake_graph.py PORT LOGFILE [WEBHOOK_URL APP_SECRET]"""
import hashlib, hmac, http.client, itertools, json, queue, sys, threading, time, urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port, log_path = int(sys.argv[1]), sys.argv[2]
webhook = urllib.parse.urlsplit(sys.argv[3]) if len(sys.argv) > 4 else None
secret = sys.argv[4].encode() if len(sys.argv) > 4 else b""
lock = threading.Lock()
log = open(log_path, "a", buffering=1)
echoes = queue.Queue()
echo_ids = itertools.count()

def post_echoes():
    conn = None
    while True:
        body = echoes.get()
        signature = "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()
        while True:
            try:
                if conn is None:
                    conn = http.client.HTTPConnection(webhook.hostname, webhook.port, timeout=10)
                conn.request("POST", webhook.path, body, {"Content-Type": "application/json", "X-Hub-Signature-256": signature})
                response = conn.getresponse()
                response.read()
                if response.status == 200:
                    break
            except Exception:
                conn = None
            time.sleep(0.2)

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes: without TCP_NODELAY, Nagle's algorithm and the
    # client's delayed ACK hold every answer for ~40 ms.
    disable_nagle_algorithm = True

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        try:
            data = json.loads(body)
            recipient, message = data["recipient"]["id"], data["message"]
            line = "%s\t%s\n" % (recipient, hashlib.sha1(message["text"].encode()).hexdigest())
        except Exception:
            data, line = None, "?\t?\n"
        with lock:
            log.write(line)
        mid = "m_echo_%d" % next(echo_ids)
        if webhook and data and "metadata" in data["message"]:
            now = int(time.time() * 1000)
            echoes.put(json.dumps({"object": "page", "entry": [{"id": "PAGE_BENCH", "time": now, "messaging": [{
                "sender": {"id": "PAGE_BENCH"}, "recipient": {"id": recipient}, "timestamp": now,
                "message": {"is_echo": True, "app_id": 1, "metadata": message["metadata"], "mid": mid,
                            "text": message["text"]}}]}]}, separators=(",", ":")).encode())
        answer = json.dumps({"recipient_id": "x", "message_id": mid}).encode()
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

if webhook:
    for _ in range(4):
        threading.Thread(target=post_echoes, daemon=True).start()
Server(("127.0.0.1", port), Handler).serve_forever()
