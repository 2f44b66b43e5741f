"""The dbt project as Dagster and the command line see it, and the dbt CLI resource.

Nothing happens on import: `prepare_manifest()` (re)builds the manifest when it is missing or older than a
model, macro or test, so a fresh clone needs no manual `dbt parse`; the Dagster definitions call it (the
command line's `dbt build` parses for itself). dbt is run from this interpreter's environment by its full
path, with `paths.dbt_env()`.

Fixed costs a run pays in Dagster and not on the command line, removed here (docs/benchmarks.md, "Dagster's
overhead"): dagster-dbt runs each dbt command in a new target folder and seeds it with a copy of
`dbt/target/partial_parse.msgpack`, which goes stale (dbt re-parses the whole project when the profile's
warehouse path or memory bound differ from the last parse, and a run's own partial-parse state was never
kept); and it loads the dbt adapter in process for row counts and column metadata this project does not
fetch. Every dbt command of the pipeline therefore runs in one target folder (`dbt_target_path()`), so each
run starts from the previous run's partial-parse state, and the resource skips the adapter.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from dagster_dbt import DbtCliResource, DbtProject

from ..paths import DBT_DIR, PROJECT_ROOT, dbt_env, dbt_settings, engine

DBT_EXECUTABLE = str(Path(sys.executable).parent / "dbt")

dbt_project = DbtProject(project_dir=DBT_DIR, profiles_dir=DBT_DIR)


def _newest_source_mtime() -> float:
    folders = [DBT_DIR / "models", DBT_DIR / "macros", DBT_DIR / "tests", PROJECT_ROOT / "analyses"]
    files = [DBT_DIR / "dbt_project.yml", DBT_DIR / "profiles.yml"]
    for folder in folders:
        files.extend(p for p in folder.rglob("*") if p.suffix in {".sql", ".yml", ".yaml"})
    return max((p.stat().st_mtime for p in files if p.exists()), default=0.0)


def prepare_manifest() -> Path:
    manifest = Path(dbt_project.manifest_path)
    if not manifest.exists() or manifest.stat().st_mtime < _newest_source_mtime():
        # dbt/target explicitly: a DBT_TARGET_PATH in the environment (a benchmark's) must not move the manifest
        run_dbt("parse", "--quiet", target_path=manifest.parent)
    return manifest


def dbt_target_path() -> Path:
    """Where the pipeline's dbt commands write their artefacts: $DBT_TARGET_PATH, or dbt/target."""
    configured = os.environ.get("DBT_TARGET_PATH")
    return Path(configured) if configured else DBT_DIR / "target"


def dbt_target() -> str:
    """The dbt/profiles.yml output for the configured engine (paths.engine())."""
    return "spark" if engine() == "spark" else "dev"


def run_dbt(*args: str, target_path: Path | None = None) -> None:
    """Run the dbt CLI on the project (outside Dagster: cli/build.py), on the configured engine's target."""
    command = [DBT_EXECUTABLE, *args, "--project-dir", str(DBT_DIR), "--profiles-dir", str(DBT_DIR)]
    if args and args[0] != "parse":  # the manifest is the same for both engines: parse with the default
        command += ["--target", dbt_target()]
    if target_path is not None:
        command += ["--target-path", str(target_path)]
    subprocess.run(command, check=True, cwd=DBT_DIR, env=dbt_env())


@contextmanager
def _dbt_environment() -> Iterator[None]:
    """The profile's variables (WAREHOUSE_DIR, the memory bound, the spill folder) as `paths` resolves them,
    for the length of one dbt call (the resource starts dbt with the current environment and reads the
    profile in process)."""
    settings = dbt_settings()
    previous = {name: os.environ.get(name) for name in settings}
    os.environ.update(settings)
    try:
        yield
    finally:
        for name, value in previous.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


class WarehouseDbtCli(DbtCliResource):
    """dagster-dbt's CLI resource, run with the warehouse folder the rest of the pipeline uses, in the
    pipeline's one dbt target folder (partial parsing from the previous run), without the in-process adapter."""

    def cli(self, *args, **kwargs):
        kwargs.setdefault("target_path", dbt_target_path())
        with _dbt_environment():
            return super().cli(*args, **kwargs)

    def _initialize_dbt_core_adapter(self, args):
        # Used by dagster-dbt only for fetch_row_counts() / fetch_column_metadata(), which dbt/assets.py does not
        # call (it counts rows itself); loading it cost 2-20 s a run (dbt's adapter import and plugin setup).
        return None


def dbt_cli() -> WarehouseDbtCli:
    return WarehouseDbtCli(project_dir=dbt_project, dbt_executable=DBT_EXECUTABLE, target=dbt_target())
