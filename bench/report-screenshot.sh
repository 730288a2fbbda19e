#!/usr/bin/env bash
# Renders real HTML reports and photographs them in headless Chromium at 1280 px, for reviewers:
# a check against a loopback DNS server that answers NXDOMAIN to every name (the "DNS server does
# not resolve public names" pattern), and an analyze of an allowlist that lists a few hosts only.
# Writes report-*.html, a screenshot (.png) and a print preview (.pdf) of each to OUT (default:
# target/report-screenshots) and prints the files and their sizes. Nothing leaves loopback.
# Usage: bench/report-screenshot.sh [OUT]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-target/report-screenshots}"
mkdir -p "$out"
chromium="${CHROMIUM:-/usr/bin/chromium}"
./preflight --version >/dev/null  # builds the jar if needed
portfile="$(mktemp)"
python3 -c "
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(('127.0.0.1', 0))
open(sys.argv[1], 'w').write(str(s.getsockname()[1]))
while True:
    query, peer = s.recvfrom(4096)
    if len(query) < 12:
        continue
    # The question echoed back with QR, RD, RA and RCODE 3 (NXDOMAIN): no such name.
    s.sendto(query[:2] + b'\x81\x83' + query[4:6] + b'\x00\x00\x00\x00\x00\x00' + query[12:], peer)
" "$portfile" &
dns=$!
profile="$(mktemp -d)"
trap 'kill $dns 2>/dev/null || true; rm -rf "$portfile" "$profile"' EXIT
while [ ! -s "$portfile" ]; do sleep 0.1; done
./preflight check --dns-server "127.0.0.1:$(cat "$portfile")" --timeout 2s --quiet \
  --format html --output "$out/report-all-dns.html" || true
printf 'login.microsoftonline.com\n*.manage.microsoft.com\nztd.dds.microsoft.com\n' \
  >"$profile/allowlist.txt"
./preflight analyze --allowlist "$profile/allowlist.txt" --quiet --format html \
  --output "$out/report-allowlist.html" || true
for page in "$out"/report-*.html; do
  base="${page%.html}"
  url="file://$(realpath "$page")"
  flags=(--headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$profile"
    --hide-scrollbars)
  "$chromium" "${flags[@]}" --window-size=1280,2400 --screenshot="$base.png" "$url" 2>/dev/null
  "$chromium" "${flags[@]}" --print-to-pdf="$base.pdf" --no-pdf-header-footer "$url" 2>/dev/null
  echo "$page: $(du -k "$page" | cut -f1) KiB; screenshot $base.png, print preview $base.pdf"
done
