#!/usr/bin/env bash
# Times `preflight check` over every scenario's endpoints when the DNS server never answers: a
# UDP socket on loopback that reads nothing. Every probe waits out its deadline at once, so the
# run should take about one --timeout however many endpoints there are. Nothing leaves loopback.
# Usage: bench/check-silent-dns.sh [TIMEOUT...]   (default: 2s 5s)
set -euo pipefail
cd "$(dirname "$0")/.."
./preflight --version >/dev/null  # builds the jar if needed, outside the timed runs
report="$(mktemp)"
portfile="$(mktemp)"
python3 -c "
import socket, sys, time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(('127.0.0.1', 0))
open(sys.argv[1], 'w').write(str(s.getsockname()[1]))
time.sleep(300)" "$portfile" &
silent=$!
trap 'kill $silent 2>/dev/null || true; rm -f "$report" "$portfile"' EXIT
while [ ! -s "$portfile" ]; do sleep 0.1; done
port="$(cat "$portfile")"
for timeout in "${@:-2s 5s}"; do
  for t in $timeout; do
    start=$(date +%s%N)
    code=0
    ./preflight check \
      --scenario user-driven,self-deploying,pre-provisioning,hybrid-join --domain corp.example \
      --dns-server "127.0.0.1:$port" --timeout "$t" --format json >"$report" || code=$?
    wall=$(( ($(date +%s%N) - start) / 1000000 ))
    python3 - "$report" "$t" "$wall" "$code" <<'PY'
import collections, json, sys
report, timeout, wall, code = sys.argv[1:]
r = json.load(open(report))
eps = [e for s in r["services"] for e in s["endpoints"]]
causes = collections.Counter(e["cause"] or e["status"] for e in eps)
print(f"timeout {timeout}: {len(eps)} endpoints, run {r['durationMs']} ms, wall {wall} ms,"
      f" verdict {r['verdict']} (exit {code}), {dict(causes)}")
PY
  done
done
