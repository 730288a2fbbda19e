#!/usr/bin/env bash
# Prints the start-up cost of each JVM option set the launcher could use, so that it keeps only
# what helps: the wall-clock median (hyperfine) and mean CPU time (user + system) for `--version`,
# `catalog list` and, as root, a check of the shipped catalog in the network lab at 0 ms RTT.
#
#   bench/jvm-options.sh [RUNS]        (default 10 runs per case; the lab check gets half)
#   EXTRA=500 bench/jvm-options.sh 3   (the lab check also probes 500 generated HTTPS hosts, which
#                                       the lab answers with a certificate for another name)
#
# Option sets: plain `java -jar`; C1 only (-XX:TieredStopAtLevel=1); C1 with the serial
# collector; a class cache trained on `--version` or on a lab check, alone and with C1 and the
# serial collector. The cache is an AOT cache (JEP 483/514/515) on JDK 25+, a dynamic AppCDS
# archive on JDK 21-24 (and on 25+ with CACHE=appcds, to compare the two). JAVA_HOME picks the
# JDK (default: the launcher's choice).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
. launcher/find-jdk.sh
preflight_find_jdk || { echo "no JDK 21+" >&2; exit 1; }
java="$preflight_jdk/bin/java"
major="$preflight_jdk_version"
[ -f target/preflight.jar ] || ./preflight --version >/dev/null
work="$(mktemp -d)"
lab="${PFL_LAB_NAME:-pfl}"
cleanup() {
  rm -rf "$work"
  [ -z "${lab_started:-}" ] || lab/lab.sh down >/dev/null 2>&1 || true
}
trap cleanup EXIT
cp -p target/preflight.jar "$work/"
jar="$work/preflight.jar"

lab_check="" # the lab check's arguments, when this runs as root
if [ "$(id -u)" = 0 ]; then
  lab/lab.sh up >/dev/null && lab_started=1
  ca="/run/preflight-lab-$lab/ca/root.pem"
  [ "$lab" != pfl ] || ca=/run/preflight-lab/ca/root.pem
  lab_check="check --catalog lab/catalog.yaml --ca-file $ca --format json"
  if [ "${EXTRA:-0}" -gt 0 ]; then
    {
      echo "services: [{id: gen, name: Generated, consequence: None.}]"
      echo "endpoints:"
      for i in $(seq 1 "$EXTRA"); do
        echo "  - {id: gen-$i, service: gen, host: p$i.gen.example, protocol: https, ports: [443], impact: DEGRADED}"
      done
    } >"$work/extra.yaml"
    lab_check="$lab_check --catalog $work/extra.yaml --parallelism 64"
  fi
fi

c1="-XX:TieredStopAtLevel=1"
serial="-XX:+UseSerialGC"
if [ "$major" -ge 25 ] && [ "${CACHE:-}" != appcds ]; then
  aot=AOT
  quiet="-Xlog:aot*=off -Xlog:cds*=off"
  use() { echo "-XX:AOTCache=$work/$1.aot $quiet"; }
else
  aot=""
  quiet="-Xlog:cds=off -Xlog:cds+dynamic=off"
  use() { echo "-XX:SharedArchiveFile=$work/$1.jsa $quiet"; }
fi

train() { # train NAME PREFIX ARGS...: a cache NAME trained on one run of ARGS, as the launcher does
  local name="$1" prefix="$2"
  shift 2
  local started=$(date +%s%N)
  if [ -n "$aot" ]; then
    $prefix "$java" $c1 $serial -XX:AOTMode=record -XX:AOTConfiguration="$work/$name.conf" $quiet \
      -jar "$jar" "$@" >/dev/null 2>&1 || true
    trained="$trained, $name $(( ($(date +%s%N) - started) / 1000000 )) ms"
    "$java" $c1 $serial -XX:AOTMode=create -XX:AOTConfiguration="$work/$name.conf" \
      -XX:AOTCache="$work/$name.aot" $quiet -cp "$jar" >/dev/null 2>&1
  else
    $prefix "$java" $c1 $serial -XX:ArchiveClassesAtExit="$work/$name.jsa" $quiet \
      -jar "$jar" "$@" >/dev/null 2>&1 || true
    trained="$trained, $name $(( ($(date +%s%N) - started) / 1000000 )) ms"
  fi
}

median() { # median RUNS PREFIX OPTIONS ARGS: prints "wall / CPU" in ms (median, mean) of RUNS runs
  local json="$work/result.json"
  hyperfine -N -i -w 1 -r "$1" --export-json "$json" -- "$2 $java $3 -jar $jar $4" >/dev/null 2>&1
  python3 -c 'import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print("%5.0f / %5.0f" % (r["median"] * 1000, (r["user"] + r["system"]) * 1000))' "$json"
}

trained="" # the wall time of each training run, to compare with the rows below
train version "" --version
names=("plain" "C1" "C1+serial" "cache(version)+C1+serial")
sets=("" "$c1" "$c1 $serial" "$(use version) $c1 $serial")
if [ -n "$lab_check" ]; then
  train check "ip netns exec $lab-client" $lab_check
  names+=("cache(check)" "cache(check)+C1" "cache(check)+C1+serial")
  sets+=("$(use check)" "$(use check) $c1" "$(use check) $c1 $serial")
fi

echo "JDK $major ($preflight_jdk), cache: ${aot:-AppCDS}; lab check with ${EXTRA:-0} extra endpoints"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg); $runs runs"
printf '%-26s %15s %15s %15s\n' "options" "--version" "catalog list" "lab check"
printf '%-26s %15s %15s %15s\n' "(ms)" "wall / CPU" "wall / CPU" "wall / CPU"
for i in "${!names[@]}"; do
  version="$(median "$runs" "" "${sets[$i]}" --version)"
  list="$(median "$runs" "" "${sets[$i]}" "catalog list")"
  check="-"
  [ -z "$lab_check" ] || check="$(median $(((runs + 1) / 2)) "ip netns exec $lab-client" "${sets[$i]}" "$lab_check")"
  printf '%-26s %15s %15s %15s\n' "${names[$i]}" "$version" "$list" "$check"
done
echo "training runs (recording, C1+serial)${trained}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
