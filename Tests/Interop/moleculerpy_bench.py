#!/usr/bin/env python3
"""Benchmark baseline: MoleculerPy calling MoleculerPy over one nats-server.

    python moleculerpy_bench.py --nats nats://127.0.0.1:PORT --inflight 100 --count 20000 --time 10

Two processes, like a real cluster: this process starts node A (`bench-a`, service `bench`
with the trivial action `bench.add` returning a + b) as a child process, waits for its READY
line, then runs node B (`bench-b`) here, which calls `bench.add` with --inflight concurrent
calls until --count calls are done or --time seconds have passed, whichever comes first.
Prints ONE line of JSON on stdout:

    {"calls": n, "errors": e, "seconds": s, "rate": calls_per_s, "inflight": K,
     "p50_us": .., "p99_us": .., "client": "moleculerpy 0.14.22"}

(rate counts successful calls only). Logs go to stderr. The child is stopped in every case.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import sys
import time
from importlib.metadata import version
from typing import Any

from moleculerpy import ServiceBroker, Service, Settings, action

ACTION = "bench.add"


class BenchService(Service):
    name = "bench"

    @action()
    async def add(self, ctx: Any) -> Any:
        return ctx.params["a"] + ctx.params["b"]


def settings(url: str) -> Settings:
    return Settings(transporter=url, log_level="WARNING", heartbeat_interval=2.0,
                    heartbeat_timeout=10.0, request_timeout=10.0)


async def run_server(url: str, node_id: str) -> int:
    broker = ServiceBroker(node_id, settings=settings(url))
    await broker.register(BenchService())
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    # A parent may start us with these signals blocked (the mask survives exec): unblock them.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await broker.start()
    print(f"READY {node_id}", flush=True)
    # Bounded even if the parent dies without signalling: at most one hour.
    try:
        await asyncio.wait_for(stop.wait(), timeout=3600)
    except TimeoutError:
        pass
    await asyncio.wait_for(broker.stop(), timeout=10)
    return 0


def percentile(sorted_values: list[int], q: float) -> float:
    if not sorted_values:
        return 0.0
    i = min(len(sorted_values) - 1, max(0, round(q * (len(sorted_values) - 1))))
    return sorted_values[i] / 1000.0  # ns -> us


async def run_client(args: argparse.Namespace) -> dict[str, Any]:
    broker = ServiceBroker("bench-b", settings=settings(args.nats))
    await broker.start()
    try:
        # Wait (bounded) until node A's INFO has registered the action.
        deadline = time.monotonic() + 10
        while broker.registry.get_action(ACTION) is None:
            if time.monotonic() > deadline:
                raise RuntimeError(f"{ACTION} did not appear within 10 s")
            await asyncio.sleep(0.05)
        for i in range(min(200, args.count)):  # warm-up, not measured
            await broker.call(ACTION, {"a": i, "b": 1})

        latencies: list[int] = []
        state = {"started": 0, "errors": 0}
        end_at = time.monotonic() + args.time

        async def worker() -> None:
            while state["started"] < args.count and time.monotonic() < end_at:
                state["started"] += 1
                t0 = time.perf_counter_ns()
                try:
                    r = await broker.call(ACTION, {"a": 1, "b": 2})
                    if r != 3:
                        raise RuntimeError(f"bad result {r!r}")
                    latencies.append(time.perf_counter_ns() - t0)
                except Exception as err:  # noqa: BLE001
                    state["errors"] += 1
                    if state["errors"] <= 3:
                        print(f"bench: call failed: {err!r}", file=sys.stderr, flush=True)

        t_start = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(args.inflight)))
        seconds = time.perf_counter() - t_start
    finally:
        await asyncio.wait_for(broker.stop(), timeout=10)

    latencies.sort()
    return {
        "calls": len(latencies),
        "errors": state["errors"],
        "seconds": round(seconds, 3),
        "rate": round(len(latencies) / seconds, 1) if seconds > 0 else 0.0,
        "inflight": args.inflight,
        "p50_us": round(percentile(latencies, 0.50), 1),
        "p99_us": round(percentile(latencies, 0.99), 1),
        "client": f"moleculerpy {version('moleculerpy')}",
    }


async def main() -> int:
    ap = argparse.ArgumentParser(description="MoleculerPy-to-MoleculerPy call benchmark over NATS")
    ap.add_argument("--nats", required=True, help="nats://127.0.0.1:PORT")
    ap.add_argument("--inflight", type=int, default=1, help="concurrent calls (K)")
    ap.add_argument("--count", type=int, default=10_000, help="stop after this many calls")
    ap.add_argument("--time", type=float, default=10.0, help="stop after this many seconds")
    ap.add_argument("--role", choices=["bench", "server"], default="bench", help=argparse.SUPPRESS)
    ap.add_argument("--node-id", default="bench-a", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.inflight < 1 or args.count < 1 or args.time <= 0:
        ap.error("--inflight and --count must be >= 1, --time > 0")

    if args.role == "server":
        return await run_server(args.nats, args.node_id)

    child = await asyncio.create_subprocess_exec(
        sys.executable, os.path.abspath(__file__), "--role", "server", "--node-id", "bench-a",
        "--nats", args.nats, stdout=asyncio.subprocess.PIPE)
    try:
        assert child.stdout is not None
        line = await asyncio.wait_for(child.stdout.readline(), timeout=20)
        if not line.startswith(b"READY"):
            raise RuntimeError(f"server node did not start (got {line!r})")
        result = await run_client(args)
    finally:
        if child.returncode is None:
            child.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(child.wait(), timeout=15)
            except TimeoutError:
                child.kill()
                await child.wait()
    print(json.dumps(result), flush=True)
    return 0 if result["calls"] > 0 else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
