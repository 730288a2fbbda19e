#!/usr/bin/env bash
# Imports a generated ~30 MiB Microsoft 365 endpoint list with a 64 MiB heap and prints the time,
# the entry count and the peak heap. The streaming importer keeps only the merged entries, so the
# heap stays far below the file size.
set -euo pipefail
cd "$(dirname "$0")/.."
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
[ -f target/preflight.jar ] || ./mvnw -q -B package -DskipTests
"$java" -Xmx64m -cp target/preflight.jar bench/ImportM365Bench.java
