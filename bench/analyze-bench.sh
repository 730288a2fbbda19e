#!/usr/bin/env bash
# Times `preflight analyze` against a generated 10,000-line allowlist and a squid configuration
# with a 100,000-entry dstdomain acl: load and evaluation of the whole catalog after JVM start-up
# (in-process, dev.preflight.policy.AnalyzeBench on the test classpath), then the real command
# line with JVM start included.
# Usage: bench/analyze-bench.sh [ALLOWLIST_LINES] [SQUID_ENTRIES]   (defaults: 10000 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
lines="${1:-10000}"
entries="${2:-100000}"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar=target/preflight.jar
if [ ! -f "$jar" ] || [ ! -f target/test-classes/dev/preflight/policy/AnalyzeBench.class ]; then
  ./mvnw -q -B -DskipTests package
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The allowlist: the wildcards Autopilot needs, then filler hosts and wildcards up to $lines.
{
  echo "# generated allowlist"
  printf '%s\n' '*.microsoft.com' '*.windows.net' '*.live.com' '*.microsoftonline.com' \
    '*.msftauth.net' '*.msauth.net' '*.windows.com' '*.windowsupdate.com'
  awk -v n="$lines" 'BEGIN { for (i = 9; i < n; i++) {
    if (i % 3 == 0) printf "*.zone%d.bench.example\n", i; else printf "host%d.bench.example\n", i } }'
} > "$work/allow.txt"

# The squid configuration: one dstdomain acl read from a file of $entries domains.
awk -v n="$entries" 'BEGIN { for (i = 0; i < n - 3; i++) printf ".d%d.bench.example\n", i;
  print ".microsoft.com"; print ".windows.net"; print ".live.com" }' > "$work/domains.txt"
cat > "$work/squid.conf" <<CONF
acl SSL_ports port 443
acl Safe_ports port 80 443 1025-65535
acl CONNECT method CONNECT
acl big dstdomain "$work/domains.txt"
http_access deny !Safe_ports
http_access deny CONNECT !SSL_ports
http_access allow big
http_access deny all
CONF
echo "allowlist: $(wc -l < "$work/allow.txt") lines; squid acl: $(wc -l < "$work/domains.txt") dstdomain entries"

echo "== in-process, after JVM start-up"
"$java_bin" -cp "$jar:target/test-classes" dev.preflight.policy.AnalyzeBench \
  "$work/allow.txt" "$work/squid.conf"

echo "== real command line, JVM start included"
for args in "--allowlist $work/allow.txt" "--squid $work/squid.conf"; do
  start=$(date +%s%N)
  set +e
  # shellcheck disable=SC2086
  "$java_bin" -jar "$jar" analyze $args --format json > /dev/null
  code=$?
  set -e
  end=$(date +%s%N)
  printf '%-12s %6d ms wall (exit %d)\n' "${args%% *}" $(( (end - start) / 1000000 )) "$code"
done
