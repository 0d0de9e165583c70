#!/usr/bin/env bash
# Own-table uploads (issue #22): a 1,000,000-row enterprise table as CSV and as Parquet, uploaded through the API
# (rows/s) against DuckDB reading the same file, side by side. Needs a running ./pdx up; installs duckdb into a venv
# under ~/.pdx. Bounded: BENCH_ROUNDS (default 3) uploads per format, each deleted after; loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
PDX_HOME=${PDX_HOME:-$HOME/.pdx}
VENV=$PDX_HOME/bench-venv
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV" 2>/dev/null || { sudo apt-get install -y -q python3-venv >/dev/null && python3 -m venv "$VENV"; }
fi
"$VENV/bin/pip" install -q --disable-pip-version-check duckdb==1.4.4
curl -fsS -o /dev/null http://127.0.0.1:8080/q/health/ready || { echo "start the platform first: ./pdx up" >&2; exit 1; }
cd bench && exec "$VENV/bin/python" own_table_upload.py
