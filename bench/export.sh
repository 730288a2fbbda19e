#!/usr/bin/env bash
# Times `preflight export` in every format (JVM start included) with the shipped catalog alone and
# with a generated user catalog of N hosts and N/10 wildcards, half of the hosts below a wildcard
# (so folding and squid's overlap removal have work to do). Prints the best of RUNS, the output
# size and the line count.
# Usage: bench/export.sh [HOSTS] [RUNS]     (defaults: 5000 hosts, 3 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
hosts="${1:-5000}"
runs="${2:-3}"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar=target/preflight.jar
[ -f "$jar" ] || ./mvnw -q -B -DskipTests package
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

{
  echo "services:"
  echo "  - {id: bench, name: Benchmark service, consequence: None.}"
  echo "endpoints:"
  for i in $(seq 1 $((hosts / 10))); do
    printf '  - {id: bench-w%d, service: bench, host: z%d.bench.example, wildcard: "*.z%d.bench.example", protocol: https, ports: [443, 80], impact: DEGRADED}\n' "$i" "$i" "$i"
  done
  for i in $(seq 1 "$hosts"); do
    if [ $((i % 2)) -eq 0 ]; then zone="z$(( (i % (hosts / 10)) + 1 )).bench.example"; else zone="bench.example"; fi
    printf '  - {id: bench-h%d, service: bench, host: h%d.%s, protocol: https, ports: [443], impact: DEGRADED}\n' "$i" "$i" "$zone"
  done
} > "$work/big.yaml"
echo "user catalog: $hosts hosts, $((hosts / 10)) wildcards"

measure() {
  local label="$1"; shift
  local best=999999 ms start end
  for _ in $(seq 1 "$runs"); do
    start=$(date +%s%N)
    "$java_bin" -jar "$jar" export "$@" > "$work/out" 2>/dev/null
    end=$(date +%s%N)
    ms=$(( (end - start) / 1000000 ))
    [ "$ms" -lt "$best" ] && best=$ms
  done
  printf '%-28s best %5d ms  %8d bytes  %6d lines\n' "$label" "$best" "$(wc -c < "$work/out")" "$(wc -l < "$work/out")"
}

for format in domains pac squid csv json; do
  measure "shipped $format" --format "$format"
done
for format in domains pac squid csv json; do
  measure "shipped+$hosts $format" --format "$format" --catalog "$work/big.yaml"
done
