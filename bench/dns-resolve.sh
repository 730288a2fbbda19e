#!/usr/bin/env bash
# The RESOLVE phase of a whole-catalog `preflight check` against a resolver on this machine: the
# network lab's dnsmasq, which answers from memory in about a millisecond. Prints, per run and over
# all runs, the median and p95 RESOLVE time (`timings.dnsMs`) of every endpoint, the DNS queries
# sent per distinct name (from `--debug`), the run's duration and the load average.
#
#   sudo bench/dns-resolve.sh [RUNS] [extra check options...]      (default: 5 runs)
#
# `PFL_LAB_NAME=NAME` picks the lab instance (default pfl); a lab that is not up is brought up and
# torn down afterwards. `DNS_FAULT=dns-sinkhole` answers every name with 0.0.0.0, so that every
# probe ends after RESOLVE and the figures show DNS alone, without TLS handshakes competing for the
# CPU. Nothing leaves the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
shift || true
lab="${PFL_LAB_NAME:-pfl}"
state="/run/preflight-lab-$lab"
[ "$lab" = pfl ] && state=/run/preflight-lab
./preflight --version >/dev/null # builds the jar if needed, outside the measurement

started_lab=0
if [ ! -f "$state/dnsmasq.conf" ]; then
  lab/lab.sh up >/dev/null
  started_lab=1
fi
out="$(mktemp -d)"
cleanup() {
  [ -n "${DNS_FAULT:-}" ] && lab/lab.sh fault "$DNS_FAULT" off >/dev/null 2>&1 || true
  [ "$started_lab" = 1 ] && lab/lab.sh down >/dev/null 2>&1 || true
  rm -rf "$out"
}
trap cleanup EXIT
[ -n "${DNS_FAULT:-}" ] && lab/lab.sh fault "$DNS_FAULT" on all >/dev/null

for i in $(seq 1 "$runs"); do
  ip netns exec "$lab-client" ./preflight --debug check \
    --scenario user-driven,self-deploying,pre-provisioning,hybrid-join --domain corp.example \
    --catalog lab/catalog.yaml --ca-file "$state/ca/root.pem" --format json "$@" \
    >"$out/$i.json" 2>"$out/$i.err" || true
  cut -d' ' -f1 /proc/loadavg >"$out/$i.load"
done

python3 - "$out" "$runs" <<'PY'
import json, re, statistics, sys
out, runs = sys.argv[1], int(sys.argv[2])

def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]

everything = []
for i in range(1, runs + 1):
    report = json.load(open(f"{out}/{i}.json"))
    eps = [e for s in report["services"] for e in s["endpoints"]]
    dns = [e["timings"]["dnsMs"] for e in eps if (e.get("timings") or {}).get("dnsMs") is not None]
    everything += dns
    sent = re.search(r"DNS queries sent: (\d+) for (\d+) names", open(f"{out}/{i}.err").read())
    per_name = f"{int(sent[1]) / int(sent[2]):.2f} ({sent[1]} for {sent[2]} names)" if sent else "n/a"
    load = open(f"{out}/{i}.load").read().strip()
    print(f"run {i}: {len(dns)} endpoints, RESOLVE median {statistics.median(dns):.0f} ms,"
          f" p95 {pct(dns, 95)} ms, max {max(dns)} ms; DNS queries per distinct name {per_name};"
          f" run {report['durationMs']} ms, verdict {report['verdict']}, load {load}")
print(f"all {runs} runs: RESOLVE median {statistics.median(everything):.0f} ms,"
      f" p95 {pct(everything, 95)} ms over {len(everything)} endpoint probes")
PY
