"""Security of what is served: Superset refuses to start with the default admin password when bound to anything
but 127.0.0.1, and neither the admin password nor the secret key is printed by the scripts that start it.
(The read-only promises of the SQL shell and the readers: tests/test_read_only.py. With Superset running,
tests/test_bi_superset.py checks its setup output and server log for the password and the key.)
"""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from dagster_project.paths import PROJECT_ROOT

BI_DIR = PROJECT_ROOT / "bi"
sys.path.insert(0, str(BI_DIR))
from guard import refusal  # noqa: E402


def serve(host: str, tmp_path: Path, password: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SUPERSET_")}
    env.update(BI_HOST=host, WAREHOUSE_DIR=str(tmp_path))
    if password is not None:
        env["SUPERSET_ADMIN_PASSWORD"] = password
    return subprocess.run(
        ["bash", str(BI_DIR / "serve.sh"), "18088"], env=env, capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "localhost", "superset.example.internal"])
@pytest.mark.parametrize("password", [None, "admin", ""])
def test_superset_refuses_the_default_password_beyond_127_0_0_1(host, password, tmp_path):
    done = serve(host, tmp_path, password)
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip() == (
        f"refusing to serve Superset on {host} with the default admin password: set SUPERSET_ADMIN_PASSWORD "
        "(and SUPERSET_SECRET_KEY), or bind to 127.0.0.1 (BI_HOST)"
    )
    assert done.stdout == ""
    assert not (tmp_path / "superset").exists()  # refused before Superset or its state was touched


def test_the_guard_allows_local_use_and_a_real_password():
    assert refusal("127.0.0.1", "admin") is None  # local use: the documented default login
    assert refusal("127.0.0.1", None) is None
    assert refusal("0.0.0.0", "a-long-chosen-passphrase") is None
    assert refusal("0.0.0.0", "admin") is not None


def test_a_refusal_never_prints_the_password(tmp_path):
    # "admin" is the only password refused; any other is accepted and never echoed either way
    assert "admin" not in serve("0.0.0.0", tmp_path, "admin").stderr.replace("default admin password", "")


def test_the_superset_config_never_prints_its_secret_key(tmp_path):
    """Loading bi/superset_config.py (what Superset does at start) prints nothing; a generated key is private."""
    given = secrets.token_urlsafe(32)
    code = f"import runpy; c = runpy.run_path({str(BI_DIR / 'superset_config.py')!r}); print(len(c['SECRET_KEY']))"
    env = {**os.environ, "WAREHOUSE_DIR": str(tmp_path), "SUPERSET_SECRET_KEY": given}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == str(len(given)) and given not in done.stdout + done.stderr

    env.pop("SUPERSET_SECRET_KEY")
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    key_file = tmp_path / "superset" / "secret_key"
    generated = key_file.read_text().strip()
    assert len(generated) >= 48 and generated not in done.stdout + done.stderr
    assert key_file.stat().st_mode & 0o777 == 0o600


def test_setup_and_serve_scripts_do_not_print_secrets():
    """What the scripts print: no password or key variable is ever formatted into output."""
    scripts = sorted(p.name for p in BI_DIR.glob("*.py"))
    assert {"setup_superset.py", "superset_admin.py", "superset_config.py", "guard.py"} <= set(scripts)
    for script in scripts:
        for number, line in enumerate((BI_DIR / script).read_text().splitlines(), 1):
            if "print(" in line or "log." in line:
                assert not any(s in line for s in ("password}", "SECRET_KEY}", "secret}", "token}")), (
                    f"bi/{script}:{number}: {line.strip()}"
                )
    for shell in ((BI_DIR / "serve.sh").read_text(), (PROJECT_ROOT / "Makefile").read_text()):
        assert "set -x" not in shell
        assert not re.search(r"echo[^\n]*(PASSWORD|SECRET)", shell)
