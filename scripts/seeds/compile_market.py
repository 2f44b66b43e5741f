"""Compile the market seed families from the vendor price files.

Usage: python3 scripts/seeds/compile_market.py [DATA_DIR]

DATA_DIR defaults to ../shared/data relative to the repository root (i.e. the
folder holding market/prices_daily.csv and market/PROVENANCE.csv). When
market/prices_daily_2.csv (the second batch, after 2025-06-30) and its
PROVENANCE_2.csv are there too, every series is extended with the batch's rows
dated after the series' last date in the first file (the first file wins where
both have a date; ^NDX fills its 2025-04-30 .. 2025-06-30 gap this way).

Writes
  seeds/prices/<symbol>.csv      table prices_daily (one file per symbol, FX excluded)
  seeds/fx/usd_fx_daily.csv      table fx_daily (USD/CNY, USD/HKD)
and prints cross-checks:
  * calendar gaps longer than 4 days per series,
  * last date of every series (indices that stop early),
  * Hong Kong placeholder rows (volume 0, O=H=L=C),
  * if seeds/corporate_actions/corporate_actions.csv exists: for every series with
    both close and adj_close, whether the ratio adj_close/close steps exactly at the
    recorded ex-dates by the size implied by dividend / previous close; and, for the
    dividend-adjusted series, whether un-adjusting them with our dividends leaves the
    ADS / Hong Kong share parity (or fund / index ratio) flat.

Standard library only.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data"

PRICE_COLUMNS = (
    "symbol",
    "date",
    "currency",
    "open",
    "high",
    "low",
    "close",
    "adj_close",
    "volume",
    "price_basis",
    "source",
    "basis",
    "note",
)
FX_COLUMNS = ("date", "base_currency", "quote_currency", "rate", "source", "basis", "note")
FX_SYMBOLS = {"USDCNY": ("USD", "CNY"), "USDHKD": ("USD", "HKD")}
GAP_DAYS = 4


def fmt_price(text: str) -> str:
    """Round to at most 6 decimals, no trailing zeros; empty stays empty."""
    if text is None or text.strip() == "":
        return ""
    s = f"{round(float(text), 6):.6f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def file_name(symbol: str) -> str:
    return re.sub(r"[^A-Za-z0-9.]", "_", symbol) + ".csv"


def load_provenance(path: Path) -> dict[tuple[str, str], tuple[str, str]]:
    """(repo as in PROVENANCE, path) -> (owner/name, commit)."""
    out = {}
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            repo = row["repo"].strip()
            # PROVENANCE spells owner+name; GitHub spells owner/name ('+' is not allowed in
            # GitHub owner or repository names, so it is the separator).
            out[(repo, row["path"].strip())] = (repo.replace("+", "/", 1), row["commit"].strip())
    return out


def load_all_provenance(market_dir: Path) -> dict[tuple[str, str], tuple[str, str]]:
    """PROVENANCE.csv plus PROVENANCE_2.csv (when present); the same (repo, path) must not name two commits."""
    prov = load_provenance(market_dir / "PROVENANCE.csv")
    second = market_dir / "PROVENANCE_2.csv"
    if second.exists():
        for key, value in load_provenance(second).items():
            if key in prov and prov[key] != value:
                raise ValueError(f"PROVENANCE and PROVENANCE_2 disagree on {key}: {prov[key]} vs {value}")
            prov[key] = value
    return prov


def source_text(vendor_source: str, prov: dict) -> str:
    """Vendor `source` column is '<repo>:<path>[ (comment)]'; resolve commit via PROVENANCE."""
    m = re.match(r"^([^:]+):(.+?)(?: \((.*)\))?$", vendor_source.strip())
    if not m:
        raise ValueError(f"unparseable vendor source: {vendor_source!r}")
    repo, path, comment = m.group(1), m.group(2), m.group(3)
    if (repo, path) not in prov:
        raise ValueError(f"no PROVENANCE row for {repo}:{path}")
    gh_repo, commit = prov[(repo, path)]
    vendor = "Yahoo Finance daily data"
    if comment and "investing.com" in comment.lower():
        vendor = "Investing.com daily data (export)"
    return f"{vendor} via public repo {gh_repo}@{commit}:{path}"


def off_tick(text: str) -> bool:
    """True when a price is not on a 0.01 grid (after float32 noise): a traded US close always is,
    a vendor-adjusted close rarely is."""
    v = float(text) * 100
    return abs(v - round(v)) > 1e-3


def is_placeholder(row: dict) -> bool:
    if not row["symbol"].endswith(".HK") or row["volume"] != "0":
        return False
    vals = {row["open"], row["high"], row["low"], row["close"]}
    return len(vals) == 1 and "" not in vals


def price_note(row: dict, last_date: str) -> str:
    basis = row["price_basis"]
    parts = []
    if basis == "dividend_adjusted":
        parts.append("OHLC adjusted by vendor for later dividends; split-adjusted")
    elif basis == "unadjusted":
        if row["adj_close"]:
            parts.append("split-adjusted traded prices; adj_close is vendor dividend-adjusted")
        else:
            parts.append("split-adjusted traded prices; vendor publishes no adj_close")
            if off_tick(row["close"]):
                parts.append(
                    "close is off the 0.01 tick grid: looks dividend-adjusted by the vendor "
                    "despite the 'unadjusted' label"
                )
    elif basis == "index_level":
        parts.append("index level (price index)")
    if row["open"] == "" and row["high"] == "" and row["low"] == "" and row["volume"] == "":
        parts.append("vendor publishes close only")
    if row.get("_batch") == 2 and basis == "dividend_adjusted":
        parts.append(f"second vendor batch (file ends {last_date}): adjusted for dividends up to that date")
    if is_placeholder(row):
        parts.append("vendor placeholder row: volume 0, O=H=L=C")
    elif row["instrument_type"] == "index" and row["volume"] == "0":
        parts.append("volume 0 in vendor file (missing, not a trade count)")
    return "; ".join(parts)


def _read_batch(path: Path, batch: int) -> dict[str, list[dict]]:
    by_symbol: dict[str, list[dict]] = defaultdict(list)
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            row["_batch"] = batch
            by_symbol[row["symbol"]].append(row)
    for rows in by_symbol.values():
        rows.sort(key=lambda r: r["date"])
    return by_symbol


def read_vendor(data_dir: Path) -> dict[str, list[dict]]:
    """First batch, extended per series by the second batch's rows after the series' last first-batch date."""
    by_symbol = _read_batch(data_dir / "market" / "prices_daily.csv", 1)
    second = data_dir / "market" / "prices_daily_2.csv"
    if second.exists():
        for symbol, rows in _read_batch(second, 2).items():
            old = by_symbol.get(symbol, [])
            last = old[-1]["date"] if old else ""
            if old and rows[0]["price_basis"] != old[0]["price_basis"]:
                raise ValueError(f"{symbol}: price_basis changes between batches")
            skipped = [r["date"] for r in rows if r["date"] <= last]
            if skipped:
                print(f"prices: {symbol} second batch rows on or before {last} ignored: {len(skipped)}")
            by_symbol[symbol] = old + [r for r in rows if r["date"] > last]
    return by_symbol


def write_csv(path: Path, columns, rows) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(columns)
        for r in rows:
            w.writerow([r[c] for c in columns])


def gaps(dates: list[str]) -> list[tuple[str, str, int]]:
    out = []
    ds = [date.fromisoformat(d) for d in dates]
    for a, b in zip(ds, ds[1:], strict=False):
        if (b - a).days > GAP_DAYS:
            out.append((a.isoformat(), b.isoformat(), (b - a).days))
    return out


def compile_prices(by_symbol, prov, out_dir: Path) -> None:
    for symbol, rows in sorted(by_symbol.items()):
        if symbol in FX_SYMBOLS:
            continue
        last = rows[-1]["date"]
        out = []
        seen = set()
        file_end = {}
        for r in rows:
            file_end[r["source"]] = max(file_end.get(r["source"], ""), r["date"])
        for r in rows:
            if r["date"] in seen:
                raise ValueError(f"duplicate {symbol} {r['date']}")
            seen.add(r["date"])
            if r["price_basis"] not in ("unadjusted", "dividend_adjusted", "index_level"):
                raise ValueError(f"unexpected price_basis {r['price_basis']} for {symbol}")
            vol = r["volume"].strip()
            if vol:
                vol = str(int(float(vol)))
            out.append(
                {
                    "symbol": symbol,
                    "date": r["date"],
                    "currency": r["currency"],
                    "open": fmt_price(r["open"]),
                    "high": fmt_price(r["high"]),
                    "low": fmt_price(r["low"]),
                    "close": fmt_price(r["close"]),
                    "adj_close": fmt_price(r["adj_close"]),
                    "volume": vol,
                    "price_basis": r["price_basis"],
                    "source": source_text(r["source"], prov),
                    "basis": "reported",
                    "note": price_note(r, file_end[r["source"]]),
                }
            )
        write_csv(out_dir / file_name(symbol), PRICE_COLUMNS, out)
        print(f"prices: {file_name(symbol):14s} {len(out):4d} rows {out[0]['date']} .. {out[-1]['date']}")


SPIKE = 0.008  # an FX close 0.8% away from BOTH neighbours (same direction) is flagged


def fx_spikes(rows: list[dict]) -> set[str]:
    """Dates whose close deviates by more than SPIKE from both neighbouring closes, in the same
    direction (an isolated jump that reverts the next day: a suspected vendor bad tick)."""
    out = set()
    closes = [float(r["close"]) for r in rows]
    for i in range(1, len(rows) - 1):
        a, b = closes[i] / closes[i - 1] - 1, closes[i] / closes[i + 1] - 1
        if abs(a) > SPIKE and abs(b) > SPIKE and (a > 0) == (b > 0):
            out.add(rows[i]["date"])
    return out


def compile_fx(by_symbol, prov, out_path: Path) -> None:
    out = []
    for symbol, (base, quote) in FX_SYMBOLS.items():
        spikes = fx_spikes(by_symbol[symbol])
        if spikes:
            print(f"fx: {symbol} suspected bad ticks on {len(spikes)} dates: {', '.join(sorted(spikes))}")
        for r in by_symbol[symbol]:
            if r["currency"] != quote:
                raise ValueError(f"{symbol} currency {r['currency']} != {quote}")
            out.append(
                {
                    "date": r["date"],
                    "base_currency": base,
                    "quote_currency": quote,
                    "rate": fmt_price(r["close"]),
                    "source": source_text(r["source"], prov),
                    "basis": "reported",
                    "note": f"vendor daily close of {symbol} ({quote} per 1 {base})"
                    + (
                        "; weekend date in the vendor file (kept as published; not a trading day)"
                        if date.fromisoformat(r["date"]).weekday() >= 5
                        else ""
                    )
                    + (
                        "; suspected vendor bad tick: >0.8% away from both neighbouring closes"
                        if r["date"] in spikes
                        else ""
                    ),
                }
            )
    out.sort(key=lambda r: (r["date"], r["quote_currency"]))
    write_csv(out_path, FX_COLUMNS, out)
    print(f"fx: {out_path.name} {len(out)} rows")


def report_checks(by_symbol) -> None:
    print(f"\n== gaps > {GAP_DAYS} calendar days ==")
    for symbol, rows in sorted(by_symbol.items()):
        g = gaps([r["date"] for r in rows])
        if g:
            print(f"{symbol}: " + ", ".join(f"{a}->{b} ({n}d)" for a, b, n in g))
        else:
            print(f"{symbol}: none")
    print("\n== first / last dates ==")
    for symbol, rows in sorted(by_symbol.items()):
        print(f"{symbol}: {rows[0]['date']} .. {rows[-1]['date']} ({len(rows)} rows)")
    print("\n== HK placeholder rows (volume 0, O=H=L=C) ==")
    ph = defaultdict(list)
    for symbol, rows in sorted(by_symbol.items()):
        for r in rows:
            if is_placeholder(r):
                ph[r["date"]].append(symbol)
    for d in sorted(ph):
        print(f"{d}: {' '.join(ph[d])}")


def check_adj_ratio(by_symbol, ca_path: Path, tol: float = 5e-6) -> None:
    """Ratio adj_close/close must step only at ex-dates, by (1 - D/prev_close).

    tol is the largest day-to-day move of the ratio treated as float noise (the vendor
    prices carry ~7 significant digits; observed noise is below 4e-7)."""
    if not ca_path.exists():
        print("\n(no corporate_actions.csv yet: adj_close ratio check skipped)")
        return
    divs = defaultdict(dict)
    splits = defaultdict(dict)
    with ca_path.open(newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["action_type"] == "split":
                splits[r["symbol"]][r["ex_date"]] = float(r["split_ratio"])
            else:
                divs[r["symbol"]][r["ex_date"]] = divs[r["symbol"]].get(r["ex_date"], 0.0) + float(r["amount"])
    print("\n== adj_close/close step check (symbols with both) ==")
    for symbol, rows in sorted(by_symbol.items()):
        if not rows or not rows[0]["adj_close"]:
            continue
        ratio = [(r["date"], float(r["adj_close"]) / float(r["close"]), float(r["close"])) for r in rows]
        problems = []
        matched = 0
        steps_seen = set()
        for (_d0, r0, c0), (d1, r1, _c1) in zip(ratio, ratio[1:], strict=False):
            observed = r0 / r1  # = 1 - D/c0 at an ex-date, 1 otherwise
            if d1 in divs[symbol]:
                amount = divs[symbol][d1]
                # amounts recorded before a split are per pre-split share; price file is split-adjusted
                for sd, ratio_ in splits[symbol].items():
                    if d1 < sd:
                        amount /= ratio_
                expected = 1 - amount / c0
                implied = (1 - observed) * c0
                steps_seen.add(d1)
                # accept if the implied dividend is within 1% of the recorded amount
                # (or within float noise of the vendor's 7-digit prices)
                if abs(implied - amount) > max(0.01 * amount, tol * c0):
                    problems.append(
                        f"{d1}: step {observed:.6f} expected {expected:.6f} "
                        f"(implied dividend {(1 - observed) * c0:.4f})"
                    )
                else:
                    matched += 1
            elif abs(observed - 1) > tol:
                problems.append(f"{d1}: unexplained step {observed:.6f} (implied dividend {(1 - observed) * c0:.4f})")
        first, last = rows[0]["date"], rows[-1]["date"]
        missing = [d for d in divs[symbol] if first < d <= last and d not in steps_seen]
        for d in missing:
            problems.append(f"{d}: ex-date not a trading day in the price file")
        status = "OK" if not problems else "MISMATCH"
        print(
            f"{symbol}: {status}; {matched} ex-date steps matched of "
            f"{len([d for d in divs[symbol] if first < d <= last])} recorded in range"
        )
        for p in problems:
            print("   " + p)


def _closes(by_symbol, symbol):
    return {r["date"]: float(r["close"]) for r in by_symbol.get(symbol, [])}


def unadjust(closes: dict[str, float], divs: dict[str, float]) -> dict[str, float]:
    """Undo a Yahoo-style dividend adjustment: walking back from the last date, each ex-date e
    multiplies earlier prices by (1 - D/raw_close(e-1)), so raw(e-1) = adj(e-1)/F + D."""
    dates = sorted(closes)
    factor, raw = 1.0, {}
    for i in range(len(dates) - 1, -1, -1):
        t = dates[i]
        raw[t] = closes[t] / factor
        if t in divs and i > 0:
            prev = dates[i - 1]
            factor = closes[prev] / (closes[prev] / factor + divs[t])
    return raw


def _half_year_medians(pairs):
    from statistics import median

    buckets = defaultdict(list)
    for t, v in pairs:
        buckets[f"{t[:4]}H{1 if t[5:7] <= '06' else 2}"].append(v)
    return " ".join(f"{k}:{median(v):.4f}" for k, v in sorted(buckets.items()))


def check_unadjust_plausibility(by_symbol, ca_path: Path) -> None:
    """Un-adjust dividend-adjusted series with our dividends (only those the vendor applied, with the
    figure it applied: in_vendor_adjustment / vendor_amount) and compare with a second line of the same asset (ADS vs Hong Kong share at the ADS ratio, via USDHKD) or with the price index a
    fund tracks. A correct un-adjustment leaves the ratio flat (half-year medians printed)."""
    if not ca_path.exists():
        return
    fx = _closes(by_symbol, "USDHKD")
    divs = defaultdict(dict)
    with ca_path.open(newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["action_type"] == "split":
                continue
            if r.get("in_vendor_adjustment", "").strip().lower() == "false":
                continue  # the vendor did not apply it: nothing to undo
            if r.get("vendor_amount", "").strip():
                amount = float(r["vendor_amount"])  # the figure the vendor applied, listing currency
            else:
                amount = float(r["amount"])
                if r["symbol"].endswith(".HK") and r["currency"] == "USD":
                    amount *= fx[r["ex_date"]]  # USD-declared HK dividends, valued in HKD at the ex-date
            divs[r["symbol"]][r["ex_date"]] = divs[r["symbol"]].get(r["ex_date"], 0.0) + amount
    print("\n== un-adjustment plausibility (ratio should be flat when the adjustment is undone correctly) ==")
    for ads, hk, n in (("BABA", "9988.HK", 8), ("JD", "9618.HK", 2), ("BIDU", "9888.HK", 8), ("TCEHY", "0700.HK", 1)):
        a_pub, h_pub = _closes(by_symbol, ads), _closes(by_symbol, hk)
        a_raw = unadjust(a_pub, divs[ads]) if ads != "TCEHY" else a_pub
        h_raw = unadjust(h_pub, divs[hk])
        common = sorted(set(a_pub) & set(h_pub) & set(fx))
        for label, a, h in (
            ("as published", a_pub, h_pub),
            (f"{ads} un-adjusted, {hk} as published", a_raw, h_pub),
            ("both un-adjusted", a_raw, h_raw),
        ):
            pairs = [(t, a[t] / (n * h[t] / fx[t])) for t in common]
            print(f"{ads}/{hk} x{n} {label:38s} {_half_year_medians(pairs)}")
    for fund, idx in (("SPY", "^GSPC"), ("QQQ", "^NDX")):
        f_pub, i_pub = _closes(by_symbol, fund), _closes(by_symbol, idx)
        f_raw = unadjust(f_pub, divs[fund])
        common = sorted(set(f_pub) & set(i_pub))
        for label, f in (("as published", f_pub), ("un-adjusted", f_raw)):
            pairs = [(t, 1000 * f[t] / i_pub[t]) for t in common]
            print(f"{fund}/{idx} x1000 {label:14s} {_half_year_medians(pairs)}")


def main(argv: list[str]) -> int:
    data_dir = Path(argv[1]).resolve() if len(argv) > 1 else DEFAULT_DATA
    prov = load_all_provenance(data_dir / "market")
    by_symbol = read_vendor(data_dir)
    compile_prices(by_symbol, prov, REPO_ROOT / "seeds" / "prices")
    compile_fx(by_symbol, prov, REPO_ROOT / "seeds" / "fx" / "usd_fx_daily.csv")
    report_checks(by_symbol)
    ca_path = REPO_ROOT / "seeds" / "corporate_actions" / "corporate_actions.csv"
    check_adj_ratio(by_symbol, ca_path)
    check_unadjust_plausibility(by_symbol, ca_path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
