"""What readers can see of a published warehouse folder, to compare before and after a build: file hashes,
mart contents, and the publisher's temporaries."""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb

from dagster_project.serving.publish import BUILD_INFO_TABLE, TMP_PREFIX


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def published_state(folder: Path) -> dict[str, str]:
    """Hash of the published file and of every Parquet export: what readers can see."""
    state = {"warehouse.duckdb": sha256(folder / "warehouse.duckdb")}
    state.update({f"parquet/{p.name}": sha256(p) for p in sorted((folder / "parquet").glob("*.parquet"))})
    return state


def marts_content(folder: Path) -> dict[str, str]:
    """Row count and md5 of the rows of every published mart (the build-info table aside)."""
    with duckdb.connect(str(folder / "warehouse.duckdb"), read_only=True) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "select table_name from duckdb_tables() where schema_name = 'marts' and table_name <> ? order by 1",
                [BUILD_INFO_TABLE],
            ).fetchall()
        ]
        return {
            t: conn.execute(
                f"select count(*) || ':' || coalesce(md5(string_agg(t::varchar, '|' order by t::varchar)), '') "
                f"from marts.{t} t"
            ).fetchone()[0]
            for t in tables
        }


def temporaries(folder: Path) -> list[Path]:
    """The publisher's leftovers next to the published file and the Parquet exports."""
    return sorted([*folder.glob(f"{TMP_PREFIX}*"), *(folder / "parquet").glob(f"{TMP_PREFIX}*")])
