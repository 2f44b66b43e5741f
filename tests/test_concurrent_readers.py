"""Readers and the pipeline at the same time: no reader error, no mixed build, no failed rebuild.

A reader process opens the published warehouse read-only in a loop (a new connection each time, as a
dashboard does) while the pipeline rebuilds and publishes several times. Each build stamps every row of
one mart with its build number, so an answer that mixed two builds would show two stamps.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import time

import duckdb

from dagster_project.serving.publish import BUILD_INFO_TABLE, publish

READER = textwrap.dedent(
    """
    import json, sys, time, duckdb
    path, stop_file, out = sys.argv[1], sys.argv[2], sys.argv[3]
    answers, errors = [], []
    import os
    while not os.path.exists(stop_file):
        try:
            conn = duckdb.connect(path, read_only=True)
            try:
                row = conn.execute(
                    "select (select built_at_utc::varchar from marts.{info}), "
                    "(select list(distinct sector) from marts.dim_company), "
                    "(select count(*) from marts.fct_listing_valuation_daily)"
                ).fetchone()
            finally:
                conn.close()
            answers.append([row[0], row[1], row[2]])
        except Exception as exc:  # every error counts
            errors.append(repr(exc))
        time.sleep(0.01)
    json.dump({{"answers": answers, "errors": errors}}, open(out, "w"))
    """
).format(info=BUILD_INFO_TABLE)


def _stamp_build(build_db, number: int) -> None:
    with duckdb.connect(str(build_db)) as conn:
        conn.execute("update marts.dim_company set sector = ?", [f"build-{number}"])


def _start_reader(tmp_path, published):
    script = tmp_path / "reader.py"
    script.write_text(READER)
    stop, out = tmp_path / "stop", tmp_path / "reader.json"
    process = subprocess.Popen([sys.executable, str(script), str(published), str(stop), str(out)])
    return process, stop, out


def _stop_reader(process, stop, out) -> dict:
    stop.write_text("stop")
    process.wait(timeout=60)
    return json.loads(out.read_text())


def test_reader_loop_during_rebuilds_sees_whole_builds_and_no_errors(built_warehouse, tmp_path, monkeypatch):
    folder = tmp_path / "warehouse"
    shutil.copytree(built_warehouse, folder, ignore=shutil.ignore_patterns("dbt_target", "charts"))
    monkeypatch.setenv("WAREHOUSE_DIR", str(folder))
    build_db, published = folder / "build.duckdb", folder / "warehouse.duckdb"
    _stamp_build(build_db, 0)
    publish(build_db, published)

    process, stop, out = _start_reader(tmp_path, published)
    try:
        time.sleep(0.5)
        # One real rebuild: dbt rewrites the build database while the reader keeps reading the published one.
        from dagster_project.cli.build import run

        run(("dbt",))
        failures = []
        for number in range(1, 7):
            _stamp_build(build_db, number)
            try:
                publish(build_db, published)
            except Exception as exc:  # a lock error here is what the design must prevent
                failures.append(repr(exc))
            time.sleep(0.3)
    finally:
        result = _stop_reader(process, stop, out)

    assert failures == []
    assert result["errors"] == [], result["errors"][:3]
    answers = result["answers"]
    assert len(answers) > 50, len(answers)
    stamps = [tuple(a[1]) for a in answers]
    assert all(len(s) == 1 for s in stamps), "an answer mixed two builds"
    seen = {s[0] for s in stamps}
    assert "build-0" in seen and "build-6" in seen, seen
    # each build time maps to exactly one build stamp
    by_time: dict[str, set] = {}
    for built_at, stamp, _ in answers:
        by_time.setdefault(built_at, set()).add(tuple(stamp))
    assert all(len(v) == 1 for v in by_time.values()), by_time


def test_an_open_reader_does_not_block_a_rebuild(built_warehouse, tmp_path, monkeypatch):
    folder = tmp_path / "warehouse"
    shutil.copytree(built_warehouse, folder, ignore=shutil.ignore_patterns("dbt_target", "charts"))
    monkeypatch.setenv("WAREHOUSE_DIR", str(folder))
    build_db, published = folder / "build.duckdb", folder / "warehouse.duckdb"
    _stamp_build(build_db, 1)
    publish(build_db, published)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time; c = duckdb.connect(sys.argv[1], read_only=True); "
            "print(c.execute('select distinct sector from marts.dim_company').fetchone()[0], flush=True); "
            "time.sleep(1800)",  # killed below; a loaded machine can take minutes to rebuild
            str(published),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "build-1"
        from dagster_project.cli.build import run

        _stamp_build(build_db, 2)
        run(("dbt", "publish"))  # dbt rewrites the build database, then publishes over the open file
        with duckdb.connect(str(published), read_only=True) as conn:
            built = conn.execute(f"select built_at_utc from marts.{BUILD_INFO_TABLE}").fetchone()[0]
        assert built is not None
        assert holder.poll() is None, "the reader was disturbed"
    finally:
        holder.kill()
        holder.wait()
    assert os.path.exists(published)
