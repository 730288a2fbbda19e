#!/usr/bin/env python3
"""A TCP relay that adds latency, for kernels without the netem queueing discipline.

Every chunk of data is forwarded, in order, a fixed delay after it arrived, in both directions,
so each round trip gains twice the delay. The delay (milliseconds) is read from a file when a
connection is accepted, so the lab can change it without restarting the relay.
"""
import argparse
import asyncio
import time


def read_delay(path):
    try:
        with open(path, encoding="ascii") as f:
            return max(0.0, float(f.read().strip() or 0) / 1000.0)
    except (OSError, ValueError):
        return 0.0


async def pump(reader, writer, delay):
    queue = asyncio.Queue()

    async def receive():
        while data := await reader.read(65536):
            await queue.put((time.monotonic() + delay, data))
        await queue.put((time.monotonic() + delay, b""))

    async def send():
        while True:
            due, data = await queue.get()
            await asyncio.sleep(max(0.0, due - time.monotonic()))
            if not data:
                break
            writer.write(data)
            await writer.drain()
        if writer.can_write_eof():
            writer.write_eof()

    try:
        await asyncio.gather(receive(), send())
    except (ConnectionError, OSError):
        pass


async def relay(client_reader, client_writer, target, delay_file):
    delay = read_delay(delay_file)
    try:
        server_reader, server_writer = await asyncio.wait_for(asyncio.open_connection(*target), 10)
    except (OSError, asyncio.TimeoutError):
        client_writer.close()
        return
    await asyncio.gather(
        pump(client_reader, server_writer, delay), pump(server_reader, client_writer, delay)
    )
    for w in (client_writer, server_writer):
        w.close()


async def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--delay-file", required=True)
    parser.add_argument("route", nargs="+", help="LISTEN_ADDR:PORT=TARGET_ADDR:PORT")
    args = parser.parse_args()
    servers = []
    for route in args.route:
        listen, target = route.split("=")
        lhost, lport = listen.rsplit(":", 1)
        thost, tport = target.rsplit(":", 1)

        async def handle(r, w, target=(thost, int(tport))):
            await relay(r, w, target, args.delay_file)

        servers.append(await asyncio.start_server(handle, lhost, int(lport)))
    await asyncio.gather(*(s.serve_forever() for s in servers))


if __name__ == "__main__":
    asyncio.run(main())
