#!/usr/bin/env bash
# How many DNS queries arriving at once a small local resolver answers: the network lab's dnsmasq
# gets bursts of N queries (one socket each, all sent before any answer is read) from the client
# namespace, and the script prints how many came back within two seconds. This is the evidence
# behind the floor of the run resolver's window of questions on the wire (SharedResolver.MIN_IN_FLIGHT).
#
#   sudo bench/dns-burst.sh [N...]      (default: 100 200 400 800 1600 3200)
#
# `PFL_LAB_NAME=NAME` picks the lab instance (default pfl); a lab that is not up is brought up and
# torn down afterwards. Nothing leaves the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
lab="${PFL_LAB_NAME:-pfl}"
state="/run/preflight-lab-$lab"
[ "$lab" = pfl ] && state=/run/preflight-lab
started_lab=0
if [ ! -f "$state/dnsmasq.conf" ]; then
  lab/lab.sh up >/dev/null
  started_lab=1
fi
trap '[ "$started_lab" = 1 ] && lab/lab.sh down >/dev/null 2>&1 || true' EXIT
ulimit -n 16384
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
ip netns exec "$lab-client" python3 - "${@:-100 200 400 800 1600 3200}" <<'PY'
import random, select, socket, struct, sys, time

def query(name, qid, qtype):
    header = struct.pack(">HHHHHH", qid, 0x0100, 1, 0, 0, 0)
    labels = b"".join(bytes([len(p)]) + p.encode() for p in name.split(".")) + b"\0"
    return header + labels + struct.pack(">HH", qtype, 1)

server = ("198.19.0.53", 53)
for n in [int(x) for arg in sys.argv[1:] for x in arg.split()]:
    socks = []
    for _ in range(n):
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.connect(server)
        s.setblocking(False)
        socks.append(s)
    tag = random.randrange(1 << 30)
    start = time.monotonic()
    for i, s in enumerate(socks):
        s.send(query(f"burst{tag}-{i}.example.com", i & 0xFFFF, 1 if i % 2 == 0 else 28))
    sent_ms = (time.monotonic() - start) * 1000
    poller = select.poll()
    by_fd = {s.fileno(): s for s in socks}
    for fd in by_fd:
        poller.register(fd, select.POLLIN)
    answered, deadline = 0, time.monotonic() + 2
    while by_fd and time.monotonic() < deadline:
        for fd, _ in poller.poll(50):
            by_fd.pop(fd).recv(4096)
            poller.unregister(fd)
            answered += 1
    print(f"burst of {n}: sent in {sent_ms:.0f} ms, answered {answered}, lost {n - answered}")
    for s in socks:
        s.close()
PY
