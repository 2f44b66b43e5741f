"""Superset's own state before anything is registered: its metadata tables and roles (its CLI), the admin user.

Run in the Superset environment (.venv-bi), imported by bi/setup_superset.py.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path
from typing import Any


def superset_cli(*args: str) -> None:
    superset = Path(sys.executable).with_name("superset")
    started = time.perf_counter()
    result = subprocess.run([str(superset), *args], capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout[-5000:] + result.stderr[-5000:])
        raise SystemExit(f"`superset {' '.join(args)}` failed with exit code {result.returncode}")
    print(f"superset {' '.join(args)}: {time.perf_counter() - started:.0f}s", file=sys.stderr)


def ensure_admin(app: Any, username: str, password: str) -> None:
    from superset import security_manager

    with app.app_context():
        user = security_manager.find_user(username=username)
        if user is None:
            role = security_manager.find_role("Admin")
            created = security_manager.add_user(
                username, "Superset", "Admin", f"{username}@localhost.invalid", role, password=password
            )
            if not created:
                raise SystemExit(f"could not create the Superset admin user {username!r}")
        else:
            security_manager.reset_password(user.id, password)  # keep it in step with the environment
