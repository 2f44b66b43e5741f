"""Superset configuration for the local warehouse (loaded through SUPERSET_CONFIG_PATH).

Everything Superset keeps (its metadata database, the generated secret key) lives under
$WAREHOUSE_DIR/superset/, next to the published warehouse it serves; nothing here is committed.

Environment variables:
  WAREHOUSE_DIR          where the published warehouse is (default: data/ in the project)
  SUPERSET_SECRET_KEY    signs sessions and encrypts stored secrets; when unset, a random key is
                         generated once into $WAREHOUSE_DIR/superset/secret_key (mode 600) and reused
"""

from __future__ import annotations

import os
import secrets
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from dagster_project.paths import warehouse_dir  # noqa: E402  (the project's one warehouse location)

WAREHOUSE_DIR = warehouse_dir()
SUPERSET_STATE_DIR = WAREHOUSE_DIR / "superset"
SUPERSET_STATE_DIR.mkdir(parents=True, exist_ok=True)


def _local_secret_key() -> str:
    path = SUPERSET_STATE_DIR / "secret_key"
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(48))
    return path.read_text().strip()


SECRET_KEY = os.environ.get("SUPERSET_SECRET_KEY") or _local_secret_key()

# Superset's own metadata (users, charts, dashboards): a local SQLite file, not the warehouse.
SQLALCHEMY_DATABASE_URI = f"sqlite:///{SUPERSET_STATE_DIR / 'superset.db'}?check_same_thread=false"
DATA_DIR = str(SUPERSET_STATE_DIR)

# No Redis or Celery locally: a small in-process cache, SQL Lab runs queries synchronously.
CACHE_CONFIG = {"CACHE_TYPE": "SimpleCache", "CACHE_DEFAULT_TIMEOUT": 300}
DATA_CACHE_CONFIG = CACHE_CONFIG
FILTER_STATE_CACHE_CONFIG = {"CACHE_TYPE": "SimpleCache", "CACHE_DEFAULT_TIMEOUT": 86400}
EXPLORE_FORM_DATA_CACHE_CONFIG = FILTER_STATE_CACHE_CONFIG
RATELIMIT_STORAGE_URI = "memory://"

# Local use on 127.0.0.1 over plain HTTP.
TALISMAN_ENABLED = False
SESSION_COOKIE_SECURE = False
SESSION_COOKIE_SAMESITE = "Lax"
ENABLE_PROXY_FIX = False

# Users may not upload files into the warehouse, and SQL Lab results stay in the browser.
FEATURE_FLAGS = {
    "DASHBOARD_RBAC": False,
    "ENABLE_TEMPLATE_PROCESSING": False,
}
SQLLAB_TIMEOUT = 120
SUPERSET_WEBSERVER_TIMEOUT = 120
ROW_LIMIT = 50000
