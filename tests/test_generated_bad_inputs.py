"""Generated bad input: hypothesis mutates real seed files the way vendor exports go wrong, and every example
must end in one of three reported ways, never in silently changed data:

- the load fails with a SeedValidationError naming the mutated file, a line and a declared column (a column
  may be missing only when the whole file is the defect: empty, or not UTF-8 at all), and `raw.<table>` keeps
  its previous content;
- or the offending rows are quarantined into `raw_rejects.<table>`, each with its file, line and reason;
- or the mutation did not change what was loaded (rows only reordered, a date the reader reads the same).

And the published warehouse (DuckDB file and Parquet) is byte-identical after every example.

Each example swaps one mutated file into a copy of seeds/ and runs the raw step's load of that table (the
same `load_table` call as `cli/build.py` and the Dagster raw asset) on a copy of a good build. `make test` runs
GENERATED_BAD_INPUTS_FAST examples (derandomized: the same ones every run); `make test-slow` runs
GENERATED_BAD_INPUTS_SLOW examples from a fresh seed (hypothesis prints it with a failing example).
"""

from __future__ import annotations

import csv
import io
import os
import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warehouse_state import published_state

from dagster_project.database import connect_build
from dagster_project.paths import SEEDS_DIR
from dagster_project.raw.loader import SeedValidationError, load_table, seed_files
from dagster_project.raw.schemas import TABLES, RawTable

FAST_EXAMPLES = int(os.environ.get("GENERATED_BAD_INPUTS_FAST", "30"))
SLOW_EXAMPLES = int(os.environ.get("GENERATED_BAD_INPUTS_SLOW", "400"))
NUMERIC = {"DOUBLE", "INTEGER", "BIGINT"}
MAX_ROWS = 400  # rows of a long file a row-level mutation may pick from (the defect's place, not its kind)


def spec_for(path: Path) -> RawTable:
    return next(s for s in TABLES if s.family == path.parent.name and path.match(s.pattern))


SEED_FILES = sorted(p.relative_to(SEEDS_DIR) for s in TABLES for p in seed_files(SEEDS_DIR, s))


@dataclass(frozen=True)
class Mutated:
    kind: str
    data: bytes
    whole_file: bool = False  # the defect is the file itself: no single column to name
    line: int | None = None  # the line the defect is on, when one line carries it


def _serialize(header: list[str], rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def _cells(spec: RawTable, rows: list[list[str]], want) -> list[tuple[int, int]]:
    """(row, column) of the non-empty cells whose column satisfies `want`, within MAX_ROWS rows."""
    columns = [i for i, c in enumerate(spec.columns) if want(c)]
    return [(r, i) for r in range(min(len(rows), MAX_ROWS)) for i in columns if rows[r][i].strip()]


def _numeric_cells(spec, rows, minimum=0.0):
    def big(r, i):
        try:
            return abs(float(rows[r][i])) >= minimum
        except ValueError:
            return False

    return [(r, i) for r, i in _cells(spec, rows, lambda c: c.type in NUMERIC) if big(r, i)]


@st.composite
def mutations(draw) -> tuple[Path, Mutated]:
    relative = draw(st.sampled_from(SEED_FILES))
    spec = spec_for(SEEDS_DIR / relative)
    text = (SEEDS_DIR / relative).read_text(encoding="utf-8")
    header, *rows = list(csv.reader(io.StringIO(text)))
    n = len(rows)
    row = st.integers(0, min(n, MAX_ROWS) - 1)

    kind = draw(
        st.sampled_from(
            [
                "delete_column",
                "swap_columns",
                "truncate_line",
                "truncate_file",
                "double_line",
                "wrong_delimiter",
                "utf16",
                "bom",
                "latin1_value",
                "stray_quote",
                "date_format",
                "thousands_separator",
                "non_finite",
                "empty_required",
                "duplicate_key_other_values",
                "rows_out_of_order",
                "zero_bytes",
            ]
        )
    )
    if kind == "delete_column":
        i = draw(st.integers(0, len(header) - 1))
        data = _serialize(header[:i] + header[i + 1 :], [r[:i] + r[i + 1 :] for r in rows])
        return relative, Mutated(kind, data.encode(), line=1)
    if kind == "swap_columns":
        i, j = draw(st.lists(st.integers(0, len(header) - 1), min_size=2, max_size=2, unique=True))

        def swap(r):
            r = list(r)
            r[i], r[j] = r[j], r[i]
            return r

        return relative, Mutated(kind, _serialize(swap(header), [swap(r) for r in rows]).encode(), line=1)
    if kind in ("truncate_line", "truncate_file"):
        r = draw(row)
        line = _serialize(header, [rows[r]]).split("\n")[1]
        last_comma = line.rindex(",")
        cut = line[: draw(st.integers(1, last_comma))]  # at least the last field is gone, something is left
        before = _serialize(header, rows[:r])
        after = "" if kind == "truncate_file" else _serialize(header, rows[r + 1 :]).split("\n", 1)[1]
        ending = "" if kind == "truncate_file" and draw(st.booleans()) else "\n"
        return relative, Mutated(kind, (before + cut + ending + after).encode(), line=r + 2)
    if kind == "double_line":
        r = draw(row)
        at = draw(st.integers(r + 1, n))
        return relative, Mutated(kind, _serialize(header, rows[:at] + [rows[r]] + rows[at:]).encode())
    if kind == "wrong_delimiter":
        sep = draw(st.sampled_from([";", "\t", "|"]))
        return relative, Mutated(kind, _serialize(header, rows).replace(",", sep).encode(), line=1)
    if kind == "utf16":
        return relative, Mutated(kind, text.encode(draw(st.sampled_from(["utf-16", "utf-16-le"]))), whole_file=True)
    if kind == "bom":
        return relative, Mutated(kind, b"\xef\xbb\xbf" + text.encode(), line=1)
    if kind == "zero_bytes":
        return relative, Mutated(kind, b"", whole_file=True, line=1)
    if kind == "rows_out_of_order":
        return relative, Mutated(kind, _serialize(header, draw(st.permutations(rows))).encode())

    # Cell-level defects: pick a cell the defect applies to (another kind when the file has none).
    def with_cell(candidates, value_of, mark=None) -> tuple[Path, Mutated]:
        if not candidates:
            return relative, Mutated("rows_out_of_order", _serialize(header, list(reversed(rows))).encode())
        r, i = draw(st.sampled_from(candidates))
        changed = [list(x) for x in rows]
        changed[r][i] = mark or value_of(changed[r][i])
        data = _serialize(header, changed).encode()
        if mark:
            data = data.replace(mark.encode(), value_of(rows[r][i]))
        return relative, Mutated(kind, data, line=r + 2)

    if kind == "latin1_value":
        free_text = _cells(spec, rows, lambda c: c.type == "VARCHAR" and not c.allowed)
        return with_cell(free_text, lambda v: "Soci\u00e9t\u00e9 ".encode("latin-1") + v.encode(), "@@LATIN1@@")
    if kind == "stray_quote":
        return with_cell(_cells(spec, rows, lambda c: True), lambda v: b'"' + v.encode(), "@@QUOTE@@")
    if kind == "date_format":
        fmt = draw(st.sampled_from(["%d/%m/%Y", "%m/%d/%Y", "%Y/%m/%d", "%d.%m.%Y", "%b %d %Y", "%Y%m%d", "%d-%m-%Y"]))

        def redate(v: str) -> str:
            import datetime as dt

            return dt.date.fromisoformat(v).strftime(fmt)

        return with_cell(_cells(spec, rows, lambda c: c.type == "DATE"), redate)
    if kind == "thousands_separator":
        return with_cell(_numeric_cells(spec, rows, 1000.0), lambda v: f"{float(v):,.2f}")
    if kind == "non_finite":
        word = draw(st.sampled_from(["NaN", "nan", "inf", "-inf", "Infinity", "-Infinity"]))
        return with_cell(_cells(spec, rows, lambda c: c.type == "DOUBLE"), lambda v: word)
    if kind == "empty_required":
        return with_cell(_cells(spec, rows, lambda c: c.required), lambda v: "")
    if kind == "duplicate_key_other_values":
        key = {spec.column_names.index(k) for k in spec.primary_key}
        others = [i for i, c in enumerate(spec.columns) if i not in key and c.type in NUMERIC | {"VARCHAR"}]
        others = [i for i in others if not spec.columns[i].allowed]
        r = draw(row)
        i = draw(st.sampled_from(others))
        copy, kind_of = list(rows[r]), spec.columns[i].type
        try:
            if kind_of == "DOUBLE":
                copy[i] = repr(float(copy[i] or 0) * 1.5 + 1)
            elif kind_of in ("INTEGER", "BIGINT"):
                copy[i] = str(int(copy[i] or 0) + 1)
            else:
                copy[i] = copy[i] + " (restated)"
        except ValueError:
            copy[i] = copy[i] + " (restated)"
        at = draw(st.integers(r + 1, n))
        return relative, Mutated(kind, _serialize(header, rows[:at] + [copy] + rows[at:]).encode())
    raise AssertionError(kind)


def table_rows(table: str, keep_lines: bool) -> Counter:
    """raw.<table> as a multiset of rows (without line numbers unless `keep_lines`)."""
    with connect_build(read_only=True) as conn:
        exclude = "" if keep_lines else " exclude (_source_line)"
        return Counter(conn.execute(f"select *{exclude} from raw.{table}").fetchall())


def check_example(seeds: Path, warehouse: Path, relative: Path, mutated: Mutated, outcomes: Counter) -> None:
    spec = spec_for(seeds / relative)
    shown = f"seeds/{relative}"
    published_before = published_state(warehouse)
    table_before = table_rows(spec.name, keep_lines=True)
    original = (seeds / relative).read_bytes()
    (seeds / relative).write_bytes(mutated.data)
    try:
        with connect_build() as conn:
            result = load_table(conn, spec, seed_files(seeds, spec), root=seeds.parent, strict_cross_checks=True)
    except SeedValidationError as error:
        message = str(error)
        assert error.file == shown and message.startswith(shown), (mutated.kind, message)
        assert isinstance(error.line, int) and error.line >= 1, (mutated.kind, message)
        if mutated.line and mutated.kind != "stray_quote":
            # one line carries the defect: the error names it (or, for a cut file, the line after it)
            assert error.line in (mutated.line, mutated.line + 1), (mutated.kind, mutated.line, message)
        if not mutated.whole_file:
            assert error.column in spec.column_names, (mutated.kind, message)
        assert f"line {error.line}" in message
        assert table_rows(spec.name, keep_lines=True) == table_before, "a failed load changed raw." + spec.name
        outcomes[(mutated.kind, "fail")] += 1
    else:
        if result.quarantined:
            with connect_build(read_only=True) as conn:
                rejects = conn.execute(
                    f"select _source_file, _source_line, rule, reason from raw_rejects.{spec.name}"
                ).fetchall()
            assert len(rejects) == result.quarantined
            assert all(f == shown and line >= 2 and rule and reason for f, line, rule, reason in rejects), rejects
            outcomes[(mutated.kind, "quarantine")] += 1
        else:
            after = table_rows(spec.name, keep_lines=False)
            assert after == _without_lines(spec, table_before), (
                f"{mutated.kind} on {shown} was loaded without an error or a quarantine, and changed the data"
            )
            outcomes[(mutated.kind, "unchanged data")] += 1
    finally:
        (seeds / relative).write_bytes(original)
    assert published_state(warehouse) == published_before, "the published warehouse changed"
    if table_rows(spec.name, keep_lines=True) != table_before:  # back to the good load: examples stay independent
        with connect_build() as conn:
            load_table(conn, spec, seed_files(seeds, spec), root=seeds.parent, strict_cross_checks=True)


def _without_lines(spec: RawTable, rows: Counter) -> Counter:
    with connect_build(read_only=True) as conn:
        names = [d[0] for d in conn.execute(f"select * from raw.{spec.name} limit 0").description]
    position = names.index("_source_line")
    return Counter({r[:position] + r[position + 1 :]: n for r, n in rows.items()})


@pytest.fixture(scope="module")
def sandbox(built_warehouse, tmp_path_factory) -> tuple[Path, Path]:
    """A copy of seeds/ and of the session's good build, shared by the examples of one test."""
    root = tmp_path_factory.mktemp("generated")
    shutil.copytree(SEEDS_DIR, root / "seeds")
    shutil.copytree(built_warehouse, root / "warehouse", ignore=shutil.ignore_patterns("dagster_home", "charts"))
    return root / "seeds", root / "warehouse"


def run_property(sandbox, monkeypatch, examples: int, derandomize: bool) -> Counter:
    seeds, warehouse = sandbox
    monkeypatch.setenv("WAREHOUSE_DIR", str(warehouse))
    outcomes: Counter = Counter()

    @settings(
        max_examples=examples,
        deadline=None,
        derandomize=derandomize,
        database=None,
        print_blob=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(mutations())
    def every_generated_file_is_refused_or_reported(case):
        check_example(seeds, warehouse, *case, outcomes)

    every_generated_file_is_refused_or_reported()
    total = sum(outcomes.values())
    by_outcome = Counter()
    for (_, outcome), count in outcomes.items():
        by_outcome[outcome] += count
    print(f"\ngenerated bad inputs tried: {total}; outcomes: {dict(by_outcome)}; published changes: 0")
    for (kind, outcome), count in sorted(outcomes.items()):
        print(f"  {kind:28} {outcome:15} {count}")
    return outcomes


def test_generated_bad_inputs_are_refused_or_reported(sandbox, monkeypatch):
    outcomes = run_property(sandbox, monkeypatch, FAST_EXAMPLES, derandomize=True)
    assert sum(outcomes.values()) >= min(FAST_EXAMPLES, 20)


@pytest.mark.slow
def test_many_generated_bad_inputs_are_refused_or_reported(sandbox, monkeypatch):
    outcomes = run_property(sandbox, monkeypatch, SLOW_EXAMPLES, derandomize=False)
    assert sum(outcomes.values()) >= SLOW_EXAMPLES // 2
    assert len({kind for kind, _ in outcomes}) >= 15  # (nearly) every kind of defect was tried
