"""Quarterly filings of every company: fundamentals, segments and their mapping, balance sheet, capex, guidance,
the earnings calendar."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from .universe import (
    ALIBABA_PRESENTATION,
    CAPEX_DEFINITION,
    REAL_SEGMENT,
    SEGMENT_MAPPING_ALIBABA,
    SEGMENT_SPLIT_ALIBABA,
)
from .writer import SOURCE_KIND, Writer


def _month_end(year: np.ndarray, month: np.ndarray) -> np.ndarray:
    first_next = pd.to_datetime(pd.DataFrame({"year": year, "month": month, "day": 1})) + pd.offsets.MonthBegin(1)
    return (first_next - pd.Timedelta(days=1)).to_numpy().astype("datetime64[D]")


def _filings(
    w: Writer,
    comp: pd.DataFrame,
    lst: pd.DataFrame,
    rng: np.random.Generator,
    start: dt.date,
    end: dt.date,
    src: str,
    cny: np.ndarray,
) -> None:
    # Fiscal quarters ending from a year before `start` (so TTM exists from the first day),
    # announced by `end`.
    q_months = []
    for fye in comp["fye"]:
        months = sorted({(fye - 3 * k - 1) % 12 + 1 for k in range(4)})
        q_months.append(months)
    recs = []
    for ci, (fye, months) in enumerate(zip(comp["fye"], q_months, strict=True)):
        for y in range(start.year - 1, end.year + 1):
            for m in months:
                fy = y if m <= fye else y + 1
                fq = ((m - fye - 1) % 12) // 3 + 1
                recs.append((ci, y, m, fy, fq))
    q = pd.DataFrame(recs, columns=["ci", "y", "m", "fiscal_year", "fiscal_quarter"])
    q["period_end"] = _month_end(q["y"].to_numpy(), q["m"].to_numpy())
    lag = np.where(q["fiscal_quarter"] == 4, rng.integers(45, 80, len(q)), rng.integers(20, 55, len(q)))
    q["announced_on"] = q["period_end"] + lag.astype("timedelta64[D]")
    q = q[
        (q["announced_on"] <= np.datetime64(end)) & (q["period_end"] >= np.datetime64(start - dt.timedelta(days=400)))
    ].reset_index(drop=True)
    ci = q["ci"].to_numpy()
    c = comp.iloc[ci].reset_index(drop=True)
    fx_rep = np.where(c["reporting_currency"] == "CNY", float(np.median(cny)), 1.0)
    # Shares make the primary listing's price x shares close to the company's target market cap.
    shares_m = c["mcap_usd"] * c["home_fx"] / c["home_price"] / 1e6
    growth = np.exp(0.02 * (q["y"] - start.year))
    annual_ni = c["mcap_usd"] * fx_rep / c["pe"] / 1e6 * growth
    ni = annual_ni / 4 * np.exp(rng.normal(0, 0.15, len(q)))
    ni = np.where(c["loss_making"], -np.abs(ni) * 0.5, ni)
    revenue = np.round(np.abs(annual_ni) / c["margin"] / 4 * np.exp(rng.normal(0, 0.05, len(q))))
    adj_ni = ni + np.abs(ni) * rng.uniform(0.05, 0.4, len(q))
    diluted = shares_m * rng.uniform(1.0, 1.03, len(q))
    q = q.assign(
        company_id=c["company_id"],
        currency=c["reporting_currency"],
        revenue=revenue,
        ni=ni,
        adj_ni=adj_ni,
        diluted=diluted,
        shares=shares_m,
    )
    # EPS from the rounded net income and shares, as a filing states them: a small company's net income
    # rounded to 0.1m would otherwise be several % off EPS x shares (the loader's eps_matches_net_income rule).
    ni_r, adj_r, diluted_r = np.round(q["ni"], 1), np.round(q["adj_ni"], 1), np.round(q["diluted"], 3)
    metrics = {
        "revenue_m": (q["revenue"], True),
        "net_income_gaap_m": (ni_r, True),
        "eps_diluted_gaap": (np.round(ni_r / diluted_r, 4), True),
        "net_income_adjusted_m": (adj_r, True),
        "eps_diluted_adjusted": (np.round(adj_r / diluted_r, 4), True),
        "diluted_shares_m": (diluted_r, False),
        "shares_outstanding_m": (np.round(q["shares"], 3), False),
    }
    key = q[["company_id", "fiscal_year", "fiscal_quarter", "period_end", "announced_on"]]
    parts = [
        key.assign(metric=k, value=v, currency=q["currency"] if money else None) for k, (v, money) in metrics.items()
    ]
    fund = pd.concat(parts, ignore_index=True).sort_values(
        ["company_id", "fiscal_year", "fiscal_quarter"], kind="stable"
    )
    sel = (
        "select company_id, fiscal_year, fiscal_quarter, period_end, announced_on, metric, value, currency, "
        f"'{src}', '{SOURCE_KIND}', 'estimate', null from frame"
    )
    w.write_table("fundamentals", "synthetic.csv", fund, sel, "fundamentals")
    # The earnings calendar: each quarter published on the day its figures were announced.
    # US companies publish after the New York close with a stated time; the others give the date only.
    calendar = key.assign(is_us=(c["country"] == "US").to_numpy()).drop_duplicates(
        ["company_id", "fiscal_year", "fiscal_quarter"]
    )
    w.write_table(
        "earnings_calendar",
        "synthetic.csv",
        calendar,
        "select company_id, fiscal_year, fiscal_quarter, period_end, announced_on, "
        "case when is_us then '16:05' end, case when is_us then 'America/New_York' end, "
        f"'{src}', '{SOURCE_KIND}', 'estimate', null from frame",
        "earnings_calendar",
    )

    # Segments: Alibaba's full set (summing to revenue, plus full-year rows);
    # one cloud segment for some others.
    seg_parts = []
    is_ali = q["company_id"] == "alibaba"
    a = q[is_ali]
    if len(a):
        total = np.zeros(len(a))
        for s, share in SEGMENT_SPLIT_ALIBABA.items():
            v = np.round(a["revenue"] * share)
            total += v
            seg_parts.append(
                a[["company_id", "fiscal_year", "fiscal_quarter", "period_end", "announced_on", "currency"]].assign(
                    segment=s, metric="revenue_m", value=v
                )
            )
            if s != "inter_segment_elimination":
                seg_parts.append(
                    a[
                        [
                            "company_id",
                            "fiscal_year",
                            "fiscal_quarter",
                            "period_end",
                            "announced_on",
                            "currency",
                        ]
                    ].assign(
                        segment=s,
                        metric="adjusted_ebita_m",
                        value=np.round(v * rng.uniform(-0.05, 0.4, len(a))),
                    )
                )
        seg_parts.append(
            a[["company_id", "fiscal_year", "fiscal_quarter", "period_end", "announced_on", "currency"]].assign(
                segment="all_others", metric="revenue_m", value=a["revenue"] - total
            )
        )
    us_cloud = np.array(["aws", "google_cloud", "microsoft_intelligent_cloud"])
    cn_cloud = np.array(["baidu_ai_cloud", "cloud_intelligence", "tencent_fintech_business_services"])
    seg_of = np.where(
        comp["country"] == "US",
        us_cloud[rng.integers(0, 3, len(comp))],
        cn_cloud[rng.integers(0, 3, len(comp))],
    )
    has_seg = rng.random(len(comp)) < 0.4
    for cid_, s in REAL_SEGMENT.items():
        k = comp.index[comp["company_id"] == cid_]
        seg_of[k], has_seg[k] = s, True
    has_seg[comp.index[comp["company_id"] == "alibaba"]] = False
    o = q[has_seg[ci]]
    so = seg_of[o["ci"]]
    base = o[["company_id", "fiscal_year", "fiscal_quarter", "period_end", "announced_on", "currency"]]
    # At least 1m: a tiny company's cloud revenue rounded to 0 would break the marts' revenue > 0 test.
    v = np.maximum(np.round(o["revenue"] * rng.uniform(0.05, 0.3, len(o))), 1)
    seg_parts.append(base.assign(segment=so, metric="revenue_m", value=v))
    seg_parts.append(
        base.assign(segment=so, metric="operating_income_m", value=np.round(v * rng.uniform(-0.1, 0.3, len(o))))
    )
    seg = pd.concat(seg_parts, ignore_index=True)
    # Alibaba full fiscal years (quarter 0) = sum of the four quarters, where all four are present.
    if len(a):
        ali = seg[seg["company_id"] == "alibaba"]
        full = ali.groupby(["company_id", "fiscal_year", "segment", "metric", "currency"], as_index=False).agg(
            value=("value", "sum"),
            n=("value", "size"),
            period_end=("period_end", "max"),
            announced_on=("announced_on", "max"),
        )
        full = full[full["n"] == 4].drop(columns="n").assign(fiscal_quarter=0)
        seg = pd.concat([seg, full], ignore_index=True)
    seg = seg.sort_values(["company_id", "fiscal_year", "fiscal_quarter"], kind="stable")
    # Alibaba's segments follow one dated presentation (seeds/segment_mapping), in force from its first
    # generated release on; every other company's segments are kept as first published ('as_reported').
    seg["presentation"] = np.where(seg["company_id"] == "alibaba", ALIBABA_PRESENTATION, "as_reported")
    w.write_table(
        "segments",
        "synthetic.csv",
        seg,
        "select company_id, fiscal_year, fiscal_quarter, period_end, announced_on, presentation, segment, metric, "
        f"value, currency, '{src}', '{SOURCE_KIND}', 'estimate', null from frame",
        "segments",
    )
    ali_seg = seg[seg["company_id"] == "alibaba"]
    mapping = pd.DataFrame(
        [
            ("alibaba", ALIBABA_PRESENTATION, segment, name, group)
            for segment, (name, group) in SEGMENT_MAPPING_ALIBABA.items()
        ],
        columns=["company_id", "presentation", "segment", "segment_name", "sotp_group"],
    )
    if len(ali_seg):
        mapping["valid_from"] = ali_seg["announced_on"].min()
    else:  # Alibaba has no quarter in the window: the mapping still names its structure
        mapping["valid_from"] = np.datetime64(start)
    w.write_table(
        "segment_mapping",
        "synthetic.csv",
        mapping,
        "select company_id, presentation, valid_from, null, segment, segment_name, sotp_group, true, "
        f"'{src}', '{SOURCE_KIND}', 'estimate', null from frame",
        "segment_mapping",
    )

    # Balance sheet at each quarter end, announced with the quarter.
    items = {
        "cash_and_equivalents_m": 0.10,
        "short_term_investments_m": 0.08,
        "restricted_cash_m": 0.005,
        "bank_borrowings_noncurrent_m": 0.03,
        "unsecured_senior_notes_noncurrent_m": 0.04,
        "equity_securities_listed_m": 0.02,
        "equity_method_investments_m": 0.03,
    }
    mcap_rep = (c["mcap_usd"] * fx_rep / 1e6).to_numpy()
    bs = pd.concat(
        [
            q[["company_id", "period_end", "announced_on", "currency"]].assign(
                item=k, value=np.round(mcap_rep * share * rng.uniform(0.5, 1.5, len(q)), 1)
            )
            for k, share in items.items()
        ],
        ignore_index=True,
    ).sort_values(["company_id", "period_end"], kind="stable")
    w.write_table(
        "balance_sheet",
        "synthetic.csv",
        bs,
        f"select company_id, period_end, announced_on, item, value, currency, '{src}', '{SOURCE_KIND}', 'estimate', "
        "null from frame",
        "balance_sheet",
    )

    # Capex: one definition per company (Alibaba and Tencent their own), plus incl_finance_leases for two.
    definition = q["company_id"].map(CAPEX_DEFINITION).fillna("cash_purchases_of_ppe")
    capex_v = np.round(np.maximum(q["revenue"] * rng.uniform(0.03, 0.2, len(q)), 1.0))
    cx = [
        q[["company_id", "fiscal_year", "fiscal_quarter", "period_end", "announced_on", "currency"]].assign(
            definition=definition, value=capex_v
        )
    ]
    fl = q["company_id"].isin(["microsoft", "meta"])
    cx.append(
        q.loc[fl, ["company_id", "fiscal_year", "fiscal_quarter", "period_end", "announced_on", "currency"]].assign(
            definition="incl_finance_leases", value=np.round(capex_v[fl] * 1.3)
        )
    )
    capex = pd.concat(cx, ignore_index=True).sort_values(["company_id", "fiscal_year", "fiscal_quarter"], kind="stable")
    w.write_table(
        "capex",
        "synthetic.csv",
        capex,
        "select company_id, fiscal_year, fiscal_quarter, period_end, announced_on, definition, value, "
        f"currency, '{src}', '{SOURCE_KIND}', 'estimate', null from frame",
        "capex",
    )

    # Guidance: the US four every year, and a quarter of the other companies.
    guided = comp["company_id"].isin(["microsoft", "alphabet", "amazon", "meta", "alibaba"]) | (
        rng.random(len(comp)) < 0.25
    )
    g = []
    for i in np.flatnonzero(guided):
        row = comp.iloc[i]
        annual_capex = float(np.median(capex_v[ci == i])) * 4 if (ci == i).any() else 1000.0
        for y in range(start.year + 1, end.year + 2):
            fye = int(row["fye"])
            if fye == 12:
                label, p_start, p_end = f"CY{y}", dt.date(y, 1, 1), dt.date(y, 12, 31)
            else:
                label = f"FY{y}"
                p_end = (pd.Timestamp(year=y, month=fye, day=1) + pd.offsets.MonthEnd(0)).date()
                p_start = (pd.Timestamp(p_end) - pd.DateOffset(years=1) + pd.Timedelta(days=1)).date()
            announced = p_start - dt.timedelta(days=int(rng.integers(5, 60)))
            if announced > end:
                continue
            low = round(annual_capex * rng.uniform(0.9, 1.2), 0)
            high = round(low * rng.uniform(1.0, 1.2), 0) if rng.random() < 0.7 else np.nan
            g.append((row["company_id"], label, p_start, p_end, announced, low, high, row["reporting_currency"]))
    guidance = pd.DataFrame(
        g, columns=["company_id", "label", "p_start", "p_end", "announced", "low", "high", "currency"]
    )
    w.write_table(
        "guidance",
        "capex_guidance.csv",
        guidance,
        "select company_id, label, p_start, p_end, announced, low, "
        "case when isnan(high) then null else high end, currency, 'company_reported', 'formal_outlook', "
        f"'{src}', '{SOURCE_KIND}', 'estimate', null from frame",
        "guidance",
    )
