#!/usr/bin/env bash
# Serve Superset: bash bi/serve.sh [PORT]   (default 8088), on 127.0.0.1 unless BI_HOST says otherwise; on any
# other address it refuses to start with the default admin password (bi/guard.py).
# Uses .venv-bi and bi/superset_config.py; WAREHOUSE_DIR says which published warehouse (and which
# Superset state under $WAREHOUSE_DIR/superset) to serve. Runs in the foreground; Ctrl-C stops it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
port="${1:-${BI_PORT:-8088}}"
host="${BI_HOST:-127.0.0.1}"
# Before anything else (and with any python3): no default admin password beyond this machine.
"$(command -v python3 || echo "$root/.venv-bi/bin/python")" "$here/guard.py" "$host"
export SUPERSET_CONFIG_PATH="${SUPERSET_CONFIG_PATH:-$here/superset_config.py}"
# The project's one warehouse location (dagster_project/paths.py; standard library only).
WAREHOUSE_DIR="$("$root/.venv-bi/bin/python" "$root/dagster_project/paths.py")"
export WAREHOUSE_DIR
exec "$root/.venv-bi/bin/gunicorn" \
    --bind "${host}:${port}" \
    --workers 1 --worker-class gthread --threads 8 \
    --timeout 120 --graceful-timeout 10 --no-control-socket \
    --access-logfile - --error-logfile - \
    "superset.app:create_app()"
