"""The dbt project as Dagster sees it. The manifest is (re)built automatically when missing or stale,
so a fresh clone needs no manual `dbt parse`."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from dagster_dbt import DbtProject

from .paths import DBT_DIR, PROJECT_ROOT, warehouse_dir

warehouse_dir()  # exports WAREHOUSE_DIR for the dbt profile

# dbt is installed next to this interpreter; find it even when the virtualenv is not activated.
_bin = str(Path(sys.executable).parent)
if (Path(_bin) / "dbt").exists() and _bin not in os.environ.get("PATH", "").split(os.pathsep):
    os.environ["PATH"] = _bin + os.pathsep + os.environ.get("PATH", "")

dbt_project = DbtProject(project_dir=DBT_DIR, profiles_dir=DBT_DIR)


def _newest_source_mtime() -> float:
    folders = [DBT_DIR / "models", DBT_DIR / "macros", DBT_DIR / "tests", PROJECT_ROOT / "analyses"]
    files = [DBT_DIR / "dbt_project.yml", DBT_DIR / "profiles.yml"]
    for folder in folders:
        files.extend(p for p in folder.rglob("*") if p.suffix in {".sql", ".yml", ".yaml"})
    return max((p.stat().st_mtime for p in files if p.exists()), default=0.0)


def prepare_manifest() -> Path:
    manifest = Path(dbt_project.manifest_path)
    dbt_project.prepare_if_dev()
    if not manifest.exists() or manifest.stat().st_mtime < _newest_source_mtime():
        dbt_project.preparer.prepare(dbt_project)
    return manifest


prepare_manifest()
