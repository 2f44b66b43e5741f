"""Synthetic market generator: seeds in exactly the shipped format, at any scale, deterministic per seed.

    python benchmarks/generate.py --listings 5000 --years 10 --seed 42 --out benchmarks/data/seeds

Writes one seeds tree (the same folders, file names and columns as `seeds/`, validated by the same
loader) plus, next to it, the rows of the *next* trading day of every listing and of FX
(`<out>/../next_day/`, no headers) so the benchmark can append one day and rebuild.

What is generated (every row: source 'synthetic benchmark data (benchmarks/generate.py seed N)',
basis 'estimate'):
- reference: companies (China and US baskets; fiscal years ending December, March, June, September,
  January) and listings (HK ordinary shares, US shares, ADSs with 1/2/4/8/10 shares per ADS, dual
  listings HK + ADS priced consistently through USD/HKD, indices and ETFs). The 16 shipped company ids
  and their symbols come first, so models keyed on them (e.g. the Alibaba sum of the parts) have data.
- prices: one file per listing; log-normal random walks with a market factor per exchange; HK and US
  trading calendars with their own holidays; HK half-day zero-volume placeholder rows; a mix of
  unadjusted series (with or without the vendor's adj_close) and dividend-adjusted series whose
  adjustment matches the dividends in corporate_actions; indices (index_level) and close-only ETFs.
- fx: USD/CNY and USD/HKD every weekday.
- corporate_actions: cash dividends for every listing that is not an index (some special dividends).
- fundamentals: seven metrics per company and fiscal quarter, announced 20-80 days after period end.
- segments (one cloud segment for some companies; the full Alibaba set, summing to group revenue,
  with full-year rows), balance_sheet, capex (per the company's definition), guidance, events.

Speed: numpy builds every column as arrays, DuckDB writes the CSV (multi-threaded) in chunks of
companies, and each chunk is cut into per-listing files at line boundaries found with numpy.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import sys
import time
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "data" / "seeds"
DEFAULT_END = dt.date(2025, 6, 30)
CHUNK_COMPANIES = 400

# source_kind of every synthetic row in the families that carry one: the generator stands in for a vendor.
SOURCE_KIND = "data_vendor"
# The contract every generated file must meet (the same loader validates them).
sys.path.insert(0, str(HERE.parent))
from dagster_project.raw.schemas import BY_NAME, TABLES  # noqa: E402

# Header of each kind of file: its raw table's declared columns (keyed by family; reference tables by name).
HEADERS = {(t.name if t.family == "reference" else t.family): ",".join(t.column_names) for t in TABLES}

# The shipped companies: (company_id, name, country, fiscal year end month,
#                         [(symbol, type, market, ratio, primary)])
REAL = [
    (
        "alibaba",
        "Alibaba Group",
        "CN",
        3,
        [("9988.HK", "ordinary_share", "HK", 1, False), ("BABA", "ads", "US", 8, True)],
    ),
    (
        "tencent",
        "Tencent Holdings",
        "CN",
        12,
        [("0700.HK", "ordinary_share", "HK", 1, True), ("TCEHY", "ads", "US", 1, False)],
    ),
    (
        "baidu",
        "Baidu",
        "CN",
        12,
        [("9888.HK", "ordinary_share", "HK", 1, False), ("BIDU", "ads", "US", 8, True)],
    ),
    ("jd", "JD.com", "CN", 12, [("9618.HK", "ordinary_share", "HK", 1, False), ("JD", "ads", "US", 2, True)]),
    ("pdd", "PDD Holdings", "CN", 12, [("PDD", "ads", "US", 4, True)]),
    ("meituan", "Meituan", "CN", 12, [("3690.HK", "ordinary_share", "HK", 1, True)]),
    ("xiaomi", "Xiaomi", "CN", 12, [("1810.HK", "ordinary_share", "HK", 1, True)]),
    ("kuaishou", "Kuaishou Technology", "CN", 12, [("1024.HK", "ordinary_share", "HK", 1, True)]),
    ("bilibili", "Bilibili", "CN", 12, [("BILI", "ads", "US", 1, True)]),
    ("apple", "Apple", "US", 9, [("AAPL", "ordinary_share", "US", 1, True)]),
    ("microsoft", "Microsoft", "US", 6, [("MSFT", "ordinary_share", "US", 1, True)]),
    ("alphabet", "Alphabet", "US", 12, [("GOOGL", "ordinary_share", "US", 1, True)]),
    ("amazon", "Amazon.com", "US", 12, [("AMZN", "ordinary_share", "US", 1, True)]),
    ("meta", "Meta Platforms", "US", 12, [("META", "ordinary_share", "US", 1, True)]),
    ("nvidia", "NVIDIA", "US", 1, [("NVDA", "ordinary_share", "US", 1, True)]),
    ("tesla", "Tesla", "US", 12, [("TSLA", "ordinary_share", "US", 1, True)]),
]
# (symbol, name, instrument_type, exchange, market, currency, benchmark, start level)
BENCHMARKS = [
    ("^HSI", "Hang Seng Index", "index", "HSI", "HK", "HKD", None, 20000.0),
    ("HSTECH", "Hang Seng TECH Index", "index", "HSI", "HK", "HKD", "^HSI", 4500.0),
    ("^NDX", "Nasdaq-100 Index", "index", "NASDAQ", "US", "USD", None, 15000.0),
    ("^GSPC", "S&P 500 Index", "index", "SPDJI", "US", "USD", None, 4500.0),
    ("KWEB", "KraneShares CSI China Internet ETF", "etf", "NYSE Arca", "US", "USD", "^NDX", 30.0),
    ("QQQ", "Invesco QQQ Trust", "etf", "NASDAQ", "US", "USD", "^NDX", 350.0),
]
SEGMENT_SPLIT_ALIBABA = {  # share of group revenue; inter-segment elimination is negative
    "taobao_tmall": 0.42,
    "cloud_intelligence": 0.11,
    "aidc": 0.12,
    "cainiao": 0.10,
    "local_services": 0.07,
    "digital_media_entertainment": 0.02,
    "inter_segment_elimination": -0.08,
}  # all_others absorbs the remainder so the segments sum exactly to revenue
# The generated Alibaba segments as one presentation (the segment names and SOTP groups of its six business
# groups, FY2024-FY2025); valid from the first generated release, still current.
ALIBABA_PRESENTATION = "FY2025"
SEGMENT_MAPPING_ALIBABA = {
    "taobao_tmall": ("Taobao and Tmall Group", "ecommerce"),
    "aidc": ("Alibaba International Digital Commerce Group", "ecommerce"),
    "cloud_intelligence": ("Cloud Intelligence Group", "cloud_ai"),
    "cainiao": ("Cainiao Smart Logistics Network Limited", "other_operating"),
    "local_services": ("Local Services Group", "other_operating"),
    "digital_media_entertainment": ("Digital Media and Entertainment Group", "other_operating"),
    "all_others": ("All others", "other_operating"),
    "inter_segment_elimination": ("Inter-segment elimination", "elimination"),
}
REAL_SEGMENT = {
    "amazon": "aws",
    "alphabet": "google_cloud",
    "microsoft": "microsoft_intelligent_cloud",
    "baidu": "baidu_ai_cloud",
    "tencent": "tencent_fintech_business_services",
}
CAPEX_DEFINITION = {
    "alibaba": "cash_purchases_of_ppe_and_land_use_rights",
    "tencent": "cash_purchases_of_ppe_and_intangibles",
}
CNY_NEW_YEAR = {  # first day of the lunar new year
    2000: "02-05",
    2001: "01-24",
    2002: "02-12",
    2003: "02-01",
    2004: "01-22",
    2005: "02-09",
    2006: "01-29",
    2007: "02-18",
    2008: "02-07",
    2009: "01-26",
    2010: "02-14",
    2011: "02-03",
    2012: "01-23",
    2013: "02-10",
    2014: "01-31",
    2015: "02-19",
    2016: "02-08",
    2017: "01-28",
    2018: "02-16",
    2019: "02-05",
    2020: "01-25",
    2021: "02-12",
    2022: "02-01",
    2023: "01-22",
    2024: "02-10",
    2025: "01-29",
    2026: "02-17",
    2027: "02-06",
    2028: "01-26",
    2029: "02-13",
    2030: "02-03",
}


def source_text(seed: int) -> str:
    return f"synthetic benchmark data (benchmarks/generate.py seed {seed})"


# ----------------------------------------------------------------------------------------- calendars
def _easter(year: int) -> dt.date:
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return dt.date(year, month, day + 1)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    first = dt.date(year, month, 1)
    day = first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    if n < 0:  # last such weekday of the month
        nxt = dt.date(year + month // 12, month % 12 + 1, 1)
        last = nxt - dt.timedelta(days=1)
        day = last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    return day


def _observed(day: dt.date) -> dt.date:
    return (
        day + dt.timedelta(days=1) if day.weekday() == 6 else day - dt.timedelta(days=1) if day.weekday() == 5 else day
    )


def _cny(year: int) -> dt.date:
    return dt.date.fromisoformat(f"{year}-{CNY_NEW_YEAR.get(year, '02-05')}")


def us_holidays(year: int) -> set[dt.date]:
    days = {
        _nth_weekday(year, 1, 0, 3),
        _nth_weekday(year, 2, 0, 3),
        _easter(year) - dt.timedelta(days=2),
        _nth_weekday(year, 5, 0, -1),
        _observed(dt.date(year, 7, 4)),
        _nth_weekday(year, 9, 0, 1),
        _nth_weekday(year, 11, 3, 4),
        _observed(dt.date(year, 12, 25)),
    }
    new_year = dt.date(year, 1, 1)
    if new_year.weekday() != 5:  # NYSE does not close on Friday 31 December
        days.add(_observed(new_year))
    if year >= 2022:
        days.add(_observed(dt.date(year, 6, 19)))
    return days


def hk_holidays(year: int) -> set[dt.date]:
    cny, easter = _cny(year), _easter(year)
    days = {
        dt.date(year, 1, 1),
        cny,
        cny + dt.timedelta(days=1),
        cny + dt.timedelta(days=2),
        dt.date(year, 4, 5),
        easter - dt.timedelta(days=2),
        easter + dt.timedelta(days=1),
        dt.date(year, 5, 1),
        cny + dt.timedelta(days=97),  # Buddha's birthday (approx.)
        cny + dt.timedelta(days=125),  # Tuen Ng (approx.)
        dt.date(year, 7, 1),
        cny + dt.timedelta(days=235),  # day after mid-autumn (approx.)
        dt.date(year, 10, 1),
        cny + dt.timedelta(days=276),  # Chung Yeung (approx.)
        dt.date(year, 12, 25),
        dt.date(year, 12, 26),
    }
    return {_observed(d) if d.weekday() == 6 else d for d in days}


def hk_half_days(year: int) -> set[dt.date]:
    return {dt.date(year, 12, 24), dt.date(year, 12, 31), _cny(year) - dt.timedelta(days=1)}


# ------------------------------------------------------------------------------------------ universe
def build_universe(n_listings: int, rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Companies and listings. Listings are grouped by company, in company order (chunks need that)."""
    companies, listings = [], []
    for cid, name, country, fye, syms in REAL:
        companies.append((cid, name, country, fye))
        for sym, kind, market, ratio, primary in syms:
            listings.append(
                (
                    sym,
                    f"{name} ({'ADS' if kind == 'ads' else market + ' shares'})",
                    cid,
                    kind,
                    "HKEX" if market == "HK" else "NASDAQ",
                    market,
                    ratio,
                    primary,
                )
            )
    n_hk = n_us = n_cn = 0
    target = max(n_listings - len(BENCHMARKS), len(listings))
    while len(listings) < target:
        kind = rng.choice(["us", "hk", "ads", "dual"], p=[0.45, 0.25, 0.10, 0.20])
        if kind == "dual" and target - len(listings) < 2:
            kind = "hk"
        fye = int(rng.choice([12, 3, 6, 9, 1], p=[0.70, 0.10, 0.10, 0.05, 0.05]))
        if kind == "us":
            n_us += 1
            cid, sym = f"us_co_{n_us:05d}", f"U{n_us:05d}"
            companies.append((cid, f"Synthetic US Company {n_us}", "US", fye))
            listings.append((sym, f"Synthetic US Company {n_us}", cid, "ordinary_share", "NYSE", "US", 1, True))
            continue
        n_cn += 1
        cid = f"cn_co_{n_cn:05d}"
        companies.append((cid, f"Synthetic China Company {n_cn}", "CN", fye))
        if kind in ("hk", "dual"):
            n_hk += 1
            listings.append(
                (
                    f"{10000 + n_hk}.HK",
                    f"Synthetic China Company {n_cn} (HK shares)",
                    cid,
                    "ordinary_share",
                    "HKEX",
                    "HK",
                    1,
                    kind == "hk",
                )
            )
        if kind in ("ads", "dual"):
            n_us += 1
            ratio = int(rng.choice([1, 2, 4, 8, 10]))
            listings.append(
                (
                    f"C{n_us:05d}",
                    f"Synthetic China Company {n_cn} ADS",
                    cid,
                    "ads",
                    "NASDAQ",
                    "US",
                    ratio,
                    True,
                )
            )
    comp = pd.DataFrame(companies, columns=["company_id", "name", "country", "fye"])
    lst = pd.DataFrame(
        listings,
        columns=[
            "symbol",
            "name",
            "company_id",
            "instrument_type",
            "exchange",
            "market",
            "ratio",
            "is_primary",
        ],
    )
    return comp, lst


# ----------------------------------------------------------------------------------------- writing
class Writer:
    """DuckDB writes CSV bodies; Python adds headers and cuts per-listing files."""

    def __init__(self, out: Path, seed: int):
        self.out, self.seed = out, seed
        self.conn = duckdb.connect()
        self.conn.execute("set preserve_insertion_order = true")
        self.tmp = out.parent / f".gen-{os.getpid()}.csv"
        self.rows: dict[str, int] = {}

    def _copy_body(self, frame: pd.DataFrame, select: str) -> bytes:
        self.conn.register("frame_in", frame)
        rel = self.conn.sql("select * from frame_in")
        casts = [
            f'cast("{c}" as date) as "{c}"'
            for c, t in zip(rel.columns, rel.types, strict=True)
            if str(t).startswith("TIMESTAMP")
        ]
        replace = f" replace ({', '.join(casts)})" if casts else ""
        self.conn.execute(f"create or replace temp view frame as select *{replace} from frame_in")
        self.conn.execute(f"copy ({select}) to '{self.tmp}' (format csv, header false)")
        self.conn.execute("drop view frame")
        self.conn.unregister("frame_in")
        data = self.tmp.read_bytes()
        self.tmp.unlink()
        return data

    def write_table(self, family: str, rel: str, frame: pd.DataFrame, select: str, header_key: str) -> None:
        body = self._copy_body(frame, select)
        path = self.out / family / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(HEADERS[header_key].encode() + b"\n" + body)
        self.rows[f"{family}/{rel}"] = len(frame)

    def write_split(
        self,
        frame: pd.DataFrame,
        select: str,
        names: list[str],
        counts: np.ndarray,
        next_day: dict[str, bytes] | None = None,
    ) -> None:
        """`frame` holds the rows of listings `names` in order, `counts[i]` rows each: one file each."""
        body = self._copy_body(frame, select)
        ends = np.flatnonzero(np.frombuffer(body, dtype=np.uint8) == 10) + 1
        assert len(ends) == counts.sum(), (len(ends), counts.sum())
        bounds = np.concatenate([[0], ends[np.cumsum(counts) - 1]])
        header = HEADERS["prices"].encode() + b"\n"
        folder = self.out / "prices"
        for i, name in enumerate(names):
            (folder / f"{name.replace('^', '_')}.csv").write_bytes(header + body[bounds[i] : bounds[i + 1]])
        self.rows["prices"] = self.rows.get("prices", 0) + int(counts.sum())


# ------------------------------------------------------------------------------------------ generate
def generate(
    out: Path,
    n_listings: int = 5000,
    years: int = 10,
    seed: int = 42,
    end: dt.date = DEFAULT_END,
    quiet: bool = False,
) -> dict:
    started = time.perf_counter()
    rng = np.random.default_rng(seed)
    src = source_text(seed)
    start = dt.date(end.year - years, end.month, end.day) + dt.timedelta(days=1)
    (out.parent / "manifest.json").unlink(missing_ok=True)  # written last: marks a complete tree
    if out.exists():
        shutil.rmtree(out)
    next_dir = out.parent / "next_day"
    if next_dir.exists():
        shutil.rmtree(next_dir)
    for family in (
        "prices",
        "fx",
        "corporate_actions",
        "fundamentals",
        "segments",
        "balance_sheet",
        "capex",
        "guidance",
        "reference",
        "events",
        "earnings_calendar",
        "segment_mapping",
    ):
        (out / family).mkdir(parents=True, exist_ok=True)
    (next_dir / "prices").mkdir(parents=True)
    (next_dir / "fx").mkdir(parents=True)
    w = Writer(out, seed)

    # Calendars: every weekday up to a few weeks past `end` (the extra days give the "next trading day").
    weekdays = pd.bdate_range(start, end + dt.timedelta(days=30)).date
    year_span = range(start.year, end.year + 2)
    hol = {
        "HK": set().union(*(hk_holidays(y) for y in year_span)),
        "US": set().union(*(us_holidays(y) for y in year_span)),
    }
    half = set().union(*(hk_half_days(y) for y in year_span)) - hol["HK"]
    open_mask = {m: np.array([d not in hol[m] for d in weekdays]) for m in ("HK", "US")}
    in_range = np.array([d <= end for d in weekdays])
    trade_idx = {m: np.flatnonzero(open_mask[m] & in_range) for m in ("HK", "US")}
    next_idx = {m: int(np.flatnonzero(open_mask[m] & ~in_range)[0]) for m in ("HK", "US")}
    half_mask = np.array([d in half for d in weekdays])
    n_days = len(weekdays)
    wd64 = np.array(weekdays, dtype="datetime64[D]")

    # FX every weekday: CNY a slow random walk, HKD inside its 7.75-7.85 band.
    cny = 6.6 * np.exp(np.cumsum(rng.normal(0, 0.0025, n_days)))
    hkd = np.clip(7.80 + np.cumsum(rng.normal(0, 0.0015, n_days)) * 0.2, 7.751, 7.849)
    hkd = np.round(hkd, 5)
    cny = np.round(cny, 4)
    fx_in = np.flatnonzero(in_range)
    fx = pd.DataFrame(
        {
            "date": np.concatenate([wd64[fx_in], wd64[fx_in]]),
            "quote": np.repeat(["CNY", "HKD"], len(fx_in)),
            "rate": np.concatenate([cny[fx_in], hkd[fx_in]]),
        }
    ).sort_values(["date", "quote"], kind="stable")
    fx_select = f"select date, 'USD', quote, rate, '{src}', 'estimate', null from frame"
    w.write_table("fx", "usd_fx_daily.csv", fx, fx_select, "fx")
    nxt = int(np.flatnonzero(~in_range)[0])
    nd_fx = pd.DataFrame({"date": [wd64[nxt]] * 2, "quote": ["CNY", "HKD"], "rate": [cny[nxt], hkd[nxt]]})
    (next_dir / "fx" / "usd_fx_daily.csv").write_bytes(w._copy_body(nd_fx, fx_select))

    # Universe.
    comp, lst = build_universe(n_listings, rng)
    n_comp = len(comp)
    comp["country"] = comp["country"].astype(str)
    comp["reporting_currency"] = np.where(comp["country"] == "CN", "CNY", "USD")
    comp["mcap_usd"] = np.exp(rng.normal(np.log(8e9), 1.3, n_comp))
    comp["pe"] = np.exp(rng.normal(np.log(20), 0.45, n_comp))
    comp["loss_making"] = rng.random(n_comp) < 0.08
    comp["margin"] = rng.uniform(0.05, 0.30, n_comp)
    comp["home_price"] = np.exp(rng.normal(np.log(40), 1.0, n_comp))  # per ordinary share, home currency
    # Home currency of the walk: HKD when the company has an HK listing, else USD.
    comp["home_fx"] = np.where(comp["company_id"].isin(lst.loc[lst["market"] == "HK", "company_id"]), 7.8, 1.0)

    # Market factors per weekday (HK and US), shared by every listing on that exchange.
    f_hk = rng.normal(0.0001, 0.012, n_days)
    f_us = rng.normal(0.0003, 0.010, n_days)
    bench_rows = []

    # ---- reference files
    cols_c = comp.assign(
        basket=np.where(comp["country"] == "CN", "china", "us"),
        sector=rng.choice(["Internet", "E-commerce", "Software", "Semiconductors", "Cloud"], n_comp),
    )
    w.write_table(
        "reference",
        "companies.csv",
        cols_c[["company_id", "name", "country", "basket", "reporting_currency", "fye", "sector"]],
        f"select company_id, name, country, basket, reporting_currency, fye, sector, '{src}', "
        "'estimate', null from frame",
        "companies",
    )
    lst["currency"] = np.where(lst["market"] == "HK", "HKD", "USD")
    lst["benchmark"] = np.where(lst["market"] == "HK", "^HSI", "^NDX")
    bench = pd.DataFrame(
        [(s, n, None, t, e, m, c, None, b, False) for s, n, t, e, m, c, b, _ in BENCHMARKS],
        columns=[
            "symbol",
            "name",
            "company_id",
            "instrument_type",
            "exchange",
            "market",
            "currency",
            "ratio",
            "benchmark",
            "is_primary",
        ],
    )
    all_listings = pd.concat([lst[bench.columns], bench], ignore_index=True)
    all_listings["ratio"] = all_listings["ratio"].astype("Float64")
    w.write_table(
        "reference",
        "listings.csv",
        all_listings,
        f"select symbol, name, company_id, instrument_type, exchange, market, currency, ratio, "
        f"benchmark, is_primary, null, '{src}', 'estimate', null from frame",
        "listings",
    )

    # ---- prices and dividends, in chunks of companies (dual listings stay in one chunk)
    price_select = (
        "select symbol, date, currency, "
        "case when isnan(open) then null else round(open, 4) end, "
        "case when isnan(high) then null else round(high, 4) end, "
        "case when isnan(low) then null else round(low, 4) end, round(close, 4), "
        "case when isnan(adj_close) then null else round(adj_close, 4) end, volume, price_basis, "
        f"'{src}', 'estimate', note from frame"
    )
    listing_company = lst["company_id"].to_numpy()
    comp_index = {c: i for i, c in enumerate(comp["company_id"])}
    comp_of_listing = np.array([comp_index[c] for c in listing_company])
    dividends = []
    market_arr = lst["market"].to_numpy()
    for chunk_start in range(0, n_comp, CHUNK_COMPANIES):
        crng = np.random.default_rng([seed, 1 + chunk_start])
        c_ids = np.arange(chunk_start, min(n_comp, chunk_start + CHUNK_COMPANIES))
        l_ids = np.flatnonzero(np.isin(comp_of_listing, c_ids))
        # One home-currency walk per company: HK companies in HKD per share; US and ADS-only in USD.
        n_c = len(c_ids)
        home_market = np.where(comp["home_fx"].to_numpy()[c_ids] > 1, "HK", "US")
        beta = crng.uniform(0.6, 1.5, n_c)
        vol = crng.uniform(0.012, 0.035, n_c)
        factor = np.where((home_market == "HK")[None, :], f_hk[:, None], f_us[:, None])
        rets = beta[None, :] * factor + crng.standard_normal((n_days, n_c)) * vol[None, :]
        walk = np.exp(np.cumsum(rets, axis=0))  # relative to day 0
        frames, names, counts, nd_rows = [], [], [], []
        for j in l_ids:
            ci = comp_of_listing[j] - chunk_start
            co = comp.iloc[comp_of_listing[j]]
            market, ratio, sym = market_arr[j], float(lst.at[j, "ratio"]), lst.at[j, "symbol"]
            if home_market[ci] == "HK":
                path = co.home_price * walk[:, ci]  # HKD per ordinary share
                if market == "US":  # ADS of an HK-listed company: arbitrage-consistent through USD/HKD
                    path = path * ratio / hkd * np.exp(crng.normal(0, 0.003, n_days))
            else:
                path = co.home_price * ratio * walk[:, ci]
            idx = np.append(trade_idx[market], next_idx[market])  # the last row is the next trading day
            rows = _price_rows(
                path,
                idx,
                market,
                sym,
                lst.at[j, "currency"],
                lst.at[j, "instrument_type"],
                ratio,
                half_mask,
                wd64,
                crng,
                dividends,
                comp.at[comp_of_listing[j], "company_id"],
            )
            nd_rows.append(rows.iloc[[-1]])
            frames.append(rows.iloc[:-1])
            names.append(sym)
            counts.append(len(rows) - 1)
        if chunk_start == 0:  # benchmarks and ETFs ride with the first chunk
            for sym, _name, kind, _ex, market, ccy, _b, level in BENCHMARKS:
                factor_m = f_hk if market == "HK" else f_us
                path = level * np.exp(np.cumsum(factor_m + crng.normal(0, 0.002, n_days)))
                idx = np.append(trade_idx[market], next_idx[market])
                rows = _price_rows(path, idx, market, sym, ccy, kind, 1.0, half_mask, wd64, crng, dividends, None)
                nd_rows.append(rows.iloc[[-1]])
                frames.append(rows.iloc[:-1])
                names.append(sym)
                counts.append(len(rows) - 1)
                bench_rows.append(sym)
        frame = pd.concat(frames, ignore_index=True)
        w.write_split(frame, price_select, names, np.array(counts))
        nd = pd.concat(nd_rows, ignore_index=True)
        body = w._copy_body(nd, price_select)
        for name, line in zip(nd["symbol"], body.splitlines(keepends=True), strict=True):
            (next_dir / "prices" / f"{name.replace('^', '_')}.csv").write_bytes(line)
        if not quiet:
            print(
                f"  prices: companies {c_ids[-1] + 1}/{n_comp}, {time.perf_counter() - started:.1f}s",
                file=sys.stderr,
            )

    div = pd.DataFrame(dividends, columns=["symbol", "action_type", "ex_date", "amount", "currency", "amount_per"])
    div["announced_on"] = div["ex_date"] - pd.to_timedelta(rng.integers(10, 40, len(div)), unit="D")
    div["payable_on"] = div["ex_date"] + pd.to_timedelta(rng.integers(7, 30, len(div)), unit="D")
    w.write_table(
        "corporate_actions",
        "corporate_actions.csv",
        div,
        "select symbol, action_type, ex_date, announced_on, payable_on, round(amount, 4), currency, "
        f"amount_per, null, null, null, '{src}', 'estimate', null from frame",
        "corporate_actions",
    )

    # ---- filings: quarterly per company
    _filings(w, comp, lst, rng, start, end, src, cny)
    _events(w, comp, rng, start, end, src)

    manifest = {
        "seed": seed,
        "n_listings": int(len(all_listings)),
        "years": years,
        "start": str(start),
        "end": str(end),
        "companies": int(n_comp),
        "rows": w.rows,
        "price_rows": w.rows.get("prices", 0),
        "next_trading_day": {m: str(weekdays[next_idx[m]]) for m in ("HK", "US")},
        "seconds": round(time.perf_counter() - started, 1),
    }
    (out.parent / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    _check_headers(out)
    return manifest


def _price_rows(path, idx, market, sym, ccy, kind, ratio, half_mask, wd64, rng, dividends, company_id):
    """Long-format rows of one listing on its trading days `idx` (indices into the weekday axis)."""
    n = len(idx)
    close = path[idx]
    on_grid = market == "HK" and kind == "ordinary_share"  # HK trades print on the HKEX spread table
    if on_grid:
        close = hk_tick_round(close, wd64[idx])
    prev = np.concatenate([[close[0]], close[:-1]])
    gap = np.exp(rng.normal(0, 0.004, n))
    open_ = prev * gap
    spread = np.abs(rng.normal(0, 0.008, n))
    high = np.maximum(open_, close) * (1 + spread)
    low = np.minimum(open_, close) * (1 - spread * rng.uniform(0.5, 1.0, n))
    volume = np.round(np.exp(rng.normal(np.log(2e6), 0.6, n))).astype(np.int64)
    if on_grid:
        open_, high, low = (hk_tick_round(x, wd64[idx]) for x in (open_, high, low))
    note = np.full(n, None, dtype=object)
    basis = "index_level"
    factor = np.ones(n)
    if kind != "index":
        # Dividends: 1-4 a year at ~0.3-1% of the price; ex-dates are trading days of the listing.
        per_year = int(rng.choice([1, 2, 4]))
        step = 252 // per_year
        ex = np.arange(int(rng.integers(20, 20 + step)), n - 1, step)  # never on the appended day
        amount = np.round(prev[ex] * rng.uniform(0.003, 0.01, len(ex)), 4)
        ex = ex[amount > 0]
        amount = amount[amount > 0]
        special = rng.random(len(ex)) < 0.05
        for e, a, s in zip(ex, amount, special, strict=True):
            dividends.append(
                (
                    sym,
                    "special_dividend" if s else "cash_dividend",
                    wd64[idx[e]],
                    float(a),
                    ccy,
                    "ads" if kind == "ads" else "share",
                )
            )
        # Vendor adjustment: every price before an ex-date is scaled by (1 - dividend / previous close).
        step_factor = np.ones(n)
        step_factor[ex] = 1 - amount / prev[ex]
        # The appended day must not change history: factors only use dividends up to the last real day.
        factor = np.concatenate([np.cumprod(step_factor[::-1])[::-1][1:], [1.0]])
        u = rng.random()
        basis = "dividend_adjusted" if (kind == "etf" or u < 0.4) else "unadjusted"
    adj = close * factor
    if basis == "dividend_adjusted":
        close, open_, high, low = adj, open_ * factor, high * factor, low * factor
        adj_close = np.full(n, np.nan)
    elif basis == "unadjusted":
        adj_close = adj if rng.random() < 0.75 else np.full(n, np.nan)
    else:
        adj_close = np.full(n, np.nan)
    if kind == "etf":  # vendor publishes close only
        open_ = high = low = np.full(n, np.nan)
        volume_col = pd.array([None] * n, dtype="Int64")
    else:
        volume_col = pd.array(volume, dtype="Int64")
    if market == "HK" and kind != "index":
        # Half-days: the HK vendor file carries a zero-volume flat placeholder on some of them.
        ph = np.flatnonzero(half_mask[idx] & (rng.random(n) < 0.5))
        ph = ph[ph > 0]
        flat = close[ph - 1] if len(ph) else close[ph]
        close = close.copy()
        close[ph] = flat
        open_, high, low = open_.copy(), high.copy(), low.copy()
        open_[ph] = high[ph] = low[ph] = flat
        if len(ph):
            adj_close = adj_close.copy()
            adj_close[ph] = np.where(np.isnan(adj_close[ph]), np.nan, flat)
        volume_col[ph] = 0
        note[ph] = "vendor placeholder row: volume 0, O=H=L=C"
    return pd.DataFrame(
        {
            "symbol": sym,
            "date": wd64[idx],
            "currency": ccy,
            "open": open_,
            "high": high,
            "low": low,
            "close": close,
            "adj_close": adj_close,
            "volume": volume_col,
            "price_basis": basis,
            "note": note,
        }
    )


# HKEX spread table (Part A): (upper price bound, tick), and the smaller ticks from the first phase of the
# minimum spread reduction (dbt var hkex_spread_phase1_from; tests/market/assert_hk_closes_on_tick_grid.sql).
HK_TICKS = [
    (0.25, 0.001),
    (0.5, 0.005),
    (10, 0.01),
    (20, 0.02),
    (100, 0.05),
    (200, 0.1),
    (500, 0.2),
    (1000, 0.5),
    (2000, 1),
    (5000, 2),
    (np.inf, 5),
]
HK_TICKS_PHASE1 = [(0.25, 0.001), (0.5, 0.005), (20, 0.01), (50, 0.02)] + HK_TICKS[4:]
HK_PHASE1_FROM = np.datetime64("2025-08-04")


def _ticks(price: np.ndarray, table: list[tuple[float, float]]) -> np.ndarray:
    bounds = np.array([b for b, _ in table])
    sizes = np.array([t for _, t in table])
    return sizes[np.minimum(np.searchsorted(bounds, price, side="right"), len(sizes) - 1)]


def hk_tick_round(price: np.ndarray, dates: np.ndarray) -> np.ndarray:
    """Each price to the nearest point of its HKEX tick grid on its date (never below the smallest tick)."""
    tick = np.where(dates >= HK_PHASE1_FROM, _ticks(price, HK_TICKS_PHASE1), _ticks(price, HK_TICKS))
    return np.maximum(np.round(price / tick) * tick, tick)


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


def _events(w: Writer, comp: pd.DataFrame, rng: np.random.Generator, start: dt.date, end: dt.date, src: str) -> None:
    # A curated catalyst list grows with time, not with the universe (~8 a year, as in seeds/events).
    days = (end - start).days
    n = max(20, 8 * days // 365)
    dates = np.datetime64(start) + rng.integers(0, days, n).astype("timedelta64[D]")
    kinds = np.array(BY_NAME["events"].column("event_type").allowed)
    k = kinds[rng.integers(0, len(kinds), n)]
    company = np.where(
        np.isin(k, ["policy", "market"]), None, comp["company_id"].to_numpy()[rng.integers(0, len(comp), n)]
    )
    ev = pd.DataFrame(
        {
            "event_id": [f"synthetic_event_{i:06d}" for i in range(n)],
            "date": dates,
            "type": k,
            "company_id": company,
            "title": [f"Synthetic {t.replace('_', ' ')} {i}" for i, t in enumerate(k)],
        }
    )
    # Timing: a US company's event in New York time (UTC offset by US daylight saving time), any other in
    # Beijing time; about half carry a reported local time, the rest the date only.
    country = dict(zip(comp["company_id"], comp["country"], strict=True))
    is_us = np.array([country.get(cid) == "US" for cid in company])
    dst = np.array([_us_dst(d) for d in pd.DatetimeIndex(dates).date])
    has_time = rng.random(n) < 0.5
    hours = rng.integers(7, 22, n)
    ev = ev.assign(
        tz=np.where(is_us, "America/New_York", "Asia/Shanghai"),
        utc_offset=np.where(is_us, np.where(dst, -4.0, -5.0), 8.0),
        time_local=[f"{h:02d}:30" if t else None for h, t in zip(hours, has_time, strict=True)],
        timing=np.where(has_time, "time_reported", "date_only"),
    )
    ev = ev.sort_values(["date", "event_id"], kind="stable")
    w.write_table(
        "events",
        "ai_events.csv",
        ev,
        "select event_id, date, type, company_id, title, null, time_local, tz, utc_offset, timing, null, "
        f"'{src}', 'estimate', null from frame",
        "events",
    )


def _us_dst(day: dt.date) -> bool:
    """US daylight saving time: second Sunday of March to first Sunday of November."""
    return _nth_weekday(day.year, 3, 6, 2) <= day < _nth_weekday(day.year, 11, 6, 1)


def _check_headers(out: Path) -> None:
    """The generated headers must be the declared schema of every raw table."""
    for spec in TABLES:
        files = sorted((out / spec.family).glob(spec.pattern))
        assert files, f"no generated files for {spec.name}"
        for f in files[:3]:
            head = f.open().readline().rstrip("\n").split(",")
            assert head == list(spec.column_names), (f, head, spec.column_names)


def manifest_matches(out: Path, n_listings: int, years: int, seed: int) -> bool:
    manifest = out.parent / "manifest.json"
    if not manifest.exists() or not (out / "prices").exists():
        return False
    m = json.loads(manifest.read_text())
    return (m.get("n_listings"), m.get("years"), m.get("seed")) == (n_listings, years, seed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--listings", type=int, default=5000, help="listings incl. 6 indices/ETFs (default 5000)")
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--end-date", type=dt.date.fromisoformat, default=DEFAULT_END)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--if-missing", action="store_true", help="do nothing if --out already holds this scale")
    args = parser.parse_args(argv)
    if args.if_missing and manifest_matches(args.out, args.listings, args.years, args.seed):
        print(f"{args.out}: already generated at this scale", file=sys.stderr)
        return 0
    m = generate(args.out.resolve(), args.listings, args.years, args.seed, args.end_date)
    print(
        f"{args.out}: {m['n_listings']} listings, {m['companies']} companies, "
        f"{m['price_rows']:,} price rows, "
        f"{m['start']}..{m['end']}, {m['seconds']}s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
