#!/usr/bin/env bash
# Creates (when missing) a Python 3.12 venv at <venv-dir> holding MoleculerPy, for the NATS
# interop tests and the benchmark baseline, and prints the venv's python path on stdout:
#   PY=$(scripts/moleculerpy-venv.sh .build/moleculerpy-venv)
# MoleculerPy's NATS transporter needs nats-py, a plain dependency of moleculerpy (with
# psutil and structlog): no extra is needed. Idempotent: pip runs only when the pinned
# version is not already installed. Python 3.12 is found as `python3.12` on PATH, else in
# pyenv's versions; PYTHON312=/path/to/python3.12 overrides both.
set -euo pipefail

MOLECULERPY_VERSION="0.14.22"
NATS_PY_SPEC="nats-py>=2.10.0"

die() { echo "moleculerpy-venv: $*" >&2; exit 1; }

if [[ $# -ne 1 || -z $1 ]]; then
    die "usage: $0 <venv-dir>"
fi
venv=$1

is_python312() {
    "$1" -c 'import sys, venv; sys.exit(0 if sys.version_info[:2] == (3, 12) else 1)' >/dev/null 2>&1
}

# A pyenv shim named python3.12 may be on PATH and still fail (no local/global version set),
# so each candidate must run and say it is 3.12.
find_python312() {
    if [[ -n ${PYTHON312:-} ]]; then
        is_python312 "$PYTHON312" && { echo "$PYTHON312"; return 0; }
        return 1
    fi
    local p r root=""
    p=$(command -v python3.12 2>/dev/null) && is_python312 "$p" && { echo "$p"; return 0; }
    if command -v pyenv >/dev/null 2>&1; then root=$(pyenv root 2>/dev/null || true); fi
    for r in "$root" "${PYENV_ROOT:-}" "$HOME/.pyenv"; do
        [[ -n $r && -d $r/versions ]] || continue
        while IFS= read -r p; do
            is_python312 "$p" && { echo "$p"; return 0; }
        done < <(ls -d "$r"/versions/3.12*/bin/python3.12 2>/dev/null | sort -V -r)
    done
    return 1
}

py="$venv/bin/python"
if ! is_python312 "$py"; then
    python312=$(find_python312) || die "no Python 3.12 found (looked for python3.12 on PATH, then \$(pyenv root)/versions/3.12*/bin/python3.12; set PYTHON312 to point at one)"
    rm -rf "$venv"
    "$python312" -m venv "$venv" >&2 || die "could not create a venv with $python312 at $venv (is the venv module missing?)"
fi

installed=$("$py" -c 'from importlib.metadata import version; print(version("moleculerpy"))' 2>/dev/null || true)
if [[ $installed != "$MOLECULERPY_VERSION" ]] || ! "$py" -c 'import nats, moleculerpy.transporter.nats' >/dev/null 2>&1; then
    echo "moleculerpy-venv: installing moleculerpy==$MOLECULERPY_VERSION into $venv" >&2
    "$py" -m pip install --disable-pip-version-check -q "moleculerpy==$MOLECULERPY_VERSION" "$NATS_PY_SPEC" >&2 \
        || die "pip install moleculerpy==$MOLECULERPY_VERSION $NATS_PY_SPEC failed (is PyPI reachable?)"
    "$py" -c 'import nats, moleculerpy.transporter.nats' >/dev/null 2>&1 \
        || die "moleculerpy installed but its NATS transporter does not import (nats-py missing?)"
fi
echo "$(cd "$venv" && pwd)/bin/python"
