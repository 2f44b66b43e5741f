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
import shutil
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "data" / "seeds"
DEFAULT_END = dt.date(2025, 6, 30)
CHUNK_COMPANIES = 400

# The contract every generated file must meet (the same loader validates them), and this folder's modules.
sys.path[:0] = [str(HERE.parent), str(HERE)]
from synthetic.calendars import hk_half_days, hk_holidays, us_holidays  # noqa: E402
from synthetic.events import _events  # noqa: E402
from synthetic.filings import _filings  # noqa: E402
from synthetic.prices import _price_rows  # noqa: E402
from synthetic.universe import BENCHMARKS, build_universe, write_reference  # noqa: E402
from synthetic.writer import HEADERS, Writer, check_headers  # noqa: E402, F401  (HEADERS: read by tests)


def source_text(seed: int) -> str:
    return f"synthetic benchmark data (benchmarks/generate.py seed {seed})"


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

    all_listings = write_reference(w, comp, lst, rng, src)

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
    check_headers(out)
    return manifest


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
