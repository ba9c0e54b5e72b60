#!/usr/bin/env bash
# Load benchmark of the webhook intake, on loopback only.
#
# Posts signed Messenger webhooks (each with its own sender and message id) to `amtsbote serve`
# with wrk, and the same load to a bare Hummingbird endpoint that only answers 200
# (`amtsbote bench-bare`), then checks that every acknowledged message got exactly one reply at a
# fake Graph API. Throughput and latency come from undisturbed runs (ROUNDS of each, in turns); with
# KILL=1 a further run sends new messages while the server is killed with `kill -9` halfway through and started again.
#
# Usage: scripts/bench-webhooks.sh            (builds a release binary first)
#   AMTSBOTE_BIN=path/to/amtsbote DURATION=20 CONNECTIONS=64 THREADS=2 KILL=1 scripts/bench-webhooks.sh
#   ROUNDS=5 measures bare and serve five times each, in turns (default 3).
#   STEADY_CONNECTIONS=4 (the default) first measures serve under a steady load from 4 connections; 0 skips it.
#   CHECK=0 skips waiting for the backlog and the exactly-once check (throughput figures only).
#   DRAIN_KILL=30 also kills the server with `kill -9` 30 s into working off the backlog (when up to
#   --delivery-concurrency replies are in flight at once) and starts it again; 0 (the default) does not.
set -euo pipefail

cd "$(dirname "$0")/.."
DURATION=${DURATION:-15}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
KILL=${KILL:-1}
DRAIN_KILL=${DRAIN_KILL:-0}
CHECK=${CHECK:-1}
ROUNDS=${ROUNDS:-3}
STEADY_CONNECTIONS=${STEADY_CONNECTIONS:-4}
MESSAGES=${MESSAGES:-1000000}
PORT=${PORT:-18181}
BARE_PORT=${BARE_PORT:-18182}
FAKE_PORT=${FAKE_PORT:-18183}
SECRET=bench_app_secret
WORK=$(mktemp -d /tmp/amtsbote-bench.XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  pkill -f -- "serve --host 127.0.0.1 --port $PORT " 2>/dev/null || true  # the server restarted after kill -9
}
trap cleanup EXIT
for port in "$PORT" "$BARE_PORT" "$FAKE_PORT"; do
  if (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port is in use (a benchmark still running?)" >&2; exit 1; fi
done

if ! command -v wrk >/dev/null; then
  echo "Installing wrk (Debian package) …"
  SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
  # A fresh machine may have no package lists yet.
  $SUDO apt-get install -y wrk >/dev/null 2>&1 || { $SUDO apt-get update -qq && $SUDO apt-get install -y wrk >/dev/null; }
fi
command -v python3 >/dev/null || { echo "python3 is needed for the fake platform and the check" >&2; exit 1; }

if [ -z "${AMTSBOTE_BIN:-}" ]; then
  echo "Building a release binary …"
  swift build -c release ${SCRATCH:+--scratch-path "$SCRATCH"} >/dev/null
  AMTSBOTE_BIN="$(swift build -c release ${SCRATCH:+--scratch-path "$SCRATCH"} --show-bin-path)/amtsbote"
fi

echo "Preparing $MESSAGES signed webhook bodies in $WORK …"
python3 scripts/bench/make_bodies.py "$MESSAGES" "$SECRET" "$WORK/bodies.tsv"
export BENCH_BODIES="$WORK/bodies.tsv" BENCH_THREADS="$THREADS"

wait_for() {  # url
  for _ in $(seq 1 600); do curl -sf -o /dev/null "$1" && return 0; sleep 0.05; done
  echo "timed out waiting for $1" >&2; return 1
}

run_wrk() {  # port label [threads connections]
  local threads=${3:-$THREADS} connections=${4:-$CONNECTIONS}
  echo "== $2: wrk -t$threads -c$connections -d${DURATION}s"
  BENCH_THREADS=$threads wrk -t"$threads" -c"$connections" -d"${DURATION}s" --latency -s scripts/bench/webhook.lua "http://127.0.0.1:$1" \
    | tee "$WORK/wrk-$2.txt" | grep -E "Requests/sec|Latency|50%|90%|99%|requests in|Non-2xx|Socket errors"
}

# 1. amtsbote serve, against a fake Graph API, and the bare endpoint, measured in turns.
# The fake stands in for Meta's servers, which run elsewhere: at low CPU priority, so that it
# does not take the CPU the server under test needs.
# Like Meta, it posts an echo of each sent message back to the webhook (ECHOES=0: no echoes); the
# server uses them after the kill -9 to tell sends that arrived from sends that did not.
if [ "${ECHOES:-1}" = 1 ]; then ECHO_ARGS=("http://127.0.0.1:$PORT/webhooks/meta" "$SECRET"); else ECHO_ARGS=(); fi
nice -n 19 python3 scripts/bench/fake_graph.py "$FAKE_PORT" "$WORK/fake.log" "${ECHO_ARGS[@]}" 2>/dev/null & PIDS+=($!)
start_server() {
  META_APP_SECRET=$SECRET META_VERIFY_TOKEN=bench META_PAGE_ACCESS_TOKEN=bench-token \
  META_GRAPH_URL="http://127.0.0.1:$FAKE_PORT/v21.0" LOG_LEVEL=${LOG_LEVEL:-warning} \
    "$AMTSBOTE_BIN" serve --host 127.0.0.1 --port "$PORT" --knowledge ./knowledge --database "$WORK/amtsbote.sqlite" \
    >>"$WORK/serve.log" 2>&1 &
  SERVER_PID=$!; PIDS+=($SERVER_PID)
  wait_for "http://127.0.0.1:$PORT/readyz"
}
start_server
"$AMTSBOTE_BIN" bench-bare --port "$BARE_PORT" & PIDS+=($!); BARE_PID=$!
sleep 0.5
curl -s -o /dev/null -X POST "http://127.0.0.1:$BARE_PORT/x" -d '{}'

# 1a. A steady load from a few connections (STEADY_CONNECTIONS, default 4; 0 skips it), on the
# fresh database: below the 64 connections, where the server has to tell a burst from ordinary
# traffic by the rate its own acknowledgements allow (docs/benchmark-log.md, "A steadier load").
if [ "$STEADY_CONNECTIONS" != 0 ]; then
  kill -STOP "$BARE_PID"
  BENCH_OFFSET=$((MESSAGES * 7 / 8)) run_wrk "$PORT" "serve-steady" 1 "$STEADY_CONNECTIONS"
  kill -CONT "$BARE_PID"
fi

# 1b. Throughput and acknowledgement latency, ROUNDS times each, taking turns: this machine's speed
# drifts by ±10 % within minutes, so one run of each says little; the turns are compared pairwise.
# While the bare endpoint is measured, serve is stopped (SIGSTOP), so that the backlog it works off
# between bursts does not take the bare endpoint's CPU. Each serve round starts further into the
# prepared bodies (rounds may overlap: a redelivered body costs the intake the same, and is
# answered once).
for round in $(seq 1 "$ROUNDS"); do
  kill -STOP "$SERVER_PID"
  run_wrk "$BARE_PORT" "bare-$round"
  kill -CONT "$SERVER_PID"
  BENCH_OFFSET=$(( (round - 1) * MESSAGES / (2 * ROUNDS) )) run_wrk "$PORT" "serve-$round"
  echo "   database after round $round: $(du -cm "$WORK"/amtsbote.sqlite* | tail -1 | cut -f1) MB"
done
kill "$BARE_PID"; wait "$BARE_PID" 2>/dev/null || true

# 1c. Crash safety: more new messages, with `kill -9` halfway and an immediate restart; requests in
# the gap fail at wrk (not acknowledged), everything acknowledged before and after must be answered.
if [ "$KILL" = 1 ]; then
  ( sleep $((DURATION / 2)); kill -9 "$SERVER_PID"; echo "   … killed the server with kill -9 at $((DURATION / 2)) s, restarting"
    start_server ) &
  KILLER=$!
  BENCH_OFFSET=$((MESSAGES / 2)) run_wrk "$PORT" serve-kill
  wait "$KILLER"
  SERVER_PID=$(pgrep -n -f -- "--port $PORT " || true)
fi

python3 - "$WORK" "$ROUNDS" <<'PY'
import re, statistics, sys
work, rounds = sys.argv[1], int(sys.argv[2])
def figures(label):
    text = open(f"{work}/wrk-{label}.txt").read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    p50, p99 = (re.search(rf"\s{q}%\s+(\S+)", text).group(1) for q in (50, 99))
    return rps, p50, p99
print("== throughput, round by round")
shares = []
for r in range(1, rounds + 1):
    (bare, _, bare99), (serve, p50, p99) = figures(f"bare-{r}"), figures(f"serve-{r}")
    shares.append(100 * serve / bare)
    print(f"   round {r}: bare {bare:.0f} req/s (p99 {bare99}), serve {serve:.0f} req/s (p50 {p50}, p99 {p99}) = {shares[-1]:.0f} % of bare")
print(f"== throughput: serve at {statistics.median(shares):.0f} % of bare (median of {rounds} rounds; {min(shares):.0f}–{max(shares):.0f} %)")
try:
    rps, p50, p99 = figures("serve-steady")
    print(f"== steady load: serve {rps:.0f} req/s (p50 {p50}, p99 {p99})")
except FileNotFoundError:
    pass
PY
[ "$CHECK" = 1 ] || exit 0

echo "== waiting for the outbox to drain …"
DRAIN_START=$(date +%s.%N)
DRAIN_KILL_AT=$(( $(date +%s) + DRAIN_KILL ))
# Wait while the backlog shrinks (give up after 90 s without progress: a reply in flight at the
# kill waits up to 60 s for its echo before it is sent again).
last=-1; stalled=0; drain_killed=0
while :; do
  if [ "$DRAIN_KILL" != 0 ] && [ "$drain_killed" = 0 ] && [ "$(date +%s)" -ge "$DRAIN_KILL_AT" ]; then
    kill -9 "$SERVER_PID"; echo "   … killed the server with kill -9 ${DRAIN_KILL} s into the drain, restarting"
    start_server; drain_killed=1
  fi
  pending=$(python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute(\"SELECT (SELECT COUNT(*) FROM webhookDelivery) + (SELECT COUNT(*) FROM inboundEvent WHERE status='pending') + (SELECT COUNT(*) FROM outboxEntry WHERE status='pending')\").fetchone()[0])" "$WORK/amtsbote.sqlite")
  [ "$pending" = 0 ] && break
  if [ "$pending" = "$last" ]; then stalled=$((stalled + 1)); [ "$stalled" -ge 90 ] && break; else stalled=0; fi
  last=$pending
  sleep 1
done
python3 -c "import sys; print(f'== backlog processed and delivered {float(sys.argv[2]) - float(sys.argv[1]):.1f} s after the load ended')" "$DRAIN_START" "$(date +%s.%N)"
[ -n "$SERVER_PID" ] && kill -TERM "$SERVER_PID" 2>/dev/null; sleep 1

python3 scripts/bench/check.py "$WORK/amtsbote.sqlite" "$WORK/fake.log"
# What each restart found in flight (held for the platform's echo, or sent again).
grep -h "replies were being sent" "$WORK/serve.log" | sed 's/^/   restart: /' | cut -c1-320 || true
echo "(work files in $WORK)"
