"""Cross-file rules of the reference tables and the events: known companies, benchmarks that are listings."""

from __future__ import annotations

from .rule import CrossCheck, company_known

CHECKS: tuple[CrossCheck, ...] = (
    # --- reference and events ---------------------------------------------------------------------
    company_known("listings"),
    CrossCheck(
        name="benchmark_listed",
        table="listings",
        column="benchmark_symbol",
        description="a listing's benchmark is itself a listing in the same table",
        sql="""
            select _row, 'benchmark_symbol ''' || benchmark_symbol || ''' is not a listed symbol' as _reason
            from {t} where benchmark_symbol is not null and benchmark_symbol not in (select symbol from {t})
        """,
    ),
    company_known("events"),
)
