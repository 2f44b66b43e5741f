"""Refuse to serve Superset beyond this machine with the default admin password (standard library only).

    python3 bi/guard.py HOST      # exit 0: may serve; exit 2: refused, with one line saying what to set

Bound to 127.0.0.1 only this machine reaches Superset, and the default login admin/admin is tolerated for local
use. Bound to anything else (0.0.0.0, a LAN address, a host name), SUPERSET_ADMIN_PASSWORD must be set to
something other than the default. The password itself is never printed.
"""

from __future__ import annotations

import os
import sys

LOCAL_ONLY = "127.0.0.1"
DEFAULT_PASSWORD = "admin"


def refusal(host: str, password: str | None) -> str | None:
    """Why serving on `host` with `password` is refused (None: allowed)."""
    if host == LOCAL_ONLY:
        return None
    if not password or password == DEFAULT_PASSWORD:
        return (
            f"refusing to serve Superset on {host} with the default admin password: set SUPERSET_ADMIN_PASSWORD "
            f"(and SUPERSET_SECRET_KEY), or bind to {LOCAL_ONLY} (BI_HOST)"
        )
    return None


def main(argv: list[str]) -> int:
    host = argv[0] if argv else LOCAL_ONLY
    why = refusal(host, os.environ.get("SUPERSET_ADMIN_PASSWORD", DEFAULT_PASSWORD))
    if why:
        print(why, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
