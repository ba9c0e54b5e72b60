#!/usr/bin/env python3
"""Writes N signed Messenger webhook bodies for wrk, one fixed-width record per request:
"sha256=<signature>\t<body length, 4 digits>\t<body><spaces>\n". Every body has its own sender
(PSID) and message id, so every acknowledged message must get exactly one reply. The records have
one width so that wrk's script (webhook.lua) finds record i at i * width and reads them in blocks as
it sends, instead of parsing the whole file before the run (see there why that mattered).
Usage: make_bodies.py N APP_SECRET OUT"""
import hashlib, hmac, json, sys

BODY_WIDTH = 300
count, secret, out = int(sys.argv[1]), sys.argv[2].encode(), sys.argv[3]
questions = ["Wie beantrage ich einen Personalausweis?", "Wann wird der Sperrmüll abgeholt?",
             "Ich möchte mich ummelden", "Was kostet ein Reisepass?", "Hallo"]
with open(out, "w") as f:
    for i in range(count):
        body = json.dumps({"object": "page", "entry": [{"id": "PAGE_BENCH", "time": 1700000000000, "messaging": [{
            "sender": {"id": f"bench-{i}"}, "recipient": {"id": "PAGE_BENCH"}, "timestamp": 1700000000000 + i,
            "message": {"mid": f"m_bench_{i}", "text": questions[i % len(questions)]}}]}]},
            ensure_ascii=True, separators=(",", ":"))
        assert len(body) <= BODY_WIDTH, f"body {i} is longer than {BODY_WIDTH} characters"
        sig = hmac.new(secret, body.encode(), hashlib.sha256).hexdigest()
        f.write(f"sha256={sig}\t{len(body):04d}\t{body.ljust(BODY_WIDTH)}\n")
