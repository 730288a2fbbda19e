#!/usr/bin/env bash
# The CPU of one X25519 key share, the one every TLS handshake makes: Bouncy Castle's own key-pair
# generator against preflight's XdhKeyPairs (same arithmetic, public key computed once), COUNT key
# pairs each, RUNS times, in a JVM with the launcher's compiler option.
#
#   bench/key-shares.sh [COUNT] [RUNS]   (defaults: 4000 3)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-4000} runs=${2:-3}
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar=$PWD/target/preflight.jar
[ -f "$jar" ] || ./mvnw -q -B -DskipTests package
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"${JAVA_HOME:+$JAVA_HOME/bin/}javac" -cp "$jar" -d "$work" bench/KeyShares.java
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for _ in $(seq 1 "$runs"); do
  for generator in 'org.bouncycastle.jcajce.provider.asymmetric.edec.KeyPairGeneratorSpi$XDH' \
    dev.preflight.probe.net.XdhKeyPairs; do
    "$java_bin" -XX:TieredStopAtLevel=1 -cp "$work:$jar" KeyShares "$generator" "$count"
  done
done
