"""Rules that need more than one row: neighbours in a series, other metrics of the same quarter,
or another raw table (listings, companies).

Each rule is a SQL query over the table being loaded (`{t}`: every declared column plus `_row`, a row
identity that follows file then line order in a full load, `filename` and `_line`) that returns the
offending rows as `(_row, _reason)`. The loader runs them inside the load's transaction, after the per-row rules, so
an error still names the file, the line and the column and leaves `raw.<table>` untouched.

Rules over a series (prices per symbol, FX per pair) look at most one row back or ahead (`lag`/`lead`
without an offset): when a load only appends later rows to a series, the loader re-checks the new rows
with the last CONTEXT_ROWS rows already loaded (raw/append.py), which is then exact.

Severity decides what happens to an offending row:
- `error`: the load fails (SeedValidationError) and nothing changes;
- `quarantine`: the row is moved to `raw_rejects.<table>` with the rule and the reason, and the load
  goes on without it. Used only where the row is provably redundant (an exact repeat of a line) or an
  isolated bad tick that the rest of the series contradicts.

Rules that read another raw table name it in `requires`; the loader loads the reference tables first
(TABLES order) and Dagster declares them as dependencies of the raw asset.
"""

from __future__ import annotations

from . import filings, market, reference
from .filings import EPS_ROUNDING, EPS_TOLERANCE
from .market import FX_JUMP_FACTOR, FX_MAX_GAP_DAYS, PRICE_JUMP_FACTOR
from .rule import CONTEXT_ROWS, CrossCheck

CROSS_CHECKS: tuple[CrossCheck, ...] = (*market.CHECKS, *filings.CHECKS, *reference.CHECKS)


def checks_for(table: str) -> tuple[CrossCheck, ...]:
    return tuple(c for c in CROSS_CHECKS if c.table == table)


def required_tables(table: str) -> tuple[str, ...]:
    """Raw tables that must be loaded before `table` (for Dagster deps and the load order)."""
    return tuple(dict.fromkeys(r for c in checks_for(table) for r in c.requires))


__all__ = [
    "CONTEXT_ROWS",
    "CROSS_CHECKS",
    "EPS_ROUNDING",
    "EPS_TOLERANCE",
    "FX_JUMP_FACTOR",
    "FX_MAX_GAP_DAYS",
    "PRICE_JUMP_FACTOR",
    "CrossCheck",
    "checks_for",
    "required_tables",
]
