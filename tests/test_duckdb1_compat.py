"""The published warehouse opens and answers queries in a DuckDB 1.x driver (as BI tools bundle).

The 1.x package lives in its own virtualenv under .venv-compat/ (gitignored), created on first use and
reused afterwards. The test skips (with the reason) only when that package cannot be installed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from dagster_project.serving.publish import BUILD_INFO_TABLE, STORAGE_VERSION, publish

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# The oldest line the published storage version (v1.1.0) promises to serve.
DUCKDB_1X = os.environ.get("COMPAT_DUCKDB_VERSION", "1.1.3")
COMPAT_VENV = PROJECT_ROOT / ".venv-compat" / f"duckdb-{DUCKDB_1X}"


def _compat_python() -> Path:
    python = COMPAT_VENV / "bin" / "python"
    ready = COMPAT_VENV / ".installed"
    if ready.exists() and python.exists():
        return python
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(COMPAT_VENV)], check=True, capture_output=True)
    install = subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            f"duckdb=={DUCKDB_1X}",
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if install.returncode != 0:
        pytest.skip(
            f"cannot install duckdb=={DUCKDB_1X} into {COMPAT_VENV} (no package index?): "
            f"{install.stderr.strip()[-500:]}"
        )
    ready.touch()
    return python


@pytest.fixture(scope="module")
def duckdb_1x() -> Path:
    python = _compat_python()
    version = subprocess.run(
        [str(python), "-c", "import duckdb; print(duckdb.__version__)"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    assert version == DUCKDB_1X and version.startswith("1.")
    return python


def _make_build(path: Path) -> None:
    with duckdb.connect(str(path)) as conn:
        conn.execute("create schema marts; create schema raw")
        conn.execute("""
            create table marts.fct_example as
            select
                cast('2025-01-01' as date) + cast(range as integer) as date,
                'company_' || (range % 3) as company_id,
                range * 1.5 as value_usd,
                cast(range as decimal(18, 4)) / 7 as ratio,
                range % 2 = 0 as is_even,
                cast(range as bigint) * 1000000000 as big
            from range(50)
        """)
        conn.execute("comment on table marts.fct_example is 'an example mart'")
        conn.execute(
            "create table raw._seed_files as select 'prices_daily' as table_name, 'a.csv' as file, 'x' as sha256"
        )


QUERY_1X = r"""
import duckdb, json, sys
conn = duckdb.connect(sys.argv[1], read_only=True)
out = {
    "version": duckdb.__version__,
    "rows": conn.execute(
        "select count(*), sum(value_usd)::double, max(date)::varchar, count(*) filter (where is_even), "
        "sum(big)::varchar, round(sum(ratio), 4)::double from marts.fct_example").fetchone(),
    "by_company": conn.execute(
        "select company_id, count(*) from marts.fct_example group by all order by all").fetchall(),
    "info": conn.execute("select storage_version, table_count from marts.warehouse_build_info").fetchone(),
    "comment": conn.execute(
        "select comment from duckdb_tables() where table_name = 'fct_example'").fetchone()[0],
}
try:
    conn.execute("create table marts.x as select 1")
    out["write"] = "allowed"
except duckdb.Error as exc:
    out["write"] = "refused: " + str(exc)
print(json.dumps(out))
"""


def test_published_file_is_readable_by_duckdb_1x(tmp_path, duckdb_1x):
    build, published = tmp_path / "build.duckdb", tmp_path / "warehouse.duckdb"
    _make_build(build)
    publish(build, published)

    result = subprocess.run(
        [str(duckdb_1x), "-c", QUERY_1X, str(published)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["version"] == DUCKDB_1X
    count, total, latest, even, big, ratio = out["rows"]
    assert (count, total, latest, even) == (50, 1837.5, "2025-02-19", 25)
    assert big == str(sum(range(50)) * 1_000_000_000)
    assert ratio == pytest.approx(round(sum(range(50)) / 7, 4), abs=1e-3)
    assert out["by_company"] == [["company_0", 17], ["company_1", 17], ["company_2", 16]]
    assert out["info"] == [STORAGE_VERSION, 1]
    assert out["comment"] == "an example mart"
    assert out["write"].startswith("refused") and "read-only" in out["write"]
    # The current driver reads the same file and agrees.
    with duckdb.connect(str(published), read_only=True) as conn:
        assert conn.execute(f"select table_count from marts.{BUILD_INFO_TABLE}").fetchone() == (1,)


def test_a_file_written_without_the_storage_version_is_not_readable_by_1x(tmp_path, duckdb_1x):
    """Guards the test itself: the 1.x driver really rejects a default DuckDB 2.x file."""
    if duckdb.__version__.startswith("1."):
        pytest.skip("the project's DuckDB is 1.x: its default files are readable anyway")
    plain = tmp_path / "plain.duckdb"
    with duckdb.connect(str(plain)) as conn:
        conn.execute("create table t as select 1 as x")
    code = "import duckdb, sys; duckdb.connect(sys.argv[1], read_only=True)"
    result = subprocess.run([str(duckdb_1x), "-c", code, str(plain)], capture_output=True, text=True, timeout=120)
    assert result.returncode != 0 and "version" in result.stderr.lower(), result.stderr


def test_a_file_extended_by_a_later_publish_stays_readable_by_duckdb_1x(tmp_path, duckdb_1x):
    """The second publish copies the published file and rewrites one year in it (serving/fingerprint.py): the
    copy keeps the storage version it was created with, so 1.x drivers still read it."""
    build, published = tmp_path / "build.duckdb", tmp_path / "warehouse.duckdb"
    _make_build(build)
    with duckdb.connect(str(build)) as conn:  # four calendar years, so that a change in 2025 rewrites one of them
        conn.execute(
            "insert into marts.fct_example select date - 400, company_id, value_usd, ratio, is_even, big "
            "from marts.fct_example union all select date - 800, company_id, value_usd, ratio, is_even, "
            "big from marts.fct_example"
        )
    publish(build, published)
    with duckdb.connect(str(build)) as conn:
        conn.execute("update marts.fct_example set value_usd = value_usd + 1 where date >= date '2025-01-01'")
    assert publish(build, published).changes["fct_example"].startswith("1 of 4 years")

    result = subprocess.run(
        [str(duckdb_1x), "-c", QUERY_1X, str(published)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    count, total, latest, even, _, _ = out["rows"]
    assert (count, total, latest, even) == (150, 1837.5 * 3 + 50, "2025-02-19", 75)
    assert out["info"] == [STORAGE_VERSION, 1]
    assert out["comment"] == "an example mart"
