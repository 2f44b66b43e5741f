"""Out of core (issue 18): the raw load's memory does not grow with the data, every writer spills under the
warehouse folder with a bounded memory, and a full build stops before it starts when the disk cannot hold it.

The tiny-memory load: 312,448 generated price rows (250 listings x 5 years) under a 32 MB DuckDB limit. The
loader before issue 18 fails here with DuckDB's OutOfMemoryException in its update of every row's line number
(the undo state of an update stays in memory until the commit; measured: 29.2/30.5 MiB used); now it spills.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from dagster_project.cli import build
from dagster_project.database import connect_build, connect_memory
from dagster_project.paths import PROJECT_ROOT, duckdb_memory_limit, duckdb_temp_dir, machine_memory_bytes
from dagster_project.raw import disk
from dagster_project.raw.loader import load_table, seed_files
from dagster_project.raw.schemas import BY_NAME


@pytest.fixture(scope="module")
def generated_seeds(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("generated") / "seeds"
    # Not check=True: the generator's final header check fails while it lacks the newest families (see
    # test_contract's xfail); the tables loaded here are written before it.
    subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "benchmarks" / "generate.py"), "--listings", "250", "--years", "5"]
        + ["--seed", "7", "--out", str(out)],
        capture_output=True,
    )
    assert len(list((out / "prices").glob("*.csv"))) == 250
    return out


def test_raw_load_spills_under_a_tiny_memory_limit(generated_seeds, warehouse, monkeypatch):
    monkeypatch.setenv("DUCKDB_MEMORY_LIMIT", "32MB")
    with connect_build() as conn:  # the pipeline's connection: its memory bound and spill folder
        for name in ("companies", "listings", "prices_daily"):  # prices' cross-file rules read the first two
            spec = BY_NAME[name]
            result = load_table(conn, spec, seed_files(generated_seeds, spec), generated_seeds.parent, True)

    expected = json.loads((generated_seeds.parent / "manifest.json").read_text())["rows"]["prices"]
    assert expected > 300_000
    assert result.row_count == expected and result.mode == "full"
    with duckdb.connect(str(warehouse / "build.duckdb"), read_only=True) as conn:
        # Every file's rows carry lines 2..n+1, and each row is its file's line (checked on one file's content).
        bad = conn.execute(
            "select count(*) from (select _source_file, count(*) n, min(_source_line) lo, max(_source_line) hi, "
            "count(distinct _source_line) d from raw.prices_daily group by all) where lo <> 2 or hi <> n + 1 or d <> n"
        ).fetchone()[0]
        assert bad == 0
        sample = sorted((generated_seeds / "prices").glob("*.csv"))[17]
        lines = sample.read_text().splitlines()
        shown = str(sample.relative_to(generated_seeds.parent))
        for line_no in (2, len(lines) // 2, len(lines)):
            date = lines[line_no - 1].split(",")[1]
            found = conn.execute(
                "select cast(date as varchar) from raw.prices_daily where _source_file = ? and _source_line = ?",
                [shown, line_no],
            ).fetchone()
            assert found == (date,), (shown, line_no)
    assert not duckdb_temp_dir().exists()  # DuckDB removed its spill files (and the folder) on close


def test_every_writer_is_bounded_and_spills_under_the_warehouse(warehouse, monkeypatch):
    monkeypatch.delenv("DUCKDB_MEMORY_LIMIT", raising=False)
    share = machine_memory_bytes() // 8 >> 20
    assert duckdb_memory_limit() == f"{max(256, share)}MiB"
    for connect in (connect_build, connect_memory):
        with connect() as conn:
            limit, temp = conn.execute(
                "select current_setting('memory_limit'), current_setting('temp_directory')"
            ).fetchone()
        assert temp == str(warehouse / ".duckdb_tmp")
        assert limit.endswith("iB") and float(limit.split()[0]) > 0
    monkeypatch.setenv("DUCKDB_MEMORY_LIMIT", "300MB")
    with connect_build() as conn:
        assert conn.execute("select current_setting('memory_limit')").fetchone()[0] in {"286.1 MiB", "300.0 MB"}
    # dbt reads the same bound and spill folder from the environment the pipeline gives it.
    profile = (PROJECT_ROOT / "dbt" / "profiles.yml").read_text()
    assert (
        "env_var('DUCKDB_MEMORY_LIMIT'" in profile and "temp_directory: \"{{ env_var('DUCKDB_TEMP_DIRECTORY'" in profile
    )
    from dagster_project.paths import dbt_env

    env = dbt_env()
    assert env["DUCKDB_MEMORY_LIMIT"] == "300MB" and env["DUCKDB_TEMP_DIRECTORY"] == str(warehouse / ".duckdb_tmp")


def test_full_build_stops_before_it_starts_when_the_disk_is_too_small(warehouse, monkeypatch):
    from dagster_project.paths import SEEDS_DIR

    need = disk.estimate(SEEDS_DIR, warehouse)
    assert need.input_bytes == sum(p.stat().st_size for p in SEEDS_DIR.rglob("*.csv"))
    assert need.required_bytes > need.input_bytes  # raw tables, models, spill and the published copy
    monkeypatch.setattr(disk, "free_bytes", lambda folder: need.required_bytes - 1)
    with pytest.raises(disk.NotEnoughDisk) as caught:
        build.run(seeds=SEEDS_DIR)
    message = str(caught.value)
    assert str(warehouse) in message and "free" in message and "WAREHOUSE_DIR" in message
    assert not (warehouse / "build.duckdb").exists()  # nothing was started
    monkeypatch.setattr(disk, "free_bytes", lambda folder: need.required_bytes + 1)
    disk.check(SEEDS_DIR, warehouse)  # enough: no error
    monkeypatch.setenv("WAREHOUSE_DISK_CHECK", "0")
    monkeypatch.setattr(disk, "free_bytes", lambda folder: 0)
    disk.check(SEEDS_DIR, warehouse)  # switched off


def test_an_existing_build_database_counts_as_room(tmp_path):
    seeds = tmp_path / "seeds" / "prices"
    seeds.mkdir(parents=True)
    (seeds / "a.csv").write_bytes(b"x" * 1_000_000)
    empty = disk.estimate(tmp_path / "seeds", tmp_path / "w1")
    built = tmp_path / "w2"
    built.mkdir()
    with open(built / "build.duckdb", "wb") as handle:
        handle.truncate(10_000_000)  # its free blocks are reused by the next build
    assert disk.estimate(tmp_path / "seeds", built).required_bytes < empty.required_bytes
    assert os.path.getsize(built / "build.duckdb") == 10_000_000


def test_spill_files_of_a_killed_process_are_removed_before_a_build(warehouse):
    spill = warehouse / ".duckdb_tmp"
    spill.mkdir()
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = spill / f"duckdb_temp_{dead.pid}_0_storage_DEFAULT-0.tmp"
    live = spill / f"duckdb_temp_{os.getpid()}_0_storage_DEFAULT-0.tmp"
    stale.write_bytes(b"x")
    live.write_bytes(b"x")
    assert disk.remove_stale_spill_files(warehouse) == [stale]
    assert live.exists() and not stale.exists()
    live.unlink()
    disk.remove_stale_spill_files(warehouse)
    assert not spill.exists()
