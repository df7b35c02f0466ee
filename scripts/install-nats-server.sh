#!/usr/bin/env bash
# Installs Debian's nats-server (used by the NATS transporter's interop tests) when it is
# missing, then prints its path on stdout (and nothing else), so a test can capture it:
#   NATS_SERVER=$(scripts/install-nats-server.sh)
# Debian puts it in /usr/sbin, which is not on every user's PATH: both are looked at.
set -euo pipefail

find_nats_server() {
    command -v nats-server 2>/dev/null && return 0
    local p
    for p in /usr/sbin/nats-server /usr/bin/nats-server /usr/local/bin/nats-server; do
        if [[ -x $p ]]; then echo "$p"; return 0; fi
    done
    return 1
}

if path=$(find_nats_server); then
    echo "$path"
    exit 0
fi

sudo=""
if [[ $(id -u) -ne 0 ]]; then
    if ! command -v sudo >/dev/null 2>&1; then
        echo "install-nats-server: nats-server is missing and installing it needs root or sudo" >&2
        exit 1
    fi
    sudo="sudo"
fi
echo "install-nats-server: installing nats-server (Debian package)" >&2
export DEBIAN_FRONTEND=noninteractive
# apt's chatter goes to stderr: stdout carries only the path.
if ! { $sudo apt-get update -qq && $sudo apt-get install -y -qq nats-server; } >&2; then
    echo "install-nats-server: apt-get install nats-server failed" >&2
    exit 1
fi
# The package enables a systemd unit; on machines with systemd that is a server on the
# default port 4222. The tests start their own on free ports and do not rely on it.
if path=$(find_nats_server); then
    echo "$path"
    exit 0
fi
echo "install-nats-server: nats-server installed but not found in PATH, /usr/sbin or /usr/bin" >&2
exit 1
