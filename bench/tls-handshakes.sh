#!/usr/bin/env bash
# The CPU of TLS handshakes alone, by elliptic-curve stack: N handshakes and one GET each against
# the lab's generated hosts (one nginx, a P-256 ECDSA wildcard certificate), PARALLEL at once, in
# a JVM with the launcher's options. Stacks: jdk (SunEC), curves (preflight's FastCurves, from the
# jar), conscrypt (needs CONSCRYPT_JAR, for example the openjdk-uber jar from Maven Central).
# Run as root; it brings its own lab instance up and down (PFL_LAB_NAME, default "tls").
#
#   sudo bench/tls-handshakes.sh [N] [PARALLEL] [RUNS] [STACKS]   (defaults: 2000 64 2 "jdk curves")
#
# COMPILER="..." replaces the launcher's compiler option (-XX:TieredStopAtLevel=1), for example
# COMPILER=-XX:+TieredCompilation for C2, or C2 for the crypto packages only:
# COMPILER="-XX:+UnlockDiagnosticVMOptions -XX:CompilerDirectivesFile=bench/c2-crypto-directives.json"
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-2000} parallel=${2:-64} runs=${3:-2} stacks=${4:-jdk curves}
compiler=${COMPILER:--XX:TieredStopAtLevel=1}
[ "$(id -u)" = 0 ] || { echo "bench: run as root" >&2; exit 2; }
export PFL_LAB_NAME=${PFL_LAB_NAME:-tls}
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar=$PWD/target/preflight.jar
[ -f "$jar" ] || ./mvnw -q -B -DskipTests package
work=$(mktemp -d)
trap 'lab/lab.sh down >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
lab/lab.sh up 2>/dev/null
"${JAVA_HOME:+$JAVA_HOME/bin/}javac" -d "$work" bench/TlsHandshakes.java
address=$(sed -n 's/^ADDR_GEN=\([0-9.]*\).*/\1/p' lab/lib/net.sh)
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
# $compiler is split into words on purpose: it may hold several options.
for _ in $(seq 1 "$runs"); do
  for stack in $stacks; do
    ip netns exec "$PFL_LAB_NAME-client" /usr/bin/time -f '%e s wall, %U s user, %S s system, %M KiB peak' \
      "$java_bin" $compiler -XX:+UseSerialGC -Xms64m -Xmn32m -XX:SurvivorRatio=2 ${CONSCRYPT_JAR:+--enable-native-access=ALL-UNNAMED} \
      -cp "$work:$jar${CONSCRYPT_JAR:+:$CONSCRYPT_JAR}" TlsHandshakes "$count" "$stack" "$address" "$parallel" 2>&1 |
      grep -v '^p[0-9]*\.gen' | paste -sd ' ' -
  done
done
