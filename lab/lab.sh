#!/usr/bin/env bash
# The preflight network lab: real DNS, web, NTP, proxy and domain-controller servers in network
# namespaces, with faults that can be switched on and off. Run as root. See lab/README.md.
#
#   lab.sh up                      build the namespaces and start every server (tears leftovers down first)
#   lab.sh down                    stop every server by PID, remove namespaces and every file written
#   lab.sh fault NAME on [ARG...]  switch a fault on (ARG: host name or "all", or a value; see `faults`)
#   lab.sh fault NAME off          switch it off
#   lab.sh fault NAME status       print "on ARGS" or "off"
#   lab.sh clear                   switch every fault off
#   lab.sh faults                  list the faults and their arguments
#   lab.sh status                  namespaces, processes and faults
#   lab.sh leftovers               after `down`: list anything of the lab still present, exit 1 if any
#
# PFL_LAB_NAME (default pfl) names the instance: its namespaces are NAME-client, NAME-router and
# NAME-inet and its state lives in /run/preflight-lab (pfl) or /run/preflight-lab-NAME.
set -euo pipefail

LAB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$LAB_DIR")
PYTHON=${PYTHON:-$(command -v /usr/bin/python3 || command -v python3)}

die() { echo "lab: $*" >&2; exit 1; }
log() { echo "lab: $*" >&2; }

# shellcheck source=lib/net.sh
. "$LAB_DIR/lib/net.sh"
if [ "$LAB_NAME" = pfl ]; then STATE=${PFL_LAB_STATE:-/run/preflight-lab}; else STATE=${PFL_LAB_STATE:-/run/preflight-lab-$LAB_NAME}; fi
# shellcheck source=lib/certs.sh
. "$LAB_DIR/lib/certs.sh"
# shellcheck source=lib/config.sh
. "$LAB_DIR/lib/config.sh"
# shellcheck source=lib/procs.sh
. "$LAB_DIR/lib/procs.sh"
# shellcheck source=lib/faults.sh
. "$LAB_DIR/lib/faults.sh"

# Host names the web server has certificates for: every concrete host of the lab catalog and of
# the shipped catalog (placeholders such as {domain} are left out), plus the lab's own names.
collect_hosts() {
  {
    local f
    for f in "$LAB_DIR/catalog.yaml" "$REPO_DIR/src/main/resources/dev/preflight/catalog/catalog.yaml"; do
      [ -f "$f" ] && sed -nE 's/^[[:space:]-]*host:[[:space:]]*"?([A-Za-z0-9.-]+)"?[[:space:]]*(#.*)?$/\1/p' "$f"
    done
    echo www.msftconnecttest.com
    echo dc1.corp.example
    # Hosts the lab tenants' discovery answers name (bin/tenant_server.py).
    echo sts.fabrikam.example
    echo fef.msua01.manage.microsoft.com
  } | tr 'A-Z' 'a-z' | sort -u
}

lab_up() {
  [ "$(id -u)" = 0 ] || die "run as root"
  [ -n "$PYTHON" ] || die "python3 is needed"
  lab_down quiet
  [ -d /etc/netns ] || { mkdir -p "$STATE"; touch "$STATE/.created-etc-netns"; }
  mkdir -p "$STATE"/{pid,log,faults,nginx/tmp,squid}
  echo 0 >"$STATE/ntp-offset-seconds"
  echo 0 >"$STATE/latency-ms"
  collect_hosts >"$STATE/hosts.txt"
  net_up
  certs_all "$STATE/hosts.txt"
  nft_inet | ip netns exec "$NS_INET" nft -f -
  nginx_site >"$STATE/nginx/site.conf"
  start_servers
  apply_faults
  wait_ready
  log "up: client namespace $NS_CLIENT, CA file $CA_DIR/root.pem"
}

lab_down() {
  local quiet=${1:-}
  stop_all
  net_down
  if [ -f "$STATE/.created-etc-netns" ]; then rmdir /etc/netns 2>/dev/null || true; fi
  # Only our own state directory, and only when it looks like ours.
  case "$STATE" in /run/preflight-lab*|/tmp/preflight-lab*) rm -rf "$STATE" ;; esac
  [ -n "$quiet" ] || log "down"
}

lab_status() {
  echo "namespaces: $(ip netns list | grep -o "^$LAB_NAME-[a-z]*" | tr '\n' ' ')"
  local f
  for f in "$STATE"/pid/*.pid; do
    [ -f "$f" ] || continue
    echo "process $(basename "$f" .pid): pid $(cat "$f") $(proc_alive "$(cat "$f")" && echo running || echo dead)"
  done
  for f in "$STATE"/faults/*; do
    [ -f "$f" ] && echo "fault $(basename "$f"): on $(cat "$f")"
  done
  return 0
}

# Everything `up` creates, looked up from scratch: namespaces, state, resolv.conf, processes.
lab_leftovers() {
  local found=0 ns pid
  for ns in $(ip netns list | grep -o "^$LAB_NAME-[a-z]*"); do
    echo "namespace $ns"; found=1
    for pid in $(ip netns pids "$ns"); do echo "process $pid ($(cat "/proc/$pid/comm" 2>/dev/null)) in $ns"; done
  done
  for f in "$STATE" "/etc/netns/$NS_CLIENT"; do
    if [ -e "$f" ]; then echo "file $f"; found=1; fi
  done
  [ "$found" = 0 ] && echo "lab: nothing left" >&2
  return "$found"
}

main() {
  case "${1:-}" in
    up) lab_up ;;
    down) [ "$(id -u)" = 0 ] || die "run as root"; lab_down ;;
    fault) shift; [ $# -ge 2 ] || die "usage: lab.sh fault NAME on|off|status [ARG...]"; fault_cmd "$@" ;;
    clear) fault_clear ;;
    faults) fault_list ;;
    status) lab_status ;;
    leftovers) lab_leftovers ;;
    *) sed -n '2,17s/^# \{0,1\}//p' "$0"; exit 2 ;;
  esac
}

main "$@"
