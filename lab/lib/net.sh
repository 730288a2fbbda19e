# shellcheck shell=bash
# Topology of the network lab: three namespaces joined by two veth pairs.
#
#   pfl-client  198.18.0.2/24 ──veth── 198.18.0.1/24  pfl-router  198.19.0.1/24 ──veth── 198.19.0.2/24  pfl-inet
#   (preflight runs here)               (nftables faults, forwarding)                   (all servers, one /32 per role)
#
# Every address is inside 198.18.0.0/15 (RFC 2544 benchmarking space). Nothing is added to the
# root namespace: the veths are created directly inside the lab namespaces, no namespace has a
# default route, and IPv6 is switched off in all three so no link-local address appears either.

# PFL_LAB_NAME names one lab instance (default "pfl"), so that several labs can run side by side
# on one machine: its namespaces are NAME-client, NAME-router and NAME-inet.
LAB_NAME=${PFL_LAB_NAME:-pfl}
[[ "$LAB_NAME" =~ ^[a-z][a-z0-9]{0,7}$ ]] || { echo "lab: PFL_LAB_NAME must be 1-8 lower-case letters or digits" >&2; exit 1; }
NS_CLIENT=$LAB_NAME-client
NS_ROUTER=$LAB_NAME-router
NS_INET=$LAB_NAME-inet

CLIENT_ADDR=198.18.0.2
ROUTER_CLIENT_ADDR=198.18.0.1
ROUTER_INET_ADDR=198.19.0.1
INET_ADDR=198.19.0.2

# Server roles in pfl-inet, one address each so that a fault can be aimed at one host by
# pointing its DNS name at the address whose server (or firewall rule) misbehaves.
ADDR_PROXY=198.19.0.8         # squid
ADDR_WEB=198.19.0.10          # nginx: every catalog host, HTTP and HTTPS with SNI
ADDR_RESET=198.19.0.20        # the router rejects TCP to it with RST
ADDR_DROP=198.19.0.21         # the router drops TCP to it silently
ADDR_SELF_SIGNED=198.19.0.31  # nginx with a self-signed certificate
ADDR_EXPIRED=198.19.0.32      # nginx with an expired certificate from the lab CA
ADDR_WRONG_NAME=198.19.0.33   # nginx with a lab-CA certificate for another name
ADDR_HANG=198.19.0.34         # accepts TCP and never speaks
ADDR_INTERCEPT=198.19.0.35    # nginx with certificates from the inspection CA (a transparent TLS proxy)
ADDR_PORTAL=198.19.0.40       # nginx captive portal: 302 to a login page
ADDR_PORTAL_PAGE=198.19.0.41  # nginx captive portal: 200 with the login page itself
ADDR_SLOW=198.19.0.50         # delaying relay in front of ADDR_WEB
ADDR_DNS=198.19.0.53          # dnsmasq
ADDR_DNS_SILENT=198.19.0.54   # a "resolver" whose queries are dropped in pfl-inet
ADDR_TENANT=198.19.0.60       # tenant discovery answers (bin/tenant_server.py, behind nginx)
ADDR_DC=198.19.0.88           # fake domain controller: LDAP 389, Kerberos 88
ADDR_NTP=198.19.0.123         # NTP responder (it answers on every other pfl-inet address too)
# Only ever a DNS answer (the ipv6-only fault): IPv6 is off in the lab, so nothing routes to it.
ADDR_V6_ONLY=2001:2::10

INET_EXTRA_ADDRS=("$ADDR_PROXY" "$ADDR_WEB" "$ADDR_RESET" "$ADDR_DROP" "$ADDR_SELF_SIGNED"
  "$ADDR_EXPIRED" "$ADDR_WRONG_NAME" "$ADDR_HANG" "$ADDR_INTERCEPT" "$ADDR_PORTAL" "$ADDR_PORTAL_PAGE"
  "$ADDR_SLOW" "$ADDR_DNS"
  "$ADDR_DNS_SILENT" "$ADDR_TENANT" "$ADDR_DC" "$ADDR_NTP")

# Refuses any address outside 198.18.0.0/15: the lab must never configure anything else.
require_lab_addr() {
  local a
  for a in "$@"; do
    [[ "$a" =~ ^198\.(18|19)\.[0-9]{1,3}\.[0-9]{1,3}$ ]] || die "refusing non-lab address: $a"
  done
}

ns_new() {
  local ns=$1
  ip netns add "$ns"
  # A kernel without IPv6 has nothing to switch off.
  ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1 2>/dev/null || true
  ip -n "$ns" link set lo up
}

net_up() {
  require_lab_addr "$CLIENT_ADDR" "$ROUTER_CLIENT_ADDR" "$ROUTER_INET_ADDR" "$INET_ADDR" "${INET_EXTRA_ADDRS[@]}"
  ns_new "$NS_CLIENT"
  ns_new "$NS_ROUTER"
  ns_new "$NS_INET"
  ip -n "$NS_CLIENT" link add pfl-c type veth peer name pfl-rc netns "$NS_ROUTER"
  ip -n "$NS_INET" link add pfl-i type veth peer name pfl-ri netns "$NS_ROUTER"

  ip -n "$NS_CLIENT" addr add "$CLIENT_ADDR/24" dev pfl-c
  ip -n "$NS_CLIENT" link set pfl-c up
  ip -n "$NS_CLIENT" route add 198.19.0.0/24 via "$ROUTER_CLIENT_ADDR"

  ip -n "$NS_ROUTER" addr add "$ROUTER_CLIENT_ADDR/24" dev pfl-rc
  ip -n "$NS_ROUTER" addr add "$ROUTER_INET_ADDR/24" dev pfl-ri
  ip -n "$NS_ROUTER" link set pfl-rc up
  ip -n "$NS_ROUTER" link set pfl-ri up
  ip netns exec "$NS_ROUTER" sysctl -qw net.ipv4.ip_forward=1

  ip -n "$NS_INET" addr add "$INET_ADDR/24" dev pfl-i
  local a
  for a in "${INET_EXTRA_ADDRS[@]}"; do
    ip -n "$NS_INET" addr add "$a/32" dev pfl-i
  done
  ip -n "$NS_INET" link set pfl-i up
  ip -n "$NS_INET" route add 198.18.0.0/24 via "$ROUTER_INET_ADDR"

  mkdir -p "/etc/netns/$NS_CLIENT"
  # The search suffix is what DHCP hands a device (option 15): hybrid join finds corp.example there.
  printf 'search corp.example\nnameserver %s\noptions timeout:2 attempts:1\n' "$ADDR_DNS" >"/etc/netns/$NS_CLIENT/resolv.conf"
}

net_down() {
  local ns
  for ns in "$NS_CLIENT" "$NS_ROUTER" "$NS_INET"; do
    # Deleting a namespace deletes its veth ends and nftables tables with it.
    if ip netns list | grep -qw "^$ns"; then
      ip netns del "$ns"
    fi
  done
  rm -f "/etc/netns/$NS_CLIENT/resolv.conf"
  rmdir "/etc/netns/$NS_CLIENT" 2>/dev/null || true
  rmdir /etc/netns 2>/dev/null || true
}
