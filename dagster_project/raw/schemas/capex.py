"""Capital expenditure as reported each quarter, and the capex guidance companies announce."""

from __future__ import annotations

from .model import (
    ANNOUNCED_AFTER_END,
    COMPANY,
    CURRENCIES,
    POSITIVE_VALUE,
    Column,
    RawTable,
    RowCheck,
    provenance,
    quarter_keys,
)

CAPEX_DEFINITIONS = (
    "cash_purchases_of_ppe",  # cash-flow statement: purchases of property and equipment
    "cash_purchases_of_ppe_and_intangibles",  # incl. intangibles where the company combines them
    "cash_purchases_of_ppe_and_land_use_rights",  # Alibaba's "capital expenditures"
    "incl_finance_leases",  # cash capex plus principal payments on finance leases
    "capex_incl_finance_lease_additions",  # cash additions plus assets newly acquired under finance leases (Microsoft)
    "capex_additions_ppe_and_intangibles",  # accrual basis: additions, not cash (Tencent's headline)
    "cash_purchases_net_of_disposals",  # cash capex net of sale proceeds (JD's headline)
)

CAPEX_QUARTERLY = RawTable(
    name="capex_quarterly",
    family="capex",
    description="Quarterly capital expenditure, with the definition the figure follows.",
    columns=(
        *quarter_keys(),
        Column("definition", "VARCHAR", allowed=CAPEX_DEFINITIONS, description="which capex line the figure is"),
        Column("value", "DOUBLE", description="millions of `currency`"),
        Column("currency", "VARCHAR", allowed=CURRENCIES, description="currency of value"),
        *provenance(with_kind=True),
    ),
    primary_key=("company_id", "fiscal_year", "fiscal_quarter", "definition"),
    date_column="period_end",
    checks=(ANNOUNCED_AFTER_END, POSITIVE_VALUE),
)

GUIDANCE = RawTable(
    name="guidance",
    family="guidance",
    description="Announced capital-expenditure guidance (low/high, millions).",
    columns=(
        Column("company_id", "VARCHAR", description=COMPANY),
        Column("period_label", "VARCHAR", description="e.g. CY2025, FY2026, FY2026-FY2028"),
        Column("period_start", "DATE", description="first day of the period guided"),
        Column("period_end", "DATE", description="last day of the period guided"),
        Column("announced_on", "DATE", description="date of the statement"),
        Column("low", "DOUBLE", description="millions of `currency`"),
        Column("high", "DOUBLE", required=False, description="null when a single figure"),
        Column("currency", "VARCHAR", allowed=CURRENCIES, description="currency of low and high"),
        Column(
            "definition",
            "VARCHAR",
            allowed=CAPEX_DEFINITIONS + ("company_reported",),
            description="capex line guided; company_reported = as the company states it",
        ),
        Column(
            "guidance_kind",
            "VARCHAR",
            allowed=(
                "formal_outlook",
                "executive_statement",
                "investment_statement",
                "run_rate",
                "multi_year_plan",
            ),
            description="what the statement is: a formal outlook for the period, an executive's statement, a "
            "statement of investment plans, a quarter's spending offered as a run-rate, or a multi-year total",
        ),
        *provenance(with_kind=True),
    ),
    primary_key=("company_id", "period_label", "announced_on"),
    date_column="announced_on",
    checks=(
        RowCheck("low_positive", "low > 0", "low"),
        RowCheck("high_not_below_low", "high is null or high >= low", "high"),
        RowCheck("period_end_after_start", "period_end > period_start", "period_end"),
    ),
)
