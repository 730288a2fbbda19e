"""Runs a command with its standard error (and with "both" its standard output too) on a new
pseudo-terminal, the rest on pipes, and records everything the terminal showed.

Usage: on-a-terminal.py stderr|both TRANSCRIPT COMMAND...
Standard output, when not on the terminal, goes to this script's standard output. Exits with the
command's exit code. Reads the terminal until the command has exited and the terminal is drained.
"""
import os
import pty
import subprocess
import sys

mode, transcript, command = sys.argv[1], sys.argv[2], sys.argv[3:]
master, slave = pty.openpty()
child = subprocess.Popen(
    command,
    stdin=subprocess.DEVNULL,
    stdout=slave if mode == "both" else None,
    stderr=slave,
)
os.close(slave)
seen = bytearray()
while True:
    try:
        chunk = os.read(master, 65536)
    except OSError:  # EIO: every writer has closed the terminal
        break
    if not chunk:
        break
    seen += chunk
with open(transcript, "wb") as out:
    out.write(bytes(seen))
sys.exit(child.wait())
