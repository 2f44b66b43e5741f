"""The companies and listings: the shipped ones first, then synthetic China and US companies."""

from __future__ import annotations

import numpy as np
import pandas as pd

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
