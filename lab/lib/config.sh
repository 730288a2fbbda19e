# shellcheck shell=bash
# Configuration files for the lab's servers, generated from the host list and the faults that are
# switched on ($STATE/faults/<name> holds the fault's arguments). Regenerating is cheap; a server
# is restarted only when its file changed.

fault_on() { [ -f "$STATE/faults/$1" ]; }
fault_arg() { awk -v i="$2" '{print $i}' "$STATE/faults/$1"; }

# Faults that point one host (or every host) at an address whose server misbehaves.
REMAP_FAULTS=(tcp-reset:$ADDR_RESET tcp-drop:$ADDR_DROP tls-untrusted:$ADDR_SELF_SIGNED
  tls-expired:$ADDR_EXPIRED tls-wrong-name:$ADDR_WRONG_NAME tls-hang:$ADDR_HANG
  tls-intercepted:$ADDR_INTERCEPT captive-portal:$ADDR_PORTAL captive-page:$ADDR_PORTAL_PAGE
  latency:$ADDR_SLOW)

# Emits the dnsmasq line answering $2 for host $1; "all" replaces the default answer.
dns_rule() {
  if [ "$1" = all ]; then echo "address=/#/$2"; else echo "address=/$1/$2"; fi
}

dns_fault_lines() {
  local entry name addr
  local host
  for entry in "${REMAP_FAULTS[@]}"; do
    name=${entry%%:*} addr=${entry#*:}
    fault_on "$name" || continue
    if [ "$name" = latency ]; then
      dns_rule "$(fault_arg latency 1)" "$addr"
      continue
    fi
    # Every argument is a host: one run can fault several hosts at once.
    for host in $(cat "$STATE/faults/$name"); do dns_rule "$host" "$addr"; done
  done
  fault_on dns-nxdomain && dns_rule "$(fault_arg dns-nxdomain 1)" ""
  fault_on dns-sinkhole && dns_rule "$(fault_arg dns-sinkhole 1)" 0.0.0.0
  # A host record for AAAA, and the name taken out of the catch-all address: A gets NODATA.
  if fault_on ipv6-only; then
    echo "local=/$(fault_arg ipv6-only 1)/"
    echo "host-record=$(fault_arg ipv6-only 1),$ADDR_V6_ONLY"
  fi
  cname_fault_lines
  # "all" is a firewall rule (see nft_router); one host is forwarded to a resolver that never answers.
  if fault_on dns-silent && [ "$(fault_arg dns-silent 1)" != all ]; then
    echo "server=/$(fault_arg dns-silent 1)/$ADDR_DNS_SILENT"
  fi
}

# CNAME chains in *.cname.lab.example. dnsmasq answers a chain it holds with every step and the
# target's address; for a target it cannot answer it sends NOERROR with the aliases alone, and only
# a further question for the target shows that it does not exist.
cname_fault_lines() {
  if fault_on dns-cname; then
    echo "host-record=edge2.cname.lab.example,$ADDR_WEB"
    echo "cname=edge1.cname.lab.example,edge2.cname.lab.example"
    echo "cname=$(fault_arg dns-cname 1),edge1.cname.lab.example"
  fi
  if fault_on dns-cname-dangling; then
    echo "address=/missing.cname.lab.example/"
    echo "cname=hop.cname.lab.example,missing.cname.lab.example"
    echo "cname=$(fault_arg dns-cname-dangling 1),hop.cname.lab.example"
  fi
}

dnsmasq_conf() {
  cat <<CONF
no-resolv
no-hosts
no-poll
bind-interfaces
listen-address=$ADDR_DNS
port=53
user=root
pid-file=
log-queries
log-facility=$STATE/log/dnsmasq-queries.log
local=/#/
CONF
  local faults
  faults=$(dns_fault_lines)
  # Every name is a lab host unless a fault answers for all of them.
  if ! grep -q '^address=/#/' <<<"$faults"; then
    echo "address=/#/$ADDR_WEB"
    # The NCSI DNS probe's name, answered with the lab's web address (see lab/catalog.yaml).
    echo "address=/dns.msftncsi.com/$ADDR_WEB"
    echo "address=/$GEN_ZONE/$ADDR_GEN"
  fi
  echo "$faults"
  wpad_dns_line
  cat <<CONF
host-record=dc1.corp.example,$ADDR_DC
host-record=proxy.corp.example,$ADDR_PROXY
CONF
  # Enrollment aliases of the lab tenants (bin/tenant_server.py): contoso's point at Microsoft,
  # fabrikam has none, tailspin's enrollment alias points elsewhere.
  echo "cname=enterpriseenrollment.contoso.example,enterpriseenrollment-s.manage.microsoft.com"
  echo "cname=enterpriseregistration.contoso.example,enterpriseregistration.windows.net"
  echo "cname=enterpriseenrollment.tailspin.example,mdm.tailspin.example"
  if ! fault_on dc-missing; then
    echo "srv-host=_ldap._tcp.dc._msdcs.corp.example,dc1.corp.example,389,0,100"
    echo "srv-host=_kerberos._tcp.dc._msdcs.corp.example,dc1.corp.example,88,0,100"
  fi
}

# WPAD: wpad.corp.example (the client's search suffix) exists only while the wpad fault is on, so
# a plain check takes direct routes unless a test asks for WPAD.
wpad_dns_line() {
  if ! fault_on wpad; then
    echo "address=/wpad.corp.example/"
    return
  fi
  case "$(fault_arg wpad 1)" in
    hang) echo "address=/wpad.corp.example/$ADDR_HANG" ;;
    unreachable) echo "address=/wpad.corp.example/$ADDR_RESET" ;;
    *) echo "address=/wpad.corp.example/$ADDR_WEB" ;;
  esac
}

# The script nginx serves as http://wpad.corp.example/wpad.dat in each wpad mode; "missing" (404),
# "hang" and "unreachable" serve none.
wpad_script() {
  case "$1" in
    proxy)
      cat <<'PAC'
// The lab's WPAD script: Microsoft's hosts through squid, everything else direct.
function FindProxyForURL(url, host) {
  if (host == "microsoft.com" || dnsDomainIs(host, ".microsoft.com")) {
    return "PROXY proxy.corp.example:3128";
  }
  return "DIRECT";
}
PAC
      ;;
    broken) printf 'function FindProxyForURL(url, host) {\n  return "PROXY proxy.corp.example:3128"\n' ;;
    loop) printf 'function FindProxyForURL(url, host) {\n  while (true) {}\n}\n' ;;
    html) printf '<html><body>Sign in to continue</body></html>\n' ;;
    large)
      printf 'function FindProxyForURL(url, host) { return "DIRECT"; }\n'
      head -c 1200000 /dev/zero | tr '\0' '/'
      ;;
  esac
}

write_wpad() {
  local dir="$STATE/nginx/wpad"
  mkdir -p "$dir"
  rm -f "$dir/wpad.dat"
  fault_on wpad || return 0
  case "$(fault_arg wpad 1)" in
    missing | hang | unreachable) ;;
    *) wpad_script "$(fault_arg wpad 1)" >"$dir/wpad.dat" ;;
  esac
}

nft_router() {
  cat <<NFT
table inet pfl_lab
delete table inet pfl_lab
table inet pfl_lab {
  chain forward {
    type filter hook forward priority filter; policy accept;
    meta nfproto ipv6 drop
    ip daddr != 198.18.0.0/15 drop
    ip daddr $ADDR_RESET meta l4proto tcp reject with tcp reset
    ip daddr $ADDR_DROP meta l4proto tcp drop
NFT
  fault_on port-reset && echo "    tcp dport $(fault_arg port-reset 1) reject with tcp reset"
  fault_on port-drop && echo "    tcp dport $(fault_arg port-drop 1) drop"
  fault_on ntp-blocked && echo "    udp dport 123 drop"
  fault_on dc-unreachable && echo "    ip daddr $ADDR_DC tcp dport { 88, 389 } drop"
  if fault_on dns-silent && [ "$(fault_arg dns-silent 1)" = all ]; then
    echo "    ip daddr $ADDR_DNS meta l4proto { tcp, udp } th dport 53 drop"
  fi
  echo "  }"
  echo "}"
}

# The silent resolver: dnsmasq forwards to it and never hears back.
nft_inet() {
  cat <<NFT
table inet pfl_lab
delete table inet pfl_lab
table inet pfl_lab {
  chain input {
    type filter hook input priority filter; policy accept;
    ip daddr $ADDR_DNS_SILENT drop
  }
}
NFT
}

nginx_site() {
  cat <<SITE
default_type text/plain;
location = /connecttest.txt { return 200 "Microsoft Connect Test"; }
# Tenant discovery (bin/tenant_server.py): realm discovery, OpenID configuration, MDM discovery.
location /common/userrealm/ { proxy_pass http://$ADDR_TENANT:8080; proxy_set_header Host \$host; }
location ~ ^/[^/]+/v2\.0/\.well-known/openid-configuration\$ { proxy_pass http://$ADDR_TENANT:8080; proxy_set_header Host \$host; }
location = /EnrollmentServer/Discovery.svc { proxy_pass http://$ADDR_TENANT:8080; proxy_set_header Host \$host; }
location / { return 200 "preflight lab: \$host\$request_uri\n"; }
SITE
}

nginx_conf() {
  local n="$STATE/nginx" group hosts
  cat <<CONF
worker_processes 1;
worker_rlimit_nofile 16384;
pid $n/nginx.pid;
error_log $STATE/log/nginx-error.log warn;
events { worker_connections 8192; }
http {
  access_log $STATE/log/nginx-access.log;
  client_body_temp_path $n/tmp/body;
  proxy_temp_path $n/tmp/proxy;
  fastcgi_temp_path $n/tmp/fastcgi;
  uwsgi_temp_path $n/tmp/uwsgi;
  scgi_temp_path $n/tmp/scgi;
  ssl_certificate_key $CA_DIR/leaf.key;
  server_names_hash_bucket_size 128;
  server {
    listen $ADDR_WEB:80 default_server;
    listen $ADDR_SELF_SIGNED:80; listen $ADDR_EXPIRED:80; listen $ADDR_WRONG_NAME:80; listen $ADDR_INTERCEPT:80;
    include $n/site.conf;
  }
  server {
    listen $ADDR_PORTAL:80 default_server;
    location = /login { default_type text/html; return 200 "<html><body>Sign in to Guest Wi-Fi</body></html>\n"; }
    location / { return 302 http://portal.lab.example/login; }
  }
  server {
    listen $ADDR_PORTAL_PAGE:80 default_server;
    location / { default_type text/html; return 200 "<html><body>Sign in to Guest Wi-Fi</body></html>\n"; }
  }
  server {
    listen $ADDR_WEB:80;
    server_name wpad.corp.example;
    location = /wpad.dat { root $n/wpad; default_type application/x-ns-proxy-autoconfig; }
    location / { return 404; }
  }
  server { listen $ADDR_WEB:443 ssl default_server; ssl_certificate $CA_DIR/default.pem; include $n/site.conf; }
  # The generated hosts: thousands of connections at once, answered at once and not logged.
  server {
    listen $ADDR_GEN:443 ssl backlog=8192; listen $ADDR_GEN:80 backlog=8192;
    ssl_certificate $CA_DIR/gen.pem; access_log off;
    location / { return 200 "preflight lab: \$host\n"; }
  }
  server { listen $ADDR_SELF_SIGNED:443 ssl; ssl_certificate $CA_DIR/self-signed.pem; include $n/site.conf; }
  server { listen $ADDR_EXPIRED:443 ssl; ssl_certificate $CA_DIR/expired.pem; include $n/site.conf; }
  server { listen $ADDR_WRONG_NAME:443 ssl; ssl_certificate $CA_DIR/wrong-name.pem; include $n/site.conf; }
  server { listen $ADDR_INTERCEPT:443 ssl; ssl_certificate $CA_DIR/intercepted.pem; include $n/site.conf; }
CONF
  while read -r group hosts; do
    echo "  server { listen $ADDR_WEB:443 ssl; server_name $hosts; ssl_certificate $CA_DIR/hosts/$group.pem; include $n/site.conf; }"
  done < <(host_groups "$STATE/hosts.txt")
  echo "}"
}

squid_conf() {
  local s="$STATE/squid" port_opts=""
  fault_on proxy-bump && port_opts=" ssl-bump tls-cert=$CA_DIR/inspect.pem tls-key=$CA_DIR/inspect.key generate-host-certificates=on dynamic_cert_mem_cache_size=4MB"
  cat <<CONF
http_port $ADDR_PROXY:3128$port_opts
visible_hostname proxy.lab.example
pid_filename $s/squid.pid
cache_log $s/cache.log
access_log stdio:$s/access.log
cache_store_log none
coredump_dir $s
cache deny all
cache_mem 8 MB
shutdown_lifetime 0 seconds
pinger_enable off
netdb_filename none
dns_nameservers $ADDR_DNS
# DNS faults reach squid at once, as they reach the client: no answer is kept beyond a second.
positive_dns_ttl 1 seconds
negative_dns_ttl 1 seconds
connect_timeout 10 seconds
tls_outgoing_options cafile=$CA_DIR/root.pem
acl lab_clients src 198.18.0.0/24
acl CONNECT method CONNECT
acl ssl_ports port 443
acl safe_ports port 80 443
http_access deny !safe_ports
http_access deny CONNECT !ssl_ports
CONF
  if fault_on proxy-deny; then
    echo "acl denied_hosts dstdomain $(fault_arg proxy-deny 1)"
    echo "http_access deny denied_hosts"
  fi
  if fault_on proxy-auth; then
    # An empty password file: every credential is rejected, and a device in OOBE sends none.
    echo "auth_param basic program /usr/lib/squid/basic_ncsa_auth $s/passwd"
    echo "auth_param basic realm preflight lab proxy"
    echo "acl authenticated proxy_auth REQUIRED"
    echo "http_access deny !authenticated"
  fi
  echo "http_access allow lab_clients"
  echo "http_access deny all"
  if fault_on proxy-bump; then
    echo "sslcrtd_program /usr/lib/squid/security_file_certgen -s $s/ssl_db -M 4MB"
    echo "sslcrtd_children 3 startup=1 idle=1"
    echo "acl step1 at_step SslBump1"
    echo "ssl_bump peek step1"
    echo "ssl_bump bump all"
  fi
}

# Added round-trip time: the router hands every forwarded packet to netfilter queue 0, where
# bin/nfqueue_delay.py accepts it half the round trip later (each packet crosses the router once
# per direction). nftables on this kernel has no queue expression, so the rule is an iptables one
# (its xt NFQUEUE target); "bypass" lets packets through if the delayer is not running.
RTT_RULE=(FORWARD -j NFQUEUE --queue-num 0 --queue-bypass)

rtt_apply() {
  local ms=0
  fault_on rtt && ms=$(fault_arg rtt 1)
  awk -v ms="$ms" 'BEGIN { print ms / 2 }' >"$STATE/rtt-delay-ms"
  if [ "$ms" = 0 ]; then
    ip netns exec "$NS_ROUTER" iptables -D "${RTT_RULE[@]}" 2>/dev/null || true
  elif ! ip netns exec "$NS_ROUTER" iptables -C "${RTT_RULE[@]}" 2>/dev/null; then
    ip netns exec "$NS_ROUTER" iptables -A "${RTT_RULE[@]}"
  fi
}
