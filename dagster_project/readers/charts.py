"""The story in four PNG charts, rendered from the published warehouse (no BI tool needed).

Each chart reads one mart through a read-only connection; the same four views make up the Superset
dashboard (bi/).
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import matplotlib

matplotlib.use("Agg")  # files only, no display
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

DPI = 110


def _frame(conn: duckdb.DuckDBPyConnection, sql: str) -> pd.DataFrame:
    return conn.execute(sql).df()


def _save(fig, path: Path) -> Path:
    fig.tight_layout()
    tmp = path.with_suffix(".tmp.png")
    fig.savefig(tmp, dpi=DPI)
    plt.close(fig)
    tmp.replace(path)
    return path


# A median of fewer companies than this is one company's P/E, not a basket's: not drawn.
MIN_COMPANIES = 2


def pe_gap(conn, path: Path) -> Path:
    df = _frame(
        conn,
        f"""
        select date,
               case when cn_companies_covered_adjusted >= {MIN_COMPANIES} then cn_median_pe_ttm_adjusted end as cn_adj,
               case when us_companies_covered_adjusted >= {MIN_COMPANIES} then us_median_pe_ttm_adjusted end as us_adj,
               case when cn_companies_covered >= {MIN_COMPANIES} then cn_median_pe_ttm_gaap end as cn_gaap,
               case when us_companies_covered >= {MIN_COMPANIES} then us_median_pe_ttm_gaap end as us_gaap,
               cn_companies_covered, us_companies_covered
        from marts.fct_valuation_gap_daily order by date""",
    )
    fig, ax = plt.subplots(figsize=(10, 4.8))
    ax.plot(df["date"], df["us_gaap"], label="US basket, GAAP", color="#1f77b4")
    ax.plot(df["date"], df["cn_gaap"], label="China basket, GAAP", color="#d62728")
    ax.plot(df["date"], df["us_adj"], label="US basket, adjusted", color="#1f77b4", ls=":", alpha=0.8)
    ax.plot(df["date"], df["cn_adj"], label="China basket, adjusted", color="#d62728", ls=":", alpha=0.8)
    last = df.dropna(subset=["cn_gaap", "us_gaap"]).tail(1)
    coverage = (
        f"latest: {int(last.cn_companies_covered.iloc[0])} China / {int(last.us_companies_covered.iloc[0])} US "
        "companies with point-in-time TTM earnings"
        if not last.empty
        else ""
    )
    ax.set_title("Median trailing P/E: China tech vs US big tech\n" + coverage, fontsize=10)
    ax.set_ylabel("P/E (x)")
    ax.legend(loc="upper left", fontsize=8)
    ax.grid(alpha=0.3)
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
    return _save(fig, path)


def alibaba_weekly(conn, path: Path) -> Path:
    df = _frame(
        conn,
        """
        select week_ending, weekly_return, benchmark_return from marts.fct_weekly_performance
        where symbol = '9988.HK' and week_ending between date '2024-10-01' and date '2025-06-30'
        order by week_ending""",
    )
    events = _frame(
        conn,
        """
        select event_date, title from marts.dim_ai_event
        where event_date between date '2024-10-01' and date '2025-06-30'
          and (company_id = 'alibaba' or event_type = 'model_release' and company_id is null)
        order by event_date""",
    )
    fig, ax = plt.subplots(figsize=(10, 4.8))
    width = pd.Timedelta(days=2.6)
    ax.bar(df["week_ending"] - width / 2, df["weekly_return"] * 100, width=width, label="9988.HK", color="#ff7f0e")
    ax.bar(df["week_ending"] + width / 2, df["benchmark_return"] * 100, width=width, label="Hang Seng", color="#7f7f7f")
    top = max(df["weekly_return"].max(), df["benchmark_return"].max()) * 100
    for _, event in events.iterrows():
        ax.axvline(event["event_date"], color="#2ca02c", alpha=0.35, lw=1)
        ax.text(event["event_date"], top, " " + event["title"][:38], fontsize=6, rotation=90, va="top", color="#2ca02c")
    ax.set_title("Alibaba (9988.HK) weekly return vs the Hang Seng, with AI and corporate catalysts")
    ax.set_ylabel("weekly return (%)")
    ax.axhline(0, color="black", lw=0.6)
    ax.legend(loc="lower left", fontsize=8)
    ax.grid(alpha=0.3, axis="y")
    return _save(fig, path)


def sotp_bridge(conn, path: Path) -> Path:
    row = _frame(
        conn,
        """
        select date, market_cap_usd, ecommerce_value_usd, net_cash_usd, investments_usd, implied_cloud_ai_value_usd
        from marts.fct_segment_valuation where market_cap_usd is not null order by date desc limit 1""",
    )
    fig, ax = plt.subplots(figsize=(9, 4.8))
    if row.empty:
        ax.text(0.5, 0.5, "No valuation date with all inputs", ha="center")
        return _save(fig, path)
    r = row.iloc[0]
    steps = [
        ("E-commerce\n(at multiple)", r.ecommerce_value_usd),
        ("Net cash", r.net_cash_usd),
        ("Investments", r.investments_usd),
        ("Implied cloud\n& AI", r.implied_cloud_ai_value_usd),
    ]
    bottom = 0.0
    for label, value in steps:
        value = 0.0 if pd.isna(value) else float(value)
        ax.bar(label, value / 1e9, bottom=bottom / 1e9, color="#d62728" if value < 0 else "#1f77b4")
        ax.text(label, (bottom + value / 2) / 1e9, f"{value / 1e9:,.0f}", ha="center", va="center", color="white")
        bottom += value
    ax.bar("Market value", r.market_cap_usd / 1e9, color="#2ca02c")
    ax.text("Market value", r.market_cap_usd / 2e9, f"{r.market_cap_usd / 1e9:,.0f}", ha="center", color="white")
    ax.set_title(f"Alibaba sum of the parts on {pd.Timestamp(r.date).date()} (USD bn)")
    ax.set_ylabel("USD bn")
    ax.grid(alpha=0.3, axis="y")
    return _save(fig, path)


def capex_quarterly(conn, path: Path) -> Path:
    # One definition per company (its most complete series), never two definitions stacked.
    df = _frame(
        conn,
        """
        with counts as (
            select company_id, capex_definition, count(*) as n from marts.fct_cloud_capex_quarterly group by all
        ), chosen as (
            select company_id, arg_max(capex_definition, n) as capex_definition from counts group by 1
        )
        select c.calendar_quarter, c.company_id || ' (' || c.capex_definition || ')' as company_id, c.capex_usd
        from marts.fct_cloud_capex_quarterly c join chosen using (company_id, capex_definition)
        order by 1, 2""",
    )
    region = _frame(
        conn,
        """
        select calendar_quarter, region, capex_usd from marts.fct_capex_region_quarterly order by 1, 2""",
    )
    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4.8))
    wide = df.pivot_table(index="calendar_quarter", columns="company_id", values="capex_usd", aggfunc="sum")
    (wide / 1e9).plot(kind="bar", stacked=True, ax=left, width=0.8)
    left.set_title("Quarterly capex by company (USD bn)")
    left.set_xlabel("")
    left.legend(fontsize=7)
    by_region = region.pivot(index="calendar_quarter", columns="region", values="capex_usd")  # gaps stay gaps
    (by_region / 1e9).plot(ax=right, marker="o")
    right.set_title("Capex by region (USD bn; quarters with a company missing are left out)")
    right.set_xlabel("")
    for ax in (left, right):
        ax.grid(alpha=0.3, axis="y")
        ax.tick_params(axis="x", labelrotation=60, labelsize=7)
    return _save(fig, path)


CHARTS = {
    "pe_gap_china_vs_us.png": pe_gap,
    "alibaba_weekly_vs_hang_seng.png": alibaba_weekly,
    "alibaba_sum_of_the_parts.png": sotp_bridge,
    "capex_by_company_and_region.png": capex_quarterly,
}


def render_all(published: Path, out_dir: Path) -> dict[str, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(published), read_only=True) as conn:
        return {name: draw(conn, out_dir / name) for name, draw in CHARTS.items()}
