#!/usr/bin/env bash
# One-time set-up on a fresh machine: a Python 3.11 venv with the pinned CPU torch and the project.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3.11}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
# torch first and exactly pinned, so pip takes the CPU build instead of a multi-GB CUDA one.
.venv/bin/python -m pip install --quiet "torch==2.13.0"
.venv/bin/python -m pip install --quiet -e ".[dev]"
