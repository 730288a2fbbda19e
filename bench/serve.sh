#!/usr/bin/env bash
# Measures preflight serve with a full history: its memory after 1,000 stored runs, and how long
# /metrics, /api/history and the dashboard take to answer.
#
#   bench/serve.sh [RUNS] [REQUESTS]
#
# A first serve stores one real run (every name refused by a closed loopback DNS port, so nothing
# leaves the machine); sqlite3 copies it into RUNS stored runs (default 1000); a second serve opens
# that history, finishes its own run, and is measured: resident memory (VmRSS) and used heap after
# a full GC, then REQUESTS (default 200) sequential requests per path with curl, printing the
# median and 95th percentile of curl's total time (a new connection each time).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-1000}"
requests="${2:-200}"
work="$(mktemp -d)"
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

"$here/preflight" --version >/dev/null # builds the jar first, outside the measurement
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url="http://127.0.0.1:$port"

start_serve() {
  "$here/preflight" serve --listen "127.0.0.1:$port" --interval 1h --data-dir "$work/data" \
    --dns-server 127.0.0.1:9 --timeout 2s 2>"$work/serve.log" &
  pid=$!
  for _ in $(seq 1 600); do
    grep -q ': run [0-9]*:' "$work/serve.log" 2>/dev/null && return
    sleep 0.1
  done
  echo "serve did not finish a run; its log:" >&2
  cat "$work/serve.log" >&2
  exit 1
}

stop_serve() {
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  pid=""
}

start_serve
stop_serve
sqlite3 "$work/data/history.db" "
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $runs - 1)
  INSERT INTO runs (started_at_ms, duration_ms, verdict, problems, report)
  SELECT r.started_at_ms - n.i * 300000, r.duration_ms, r.verdict, r.problems, r.report
  FROM runs r, n WHERE r.id = 1;"
stored=$(sqlite3 "$work/data/history.db" "SELECT count(*) FROM runs")
db_kib=$(( $(stat -c %s "$work/data/history.db") / 1024 ))

start_serve
curl -s -o /dev/null "$url/metrics" # warm the handlers once
jcmd "$pid" GC.run >/dev/null 2>&1 || true
rss_kib=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
heap=$(curl -s "$url/metrics" | awk '/^jvm_memory_used_bytes\{area="heap"\}/ {printf "%d", $2 / 1048576}')

time_path() {
  local path="$1" times
  times=$(for _ in $(seq 1 "$requests"); do curl -s -o /dev/null -w '%{time_total}\n' "$url$path"; done | sort -n)
  printf '%-28s median %6.2f ms   p95 %6.2f ms   (%s requests)\n' "$path" \
    "$(echo "$times" | awk -v n="$requests" 'NR == int((n + 1) / 2) {print $1 * 1000}')" \
    "$(echo "$times" | awk -v n="$requests" 'NR == int(n * 0.95) {print $1 * 1000}')" "$requests"
}

echo "stored runs:          $((stored + 1)) ($db_kib KiB history.db before serve's own run)"
echo "serve memory:         VmRSS $((rss_kib / 1024)) MiB, heap used after GC $heap MiB"
time_path /metrics
time_path /api/history
time_path "/api/history?limit=1000"
time_path /
