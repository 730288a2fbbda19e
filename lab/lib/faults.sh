# shellcheck shell=bash
# Switching faults: a fault is on while $STATE/faults/<name> exists; the file holds its arguments.
# Every switch regenerates the affected configuration (see config.sh) and restarts only the
# servers whose configuration changed.

DEFAULT_HOST=ztd.dds.microsoft.com

# name|default arguments|what it does
FAULTS=(
  "dns-nxdomain|$DEFAULT_HOST|HOST (or all) does not exist (NXDOMAIN)"
  "dns-sinkhole|$DEFAULT_HOST|HOST (or all) resolves to 0.0.0.0"
  "dns-silent|$DEFAULT_HOST|queries for HOST go unanswered (all: the firewall drops DNS)"
  "dns-cname|$DEFAULT_HOST|HOST is an alias: a two-step CNAME chain to the lab's web server"
  "dns-cname-dangling|$DEFAULT_HOST|HOST is an alias of an alias of a name that does not exist"
  "tcp-reset|$DEFAULT_HOST|the firewall rejects TCP to HOST with a reset"
  "tcp-drop|$DEFAULT_HOST|the firewall silently drops TCP to HOST"
  "port-reset|80|the firewall rejects TCP to PORT, any host, with a reset"
  "port-drop|80|the firewall silently drops TCP to PORT, any host"
  "tls-untrusted|$DEFAULT_HOST|HOST presents a self-signed certificate"
  "tls-expired|$DEFAULT_HOST|HOST presents an expired certificate from the lab CA"
  "tls-wrong-name|$DEFAULT_HOST|HOST presents a lab-CA certificate for another name"
  "tls-hang|$DEFAULT_HOST|HOST accepts TCP and never answers the TLS ClientHello"
  "tls-intercepted|$DEFAULT_HOST|HOST presents a certificate from the inspection CA (transparent TLS inspection)"
  "latency|$DEFAULT_HOST 1000|TCP to HOST gains MS milliseconds each way (userspace relay)"
  "rtt|200|every packet the router forwards waits MS/2 milliseconds: each round trip, the TCP handshake included, gains MS"
  "captive-portal|www.msftconnecttest.com|HTTP to HOST is redirected (302) to a login page"
  "captive-page|www.msftconnecttest.com|HTTP to HOST is answered (200) with a login page"
  "ntp-blocked||the firewall drops UDP 123"
  "ntp-skew|3600|the NTP server's clock is SECONDS ahead (negative: behind)"
  "proxy-auth||squid demands Basic authentication (407) and accepts no credentials"
  "proxy-bump||squid intercepts TLS (ssl-bump) with its own inspection CA"
  "proxy-deny|$DEFAULT_HOST|squid refuses requests for HOST (403)"
  "ipv6-only|ipv6.msftconnecttest.com|HOST resolves to an IPv6 address only, which nothing in the lab routes (as NCSI's IPv6 name)"
  "dc-missing||no _ldap._tcp.dc._msdcs SRV record for corp.example"
  "dc-unreachable||the firewall drops LDAP (389) and Kerberos (88) to the domain controller"
  "wpad|proxy|wpad.corp.example exists and serves MODE: proxy (Microsoft hosts through squid, others direct), broken, loop, html, large, missing (404), hang, unreachable"
)

fault_spec() {
  local f
  for f in "${FAULTS[@]}"; do
    [ "${f%%|*}" = "$1" ] && { echo "$f"; return 0; }
  done
  die "unknown fault: $1 (see: lab.sh faults)"
}

fault_list() {
  local f name rest
  for f in "${FAULTS[@]}"; do
    name=${f%%|*} rest=${f#*|}
    printf '%-15s [%s]  %s\n' "$name" "${rest%%|*}" "${rest#*|}"
  done
}

require_up() { [ -f "$STATE/dnsmasq.conf" ] || die "the lab is not up (lab.sh up)"; }

fault_cmd() {
  local name=$1 action=$2; shift 2
  local spec defaults args
  spec=$(fault_spec "$name")
  defaults=${spec#*|}; defaults=${defaults%%|*}
  if [ $# -gt 0 ]; then args=("$@"); else read -r -a args <<<"$defaults"; fi
  case "$action" in
    on) require_up; fault_check_args "$name" "${args[@]}"; echo "${args[*]}" >"$STATE/faults/$name"; apply_faults ;;
    off) require_up; rm -f "$STATE/faults/$name"; apply_faults ;;
    status) if fault_on "$name"; then echo "on $(cat "$STATE/faults/$name")"; else echo off; fi ;;
    *) die "usage: lab.sh fault NAME on|off|status [ARG...]" ;;
  esac
}

# Arguments end up in server configurations: accept only host names and numbers.
fault_check_args() {
  local name=$1 a; shift
  if [[ "$name" == port-* ]] && ! [[ "${1:-}" =~ ^[0-9]{1,5}$ ]]; then die "$name needs a port number"; fi
  if [ "$name" = wpad ] && ! [[ "${1:-}" =~ ^(proxy|broken|loop|html|large|missing|hang|unreachable)$ ]]; then
    die "wpad needs a mode: proxy, broken, loop, html, large, missing, hang or unreachable"
  fi
  for a in "$@"; do
    [[ "$a" =~ ^[A-Za-z0-9][A-Za-z0-9.-]*$|^-?[0-9]+(\.[0-9]+)?$ ]] || die "bad argument for $name: $a"
  done
}

fault_clear() {
  require_up
  rm -f "$STATE"/faults/*
  apply_faults
}

apply_faults() {
  refresh dnsmasq "$STATE/dnsmasq.conf" dnsmasq_conf start_dnsmasq
  refresh squid "$STATE/squid/squid.conf" squid_conf start_squid
  write_wpad
  nft_router | ip netns exec "$NS_ROUTER" nft -f -
  if fault_on ntp-skew; then fault_arg ntp-skew 1; else echo 0; fi >"$STATE/ntp-offset-seconds"
  if fault_on latency; then fault_arg latency 2; else echo 0; fi >"$STATE/latency-ms"
  rtt_apply
  wait_ready
}
