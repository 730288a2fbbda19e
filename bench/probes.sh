#!/usr/bin/env bash
# Probe latencies on loopback and how long hostile peers (silent TLS, slowloris) hold a probe.
# Prints one line per measurement; asserts nothing. Needs the build's dependencies in ~/.m2.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
./mvnw -q -B -o -DskipTests package >/dev/null
bc_jars=$(find "$HOME/.m2/repository/org/bouncycastle" -name '*-jdk18on-1.82.jar' | tr '\n' ':')
"$JAVA_HOME/bin/java" -cp "target/preflight.jar:target/test-classes:${bc_jars}" \
  dev.preflight.bench.ProbeBench
