#!/usr/bin/env python3
"""A MoleculerPy 0.14.22 node for Quark's NATS interop tests.

    python moleculerpy_node.py --nats nats://127.0.0.1:PORT --node-id py-1 [--namespace NS]

Prints `READY <nodeID>` on stdout once the broker has started; on SIGTERM/SIGINT it stops the
broker (drain INFO with `services: []`, then DISCONNECT) and exits 0. Logs go to stderr.

Services:
  py.echo        -> {"params": params, "meta": ctx.meta}
  py.add         -> a + b
  py.fail        -> raises MoleculerClientError(name, code 422, type PY_FAILED, data {"reason": "asked to"})
  py.callQuark   -> ctx.call(params.action, params.params, meta=params.meta); on failure
                    {"error": {name, message, code, type, data, retryable}, "wireError": <the
                    error object of the RES packet as it arrived, when one did>}
  py.emit        -> broker.emit(event, data) (MoleculerPy's emit takes no groups: see below)
  py.broadcast   -> broker.broadcast(event, data, groups=groups)
  py.received    -> events received so far: [{"event", "data", "group", "service", "meta",
                    "sender", "groups", "broadcast"}] (the last three from the EVENT packet;
                    null for events emitted on this node)
  py.reset       -> clears the received list
  py.nodes       -> $node.list (params passed through, e.g. {"withServices": true})
  pyaudit        -> second service listening to the same events, another group.

MoleculerPy quirks this node works around or records (see README.md):
  * Its NATS transporter ignores the namespace (always `MOL.`): --namespace sets the
    transporter's prefix to `MOL-<NS>` by hand.
  * It has no event groups: handlers are not grouped, `emit` takes no groups, incoming EVENTs
    run only the FIRST local handler of that event name whatever `groups`/`broadcast` say.
    `group` in py.received is the handler's service name (Moleculer's default group).
  * A remote error whose name is not a specific MoleculerPy class (e.g. MoleculerError or a
    custom name) arrives as RemoteCallError with `data` replaced by {name, stack}: the raw
    error object from the wire is therefore recorded too (`wireError`).
"""

from __future__ import annotations

import argparse
import asyncio
import contextvars
import logging
import signal
import sys
from typing import Any

from moleculerpy import MoleculerClientError, MoleculerError, ServiceBroker, Service, Settings
from moleculerpy import action, event
from moleculerpy.errors import RemoteCallError
from moleculerpy.middleware.base import Middleware

RECEIVED: list[dict[str, Any]] = []
# RES error objects as they arrived, keyed by the requestID of the call chain they answer.
WIRE_ERRORS: dict[str, dict[str, Any]] = {}
_REQ_CHAIN: dict[str, str] = {}  # outgoing REQ id -> requestID
# The EVENT packet being handled (MoleculerPy's event context does not keep its sender).
_EVENT_PACKET: contextvars.ContextVar[dict[str, Any] | None] = contextvars.ContextVar(
    "_EVENT_PACKET", default=None)


class WireErrorRecorder(Middleware):
    """Records the raw `error` of RES packets so py.callQuark can return it unchanged."""

    async def transit_publish(self, next_publish: Any, packet: Any) -> None:
        payload = packet.payload or {}
        if packet.type.value == "REQ" and payload.get("id"):
            _REQ_CHAIN[payload["id"]] = payload.get("requestID") or payload["id"]
            if len(_REQ_CHAIN) > 10_000:
                _REQ_CHAIN.pop(next(iter(_REQ_CHAIN)))
        await next_publish(packet)

    async def transit_message_handler(self, next_handler: Any, packet: Any) -> None:
        payload = packet.payload or {}
        if packet.type.value == "RES" and payload.get("success") is False:
            chain = _REQ_CHAIN.get(payload.get("id", ""))
            if chain is not None:
                WIRE_ERRORS[chain] = payload.get("error")
        if packet.type.value == "EVENT":
            token = _EVENT_PACKET.set(payload)
            try:
                await next_handler(packet)
            finally:
                _EVENT_PACKET.reset(token)
            return
        await next_handler(packet)


def error_dict(err: BaseException) -> dict[str, Any]:
    if isinstance(err, TimeoutError):
        # MoleculerPy raises the builtin TimeoutError for remote calls, not RequestTimeoutError.
        return {"name": "RequestTimeoutError", "message": str(err) or "request timed out",
                "code": 504, "type": "REQUEST_TIMEOUT", "data": None, "retryable": True,
                "pythonName": "TimeoutError"}
    if isinstance(err, RemoteCallError):
        name = err.error_name
    else:
        name = type(err).__name__
    if isinstance(err, MoleculerError):
        return {
            "name": name,
            "message": err.message,
            "code": err.code,
            "type": err.type,
            "data": err.data,
            "retryable": err.retryable,
        }
    return {"name": name, "message": str(err), "code": 500, "type": None, "data": None,
            "retryable": False}


def record(ctx: Any, group: str, service: str) -> None:
    packet = _EVENT_PACKET.get()  # None when the event was emitted on this node
    RECEIVED.append({
        "event": ctx.event,
        "data": ctx.params,
        "group": group,
        "service": service,
        "sender": packet.get("sender") if packet else None,
        "groups": packet.get("groups") if packet else None,
        "broadcast": packet.get("broadcast") if packet else None,
        "meta": ctx.meta,
    })


class PyService(Service):
    name = "py"

    @action()
    async def echo(self, ctx: Any) -> Any:
        return {"params": ctx.params, "meta": ctx.meta}

    @action()
    async def add(self, ctx: Any) -> Any:
        return ctx.params["a"] + ctx.params["b"]

    @action()
    async def fail(self, ctx: Any) -> Any:
        raise MoleculerClientError("py.fail: asked to fail", 422, "PY_FAILED",
                                   {"reason": "asked to"})

    @action(name="callQuark")
    async def call_quark(self, ctx: Any) -> Any:
        p = ctx.params or {}
        timeout = p.get("timeout")  # seconds
        try:
            call = ctx.call(p["action"], p.get("params") or {}, meta=p.get("meta"),
                            timeout=timeout)
            # MoleculerPy sends `timeout` in the REQ but waits request_timeout for a remote
            # answer whatever it is: enforce it here.
            if timeout:
                return await asyncio.wait_for(call, timeout)
            return await call
        except Exception as err:  # noqa: BLE001 - the test inspects whatever arrived
            return {"error": error_dict(err),
                    "wireError": WIRE_ERRORS.pop(ctx.request_id, None)}

    @action(name="emit")
    async def do_emit(self, ctx: Any) -> Any:
        p = ctx.params or {}
        # MoleculerPy's emit has no groups parameter (it sends to ONE endpoint of the event).
        await self.broker.emit(p["event"], p.get("data"), p.get("meta"))
        return True

    @action(name="broadcast")
    async def do_broadcast(self, ctx: Any) -> Any:
        p = ctx.params or {}
        await self.broker.broadcast(p["event"], p.get("data"), p.get("meta"), groups=p.get("groups"))
        return True

    @action()
    async def received(self, ctx: Any) -> Any:
        return list(RECEIVED)

    @action()
    async def reset(self, ctx: Any) -> Any:
        RECEIVED.clear()
        return True

    @action()
    async def nodes(self, ctx: Any) -> Any:
        return await ctx.call("$node.list", ctx.params or {})

    @event(name="quark.hello")
    async def on_quark_hello(self, ctx: Any) -> None:
        record(ctx, "py", "py")

    @event(name="shared.balanced")
    async def on_shared_balanced(self, ctx: Any) -> None:
        record(ctx, "py", "py")


class PyAuditService(Service):
    name = "pyaudit"

    @event(name="quark.hello")
    async def on_quark_hello(self, ctx: Any) -> None:
        record(ctx, "pyaudit", "pyaudit")

    @event(name="shared.balanced")
    async def on_shared_balanced(self, ctx: Any) -> None:
        record(ctx, "pyaudit", "pyaudit")


async def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--nats", required=True, help="nats://127.0.0.1:PORT")
    ap.add_argument("--node-id", required=True)
    ap.add_argument("--namespace", default=None)
    ap.add_argument("--heartbeat-interval", type=float, default=1.0, help="seconds")
    ap.add_argument("--heartbeat-timeout", type=float, default=3.0, help="seconds")
    ap.add_argument("--request-timeout", type=float, default=10.0, help="seconds")
    ap.add_argument("--log-level", default="WARNING")
    args = ap.parse_args()

    logging.basicConfig(stream=sys.stderr, level=args.log_level.upper())
    settings = Settings(
        transporter=args.nats,
        log_level=args.log_level.upper(),
        heartbeat_interval=args.heartbeat_interval,
        heartbeat_timeout=args.heartbeat_timeout,
        request_timeout=args.request_timeout,
        namespace=args.namespace,
    )
    broker = ServiceBroker(args.node_id, settings=settings,
                           namespace=args.namespace or "",
                           middlewares=[WireErrorRecorder()])
    if args.namespace:
        # MoleculerPy 0.14.22's NATS transporter always uses the prefix "MOL", whatever the
        # namespace: set Moleculer's `MOL-<namespace>` prefix by hand.
        broker.transit.transporter.prefix = f"MOL-{args.namespace}"
    await broker.register(PyService())
    await broker.register(PyAuditService())

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    # A parent may start us with these signals blocked (the mask survives exec): unblock them.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)

    await broker.start()
    print(f"READY {args.node_id}", flush=True)
    await stop.wait()
    try:
        await asyncio.wait_for(broker.stop(), timeout=10)
    except Exception as err:  # noqa: BLE001
        print(f"moleculerpy_node: stop failed: {err!r}", file=sys.stderr, flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
