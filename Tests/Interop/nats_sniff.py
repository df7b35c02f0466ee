#!/usr/bin/env python3
"""Prints every message on a NATS server as one JSON line {subject, queue?, payload}.

    python nats_sniff.py --nats nats://127.0.0.1:PORT [--subject '>'] [--seconds N]

A debugging aid for the interop tests (it is how the notes in README.md were gathered).
Uses nats-py, which the MoleculerPy venv has. Bounded by --seconds (default 60).
"""
import argparse
import asyncio
import json
import sys

import nats


async def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--nats", required=True)
    ap.add_argument("--subject", default=">")
    ap.add_argument("--seconds", type=float, default=60.0)
    args = ap.parse_args()
    nc = await nats.connect(args.nats)

    async def on_msg(msg):
        try:
            payload = json.loads(msg.data)
        except ValueError:
            payload = msg.data.decode(errors="replace")
        print(json.dumps({"subject": msg.subject, "payload": payload}), flush=True)

    await nc.subscribe(args.subject, cb=on_msg)
    print("SNIFFING", file=sys.stderr, flush=True)
    try:
        await asyncio.sleep(args.seconds)
    finally:
        await nc.close()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass
