"""Compare the marts of two builds (DuckDB tables against Parquet folders written by Spark).

Rows are matched on every column that is not floating point (the marts' keys and labels); floating-point
columns must agree within a relative tolerance. Returns human-readable differences, first rows included.
"""

from __future__ import annotations

import math
from pathlib import Path

import duckdb

FLOAT_TYPES = ("DOUBLE", "FLOAT", "REAL")


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def compare_table(conn: duckdb.DuckDBPyConnection, left: str, right: str, rel_tol: float, show: int = 5) -> list[str]:
    """Differences between relations `left` and `right` (SQL expressions usable in FROM)."""
    lcols = conn.execute(f"describe select * from {left}").fetchall()
    rcols = conn.execute(f"describe select * from {right}").fetchall()
    lnames, rnames = [c[0] for c in lcols], [c[0] for c in rcols]
    if lnames != rnames:
        return [f"columns differ: {lnames} vs {rnames}"]
    floats = [c[0] for c in lcols if c[1].upper() in FLOAT_TYPES]
    keys = [c for c in lnames if c not in floats]
    problems: list[str] = []
    nl = conn.execute(f"select count(*) from {left}").fetchone()[0]
    nr = conn.execute(f"select count(*) from {right}").fetchone()[0]
    if nl != nr:
        problems.append(f"row counts differ: {nl} vs {nr}")
    key_list = ", ".join(_q(k) for k in keys)
    dup = conn.execute(
        f"select count(*) from (select {key_list or '1'} from {left} group by all having count(*) > 1)"
    ).fetchone()[0]
    if dup:
        # Not a key: compare whole rows with floats rounded to the tolerance's significant digits.
        digits = max(1, int(round(-math.log10(rel_tol))) - 1)
        rounded = ", ".join(
            f"round({_q(c)}, {digits} - cast(ceil(log10(abs({_q(c)}) + 1e-300)) as integer))" if c in floats else _q(c)
            for c in lnames
        )
        for a, b, side in ((left, right, "only in first"), (right, left, "only in second")):
            rows = conn.execute(
                f"select {rounded} from {a} except all select {rounded} from {b} limit {show}"
            ).fetchall()
            problems += [f"{side}: {r}" for r in rows]
        return problems
    on = " and ".join(f"l.{_q(k)} is not distinct from r.{_q(k)}" for k in keys) or "true"

    def differs(c: str) -> str:
        a, b = f"l.{_q(c)}", f"r.{_q(c)}"
        return f"({a} is null) <> ({b} is null) or abs({a} - {b}) > {rel_tol} * greatest(abs({a}), abs({b}), 1e-300)"

    mismatch = " or ".join(differs(c) for c in floats) or "false"
    sel = ", ".join(
        [f"coalesce(l.{_q(k)}, r.{_q(k)}) as {_q(k)}" for k in keys]
        + [f"l.{_q(c)} as {_q('first.' + c)}, r.{_q(c)} as {_q('second.' + c)}" for c in floats]
    )
    sql = (
        f"select {sel}, case when l.__present is null then 'only in second' when r.__present is null "
        f"then 'only in first' else 'values differ' end as why "
        f"from (select *, true as __present from {left}) as l "
        f"full outer join (select *, true as __present from {right}) as r on {on} "
        f"where l.__present is null or r.__present is null or ({mismatch})"
    )
    n = conn.execute(f"select count(*) from ({sql})").fetchone()[0]
    if n:
        cols = [d[0] for d in conn.execute(f"select * from ({sql}) limit 0").description]
        rows = conn.execute(f"select * from ({sql}) limit {show}").fetchall()
        problems.append(f"{n} differing rows; first {len(rows)}:")
        problems += ["  " + ", ".join(f"{c}={v!r}" for c, v in zip(cols, r, strict=True)) for r in rows]
    return problems


def compare_published(first: Path, second: Path, rel_tol: float = 1e-9) -> dict[str, list[str]]:
    """Every table of schema `marts` in two published warehouses (e.g. built by DuckDB and by Spark)."""
    conn = duckdb.connect()
    conn.execute(f"attach '{first}' as a (read_only)")
    conn.execute(f"attach '{second}' as b (read_only)")

    def tables(db: str) -> set[str]:
        sql = "select table_name from information_schema.tables where table_catalog = ? and table_schema = 'marts'"
        return {r[0] for r in conn.execute(sql, [db]).fetchall()} - {"warehouse_build_info"}

    ta, tb = tables("a"), tables("b")
    out: dict[str, list[str]] = {t: [f"only in {first if t in ta else second}"] for t in ta ^ tb}
    for t in sorted(ta & tb):
        out[t] = compare_table(conn, f"a.marts.{_q(t)}", f"b.marts.{_q(t)}", rel_tol)
    conn.close()
    return out
