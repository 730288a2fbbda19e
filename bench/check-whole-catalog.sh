#!/usr/bin/env bash
# Times `preflight check` over the whole shipped catalog (all scenarios, every TPM entry) and
# prints the numbers. The target: the run costs about one --timeout, not one per endpoint.
#
#   bench/check-whole-catalog.sh [TIMEOUT] [extra check options...]
#
# Prints the wall-clock time of the process (JVM start included), the run's own durationMs from
# the JSON report, the endpoint count, the verdict and exit code. On a machine without internet
# every endpoint fails (DNS), which is the case this measures: nothing may wait per endpoint.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
timeout="${1:-5s}"
shift || true
report="$(mktemp)"
trap 'rm -f "$report"' EXIT

"$here/preflight" --version >/dev/null # builds the jar first, outside the measurement

start=$(date +%s%N)
set +e
"$here/preflight" check --scenario user-driven,self-deploying,pre-provisioning,hybrid-join \
  --tpm intel --timeout "$timeout" --format json --output "$report" "$@" 2>/dev/null
code=$?
set -e
end=$(date +%s%N)

wall_ms=$(( (end - start) / 1000000 ))
run_ms=$(grep -m1 '"durationMs"' "$report" | tr -dc '0-9')
endpoints=$(grep -c '"target"' "$report" || true)
verdict=$(grep -m1 '"verdict"' "$report" | sed 's/.*: *"\([A-Z]*\)".*/\1/')
echo "timeout=$timeout endpoints=$endpoints verdict=$verdict exit=$code"
echo "run_ms=$run_ms wall_ms=$wall_ms"
