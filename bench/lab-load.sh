#!/usr/bin/env bash
# False alarms on a busy machine, in the network lab: the healthy lab checked RUNS times while two
# processes keep both cores busy in the client namespace (as a build or an antivirus scan would),
# then once with one real drop under the same load, and the DNS phase against the lab's resolver
# with the machine left alone. Run as root; it brings its own lab instance up and down
# (PFL_LAB_NAME, default "bench").
#
#   sudo bench/lab-load.sh [-r RUNS] [-t 5s] [-l SPINNERS]
#
# Prints, with the load average before each run:
#   healthy, idle     endpoints not PASS (goal 0), wall and run seconds, median and p90 dnsMs
#   healthy, loaded   the same for each loaded run; false alarms summed (goal 0)
#   one drop, loaded  the dropped endpoint's cause and detail (goal TCP_TIMEOUT, "twice"), others
#                     not PASS (goal 0), wall seconds (goal about two timeouts plus a second)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=3 timeout=5s spinners=2
while getopts "r:t:l:" opt; do
  case "$opt" in
    r) runs=$OPTARG ;; t) timeout=$OPTARG ;; l) spinners=$OPTARG ;;
    *) sed -n '2,15s/^# \{0,1\}//p' "$0"; exit 2 ;;
  esac
done
[ "$(id -u)" = 0 ] || { echo "bench: run as root" >&2; exit 2; }
export PFL_LAB_NAME=${PFL_LAB_NAME:-bench}
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar=$PWD/target/preflight.jar
[ -f "$jar" ] || ./mvnw -q -B -DskipTests package
if [ "$PFL_LAB_NAME" = pfl ]; then state=/run/preflight-lab; else state=/run/preflight-lab-$PFL_LAB_NAME; fi
ns=$PFL_LAB_NAME-client
work=$(mktemp -d)
load_pids=()
stop_load() { for p in "${load_pids[@]}"; do kill "$p" 2>/dev/null || true; done; load_pids=(); }
trap 'stop_load; lab/lab.sh down >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
lab/lab.sh up 2>/dev/null

start_load() {
  local i
  for i in $(seq "$spinners"); do
    ip netns exec "$ns" sh -c 'while :; do :; done' &
    load_pids+=($!)
  done
}

check() { # LABEL [HOST]: one check, summarised
  local label=$1 host=${2:-} code=0 start wall load
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  start=$(date +%s%N)
  ip netns exec "$ns" "$java_bin" -jar "$jar" check --catalog lab/catalog.yaml \
    --ca-file "$state/ca/root.pem" --timeout "$timeout" --format json \
    --output "$work/report.json" 2>/dev/null || code=$?
  wall=$(awk -v s="$start" -v e="$(date +%s%N)" 'BEGIN { printf "%.2f", (e - s) / 1e9 }')
  python3 - "$work/report.json" "$label" "$host" "$code" "$wall" "$load" <<'PY'
import json, statistics, sys
report, label, host, code, wall, load = sys.argv[1:]
r = json.load(open(report))
eps = [e for s in r["services"] for e in s["endpoints"]]
others = [e for e in eps if e["host"] != host and e["status"] != "PASS"]
dns = sorted(e["timings"]["dnsMs"] for e in eps if (e.get("timings") or {}).get("dnsMs") is not None)
line = (f"{label:17s} wrong {len(others):2d}/{len(eps)}  exit {code}  wall {float(wall):5.2f} s  "
        f"run {r['durationMs'] / 1000:5.2f} s  dnsMs median {statistics.median(dns) if dns else '-'}"
        f" p90 {dns[int(len(dns) * 0.9)] if dns else '-'}  load {load}")
if host:
    hit = [e for e in eps if e["host"] == host and e["protocol"] == "https"]
    line += "".join(f"\n  {e['host']}: {e['status']} {e['cause']}: {e['detail']}" for e in hit)
for e in others[:5]:
    line += f"\n  wrong: {e['host']} {e['protocol']} {e['status']} {e['cause']}: {e['detail']}"
print(line)
open(sys.argv[1] + ".wrong", "w").write(str(len(others)))
PY
}

check "healthy, idle"
start_load
alarms=0
for i in $(seq "$runs"); do
  check "healthy, loaded"
  alarms=$((alarms + $(cat "$work/report.json.wrong")))
done
lab/lab.sh fault tcp-drop on ztd.dds.microsoft.com
check "one drop, loaded" ztd.dds.microsoft.com
stop_load
echo "false alarms under load: $alarms in $runs runs (goal 0)"
