#!/usr/bin/env bash
# Prints PAC evaluation times: the whole shipped catalog against a realistic enterprise PAC
# (bench/enterprise.pac, ~600 lines: bypass list, partner wildcards, private networks, black hole,
# fallback chain), first pass and warm, and the time until each hostile sandbox fixture is stopped.
# Usage: bench/pac-eval.sh [PAC-FILE] [RUNS]     (defaults: bench/enterprise.pac, 50 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
./mvnw -q -B -o -DskipTests package
echo "host: $(nproc) cores, load average $(cut -d" " -f1-3 /proc/loadavg)"
"$java_bin" -cp target/preflight.jar:target/test-classes dev.preflight.policy.pac.PacBench "$@"
