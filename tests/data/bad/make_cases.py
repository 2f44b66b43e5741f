"""Regenerate the bad-input corpus: each file is a slice of a real seed file with ONE defect that vendor
exports really produce, plus `cases.csv`, the manifest the tests read.

    .venv/bin/python tests/data/bad/make_cases.py

Manifest columns: case (file name), table, seed_path (where the file goes in a copy of seeds/, replacing
the real file), outcome (fail | quarantine), line, column (empty: the defect is the whole file, no column
to name), words (must appear in the message or the quarantine reason), defect (what the vendor did).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parents[2] / "seeds"


def lines(rel: str, n: int | None = None) -> list[str]:
    text = (SEEDS / rel).read_text(encoding="utf-8").splitlines()
    return text if n is None else text[: n + 1]  # header + n rows


def rows(ls: list[str]) -> list[list[str]]:
    return list(csv.reader(ls))


def unparse(rs: list[list[str]]) -> list[str]:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rs)
    return out.getvalue().splitlines()


def edit(ls: list[str], line: int, **changes: str) -> list[str]:
    """Set columns of 1-based `line` (line 1 is the header)."""
    header = rows(ls[:1])[0]
    rs = rows(ls)
    for col, value in changes.items():
        rs[line - 1][header.index(col)] = value
    return unparse(rs)


def scale(ls: list[str], from_line: int, cols: tuple[str, ...], factor: float, to_line: int | None = None) -> list[str]:
    header = rows(ls[:1])[0]
    rs = rows(ls)
    for i in range(from_line - 1, (to_line or len(rs))):
        for col in cols:
            value = rs[i][header.index(col)]
            if value:
                rs[i][header.index(col)] = f"{float(value) * factor:.6f}"
    return unparse(rs)


def text(ls: list[str]) -> str:
    return "\n".join(ls) + "\n"


CASES: list[dict] = []


def case(name, table, seed_path, outcome, line, column, words, defect, content: str | bytes):
    CASES.append(dict(case=name, table=table, seed_path=seed_path, outcome=outcome, line=line,
                      column=column or "", words=words, defect=defect))
    path = HERE / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


def main() -> None:
    for old in HERE.glob("*.csv"):
        old.unlink()

    # ---- prices --------------------------------------------------------------------------------------
    baba = lines("prices/BABA.csv", 30)
    hk = lines("prices/9988.HK.csv", 30)
    hsi = lines("prices/_HSI.csv", 30)
    P, PHK, PHSI = "prices/BABA.csv", "prices/9988.HK.csv", "prices/_HSI.csv"

    case("prices_semicolon_delimiter.csv", "prices_daily", P, "fail", 1, "symbol", "not comma-delimited",
         "European export: ';' as the delimiter", text([line.replace(",", ";") for line in baba]))
    rs = rows(baba)
    rs[4][6] = rs[4][6].replace(".", ",")
    case("prices_decimal_comma.csv", "prices_daily", P, "fail", 5, "close", "could not convert",
         "decimal comma in one close (quoted so the delimiter survives)", text(unparse(rs)))
    case("prices_header_shifted.csv", "prices_daily", P, "fail", 1, "symbol", "missing column",
         "header shifted by one: the first column name dropped, names slide left",
         text([baba[0].split(",", 1)[1], *baba[1:]]))
    case("prices_banner_line.csv", "prices_daily", P, "fail", 1, "symbol", "missing column",
         "a title line above the header (header on line 2)",
         text(["BABA historical prices exported 2025-07-01", *baba]))
    rs = rows(baba)
    for r in rs[1:]:
        y, m, d = r[1].split("-")
        r[1] = f"{d}/{m}/{y}"
    case("prices_date_ddmmyyyy.csv", "prices_daily", P, "fail", 2, "date", "could not convert",
         "dates as 03/01/2023 instead of 2023-01-03", text(unparse(rs)))
    rs = rows(hsi)
    for r in rs[1:]:
        r[6] = f"{float(r[6]):,.2f}"
    case("prices_thousands_separator.csv", "prices_daily", PHSI, "fail", 2, "close", "could not convert",
         "index level with thousands separators (\"20,145.29\")", text(unparse(rs)))
    case("prices_duplicate_day_identical.csv", "prices_daily", P, "quarantine", 11, "date",
         "exact duplicate of line 10", "the same day exported twice, identical",
         text([*baba[:10], baba[9], *baba[10:]]))
    dup = edit([baba[0], baba[9]], 2, close="99.5")[1]
    case("prices_duplicate_day_conflict.csv", "prices_daily", P, "fail", 11, "date", "duplicate primary key",
         "the same day twice with different closes", text([*baba[:10], dup, *baba[10:]]))
    case("prices_zero_close.csv", "prices_daily", PHK, "fail", 8, "close", "close_positive",
         "zero-price placeholder row", text(edit(hk, 8, open="0", high="0", low="0", close="0", volume="0")))
    case("prices_negative_close.csv", "prices_daily", P, "fail", 12, "close", "close_positive",
         "negative close (sign flipped in a vendor correction)", text(edit(baba, 12, close="-" + rows(baba)[11][6])))
    case("prices_high_below_low.csv", "prices_daily", P, "fail", 7, "high", "high_not_below_low",
         "high and low swapped",
         text(edit(baba, 7, high=rows(baba)[6][5], low=rows(baba)[6][4])))
    case("prices_spike_100x.csv", "prices_daily", P, "quarantine", 15, "close", "isolated bad tick",
         "one close 100x its neighbours (bad tick)", text(scale(baba, 15, ("close",), 100, to_line=15)))
    case("prices_level_shift_100x.csv", "prices_daily", PHK, "fail", 20, "close", "price_level_shift",
         "from one day on the vendor quotes in cents (100x), the series never comes back",
         text(scale(hk, 20, ("open", "high", "low", "close"), 100)))
    case("prices_currency_mismatch.csv", "prices_daily", PHK, "fail", 2, "currency", "does not match the listing",
         "HKD listing exported with currency USD",
         text(unparse([r if i == 0 else [*r[:2], "USD", *r[3:]] for i, r in enumerate(rows(hk))])))
    case("prices_unknown_ticker.csv", "prices_daily", P, "fail", 2, "symbol", "unknown symbol",
         "vendor's own ticker (BABA.N) not in listings",
         text([baba[0], *[line.replace("BABA,", "BABA.N,", 1) for line in baba[1:]]]))
    case("prices_bom.csv", "prices_daily", P, "fail", 1, "symbol", "byte-order mark",
         "UTF-8 byte-order mark (Excel 'CSV UTF-8')", ("\ufeff" + text(baba)))
    truncated = text(baba).rstrip("\n")
    truncated = truncated[: truncated.rfind(",", 0, truncated.rfind(",", 0, len(truncated) - 200))]
    case("prices_truncated_last_line.csv", "prices_daily", P, "fail", 31, "volume", "missing columns",
         "download cut off in the middle of the last line", truncated)
    case("prices_empty.csv", "prices_daily", P, "fail", 1, "", "empty", "zero-byte file (failed download)", "")
    case("prices_header_only.csv", "prices_daily", P, "fail", 2, "", "no data rows",
         "header but no rows (vendor returned nothing)", text(baba[:1]))

    # ---- fx --------------------------------------------------------------------------------------------
    fx = lines("fx/usd_fx_daily.csv", 60)
    F = "fx/usd_fx_daily.csv"
    gap = [fx[0], *[line for line in fx[1:] if not ("2023-01-09" <= line[:10] <= "2023-01-13")]]
    first_after = next(i for i, line in enumerate(gap, 1) if line[:10] == "2023-01-16")
    case("fx_week_missing.csv", "fx_daily", F, "fail", first_after, "date", "rate for",
         "a whole week (2023-01-09..13) missing for both pairs", text(gap))
    hkd_from = next(i for i, line in enumerate(fx, 1) if line.startswith("2023-01-20,USD,HKD"))
    rs = rows(fx)
    for r in rs[hkd_from - 1:]:
        if r[2] == "HKD":
            r[3] = f"{1 / float(r[3]):.6f}"
    case("fx_inverted_quote.csv", "fx_daily", F, "fail", hkd_from, "rate", "inverted quote",
         "USD/HKD switched to HKD per USD inverted (0.128) from one day on", text(unparse(rs)))
    rs = rows(fx)
    rs[3][3] = rs[3][3].replace(".", ",")
    case("fx_decimal_comma.csv", "fx_daily", F, "fail", 4, "rate", "could not convert",
         "decimal comma in a rate", text(unparse(rs)))
    case("fx_duplicate_day_identical.csv", "fx_daily", F, "quarantine", 8, "date", "exact duplicate of line 7",
         "a rate line exported twice", text([*fx[:7], fx[6], *fx[7:]]))
    case("fx_unknown_pair.csv", "fx_daily", F, "fail", 3, "quote_currency", "not allowed",
         "a pair the warehouse does not model (USD/EUR)", text(edit(fx, 3, quote_currency="EUR")))
    case("fx_tab_delimited.csv", "fx_daily", F, "fail", 1, "date", "not comma-delimited",
         "tab-separated export", text([line.replace(",", "\t") for line in fx]))

    # ---- corporate actions -----------------------------------------------------------------------------
    ca = lines("corporate_actions/corporate_actions.csv", 20)
    C = "corporate_actions/corporate_actions.csv"
    case("ca_unknown_symbol.csv", "corporate_actions", C, "fail", 3, "symbol", "unknown symbol",
         "HK code without the .HK suffix (700)", text(edit(ca, 3, symbol="700")))
    case("ca_date_slashes.csv", "corporate_actions", C, "fail", 2, "ex_date", "could not convert",
         "ex-date as 2023/05/19", text(edit(ca, 2, ex_date="2023/05/19")))
    case("ca_split_without_ratio.csv", "corporate_actions", C, "fail", 4, "split_ratio", "split_has_ratio",
         "a split row with no ratio", text(edit(ca, 4, action_type="split", split_ratio="")))

    # ---- fundamentals ----------------------------------------------------------------------------------
    fu = lines("fundamentals/alibaba.csv")
    FU = "fundamentals/alibaba.csv"
    hdr = rows(fu[:1])[0]
    eps_line = next(i for i, r in enumerate(rows(fu), 1)
                    if r[hdr.index("metric")] == "eps_diluted_gaap" and r[1] == "2025" and r[2] == "3")
    eps = float(rows(fu)[eps_line - 1][hdr.index("value")])
    case("fundamentals_eps_per_ads.csv", "fundamentals_quarterly", FU, "fail", eps_line, "value",
         "eps_matches_net_income", "per-ADS EPS (8 shares) typed into the per-share column",
         text(edit(fu, eps_line, value=f"{eps * 8:g}")))
    rev_line = next(i for i, r in enumerate(rows(fu), 1) if r[hdr.index("metric")] == "revenue_m")
    r = rows(fu)[rev_line - 1]
    case("fundamentals_announced_before_end.csv", "fundamentals_quarterly", FU, "fail", rev_line, "announced_on",
         "announced_after_period_end", "announcement date before the quarter ended (period end typed twice)",
         text(edit(fu, rev_line, announced_on=r[hdr.index("period_end")][:8] + "01")))
    case("fundamentals_unknown_company.csv", "fundamentals_quarterly", FU, "fail", 2, "company_id",
         "unknown company_id", "vendor's company name instead of our id",
         text([fu[0], *[line.replace("alibaba,", "alibaba_group,", 1) for line in fu[1:]]]))
    case("fundamentals_currency_mismatch.csv", "fundamentals_quarterly", FU, "fail", rev_line, "currency",
         "reporting currency", "revenue converted to USD by the vendor, still labelled as a filing figure",
         text(edit(fu, rev_line, currency="USD")))

    # ---- segments, balance sheet, capex, guidance --------------------------------------------------------
    seg = lines("segments/alibaba.csv", 30)
    S = "segments/alibaba.csv"
    case("segments_unknown_segment.csv", "segments_quarterly", S, "fail", 3, "segment", "not allowed",
         "segment renamed by the vendor ('cloud_computing')", text(edit(seg, 3, segment="cloud_computing")))
    case("segments_thousands_separator.csv", "segments_quarterly", S, "fail", 2, "value", "could not convert",
         "value with a thousands separator (\"114,950\")", text(edit(seg, 2, value="114,950")))
    bs = lines("balance_sheet/alibaba.csv", 20)
    case("balance_sheet_negative.csv", "balance_sheet", "balance_sheet/alibaba.csv", "fail", 5, "value",
         "value_not_negative", "debt shown as a negative number", text(edit(bs, 5, value="-8841")))
    cx = lines("capex/us_hyperscalers.csv", 30)
    X = "capex/us_hyperscalers.csv"
    rs = rows(cx)
    for r in rs[1:]:
        r[6] = "-" + r[6]
    case("capex_negative_outflow.csv", "capex_quarterly", X, "fail", 2, "value", "value_positive",
         "cash-flow sign convention: purchases as negative numbers", text(unparse(rs)))
    case("capex_fiscal_quarter_5.csv", "capex_quarterly", X, "fail", 6, "fiscal_quarter", "not allowed",
         "fiscal quarter 5 (a 53-week-year artefact)", text(edit(cx, 6, fiscal_quarter="5")))
    gu = lines("guidance/capex_guidance.csv")
    G = "guidance/capex_guidance.csv"
    case("guidance_high_below_low.csv", "guidance", G, "fail", 2, "high", "high_not_below_low",
         "range typed high-low reversed", text(edit(gu, 2, low="80000", high="60000")))
    case("guidance_period_reversed.csv", "guidance", G, "fail", 3, "period_end", "period_end_after_start",
         "period start and end swapped", text(edit(gu, 3, period_start="2025-12-31", period_end="2025-01-01")))

    # ---- reference and events -----------------------------------------------------------------------------
    li = lines("reference/listings.csv")
    case("listings_unknown_company.csv", "listings", "reference/listings.csv", "fail", 4, "company_id",
         "unknown company_id", "listing pointing at a company not in companies.csv",
         text(edit(li, 4, company_id="tencent_holdings")))
    case("listings_unknown_benchmark.csv", "listings", "reference/listings.csv", "fail", 2, "benchmark_symbol",
         "is not a listed symbol", "benchmark that is not itself a listing (^HSCE)",
         text(edit(li, 2, benchmark_symbol="^HSCE")))
    co = lines("reference/companies.csv")
    case("companies_month_13.csv", "companies", "reference/companies.csv", "fail", 3, "fiscal_year_end_month",
         "month_in_range", "fiscal year end month 13", text(edit(co, 3, fiscal_year_end_month="13")))
    ev = lines("events/ai_events.csv")
    E = "events/ai_events.csv"
    case("events_unknown_company.csv", "events", E, "fail", 3, "company_id", "unknown company_id",
         "event tagged with a company not in companies.csv", text(edit(ev, 3, company_id="ali")))
    case("events_date_as_text.csv", "events", E, "fail", 4, "event_date", "could not convert",
         "date written out ('Nov 16 2023')", text(edit(ev, 4, event_date="Nov 16 2023")))
    cp = text(edit(ev, 5, title="Alibaba results \u2013 cloud spin-off called off")).encode("cp1252")
    case("events_cp1252.csv", "events", E, "fail", 5, "title", "utf-8",
         "saved as Windows-1252 (en dash is byte 0x96)", cp)

    with (HERE / "cases.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(CASES[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(CASES)
    print(f"{len(CASES)} cases written to {HERE}")


if __name__ == "__main__":
    main()
