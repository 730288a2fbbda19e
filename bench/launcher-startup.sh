#!/usr/bin/env bash
# Prints the wall-clock medians (hyperfine) of `--version` started four ways: the plain
# `java -jar`, the same JVM with the launcher's options, `./preflight` with its JDK choice cached,
# and `./preflight` discovering the JDK afresh. The launcher's own cost (goal: under 50 ms) is the
# difference between the third and the second line; as that difference drowns in the JVM's noise
# on a busy machine, it is also measured alone: the launcher with a JDK whose java is /bin/true,
# against /bin/true.
#
#   bench/launcher-startup.sh [RUNS]        (default 20)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-20}"
./preflight --version >/dev/null # builds the jar and caches the JDK choice outside the measurement
launched="$(PREFLIGHT_LAUNCHER_DEBUG=1 ./preflight --version 2>&1 >/dev/null | sed -n 's/^preflight: running //p')"
java="${launched%% *}"
json="$(mktemp)"
fake="$(mktemp -d)"
trap 'rm -rf "$json" "$json.alone" "$fake"; rm -f target/launcher/jdk' EXIT
mkdir "$fake/bin"
ln -s /bin/true "$fake/bin/java"
ln -s /bin/true "$fake/bin/javac"
echo 'JAVA_VERSION="25"' >"$fake/release"

echo "load average $(cut -d' ' -f1-3 /proc/loadavg); $runs runs each; JVM $java"
hyperfine -N -w 3 -r "$runs" --export-json "$json" \
  -n "java -jar" "$java -jar target/preflight.jar --version" \
  -n "java + launcher options" "$launched" \
  -n "./preflight (JDK cached)" "./preflight --version" \
  -n "./preflight (JDK found afresh)" --prepare "rm -f target/launcher/jdk" "./preflight --version" \
  >/dev/null
hyperfine -N -w 3 -r "$runs" --export-json "$json.alone" \
  -n "/bin/true" "env JAVA_HOME=$fake /bin/true" \
  -n "./preflight with java=/bin/true" "env JAVA_HOME=$fake ./preflight --version" >/dev/null
python3 - "$json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
for r in results:
    print("%-32s median %4.0f ms  (min %4.0f, max %4.0f)" % (r["command"], r["median"] * 1000, r["min"] * 1000, r["max"] * 1000))
own = results[2]["median"] - results[1]["median"]
print("%-32s %4.0f ms" % ("launcher's own cost (median)", own * 1000))
alone = json.load(open(sys.argv[1] + ".alone"))["results"]
for r in alone:
    print("%-32s median %4.0f ms" % (r["command"], r["median"] * 1000))
print("%-32s %4.0f ms" % ("launcher alone (median)", (alone[1]["median"] - alone[0]["median"]) * 1000))
PY
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
