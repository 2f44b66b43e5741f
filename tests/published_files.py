"""What readers can see of a published warehouse folder: the DuckDB file and every Parquet file of every mart
(through each mart's folder link, parquet/<mart> -> .versions/<mart>@<version>), and publishing's leftovers."""

from __future__ import annotations

import hashlib
from pathlib import Path

from dagster_project.serving.publish import TMP_PREFIX


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def parquet_files(folder: Path) -> dict[str, Path]:
    """`parquet/<mart>/<partition>/<file>` -> the file, for every mart folder readers see."""
    root = folder / "parquet"
    files: dict[str, Path] = {}
    for mart in sorted(root.iterdir()) if root.is_dir() else ():
        if mart.name.startswith(".") or not mart.is_dir():
            continue
        base = mart.resolve()
        for file in sorted(base.rglob("*.parquet")):
            files[f"parquet/{mart.name}/{file.relative_to(base)}"] = file
    return files


def published_state(folder: Path) -> dict[str, str]:
    """Hash of the published file and of every Parquet file: what readers can see."""
    state = {"warehouse.duckdb": sha256(folder / "warehouse.duckdb")}
    state.update({name: sha256(path) for name, path in parquet_files(folder).items()})
    return state


def temporaries(folder: Path) -> list[Path]:
    return sorted([*folder.glob(f"{TMP_PREFIX}*"), *(folder / "parquet").glob(f"{TMP_PREFIX}*")])
