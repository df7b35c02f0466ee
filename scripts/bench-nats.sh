#!/usr/bin/env bash
# Issue 5's benchmark: Quark over NATS next to two MoleculerPy nodes on the same nats-server,
# measured in the same run, at 1 and 100 calls in flight; before each, the transport floor
# (raw-nats: the same server and NATS client, no broker). Starts its own nats-server on
# 127.0.0.1:${NATS_PORT:-4222} and stops it at the end. MoleculerPy and Quark alternate for
# ${BENCH_ROUNDS:-3} rounds; each line reports the round with the median ratio. Needs a release
# build and the venv:
#   make bench-nats
set -euo pipefail
port=${NATS_PORT:-4222}
seconds=${BENCH_SECONDS:-5}
nats_server=$(scripts/install-nats-server.sh)
python=$(scripts/moleculerpy-venv.sh .build/moleculerpy-venv)
"$nats_server" -a 127.0.0.1 -p "$port" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
sleep 0.5
for inflight in 1 100; do
    .build/release/quark bench raw-nats --nats "nats://127.0.0.1:$port" --inflight "$inflight" --seconds "$seconds" --json
    .build/release/quark bench remote --transporter "nats://127.0.0.1:$port" --python "$python" \
        --inflight "$inflight" --seconds "$seconds" --rounds "${BENCH_ROUNDS:-3}" --json
done
