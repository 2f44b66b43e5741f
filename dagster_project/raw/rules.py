"""The rules a load must pass, run as SQL on the rows being loaded: declared per-row rules (required,
allowed, primary key, row checks) and the rules over several rows or tables of `checks/`."""

from __future__ import annotations

import duckdb

from .base import RAW_SCHEMA, SeedValidationError, sql_str, table_exists
from .checks import CrossCheck, checks_for
from .schemas import RawTable


def rule_violations(spec: RawTable) -> list[tuple[str, str, str]]:
    """(column, SQL condition that marks a bad row, message) for every declared rule."""
    rules: list[tuple[str, str, str]] = []
    for c in spec.columns:
        if c.required:
            rules.append((c.name, f'"{c.name}" is null', "required value is missing"))
    for c in spec.columns:  # the reader parses NaN and Infinity as numbers, and NaN > 0 is true in SQL
        if c.type == "DOUBLE":
            rules.append((c.name, f'not isfinite("{c.name}")', "value is not a finite number (NaN or infinity)"))
    for c in spec.columns:
        if c.allowed:
            values = ", ".join(sql_str(v) for v in c.allowed)
            rules.append(
                (
                    c.name,
                    f'"{c.name}" is not null and cast("{c.name}" as varchar) not in ({values})',
                    f"value not allowed (allowed: {', '.join(c.allowed)})",
                )
            )
    key = ", ".join(f'"{k}"' for k in spec.primary_key)
    rules.append(
        (
            spec.primary_key[-1],
            f"row_number() over (partition by {key} order by filename, _line) > 1",
            f"duplicate primary key ({', '.join(spec.primary_key)}) — the same key appears on an earlier line",
        )
    )
    for check in spec.checks:
        rules.append(
            (check.column, f"({check.predicate}) is not true", f"fails rule '{check.name}': {check.predicate}")
        )
    return rules


def has_duplicate_keys(conn: duckdb.DuckDBPyConnection, spec: RawTable, staging: str) -> bool:
    key = ", ".join(f'"{k}"' for k in spec.primary_key)
    return conn.execute(f"select exists (select 1 from {staging} group by {key} having count(*) > 1)").fetchone()[0]


def failing_row_rules(
    conn: duckdb.DuckDBPyConnection, spec: RawTable, staging: str, duplicates: bool | None = None
) -> list[int]:
    """Indexes (in declared order) of the rules some row of `staging` breaks: every rule in one scan."""
    rules = rule_violations(spec)
    row_rules = [(i, cond) for i, (_, cond, _) in enumerate(rules) if "over (" not in cond]
    counts = conn.execute(
        "select " + ", ".join(f"count_if({cond})" for _, cond in row_rules) + f" from {staging}"
    ).fetchone()
    failing = {i for (i, _), n in zip(row_rules, counts, strict=True) if n}
    if has_duplicate_keys(conn, spec, staging) if duplicates is None else duplicates:
        failing |= {i for i, (_, cond, _) in enumerate(rules) if "over (" in cond}
    return sorted(failing)


def check_rules(conn: duckdb.DuckDBPyConnection, spec: RawTable, staging: str, duplicates: bool) -> None:
    """Only a rule that fails is run again, to find its first line (the same first error as rule by rule)."""
    rules = rule_violations(spec)
    for i in failing_row_rules(conn, spec, staging, duplicates):
        column, condition, message = rules[i]
        bad = conn.execute(
            f"select filename, _line, count(*) over () from (select *, {condition} as _bad from {staging}) "
            "where _bad order by filename, _line limit 1"
        ).fetchone()
        if bad:
            raise SeedValidationError(bad[0], int(bad[1]), column, message, rule=message, rows=int(bad[2]))


def run_cross_checks(
    conn: duckdb.DuckDBPyConnection,
    spec: RawTable,
    staging: str,
    severity: str,
    strict: bool,
    skipped: list[str],
    duplicated_keys: bool,
) -> int:
    """Run the rules of `checks/` of one severity; quarantine or raise. Returns rows quarantined."""
    quarantined = 0
    for check in (c for c in checks_for(spec.name) if c.severity == severity):
        if check.name == "exact_duplicate_row" and not duplicated_keys:
            continue  # two identical lines share their primary key: without a repeated key there is nothing to find
        missing = [r for r in check.requires if not table_exists(conn, RAW_SCHEMA, r)]
        if missing:
            if strict:
                raise SeedValidationError(
                    f"seeds/{spec.family}/{spec.pattern}",
                    None,
                    check.column,
                    f"rule '{check.name}' needs {', '.join(f'raw.{m}' for m in missing)}: load it first",
                    rule=check.name,
                )
            skipped.append(check.name)
            continue
        found = f"_found_{spec.name}"
        conn.execute(f"create or replace temp table {found} as {check.sql.format(t=staging)}")
        if severity == "quarantine":
            quarantined += quarantine(conn, spec, staging, found, check)
        else:
            bad = conn.execute(
                f"select s.filename, s._line, f._reason, count(*) over () from {found} f "
                f"join {staging} s using (_row) order by s.filename, s._line limit 1"
            ).fetchone()
            if bad:
                raise SeedValidationError(
                    bad[0],
                    int(bad[1]),
                    check.column,
                    f"fails rule '{check.name}': {bad[2]}",
                    rule=check.name,
                    rows=int(bad[3]),
                )
        conn.execute(f"drop table if exists temp.{found}")
    return quarantined


def quarantine(conn: duckdb.DuckDBPyConnection, spec: RawTable, staging: str, found: str, check: CrossCheck) -> int:
    cols = ", ".join(f's."{c}"' for c in spec.column_names)
    conn.execute(
        f"insert into _rejects_{spec.name} select {cols}, s.filename, s._line, ?, ?, f._reason "
        f"from {staging} s join {found} f using (_row)",
        [check.name, check.column],
    )
    n = conn.execute(f"select count(*) from {found}").fetchone()[0]
    conn.execute(f"delete from {RAW_SCHEMA}.{spec.name} where rowid in (select _row from {found})")
    return int(n)


def any_cross_check_finding(conn: duckdb.DuckDBPyConnection, spec: RawTable, staging: str, rows: str) -> bool:
    """Whether any rule of checks/ (either severity) flags a row of `staging` whose _row is in `rows`."""
    for check in checks_for(spec.name):
        hit = conn.execute(
            f"select exists (select 1 from ({check.sql.format(t=staging)}) f where f._row in ({rows}))"
        ).fetchone()[0]
        if hit:
            return True
    return False
