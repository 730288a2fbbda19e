# shellcheck shell=bash
# The lab's server processes. Each runs in pfl-inet in the foreground of its own session; its PID
# goes to $STATE/pid/<name>.pid and teardown stops exactly those PIDs (then, as a backstop, any
# process still inside a lab namespace, which can only be one of ours or a child of one).

# A zombie counts as stopped: it waits only for its (re)parent to reap it.
proc_alive() {
  [ -n "$1" ] && kill -0 "$1" 2>/dev/null && [ "$(cut -d' ' -f3 "/proc/$1/stat" 2>/dev/null)" != Z ]
}

# True when the PID runs inside one of the lab's namespaces, so a recycled PID is never signalled.
proc_in_lab() { [[ "$(ip netns identify "$1" 2>/dev/null)" == "$LAB_NAME"-* ]]; }

start_proc() {
  local name=$1; shift
  start_proc_in "$NS_INET" "$name" "$@"
}

start_proc_in() {
  local ns=$1 name=$2; shift 2
  setsid ip netns exec "$ns" "$@" </dev/null >>"$STATE/log/$name.log" 2>&1 &
  echo $! >"$STATE/pid/$name.pid"
}

stop_pid() {
  local pid=$1 i
  proc_alive "$pid" && proc_in_lab "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 50); do proc_alive "$pid" || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
}

stop_proc() {
  local file="$STATE/pid/$1.pid"
  [ -f "$file" ] || return 0
  stop_pid "$(cat "$file")"
  rm -f "$file"
}

stop_all() {
  local f ns pid
  for f in "$STATE"/pid/*.pid; do
    [ -f "$f" ] && stop_proc "$(basename "$f" .pid)"
  done
  for ns in "$NS_CLIENT" "$NS_ROUTER" "$NS_INET"; do
    for pid in $(ip netns pids "$ns" 2>/dev/null); do
      log "stopping leftover process $pid ($(cat "/proc/$pid/comm" 2>/dev/null)) in $ns"
      stop_pid "$pid"
    done
  done
}

start_dnsmasq() { start_proc dnsmasq /usr/sbin/dnsmasq -k --conf-file="$STATE/dnsmasq.conf"; }

start_squid() {
  chown -R proxy:proxy "$STATE/squid"
  start_proc squid /usr/sbin/squid -N -f "$STATE/squid/squid.conf"
}

start_servers() {
  dnsmasq_conf >"$STATE/dnsmasq.conf"
  start_dnsmasq
  nginx_conf >"$STATE/nginx/nginx.conf"
  start_proc nginx /usr/sbin/nginx -e "$STATE/log/nginx-error.log" -c "$STATE/nginx/nginx.conf" -g "daemon off;"
  : >"$STATE/squid/passwd"
  /usr/lib/squid/security_file_certgen -c -s "$STATE/squid/ssl_db" -M 4MB >/dev/null
  squid_conf >"$STATE/squid/squid.conf"
  start_squid
  start_proc ntp "$PYTHON" "$LAB_DIR/bin/ntp_server.py" --offset-file "$STATE/ntp-offset-seconds" \
    "$INET_ADDR" "${INET_EXTRA_ADDRS[@]}"
  start_proc dc "$PYTHON" "$LAB_DIR/bin/tcp_listener.py" --hold 30 "$ADDR_DC:389" "$ADDR_DC:88"
  start_proc tls-hang "$PYTHON" "$LAB_DIR/bin/tcp_listener.py" --hold 120 "$ADDR_HANG:443" "$ADDR_HANG:80"
  start_proc tenant "$PYTHON" "$LAB_DIR/bin/tenant_server.py" "$ADDR_TENANT:8080"
  start_proc relay "$PYTHON" "$LAB_DIR/bin/delay_relay.py" --delay-file "$STATE/latency-ms" \
    "$ADDR_SLOW:443=$ADDR_WEB:443" "$ADDR_SLOW:80=$ADDR_WEB:80"
  echo 0 >"$STATE/rtt-delay-ms"
  start_proc_in "$NS_ROUTER" rtt-delay "$PYTHON" "$LAB_DIR/bin/nfqueue_delay.py" --delay-file "$STATE/rtt-delay-ms"
}

# Rewrites a server's configuration and restarts it when the file changed or the server died.
refresh() {
  local name=$1 file=$2 generator=$3 starter=$4
  local next="$file.next"
  "$generator" >"$next"
  if cmp -s "$next" "$file" && proc_alive "$(cat "$STATE/pid/$name.pid" 2>/dev/null)"; then
    rm -f "$next"
    return 0
  fi
  mv "$next" "$file"
  stop_proc "$name"
  "$starter"
}

listening() {
  local proto=$1 addr=$2 port=$3
  ip netns exec "$NS_INET" ss -Hln"$proto" "src $addr and sport = :$port" | grep -q .
}

# Waits until every server listens, failing with the server's log when one does not.
wait_ready() {
  local spec proto addr port i
  for spec in u:$ADDR_DNS:53 t:$ADDR_DNS:53 t:$ADDR_WEB:443 t:$ADDR_WEB:80 t:$ADDR_PROXY:3128 \
    u:$ADDR_WEB:123 u:$ADDR_NTP:123 t:$ADDR_DC:389 t:$ADDR_DC:88 t:$ADDR_HANG:443 t:$ADDR_SLOW:443 \
    t:$ADDR_GEN:443 t:$ADDR_TENANT:8080; do
    IFS=: read -r proto addr port <<<"$spec"
    for i in $(seq 100); do
      listening "$proto" "$addr" "$port" && continue 2
      sleep 0.1
    done
    tail -n 20 "$STATE"/log/*.log "$STATE/squid/cache.log" >&2 2>/dev/null || true
    die "nothing listens on $addr:$port ($proto) after 10 s"
  done
}
