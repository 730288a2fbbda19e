#!/usr/bin/env bash
# `preflight check` with 2,000 extra endpoints whose peers never answer, on loopback only:
#
#   silent-tls   the server accepts every connection and never sends a byte (no ServerHello)
#   never-read   the server listens but never accepts: once its small backlog is full, SYNs go
#                unanswered
#
# The shipped catalog's names go to a DNS server that never answers, so every endpoint of the run
# fails. Goals: every endpoint judged FAIL, none SKIP; exit code 2; a run of about two timeouts
# (one wave, then one wave confirming the timeouts); peak RSS under 256 MiB.
#
#   bench/check-2000-silent.sh [-n 2000] [-t 5s] [-- extra check options]
#
# Prints per case: endpoints, FAIL / SKIP counts, causes, exit code, wall and run time, user+sys
# CPU, peak RSS, and the most threads and file descriptors seen (sampled every 50 ms).
# JVM_OPTIONS="..." runs the JVM with those options (the launcher's: -XX:TieredStopAtLevel=1
# -XX:+UseSerialGC -Xms64m -Xmn32m -XX:SurvivorRatio=2).
set -euo pipefail
cd "$(dirname "$0")/.."
count=2000 timeout=5s
while getopts "n:t:" opt; do
  case "$opt" in
    n) count=$OPTARG ;; t) timeout=$OPTARG ;;
    *) sed -n '2,14s/^# \{0,1\}//p' "$0"; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar=$PWD/target/preflight.jar
[ -f "$jar" ] || ./mvnw -q -B -DskipTests package
work=$(mktemp -d)
servers=()
trap 'for p in "${servers[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT

# $1: mode (silent-tls | never-read | silent-dns); prints the port once it listens.
python3 - "$work" <<'PY' &
import os, socket, sys, threading, time
work = sys.argv[1]
def ready(name, port):
    with open(os.path.join(work, name + ".port"), "w") as f:
        f.write(str(port))
dns = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
dns.bind(("127.0.0.1", 0))
ready("silent-dns", dns.getsockname()[1])
silent = socket.socket()
silent.bind(("127.0.0.1", 0))
silent.listen(4096)
ready("silent-tls", silent.getsockname()[1])
never = socket.socket()
never.bind(("127.0.0.1", 0))
never.listen(8)
ready("never-read", never.getsockname()[1])
held = []
def accept():
    while True:
        held.append(silent.accept()[0])
threading.Thread(target=accept, daemon=True).start()
time.sleep(3600)
PY
servers+=($!)
for f in silent-dns silent-tls never-read; do
  while [ ! -s "$work/$f.port" ]; do sleep 0.05; done
done

catalog() { # CASE PORT
  {
    echo "services:"
    echo "  - {id: silent, name: Silent peers, consequence: None.}"
    echo "endpoints:"
    seq 1 "$count" | awk -v c="$1" -v p="$2" '{ printf "  - {id: %s-%d, service: silent, host: 127.0.0.1, protocol: https, ports: [%d], impact: BLOCKING}\n", c, $1, p }'
  } >"$work/$1.yaml"
}

sample() { # PID OUT
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

for case in silent-tls never-read; do
  catalog "$case" "$(cat "$work/$case.port")"
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  start=$(date +%s%N)
  code=0
  rm -f "$work/report.json"
  /usr/bin/time -f '%U %S %M' -o "$work/time" "$java_bin" ${JVM_OPTIONS:-} -jar "$jar" check \
    --catalog "$work/$case.yaml" --dns-server "127.0.0.1:$(cat "$work/silent-dns.port")" \
    --timeout "$timeout" --format json --output "$work/report.json" "$@" 2>"$work/err" &
  outer=$!
  pid=
  while [ -z "$pid" ] && kill -0 "$outer" 2>/dev/null; do pid=$(pgrep -P "$outer" -n || true); sleep 0.02; done
  sample "${pid:-$outer}" "$work/sample" &
  wait "$outer" || code=$?
  wait "$!" 2>/dev/null || true
  wall=$(awk -v s="$start" -v e="$(date +%s%N)" 'BEGIN { printf "%.2f", (e - s) / 1e9 }')
  if [ ! -s "$work/report.json" ]; then # no report: say why instead of a Python error
    echo "$case: no report (exit $code); the JVM said:" >&2
    tail -n 5 "$work/err" >&2
    continue
  fi
  python3 - "$work/report.json" "$work/time" "$work/sample" "$case" "$code" "$wall" "$load" <<'PY'
import collections, json, sys
report, times, sample, case, code, wall, load = sys.argv[1:]
r = json.load(open(report))
eps = [e for s in r["services"] for e in s["endpoints"]]
status = collections.Counter(e["status"] for e in eps)
causes = collections.Counter(e["cause"] for e in eps if e["cause"])
user, system, rss = open(times).read().split()[-3:]
fds, threads = open(sample).read().split()
print(f"{case:10s} endpoints {len(eps)}  FAIL {status['FAIL']}  SKIP {status['SKIP']}  "
      f"exit {code}  wall {float(wall):.2f} s  run {r['durationMs'] / 1000:.2f} s  "
      f"cpu {float(user) + float(system):.2f} s  rss {int(rss) // 1024} MiB  threads {threads}  "
      f"fds {fds}  load {load}  {dict(causes.most_common(4))}")
for reason, n in collections.Counter(e["detail"] for e in eps if e["status"] == "SKIP").items():
    print(f"  SKIP x{n}: {reason}")
PY
done
