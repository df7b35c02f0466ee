#!/usr/bin/env bash
# Installs the system packages Quark needs, only when they are missing (Debian/Ubuntu).
set -euo pipefail
missing=()
pkg-config --version >/dev/null 2>&1 || missing+=(pkg-config)
pkg-config --exists libzmq 2>/dev/null || missing+=(libzmq3-dev)
[[ -x /usr/sbin/nats-server || -x /usr/bin/nats-server ]] || command -v nats-server >/dev/null 2>&1 || missing+=(nats-server)
pkg-config --exists libedit 2>/dev/null || missing+=(libedit-dev)
pkg-config --exists sqlite3 2>/dev/null || missing+=(libsqlite3-dev)
if ((${#missing[@]} == 0)); then exit 0; fi
echo "installing: ${missing[*]}"
sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq "${missing[@]}" >/dev/null
