#!/usr/bin/env python3
"""A small SNTP server (RFC 4330) for the preflight network lab.

It answers every NTP client request as a synchronised stratum-2 server. The clock it reports is
this machine's clock plus an offset read, on every request, from a file (seconds, may be
negative or fractional): the lab's clock-skew fault writes that file. chrony cannot be told to
serve a wrong time on purpose, hence this responder.

It binds one socket per address, so every reply leaves from the address the request went to:
clients that connect their UDP socket drop replies from any other source address.
"""
import argparse
import selectors
import socket
import struct
import time

NTP_EPOCH_DELTA = 2208988800  # seconds from 1900-01-01 to 1970-01-01
REFERENCE_ID = socket.inet_aton("198.19.0.1")


def ntp_timestamp(unix_seconds):
    seconds = int(unix_seconds) + NTP_EPOCH_DELTA
    fraction = int((unix_seconds % 1) * (1 << 32)) & 0xFFFFFFFF
    return struct.pack("!II", seconds & 0xFFFFFFFF, fraction)


def read_offset(path):
    try:
        with open(path, encoding="ascii") as f:
            return float(f.read().strip() or 0)
    except (OSError, ValueError):
        return 0.0


def reply(request, offset):
    version = (request[0] >> 3) & 0x7
    receive = time.time() + offset
    header = struct.pack(
        "!BBbbII4s",
        (0 << 6) | (version << 3) | 4,  # leap: none, client's version, mode: server
        2,  # stratum
        request[2],  # poll: echo the client's
        -20,  # precision: about a microsecond
        0x00000100,  # root delay: 1/256 s
        0x00000100,  # root dispersion: 1/256 s
        REFERENCE_ID,
    )
    reference = ntp_timestamp(receive - 16)
    originate = request[40:48]  # the client's transmit timestamp, echoed (RFC 4330 section 5)
    return header + reference + originate + ntp_timestamp(receive) + ntp_timestamp(time.time() + offset)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=123)
    parser.add_argument("--offset-file", required=True)
    parser.add_argument("address", nargs="+", help="an address to answer on")
    args = parser.parse_args()
    selector = selectors.DefaultSelector()
    for address in args.address:
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        sock.bind((address, args.port))
        selector.register(sock, selectors.EVENT_READ)
    while True:
        for key, _ in selector.select():
            request, client = key.fileobj.recvfrom(512)
            if len(request) < 48 or (request[0] & 0x7) != 3:  # only client-mode requests
                continue
            key.fileobj.sendto(reply(request, read_offset(args.offset_file)), client)


if __name__ == "__main__":
    main()
