#!/usr/bin/env python3
"""Checks that every stored (acknowledged) message got exactly one reply.
Usage: check.py DATABASE FAKE_LOG"""
import collections, sqlite3, sys

db, log_path = sys.argv[1], sys.argv[2]
con = sqlite3.connect(db)
events = con.execute("SELECT senderID, status FROM inboundEvent WHERE channel = 'messenger'").fetchall()
# Bodies stored at the request but not yet decoded into events (must be none once the backlog is done).
unread = con.execute("SELECT COUNT(*) FROM webhookDelivery").fetchone()[0]
outbox = dict(con.execute("SELECT status, COUNT(*) FROM outboxEntry GROUP BY status").fetchall())
per_conversation = con.execute(
    "SELECT COUNT(*) FROM (SELECT conversationID, COUNT(*) AS n FROM outboxEntry GROUP BY conversationID HAVING n != 1)").fetchone()[0]
lines = [l.rstrip("\n").split("\t") for l in open(log_path) if l.strip()]
parts = collections.Counter((r, h) for r, h in lines)
recipients = {r for r, _ in lines}
senders = {s for s, _ in events}
missing = senders - recipients
duplicated = [k for k, n in parts.items() if n > 1]
unprocessed = sum(1 for _, status in events if status != "processed")
print(f"stored (acknowledged) messages: {len(events)}; unprocessed: {unprocessed}; webhook bodies not read: {unread}")
print(f"outbox: {outbox}; conversations with != 1 outbox entry: {per_conversation}")
print(f"requests at the fake platform: {len(lines)}; recipients: {len(recipients)}")
print(f"messages without a reply: {len(missing)}; duplicated reply parts: {len(duplicated)}")
# How long citizens waited for their reply (stored → sent), including the backlog after the burst.
received = dict(((ch, s), t) for ch, s, t in con.execute("SELECT channel, senderID, julianday(receivedAt) FROM inboundEvent"))
senders = dict((cid, (ch, s)) for cid, ch, s in con.execute("SELECT id, channel, senderID FROM conversation"))
waits = sorted((sent - received[senders[cid]]) * 86400
               for cid, sent in con.execute("SELECT conversationID, julianday(sentAt) FROM outboxEntry WHERE status = 'sent'")
               if cid in senders and senders[cid] in received)
if waits:
    pct = lambda p: waits[min(len(waits) - 1, int(p * len(waits)))]
    print(f"reply sent after (stored → sent): p50 {pct(0.5):.1f} s, p99 {pct(0.99):.1f} s, max {waits[-1]:.1f} s")
ok = not missing and not duplicated and unprocessed == 0 and unread == 0 and per_conversation == 0 and outbox.get("pending", 0) == 0
print("CHECK: " + ("OK — every acknowledged message got exactly one reply" if ok else "FAILED"))
sys.exit(0 if ok else 1)
