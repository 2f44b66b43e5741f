"""The contract's vocabulary: what a column, a per-row rule and a raw table are, and the columns many tables share."""

from __future__ import annotations

from dataclasses import dataclass, field

BASIS = ("reported", "derived", "estimate")
# Where a figure was read: the company's own filing, release or exchange announcement first; a data vendor
# or the press only where the company's own document could not be found (seeds/README.md).
SOURCE_KINDS = ("filing", "company_release", "exchange_announcement", "data_vendor", "press")
CURRENCIES = ("CNY", "USD", "HKD")


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # DuckDB type used to parse the CSV text
    required: bool = True
    allowed: tuple[str, ...] | None = None  # enumerated values, when the column is a code
    description: str = ""


@dataclass(frozen=True)
class RowCheck:
    """A rule each row must satisfy, as a SQL predicate over the table's columns."""

    name: str
    predicate: str
    column: str  # the column to blame in the error message


@dataclass(frozen=True)
class RawTable:
    name: str  # table in schema `raw`
    family: str  # folder under seeds/
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    date_column: str | None = None  # reported as the key range of a load
    # Columns naming one series (a symbol, an FX pair) whose files grow by appending later dates: such a
    # load only parses and checks the appended bytes (loader.py, append path). Empty: always reloaded.
    append_series: tuple[str, ...] = ()
    checks: tuple[RowCheck, ...] = ()
    pattern: str = "*.csv"
    column_names: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "column_names", tuple(c.name for c in self.columns))

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


def provenance(with_kind: bool = False) -> tuple[Column, ...]:
    kind = (
        (Column("source_kind", "VARCHAR", allowed=SOURCE_KINDS, description=" | ".join(SOURCE_KINDS)),)
        if with_kind
        else ()
    )
    return (
        Column("source", "VARCHAR", description="filing, press release or vendor, and where"),
        *kind,
        Column("basis", "VARCHAR", allowed=BASIS, description="reported | derived | estimate"),
        Column("note", "VARCHAR", required=False, description="arithmetic for derived rows, caveats"),
    )


COMPANY = "company, as in raw.companies (e.g. alibaba)"


def quarter_keys(full_year_allowed: bool = False, with_announced: bool = True) -> tuple[Column, ...]:
    quarters = ("0", "1", "2", "3", "4") if full_year_allowed else ("1", "2", "3", "4")
    return (
        Column("company_id", "VARCHAR", description=COMPANY),
        Column("fiscal_year", "INTEGER", description="year in which the fiscal year ends"),
        Column(
            "fiscal_quarter",
            "INTEGER",
            allowed=quarters,
            description="1-4" + (", or 0 for the full fiscal year" if full_year_allowed else ""),
        ),
        Column("period_end", "DATE", description="last day of the fiscal period"),
        *((Column("announced_on", "DATE", description="date the quarter was made public"),) if with_announced else ()),
    )


ANNOUNCED_AFTER_END = RowCheck("announced_after_period_end", "announced_on > period_end", "announced_on")
POSITIVE_VALUE = RowCheck("value_positive", "value > 0", "value")
