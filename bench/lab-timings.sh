#!/usr/bin/env bash
# Prints how long the network lab's operations take on this machine: `up`, a fault switch that
# restarts dnsmasq, one that restarts squid, a clean `preflight check` in the client namespace,
# and `down`. Run as root from the repository root after `./mvnw -q package -DskipTests`.
set -euo pipefail
cd "$(dirname "$0")/.."
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

seconds() { # runs "$@" quietly and prints its wall time in seconds
  local start
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  awk -v ns=$(($(date +%s%N) - start)) 'BEGIN { print ns / 1e9 }'
}

trap 'lab/lab.sh down >/dev/null 2>&1 || true' EXIT
printf 'lab up:                      %6.2f s\n' "$(seconds lab/lab.sh up)"
printf 'fault dns-nxdomain on (dns): %6.2f s\n' "$(seconds lab/lab.sh fault dns-nxdomain on)"
printf 'fault proxy-auth on (squid): %6.2f s\n' "$(seconds lab/lab.sh fault proxy-auth on)"
printf 'clear:                       %6.2f s\n' "$(seconds lab/lab.sh clear)"
printf 'preflight check (clean lab): %6.2f s\n' "$(seconds ip netns exec "${PFL_LAB_NAME:-pfl}-client" "$java" -jar target/preflight.jar \
  check --catalog lab/catalog.yaml --ca-file /run/preflight-lab/ca/root.pem --format json)"
printf 'lab down:                    %6.2f s\n' "$(seconds lab/lab.sh down)"
