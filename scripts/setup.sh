#!/usr/bin/env bash
# One-time set-up on a fresh machine: a Python 3.11 venv with the pinned CPU torch and the project.
set -euo pipefail
cd "$(dirname "$0")/.."
# The browser test drives Debian's Chromium through Playwright (which never downloads a browser here).
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "note: install Debian's chromium package for the browser test (tests/test_browser.py)" >&2
  fi
fi
# The browser test checks WCAG 2.1 AA with axe-core from npm (pinned by tests/browser/package-lock.json).
if command -v npm >/dev/null 2>&1; then
  npm ci --prefix tests/browser --no-audit --no-fund --silent
else
  echo "note: install Node.js and npm for the accessibility check in the browser test" >&2
fi
# Scanned faxes are OCRed with Debian's Tesseract (fhir_ingest.sources.ocr).
if ! command -v tesseract >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr >/dev/null
  else
    echo "note: install Debian's tesseract-ocr package to OCR scanned documents" >&2
  fi
fi
PY=${PYTHON:-python3.11}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
# torch first and exactly pinned, so pip takes the CPU build instead of a multi-GB CUDA one.
.venv/bin/python -m pip install --quiet "torch==2.13.0"
.venv/bin/python -m pip install --quiet -e ".[dev]"
