"""What a cross-file rule is, and the rules many tables share (exact repeats, known companies and symbols,
the reporting currency)."""

from __future__ import annotations

from dataclasses import dataclass

# Rows of a series already loaded that an append is re-checked with (the last one gains a neighbour).
CONTEXT_ROWS = 2


@dataclass(frozen=True)
class CrossCheck:
    name: str
    table: str
    column: str  # the column to blame in the error message
    sql: str  # select _row, _reason from ... {t} ...
    severity: str = "error"  # or "quarantine"
    requires: tuple[str, ...] = ()  # other raw tables read by the rule
    description: str = ""


def exact_duplicate(table: str, columns: tuple[str, ...], blame: str) -> CrossCheck:
    cols = ", ".join(f'"{c}"' for c in columns)
    return CrossCheck(
        name="exact_duplicate_row",
        table=table,
        column=blame,
        severity="quarantine",
        description="the same line twice (vendor re-export): the repeat is quarantined, the first kept",
        sql=f"""
            select _row, 'exact duplicate of line ' || first_line || ' of ' || first_file as _reason
            from (
                select _row,
                       first_value(_line) over w as first_line,
                       first_value(filename) over w as first_file,
                       row_number() over w as n
                from {{t}}
                window w as (partition by {cols} order by _row)
            )
            where n > 1
        """,
    )


def company_known(table: str) -> CrossCheck:
    return CrossCheck(
        name="company_known",
        table=table,
        column="company_id",
        requires=("companies",),
        description="company_id is declared in seeds/reference/companies.csv",
        sql="""
            select _row, 'unknown company_id ''' || company_id || ''' (not in raw.companies)' as _reason
            from {t}
            where company_id is not null and company_id not in (select company_id from raw.companies)
        """,
    )


def reporting_currency(table: str, where: str = "true") -> CrossCheck:
    return CrossCheck(
        name="currency_is_reporting_currency",
        table=table,
        column="currency",
        requires=("companies",),
        description="money amounts are in the company's reporting currency (raw.companies)",
        sql=f"""
            select _row, 'currency ' || s.currency || ' is not the reporting currency of '
                         || s.company_id || ' (' || c.reporting_currency || ')' as _reason
            from {{t}} s join raw.companies c using (company_id)
            where s.currency is not null and s.currency <> c.reporting_currency and ({where})
        """,
    )


def symbol_listed(table: str) -> CrossCheck:
    return CrossCheck(
        name="symbol_listed",
        table=table,
        column="symbol",
        requires=("listings",),
        description="symbol is declared in seeds/reference/listings.csv",
        sql="""
            select _row, 'unknown symbol ''' || symbol || ''' (not in raw.listings)' as _reason
            from {t} where symbol not in (select symbol from raw.listings)
        """,
    )
