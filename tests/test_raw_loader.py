"""The raw layer: every seed family loads; reruns are identical; bad files fail precisely and change nothing."""

from __future__ import annotations

import duckdb
import pytest

from dagster_project.paths import PROJECT_ROOT, SEEDS_DIR
from dagster_project.raw.loader import SeedValidationError, load_table, seed_files
from dagster_project.raw.schemas import BY_NAME, TABLES


def _table_digest(conn: duckdb.DuckDBPyConnection, table: str) -> tuple[int, str]:
    return conn.execute(
        f"select count(*), coalesce(md5(string_agg(t::varchar, '|' order by t::varchar)), '') from raw.{table} t"
    ).fetchone()


@pytest.mark.parametrize("spec", TABLES, ids=lambda s: s.name)
def test_every_seed_family_loads(spec, warehouse):
    files = seed_files(SEEDS_DIR, spec)
    assert files, f"no seed files for {spec.name} in seeds/{spec.family}"
    with duckdb.connect(str(warehouse / "build.duckdb")) as conn:
        result = load_table(conn, spec, files, root=PROJECT_ROOT)
        assert result.row_count > 0
        assert set(result.files) == {str(p.relative_to(PROJECT_ROOT)) for p in files}
        columns = [r[0] for r in conn.execute(f"describe raw.{spec.name}").fetchall()]
        assert columns[: len(spec.column_names)] == list(spec.column_names)


def test_rerun_on_unchanged_files_is_identical(warehouse):
    with duckdb.connect(str(warehouse / "build.duckdb")) as conn:
        for spec in TABLES:
            load_table(conn, spec, seed_files(SEEDS_DIR, spec), root=PROJECT_ROOT)
        first = {s.name: _table_digest(conn, s.name) for s in TABLES}
        for spec in TABLES:
            load_table(conn, spec, seed_files(SEEDS_DIR, spec), root=PROJECT_ROOT)
        second = {s.name: _table_digest(conn, s.name) for s in TABLES}
    assert first == second


LISTINGS = BY_NAME["listings"]
GOOD = (SEEDS_DIR / "reference" / "listings.csv").read_text()
BABA_LINE = next(i for i, line in enumerate(GOOD.splitlines(), 1) if line.startswith("BABA,"))


def _mutate(old: str, new: str) -> str:
    assert old in GOOD
    return GOOD.replace(old, new, 1)


# (case, file content, expected line, expected column, words expected in the message)
BAD_FILES = [
    ("bad_type", _mutate("NYSE,US,USD,8,", "NYSE,US,USD,eight,"), BABA_LINE, "ordinary_shares_per_unit", "eight"),
    ("missing_column", GOOD.replace(",exchange,", ",", 1), 1, "exchange", "missing column"),
    (
        "duplicate_key",
        GOOD + GOOD.splitlines()[BABA_LINE - 1] + "\n",
        len(GOOD.splitlines()) + 1,
        "symbol",
        "duplicate primary key",
    ),
    (
        "null_required",
        _mutate("Alibaba Group ADS,alibaba,ads,", "Alibaba Group ADS,alibaba,,"),
        BABA_LINE,
        "instrument_type",
        "required",
    ),
    ("unknown_enum", _mutate("NYSE,US,USD,8,", "NYSE,XX,USD,8,"), BABA_LINE, "market", "not allowed"),
    ("empty_file", "", 1, None, "empty"),
    ("header_only", GOOD.splitlines()[0] + "\n", 2, None, "no data rows"),
    (
        "truncated_last_line",
        GOOD.rstrip("\n")[: GOOD.rstrip("\n").rfind(",", 0, len(GOOD) - 60)] + "\n",
        len(GOOD.splitlines()),
        None,
        "MISSING COLUMNS",
    ),
    ("semicolon_delimited", GOOD.replace(",", ";"), 1, None, "comma-delimited"),
    (
        "rule_broken",
        _mutate("NYSE,US,USD,8,", "NYSE,US,USD,-8,"),
        BABA_LINE,
        "ordinary_shares_per_unit",
        "equity_has_ratio",
    ),
]


@pytest.mark.parametrize("case,content,line,column,words", BAD_FILES, ids=[c[0] for c in BAD_FILES])
def test_bad_file_names_file_line_column_and_leaves_table_unchanged(
    case, content, line, column, words, warehouse, tmp_path
):
    db = warehouse / "build.duckdb"
    with duckdb.connect(str(db)) as conn:
        load_table(conn, LISTINGS, seed_files(SEEDS_DIR, LISTINGS), root=PROJECT_ROOT)
        before = _table_digest(conn, "listings")

        bad_dir = tmp_path / "seeds" / "reference"
        bad_dir.mkdir(parents=True)
        bad = bad_dir / "listings.csv"
        bad.write_text(content)
        with pytest.raises(SeedValidationError) as caught:
            load_table(conn, LISTINGS, [bad], root=tmp_path)
        error = caught.value
        assert error.file == "seeds/reference/listings.csv"
        assert error.line == line, str(error)
        if column:
            assert error.column == column, str(error)
        assert words.lower() in str(error).lower()
        assert "seeds/reference/listings.csv" in str(error) and f"line {line}" in str(error)
        assert _table_digest(conn, "listings") == before


def test_non_utf8_file_is_rejected_with_its_line(warehouse, tmp_path):
    bad = tmp_path / "listings.csv"
    bad.write_bytes(GOOD.encode().replace(b"Alibaba Group ADS", b"Alibaba \xff Group ADS"))
    with duckdb.connect(str(warehouse / "build.duckdb")) as conn, pytest.raises(SeedValidationError) as caught:
        load_table(conn, LISTINGS, [bad], root=tmp_path)
    assert (caught.value.line, caught.value.column) == (BABA_LINE, "name")
    assert "utf-8" in str(caught.value).lower()


def test_failed_load_of_a_new_table_creates_nothing(warehouse, tmp_path):
    bad = tmp_path / "listings.csv"
    bad.write_text(_mutate("NYSE,US,USD,8,", "NYSE,US,USD,eight,"))
    with duckdb.connect(str(warehouse / "build.duckdb")) as conn:
        with pytest.raises(SeedValidationError):
            load_table(conn, LISTINGS, [bad], root=tmp_path)
        tables = conn.execute("select table_name from information_schema.tables").fetchall()
    assert ("listings",) not in tables


def test_line_numbers_count_within_each_file(warehouse, tmp_path):
    header, *rows = GOOD.splitlines()
    baba = next(r for r in rows if r.startswith("BABA,"))
    others = [r for r in rows if r is not baba]
    (tmp_path / "listings_a.csv").write_text("\n".join([header, *others]) + "\n")
    (tmp_path / "listings_b.csv").write_text(
        "\n".join([header, baba.replace("NYSE,US,USD,8,", "NYSE,US,USD,x,")]) + "\n"
    )
    with duckdb.connect(str(warehouse / "build.duckdb")) as conn, pytest.raises(SeedValidationError) as caught:
        load_table(conn, LISTINGS, sorted(tmp_path.glob("listings_*.csv")), root=tmp_path)
    assert (caught.value.file, caught.value.line) == ("listings_b.csv", 2)


def test_declared_sources_match_the_schema_registry():
    text = (PROJECT_ROOT / "dbt" / "models" / "staging" / "__sources.yml").read_text()
    for spec in TABLES:
        assert f'asset_key: ["raw", "{spec.name}"]' in text, spec.name


def test_no_stray_files_in_seed_folders():
    """Every CSV under seeds/ belongs to a declared table (a misplaced file would be silently ignored)."""
    declared = {p for spec in TABLES for p in seed_files(SEEDS_DIR, spec)}
    stray = [p for p in SEEDS_DIR.rglob("*.csv") if p not in declared]
    assert not stray, stray


SEGMENTS = BY_NAME["segments_quarterly"]
SEGMENT_MAPPING = BY_NAME["segment_mapping"]
SEGMENTS_GOOD = (SEEDS_DIR / "segments" / "alibaba.csv").read_text()
MAPPING_GOOD = (SEEDS_DIR / "segment_mapping" / "alibaba.csv").read_text()
FY23_CLOUD = ",2023-05-18,FY2023,cloud,revenue_m,77203,"


def _load_reference_for_segments(conn) -> None:
    for spec in (BY_NAME["companies"], SEGMENT_MAPPING):
        load_table(conn, spec, seed_files(SEEDS_DIR, spec), root=PROJECT_ROOT)


@pytest.mark.parametrize(
    "case,old,new,words",
    [
        # a segment that does not exist in the presentation the row claims
        (
            "segment_not_in_presentation",
            FY23_CLOUD,
            ",2023-05-18,FY2023,cloud_intelligence,revenue_m,77203,",
            "not part",
        ),
        # a figure said to be published under a structure that was not yet (or no longer) in force that day
        ("published_outside_presentation", FY23_CLOUD, ",2023-08-10,FY2023,cloud,revenue_m,77203,", "outside"),
    ],
)
def test_segment_rows_must_belong_to_their_dated_presentation(case, old, new, words, warehouse, tmp_path):
    assert SEGMENTS_GOOD.count(old) == 1
    with duckdb.connect(str(warehouse / "build.duckdb")) as conn:
        _load_reference_for_segments(conn)
        load_table(conn, SEGMENTS, seed_files(SEEDS_DIR, SEGMENTS), root=PROJECT_ROOT)
        bad_dir = tmp_path / "seeds" / "segments"
        bad_dir.mkdir(parents=True)
        (bad_dir / "alibaba.csv").write_text(SEGMENTS_GOOD.replace(old, new))
        with pytest.raises(SeedValidationError) as caught:
            load_table(conn, SEGMENTS, [bad_dir / "alibaba.csv"], root=tmp_path)
        assert caught.value.column == "segment"
        assert words in str(caught.value)


def test_segment_presentations_may_not_overlap(warehouse, tmp_path):
    # FY2024 made to start before FY2023 ends: two structures in force on the same days
    bad = MAPPING_GOOD.replace("alibaba,FY2024,2023-08-10,", "alibaba,FY2024,2023-06-01,")
    assert bad != MAPPING_GOOD
    with duckdb.connect(str(warehouse / "build.duckdb")) as conn:
        load_table(conn, BY_NAME["companies"], seed_files(SEEDS_DIR, BY_NAME["companies"]), root=PROJECT_ROOT)
        bad_dir = tmp_path / "seeds" / "segment_mapping"
        bad_dir.mkdir(parents=True)
        (bad_dir / "alibaba.csv").write_text(bad)
        with pytest.raises(SeedValidationError) as caught:
            load_table(conn, SEGMENT_MAPPING, [bad_dir / "alibaba.csv"], root=tmp_path)
        assert "overlaps" in str(caught.value)
