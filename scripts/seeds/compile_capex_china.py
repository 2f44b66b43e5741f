#!/usr/bin/env python3
"""Compile quarterly capex rows for the China side of the US-China comparison from Alibaba's own documents.

Output: seeds/capex/china_releases.csv (table raw.capex_quarterly). Stdlib only; safe to re-run.

What the rows are (millions of RMB), all definition `cash_purchases_of_ppe_and_land_use_rights`:
Alibaba's "Capital Expenditure" line of its earnings presentation ("Cash Flow & Balance Sheet: Selected
Financials" slide), which is the cash-flow line "acquisitions of land use rights and property and equipment"
(the slide's fiscal 2023 total 34,330 equals the annual report's capital expenditures for fiscal 2023). It is NOT
the narrower purchase line of Alibaba's free-cash-flow reconciliation ("purchase of property and equipment
(excluding land use rights and construction in progress relating to office campuses)"), which the same slide
lists above it (fiscal 2023: 30,373; March quarter 2023: 2,513); that line is never used here.

Inputs, each a figure printed in a company document (quoted in SLIDE / INTERIM below):
- Earnings Presentation Q4 FY2023 (results of 2023-05-18), slide 6: capital expenditure of the three months ended
  31 March 2022 and 2023 and of the years ended 31 March 2022 and 2023.
- Fiscal 2023 interim report (six months ended 30 September 2022, HKEX, 2022-12-16): "net cash used in investing
  activities ... primarily reflecting capital expenditures of RMB23,955 million (US$3,368 million)".
The December quarter 2022 is derived: fiscal-2023 total - six months to September - March quarter.
announced_on is each quarter's results release date (seeds/earnings_calendar/alibaba.csv).

Cross-checks printed at the end: the convenience translation of the interim figure (23,955 at the 30 September 2022
H.10 rate 7.1135 = US$3,368m as printed) and of the March-quarter 2023 figure (3,478 at the slide's rate, US$506m).
"""

from __future__ import annotations

import csv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "seeds" / "capex" / "china_releases.csv"
CALENDAR = ROOT / "seeds" / "earnings_calendar" / "alibaba.csv"

HEADER = [
    "company_id", "fiscal_year", "fiscal_quarter", "period_end", "announced_on", "definition", "value",
    "currency", "source", "source_kind", "basis", "note",
]
DEFINITION = "cash_purchases_of_ppe_and_land_use_rights"

SLIDE = (
    "Alibaba Group Earnings Presentation Q4 FY2023 (March quarter and fiscal year 2023 results, 2023-05-18), slide 6 "
    "'Cash Flow & Balance Sheet: Selected Financials', line 'Capital Expenditure' (slide copy on pitchsend.com, "
    "same deck as https://pitchsend.com/slides/fac6df5d-2b75-43bc-8de9-9692f2c2183b; the slide's own address was "
    "not shown in the copy read)"
)
INTERIM = (
    "Alibaba fiscal 2023 interim report, six months ended 30 September 2022 (HKEX, 2022-12-16): 'capital "
    "expenditures of RMB23,955 million (US$3,368 million)' (read in the extract of the report at "
    "https://reportify.ai/filings/914306424010575872)"
)
LINE = (
    "Alibaba 'Capital Expenditure' = cash-flow line 'acquisitions of land use rights and property and equipment' "
    "(slide FY2023 total 34,330 = annual report FY2023 capital expenditures); not the narrower purchase line of the "
    "free-cash-flow reconciliation"
)

# Figures as printed (RMB millions, shown negative in the documents, stored positive).
SLIDE_Q4_FY2022 = 11_502   # three months ended 31 March 2022
SLIDE_Q4_FY2023 = 3_478    # three months ended 31 March 2023 (US$506m)
SLIDE_FY2022 = 53_309      # year ended 31 March 2022
SLIDE_FY2023 = 34_330      # year ended 31 March 2023 (US$4,999m)
INTERIM_H1_FY2023 = 23_955  # six months ended 30 September 2022 (US$3,368m)


def release_dates() -> dict[tuple[int, int], str]:
    with CALENDAR.open(newline="") as fh:
        return {
            (int(r["fiscal_year"]), int(r["fiscal_quarter"])): r["release_date"]
            for r in csv.DictReader(fh)
            if r["company_id"] == "alibaba"
        }


def rows() -> list[dict[str, object]]:
    dates = release_dates()
    q3_fy2023 = SLIDE_FY2023 - INTERIM_H1_FY2023 - SLIDE_Q4_FY2023
    return [
        {"company_id": "alibaba", **r, "announced_on": dates[(r["fiscal_year"], r["fiscal_quarter"])],
         "definition": DEFINITION, "currency": "CNY"}
        for r in [
            {
                "fiscal_year": 2022, "fiscal_quarter": 4, "period_end": "2022-03-31", "value": SLIDE_Q4_FY2022,
                "source": SLIDE, "source_kind": "company_release", "basis": "reported",
                "note": "prior-year column (three months ended 31 March 2022) of the FY2023 Q4 presentation; "
                "announced_on = the March quarter 2022 results release. " + LINE,
            },
            {
                "fiscal_year": 2023, "fiscal_quarter": 3, "period_end": "2022-12-31", "value": q3_fy2023,
                "source": f"{SLIDE}; {INTERIM}", "source_kind": "filing", "basis": "derived",
                "note": f"fiscal 2023 {SLIDE_FY2023} - six months to 30 Sep 2022 {INTERIM_H1_FY2023} - March "
                f"quarter 2023 {SLIDE_Q4_FY2023} = {q3_fy2023} (Oct-Dec 2022); the June and September quarters "
                "2022 are not separable from the six-month figure; announced_on = the December quarter 2022 results release "
                "(the inputs used here were all public by 2023-05-18). " + LINE,
            },
            {
                "fiscal_year": 2023, "fiscal_quarter": 4, "period_end": "2023-03-31", "value": SLIDE_Q4_FY2023,
                "source": SLIDE, "source_kind": "company_release", "basis": "reported",
                "note": "US$506m as printed. " + LINE,
            },
        ]
    ]


def main() -> None:
    out = rows()
    with OUT.open("w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=HEADER, lineterminator="\n")
        writer.writeheader()
        for r in out:
            writer.writerow({k: r[k] for k in HEADER})
    print(f"wrote {len(out)} rows to {OUT.relative_to(ROOT)}")
    print(f"check interim US$: {INTERIM_H1_FY2023} / 7.1135 = {INTERIM_H1_FY2023 / 7.1135:,.1f} (printed 3,368)")
    print(f"check March 2023 US$: {SLIDE_Q4_FY2023} * 4,999 / 34,330 = "
          f"{SLIDE_Q4_FY2023 * 4_999 / SLIDE_FY2023:,.1f} (printed 506)")
    print(f"fiscal 2023 quarters present: Q3 {out[1]['value']} + Q4 {out[2]['value']} + H1 {INTERIM_H1_FY2023} "
          f"= {out[1]['value'] + out[2]['value'] + INTERIM_H1_FY2023} (slide total {SLIDE_FY2023})")


if __name__ == "__main__":
    main()
