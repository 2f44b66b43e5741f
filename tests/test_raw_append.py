"""The raw loader's unchanged and append paths give exactly what a full load of the same files gives.

A daily run appends one trading day to every price file and to FX: the loader parses and checks only the
appended bytes (with the last rows of each series they extend). Anything it would have to reject or
quarantine, and any change before a file's last loaded line, sends the table down the full path, so errors
and quarantines are those of a full load. Shipped seeds, copied to a temporary folder.
"""

from __future__ import annotations

import shutil

import duckdb
import pytest

from dagster_project.paths import SEEDS_DIR
from dagster_project.raw.loader import SeedValidationError, load_table, seed_files
from dagster_project.raw.schemas import TABLES

SOURCE = "test appended row,estimate,"


@pytest.fixture
def seeds(tmp_path):
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, folder)
    return folder


def _load_all(db, seeds) -> dict:
    with duckdb.connect(str(db)) as conn:
        return {
            s.name: load_table(conn, s, seed_files(seeds, s), root=seeds.parent, strict_cross_checks=True)
            for s in TABLES
        }


def _rows(db, table: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as conn:
        return conn.execute(f"select * from raw.{table} order by all").fetchall()


def _state(db) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as conn:
        return conn.execute("select * from raw._seed_files order by all").fetchall()


def _append(path, *lines: str) -> None:
    with path.open("a") as f:
        for line in lines:
            f.write(line + "\n")


def _next_day_rows(seeds) -> None:
    """One more trading day for two listings (one with a brand-new file) and both FX pairs."""
    _append(
        seeds / "prices" / "BABA.csv",
        f"BABA,2026-03-27,USD,113.5,114.9,112.8,114.2,,9876500,dividend_adjusted,{SOURCE}",
    )
    _append(
        seeds / "prices" / "9988.HK.csv",
        f"9988.HK,2026-08-21,HKD,111.0,112.4,110.1,111.9,,45678900,unadjusted,{SOURCE}",
        f"9988.HK,2026-08-24,HKD,112.0,113.0,111.0,112.5,,40000000,unadjusted,{SOURCE}",
    )
    _append(
        seeds / "fx" / "usd_fx_daily.csv", f"2026-02-24,USD,CNY,7.1650,{SOURCE}", f"2026-01-20,USD,HKD,7.8500,{SOURCE}"
    )


def test_append_equals_a_full_load_and_unchanged_tables_are_not_reloaded(seeds, tmp_path):
    db, fresh = tmp_path / "incremental.duckdb", tmp_path / "full.duckdb"
    first = _load_all(db, seeds)
    assert {r.mode for r in first.values()} == {"full"}

    again = _load_all(db, seeds)
    assert {r.mode for r in again.values()} == {"unchanged"}
    assert {n: r.row_count for n, r in again.items()} == {n: r.row_count for n, r in first.items()}

    _next_day_rows(seeds)
    appended = _load_all(db, seeds)
    assert appended["prices_daily"].mode == "append" and appended["prices_daily"].rows_loaded == 3
    assert appended["fx_daily"].mode == "append" and appended["fx_daily"].rows_loaded == 2
    # corporate_actions' rules read listings only: unchanged; nothing else changed either
    assert {n for n, r in appended.items() if r.mode != "unchanged"} == {"prices_daily", "fx_daily"}

    _load_all(fresh, seeds)
    for spec in TABLES:  # every row, its file and its line
        assert _rows(db, spec.name) == _rows(fresh, spec.name), spec.name
    assert _state(db) == _state(fresh)
    assert appended["prices_daily"].max_date == "2026-08-24"


def test_a_new_file_is_appended_too(seeds, tmp_path):
    db, fresh = tmp_path / "incremental.duckdb", tmp_path / "full.duckdb"
    _load_all(db, seeds)
    baba = (seeds / "prices" / "BABA.csv").read_text().splitlines()
    # the same listing split over two files: the later dates in a new one
    (seeds / "prices" / "BABA.csv").write_text("\n".join(baba[:-2]) + "\n")
    _load_all(db, seeds)
    (seeds / "prices" / "BABA_2025H2.csv").write_text("\n".join([baba[0], *baba[-2:]]) + "\n")
    result = _load_all(db, seeds)["prices_daily"]
    assert (result.mode, result.rows_loaded) == ("append", 2)
    _load_all(fresh, seeds)
    assert _rows(db, "prices_daily") == _rows(fresh, "prices_daily")


@pytest.mark.parametrize(
    "line, column, words",
    [
        # the key of a loaded row: a duplicate primary key, as in a full load
        (f"BABA,2025-06-30,USD,1,1,1,113.41,,1,dividend_adjusted,{SOURCE}", "date", "duplicate primary key"),
        # a date before the series' last date: still valid, but only a full load orders it
        (f"BABA,2025-06-29,USD,113,114,112,113.2,,1,dividend_adjusted,{SOURCE}", None, None),
        # a value the reader cannot parse
        (f"BABA,2026-03-27,USD,1,1,1,abc,,1,dividend_adjusted,{SOURCE}", "close", "close"),
        # a close 20x the last loaded one: a level shift, judged with the loaded neighbour
        (f"BABA,2026-03-27,USD,2280,2300,2270,2281,,1,dividend_adjusted,{SOURCE}", "close", "units changed"),
        # a code not allowed
        (f"BABA,2026-03-27,EUR,113,114,112,113.2,,1,dividend_adjusted,{SOURCE}", "currency", "not allowed"),
    ],
    ids=["duplicate_key", "out_of_order", "unparseable", "level_shift", "not_allowed"],
)
def test_an_append_the_rules_reject_fails_exactly_as_a_full_load(seeds, tmp_path, line, column, words):
    db, fresh = tmp_path / "incremental.duckdb", tmp_path / "full.duckdb"
    _load_all(db, seeds)
    before = _rows(db, "prices_daily")
    _append(seeds / "prices" / "BABA.csv", line)
    if words is None:  # accepted, through the full path
        result = _load_all(db, seeds)["prices_daily"]
        assert result.mode == "full" and "reloaded" in result.full_load_reason
        _load_all(fresh, seeds)
        assert _rows(db, "prices_daily") == _rows(fresh, "prices_daily")
        return
    with pytest.raises(SeedValidationError) as incremental:
        _load_all(db, seeds)
    with pytest.raises(SeedValidationError) as full:
        _load_all(fresh, seeds)
    assert str(incremental.value) == str(full.value)
    assert (incremental.value.column, words.lower() in str(incremental.value).lower()) == (column, True)
    assert _rows(db, "prices_daily") == before  # nothing half-written


def test_an_edit_before_the_last_loaded_line_reloads_in_full(seeds, tmp_path):
    db, fresh = tmp_path / "incremental.duckdb", tmp_path / "full.duckdb"
    _load_all(db, seeds)
    path = seeds / "prices" / "BABA.csv"
    lines = path.read_text().splitlines()
    fields = lines[5].split(",")
    fields[6] = "99.5"  # the close of line 6, long since loaded
    lines[5] = ",".join(fields)
    path.write_text("\n".join(lines) + "\n")
    _append(path, f"BABA,2026-03-27,USD,113.5,114.9,112.8,114.2,,9876500,dividend_adjusted,{SOURCE}")
    result = _load_all(db, seeds)["prices_daily"]
    assert result.mode == "full" and "before its last loaded line" in result.full_load_reason
    _load_all(fresh, seeds)
    assert _rows(db, "prices_daily") == _rows(fresh, "prices_daily")


def test_a_changed_reference_table_rechecks_everything_that_reads_it(seeds, tmp_path):
    db = tmp_path / "incremental.duckdb"
    _load_all(db, seeds)
    _next_day_rows(seeds)
    listings = seeds / "reference" / "listings.csv"
    listings.write_text(listings.read_text().replace("Alibaba", "Alibaba Group", 1))
    results = _load_all(db, seeds)
    assert results["listings"].mode == "full"
    assert results["prices_daily"].mode == "full"
    assert "reference table" in results["prices_daily"].full_load_reason
    assert results["corporate_actions"].mode == "full"
