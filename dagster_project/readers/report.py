"""The story as one static HTML page, from the published marts only: each of the story's questions answered by
a chart (the registry's PNG, embedded as a data URI) and a short table, with units, coverage and assumptions
visible. Nothing is fetched when it opens (no script, stylesheet, font or image from elsewhere).

    python -m dagster_project.cli.report      # or `make report`; also the Dagster asset warehouse/report
"""

from __future__ import annotations

import base64
import datetime as dt
import html
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from ..database import connect_published
from ..settings import dbt_var
from .chart_registry import ALIBABA_SYMBOL, png_files
from .charts import figure, png_bytes

REPORT_NAME = "china_tech_rerating.html"

Format = Callable[[object], str]


def _num(digits: int, suffix: str = "", scale: float = 1.0, sign: bool = False) -> Format:
    def fmt(v: object) -> str:
        if v is None or v != v:  # noqa: PLR0124 - NaN
            return "n/a"
        return f"{float(v) / scale:{'+' if sign else ''},.{digits}f}{suffix}"

    return fmt


def _text(v: object) -> str:
    if v is None:
        return "—"
    if isinstance(v, dt.datetime | dt.date):
        return v.isoformat()[:10]
    if isinstance(v, bool):
        return "yes" if v else "no"
    return str(v)


PE, PCT, BN, INT = _num(1, "x"), _num(1, "%", 0.01, sign=True), _num(1, "", 1e9), _num(0)


@dataclass(frozen=True)
class Table:
    caption: str
    sql: str
    columns: tuple[tuple[str, Format], ...]  # header (with its unit) and format, one per selected column


@dataclass(frozen=True)
class Section:
    question: str
    png: str  # the registry's PNG file answering it
    tables: tuple[Table, ...]
    notes_sql: str  # one row: (coverage, assumptions), as text from the marts


RELIABLE = "cn_median_is_reliable and us_median_is_reliable"
CATALYSTS = "title ilike '%deepseek%' or title ilike '%qwen%'"

SECTIONS = (
    Section(
        "How far were Chinese tech stocks marked down against US big tech?",
        "pe_gap_china_vs_us.png",
        (
            Table(
                "Median trailing GAAP P/E of each basket: first, cheapest (relative to the US) and latest day on "
                "which both medians are reliable",
                f"""with r as (select * from marts.fct_valuation_gap_daily where {RELIABLE})
                select * from (
                  (select 'first' as point, date, cn_median_pe_ttm_gaap, us_median_pe_ttm_gaap, cn_to_us_pe_ratio,
                      cn_median_label, us_median_label from r order by date limit 1)
                  union all
                  (select 'deepest discount', date, cn_median_pe_ttm_gaap, us_median_pe_ttm_gaap, cn_to_us_pe_ratio,
                      cn_median_label, us_median_label from r order by cn_to_us_pe_ratio, date limit 1)
                  union all
                  (select 'latest', date, cn_median_pe_ttm_gaap, us_median_pe_ttm_gaap, cn_to_us_pe_ratio,
                      cn_median_label, us_median_label from r order by date desc limit 1)
                ) as t order by date""",
                (
                    ("point", _text),
                    ("date", _text),
                    ("China median P/E (x)", PE),
                    ("US median P/E (x)", PE),
                    ("China / US (ratio)", _num(2)),
                    ("China coverage", _text),
                    ("US coverage", _text),
                ),
            ),
        ),
        """select 'days from ' || cast(min(date) as varchar) || ' to ' || cast(max(date) as varchar)
                || ' (the as-of date: last day with a company valuation); both medians reliable on '
                || cast(count(*) filter (where {reliable}) as varchar) || ' of ' || cast(count(*) as varchar)
                || ' days', 'trailing twelve months GAAP P/E per company from its primary listing, companies with'
                || ' positive earnings only (loss-makers are NM); a median is drawn only from at least '
                || '{least} companies (dbt var median_min_companies)'
           from marts.fct_valuation_gap_daily""",
    ),
    Section(
        "How fast did they re-rate after DeepSeek and Qwen?",
        "alibaba_weekly_vs_hang_seng.png",
        (
            Table(
                "Average cumulative abnormal return over trading days [0, +5] after each DeepSeek and Qwen "
                "release, per basket (market model on each listing's fitted benchmark)",
                f"""select e.event_date, e.title, c.basket, c.n_listings, c.caar, c.t_kp
                from marts.fct_ai_event_caar as c
                inner join marts.dim_ai_event as e on e.event_id = c.event_id
                where c.scope = 'event' and c.benchmark_view = 'fitted' and c.window_name = 'p0_p5'
                  and ({CATALYSTS})
                order by e.event_date, c.basket""",
                (
                    ("event date", _text),
                    ("event", _text),
                    ("basket", _text),
                    ("listings (N)", INT),
                    ("CAAR [0,+5] (%)", PCT),
                    ("t (Kolari-Pynnönen)", _num(2)),
                ),
            ),
        ),
        """select 'Alibaba ({alibaba}) weekly returns to ' || cast(max(week_ending) filter (where weekly_return
                is not null) as varchar) || '; the Hang Seng series ends ' || cast(max(week_ending) filter (where
                benchmark_return is not null) as varchar) || ' (excess returns stop there)',
                'weekly total return where dividends are recorded (price return otherwise); CARs from a market '
                || 'model estimated before each event; |t| < 2 is not distinguishable from noise'
           from marts.fct_weekly_performance where symbol = '{alibaba}'""",
    ),
    Section(
        "What does the market pay for Alibaba's e-commerce versus its cloud and AI?",
        "alibaba_sum_of_the_parts.png",
        (
            Table(
                "Sum of the parts on the latest day with every part (USD bn)",
                """select step, value_usd from marts.fct_segment_valuation_bridge where is_latest
                union all
                select '= implied value of cloud and AI', any_value(implied_cloud_ai_value_usd)
                from marts.fct_segment_valuation_bridge where is_latest
                order by step""",
                (("step", _text), ("USD bn", _num(1, "", 1e9, sign=True))),
            ),
            Table(
                "Both directions: each part's value implied by the market at the other's stated multiple",
                """select date, implied_cloud_ev_to_revenue, cloud_revenue_multiple, implied_ecommerce_multiple,
                    ecommerce_multiple
                from marts.fct_segment_valuation
                where date = (select max(date) from marts.fct_segment_valuation_bridge)""",
                (
                    ("date", _text),
                    ("cloud & AI EV / TTM revenue implied (x)", PE),
                    ("stated cloud multiple (x revenue)", PE),
                    ("e-commerce multiple implied (x post-tax EBITA)", PE),
                    ("stated e-commerce multiple (x)", PE),
                ),
            ),
        ),
        """select 'latest day with every part: ' || cast(date as varchar) || '; e-commerce on '
                || ecommerce_ttm_period_label || ' trailing adjusted EBITA; parts missing: '
                || coalesce(sotp_parts_missing, 'none') || '; Ant Group: ' || ant_group_value_basis,
                'e-commerce at ' || format('{{:g}}', ecommerce_multiple) || 'x post-tax TTM adjusted EBITA (tax '
                || format('{{:.1f}}', tax_rate * 100) || '%), investments less a '
                || format('{{:.0f}}', holdco_discount * 100) || '% holding-company discount, cloud and AI in the '
                || 'other direction at ' || format('{{:g}}', cloud_revenue_multiple) || 'x TTM revenue (dbt vars; '
                || 'analyst assumptions, not market data)'
           from marts.fct_segment_valuation
           where date = (select max(date) from marts.fct_segment_valuation_bridge)""",
    ),
    Section(
        "How does Chinese capex compare with the US hyperscalers'?",
        "capex_by_company_and_region.png",
        (
            Table(
                "Capex per region, the last four quarters with any member reported (USD bn; a partial sum when "
                "members are missing)",
                """select calendar_quarter, region, capex_usd_reported, companies_reporting, companies_expected,
                    missing_companies
                from marts.fct_capex_region_quarterly where companies_reporting > 0
                qualify row_number() over (partition by region order by calendar_quarter desc) <= 4
                order by region, calendar_quarter""",
                (
                    ("quarter", _text),
                    ("region", _text),
                    ("capex (USD bn)", BN),
                    ("members reported", INT),
                    ("members", INT),
                    ("missing", _text),
                ),
            ),
            Table(
                "Latest capex guidance (USD bn; a multi-year plan also per year)",
                """select company_id, period_label, midpoint_usd, annualised_midpoint_usd, guidance_kind, basis
                from marts.fct_capex_guidance where is_latest order by row_type, company_id""",
                (
                    ("company", _text),
                    ("period", _text),
                    ("midpoint (USD bn)", BN),
                    ("per year (USD bn)", BN),
                    ("kind", _text),
                    ("basis", _text),
                ),
            ),
        ),
        """select 'quarters ' || min(calendar_quarter) || ' to ' || max(calendar_quarter) || '; complete quarters: '
                || cast(count(*) filter (where is_complete and region = 'us') as varchar) || ' US, '
                || cast(count(*) filter (where is_complete and region = 'china') as varchar) || ' China',
                'regions on one common definition: ' || any_value(capex_definition) || '; per company its '
                || 'headline definition (dbt var capex_preferred_definition), never two for one company'
           from marts.fct_capex_region_quarterly""",
    ),
)


CSS = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#222;max-width:1120px;margin:2em auto;
padding:0 1em}
h1{font-size:1.7em;margin-bottom:.2em}h2{font-size:1.25em;margin-top:2.2em;border-top:1px solid #ddd;padding-top:1em}
img{max-width:100%;height:auto;display:block;margin:1em 0}
table{border-collapse:collapse;margin:.6em 0 1em;font-size:.88em}caption{text-align:left;font-weight:600;padding:.3em 0}
th,td{border-bottom:1px solid #e3e3e3;padding:.25em .6em;text-align:left;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums}td.d{white-space:nowrap}th{background:#f5f5f5}
.meta{color:#555;font-size:.9em}
.notes{background:#fafafa;border-left:3px solid #2ca02c;padding:.4em .8em;font-size:.88em}
"""


def _params() -> dict[str, str]:
    return {"least": str(dbt_var("median_min_companies")), "reliable": RELIABLE, "alibaba": ALIBABA_SYMBOL}


def _table(conn: duckdb.DuckDBPyConnection, table: Table) -> str:
    rows = conn.execute(table.sql).fetchall()
    head = "".join(f"<th>{html.escape(h)}</th>" for h, _ in table.columns)
    body = []
    for row in rows:
        cells = []
        for value, (_, fmt) in zip(row, table.columns, strict=True):
            css = " class=n" if fmt is not _text else " class=d" if isinstance(value, dt.date) else ""
            cells.append(f"<td{css}>{html.escape(fmt(value))}</td>")
        body.append(f"<tr>{''.join(cells)}</tr>")
    if not body:
        body = [f"<tr><td colspan={len(table.columns)}>no rows in the published marts</td></tr>"]
    return f"<table><caption>{html.escape(table.caption)}</caption><tr>{head}</tr>{''.join(body)}</table>"


def _chart(conn: duckdb.DuckDBPyConnection, png: str, alt: str) -> str:
    data = base64.b64encode(png_bytes(figure(conn, png_files()[png]))).decode()
    return f'<img src="data:image/png;base64,{data}" alt="{html.escape(alt)}">'


def render(conn: duckdb.DuckDBPyConnection) -> str:
    """The report's HTML, from the published marts behind `conn`."""
    built, as_of = conn.execute(
        "select (select max(built_at_utc) from marts.warehouse_build_info), "
        "(select max(date) from marts.fct_valuation_gap_daily)"
    ).fetchone()
    parts = [
        "<!doctype html><html lang=en><head><meta charset=utf-8>",
        "<meta name=viewport content='width=device-width,initial-scale=1'>",
        f"<title>China tech re-rating</title><style>{CSS}</style></head><body>",
        "<h1>China tech re-rating</h1>",
        f"<p class=meta>Data as of {_text(as_of)} · warehouse built {_text(built)} UTC · every figure from the "
        "published marts (schema <code>marts</code>); amounts in US dollars, P/E as multiples (x), returns in "
        "per cent.</p>",
    ]
    for section in SECTIONS:
        coverage, assumptions = conn.execute(section.notes_sql.format(**_params())).fetchone()
        parts += [
            f"<section><h2>{html.escape(section.question)}</h2>",
            _chart(conn, section.png, section.question),
            *(_table(conn, t) for t in section.tables),
            f"<p class=notes><b>Coverage:</b> {html.escape(_text(coverage))}<br>"
            f"<b>Assumptions:</b> {html.escape(_text(assumptions))}</p></section>",
        ]
    parts.append("</body></html>")
    return "\n".join(parts)


def write_report(published: Path, out_dir: Path) -> Path:
    """Render the report from the published warehouse into out_dir (written, then renamed into place)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with connect_published(locked=False, path=published) as conn:
        text = render(conn)
    path = out_dir / REPORT_NAME
    tmp = path.with_suffix(".tmp.html")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    return path
