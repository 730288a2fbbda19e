#!/usr/bin/env python3
"""TCP listeners that accept connections and never send a byte.

The preflight network lab uses them for the fake domain controller's LDAP (389) and Kerberos
(88) ports, where a completed TCP handshake is what a firewall test needs, and for the "TLS
hang" fault: a server that accepts the connection but never answers the ClientHello. Each
connection is held until the client closes it or --hold seconds pass.
"""
import argparse
import selectors
import socket
import time


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hold", type=float, default=60.0)
    parser.add_argument("listen", nargs="+", help="ADDRESS:PORT to listen on")
    args = parser.parse_args()
    selector = selectors.DefaultSelector()
    for spec in args.listen:
        host, port = spec.rsplit(":", 1)
        server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind((host, int(port)))
        server.listen(64)
        selector.register(server, selectors.EVENT_READ, "listen")
    held = {}
    while True:
        for key, _ in selector.select(timeout=1.0):
            if key.data == "listen":
                conn, _ = key.fileobj.accept()
                held[conn] = time.monotonic() + args.hold
                selector.register(conn, selectors.EVENT_READ, "conn")
            else:
                try:
                    data = key.fileobj.recv(4096)
                except OSError:
                    data = b""
                if not data:
                    close(selector, held, key.fileobj)
        now = time.monotonic()
        for conn in [c for c, expiry in held.items() if expiry < now]:
            close(selector, held, conn)


def close(selector, held, conn):
    selector.unregister(conn)
    held.pop(conn, None)
    conn.close()


if __name__ == "__main__":
    main()
