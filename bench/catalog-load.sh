#!/usr/bin/env bash
# Measures how long `preflight catalog list` takes (JVM start included) with the shipped catalog
# alone and with a generated user catalog of N entries, and the peak memory of each run.
# Usage: bench/catalog-load.sh [ENTRIES] [RUNS]     (defaults: 5000 entries, 5 runs)
# JVM_OPTIONS="..." runs the JVM with those options (the launcher's: -XX:TieredStopAtLevel=1
# -XX:+UseSerialGC -Xms64m -Xmn32m -XX:SurvivorRatio=2).
set -euo pipefail
cd "$(dirname "$0")/.."
entries="${1:-5000}"
runs="${2:-5}"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar=target/preflight.jar
[ -f "$jar" ] || ./mvnw -q -B -DskipTests package
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

{
  echo "services:"
  echo "  - {id: bench, name: Benchmark service, consequence: None.}"
  echo "endpoints:"
  for i in $(seq 1 "$entries"); do
    printf '  - {id: bench-%d, service: bench, host: h%d.bench.example, protocol: https, ports: [443, 80], impact: DEGRADED}\n' "$i" "$i"
  done
} > "$work/big.yaml"
echo "user catalog: $entries entries, $(wc -c < "$work/big.yaml") bytes"

measure() {
  local label="$1"; shift
  local best=999999 total=0 ms rss=0
  for _ in $(seq 1 "$runs"); do
    local start end
    start=$(date +%s%N)
    if [ -x /usr/bin/time ]; then
      rss=$(/usr/bin/time -f '%M' "$java_bin" ${JVM_OPTIONS:-} -jar "$jar" "$@" 2>&1 >/dev/null | tail -1)
    else
      "$java_bin" ${JVM_OPTIONS:-} -jar "$jar" "$@" > /dev/null
    fi
    end=$(date +%s%N)
    ms=$(( (end - start) / 1000000 ))
    total=$(( total + ms ))
    [ "$ms" -lt "$best" ] && best=$ms
  done
  printf '%-32s best %5d ms  mean %5d ms  peak RSS %s KiB\n' "$label" "$best" $(( total / runs )) "$rss"
}

measure "shipped catalog, text" catalog list --scenario user-driven
measure "shipped catalog, json" catalog list --format json
measure "shipped + $entries entries, json" catalog list --format json --catalog "$work/big.yaml"
