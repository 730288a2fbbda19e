#!/usr/bin/env bash
# Scale in the network lab: `preflight check` over the shipped catalog plus N generated HTTPS
# endpoints (pK.gen.lab.example, one nginx with a wildcard certificate) at an added round-trip
# time, next to the physical limit measured in the same setting. Run as root; it brings its own
# lab instance up and down (PFL_LAB_NAME, default "bench").
#
#   sudo bench/lab-scale.sh [-n "100 500 2000"] [-r "0 50 200"] [-t 5s] [-- extra check options]
#
# JVM_OPTIONS="..." runs the JVM with those options, for example the launcher's own (as
# ./preflight starts a check: -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms64m -Xmn32m
# -XX:SurvivorRatio=2).
# LAUNCHER=1 runs ./preflight itself, as a user does: its options and, after one training check
# before the measured runs, its class cache.
#
# One line per (RTT, N):
#   wrong      endpoints not reported PASS (every lab endpoint is healthy: goal 0)
#   wall       the whole preflight process, JVM start included
#   limit      one `curl -w %{time_total}` to one generated host plus the JVM's `--version` start
#   ratio      wall / limit
#   cpu        user + system CPU seconds; rss: peak resident set (MiB)
#   fds, thr   most open file descriptors and threads seen (sampled every 50 ms)
#   dns/name   DNS queries dnsmasq logged during the run per distinct name asked
# The load average before each run is printed with it: numbers from a busy machine say little.
set -euo pipefail
cd "$(dirname "$0")/.."
counts="100 500 2000" rtts="0 50 200" timeout=5s
while getopts "n:r:t:" opt; do
  case "$opt" in
    n) counts=$OPTARG ;; r) rtts=$OPTARG ;; t) timeout=$OPTARG ;;
    *) sed -n '2,18s/^# \{0,1\}//p' "$0"; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[ "$(id -u)" = 0 ] || { echo "bench: run as root" >&2; exit 2; }
export PFL_LAB_NAME=${PFL_LAB_NAME:-bench}
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar=$PWD/target/preflight.jar
[ -f "$jar" ] || ./mvnw -q -B -DskipTests package
if [ "$PFL_LAB_NAME" = pfl ]; then state=/run/preflight-lab; else state=/run/preflight-lab-$PFL_LAB_NAME; fi
ns=$PFL_LAB_NAME-client
work=$(mktemp -d)
trap 'lab/lab.sh down >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
lab/lab.sh up 2>/dev/null

catalog() { # N: a user catalog of N blocking HTTPS endpoints on generated hosts
  {
    echo "services:"
    echo "  - {id: generated, name: Generated endpoints, consequence: None.}"
    echo "endpoints:"
    seq 1 "$1" | awk '{ printf "  - {id: gen-%d, service: generated, host: p%d.gen.lab.example, protocol: https, ports: [443], impact: BLOCKING}\n", $1, $1 }'
  } >"$work/gen-$1.yaml"
}

sample() { # PID OUT: the most file descriptors and threads PID had while it ran
  local pid=$1 fds=0 thr=0 f t
  while kill -0 "$pid" 2>/dev/null; do
    f=$(ls "/proc/$pid/fd" 2>/dev/null | wc -l)
    t=$(awk '/^Threads:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    [ "${f:-0}" -gt "$fds" ] && fds=$f
    [ "${t:-0}" -gt "$thr" ] && thr=$t
    sleep 0.05
  done
  echo "$fds $thr" >"$2"
}

limit() { # seconds: one curl chain to one generated host plus the JVM's --version start
  local c v s
  c=$(ip netns exec "$ns" curl -s -o /dev/null -w '%{time_total}' --cacert "$state/ca/root.pem" https://p1.gen.lab.example/)
  s=$(date +%s%N)
  ip netns exec "$ns" "$java_bin" -jar "$jar" --version >/dev/null
  v=$(awk -v s="$s" -v e="$(date +%s%N)" 'BEGIN { printf "%.3f", (e - s) / 1e9 }')
  awk -v c="$c" -v v="$v" 'BEGIN { printf "%.3f %.3f %.3f", c + v, c, v }'
}

run() { # RTT N [extra check options]
  local rtt=$1 n=$2 log="$state/log/dnsmasq-queries.log" before pid code=0 lim
  shift 2
  catalog "$n"
  lim=$(limit)
  before=$(wc -l <"$log")
  local load; load=$(cut -d' ' -f1-3 /proc/loadavg)
  local start; start=$(date +%s%N)
  ip netns exec "$ns" /usr/bin/time -f '%U %S %M' -o "$work/time" "${preflight[@]}" check \
    --catalog lab/catalog.yaml --catalog "$work/gen-$n.yaml" --ca-file "$state/ca/root.pem" \
    --timeout "$timeout" --format json --output "$work/report.json" "$@" 2>"$work/err" &
  local outer=$!
  pid=
  while [ -z "$pid" ] && kill -0 "$outer" 2>/dev/null; do pid=$(pgrep -P "$outer" -n || true); sleep 0.02; done
  sample "${pid:-$outer}" "$work/sample" &
  wait "$outer" || code=$?
  wait
  local wall; wall=$(awk -v s="$start" -v e="$(date +%s%N)" 'BEGIN { printf "%.2f", (e - s) / 1e9 }')
  tail -n +"$((before + 1))" "$log" | grep -o 'query\[[A-Z]*\] [^ ]*' >"$work/queries" || true
  python3 - "$work/report.json" "$work/time" "$work/sample" "$work/queries" "$rtt" "$n" "$wall" "$code" "$lim" "$load" "${preflight[*]}" <<'PY'
import collections, json, sys
report, times, sample, queries, rtt, n, wall, code, lim, load, jvm = sys.argv[1:]
try:
    r = json.load(open(report))
    eps = [e for s in r["services"] for e in s["endpoints"]]
except (OSError, ValueError):
    r, eps = {"verdict": "none"}, []
wrong = [e for e in eps if e["status"] != "PASS"]
causes = collections.Counter(e["cause"] or e["status"] for e in wrong)
user, system, rss = open(times).read().split()[-3:]
fds, threads = open(sample).read().split()
names = [l.split()[1] for l in open(queries)]
per_name = len(names) / max(1, len(set(names)))
limit, curl, version = map(float, lim.split())
print(f"rtt {int(rtt):3d} ms  n {int(n):4d}  endpoints {len(eps):4d}  wrong {len(wrong):4d}  "
      f"wall {float(wall):6.2f} s  limit {limit:5.2f} s (curl {curl:.2f} + jvm {version:.2f})  "
      f"ratio {float(wall) / limit:5.2f}  cpu {float(user) + float(system):6.2f} s  "
      f"rss {int(rss) // 1024:4d} MiB  fds {fds:>5}  thr {threads:>4}  dns/name {per_name:.2f}  "
      f"verdict {r['verdict']} exit {code}  load {load}  [{jvm}]"
      + (f"  {dict(causes.most_common(4))}" if causes else ""))
PY
}

# shellcheck disable=SC2206 # JVM_OPTIONS is a list of words
preflight=("$java_bin" ${JVM_OPTIONS:-} -jar "$jar")
if [ -n "${LAUNCHER:-}" ]; then
  preflight=("$PWD/preflight")
  # The first check trains the launcher's class cache, written in the background once it ends.
  ip netns exec "$ns" ./preflight check --catalog lab/catalog.yaml --ca-file "$state/ca/root.pem" \
    --timeout "$timeout" --format json --output /dev/null 2>/dev/null || true
  sleep 5
fi

for rtt in $rtts; do
  if [ "$rtt" = 0 ]; then lab/lab.sh fault rtt off; else lab/lab.sh fault rtt on "$rtt"; fi
  sleep 1 # the router's delay takes effect within half a second (lab/bin/nfqueue_delay.py)
  for n in $counts; do
    run "$rtt" "$n" "$@"
  done
done
