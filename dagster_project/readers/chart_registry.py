"""Every chart of the story, once: the PNG files (readers/charts.py) and the Superset dashboard
(bi/setup_superset.py) are both drawn from this registry, and both only read mart columns.

A rule never lives here: whether a median is reliable, which capex definition a company uses and the steps of
the sum of the parts are mart columns (`*_is_reliable`, `is_preferred_definition`, fct_segment_valuation_bridge).
Standard library only, so `bi/` (its own virtualenv) imports it too. Adding a chart is one entry in CHARTS.
"""

from __future__ import annotations

import string
from dataclasses import dataclass

CATALYST_WINDOW_START = "2024-09-01"
ALIBABA_SYMBOL = "9988.HK"


@dataclass(frozen=True)
class Series:
    column: str  # the mart column drawn
    label: str
    only_when: tuple[str, ...] = ()  # boolean mart columns (or `not <column>`): drawn only where all are true
    scale: float = 1.0  # the value is divided by this (1e9: USD bn)
    style: str = "-"  # PNG line style
    color: str | None = None  # PNG colour

    def sql(self, aggregate: str, also_when: tuple[str, ...] = ()) -> str:
        """Superset's metric: the aggregate of the column (scaled), where the flags (and also_when) hold."""
        when = " AND ".join((*self.only_when, *also_when))
        value = f"CASE WHEN {when} THEN {self.column} END" if when else self.column
        scaled = f" / {self.scale:g}" if self.scale != 1 else ""
        return f"{aggregate.upper()}({value}){scaled}"


@dataclass(frozen=True)
class Filter:
    column: str
    op: str  # ==, >=, <=, is_true
    value: str | None = None

    def sql(self) -> str:
        if self.op == "is_true":
            return self.column
        return f"{self.column} {'=' if self.op == '==' else self.op} '{self.value}'"


@dataclass(frozen=True)
class Chart:
    name: str  # the chart's title (Superset slice name)
    table: str  # the mart it reads (schema marts)
    kind: str  # line | bar | stacked_bar | waterfall | events
    x: str  # the x axis (date, week, quarter or step column)
    series: tuple[Series, ...] = ()
    columns: tuple[str, ...] = ()  # `events`: the columns listed (event date first, label last)
    group_by: str | None = None  # a column whose values split each series
    filters: tuple[Filter, ...] = ()
    aggregate: str = "avg"  # how Superset aggregates a series over its x value and group
    description: str = ""
    y_label: str = ""
    y_format: str = "SMART_NUMBER"  # Superset's d3 format
    png: str | None = None  # the PNG file it is drawn in (charts sharing a file are its panels, in order)
    width: int = 6  # dashboard columns (of 12)

    def title_columns(self) -> list[str]:
        """The mart columns named in the title's {column} fields (assumptions stated in the title)."""
        return [name for _, name, _, _ in string.Formatter().parse(self.name) if name]

    def read_columns(self) -> list[str]:
        """Every mart column the chart reads."""
        names = [self.x, *self.columns, *(s.column for s in self.series), *self.title_columns()]
        names += [flag.removeprefix("not ") for s in self.series for flag in s.only_when]
        names += [f.column for f in self.filters] + ([self.group_by] if self.group_by else [])
        return list(dict.fromkeys(names))


def _pe(column: str, label: str, reliable: str, color: str, style: str = "-") -> Series:
    return Series(column, label, only_when=(reliable,), color=color, style=style)


CHARTS: tuple[Chart, ...] = (
    Chart(
        name="China vs US median P/E (TTM)",
        table="fct_valuation_gap_daily",
        kind="line",
        x="date",
        series=(
            _pe("us_median_pe_ttm_gaap", "US median P/E (GAAP)", "us_median_is_reliable", "#1f77b4"),
            _pe("cn_median_pe_ttm_gaap", "China median P/E (GAAP)", "cn_median_is_reliable", "#d62728"),
            _pe(
                "us_median_pe_ttm_adjusted",
                "US median P/E (adjusted)",
                "us_median_adjusted_is_reliable",
                "#1f77b4",
                ":",
            ),
            _pe(
                "cn_median_pe_ttm_adjusted",
                "China median P/E (adjusted)",
                "cn_median_adjusted_is_reliable",
                "#d62728",
                ":",
            ),
        ),
        description="Median trailing P/E of the Chinese and US baskets, GAAP and adjusted (non-GAAP), where the "
        "median covers enough companies to be a basket's.",
        y_label="P/E (x)",
        y_format=".1f",
        png="pe_gap_china_vs_us.png",
        width=8,
    ),
    Chart(
        name="China / US P/E ratio",
        table="fct_valuation_gap_daily",
        kind="line",
        x="date",
        series=(
            Series(
                "cn_to_us_pe_ratio_adjusted",
                "China / US P/E (adjusted)",
                only_when=("cn_median_adjusted_is_reliable", "us_median_adjusted_is_reliable"),
            ),
            Series(
                "cn_to_us_pe_ratio",
                "China / US P/E (GAAP)",
                only_when=("cn_median_is_reliable", "us_median_is_reliable"),
            ),
        ),
        description="China basket median P/E divided by the US basket's (1.0 = no discount).",
        y_format=".2f",
        width=4,
    ),
    Chart(
        name=f"Alibaba ({ALIBABA_SYMBOL}) weekly return vs Hang Seng",
        table="fct_weekly_performance",
        kind="bar",
        x="week_ending",
        series=(
            Series("weekly_return", f"Alibaba ({ALIBABA_SYMBOL})", color="#ff7f0e"),
            Series("benchmark_return", "Hang Seng", color="#7f7f7f"),
            Series("excess_return", "Excess return", color="#2ca02c"),
        ),
        filters=(Filter("symbol", "==", ALIBABA_SYMBOL), Filter("week_ending", ">=", CATALYST_WINDOW_START)),
        aggregate="sum",
        description="Weekly total return of the Hong Kong line against the Hang Seng index, from autumn 2024.",
        y_label="weekly return",
        y_format=".1%",
        png="alibaba_weekly_vs_hang_seng.png",
        width=8,
    ),
    Chart(
        name="Catalysts",
        table="dim_ai_event",
        kind="events",
        x="event_date",
        columns=("event_type", "company_id", "title"),
        filters=(Filter("event_date", ">=", CATALYST_WINDOW_START),),
        description="Dated events in the window of the weekly chart.",
        png="alibaba_weekly_vs_hang_seng.png",  # drawn over the weekly returns
        width=4,
    ),
    Chart(
        # the derived number states its assumptions: {column} fields are filled from the mart (chart_data.py)
        name="Alibaba sum of the parts: what the market pays for cloud and AI, with e-commerce at "
        "{ecommerce_multiple:g}x post-tax adjusted EBITA and a {holdco_discount:.0%} holding discount on investments",
        table="fct_segment_valuation_bridge",
        kind="waterfall",
        x="step",
        series=(Series("value_usd", "USD bn", scale=1e9),),
        filters=(Filter("is_latest", "is_true"),),
        aggregate="sum",
        description="Market value less e-commerce (valued at a multiple of adjusted EBITA), net cash and "
        "investments: the remainder is what the market implicitly pays for cloud and AI.",
        y_label="USD bn",
        y_format=",.0f",
        png="alibaba_sum_of_the_parts.png",
    ),
    Chart(
        name="Capex by region (USD bn per calendar quarter)",
        table="fct_capex_region_quarterly",
        kind="bar",
        x="calendar_quarter",
        series=(
            Series("capex_usd", "all members reported", scale=1e9),
            Series("capex_usd_reported", "members missing (partial sum)", only_when=("not is_complete",), scale=1e9),
        ),
        group_by="region",
        aggregate="sum",
        description="Sum of each region's companies on one capex definition each. A quarter in which a member "
        "has not reported shows its partial sum as a separate series, never as the region's total.",
        y_label="USD bn",
        y_format=",.1f",
        png="capex_by_company_and_region.png",
    ),
    Chart(
        name="Capex by company (USD bn per calendar quarter)",
        table="fct_cloud_capex_quarterly",
        kind="stacked_bar",
        x="calendar_quarter",
        series=(Series("capex_usd", "Capex (USD bn)", scale=1e9),),
        group_by="company_id",
        filters=(Filter("is_preferred_definition", "is_true"),),
        aggregate="sum",
        description="One capex definition per company (var capex_preferred_definition): definitions never mixed.",
        y_label="USD bn",
        y_format=",.1f",
        png="capex_by_company_and_region.png",
        width=12,
    ),
)


def png_files() -> dict[str, list[Chart]]:
    """PNG file -> the charts drawn in it, in registry order."""
    files: dict[str, list[Chart]] = {}
    for chart in CHARTS:
        if chart.png:
            files.setdefault(chart.png, []).append(chart)
    return files


def required_columns() -> dict[str, list[str]]:
    """Mart -> the columns the charts read (checked before the dashboard is set up)."""
    needed: dict[str, list[str]] = {}
    for chart in CHARTS:
        needed.setdefault(chart.table, [])
        needed[chart.table] += [c for c in chart.read_columns() if c not in needed[chart.table]]
    return needed


EXPOSURES_PATH = "dbt/models/exposures.yml"


def exposures_yml() -> str:
    """dbt/models/exposures.yml: the dashboard and the PNG charts as dbt exposures, on the marts they read."""
    dashboard = sorted({c.table for c in CHARTS})
    pngs = sorted({c.table for c in CHARTS if c.png})

    def refs(tables: list[str]) -> list[str]:
        return [f"      - ref('{t}')" for t in tables]

    owner = ["    owner:", "      name: Analytics engineering", "      email: analytics@example.com"]
    return (
        "\n".join(
            [
                "version: 2",
                "",
                "# Generated from dagster_project/readers/chart_registry.py by `make contract`: do not edit by hand.",
                "# Who reads the marts: lineage in dbt docs (and the Dagster graph) shows each consumer.",
                "exposures:",
                "  - name: superset_china_tech_rerating_dashboard",
                "    label: Superset dashboard — China tech re-rating",
                "    type: dashboard",
                "    maturity: medium",
                "    url: http://127.0.0.1:8088/superset/dashboard/china-tech-rerating/",
                "    description: >",
                f"      The Superset dashboard set up by `make bi` on the published warehouse: {len(CHARTS)} charts",
                "      (dagster_project/readers/chart_registry.py).",
                "    depends_on:",
                *refs(dashboard),
                *owner,
                "",
                "  - name: story_charts_png",
                "    label: Story charts (PNG)",
                "    type: analysis",
                "    maturity: high",
                "    description: >",
                f"      The {len(png_files())} PNG charts rendered by the Dagster asset `warehouse/charts` into",
                "      WAREHOUSE_DIR/charts/ and attached to its materialization.",
                "    depends_on:",
                *refs(pngs),
                *owner,
            ]
        )
        + "\n"
    )
