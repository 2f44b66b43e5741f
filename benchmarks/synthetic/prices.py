"""One listing's daily rows: trading days, OHLC on the exchange's tick grid, volume, vendor adjustment."""

from __future__ import annotations

import numpy as np
import pandas as pd


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
