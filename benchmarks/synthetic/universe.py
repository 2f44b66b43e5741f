"""The companies and listings: the shipped ones first, then synthetic China and US companies."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .writer import Writer

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
# The first columns of a listing row, in the order of the listings seed file.
LISTING_KEYS = ["symbol", "name", "company_id", "instrument_type", "exchange", "market"]
# (symbol, name, instrument_type, exchange, market, currency, benchmark, start level)
BENCHMARKS = [
    ("^HSI", "Hang Seng Index", "index", "HSI", "HK", "HKD", None, 20000.0),
    ("HSTECH", "Hang Seng TECH Index", "index", "HSI", "HK", "HKD", "^HSI", 4500.0),
    ("^NDX", "Nasdaq-100 Index", "index", "NASDAQ", "US", "USD", None, 15000.0),
    ("^GSPC", "S&P 500 Index", "index", "SPDJI", "US", "USD", None, 4500.0),
    ("KWEB", "KraneShares CSI China Internet ETF", "etf", "NYSE Arca", "US", "USD", "^NDX", 30.0),
    ("QQQ", "Invesco QQQ Trust", "etf", "NASDAQ", "US", "USD", "^NDX", 350.0),
]


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
        columns=[*LISTING_KEYS, "ratio", "is_primary"],
    )
    return comp, lst


def write_reference(
    w: Writer, comp: pd.DataFrame, lst: pd.DataFrame, rng: np.random.Generator, src: str
) -> pd.DataFrame:
    """companies.csv and listings.csv (the generated listings, then the indices and ETFs); adds each listing's
    currency and benchmark to `lst`. Returns every listing written."""
    cols_c = comp.assign(
        basket=np.where(comp["country"] == "CN", "china", "us"),
        sector=rng.choice(["Internet", "E-commerce", "Software", "Semiconductors", "Cloud"], len(comp)),
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
        columns=[*LISTING_KEYS, "currency", "ratio", "benchmark", "is_primary"],
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
    return all_listings
