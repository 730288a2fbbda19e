#!/usr/bin/env python3
"""Delays every packet an nftables `queue` rule hands it, for kernels without netem.

The router's forward chain queues packets to netfilter queue QUEUE; the kernel keeps each packet
and sends this program only its metadata (copy mode META). The program gives each packet the
verdict ACCEPT a fixed delay after it arrived, so the packet leaves then: the TCP handshake, TLS,
HTTP and DNS are all delayed, like a long link. Packets arrive in order and the delay is the same
for all, so one batch verdict ("accept every packet up to this id") releases all that are due.

The delay (milliseconds, one way) is read from a file twice a second. Speaks nfnetlink_queue
(linux/netfilter/nfnetlink_queue.h) directly, so nothing beyond Python's standard library is needed.
"""
import argparse
import collections
import os
import select
import socket
import struct
import time

NETLINK_NETFILTER = 12
NFNL_SUBSYS_QUEUE = 3
NFQNL_MSG_PACKET = 0
NFQNL_MSG_CONFIG = 2
NFQNL_MSG_VERDICT_BATCH = 3
NFQA_PACKET_HDR = 1
NFQA_VERDICT_HDR = 2
NFQA_CFG_CMD = 1
NFQA_CFG_PARAMS = 2
NFQA_CFG_QUEUE_MAXLEN = 3
NFQA_CFG_MASK = 4
NFQA_CFG_FLAGS = 5
NFQNL_CFG_CMD_BIND = 1
NFQNL_COPY_META = 1
NFQA_CFG_F_FAIL_OPEN = 1
NLM_F_REQUEST = 1
NLMSG_ERROR = 2
NF_ACCEPT = 1
SOL_NETLINK = 270
NETLINK_NO_ENOBUFS = 5
SO_RCVBUFFORCE = 33


def attr(kind, payload):
    length = 4 + len(payload)
    return struct.pack("=HH", length, kind) + payload + b"\0" * ((4 - length % 4) % 4)


def message(kind, queue, attrs, seq=0):
    body = struct.pack("!BBH", socket.AF_UNSPEC, 0, queue) + b"".join(attrs)
    header = struct.pack("=IHHII", 16 + len(body), (NFNL_SUBSYS_QUEUE << 8) | kind, NLM_F_REQUEST, seq, 0)
    return header + body


def bind(sock, queue, maxlen):
    sock.send(message(NFQNL_MSG_CONFIG, queue, [attr(NFQA_CFG_CMD, struct.pack("!BBH", NFQNL_CFG_CMD_BIND, 0, 0))]))
    sock.send(message(NFQNL_MSG_CONFIG, queue, [attr(NFQA_CFG_PARAMS, struct.pack("!IB", 0, NFQNL_COPY_META))]))
    sock.send(message(NFQNL_MSG_CONFIG, queue, [attr(NFQA_CFG_QUEUE_MAXLEN, struct.pack("!I", maxlen))]))
    # A full queue lets packets through undelayed rather than dropping them.
    flags = struct.pack("!I", NFQA_CFG_F_FAIL_OPEN)
    sock.send(message(NFQNL_MSG_CONFIG, queue, [attr(NFQA_CFG_FLAGS, flags), attr(NFQA_CFG_MASK, flags)]))


def packet_ids(data):
    """The packet ids of every queued-packet message in one netlink read."""
    offset = 0
    while offset + 16 <= len(data):
        length, kind = struct.unpack_from("=IH", data, offset)
        if length < 16:
            break
        if kind == (NFNL_SUBSYS_QUEUE << 8) | NFQNL_MSG_PACKET:
            pos = offset + 20
            while pos + 4 <= offset + length:
                alen, atype = struct.unpack_from("=HH", data, pos)
                if alen < 4:
                    break
                if atype & 0x7FFF == NFQA_PACKET_HDR:
                    yield struct.unpack_from("!I", data, pos + 4)[0]
                    break
                pos += (alen + 3) & ~3
        offset += (length + 3) & ~3


def read_delay(path):
    try:
        with open(path, encoding="ascii") as f:
            return max(0.0, float(f.read().strip() or 0) / 1000.0)
    except (OSError, ValueError):
        return 0.0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queue", type=int, default=0)
    parser.add_argument("--delay-file", required=True, help="one-way delay in milliseconds")
    parser.add_argument("--maxlen", type=int, default=65536)
    args = parser.parse_args()
    sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_NETFILTER)
    sock.bind((0, 0))
    sock.setsockopt(socket.SOL_SOCKET, SO_RCVBUFFORCE, 16 << 20)
    sock.setsockopt(SOL_NETLINK, NETLINK_NO_ENOBUFS, 1)
    bind(sock, args.queue, args.maxlen)
    sock.setblocking(False)
    pending = collections.deque()
    delay, delay_read = read_delay(args.delay_file), time.monotonic()
    while True:
        now = time.monotonic()
        wait = max(0.0, pending[0][0] - now) if pending else 0.5
        readable, _, _ = select.select([sock], [], [], min(wait, 0.5))
        now = time.monotonic()
        if now - delay_read > 0.5:
            delay, delay_read = read_delay(args.delay_file), now
        if readable:
            while True:
                try:
                    data = sock.recv(65536)
                except BlockingIOError:
                    break
                for packet in packet_ids(data):
                    pending.append((now + delay, packet))
        due = None
        while pending and pending[0][0] <= now:
            due = pending.popleft()[1]
        if due is not None:
            verdict = attr(NFQA_VERDICT_HDR, struct.pack("!II", NF_ACCEPT, due))
            sock.send(message(NFQNL_MSG_VERDICT_BATCH, args.queue, [verdict]))


if __name__ == "__main__":
    main()
