#!/usr/bin/env python3
"""US basket: earnings calendars and primary-source fundamentals (issue 11, items 1, 4 and 5).

Inputs : seeds/fundamentals/<company>.csv for apple, microsoft, alphabet, amazon, meta, nvidia, tesla (edited in
         place) and the figures listed below, each with the document it was read in.
Outputs: seeds/earnings_calendar/<company>.csv (table raw.earnings_calendar) and the same fundamentals files.

What it does, in order (re-running is safe: every step is idempotent):
1. FIGURES: upserts rows keyed (company, fiscal_year, fiscal_quarter, metric). A figure read in the company's own
   release or filing replaces a row that cited a vendor or the press for the same figure.
2. Rows whose `source` is a data vendor's page but whose `source_kind` said `filing` (the first automatic
   classification read "(10-Q/10-K based)" as a filing) are re-labelled `data_vendor`: the citation is the vendor.
3. CALENDAR: one row per company quarter whose release date was read in a source; every fundamentals row of that
   quarter gets announced_on = release_date, and the old "announced_on not verified ... deadline" /
   "announced_on = SEC filing date" caveats are removed from its note. Quarters absent from CALENDAR keep their
   previous announced_on and caveat and are listed in seeds/fundamentals/GAPS_us3.md.
4. EIGHT_K_DATES (second pass): for a quarter of the seeds with no calendar row read in the release or a filing, the
   filing date of the 8-K that furnished the results release becomes the release date; where a release-based row
   exists the two dates must agree, or the script stops.
5. seeds/segments/us_cloud.csv rows of a calendar quarter get the same announced_on (one release date per quarter).

Per-share figures are on today's split basis, like the price seeds (NVIDIA 4-for-1 July 2021 and 10-for-1 June
2024, Alphabet 20-for-1 July 2022, Amazon 20-for-1 June 2022, Tesla 3-for-1 August 2022): a figure published before
a split is divided (EPS) or multiplied (shares) by the ratio and marked `derived` with the arithmetic.
Share counts are in millions; shares_outstanding_m says in `note` whether it is the balance-sheet count at period
end or the cover-page count at a later date. Stdlib only.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FUND = ROOT / "seeds" / "fundamentals"
CAL = ROOT / "seeds" / "earnings_calendar"
COMPANIES = ("apple", "microsoft", "alphabet", "amazon", "meta", "nvidia", "tesla")

FUND_COLUMNS = [
    "company_id", "fiscal_year", "fiscal_quarter", "period_end", "announced_on", "metric", "value", "currency",
    "source", "source_kind", "basis", "note",
]
CAL_COLUMNS = [
    "company_id", "fiscal_year", "fiscal_quarter", "period_end", "release_date", "release_time", "release_timezone",
    "source", "source_kind", "basis", "note",
]
SHARE_METRICS = ("diluted_shares_m", "shares_outstanding_m")

# --------------------------------------------------------------------------------------------------------------
# Documents read
# --------------------------------------------------------------------------------------------------------------
AAPL_STMT = (
    "Apple Inc. condensed consolidated financial statements published with the {q} results release "
    "(statement of operations: three months ended {cols}), copy at "
    "http://finbot.yousystems.com/apple/fiscal_data/{f}_Consolidated_Financial_Statements.txt"
)
AAPL_10Q_FY23Q3 = (
    "Apple Form 10-Q for the quarter ended 2023-07-01 (SEC accession 0000320193-23-000077, filed 2023-08-04), "
    "XBRL instance aapl-20230701_htm.xml as stored in dgunning/edgartools@ca5a700 "
    "tests/fixtures/xbrl/aapl/10q_2023/"
)
AAPL_10K_FY22 = (
    "Apple Form 10-K for fiscal 2022 (period ended 2022-09-24), XBRL instance aapl-20220924_htm.xml as stored in "
    "dgunning/edgartools@ca5a700 tests/fixtures/xbrl/aapl/10k_2022/"
)
AAPL_10K_FY23 = (
    "Apple Form 10-K for fiscal 2023 (period ended 2023-09-30), XBRL instance aapl-20230930_htm.xml as stored in "
    "dgunning/edgartools@ca5a700 tests/fixtures/xbrl/aapl/10k_2023/"
)
TSLA_FACTS = (
    "SEC XBRL company facts for Tesla, Inc. (CIK 1318605; 10-Q {accn} filed {filed}) as stored in "
    "dgunning/edgartools@3b44ade tests/fixtures/entity/tsla_facts.json"
)
TSLA_10Q_2024Q2 = (
    "Tesla Form 10-Q for the quarter ended 2024-06-30, XBRL instance tsla-20240630_htm.xml as stored in "
    "dgunning/edgartools@ca5a700 data/xbrl/datafiles/tsla/"
)
AMZN_10K_2022 = (
    "Amazon Form 10-K for 2022, XBRL instance amzn-20221231_htm.xml as stored in dgunning/edgartools@ca5a700 "
    "tests/fixtures/xbrl/special_cases/segments/amzn/"
)
META_EX991_2023Q3 = (
    "Meta press release 'Meta Reports Third Quarter 2023 Results' (Form 8-K exhibit 99.1, dated October 25, 2023), "
    "https://www.sec.gov/Archives/edgar/data/1326801/000132680123000100/meta09302023-exhibit991.htm"
)


def _row(company, fy, fq, period_end, metric, value, source, kind, basis="reported", note="", currency="USD"):
    return {
        "company_id": company,
        "fiscal_year": str(fy),
        "fiscal_quarter": str(fq),
        "period_end": period_end,
        "metric": metric,
        "value": value,
        "currency": "" if metric in SHARE_METRICS else currency,
        "source": source,
        "source_kind": kind,
        "basis": basis,
        "note": note,
    }


def _apple_statement(fy, fq, period_end, revenue, income, eps, diluted_k, q, cols, f, column):
    src = AAPL_STMT.format(q=q, cols=cols, f=f)
    where = f"{column} column of the {q} statement"
    return [
        _row("apple", fy, fq, period_end, "revenue_m", revenue, src, "company_release", note=f"total net sales; {where}"),
        _row("apple", fy, fq, period_end, "net_income_gaap_m", income, src, "company_release", note=where),
        _row("apple", fy, fq, period_end, "eps_diluted_gaap", eps, src, "company_release", note=where),
        _row(
            "apple", fy, fq, period_end, "diluted_shares_m", round(diluted_k / 1000, 3), src, "company_release",
            note=f"'Shares used in computing earnings per share: Diluted' {diluted_k:,} thousand; {where}",
        ),
    ]


FIGURES: list[dict] = []

# Apple: statements published with the releases (each carries the current quarter and the year-ago quarter).
FIGURES += _apple_statement(2022, 2, "2022-03-26", 97278, 25010, 1.52, 16403316, "FY23 Q2",
                            "April 1, 2023 / March 26, 2022", "FY23_Q2", "year-ago (March 26, 2022)")
FIGURES += _apple_statement(2022, 3, "2022-06-25", 82959, 19442, 1.20, 16262203, "FY23 Q3",
                            "July 1, 2023 / June 25, 2022", "FY23_Q3", "year-ago (June 25, 2022)")
FIGURES += _apple_statement(2022, 4, "2022-09-24", 90146, 20721, 1.29, 16118465, "FY23 Q4",
                            "September 30, 2023 / September 24, 2022", "FY23_Q4", "year-ago (September 24, 2022)")
FIGURES += _apple_statement(2023, 2, "2023-04-01", 94836, 24160, 1.52, 15847050, "FY23 Q2",
                            "April 1, 2023 / March 26, 2022", "FY23_Q2", "current-quarter (April 1, 2023)")
FIGURES += _apple_statement(2023, 3, "2023-07-01", 81797, 19881, 1.26, 15775021, "FY23 Q3",
                            "July 1, 2023 / June 25, 2022", "FY23_Q3", "current-quarter (July 1, 2023)")
FIGURES += _apple_statement(2023, 4, "2023-09-30", 89498, 22956, 1.46, 15672400, "FY23 Q4",
                            "September 30, 2023 / September 24, 2022", "FY23_Q4", "current-quarter (September 30, 2023)")
FIGURES += _apple_statement(2024, 2, "2024-03-30", 90753, 23636, 1.53, 15464709, "FY24 Q2",
                            "March 30, 2024 / April 1, 2023", "FY24_Q2", "current-quarter (March 30, 2024)")
FIGURES += _apple_statement(2024, 4, "2024-09-28", 94930, 14736, 0.97, 15242853, "FY25 Q4",
                            "September 27, 2025 / September 28, 2024", "FY25_Q4", "year-ago (September 28, 2024)")
FIGURES += _apple_statement(2025, 4, "2025-09-27", 102466, 27466, 1.85, 14863609, "FY25 Q4",
                            "September 27, 2025 / September 28, 2024", "FY25_Q4", "current-quarter (September 27, 2025)")
FIGURES += [
    _row(
        "apple", 2023, 1, "2022-12-31", "eps_diluted_gaap", 1.88,
        "Apple press release 'Apple reports first quarter results' (fiscal 2023 Q1), Form 8-K exhibit 99.1 copy at "
        "https://www.rocketfinancial.com/FetchDoc.aspx?fid=9796739",
        "company_release", note="'quarterly earnings per diluted share of $1.88'",
    ),
    _row(
        "apple", 2022, 4, "2022-09-24", "shares_outstanding_m", 15908.118, AAPL_10K_FY22, "filing",
        note="cover-page count dei:EntityCommonStockSharesOutstanding 15,908,118,000 as of 2022-10-14 (not period "
        "end; the balance-sheet count at 2022-09-24 was 15,943,425,000)",
    ),
    _row(
        "apple", 2023, 3, "2023-07-01", "shares_outstanding_m", 15647.868, AAPL_10Q_FY23Q3, "filing",
        note="balance-sheet count us-gaap:CommonStockSharesOutstanding 15,647,868,000 at period end 2023-07-01 "
        "(cover page: 15,634,232,000 as of 2023-07-21)",
    ),
    _row(
        "apple", 2023, 4, "2023-09-30", "shares_outstanding_m", 15550.061, AAPL_10K_FY23, "filing",
        note="balance-sheet count us-gaap:CommonStockSharesOutstanding 15,550,061,000 at period end 2023-09-30 "
        "(cover page: 15,552,752,000 as of 2023-10-20)",
    ),
]

# Tesla: 2022 quarters from the company-facts file (Q1/Q2 published before the August 2022 3-for-1 split).
_TSLA_Q = {
    1: ("2022-03-31", "0000950170-22-006034", "2022-04-25", 18756, 3318, 2.86, 1157, 1036009925, "2022-04-19"),
    2: ("2022-06-30", "0000950170-22-012936", "2022-07-25", 16934, 2259, 1.95, 1155, 1044490015, "2022-07-19"),
    3: ("2022-09-30", "0000950170-22-019867", "2022-10-24", 21454, 3292, 0.95, 3468, 3157752449, "2022-10-18"),
}
for _q, (_pe, _accn, _filed, _rev, _ni, _eps, _dil, _out, _asof) in _TSLA_Q.items():
    _src = TSLA_FACTS.format(accn=_accn, filed=_filed)
    FIGURES.append(_row("tesla", 2022, _q, _pe, "revenue_m", _rev, _src, "filing", note="us-gaap:Revenues, three months"))
    FIGURES.append(
        _row("tesla", 2022, _q, _pe, "net_income_gaap_m", _ni, _src, "filing",
             note="us-gaap:NetIncomeLoss (attributable to common stockholders), three months")
    )
    if _q < 3:
        FIGURES.append(
            _row("tesla", 2022, _q, _pe, "eps_diluted_gaap", round(_eps / 3, 3), _src, "filing", "derived",
                 note=f"us-gaap:EarningsPerShareDiluted {_eps} as filed before the 3-for-1 split of August 2022, "
                 f"divided by 3 = {_eps / 3:.3f} (split-adjusted like the price seeds)")
        )
        FIGURES.append(
            _row("tesla", 2022, _q, _pe, "diluted_shares_m", _dil * 3, _src, "filing", "derived",
                 note=f"us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding {_dil}m as filed before the 3-for-1 "
                 f"split, times 3 = {_dil * 3}m (split-adjusted)")
        )
        FIGURES.append(
            _row("tesla", 2022, _q, _pe, "shares_outstanding_m", round(_out * 3 / 1e6, 3), _src, "filing", "derived",
                 note=f"cover-page count dei:EntityCommonStockSharesOutstanding {_out:,} as of {_asof} (not period "
                 f"end), before the 3-for-1 split, times 3 = {_out * 3:,} (split-adjusted)")
        )
    else:
        FIGURES.append(_row("tesla", 2022, _q, _pe, "eps_diluted_gaap", _eps, _src, "filing",
                            note="us-gaap:EarningsPerShareDiluted, three months (post-split basis)"))
        FIGURES.append(_row("tesla", 2022, _q, _pe, "diluted_shares_m", _dil, _src, "filing",
                            note="us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding, three months"))
        FIGURES.append(
            _row("tesla", 2022, _q, _pe, "shares_outstanding_m", round(_out / 1e6, 3), _src, "filing",
                 note=f"cover-page count dei:EntityCommonStockSharesOutstanding {_out:,} as of {_asof} (not period end)")
        )
FIGURES += [
    _row("tesla", 2023, 2, "2023-06-30", "net_income_gaap_m", 2703, TSLA_10Q_2024Q2, "filing",
         note="us-gaap:NetIncomeLoss (attributable to common stockholders), three months ended 2023-06-30, comparative "
         "column of the Q2 2024 10-Q"),
    _row("tesla", 2023, 2, "2023-06-30", "diluted_shares_m", 3478, TSLA_10Q_2024Q2, "filing",
         note="us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding, three months ended 2023-06-30 (comparative)"),
    _row("tesla", 2023, 2, "2023-06-30", "eps_diluted_gaap", 0.78, TSLA_10Q_2024Q2, "filing",
         note="us-gaap:EarningsPerShareDiluted, three months ended 2023-06-30 (comparative)"),
    _row("tesla", 2023, 2, "2023-06-30", "revenue_m", 24927, TSLA_10Q_2024Q2, "filing",
         note="us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax, three months ended 2023-06-30 (comparative)"),
    _row("tesla", 2023, 1, "2023-03-31", "net_income_gaap_m", 2513, TSLA_10Q_2024Q2, "filing", "derived",
         note="six months ended 2023-06-30 5,216 minus three months ended 2023-06-30 2,703 (us-gaap:NetIncomeLoss, "
         "comparative columns of the Q2 2024 10-Q)"),
    _row("tesla", 2024, 2, "2024-06-30", "eps_diluted_gaap", 0.42, TSLA_10Q_2024Q2, "filing",
         note="us-gaap:EarningsPerShareDiluted, three months ended 2024-06-30, as originally reported"),
    _row("tesla", 2024, 2, "2024-06-30", "revenue_m", 25500, TSLA_10Q_2024Q2, "filing",
         note="us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax, three months ended 2024-06-30"),
    _row("tesla", 2024, 2, "2024-06-30", "shares_outstanding_m", 3194.64, TSLA_10Q_2024Q2, "filing",
         note="cover-page count dei:EntityCommonStockSharesOutstanding 3,194,640,415 as of 2024-07-18 (not period "
         "end; balance sheet 3,194m at 2024-06-30)"),
]

# Amazon: 10-K 2022 cover page.
FIGURES += [
    _row("amazon", 2022, 4, "2022-12-31", "shares_outstanding_m", 10247.26, AMZN_10K_2022, "filing",
         note="cover-page count dei:EntityCommonStockSharesOutstanding 10,247,259,757 as of 2023-01-25 (not period "
         "end; post 20-for-1 split of June 2022; balance sheet 10,242m at 2022-12-31)"),
]

# Meta Q3 2023 (and the year-ago quarter) from the SEC copy of the release.
FIGURES += [
    _row("meta", 2023, 3, "2023-09-30", "revenue_m", 34146, META_EX991_2023Q3, "company_release"),
    _row("meta", 2023, 3, "2023-09-30", "net_income_gaap_m", 11583, META_EX991_2023Q3, "company_release"),
    _row("meta", 2023, 3, "2023-09-30", "eps_diluted_gaap", 4.39, META_EX991_2023Q3, "company_release"),
    _row("meta", 2022, 3, "2022-09-30", "revenue_m", 27714, META_EX991_2023Q3, "company_release",
         note="year-ago column of the Q3 2023 release"),
    _row("meta", 2022, 3, "2022-09-30", "net_income_gaap_m", 4395, META_EX991_2023Q3, "company_release",
         note="year-ago column of the Q3 2023 release"),
    _row("meta", 2022, 3, "2022-09-30", "eps_diluted_gaap", 1.64, META_EX991_2023Q3, "company_release",
         note="year-ago column of the Q3 2023 release"),
]

# Amazon: releases (Business Wire; Form 8-K exhibit 99.1). Per-share figures of 2022 are restated by Amazon itself
# for the 20-for-1 split of May 2022 ("retroactively adjusted"), so they are reported, not derived.
AMZN_Q1_23 = ("Amazon press release 'Amazon.com Announces First Quarter Results' (Q1 2023, Business Wire 2023-04-27), "
              "copy at https://markets.financialcontent.com/guymondailyherald/article/bizwire-2023-4-27-amazoncom-"
              "announces-first-quarter-results")
AMZN_Q2_23 = ("Amazon press release 'Amazon.com Announces Second Quarter Results' (Form 8-K exhibit 99.1, dated "
              "August 3, 2023), copy at https://eninvs.com/press_release.php?source=sec&form_type=8&id=29209")
AMZN_Q4_23 = ("Amazon press release 'Amazon.com Announces Fourth Quarter Results' (Q4 2023, Business Wire 2024-02-01), "
              "copy at https://markets.financialcontent.com/guymondailyherald/article/bizwire-2024-2-1-amazoncom-"
              "announces-fourth-quarter-results")
AMZN_Q1_24 = ("Amazon press release 'Amazon.com Announces First Quarter Results' (Q1 2024, Business Wire 2024-04-30), "
              "copy at http://business.pawtuckettimes.com/pawtuckettimes/article/bizwire-2024-4-30-amazoncom-announces-"
              "first-quarter-results")
AMZN_Q2_24 = ("Amazon press release 'Amazon.com Announces Second Quarter Results' (Q2 2024, dated Aug 01, 2024), copy "
              "at https://test.gurufocus.com/news/2489657/amazoncom-announces-second-quarter-results")
FIGURES += [
    _row("amazon", 2023, 1, "2023-03-31", "eps_diluted_gaap", 0.31, AMZN_Q1_23, "company_release",
         note="'Net income was $3.2 billion in the first quarter, or $0.31 per diluted share'"),
    _row("amazon", 2022, 1, "2022-03-31", "eps_diluted_gaap", -0.38, AMZN_Q1_23, "company_release",
         note="year-ago comparative 'net loss of $3.8 billion, or $0.38 per diluted share, in first quarter 2022', "
         "retroactively adjusted by Amazon for the 20-for-1 split of May 2022"),
    _row("amazon", 2023, 2, "2023-06-30", "eps_diluted_gaap", 0.65, AMZN_Q2_23, "company_release",
         note="'Net income was $6.7 billion in the second quarter, or $0.65 per diluted share'"),
    _row("amazon", 2022, 2, "2022-06-30", "eps_diluted_gaap", -0.20, AMZN_Q2_23, "company_release",
         note="year-ago comparative 'net loss of $2.0 billion, or $0.20 per diluted share, in second quarter 2022' "
         "(post-split basis)"),
    _row("amazon", 2023, 4, "2023-12-31", "eps_diluted_gaap", 1.00, AMZN_Q4_23, "company_release",
         note="'Net income increased to $10.6 billion in the fourth quarter, or $1.00 per diluted share'"),
    _row("amazon", 2022, 4, "2022-12-31", "eps_diluted_gaap", 0.03, AMZN_Q4_23, "company_release",
         note="year-ago comparative '$0.3 billion, or $0.03 per diluted share, in fourth quarter 2022'"),
    _row("amazon", 2024, 1, "2024-03-31", "eps_diluted_gaap", 0.98, AMZN_Q1_24, "company_release",
         note="'Net income increased to $10.4 billion in the first quarter, or $0.98 per diluted share'"),
    _row("amazon", 2024, 2, "2024-06-30", "eps_diluted_gaap", 1.26, AMZN_Q2_24, "company_release",
         note="'Net income increased to $13.5 billion in the second quarter, or $1.26 per diluted share'"),
]

# Microsoft FY23 Q3 (release text) and the year-ago FY22 Q3 EPS (press, from the same release's comparison).
MSFT_FY23Q3 = ("Microsoft press release 'Microsoft Earnings Release FY23 Q3' (quarter ended March 31, 2023), copy at "
               "https://reconres.com/earnings-release-fy23-q3/")
FIGURES += [
    _row("microsoft", 2023, 3, "2023-03-31", "eps_diluted_gaap", 2.45, MSFT_FY23Q3, "company_release",
         note="'Diluted earnings per share was $2.45 and increased 10%'"),
    _row("microsoft", 2022, 3, "2022-03-31", "eps_diluted_gaap", 2.22,
         "report of the FY23 Q3 results ('diluted earnings per share increased from $2.22 to $2.45 for the three "
         "months'), https://www.thestrategist.media/Microsoft-s-loses-seven-percent-of-net-income-for-the-first-nine-"
         "months_a6654.html; same comparison at https://meterpreter.org/microsoft-announces-financial-report-for-the-"
         "third-quarter-of-fiscal-year-2023/",
         "press", note="year-ago quarter (FY22 Q3) as quoted from the FY23 Q3 release; FY22 Q3 release itself not read"),
]

# Tesla Q4 2025 (second priority), from the summary of the 8-K furnishing the Q4 2025 update.
TSLA_Q4_25 = ("summary of Tesla Form 8-K 0001628280-26-003837 (items 2.02, 9.01; filed 2026-01-28) at "
              "https://secwatch.observer/filing/0001628280-26-003837.md (EDGAR index "
              "https://www.sec.gov/Archives/edgar/data/1318605/000162828026003837/0001628280-26-003837-index.htm)")
FIGURES += [
    _row("tesla", 2025, 4, "2025-12-31", "eps_diluted_gaap", 0.24, TSLA_Q4_25, "data_vendor",
         note="'GAAP EPS $0.24 (-60% YoY)' as summarised; exhibit not read"),
    _row("tesla", 2025, 4, "2025-12-31", "eps_diluted_adjusted", 0.50, TSLA_Q4_25, "data_vendor",
         note="'non-GAAP EPS $0.50 (-17% YoY)' as summarised; Tesla's non-GAAP EPS excludes stock-based "
         "compensation; exhibit not read"),
]

# Microsoft FY24 Q1/Q2 from the releases on microsoft.com; FY23 Q1 EPS from a report comparing with it.
MSFT_FY24Q1 = ("Microsoft press release 'Microsoft Cloud Strength Fuels First Quarter Results' (Earnings Release FY24 Q1, "
               "dateline 'REDMOND, Wash. — October 24, 2023'), https://www.microsoft.com/en-us/investor/earnings/fy-2024-q1")
MSFT_FY24Q2 = ("Microsoft press release 'Microsoft Cloud Strength Drives Second Quarter Results' (Earnings Release FY24 Q2, "
               "dateline 'REDMOND, Wash. — January 30, 2024'), "
               "http://www.eu.microsoft.com/en-us/Investor/earnings/FY-2024-Q2/press-release-webcast")
FIGURES += [
    _row("microsoft", 2024, 1, "2023-09-30", "eps_diluted_gaap", 2.99, MSFT_FY24Q1, "company_release",
         note="'Diluted earnings per share was $2.99 and increased 27%'"),
    _row("microsoft", 2024, 2, "2023-12-31", "eps_diluted_gaap", 2.93, MSFT_FY24Q2, "company_release",
         note="'Diluted earnings per share was $2.93 and increased 33%'"),
    _row("microsoft", 2023, 1, "2022-09-30", "eps_diluted_gaap", 2.35,
         "report of the FY24 Q1 results ('diluted earnings per share rising to $2.99 from the prior year's $2.35'; "
         "net profit 22,291 vs 17,556), https://meterpreter.org/microsoft-announces-financial-results-for-the-first-"
         "quarter-of-fiscal-year-2024/",
         "press", note="year-ago quarter (FY23 Q1) as quoted from the FY24 Q1 release; FY23 Q1 release itself not read; "
         "2.35 x diluted shares is not checked (FY23 Q1 diluted shares missing)"),
]

# Tesla Q3 2023 non-GAAP EPS (press: the Q3 2023 Update itself not read).
FIGURES += [
    _row("tesla", 2023, 3, "2023-09-30", "eps_diluted_adjusted", 0.66,
         "report of the Q3 2023 Update, 'Tesla reported $0.66 non-GAAP earnings ... per share in Q3', "
         "https://driveteslacanada.ca/news/tesla-q3-2023-earnings-23b-in-revenue-1-85b-net-income/; same figure at "
         "https://insideevs.com/news/691646/tesla-q3-2023-earnings-report/",
         "press", note="Tesla non-GAAP diluted EPS (excludes stock-based compensation); Update deck itself not read"),
]

# --------------------------------------------------------------------------------------------------------------
# Calendar: release dates read in a source (see module docstring).
# --------------------------------------------------------------------------------------------------------------
AFTER_CLOSE = "published after the 16:00 ET close: the first trading session reflecting it is the next one"


def _cal(company, fy, fq, period_end, date, source, kind, note, time="", tz=""):
    return {
        "company_id": company, "fiscal_year": str(fy), "fiscal_quarter": str(fq), "period_end": period_end,
        "release_date": date, "release_time": time, "release_timezone": tz, "source": source, "source_kind": kind,
        "basis": "reported", "note": note,
    }


APPLE_CALL = "the release announces its results conference call 'beginning at 2:00 p.m. PT on {d}' (17:00 ET), " \
    "i.e. " + AFTER_CLOSE + "; publication clock time not stated"
CALENDAR: list[dict] = [
    _cal("apple", 2023, 1, "2022-12-31", "2023-02-02",
         "Apple press release 'Apple reports first quarter results' (fiscal 2023 Q1), Form 8-K exhibit 99.1 copy at "
         "https://www.rocketfinancial.com/FetchDoc.aspx?fid=9796739; Business Wire reprint dated 2023-02-02 at "
         "https://www.finanznachrichten.de/nachrichten-2023-02/58222452-apple-reports-first-quarter-results-004.htm",
         "company_release", APPLE_CALL.format(d="February 2, 2023")),
    _cal("apple", 2023, 3, "2023-07-01", "2023-08-03",
         "Apple press release 'Apple reports third quarter results' (fiscal 2023 Q3), read in a copy of the release "
         "text stored in a public code repository",
         "company_release", APPLE_CALL.format(d="August 3, 2023")),
    _cal("apple", 2024, 1, "2023-12-30", "2024-02-01",
         "Apple press release 'Apple reports first quarter results' (fiscal 2024 Q1), read in a copy of the release "
         "text stored in a public code repository",
         "company_release", APPLE_CALL.format(d="February 1, 2024")),
    _cal("apple", 2025, 4, "2025-09-27", "2025-10-30",
         "results summary 'Apple(AAPL) - 2025 Q4 - Annual Results' dated 2025-10-30 at "
         "https://reportify.ai/financials/1181504811317727232",
         "data_vendor", "date of the fiscal 2025 Q4 results as listed by the vendor; release itself not read"),
    _cal("microsoft", 2024, 3, "2024-03-31", "2024-04-25",
         "Microsoft Form 8-K 0000950170-24-048268 (results release) summary at "
         "https://secwatch.observer/filing/0000950170-24-048268.md",
         "filing", "8-K furnishing the FY24 Q3 results release, dated 2024-04-25"),
    _cal("microsoft", 2024, 4, "2024-06-30", "2024-07-30",
         "Microsoft FY24 Q4 press release and webcast page, "
         "https://microsoft.com/en-us/investor/earnings/FY-2024-Q4/press-release-webcast",
         "company_release", "release dated 2024-07-30"),
    _cal("microsoft", 2025, 1, "2024-09-30", "2024-10-30",
         "news report of the FY25 Q1 results, https://www.neowin.net/news/microsoft-reports-over-655-billion-revenue-"
         "in-the-first-quarter-of-2025-fiscal-year/",
         "press", "report of the release of 2024-10-30; release itself not read"),
    _cal("microsoft", 2025, 2, "2024-12-31", "2025-01-29",
         "Microsoft press release 'Microsoft Cloud and AI Strength Drives Second Quarter Results' dated 2025-01-29, "
         "copy at https://hqproductreviews.com?arsae=https%3A%2F%2Faka.ms%2Flatestearnings",
         "company_release", "release dateline 2025-01-29"),
    _cal("microsoft", 2025, 3, "2025-03-31", "2025-04-30",
         "Microsoft press release 'Microsoft Cloud and AI Strength Drives Third Quarter Results' dated 2025-04-30, "
         "copy at https://windpress.info/es/press-release/728198/fy25-q3-press-releases-investor-relations-microsoft",
         "company_release", "release dateline 2025-04-30"),
    _cal("alphabet", 2023, 1, "2023-03-31", "2023-04-25",
         "Alphabet press release 'Alphabet Announces First Quarter 2023 Results' dated 2023-04-25, copy at "
         "https://marketscreener.com/quote/stock/ALPHABET-INC-24203373/news/Alphabet-2023-Q1-Earnings-Press-release-43636248",
         "company_release", "release dated 2023-04-25"),
    _cal("alphabet", 2023, 2, "2023-06-30", "2023-07-25",
         "news report of the Q2 2023 results, https://tetherinvestor.com/2023/07/25/alphabet-reports-better-than-"
         "expected-quarterly-results-driven-by-growth-in-cloud",
         "press", "reported as released 2023-07-25 after the close; release itself not read"),
    _cal("alphabet", 2023, 3, "2023-09-30", "2023-10-24",
         "Alphabet press release 'Alphabet Announces Third Quarter 2023 Results' (Form 8-K exhibit 99.1) dated "
         "2023-10-24, copy at https://eninvs.com/press_release.php?source=sec&form_type=8&id=32169",
         "company_release", "release dated 2023-10-24"),
    _cal("alphabet", 2023, 4, "2023-12-31", "2024-01-30",
         "news report of the Q4 2023 results, https://cashinsight.co.uk/upcoming-investments/alphabet-inc-googl-posts-"
         "strong-q4-and-fiscal-year-2023-results-amid-ai-investments",
         "press", "reported as released 2024-01-30; release itself not read"),
    _cal("alphabet", 2024, 2, "2024-06-30", "2024-07-23",
         "Alphabet press release 'Alphabet Announces Second Quarter 2024 Results' dated 2024-07-23, copy at "
         "https://publicnow.com/view/DBB1B94903EC369DF2AC231CF813E77A286E30C4",
         "company_release", "release dated 2024-07-23"),
    _cal("alphabet", 2024, 3, "2024-09-30", "2024-10-29",
         "Alphabet press release for Q3 2024 dated 2024-10-29, copy at "
         "https://publicnow.com/view/47D07B4342D6225B3406F5C97FB36CA097D3B584",
         "company_release", "release dated 2024-10-29"),
    _cal("alphabet", 2025, 1, "2025-03-31", "2025-04-24",
         "Q1 2025 results page dated 2025-04-24, https://www.quarter-results.com/financial-reports/XETRA/ABEA.DE/Q1/"
         "2025/abea-de-q1-2025-earnings-report",
         "data_vendor", "vendor's date of the Q1 2025 release; release itself not read"),
    _cal("amazon", 2024, 3, "2024-09-30", "2024-10-31",
         "Amazon press release 'Amazon.com Announces Third Quarter Results' (Business Wire) dated 2024-10-31, copy at "
         "https://markets.ft.markitdigital.com/data/announce/detail?dockey=600-202410311601BIZWIRE_USPRX____20241030_BW305950-1",
         "company_release", "Business Wire item stamped 2024-10-31 16:01 in the copy's key (clock zone not stated)"),
    _cal("amazon", 2024, 4, "2024-12-31", "2025-02-06",
         "Amazon press release 'Amazon.com Announces Fourth Quarter Results' dated 2025-02-06, copy at "
         "https://marketnewsdesk.com/index.php/amazon-com-announces-fourth-quarter-results-3",
         "company_release", "release dated 2025-02-06"),
    _cal("meta", 2022, 1, "2022-03-31", "2022-04-27",
         "Meta press release 'First Quarter 2022 Results' dated 2022-04-27, reprinted at "
         "http://cellit.in/technology/more-people-use-our-services-today-than-ever-before-meta/amp/",
         "company_release", "release dated 2022-04-27"),
    _cal("meta", 2023, 1, "2023-03-31", "2023-04-26",
         "news report of the Q1 2023 results, https://www.shacknews.com/article/135258/facebook-meta-q1-2023-earnings-results",
         "press", "reported as released 2023-04-26; release itself not read"),
    _cal("meta", 2023, 2, "2023-06-30", "2023-07-26",
         "Q2 2023 results summary dated 2023-07-26, https://capyfin.com/s/nasdaq/META/q2-2023-earnings-report",
         "data_vendor", "vendor's date of the Q2 2023 release; release itself not read"),
    _cal("meta", 2023, 3, "2023-09-30", "2023-10-25", META_EX991_2023Q3, "company_release",
         "dateline 'MENLO PARK, Calif. – October 25, 2023'"),
    _cal("meta", 2023, 4, "2023-12-31", "2024-02-01",
         "Meta press release 'Meta Reports Fourth Quarter and Full Year 2023 Results' dated 2024-02-01, "
         "https://www.prnewswire.com/news-releases/meta-reports-fourth-quarter-and-full-year-2023-results-initiates-"
         "quarterly-dividend-302051285.html",
         "company_release", "release dated 2024-02-01"),
    _cal("meta", 2024, 2, "2024-06-30", "2024-07-31",
         "Meta press release 'Meta Reports Second Quarter 2024 Results' (8-K 0001326801-24-000065) dated 2024-07-31, "
         "reprinted at https://fintechbiznews.com/fintech-information-technology/meta-ai-on-track-to-be-most-used-ai-"
         "assistant-by-the-end-of-2024-mark",
         "company_release", "release dated 2024-07-31"),
    _cal("meta", 2024, 3, "2024-09-30", "2024-10-30",
         "Meta press release 'Meta Reports Third Quarter 2024 Results' dated 2024-10-30, reprinted at "
         "https://www.epicos.com/article/883824/meta-reports-third-quarter-2024-results",
         "company_release", "release dated 2024-10-30"),
    _cal("meta", 2024, 4, "2024-12-31", "2025-01-29",
         "Meta press release 'Meta Reports Fourth Quarter and Full Year 2024 Results' dated 2025-01-29, reprinted at "
         "https://digitalproducer.com/?p=19226",
         "company_release", "release dated 2025-01-29"),
    _cal("meta", 2025, 1, "2025-03-31", "2025-04-30",
         "Meta press release 'Meta Reports First Quarter 2025 Results' dated 2025-04-30, reprinted at "
         "https://www.epicos.com/article/935829/meta-reports-first-quarter-2025-results",
         "company_release", "release dated 2025-04-30"),
    _cal("nvidia", 2023, 1, "2022-05-01", "2022-05-25",
         "earnings history table ('Q1 2023 ... May 25, 2022') at https://interesting-facts.com/when-does-nvidia-report-earnings/",
         "press", "date reported for the Q1 fiscal 2023 results; release itself not read"),
    _cal("nvidia", 2023, 2, "2022-07-31", "2022-08-24",
         "earnings history table ('Q2 2023 ... August 24, 2022') at https://interesting-facts.com/when-does-nvidia-report-earnings/",
         "press", "date reported for the Q2 fiscal 2023 results; release itself not read"),
    _cal("nvidia", 2023, 3, "2022-10-30", "2022-11-16",
         "earnings history table ('Q3 2023 ... November 16, 2022') at https://interesting-facts.com/when-does-nvidia-report-earnings/",
         "press", "date reported for the Q3 fiscal 2023 results; release itself not read"),
    _cal("nvidia", 2024, 2, "2023-07-30", "2023-08-23",
         "NVIDIA press release 'NVIDIA Announces Financial Results for Second Quarter Fiscal 2024' dated 2023-08-23, "
         "https://menafn.com/1106927284/Nvidia-Announces-Financial-Results-For-Second-Quarter-Fiscal-2024",
         "company_release", "release dated 2023-08-23"),
    _cal("nvidia", 2024, 4, "2024-01-28", "2024-02-21",
         "NVIDIA press release 'NVIDIA Announces Financial Results for Fourth Quarter and Fiscal 2024' dated 2024-02-21, "
         "https://telecomtv.com/content/digital-platforms-services/nvidia-announces-financial-results-for-fourth-"
         "quarter-and-fiscal-2024-49705",
         "company_release", "release dated 2024-02-21"),
    _cal("nvidia", 2025, 1, "2024-04-28", "2024-05-22",
         "earnings history ('Release date May 22, 2024 ... Fiscal end date Apr 28, 2024') at "
         "https://stockinvest.us/earnings-report/NVDA",
         "data_vendor", "vendor's release date (the vendor labels the quarter 'Q2 2024'); release itself not read"),
    _cal("nvidia", 2025, 2, "2024-07-28", "2024-08-28",
         "earnings history ('Release date Aug 28, 2024 ... Fiscal end date Jul 28, 2024') at "
         "https://stockinvest.us/earnings-report/NVDA",
         "data_vendor", "vendor's release date; release itself not read"),
    _cal("nvidia", 2025, 3, "2024-10-27", "2024-11-20",
         "NVIDIA press release 'NVIDIA Announces Financial Results for Third Quarter Fiscal 2025' dated 2024-11-20, "
         "https://edacafe.com/nbc/articles/view_article.php?articleid=2104376&page_no=2",
         "company_release", "release dated 2024-11-20"),
    _cal("nvidia", 2025, 4, "2025-01-26", "2025-02-26",
         "earnings history ('Release date Feb 26, 2025') at https://stockinvest.us/earnings-report/NVDA",
         "data_vendor", "vendor's release date (the vendor labels the quarter 'Q1 2025'); release itself not read"),
    _cal("nvidia", 2026, 1, "2025-04-27", "2025-05-28",
         "NVIDIA press release 'NVIDIA Announces Financial Results for First Quarter Fiscal 2026' dated 2025-05-28, "
         "copy at http://www.goldberglawma.com/?id=news%2Fnvidia-announces-financial-results-first-202000263.html",
         "company_release", "release dated 2025-05-28"),
    _cal("amazon", 2023, 1, "2023-03-31", "2023-04-27", AMZN_Q1_23 + "; Form 8-K 'Date of Report April 27, 2023' "
         "(accession 0001018724-23-000006) at https://us.kabutan.jp/disclosures/0001018724-23-000006?lang=en",
         "company_release", "Business Wire release and 8-K both dated 2023-04-27"),
    _cal("amazon", 2023, 2, "2023-06-30", "2023-08-03", AMZN_Q2_23 + "; wire time '8/3/23 4:01:00 PM ET' at "
         "https://quantisnow.com/insight/amazoncom-announces-second-quarter-results-4843263",
         "company_release", "released 16:01 ET, " + AFTER_CLOSE, "16:01", "America/New_York"),
    _cal("amazon", 2023, 4, "2023-12-31", "2024-02-01", AMZN_Q4_23, "company_release",
         "Business Wire release dated 2024-02-01"),
    _cal("amazon", 2024, 1, "2024-03-31", "2024-04-30", AMZN_Q1_24, "company_release",
         "Business Wire release dated 2024-04-30"),
    _cal("amazon", 2024, 2, "2024-06-30", "2024-08-01", AMZN_Q2_24 + "; wire time '8/1/24 4:01:00 PM ET' at "
         "https://quantisnow.com/insight/amazoncom-announces-second-quarter-results-5637903; Form 8-K "
         "0001018724-24-000128 filed 2024-08-01",
         "company_release", "released 16:01 ET, " + AFTER_CLOSE, "16:01", "America/New_York"),
    _cal("microsoft", 2023, 2, "2022-12-31", "2023-01-24",
         "dpa-AFX report of the FY23 Q2 results dated 2023-01-24, https://www.finanznachrichten.de/nachrichten-2023-01/"
         "58137275-microsoft-corporation-q2-profit-decreases-but-beats-estimates-020.htm",
         "press", "report dated 2023-01-24 of the release; release itself not read"),
    _cal("microsoft", 2023, 3, "2023-03-31", "2023-04-25", MSFT_FY23Q3 + "; date from the report 'published the "
         "third-quarter financial results ... on Tuesday, April 25' at https://www.financialexpress.com/business/"
         "investing-abroad-microsoft-q3-results-how-do-the-financials-stack-up-3063971/",
         "press", "announced beforehand for 'after the close of the market on Tuesday, April 25, 2023' "
         "(https://www.financialexpress.com/business/investing-abroad-microsoft-quarterly-earnings-release-check-the-"
         "date-and-time-of-third-quarter-financial-results-3060713/); release copy read carries no date"),
    _cal("tesla", 2025, 4, "2025-12-31", "2026-01-28", TSLA_Q4_25, "filing",
         "8-K (item 2.02) filed 2026-01-28; publication time not stated"),
    _cal("microsoft", 2024, 1, "2023-09-30", "2023-10-24", MSFT_FY24Q1, "company_release",
         "release dateline 2023-10-24"),
    _cal("microsoft", 2024, 2, "2023-12-31", "2024-01-30", MSFT_FY24Q2, "company_release",
         "release dateline 2024-01-30"),
    _cal("tesla", 2023, 2, "2023-06-30", "2023-07-19",
         "Tesla press release 'Tesla Vehicle Production & Deliveries and Date for Financial Results & Webcast for Second "
         "Quarter 2023', copy at https://www.gurufocus.com/news/2033480/tesla-vehicle-production-deliveries-and-date-for-"
         "financial-results-webcast-for-second-quarter-2023",
         "company_release", "Tesla announced it 'will post its financial results for the second quarter of 2023 after "
         "market close on Wednesday, July 19, 2023' (webcast 5:30 p.m. ET); " + AFTER_CLOSE),
    _cal("tesla", 2023, 3, "2023-09-30", "2023-10-18",
         "Tesla Form 8-K exhibit 99.1 'Tesla Vehicle Production & Deliveries and Date for Financial Results & Webcast for "
         "Third Quarter 2023', https://www.sec.gov/Archives/edgar/data/1318605/000095017023050938/tsla-ex99_1.htm; "
         "results reported 'after the closing bell on October 18, 2023' at "
         "https://ev-a2z.com/news/tesla-announces-revenue-of-23-4-billion-in-q3-of-2023-tesla/?amp=1",
         "filing", "Tesla announced it 'will post its financial results for the third quarter of 2023 after market close "
         "on Wednesday, October 18, 2023'; " + AFTER_CLOSE),
    _cal("tesla", 2024, 2, "2024-06-30", "2024-07-23",
         "report of Tesla's announcement of the Q2 2024 results date, https://whendo.one/when-will-tesla-post-its-"
         "financial-results-for-the-second-quarter-of-2024/",
         "press", "Tesla announced it would post Q2 2024 results 'on Tuesday, July 23, 2024, after the market closes'; "
         "announcement itself not read; " + AFTER_CLOSE),
    _cal("tesla", 2024, 1, "2024-03-31", "2024-04-23",
         "Tesla Form 8-K 0000950170-24-046895 furnishing the Q1 2024 results, summary at "
         "https://secwatch.observer/filing/0000950170-24-046895.md",
         "filing", "8-K dated 2024-04-23 ('GAAP net income $1.13B ($0.34 diluted EPS)')"),
]

# ==============================================================================================================
# Second pass (issue 11, helper "fus2"): SEC XBRL company facts, 8-K exhibit 99.1 statements, 8-K filing dates.
# ==============================================================================================================
# SEC XBRL company-facts responses (data.sec.gov/api/xbrl/companyfacts/CIK<cik>.json) recorded as HTTP test
# cassettes in dgunning/edgartools@ca5a70094da7fc34890161dae9c256bb1f4c3d26. Each figure names the 10-Q/10-K that
# reported it (accession number and filing date); values are as tagged in that filing.
EDGAR_CASSETTE = {
    "alphabet": ("Alphabet Inc.", "1652044", "tests/cassettes/test_goog_ttm_revenue_tracks_recent_window.yaml",
                 "2026-07-09"),
    "nvidia": ("NVIDIA Corporation", "1045810", "tests/cassettes/test_nvda_ttm_revenue_not_stale_2020.yaml",
               "2026-07-09"),
    "apple": ("Apple Inc.", "320193",
              "tests/cassettes/TestCompanyTTMIntegration.test_company_income_statement_ttm_periods.yaml", "2026-03-25"),
}


def _edgar_source(company, accn, form, filed):
    name, cik, path, recorded = EDGAR_CASSETTE[company]
    return (f"{name} Form {form} (SEC accession {accn}, filed {filed}), value as tagged in its XBRL and served by SEC "
            f"company facts data.sec.gov/api/xbrl/companyfacts/CIK{int(cik):010d}.json (response recorded {recorded} "
            f"in dgunning/edgartools@ca5a700 {path})")


# (company, fiscal_year, fiscal_quarter, period_end, metric, value, accession, form, filed, basis, note).
# Rows are listed only where the seed lacked the figure or cited a vendor, the press, or a derivation.
EDGAR_ROWS = [
    ('alphabet', 2022, 1, '2022-03-31', 'net_income_gaap_m', 16436, '0001652044-22-000029', '10-Q', '2022-04-27', 'reported',
     'us-gaap:NetIncomeLoss, three months ended 2022-03-31'),
    ('alphabet', 2022, 1, '2022-03-31', 'eps_diluted_gaap', 1.231, '0001652044-22-000029', '10-Q', '2022-04-27', 'derived',
     "us-gaap:EarningsPerShareDiluted, three months ended 2022-03-31; filed before the 20-for-1 split as 24.62, divided by 20 (split-adjusted like the price seeds); the company's later 10-Q 0001652044-23-000045 shows 1.23 for this quarter"),
    ('alphabet', 2022, 1, '2022-03-31', 'shares_outstanding_m', 13175.26, '0001652044-22-000029', '10-Q', '2022-04-27', 'derived',
     "us-gaap:CommonStockSharesOutstanding 658,763,000 at period end 2022-03-31: Class A, B and C shares together (the equity statement's 'Shares' column), filed before the 20-for-1 split, times 20 = 13,175,260,000"),
    ('alphabet', 2022, 2, '2022-06-30', 'revenue_m', 69685, '0001652044-22-000071', '10-Q', '2022-07-27', 'reported',
     'us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax, three months ended 2022-06-30'),
    ('alphabet', 2022, 2, '2022-06-30', 'net_income_gaap_m', 16002, '0001652044-22-000071', '10-Q', '2022-07-27', 'reported',
     'us-gaap:NetIncomeLoss, three months ended 2022-06-30'),
    ('alphabet', 2022, 2, '2022-06-30', 'eps_diluted_gaap', 1.21, '0001652044-22-000071', '10-Q', '2022-07-27', 'reported',
     'us-gaap:EarningsPerShareDiluted, three months ended 2022-06-30'),
    ('alphabet', 2022, 2, '2022-06-30', 'shares_outstanding_m', 13078.0, '0001652044-22-000071', '10-Q', '2022-07-27', 'reported',
     "us-gaap:CommonStockSharesOutstanding 13,078,000,000 at period end 2022-06-30: Class A, B and C shares together (the equity statement's 'Shares' column)"),
    ('alphabet', 2022, 3, '2022-09-30', 'shares_outstanding_m', 12971.0, '0001652044-22-000090', '10-Q', '2022-10-26', 'reported',
     "us-gaap:CommonStockSharesOutstanding 12,971,000,000 at period end 2022-09-30: Class A, B and C shares together (the equity statement's 'Shares' column)"),
    ('alphabet', 2022, 4, '2022-12-31', 'shares_outstanding_m', 12849.0, '0001652044-23-000016', '10-K', '2023-02-03', 'reported',
     "us-gaap:CommonStockSharesOutstanding 12,849,000,000 at period end 2022-12-31: Class A, B and C shares together (the equity statement's 'Shares' column)"),
    ('alphabet', 2023, 1, '2023-03-31', 'net_income_gaap_m', 15051, '0001652044-23-000045', '10-Q', '2023-04-26', 'reported',
     'us-gaap:NetIncomeLoss, three months ended 2023-03-31'),
    ('alphabet', 2023, 1, '2023-03-31', 'eps_diluted_gaap', 1.17, '0001652044-23-000045', '10-Q', '2023-04-26', 'reported',
     'us-gaap:EarningsPerShareDiluted, three months ended 2023-03-31'),
    ('alphabet', 2023, 1, '2023-03-31', 'shares_outstanding_m', 12722.0, '0001652044-23-000045', '10-Q', '2023-04-26', 'reported',
     "us-gaap:CommonStockSharesOutstanding 12,722,000,000 at period end 2023-03-31: Class A, B and C shares together (the equity statement's 'Shares' column)"),
    ('alphabet', 2023, 2, '2023-06-30', 'diluted_shares_m', 12764.0, '0001652044-24-000079', '10-Q', '2024-07-24', 'reported',
     "us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding, three months ended 2023-06-30 (comparative column of the later 10-Q; the quarter's own 10-Q does not tag it)"),
    ('alphabet', 2023, 2, '2023-06-30', 'shares_outstanding_m', 12629.0, '0001652044-23-000070', '10-Q', '2023-07-26', 'reported',
     "us-gaap:CommonStockSharesOutstanding 12,629,000,000 at period end 2023-06-30: Class A, B and C shares together (the equity statement's 'Shares' column)"),
    ('alphabet', 2023, 3, '2023-09-30', 'diluted_shares_m', 12696.0, '0001652044-24-000118', '10-Q', '2024-10-30', 'reported',
     "us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding, three months ended 2023-09-30 (comparative column of the later 10-Q; the quarter's own 10-Q does not tag it)"),
    ('alphabet', 2023, 3, '2023-09-30', 'shares_outstanding_m', 12541.0, '0001652044-23-000094', '10-Q', '2023-10-25', 'reported',
     "us-gaap:CommonStockSharesOutstanding 12,541,000,000 at period end 2023-09-30: Class A, B and C shares together (the equity statement's 'Shares' column)"),
    ('alphabet', 2023, 4, '2023-12-31', 'shares_outstanding_m', 12460.0, '0001652044-24-000022', '10-K', '2024-01-31', 'reported',
     "us-gaap:CommonStockSharesOutstanding 12,460,000,000 at period end 2023-12-31: Class A, B and C shares together (the equity statement's 'Shares' column)"),
    ('alphabet', 2024, 1, '2024-03-31', 'revenue_m', 80539, '0001652044-24-000053', '10-Q', '2024-04-26', 'reported',
     'us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax, three months ended 2024-03-31'),
    ('alphabet', 2024, 1, '2024-03-31', 'net_income_gaap_m', 23662, '0001652044-24-000053', '10-Q', '2024-04-26', 'reported',
     'us-gaap:NetIncomeLoss, three months ended 2024-03-31'),
    ('alphabet', 2024, 1, '2024-03-31', 'eps_diluted_gaap', 1.89, '0001652044-24-000053', '10-Q', '2024-04-26', 'reported',
     'us-gaap:EarningsPerShareDiluted, three months ended 2024-03-31'),
    ('alphabet', 2024, 1, '2024-03-31', 'diluted_shares_m', 12527.0, '0001652044-25-000043', '10-Q', '2025-04-25', 'reported',
     "us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding, three months ended 2024-03-31 (comparative column of the later 10-Q; the quarter's own 10-Q does not tag it)"),
    ('alphabet', 2024, 1, '2024-03-31', 'shares_outstanding_m', 12381.0, '0001652044-24-000053', '10-Q', '2024-04-26', 'reported',
     "us-gaap:CommonStockSharesOutstanding 12,381,000,000 at period end 2024-03-31: Class A, B and C shares together (the equity statement's 'Shares' column)"),
    ('alphabet', 2024, 2, '2024-06-30', 'diluted_shares_m', 12495.0, '0001652044-24-000079', '10-Q', '2024-07-24', 'reported',
     'us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding, three months ended 2024-06-30'),
    ('alphabet', 2024, 2, '2024-06-30', 'shares_outstanding_m', 12322.0, '0001652044-24-000079', '10-Q', '2024-07-24', 'reported',
     "us-gaap:CommonStockSharesOutstanding 12,322,000,000 at period end 2024-06-30: Class A, B and C shares together (the equity statement's 'Shares' column)"),
    ('alphabet', 2024, 3, '2024-09-30', 'diluted_shares_m', 12419.0, '0001652044-24-000118', '10-Q', '2024-10-30', 'reported',
     'us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding, three months ended 2024-09-30'),
    ('alphabet', 2024, 3, '2024-09-30', 'shares_outstanding_m', 12264.0, '0001652044-24-000118', '10-Q', '2024-10-30', 'reported',
     "us-gaap:CommonStockSharesOutstanding 12,264,000,000 at period end 2024-09-30: Class A, B and C shares together (the equity statement's 'Shares' column)"),
    ('alphabet', 2024, 4, '2024-12-31', 'shares_outstanding_m', 12211.0, '0001652044-25-000014', '10-K', '2025-02-05', 'reported',
     "us-gaap:CommonStockSharesOutstanding 12,211,000,000 at period end 2024-12-31: Class A, B and C shares together (the equity statement's 'Shares' column)"),
    ('alphabet', 2025, 1, '2025-03-31', 'revenue_m', 90234, '0001652044-25-000043', '10-Q', '2025-04-25', 'reported',
     'us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax, three months ended 2025-03-31'),
    ('alphabet', 2025, 1, '2025-03-31', 'net_income_gaap_m', 34540, '0001652044-25-000043', '10-Q', '2025-04-25', 'reported',
     'us-gaap:NetIncomeLoss, three months ended 2025-03-31'),
    ('alphabet', 2025, 1, '2025-03-31', 'eps_diluted_gaap', 2.81, '0001652044-25-000043', '10-Q', '2025-04-25', 'reported',
     'us-gaap:EarningsPerShareDiluted, three months ended 2025-03-31'),
    ('alphabet', 2025, 1, '2025-03-31', 'diluted_shares_m', 12291.0, '0001652044-25-000043', '10-Q', '2025-04-25', 'reported',
     'us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding, three months ended 2025-03-31'),
    ('alphabet', 2025, 1, '2025-03-31', 'shares_outstanding_m', 12155.0, '0001652044-25-000043', '10-Q', '2025-04-25', 'reported',
     "us-gaap:CommonStockSharesOutstanding 12,155,000,000 at period end 2025-03-31: Class A, B and C shares together (the equity statement's 'Shares' column)"),
    ('alphabet', 2025, 2, '2025-06-30', 'revenue_m', 96428, '0001652044-25-000062', '10-Q', '2025-07-24', 'reported',
     'us-gaap:Revenues, three months ended 2025-06-30'),
    ('alphabet', 2025, 2, '2025-06-30', 'net_income_gaap_m', 28196, '0001652044-25-000062', '10-Q', '2025-07-24', 'reported',
     'us-gaap:NetIncomeLoss, three months ended 2025-06-30'),
    ('alphabet', 2025, 2, '2025-06-30', 'eps_diluted_gaap', 2.31, '0001652044-25-000062', '10-Q', '2025-07-24', 'reported',
     'us-gaap:EarningsPerShareDiluted, three months ended 2025-06-30'),
    ('alphabet', 2025, 2, '2025-06-30', 'diluted_shares_m', 12198.0, '0001652044-25-000062', '10-Q', '2025-07-24', 'reported',
     'us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding, three months ended 2025-06-30'),
    ('alphabet', 2025, 2, '2025-06-30', 'shares_outstanding_m', 12104.0, '0001652044-25-000062', '10-Q', '2025-07-24', 'reported',
     "us-gaap:CommonStockSharesOutstanding 12,104,000,000 at period end 2025-06-30: Class A, B and C shares together (the equity statement's 'Shares' column)"),
    ('nvidia', 2023, 1, '2022-05-01', 'revenue_m', 8288, '0001045810-22-000079', '10-Q', '2022-05-27', 'reported',
     'us-gaap:Revenues, three months ended 2022-05-01'),
    ('nvidia', 2023, 1, '2022-05-01', 'net_income_gaap_m', 1618, '0001045810-22-000079', '10-Q', '2022-05-27', 'reported',
     'us-gaap:NetIncomeLoss, three months ended 2022-05-01'),
    ('nvidia', 2023, 1, '2022-05-01', 'eps_diluted_gaap', 0.064, '0001045810-22-000079', '10-Q', '2022-05-27', 'derived',
     'us-gaap:EarningsPerShareDiluted, three months ended 2022-05-01; filed before the 10-for-1 split as 0.64, divided by 10 (split-adjusted like the price seeds)'),
    ('nvidia', 2023, 1, '2022-05-01', 'diluted_shares_m', 25370.0, '0001045810-22-000079', '10-Q', '2022-05-27', 'derived',
     'us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding, three months ended 2022-05-01; filed before the 10-for-1 split as 2537000000, multiplied by 10 (split-adjusted like the price seeds)'),
    ('nvidia', 2023, 1, '2022-05-01', 'shares_outstanding_m', 25000.0, '0001045810-22-000079', '10-Q', '2022-05-27', 'derived',
     'cover-page count dei:EntityCommonStockSharesOutstanding 2,500,000,000 as of 2022-05-20 (not period end; the cover states it to 10 million), before the 10-for-1 split of June 2024, times 10 = 25,000,000,000'),
    ('nvidia', 2023, 2, '2022-07-31', 'revenue_m', 6704, '0001045810-22-000147', '10-Q', '2022-08-31', 'reported',
     'us-gaap:Revenues, three months ended 2022-07-31'),
    ('nvidia', 2023, 2, '2022-07-31', 'eps_diluted_gaap', 0.026, '0001045810-22-000147', '10-Q', '2022-08-31', 'derived',
     'us-gaap:EarningsPerShareDiluted, three months ended 2022-07-31; filed before the 10-for-1 split as 0.26, divided by 10 (split-adjusted like the price seeds)'),
    ('nvidia', 2023, 2, '2022-07-31', 'diluted_shares_m', 25160.0, '0001045810-22-000147', '10-Q', '2022-08-31', 'derived',
     'us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding, three months ended 2022-07-31; filed before the 10-for-1 split as 2516000000, multiplied by 10 (split-adjusted like the price seeds)'),
    ('nvidia', 2023, 2, '2022-07-31', 'shares_outstanding_m', 24900.0, '0001045810-22-000147', '10-Q', '2022-08-31', 'derived',
     'cover-page count dei:EntityCommonStockSharesOutstanding 2,490,000,000 as of 2022-08-19 (not period end; the cover states it to 10 million), before the 10-for-1 split of June 2024, times 10 = 24,900,000,000'),
    ('nvidia', 2023, 3, '2022-10-30', 'revenue_m', 5931, '0001045810-22-000166', '10-Q', '2022-11-18', 'reported',
     'us-gaap:Revenues, three months ended 2022-10-30'),
    ('nvidia', 2023, 3, '2022-10-30', 'net_income_gaap_m', 680, '0001045810-22-000166', '10-Q', '2022-11-18', 'reported',
     'us-gaap:NetIncomeLoss, three months ended 2022-10-30'),
    ('nvidia', 2023, 3, '2022-10-30', 'eps_diluted_gaap', 0.027, '0001045810-22-000166', '10-Q', '2022-11-18', 'derived',
     'us-gaap:EarningsPerShareDiluted, three months ended 2022-10-30; filed before the 10-for-1 split as 0.27, divided by 10 (split-adjusted like the price seeds)'),
    ('nvidia', 2023, 3, '2022-10-30', 'diluted_shares_m', 24990.0, '0001045810-22-000166', '10-Q', '2022-11-18', 'derived',
     'us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding, three months ended 2022-10-30; filed before the 10-for-1 split as 2499000000, multiplied by 10 (split-adjusted like the price seeds)'),
    ('nvidia', 2023, 3, '2022-10-30', 'shares_outstanding_m', 24600.0, '0001045810-22-000166', '10-Q', '2022-11-18', 'derived',
     'cover-page count dei:EntityCommonStockSharesOutstanding 2,460,000,000 as of 2022-11-11 (not period end; the cover states it to 10 million), before the 10-for-1 split of June 2024, times 10 = 24,600,000,000'),
    ('nvidia', 2023, 4, '2023-01-29', 'shares_outstanding_m', 24660.0, '0001045810-23-000017', '10-K', '2023-02-24', 'derived',
     'balance-sheet count us-gaap:CommonStockSharesOutstanding 2,466,000,000 at period end 2023-01-29, filed before the 10-for-1 split, times 10 = 24,660,000,000'),
    ('nvidia', 2024, 1, '2023-04-30', 'revenue_m', 7192, '0001045810-23-000093', '10-Q', '2023-05-26', 'reported',
     'us-gaap:Revenues, three months ended 2023-04-30'),
    ('nvidia', 2024, 1, '2023-04-30', 'eps_diluted_gaap', 0.082, '0001045810-23-000093', '10-Q', '2023-05-26', 'derived',
     'us-gaap:EarningsPerShareDiluted, three months ended 2023-04-30; filed before the 10-for-1 split as 0.82, divided by 10 (split-adjusted like the price seeds)'),
    ('nvidia', 2024, 1, '2023-04-30', 'diluted_shares_m', 24900.0, '0001045810-23-000093', '10-Q', '2023-05-26', 'derived',
     'us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding, three months ended 2023-04-30; filed before the 10-for-1 split as 2490000000, multiplied by 10 (split-adjusted like the price seeds)'),
    ('nvidia', 2024, 1, '2023-04-30', 'shares_outstanding_m', 24700.0, '0001045810-23-000093', '10-Q', '2023-05-26', 'derived',
     'cover-page count dei:EntityCommonStockSharesOutstanding 2,470,000,000 as of 2023-05-19 (not period end; the cover states it to 10 million), before the 10-for-1 split of June 2024, times 10 = 24,700,000,000'),
    ('nvidia', 2024, 2, '2023-07-30', 'revenue_m', 13507, '0001045810-23-000175', '10-Q', '2023-08-28', 'reported',
     'us-gaap:Revenues, three months ended 2023-07-30'),
    ('nvidia', 2024, 2, '2023-07-30', 'eps_diluted_gaap', 0.248, '0001045810-23-000175', '10-Q', '2023-08-28', 'derived',
     "us-gaap:EarningsPerShareDiluted, three months ended 2023-07-30; filed before the 10-for-1 split as 2.48, divided by 10 (split-adjusted like the price seeds); the company's later 10-Q 0001045810-24-000264 shows 0.25 for this quarter"),
    ('nvidia', 2024, 2, '2023-07-30', 'diluted_shares_m', 24994.0, '0001045810-24-000264', '10-Q', '2024-08-28', 'reported',
     'us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding, three months ended 2023-07-30; filed before the 10-for-1 split as 2,499,000,000; value from the comparative column of the later 10-Q 0001045810-24-000264, restated by the company for the split'),
    ('nvidia', 2024, 2, '2023-07-30', 'shares_outstanding_m', 24700.0, '0001045810-23-000175', '10-Q', '2023-08-28', 'derived',
     'cover-page count dei:EntityCommonStockSharesOutstanding 2,470,000,000 as of 2023-08-18 (not period end; the cover states it to 10 million), before the 10-for-1 split of June 2024, times 10 = 24,700,000,000'),
    ('nvidia', 2024, 3, '2023-10-29', 'revenue_m', 18120, '0001045810-23-000227', '10-Q', '2023-11-21', 'reported',
     'us-gaap:Revenues, three months ended 2023-10-29'),
    ('nvidia', 2024, 3, '2023-10-29', 'net_income_gaap_m', 9243, '0001045810-23-000227', '10-Q', '2023-11-21', 'reported',
     'us-gaap:NetIncomeLoss, three months ended 2023-10-29'),
    ('nvidia', 2024, 3, '2023-10-29', 'eps_diluted_gaap', 0.371, '0001045810-23-000227', '10-Q', '2023-11-21', 'derived',
     "us-gaap:EarningsPerShareDiluted, three months ended 2023-10-29; filed before the 10-for-1 split as 3.71, divided by 10 (split-adjusted like the price seeds); the company's later 10-Q 0001045810-24-000316 shows 0.37 for this quarter"),
    ('nvidia', 2024, 3, '2023-10-29', 'diluted_shares_m', 24940.0, '0001045810-24-000316', '10-Q', '2024-11-20', 'reported',
     'us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding, three months ended 2023-10-29; filed before the 10-for-1 split as 2,494,000,000; value from the comparative column of the later 10-Q 0001045810-24-000316, restated by the company for the split'),
    ('nvidia', 2024, 3, '2023-10-29', 'shares_outstanding_m', 24700.0, '0001045810-23-000227', '10-Q', '2023-11-21', 'derived',
     'cover-page count dei:EntityCommonStockSharesOutstanding 2,470,000,000 as of 2023-11-17 (not period end; the cover states it to 10 million), before the 10-for-1 split of June 2024, times 10 = 24,700,000,000'),
    ('nvidia', 2024, 4, '2024-01-28', 'shares_outstanding_m', 24643.0, '0001045810-24-000029', '10-K', '2024-02-21', 'reported',
     'balance-sheet count us-gaap:CommonStockSharesOutstanding 2,464,000,000 at period end 2024-01-28; split-adjusted 24,643,000,000 in the later 10-K 0001045810-25-000023'),
    ('nvidia', 2025, 1, '2024-04-28', 'revenue_m', 26044, '0001045810-24-000124', '10-Q', '2024-05-29', 'reported',
     'us-gaap:Revenues, three months ended 2024-04-28'),
    ('nvidia', 2025, 1, '2024-04-28', 'net_income_gaap_m', 14881, '0001045810-24-000124', '10-Q', '2024-05-29', 'reported',
     'us-gaap:NetIncomeLoss, three months ended 2024-04-28'),
    ('nvidia', 2025, 1, '2024-04-28', 'eps_diluted_gaap', 0.598, '0001045810-24-000124', '10-Q', '2024-05-29', 'derived',
     "us-gaap:EarningsPerShareDiluted, three months ended 2024-04-28; filed before the 10-for-1 split as 5.98, divided by 10 (split-adjusted like the price seeds); the company's later 10-Q 0001045810-25-000116 shows 0.6 for this quarter"),
    ('nvidia', 2025, 1, '2024-04-28', 'diluted_shares_m', 24890.0, '0001045810-25-000116', '10-Q', '2025-05-28', 'reported',
     'us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding, three months ended 2024-04-28; filed before the 10-for-1 split as 2,489,000,000; value from the comparative column of the later 10-Q 0001045810-25-000116, restated by the company for the split'),
    ('nvidia', 2025, 1, '2024-04-28', 'shares_outstanding_m', 24600.0, '0001045810-24-000124', '10-Q', '2024-05-29', 'derived',
     'cover-page count dei:EntityCommonStockSharesOutstanding 2,460,000,000 as of 2024-05-24 (not period end; the cover states it to 10 million), before the 10-for-1 split of June 2024, times 10 = 24,600,000,000'),
    ('nvidia', 2025, 2, '2024-07-28', 'revenue_m', 30040, '0001045810-24-000264', '10-Q', '2024-08-28', 'reported',
     'us-gaap:Revenues, three months ended 2024-07-28'),
    ('nvidia', 2025, 2, '2024-07-28', 'net_income_gaap_m', 16599, '0001045810-24-000264', '10-Q', '2024-08-28', 'reported',
     'us-gaap:NetIncomeLoss, three months ended 2024-07-28'),
    ('nvidia', 2025, 2, '2024-07-28', 'eps_diluted_gaap', 0.67, '0001045810-24-000264', '10-Q', '2024-08-28', 'reported',
     'us-gaap:EarningsPerShareDiluted, three months ended 2024-07-28'),
    ('nvidia', 2025, 2, '2024-07-28', 'diluted_shares_m', 24848.0, '0001045810-24-000264', '10-Q', '2024-08-28', 'reported',
     'us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding, three months ended 2024-07-28'),
    ('nvidia', 2025, 2, '2024-07-28', 'shares_outstanding_m', 24530.0, '0001045810-24-000264', '10-Q', '2024-08-28', 'reported',
     'cover-page count dei:EntityCommonStockSharesOutstanding 24,530,000,000 as of 2024-08-23 (not period end; the cover states it to 10 million)'),
    ('nvidia', 2025, 3, '2024-10-27', 'revenue_m', 35082, '0001045810-24-000316', '10-Q', '2024-11-20', 'reported',
     'us-gaap:Revenues, three months ended 2024-10-27'),
    ('nvidia', 2025, 3, '2024-10-27', 'diluted_shares_m', 24774.0, '0001045810-24-000316', '10-Q', '2024-11-20', 'reported',
     'us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding, three months ended 2024-10-27'),
    ('nvidia', 2025, 3, '2024-10-27', 'shares_outstanding_m', 24490.0, '0001045810-24-000316', '10-Q', '2024-11-20', 'reported',
     'cover-page count dei:EntityCommonStockSharesOutstanding 24,490,000,000 as of 2024-11-15 (not period end; the cover states it to 10 million)'),
    ('nvidia', 2025, 4, '2025-01-26', 'shares_outstanding_m', 24477.0, '0001045810-25-000023', '10-K', '2025-02-26', 'reported',
     'balance-sheet count us-gaap:CommonStockSharesOutstanding 24,477,000,000 at period end 2025-01-26'),
    ('nvidia', 2026, 1, '2025-04-27', 'revenue_m', 44062, '0001045810-25-000116', '10-Q', '2025-05-28', 'reported',
     'us-gaap:Revenues, three months ended 2025-04-27'),
    ('nvidia', 2026, 1, '2025-04-27', 'diluted_shares_m', 24611.0, '0001045810-25-000116', '10-Q', '2025-05-28', 'reported',
     'us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding, three months ended 2025-04-27'),
    ('nvidia', 2026, 1, '2025-04-27', 'shares_outstanding_m', 24400.0, '0001045810-25-000116', '10-Q', '2025-05-28', 'reported',
     'cover-page count dei:EntityCommonStockSharesOutstanding 24,400,000,000 as of 2025-05-23 (not period end; the cover states it to 10 million)'),
    ('nvidia', 2026, 2, '2025-07-27', 'revenue_m', 46743, '0001045810-25-000209', '10-Q', '2025-08-27', 'reported',
     'us-gaap:Revenues, three months ended 2025-07-27'),
    ('nvidia', 2026, 2, '2025-07-27', 'net_income_gaap_m', 26422, '0001045810-25-000209', '10-Q', '2025-08-27', 'reported',
     'us-gaap:NetIncomeLoss, three months ended 2025-07-27'),
    ('nvidia', 2026, 2, '2025-07-27', 'eps_diluted_gaap', 1.08, '0001045810-25-000209', '10-Q', '2025-08-27', 'reported',
     'us-gaap:EarningsPerShareDiluted, three months ended 2025-07-27'),
    ('nvidia', 2026, 2, '2025-07-27', 'diluted_shares_m', 24532.0, '0001045810-25-000209', '10-Q', '2025-08-27', 'reported',
     'us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding, three months ended 2025-07-27'),
    ('nvidia', 2026, 2, '2025-07-27', 'shares_outstanding_m', 24300.0, '0001045810-25-000209', '10-Q', '2025-08-27', 'reported',
     'cover-page count dei:EntityCommonStockSharesOutstanding 24,300,000,000 as of 2025-08-22 (not period end; the cover states it to 10 million)'),
    ('nvidia', 2026, 3, '2025-10-26', 'revenue_m', 57006, '0001045810-25-000230', '10-Q', '2025-11-19', 'reported',
     'us-gaap:Revenues, three months ended 2025-10-26'),
    ('nvidia', 2026, 3, '2025-10-26', 'net_income_gaap_m', 31910, '0001045810-25-000230', '10-Q', '2025-11-19', 'reported',
     'us-gaap:NetIncomeLoss, three months ended 2025-10-26'),
    ('nvidia', 2026, 3, '2025-10-26', 'eps_diluted_gaap', 1.3, '0001045810-25-000230', '10-Q', '2025-11-19', 'reported',
     'us-gaap:EarningsPerShareDiluted, three months ended 2025-10-26'),
    ('nvidia', 2026, 3, '2025-10-26', 'diluted_shares_m', 24483.0, '0001045810-25-000230', '10-Q', '2025-11-19', 'reported',
     'us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding, three months ended 2025-10-26'),
    ('nvidia', 2026, 3, '2025-10-26', 'shares_outstanding_m', 24300.0, '0001045810-25-000230', '10-Q', '2025-11-19', 'reported',
     'cover-page count dei:EntityCommonStockSharesOutstanding 24,300,000,000 as of 2025-11-14 (not period end; the cover states it to 10 million)'),
    ('apple', 2022, 2, '2022-03-26', 'shares_outstanding_m', 16207.568, '0000320193-22-000059', '10-Q', '2022-04-29', 'reported',
     'balance-sheet count us-gaap:CommonStockSharesOutstanding 16,207,568,000 at period end 2022-03-26'),
    ('apple', 2022, 3, '2022-06-25', 'shares_outstanding_m', 16095.378, '0000320193-22-000070', '10-Q', '2022-07-29', 'reported',
     'balance-sheet count us-gaap:CommonStockSharesOutstanding 16,095,378,000 at period end 2022-06-25'),
    ('apple', 2022, 4, '2022-09-24', 'shares_outstanding_m', 15943.425, '0000320193-22-000108', '10-K', '2022-10-28', 'reported',
     'balance-sheet count us-gaap:CommonStockSharesOutstanding 15,943,425,000 at period end 2022-09-24'),
    ('apple', 2023, 1, '2022-12-31', 'revenue_m', 117154, '0000320193-23-000006', '10-Q', '2023-02-03', 'reported',
     'us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax, three months ended 2022-12-31'),
    ('apple', 2023, 1, '2022-12-31', 'net_income_gaap_m', 29998, '0000320193-23-000006', '10-Q', '2023-02-03', 'reported',
     'us-gaap:NetIncomeLoss, three months ended 2022-12-31'),
    ('apple', 2023, 1, '2022-12-31', 'diluted_shares_m', 15955.718, '0000320193-23-000006', '10-Q', '2023-02-03', 'reported',
     'us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding, three months ended 2022-12-31'),
    ('apple', 2023, 1, '2022-12-31', 'shares_outstanding_m', 15842.407, '0000320193-23-000006', '10-Q', '2023-02-03', 'reported',
     'balance-sheet count us-gaap:CommonStockSharesOutstanding 15,842,407,000 at period end 2022-12-31'),
    ('apple', 2023, 2, '2023-04-01', 'shares_outstanding_m', 15723.406, '0000320193-23-000064', '10-Q', '2023-05-05', 'reported',
     'balance-sheet count us-gaap:CommonStockSharesOutstanding 15,723,406,000 at period end 2023-04-01'),
    ('apple', 2024, 1, '2023-12-30', 'revenue_m', 119575, '0000320193-24-000006', '10-Q', '2024-02-02', 'reported',
     'us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax, three months ended 2023-12-30'),
    ('apple', 2024, 1, '2023-12-30', 'net_income_gaap_m', 33916, '0000320193-24-000006', '10-Q', '2024-02-02', 'reported',
     'us-gaap:NetIncomeLoss, three months ended 2023-12-30'),
    ('apple', 2024, 1, '2023-12-30', 'eps_diluted_gaap', 2.18, '0000320193-24-000006', '10-Q', '2024-02-02', 'reported',
     'us-gaap:EarningsPerShareDiluted, three months ended 2023-12-30'),
    ('apple', 2024, 1, '2023-12-30', 'diluted_shares_m', 15576.641, '0000320193-24-000006', '10-Q', '2024-02-02', 'reported',
     'us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding, three months ended 2023-12-30'),
    ('apple', 2024, 1, '2023-12-30', 'shares_outstanding_m', 15460.223, '0000320193-24-000006', '10-Q', '2024-02-02', 'reported',
     'balance-sheet count us-gaap:CommonStockSharesOutstanding 15,460,223,000 at period end 2023-12-30'),
    ('apple', 2024, 2, '2024-03-30', 'shares_outstanding_m', 15337.686, '0000320193-24-000069', '10-Q', '2024-05-03', 'reported',
     'balance-sheet count us-gaap:CommonStockSharesOutstanding 15,337,686,000 at period end 2024-03-30'),
    ('apple', 2024, 3, '2024-06-29', 'revenue_m', 85777, '0000320193-24-000081', '10-Q', '2024-08-02', 'reported',
     'us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax, three months ended 2024-06-29'),
    ('apple', 2024, 3, '2024-06-29', 'net_income_gaap_m', 21448, '0000320193-24-000081', '10-Q', '2024-08-02', 'reported',
     'us-gaap:NetIncomeLoss, three months ended 2024-06-29'),
    ('apple', 2024, 3, '2024-06-29', 'eps_diluted_gaap', 1.4, '0000320193-24-000081', '10-Q', '2024-08-02', 'reported',
     'us-gaap:EarningsPerShareDiluted, three months ended 2024-06-29'),
    ('apple', 2024, 3, '2024-06-29', 'diluted_shares_m', 15348.175, '0000320193-24-000081', '10-Q', '2024-08-02', 'reported',
     'us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding, three months ended 2024-06-29'),
    ('apple', 2024, 3, '2024-06-29', 'shares_outstanding_m', 15222.259, '0000320193-24-000081', '10-Q', '2024-08-02', 'reported',
     'balance-sheet count us-gaap:CommonStockSharesOutstanding 15,222,259,000 at period end 2024-06-29'),
    ('apple', 2025, 1, '2024-12-28', 'revenue_m', 124300, '0000320193-25-000008', '10-Q', '2025-01-31', 'reported',
     'us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax, three months ended 2024-12-28'),
    ('apple', 2025, 1, '2024-12-28', 'net_income_gaap_m', 36330, '0000320193-25-000008', '10-Q', '2025-01-31', 'reported',
     'us-gaap:NetIncomeLoss, three months ended 2024-12-28'),
    ('apple', 2025, 1, '2024-12-28', 'eps_diluted_gaap', 2.4, '0000320193-25-000008', '10-Q', '2025-01-31', 'reported',
     'us-gaap:EarningsPerShareDiluted, three months ended 2024-12-28'),
    ('apple', 2025, 1, '2024-12-28', 'diluted_shares_m', 15150.865, '0000320193-25-000008', '10-Q', '2025-01-31', 'reported',
     'us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding, three months ended 2024-12-28'),
    ('apple', 2025, 1, '2024-12-28', 'shares_outstanding_m', 15040.731, '0000320193-25-000008', '10-Q', '2025-01-31', 'reported',
     'balance-sheet count us-gaap:CommonStockSharesOutstanding 15,040,731,000 at period end 2024-12-28'),
    ('apple', 2025, 2, '2025-03-29', 'revenue_m', 95359, '0000320193-25-000057', '10-Q', '2025-05-02', 'reported',
     'us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax, three months ended 2025-03-29'),
    ('apple', 2025, 2, '2025-03-29', 'net_income_gaap_m', 24780, '0000320193-25-000057', '10-Q', '2025-05-02', 'reported',
     'us-gaap:NetIncomeLoss, three months ended 2025-03-29'),
    ('apple', 2025, 2, '2025-03-29', 'eps_diluted_gaap', 1.65, '0000320193-25-000057', '10-Q', '2025-05-02', 'reported',
     'us-gaap:EarningsPerShareDiluted, three months ended 2025-03-29'),
    ('apple', 2025, 2, '2025-03-29', 'diluted_shares_m', 15056.133, '0000320193-25-000057', '10-Q', '2025-05-02', 'reported',
     'us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding, three months ended 2025-03-29'),
    ('apple', 2025, 2, '2025-03-29', 'shares_outstanding_m', 14939.315, '0000320193-25-000057', '10-Q', '2025-05-02', 'reported',
     'balance-sheet count us-gaap:CommonStockSharesOutstanding 14,939,315,000 at period end 2025-03-29'),
    ('apple', 2025, 3, '2025-06-28', 'revenue_m', 94036, '0000320193-25-000073', '10-Q', '2025-08-01', 'reported',
     'us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax, three months ended 2025-06-28'),
    ('apple', 2025, 3, '2025-06-28', 'net_income_gaap_m', 23434, '0000320193-25-000073', '10-Q', '2025-08-01', 'reported',
     'us-gaap:NetIncomeLoss, three months ended 2025-06-28'),
    ('apple', 2025, 3, '2025-06-28', 'eps_diluted_gaap', 1.57, '0000320193-25-000073', '10-Q', '2025-08-01', 'reported',
     'us-gaap:EarningsPerShareDiluted, three months ended 2025-06-28'),
    ('apple', 2025, 3, '2025-06-28', 'diluted_shares_m', 14948.179, '0000320193-25-000073', '10-Q', '2025-08-01', 'reported',
     'us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding, three months ended 2025-06-28'),
    ('apple', 2025, 3, '2025-06-28', 'shares_outstanding_m', 14856.722, '0000320193-25-000073', '10-Q', '2025-08-01', 'reported',
     'balance-sheet count us-gaap:CommonStockSharesOutstanding 14,856,722,000 at period end 2025-06-28'),
    ('apple', 2025, 4, '2025-09-27', 'shares_outstanding_m', 14773.26, '0000320193-25-000079', '10-K', '2025-10-31', 'reported',
     'balance-sheet count us-gaap:CommonStockSharesOutstanding 14,773,260,000 at period end 2025-09-27'),
    ('apple', 2026, 1, '2025-12-27', 'revenue_m', 143756, '0000320193-26-000006', '10-Q', '2026-01-30', 'reported',
     'us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax, three months ended 2025-12-27'),
    ('apple', 2026, 1, '2025-12-27', 'net_income_gaap_m', 42097, '0000320193-26-000006', '10-Q', '2026-01-30', 'reported',
     'us-gaap:NetIncomeLoss, three months ended 2025-12-27'),
    ('apple', 2026, 1, '2025-12-27', 'eps_diluted_gaap', 2.84, '0000320193-26-000006', '10-Q', '2026-01-30', 'reported',
     'us-gaap:EarningsPerShareDiluted, three months ended 2025-12-27'),
    ('apple', 2026, 1, '2025-12-27', 'diluted_shares_m', 14810.356, '0000320193-26-000006', '10-Q', '2026-01-30', 'reported',
     'us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding, three months ended 2025-12-27'),
    ('apple', 2026, 1, '2025-12-27', 'shares_outstanding_m', 14702.703, '0000320193-26-000006', '10-Q', '2026-01-30', 'reported',
     'balance-sheet count us-gaap:CommonStockSharesOutstanding 14,702,703,000 at period end 2025-12-27'),
]
for (_c, _fy, _fq, _pe, _m, _v, _accn, _form, _filed, _basis, _note) in EDGAR_ROWS:
    FIGURES.append(_row(_c, _fy, _fq, _pe, _m, _v, _edgar_source(_c, _accn, _form, _filed), "filing", _basis, _note))

# Meta and Microsoft: the condensed consolidated statements of income in the results release (Form 8-K exhibit
# 99.1; URL and filing below), figures as extracted from that exhibit in akiraak/ai-financial-analyst@a47d373
# companies/<company>/data/financials.json. Millions; diluted shares = "Weighted-average shares used to compute
# earnings per share: Diluted" (Meta: Class A and B together).
AKIRAAK = "akiraak/ai-financial-analyst@a47d373 companies/{c}/data/financials.json"
_RELEASE_NAME = {"meta": "Meta Platforms", "microsoft": "Microsoft"}
RELEASE_ROWS = [
    ('meta', 2022, 1, '2022-03-31', 'diluted_shares_m', 2742, '0001326801-22-000054', '2022-04-27', 'https://www.sec.gov/Archives/edgar/data/1326801/000132680122000054/meta03312022-exhibit991.htm'),
    ('meta', 2022, 2, '2022-06-30', 'revenue_m', 28822, '0001326801-22-000079', '2022-07-27', 'https://www.sec.gov/Archives/edgar/data/1326801/000132680122000079/meta06302022-exhibit991.htm'),
    ('meta', 2022, 2, '2022-06-30', 'net_income_gaap_m', 6687, '0001326801-22-000079', '2022-07-27', 'https://www.sec.gov/Archives/edgar/data/1326801/000132680122000079/meta06302022-exhibit991.htm'),
    ('meta', 2022, 2, '2022-06-30', 'eps_diluted_gaap', 2.46, '0001326801-22-000079', '2022-07-27', 'https://www.sec.gov/Archives/edgar/data/1326801/000132680122000079/meta06302022-exhibit991.htm'),
    ('meta', 2022, 2, '2022-06-30', 'diluted_shares_m', 2713, '0001326801-22-000079', '2022-07-27', 'https://www.sec.gov/Archives/edgar/data/1326801/000132680122000079/meta06302022-exhibit991.htm'),
    ('meta', 2022, 3, '2022-09-30', 'diluted_shares_m', 2687, '0001326801-22-000105', '2022-10-26', 'https://www.sec.gov/Archives/edgar/data/1326801/000132680122000105/meta09302022-exhibit991.htm'),
    ('meta', 2022, 4, '2022-12-31', 'diluted_shares_m', 2640, '0001326801-23-000008', '2023-02-01', 'https://www.sec.gov/Archives/edgar/data/1326801/000132680123000008/meta-12312022xexhibit991.htm'),
    ('meta', 2023, 1, '2023-03-31', 'revenue_m', 28645, '0001326801-23-000063', '2023-04-26', 'https://www.sec.gov/Archives/edgar/data/1326801/000132680123000063/meta03312023-exhibit991.htm'),
    ('meta', 2023, 1, '2023-03-31', 'net_income_gaap_m', 5709, '0001326801-23-000063', '2023-04-26', 'https://www.sec.gov/Archives/edgar/data/1326801/000132680123000063/meta03312023-exhibit991.htm'),
    ('meta', 2023, 1, '2023-03-31', 'eps_diluted_gaap', 2.2, '0001326801-23-000063', '2023-04-26', 'https://www.sec.gov/Archives/edgar/data/1326801/000132680123000063/meta03312023-exhibit991.htm'),
    ('meta', 2023, 1, '2023-03-31', 'diluted_shares_m', 2596, '0001326801-23-000063', '2023-04-26', 'https://www.sec.gov/Archives/edgar/data/1326801/000132680123000063/meta03312023-exhibit991.htm'),
    ('meta', 2023, 2, '2023-06-30', 'revenue_m', 31999, '0001326801-23-000089', '2023-07-26', 'https://www.sec.gov/Archives/edgar/data/1326801/000132680123000089/meta06302023-exhibit991.htm'),
    ('meta', 2023, 2, '2023-06-30', 'net_income_gaap_m', 7788, '0001326801-23-000089', '2023-07-26', 'https://www.sec.gov/Archives/edgar/data/1326801/000132680123000089/meta06302023-exhibit991.htm'),
    ('meta', 2023, 2, '2023-06-30', 'eps_diluted_gaap', 2.98, '0001326801-23-000089', '2023-07-26', 'https://www.sec.gov/Archives/edgar/data/1326801/000132680123000089/meta06302023-exhibit991.htm'),
    ('meta', 2023, 2, '2023-06-30', 'diluted_shares_m', 2612, '0001326801-23-000089', '2023-07-26', 'https://www.sec.gov/Archives/edgar/data/1326801/000132680123000089/meta06302023-exhibit991.htm'),
    ('meta', 2023, 3, '2023-09-30', 'diluted_shares_m', 2641, '0001326801-23-000100', '2023-10-25', 'https://www.sec.gov/Archives/edgar/data/1326801/000132680123000100/meta09302023-exhibit991.htm'),
    ('meta', 2023, 4, '2023-12-31', 'diluted_shares_m', 2630, '0001326801-24-000010', '2024-02-01', 'https://www.sec.gov/Archives/edgar/data/1326801/000132680124000010/meta-12312023xexhibit991.htm'),
    ('meta', 2024, 1, '2024-03-31', 'diluted_shares_m', 2625, '0001326801-24-000044', '2024-04-24', 'https://www.sec.gov/Archives/edgar/data/1326801/000132680124000044/meta-03312024xexhibit991.htm'),
    ('meta', 2024, 2, '2024-06-30', 'diluted_shares_m', 2610, '0001326801-24-000065', '2024-07-31', 'https://www.sec.gov/Archives/edgar/data/1326801/000132680124000065/meta-06302024xexhibit991.htm'),
    ('meta', 2024, 3, '2024-09-30', 'diluted_shares_m', 2600, '0001326801-24-000077', '2024-10-30', 'https://www.sec.gov/Archives/edgar/data/1326801/000132680124000077/meta-09302024xexhibit991.htm'),
    ('meta', 2024, 4, '2024-12-31', 'diluted_shares_m', 2599, '0001326801-25-000014', '2025-01-29', 'https://www.sec.gov/Archives/edgar/data/1326801/000132680125000014/meta-12312024xexhibit991.htm'),
    ('meta', 2025, 1, '2025-03-31', 'diluted_shares_m', 2590, '0001326801-25-000050', '2025-04-30', 'https://www.sec.gov/Archives/edgar/data/1326801/000132680125000050/meta-03312025xexhibit991.htm'),
    ('meta', 2025, 2, '2025-06-30', 'revenue_m', 47516, '0001628280-25-036719', '2025-07-30', 'https://www.sec.gov/Archives/edgar/data/1326801/000162828025036719/meta-06302025xexhibit991.htm'),
    ('meta', 2025, 2, '2025-06-30', 'net_income_gaap_m', 18337, '0001628280-25-036719', '2025-07-30', 'https://www.sec.gov/Archives/edgar/data/1326801/000162828025036719/meta-06302025xexhibit991.htm'),
    ('meta', 2025, 2, '2025-06-30', 'eps_diluted_gaap', 7.14, '0001628280-25-036719', '2025-07-30', 'https://www.sec.gov/Archives/edgar/data/1326801/000162828025036719/meta-06302025xexhibit991.htm'),
    ('meta', 2025, 2, '2025-06-30', 'diluted_shares_m', 2570, '0001628280-25-036719', '2025-07-30', 'https://www.sec.gov/Archives/edgar/data/1326801/000162828025036719/meta-06302025xexhibit991.htm'),
    ('meta', 2025, 3, '2025-09-30', 'revenue_m', 51242, '0001628280-25-047114', '2025-10-29', 'https://www.sec.gov/Archives/edgar/data/1326801/000162828025047114/meta-09302025xexhibit991.htm'),
    ('meta', 2025, 3, '2025-09-30', 'net_income_gaap_m', 2709, '0001628280-25-047114', '2025-10-29', 'https://www.sec.gov/Archives/edgar/data/1326801/000162828025047114/meta-09302025xexhibit991.htm'),
    ('meta', 2025, 3, '2025-09-30', 'eps_diluted_gaap', 1.05, '0001628280-25-047114', '2025-10-29', 'https://www.sec.gov/Archives/edgar/data/1326801/000162828025047114/meta-09302025xexhibit991.htm'),
    ('meta', 2025, 3, '2025-09-30', 'diluted_shares_m', 2572, '0001628280-25-047114', '2025-10-29', 'https://www.sec.gov/Archives/edgar/data/1326801/000162828025047114/meta-09302025xexhibit991.htm'),
    ('meta', 2025, 4, '2025-12-31', 'revenue_m', 59893, '0001628280-26-003832', '2026-01-28', 'https://www.sec.gov/Archives/edgar/data/1326801/000162828026003832/meta-12312025xexhibit991.htm'),
    ('meta', 2025, 4, '2025-12-31', 'net_income_gaap_m', 22768, '0001628280-26-003832', '2026-01-28', 'https://www.sec.gov/Archives/edgar/data/1326801/000162828026003832/meta-12312025xexhibit991.htm'),
    ('meta', 2025, 4, '2025-12-31', 'eps_diluted_gaap', 8.88, '0001628280-26-003832', '2026-01-28', 'https://www.sec.gov/Archives/edgar/data/1326801/000162828026003832/meta-12312025xexhibit991.htm'),
    ('meta', 2025, 4, '2025-12-31', 'diluted_shares_m', 2565, '0001628280-26-003832', '2026-01-28', 'https://www.sec.gov/Archives/edgar/data/1326801/000162828026003832/meta-12312025xexhibit991.htm'),
    ('microsoft', 2022, 3, '2022-03-31', 'revenue_m', 49360, '0001193125-22-120207', '2022-04-26', 'https://www.sec.gov/Archives/edgar/data/789019/000119312522120207/d328712dex991.htm'),
    ('microsoft', 2022, 3, '2022-03-31', 'net_income_gaap_m', 16728, '0001193125-22-120207', '2022-04-26', 'https://www.sec.gov/Archives/edgar/data/789019/000119312522120207/d328712dex991.htm'),
    ('microsoft', 2022, 3, '2022-03-31', 'eps_diluted_gaap', 2.22, '0001193125-22-120207', '2022-04-26', 'https://www.sec.gov/Archives/edgar/data/789019/000119312522120207/d328712dex991.htm'),
    ('microsoft', 2022, 3, '2022-03-31', 'diluted_shares_m', 7534, '0001193125-22-120207', '2022-04-26', 'https://www.sec.gov/Archives/edgar/data/789019/000119312522120207/d328712dex991.htm'),
    ('microsoft', 2022, 4, '2022-06-30', 'revenue_m', 51865, '0001193125-22-202034', '2022-07-26', 'https://www.sec.gov/Archives/edgar/data/789019/000119312522202034/d372382dex991.htm'),
    ('microsoft', 2022, 4, '2022-06-30', 'net_income_gaap_m', 16740, '0001193125-22-202034', '2022-07-26', 'https://www.sec.gov/Archives/edgar/data/789019/000119312522202034/d372382dex991.htm'),
    ('microsoft', 2022, 4, '2022-06-30', 'eps_diluted_gaap', 2.23, '0001193125-22-202034', '2022-07-26', 'https://www.sec.gov/Archives/edgar/data/789019/000119312522202034/d372382dex991.htm'),
    ('microsoft', 2022, 4, '2022-06-30', 'diluted_shares_m', 7506, '0001193125-22-202034', '2022-07-26', 'https://www.sec.gov/Archives/edgar/data/789019/000119312522202034/d372382dex991.htm'),
    ('microsoft', 2023, 1, '2022-09-30', 'revenue_m', 50122, '0001193125-22-268356', '2022-10-25', 'https://www.sec.gov/Archives/edgar/data/789019/000119312522268356/d361432dex991.htm'),
    ('microsoft', 2023, 1, '2022-09-30', 'net_income_gaap_m', 17556, '0001193125-22-268356', '2022-10-25', 'https://www.sec.gov/Archives/edgar/data/789019/000119312522268356/d361432dex991.htm'),
    ('microsoft', 2023, 1, '2022-09-30', 'eps_diluted_gaap', 2.35, '0001193125-22-268356', '2022-10-25', 'https://www.sec.gov/Archives/edgar/data/789019/000119312522268356/d361432dex991.htm'),
    ('microsoft', 2023, 1, '2022-09-30', 'diluted_shares_m', 7485, '0001193125-22-268356', '2022-10-25', 'https://www.sec.gov/Archives/edgar/data/789019/000119312522268356/d361432dex991.htm'),
    ('microsoft', 2023, 2, '2022-12-31', 'revenue_m', 52747, '0001193125-23-014230', '2023-01-24', 'https://www.sec.gov/Archives/edgar/data/789019/000119312523014230/d406070dex991.htm'),
    ('microsoft', 2023, 2, '2022-12-31', 'net_income_gaap_m', 16425, '0001193125-23-014230', '2023-01-24', 'https://www.sec.gov/Archives/edgar/data/789019/000119312523014230/d406070dex991.htm'),
    ('microsoft', 2023, 2, '2022-12-31', 'eps_diluted_gaap', 2.2, '0001193125-23-014230', '2023-01-24', 'https://www.sec.gov/Archives/edgar/data/789019/000119312523014230/d406070dex991.htm'),
    ('microsoft', 2023, 2, '2022-12-31', 'diluted_shares_m', 7473, '0001193125-23-014230', '2023-01-24', 'https://www.sec.gov/Archives/edgar/data/789019/000119312523014230/d406070dex991.htm'),
    ('microsoft', 2023, 3, '2023-03-31', 'revenue_m', 52857, '0001193125-23-115280', '2023-04-25', 'https://www.sec.gov/Archives/edgar/data/789019/000119312523115280/d321368dex991.htm'),
    ('microsoft', 2023, 3, '2023-03-31', 'net_income_gaap_m', 18299, '0001193125-23-115280', '2023-04-25', 'https://www.sec.gov/Archives/edgar/data/789019/000119312523115280/d321368dex991.htm'),
    ('microsoft', 2023, 3, '2023-03-31', 'diluted_shares_m', 7464, '0001193125-23-115280', '2023-04-25', 'https://www.sec.gov/Archives/edgar/data/789019/000119312523115280/d321368dex991.htm'),
    ('microsoft', 2023, 4, '2023-06-30', 'revenue_m', 56189, '0000950170-23-034400', '2023-07-25', 'https://www.sec.gov/Archives/edgar/data/789019/000095017023034400/msft-ex99_1.htm'),
    ('microsoft', 2023, 4, '2023-06-30', 'net_income_gaap_m', 20081, '0000950170-23-034400', '2023-07-25', 'https://www.sec.gov/Archives/edgar/data/789019/000095017023034400/msft-ex99_1.htm'),
    ('microsoft', 2023, 4, '2023-06-30', 'eps_diluted_gaap', 2.69, '0000950170-23-034400', '2023-07-25', 'https://www.sec.gov/Archives/edgar/data/789019/000095017023034400/msft-ex99_1.htm'),
    ('microsoft', 2023, 4, '2023-06-30', 'diluted_shares_m', 7467, '0000950170-23-034400', '2023-07-25', 'https://www.sec.gov/Archives/edgar/data/789019/000095017023034400/msft-ex99_1.htm'),
    ('microsoft', 2024, 1, '2023-09-30', 'revenue_m', 56517, '0000950170-23-054848', '2023-10-24', 'https://www.sec.gov/Archives/edgar/data/789019/000095017023054848/msft-ex99_1.htm'),
    ('microsoft', 2024, 1, '2023-09-30', 'net_income_gaap_m', 22291, '0000950170-23-054848', '2023-10-24', 'https://www.sec.gov/Archives/edgar/data/789019/000095017023054848/msft-ex99_1.htm'),
    ('microsoft', 2024, 1, '2023-09-30', 'diluted_shares_m', 7462, '0000950170-23-054848', '2023-10-24', 'https://www.sec.gov/Archives/edgar/data/789019/000095017023054848/msft-ex99_1.htm'),
    ('microsoft', 2024, 2, '2023-12-31', 'revenue_m', 62020, '0000950170-24-008809', '2024-01-30', 'https://www.sec.gov/Archives/edgar/data/789019/000095017024008809/msft-ex99_1.htm'),
    ('microsoft', 2024, 2, '2023-12-31', 'net_income_gaap_m', 21870, '0000950170-24-008809', '2024-01-30', 'https://www.sec.gov/Archives/edgar/data/789019/000095017024008809/msft-ex99_1.htm'),
    ('microsoft', 2024, 2, '2023-12-31', 'diluted_shares_m', 7468, '0000950170-24-008809', '2024-01-30', 'https://www.sec.gov/Archives/edgar/data/789019/000095017024008809/msft-ex99_1.htm'),
    ('microsoft', 2024, 3, '2024-03-31', 'revenue_m', 61858, '0000950170-24-048268', '2024-04-25', 'https://www.sec.gov/Archives/edgar/data/789019/000095017024048268/msft-ex99_1.htm'),
    ('microsoft', 2024, 3, '2024-03-31', 'net_income_gaap_m', 21939, '0000950170-24-048268', '2024-04-25', 'https://www.sec.gov/Archives/edgar/data/789019/000095017024048268/msft-ex99_1.htm'),
    ('microsoft', 2024, 3, '2024-03-31', 'eps_diluted_gaap', 2.94, '0000950170-24-048268', '2024-04-25', 'https://www.sec.gov/Archives/edgar/data/789019/000095017024048268/msft-ex99_1.htm'),
    ('microsoft', 2024, 3, '2024-03-31', 'diluted_shares_m', 7472, '0000950170-24-048268', '2024-04-25', 'https://www.sec.gov/Archives/edgar/data/789019/000095017024048268/msft-ex99_1.htm'),
    ('microsoft', 2024, 4, '2024-06-30', 'revenue_m', 64727, '0000950170-24-087835', '2024-07-30', 'https://www.sec.gov/Archives/edgar/data/789019/000095017024087835/msft-ex99_1.htm'),
    ('microsoft', 2024, 4, '2024-06-30', 'net_income_gaap_m', 22036, '0000950170-24-087835', '2024-07-30', 'https://www.sec.gov/Archives/edgar/data/789019/000095017024087835/msft-ex99_1.htm'),
    ('microsoft', 2024, 4, '2024-06-30', 'diluted_shares_m', 7472, '0000950170-24-087835', '2024-07-30', 'https://www.sec.gov/Archives/edgar/data/789019/000095017024087835/msft-ex99_1.htm'),
    ('microsoft', 2025, 1, '2024-09-30', 'revenue_m', 65585, '0000950170-24-118955', '2024-10-30', 'https://www.sec.gov/Archives/edgar/data/789019/000095017024118955/msft-ex99_1.htm'),
    ('microsoft', 2025, 1, '2024-09-30', 'net_income_gaap_m', 24667, '0000950170-24-118955', '2024-10-30', 'https://www.sec.gov/Archives/edgar/data/789019/000095017024118955/msft-ex99_1.htm'),
    ('microsoft', 2025, 1, '2024-09-30', 'eps_diluted_gaap', 3.3, '0000950170-24-118955', '2024-10-30', 'https://www.sec.gov/Archives/edgar/data/789019/000095017024118955/msft-ex99_1.htm'),
    ('microsoft', 2025, 1, '2024-09-30', 'diluted_shares_m', 7470, '0000950170-24-118955', '2024-10-30', 'https://www.sec.gov/Archives/edgar/data/789019/000095017024118955/msft-ex99_1.htm'),
    ('microsoft', 2025, 2, '2024-12-31', 'revenue_m', 69632, '0000950170-25-010484', '2025-01-29', 'https://www.sec.gov/Archives/edgar/data/789019/000095017025010484/msft-ex99_1.htm'),
    ('microsoft', 2025, 2, '2024-12-31', 'diluted_shares_m', 7468, '0000950170-25-010484', '2025-01-29', 'https://www.sec.gov/Archives/edgar/data/789019/000095017025010484/msft-ex99_1.htm'),
    ('microsoft', 2025, 3, '2025-03-31', 'diluted_shares_m', 7461, '0000950170-25-061032', '2025-04-30', 'https://www.sec.gov/Archives/edgar/data/789019/000095017025061032/msft-ex99_1.htm'),
    ('microsoft', 2025, 4, '2025-06-30', 'revenue_m', 76441, '0000950170-25-100226', '2025-07-30', 'https://www.sec.gov/Archives/edgar/data/789019/000095017025100226/msft-ex99_1.htm'),
    ('microsoft', 2025, 4, '2025-06-30', 'net_income_gaap_m', 27233, '0000950170-25-100226', '2025-07-30', 'https://www.sec.gov/Archives/edgar/data/789019/000095017025100226/msft-ex99_1.htm'),
    ('microsoft', 2025, 4, '2025-06-30', 'eps_diluted_gaap', 3.65, '0000950170-25-100226', '2025-07-30', 'https://www.sec.gov/Archives/edgar/data/789019/000095017025100226/msft-ex99_1.htm'),
    ('microsoft', 2025, 4, '2025-06-30', 'diluted_shares_m', 7461, '0000950170-25-100226', '2025-07-30', 'https://www.sec.gov/Archives/edgar/data/789019/000095017025100226/msft-ex99_1.htm'),
    ('microsoft', 2026, 1, '2025-09-30', 'revenue_m', 77673, '0001193125-25-256310', '2025-10-29', 'https://www.sec.gov/Archives/edgar/data/789019/000119312525256310/msft-ex99_1.htm'),
    ('microsoft', 2026, 1, '2025-09-30', 'net_income_gaap_m', 27747, '0001193125-25-256310', '2025-10-29', 'https://www.sec.gov/Archives/edgar/data/789019/000119312525256310/msft-ex99_1.htm'),
    ('microsoft', 2026, 1, '2025-09-30', 'eps_diluted_gaap', 3.72, '0001193125-25-256310', '2025-10-29', 'https://www.sec.gov/Archives/edgar/data/789019/000119312525256310/msft-ex99_1.htm'),
    ('microsoft', 2026, 1, '2025-09-30', 'diluted_shares_m', 7466, '0001193125-25-256310', '2025-10-29', 'https://www.sec.gov/Archives/edgar/data/789019/000119312525256310/msft-ex99_1.htm'),
    ('microsoft', 2026, 2, '2025-12-31', 'revenue_m', 81273, '0001193125-26-027198', '2026-01-28', 'https://www.sec.gov/Archives/edgar/data/789019/000119312526027198/msft-ex99_1.htm'),
    ('microsoft', 2026, 2, '2025-12-31', 'net_income_gaap_m', 38458, '0001193125-26-027198', '2026-01-28', 'https://www.sec.gov/Archives/edgar/data/789019/000119312526027198/msft-ex99_1.htm'),
    ('microsoft', 2026, 2, '2025-12-31', 'eps_diluted_gaap', 5.16, '0001193125-26-027198', '2026-01-28', 'https://www.sec.gov/Archives/edgar/data/789019/000119312526027198/msft-ex99_1.htm'),
    ('microsoft', 2026, 2, '2025-12-31', 'diluted_shares_m', 7460, '0001193125-26-027198', '2026-01-28', 'https://www.sec.gov/Archives/edgar/data/789019/000119312526027198/msft-ex99_1.htm'),
    ('microsoft', 2025, 2, '2024-12-31', 'net_income_gaap_m', 24108, '0000950170-25-010484', '2025-01-29', 'https://www.sec.gov/Archives/edgar/data/789019/000095017025010484/msft-ex99_1.htm'),
]
for (_c, _fy, _fq, _pe, _m, _v, _accn, _filed, _url) in RELEASE_ROWS:
    FIGURES.append(_row(
        _c, _fy, _fq, _pe, _m, _v,
        f"{_RELEASE_NAME[_c]} results release, Form 8-K exhibit 99.1 {_url} (8-K accession {_accn}, filed {_filed}); "
        f"statement of income as extracted from the exhibit in {AKIRAAK.format(c=_c)}",
        "company_release", note="three months; condensed consolidated statement of income of the release",
    ))

# Release dates: the Form 8-K that furnished the results release as exhibit 99.1, filed on the day of the release
# (all four publish after the 16:00 ET close and file the 8-K the same day). Index of the filings:
# akiraak/ai-financial-analyst@a47d373 companies/<company>/data/quarterly-links.json. Used for every quarter of the
# seeds without a calendar row read in the release itself; where a release-based row exists, the dates must agree.
EIGHT_K_DATES = [
    ('apple', 2022, 1, '2022-01-27', '0000320193-22-000006', 'https://www.sec.gov/Archives/edgar/data/320193/000032019322000006/a8-kex991q1202212252021.htm'),
    ('apple', 2022, 2, '2022-04-28', '0000320193-22-000058', 'https://www.sec.gov/Archives/edgar/data/320193/000032019322000058/a8-kex991q2202203262022.htm'),
    ('apple', 2022, 3, '2022-07-28', '0000320193-22-000069', 'https://www.sec.gov/Archives/edgar/data/320193/000032019322000069/a8-kex991q3202206252022.htm'),
    ('apple', 2022, 4, '2022-10-27', '0000320193-22-000107', 'https://www.sec.gov/Archives/edgar/data/320193/000032019322000107/a8-kex991q4202209242022.htm'),
    ('apple', 2023, 1, '2023-02-02', '0000320193-23-000005', 'https://www.sec.gov/Archives/edgar/data/320193/000032019323000005/a8-kex991q1202312312022.htm'),
    ('apple', 2023, 2, '2023-05-04', '0000320193-23-000063', 'https://www.sec.gov/Archives/edgar/data/320193/000032019323000063/a8-kex991q2202304012023.htm'),
    ('apple', 2023, 3, '2023-08-03', '0000320193-23-000075', 'https://www.sec.gov/Archives/edgar/data/320193/000032019323000075/a8-kex991q3202307012023.htm'),
    ('apple', 2023, 4, '2023-11-02', '0000320193-23-000104', 'https://www.sec.gov/Archives/edgar/data/320193/000032019323000104/a8-kex991q4202309302023.htm'),
    ('apple', 2024, 1, '2024-02-01', '0000320193-24-000005', 'https://www.sec.gov/Archives/edgar/data/320193/000032019324000005/a8-kex991q1202412302023.htm'),
    ('apple', 2024, 2, '2024-05-02', '0000320193-24-000067', 'https://www.sec.gov/Archives/edgar/data/320193/000032019324000067/a8-kex991q2202403302024.htm'),
    ('apple', 2024, 3, '2024-08-01', '0000320193-24-000080', 'https://www.sec.gov/Archives/edgar/data/320193/000032019324000080/a8-kex991q3202406292024.htm'),
    ('apple', 2024, 4, '2024-10-31', '0000320193-24-000120', 'https://www.sec.gov/Archives/edgar/data/320193/000032019324000120/a8-kex991q4202409282024.htm'),
    ('apple', 2025, 1, '2025-01-30', '0000320193-25-000007', 'https://www.sec.gov/Archives/edgar/data/320193/000032019325000007/a8-kex991q1202512282024.htm'),
    ('apple', 2025, 2, '2025-05-01', '0000320193-25-000055', 'https://www.sec.gov/Archives/edgar/data/320193/000032019325000055/a8-kex991q2202503292025.htm'),
    ('apple', 2025, 3, '2025-07-31', '0000320193-25-000071', 'https://www.sec.gov/Archives/edgar/data/320193/000032019325000071/a8-kex991q3202506282025.htm'),
    ('apple', 2025, 4, '2025-10-30', '0000320193-25-000077', 'https://www.sec.gov/Archives/edgar/data/320193/000032019325000077/a8-kex991q4202509272025.htm'),
    ('apple', 2026, 1, '2026-01-29', '0000320193-26-000005', 'https://www.sec.gov/Archives/edgar/data/320193/000032019326000005/a8-kex991q1202612272025.htm'),
    ('microsoft', 2022, 2, '2022-01-25', '0001193125-22-017041', 'https://www.sec.gov/Archives/edgar/data/789019/000119312522017041/d299919dex991.htm'),
    ('microsoft', 2022, 3, '2022-04-26', '0001193125-22-120207', 'https://www.sec.gov/Archives/edgar/data/789019/000119312522120207/d328712dex991.htm'),
    ('microsoft', 2022, 4, '2022-07-26', '0001193125-22-202034', 'https://www.sec.gov/Archives/edgar/data/789019/000119312522202034/d372382dex991.htm'),
    ('microsoft', 2023, 1, '2022-10-25', '0001193125-22-268356', 'https://www.sec.gov/Archives/edgar/data/789019/000119312522268356/d361432dex991.htm'),
    ('microsoft', 2023, 2, '2023-01-24', '0001193125-23-014230', 'https://www.sec.gov/Archives/edgar/data/789019/000119312523014230/d406070dex991.htm'),
    ('microsoft', 2023, 3, '2023-04-25', '0001193125-23-115280', 'https://www.sec.gov/Archives/edgar/data/789019/000119312523115280/d321368dex991.htm'),
    ('microsoft', 2023, 4, '2023-07-25', '0000950170-23-034400', 'https://www.sec.gov/Archives/edgar/data/789019/000095017023034400/msft-ex99_1.htm'),
    ('microsoft', 2024, 1, '2023-10-24', '0000950170-23-054848', 'https://www.sec.gov/Archives/edgar/data/789019/000095017023054848/msft-ex99_1.htm'),
    ('microsoft', 2024, 2, '2024-01-30', '0000950170-24-008809', 'https://www.sec.gov/Archives/edgar/data/789019/000095017024008809/msft-ex99_1.htm'),
    ('microsoft', 2024, 3, '2024-04-25', '0000950170-24-048268', 'https://www.sec.gov/Archives/edgar/data/789019/000095017024048268/msft-ex99_1.htm'),
    ('microsoft', 2024, 4, '2024-07-30', '0000950170-24-087835', 'https://www.sec.gov/Archives/edgar/data/789019/000095017024087835/msft-ex99_1.htm'),
    ('microsoft', 2025, 1, '2024-10-30', '0000950170-24-118955', 'https://www.sec.gov/Archives/edgar/data/789019/000095017024118955/msft-ex99_1.htm'),
    ('microsoft', 2025, 2, '2025-01-29', '0000950170-25-010484', 'https://www.sec.gov/Archives/edgar/data/789019/000095017025010484/msft-ex99_1.htm'),
    ('microsoft', 2025, 3, '2025-04-30', '0000950170-25-061032', 'https://www.sec.gov/Archives/edgar/data/789019/000095017025061032/msft-ex99_1.htm'),
    ('microsoft', 2025, 4, '2025-07-30', '0000950170-25-100226', 'https://www.sec.gov/Archives/edgar/data/789019/000095017025100226/msft-ex99_1.htm'),
    ('microsoft', 2026, 1, '2025-10-29', '0001193125-25-256310', 'https://www.sec.gov/Archives/edgar/data/789019/000119312525256310/msft-ex99_1.htm'),
    ('microsoft', 2026, 2, '2026-01-28', '0001193125-26-027198', 'https://www.sec.gov/Archives/edgar/data/789019/000119312526027198/msft-ex99_1.htm'),
    ('nvidia', 2022, 4, '2022-02-16', '0001045810-22-000008', 'https://www.sec.gov/Archives/edgar/data/1045810/000104581022000008/q4fy22pr.htm'),
    ('nvidia', 2023, 1, '2022-05-25', '0001045810-22-000073', 'https://www.sec.gov/Archives/edgar/data/1045810/000104581022000073/q1fy23pr.htm'),
    ('nvidia', 2023, 2, '2022-08-24', '0001045810-22-000136', 'https://www.sec.gov/Archives/edgar/data/1045810/000104581022000136/q2fy23pr.htm'),
    ('nvidia', 2023, 3, '2022-11-16', '0001045810-22-000163', 'https://www.sec.gov/Archives/edgar/data/1045810/000104581022000163/q3fy23pr.htm'),
    ('nvidia', 2023, 4, '2023-02-22', '0001045810-23-000014', 'https://www.sec.gov/Archives/edgar/data/1045810/000104581023000014/q4fy23pr.htm'),
    ('nvidia', 2024, 1, '2023-05-24', '0001045810-23-000087', 'https://www.sec.gov/Archives/edgar/data/1045810/000104581023000087/q1fy24pr.htm'),
    ('nvidia', 2024, 2, '2023-08-23', '0001045810-23-000171', 'https://www.sec.gov/Archives/edgar/data/1045810/000104581023000171/q2fy24pr.htm'),
    ('nvidia', 2024, 3, '2023-11-21', '0001045810-23-000225', 'https://www.sec.gov/Archives/edgar/data/1045810/000104581023000225/q3fy24pr.htm'),
    ('nvidia', 2024, 4, '2024-02-21', '0001045810-24-000028', 'https://www.sec.gov/Archives/edgar/data/1045810/000104581024000028/q4fy24pr.htm'),
    ('nvidia', 2025, 1, '2024-05-22', '0001045810-24-000113', 'https://www.sec.gov/Archives/edgar/data/1045810/000104581024000113/q1fy25pr.htm'),
    ('nvidia', 2025, 2, '2024-08-28', '0001045810-24-000262', 'https://www.sec.gov/Archives/edgar/data/1045810/000104581024000262/q2fy25pr.htm'),
    ('nvidia', 2025, 3, '2024-11-20', '0001045810-24-000315', 'https://www.sec.gov/Archives/edgar/data/1045810/000104581024000315/q3fy25pr.htm'),
    ('nvidia', 2025, 4, '2025-02-26', '0001045810-25-000021', 'https://www.sec.gov/Archives/edgar/data/1045810/000104581025000021/q4fy25pr.htm'),
    ('nvidia', 2026, 1, '2025-05-28', '0001045810-25-000115', 'https://www.sec.gov/Archives/edgar/data/1045810/000104581025000115/q1fy26pr.htm'),
    ('nvidia', 2026, 2, '2025-08-27', '0001045810-25-000207', 'https://www.sec.gov/Archives/edgar/data/1045810/000104581025000207/q2fy26pr.htm'),
    ('nvidia', 2026, 3, '2025-11-19', '0001045810-25-000228', 'https://www.sec.gov/Archives/edgar/data/1045810/000104581025000228/q3fy26pr.htm'),
    ('meta', 2021, 4, '2022-02-02', '0001326801-22-000015', 'https://www.sec.gov/Archives/edgar/data/1326801/000132680122000015/fb-12312021xexhibit991.htm'),
    ('meta', 2022, 1, '2022-04-27', '0001326801-22-000054', 'https://www.sec.gov/Archives/edgar/data/1326801/000132680122000054/meta03312022-exhibit991.htm'),
    ('meta', 2022, 2, '2022-07-27', '0001326801-22-000079', 'https://www.sec.gov/Archives/edgar/data/1326801/000132680122000079/meta06302022-exhibit991.htm'),
    ('meta', 2022, 3, '2022-10-26', '0001326801-22-000105', 'https://www.sec.gov/Archives/edgar/data/1326801/000132680122000105/meta09302022-exhibit991.htm'),
    ('meta', 2022, 4, '2023-02-01', '0001326801-23-000008', 'https://www.sec.gov/Archives/edgar/data/1326801/000132680123000008/meta-12312022xexhibit991.htm'),
    ('meta', 2023, 1, '2023-04-26', '0001326801-23-000063', 'https://www.sec.gov/Archives/edgar/data/1326801/000132680123000063/meta03312023-exhibit991.htm'),
    ('meta', 2023, 2, '2023-07-26', '0001326801-23-000089', 'https://www.sec.gov/Archives/edgar/data/1326801/000132680123000089/meta06302023-exhibit991.htm'),
    ('meta', 2023, 3, '2023-10-25', '0001326801-23-000100', 'https://www.sec.gov/Archives/edgar/data/1326801/000132680123000100/meta09302023-exhibit991.htm'),
    ('meta', 2023, 4, '2024-02-01', '0001326801-24-000010', 'https://www.sec.gov/Archives/edgar/data/1326801/000132680124000010/meta-12312023xexhibit991.htm'),
    ('meta', 2024, 1, '2024-04-24', '0001326801-24-000044', 'https://www.sec.gov/Archives/edgar/data/1326801/000132680124000044/meta-03312024xexhibit991.htm'),
    ('meta', 2024, 2, '2024-07-31', '0001326801-24-000065', 'https://www.sec.gov/Archives/edgar/data/1326801/000132680124000065/meta-06302024xexhibit991.htm'),
    ('meta', 2024, 3, '2024-10-30', '0001326801-24-000077', 'https://www.sec.gov/Archives/edgar/data/1326801/000132680124000077/meta-09302024xexhibit991.htm'),
    ('meta', 2024, 4, '2025-01-29', '0001326801-25-000014', 'https://www.sec.gov/Archives/edgar/data/1326801/000132680125000014/meta-12312024xexhibit991.htm'),
    ('meta', 2025, 1, '2025-04-30', '0001326801-25-000050', 'https://www.sec.gov/Archives/edgar/data/1326801/000132680125000050/meta-03312025xexhibit991.htm'),
    ('meta', 2025, 2, '2025-07-30', '0001628280-25-036719', 'https://www.sec.gov/Archives/edgar/data/1326801/000162828025036719/meta-06302025xexhibit991.htm'),
    ('meta', 2025, 3, '2025-10-29', '0001628280-25-047114', 'https://www.sec.gov/Archives/edgar/data/1326801/000162828025047114/meta-09302025xexhibit991.htm'),
    ('meta', 2025, 4, '2026-01-28', '0001628280-26-003832', 'https://www.sec.gov/Archives/edgar/data/1326801/000162828026003832/meta-12312025xexhibit991.htm'),
    # Tesla (issue 11, second calendar pass): index in companies/tesla/scripts/download-press-releases.js
    ('tesla', 2022, 1, '2022-04-20', '0001564590-22-014917', 'https://www.sec.gov/Archives/edgar/data/1318605/000156459022014917/tsla-ex991_151.htm'),
    ('tesla', 2022, 2, '2022-07-20', '0001564590-22-026048', 'https://www.sec.gov/Archives/edgar/data/1318605/000156459022026048/tsla-ex991_130.htm'),
    ('tesla', 2022, 3, '2022-10-19', '0001564590-22-034639', 'https://www.sec.gov/Archives/edgar/data/1318605/000156459022034639/tsla-ex991_89.htm'),
    ('tesla', 2022, 4, '2023-01-25', '0001564590-23-000799', 'https://www.sec.gov/Archives/edgar/data/1318605/000156459023000799/tsla-ex991_127.htm'),
    ('tesla', 2023, 1, '2023-04-19', '0001564590-23-005959', 'https://www.sec.gov/Archives/edgar/data/1318605/000156459023005959/tsla-ex991_99.htm'),
    ('tesla', 2023, 2, '2023-07-19', '0000950170-23-033544', 'https://www.sec.gov/Archives/edgar/data/1318605/000095017023033544/tsla-ex99_1.htm'),
    ('tesla', 2023, 3, '2023-10-18', '0001628280-23-034588', 'https://www.sec.gov/Archives/edgar/data/1318605/000162828023034588/exhibit991.htm'),
    ('tesla', 2023, 4, '2024-01-24', '0000950170-24-007073', 'https://www.sec.gov/Archives/edgar/data/1318605/000095017024007073/tsla-ex99_1.htm'),
    ('tesla', 2024, 1, '2024-04-23', '0000950170-24-046895', 'https://www.sec.gov/Archives/edgar/data/1318605/000095017024046895/tsla-ex99_1.htm'),
    ('tesla', 2024, 2, '2024-07-23', '0001628280-24-032603', 'https://www.sec.gov/Archives/edgar/data/1318605/000162828024032603/exhibit.htm'),
    ('tesla', 2024, 3, '2024-10-23', '0001628280-24-043432', 'https://www.sec.gov/Archives/edgar/data/1318605/000162828024043432/exhibit.htm'),
    ('tesla', 2024, 4, '2025-01-29', '0001628280-25-002993', 'https://www.sec.gov/Archives/edgar/data/1318605/000162828025002993/exhibit991.htm'),
    ('tesla', 2025, 1, '2025-04-22', '0001628280-25-018851', 'https://www.sec.gov/Archives/edgar/data/1318605/000162828025018851/exhbit991.htm'),
    ('tesla', 2025, 2, '2025-07-23', '0001628280-25-035738', 'https://www.sec.gov/Archives/edgar/data/1318605/000162828025035738/exhibit991.htm'),
    ('tesla', 2025, 3, '2025-10-22', '0001628280-25-045861', 'https://www.sec.gov/Archives/edgar/data/1318605/000162828025045861/exhibit991.htm'),
]

# Cover-page share counts (dei:EntityCommonStockSharesOutstanding) read in the XBRL renderings of the 10-Q ("Cover
# Page - shares") published with the filings; Meta's count is Class A plus Class B. A cover count is as of a date
# after the period end, a few days before the 10-Q was filed (and after the results release).
# (company, fy, fq, period_end, [class counts], as_of, form filed, url)
COVER_COUNTS = [
    ("meta", 2022, 1, "2022-03-31", [2293518778, 412804609], "2022-04-22", "2022-04-28",
     "https://d18rn0p25nwr6d.cloudfront.net/CIK-0001326801/2567a070-7fe9-49a1-9127-7535dc311b88.html"),
    ("meta", 2022, 3, "2022-09-30", [2248672204, 402876470], "2022-10-21", "2022-10-27",
     "https://d18rn0p25nwr6d.cloudfront.net/CIK-0001326801/cd9089df-6b44-4f1b-a774-e3bf1dd3e063.html"),
    ("meta", 2023, 1, "2023-03-31", [2212153203, 350578831], "2023-04-21", "2023-04-27",
     "https://d18rn0p25nwr6d.cloudfront.net/CIK-0001326801/8ec0541a-60fc-41dd-9184-cafc6eb5010e.html"),
    ("meta", 2023, 3, "2023-09-30", [2219607026, 350255706], "2023-10-20", "2023-10-26",
     "https://d18rn0p25nwr6d.cloudfront.net/CIK-0001326801/29804645-5034-420a-82b6-54f869ec422b.html"),
    ("meta", 2024, 3, "2024-09-30", [2180000871, 344487662], "2024-10-25", "2024-10-31",
     "https://d18rn0p25nwr6d.cloudfront.net/CIK-0001326801/162aa053-a63a-4f64-a221-813f06bf1753.html"),
    ("meta", 2025, 1, "2025-03-31", [2171148098, 343179151], "2025-04-25", "2025-05-01",
     "https://d18rn0p25nwr6d.cloudfront.net/CIK-0001326801/c33bc076-fd76-410f-add2-fb809ae5bab3.html"),
    ("amazon", 2024, 1, "2024-03-31", [10406627415], "2024-04-24", "2024-05-01",
     "https://d18rn0p25nwr6d.cloudfront.net/CIK-0001018724/9d97283a-deb2-42db-838b-e2b85dbb9d42.html"),
]
_NAME = {"meta": "Meta Platforms, Inc.", "amazon": "Amazon.com, Inc."}
for (_c, _fy, _fq, _pe, _counts, _asof, _filed, _url) in COVER_COUNTS:
    _total = sum(_counts)
    _parts = " + ".join(f"{n:,}" for n in _counts)
    _what = f"Class A {_counts[0]:,} + Class B {_counts[1]:,} = {_total:,}" if len(_counts) == 2 else f"{_total:,}"
    FIGURES.append(_row(
        _c, _fy, _fq, _pe, "shares_outstanding_m", round(_total / 1e6, 3),
        f"{_NAME[_c]} Form 10-Q for the quarter ended {_pe} (filed {_filed}), cover page 'Entity Common Stock, Shares "
        f"Outstanding' as rendered from the filing's XBRL at {_url}",
        "filing", "derived" if len(_counts) == 2 else "reported",
        f"cover-page count as of {_asof} (not period end; public from the 10-Q filing of {_filed}, a few days after "
        f"the results release): {_what}" + (" (sum of the two classes)" if len(_counts) == 2 else ""),
    ))

CALENDAR += [
    _cal("amazon", 2022, 1, "2022-03-31", "2022-04-28",
         "Amazon press release 'Amazon.com Announces First Quarter Results' dated April 28, 2022 (Business Wire), "
         "https://ir.aboutamazon.com/news-release/news-release-details/2022/Amazon.com-Announces-First-Quarter-Results-"
         "f0188db95/",
         "company_release", "release dated 2022-04-28; publication clock time not stated in the copy read"),
    _cal("amazon", 2022, 3, "2022-09-30", "2022-10-27",
         "Amazon Form 8-K (items 2.02/9.01) 'Date of Report October 27, 2022' furnishing the Q3 2022 results release, "
         "copy at https://bulletin.webull.com/20221027/166407/6d79db9713209997c45fbcd3caf596fa.html",
         "filing", "8-K dated 2022-10-27; publication clock time not stated"),
    _cal("amazon", 2023, 3, "2023-09-30", "2023-10-26",
         "Amazon press release 'Amazon.com Announces Third Quarter Results' (Business Wire), wire time '10/26/23 "
         "4:01:00 PM ET' at https://quantisnow.com/insight/amazoncom-announces-third-quarter-results-5040704",
         "company_release", "released 16:01 ET, " + AFTER_CLOSE, "16:01", "America/New_York"),
]

# Amazon quarters whose calendar row was missing (issue 11, second calendar pass).
CALENDAR += [
    _cal("amazon", 2022, 2, "2022-06-30", "2022-07-28",
         "CNBC report of Amazon's Q2 2022 results as reprinted at https://nflbillsofficial.com/amazon-amzn-second-quarter-"
         "2022-results/ ('Amazon shares soared more than 11% in extended trading on Thursday after the company "
         "reported ...'); Amazon 10-Q for the quarter filed 2022-07-29 (https://circuitbrief.com/cloud/amazon-q2-2022-"
         "10-q-aws-stays-the-profit-engine-as-retail-pressures-mount-2022)",
         "press", "results after the US close on Thursday 2022-07-28, the day before the 10-Q filing of Friday "
         "2022-07-29; " + AFTER_CLOSE),
    _cal("amazon", 2022, 4, "2022-12-31", "2023-02-02",
         "Amazon press release 'Amazon.com Announces Fourth Quarter Results' (Q4 2022, Business Wire 2023-02-02), copy at "
         "http://business.pawtuckettimes.com/pawtuckettimes/article/bizwire-2023-2-2-amazoncom-announces-fourth-quarter-"
         "results",
         "company_release", "wire date in the copy's address (bizwire-2023-2-2); Digital Commerce 360 reported it on "
         "2023-02-02 (https://www.digitalcommerce360.com/2023/02/02/amazon-revenue-rises-9-ecommerce-sales-fall-2-in-q4/);"
         " publication clock time not stated in the copy read"),
    _cal("amazon", 2025, 1, "2025-03-31", "2025-05-01",
         "earnings calendar at https://openbell.co/earnings/AMZN (as cited by the quarter's row in seeds/capex)",
         "data_vendor", "vendor calendar date; the release itself was not read"),
    # Tesla quarters without fundamentals rows (EIGHT_K_DATES only dates quarters of the seeds): the capex seeds use them
    _cal("tesla", 2025, 2, "2025-06-30", "2025-07-23",
         "Form 8-K (accession 0001628280-25-035738, filed 2025-07-23) furnishing the results release as exhibit 99.1 "
         "https://www.sec.gov/Archives/edgar/data/1318605/000162828025035738/exhibit991.htm; filing index in "
         "akiraak/ai-financial-analyst@a47d373 companies/tesla/scripts/download-press-releases.js",
         "filing", "8-K filing date = release date; publication clock time not stated in the source, the company "
         "publishes after the 16:00 ET close: " + AFTER_CLOSE),
    _cal("tesla", 2025, 3, "2025-09-30", "2025-10-22",
         "Form 8-K (accession 0001628280-25-045861, filed 2025-10-22) furnishing the results release as exhibit 99.1 "
         "https://www.sec.gov/Archives/edgar/data/1318605/000162828025045861/exhibit991.htm; filing index in "
         "akiraak/ai-financial-analyst@a47d373 companies/tesla/scripts/download-press-releases.js",
         "filing", "8-K filing date = release date; publication clock time not stated in the source, the company "
         "publishes after the 16:00 ET close: " + AFTER_CLOSE),
]

# Tesla Q4 2022 (the Q4 2022 Update itself was not read): the quarter's column of the five-quarter statement of
# operations in a later 2023 Tesla Update, as extracted in akiraak/ai-financial-analyst@a47d373
# companies/tesla/data/financials.json (that file's extraction script states it reads the Updates from Q2 2023 on).
# Check: 1.07 x 3,471 = 3,714 vs 3,687 (0.7%, EPS rounded to cents); Q1-Q4 2022 net income in the seed then sum to
# 3,318 + 2,259 + 3,292 + 3,687 = 12,556 (FY2022 total not re-read in this pass).
TSLA_Q4_22 = ("Tesla quarterly Update (five-quarter statement of operations, Q4-2022 column) as extracted in "
              "akiraak/ai-financial-analyst@a47d373 companies/tesla/data/financials.json")
FIGURES += [
    _row("tesla", 2022, 4, "2022-12-31", "net_income_gaap_m", 3687, TSLA_Q4_22, "company_release",
         note="net income attributable to common stockholders, three months ended 2022-12-31"),
    _row("tesla", 2022, 4, "2022-12-31", "eps_diluted_gaap", 1.07, TSLA_Q4_22, "company_release",
         note="GAAP diluted net income per share, post 3-for-1 split basis"),
    _row("tesla", 2022, 4, "2022-12-31", "diluted_shares_m", 3471, TSLA_Q4_22, "company_release",
         note="weighted average shares used in computing net income per share, diluted (millions)"),
]

# Alphabet Q4 = fiscal year (10-K) minus nine months (Q3 10-Q), both from the company-facts record above; the 10-K
# carries no three-month Q4 column. (metric, concept, FY value, 10-K accn/filed, 9M value, 10-Q accn/filed)
_GOOG_Q4 = [
    (2022, "net_income_gaap_m", "us-gaap:NetIncomeLoss", 59972, "0001652044-23-000016", "2023-02-03",
     46348, "0001652044-22-000090", "2022-10-26"),
    (2022, "revenue_m", "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax", 282836,
     "0001652044-23-000016", "2023-02-03", 206788, "0001652044-22-000090", "2022-10-26"),
    (2024, "net_income_gaap_m", "us-gaap:NetIncomeLoss", 100118, "0001652044-25-000014", "2025-02-05",
     73582, "0001652044-24-000118", "2024-10-30"),
    (2024, "revenue_m", "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax", 350018,
     "0001652044-25-000014", "2025-02-05", 253549, "0001652044-24-000118", "2024-10-30"),
]
for (_y, _m, _concept, _fy, _ka, _kf, _nm, _qa, _qf) in _GOOG_Q4:
    FIGURES.append(_row(
        "alphabet", _y, 4, f"{_y}-12-31", _m, _fy - _nm,
        _edgar_source("alphabet", _ka, "10-K", _kf) + f"; nine months from Form 10-Q {_qa} (filed {_qf})",
        "filing", "derived",
        f"{_concept}: year ended {_y}-12-31 {_fy:,} minus nine months ended {_y}-09-30 {_nm:,} = {_fy - _nm:,}",
    ))

ALPHABET_PRESS_DATES = [
    (2022, 1, "2022-03-31", "2022-04-26",
     "report 'Google (Alphabet) Q1 2022 Earnings Report Recap' ('on April 26 reported Q1 FY 2022 earnings ... shares fell "
     "more than 5% in extended trading'), https://www.investopedia.com/googl-q1-fy2022-earnings-report-recap-5268030; "
     "'Alphabet Q1 profits miss the mark' dated April 26, 2022, http://www.thedrum.com/insight/2022/04/27/alphabet-q1-"
     "profits-miss-the-mark-despite-revenue-growth"),
    (2022, 2, "2022-06-30", "2022-07-26",
     "report dated 2022-07-27 ('reported second-quarter 2022 results after the market close on Tuesday', i.e. July 26), "
     "https://www.fool.com/investing/2022/07/27/goog-stock-goog-q2-earnings-alphabet-earnings/"),
    (2022, 3, "2022-09-30", "2022-10-25",
     "report dated 2022-10-26 ('reported third-quarter 2022 results after the market close on Tuesday', i.e. October "
     "25), https://www.fool.com/investing/2022/10/26/goog-stock-drops-earnings-miss-slowing-ad-sales/; report dated "
     "2022-10-25 at https://www.crainsnewyork.com/technology/google-parent-alphabet-reports-27-drop-profits"),
    (2022, 4, "2022-12-31", "2023-02-02",
     "report dated 2023-02-03 ('Alphabet's earnings update on Thursday', i.e. February 2, 2023), "
     "https://www.fool.com/investing/2023/02/03/google-ad-revenue-sputters-but-google-cloud-is-out/"),
    (2024, 1, "2024-03-31", "2024-04-25",
     "report dated 2024-04-26 ('Alphabet on Thursday announced its first-ever dividend ... stock price soared nearly "
     "16% after the bell', i.e. April 25, 2024), https://exbulletin.com/tech/2673151/"),
    (2024, 4, "2024-12-31", "2025-02-04",
     "report 'On February 4th, Tuesday, after the close ... Alphabet announced its financial data for the fourth "
     "quarter', https://news.futunn.com/en/post/52814218/google-conference-call-expected-capital-expenditure-of-75-"
     "billion-usd"),
    (2025, 2, "2025-06-30", "2025-07-23",
     "report dated 2025-07-23 ('reported its second quarter earnings after the bell on Wednesday'), "
     "https://todayheadline.co/google-beats-on-q2-earnings-but-increased-capex-spending-sends-stock-lower-200717963-html/; "
     "'announced its second-quarter 2025 financial results on July 23rd', https://www.walnutinvestment.us/core-portfolio/"
     "individual-stocks/googl/20250723-googl-q2-2025"),
]
for (_fy, _fq, _pe, _d, _src) in ALPHABET_PRESS_DATES:
    CALENDAR.append(_cal("alphabet", _fy, _fq, _pe, _d, _src, "press",
                         "date from reports of the release (release itself not read); " + AFTER_CLOSE))


# --------------------------------------------------------------------------------------------------------------
PLACEHOLDER_NOTES = (
    re.compile(r";?\s*announced_on not verified in a source read: set to the SEC filing deadline \(period end \+ 40 "
               r"days for a 10-Q, \+ 60 days for a 10-K\) as a conservative no-look-ahead bound"),
    re.compile(r";?\s*announced_on = SEC filing date of the 10-Q/10-K as listed by the source; the results release "
               r"may precede it by a day or two(?: \([^)]*\))?"),
    re.compile(r";?\s*announced \d{4}-\d{2}-\d{2}(?: \(after close\))? per (?:8-K \S+ summary )?https?://\S+"),
)
VENDOR_SOURCE = re.compile(r"^(?:vendor data|vendor annual data|vendor TTM|vendor single-quarter)", re.IGNORECASE)


def _clean_note(note: str) -> str:
    for pattern in PLACEHOLDER_NOTES:
        note = pattern.sub("", note)
    return note.strip().strip(";").strip()


def _fmt(value) -> str:
    if isinstance(value, str):
        return value
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else "0"


def compile_company(company: str) -> tuple[int, int]:
    path = FUND / f"{company}.csv"
    with path.open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    by_key = {(r["fiscal_year"], r["fiscal_quarter"], r["metric"]): r for r in rows}
    added = replaced = 0
    for fig in (f for f in FIGURES if f["company_id"] == company):
        key = (fig["fiscal_year"], fig["fiscal_quarter"], fig["metric"])
        new = {**fig, "value": _fmt(fig["value"]), "announced_on": ""}
        if key in by_key:
            old = by_key[key]
            new["announced_on"] = old["announced_on"]
            replaced += 1
        else:
            added += 1
        by_key[key] = new
    releases = {(c["fiscal_year"], c["fiscal_quarter"]): c for c in CALENDAR if c["company_id"] == company}
    period_ends = {(r["fiscal_year"], r["fiscal_quarter"]): r["period_end"] for r in by_key.values()}
    for (c, fy, fq, date, accn, url) in EIGHT_K_DATES:
        key = (str(fy), str(fq))
        if c != company or key not in period_ends:
            continue
        old = releases.get(key)
        if old is not None and old["source_kind"] in ("company_release", "filing"):
            if old["release_date"] != date:
                raise SystemExit(f"{company} {fy}Q{fq}: release {old['release_date']} but 8-K filed {date}")
            continue
        replaced_note = f"; replaces the {old['source_kind']} row ({old['source'][:60]}...)" if old else ""
        releases[key] = _cal(
            company, fy, fq, period_ends[key], date,
            f"Form 8-K (accession {accn}, filed {date}) furnishing the results release as exhibit 99.1 {url}; filing "
            "index in akiraak/ai-financial-analyst@a47d373 companies/" + company
            + ("/scripts/download-press-releases.js" if company == "tesla" else "/data/quarterly-links.json"),
            "filing",
            "8-K filing date = release date (the release is furnished the day it is published); publication clock "
            "time not stated in the source, the company publishes after the 16:00 ET close: " + AFTER_CLOSE
            + replaced_note,
        )
    for row in by_key.values():
        if VENDOR_SOURCE.match(row["source"]) and row["source_kind"] == "filing":
            row["source_kind"] = "data_vendor"
        cal = releases.get((row["fiscal_year"], row["fiscal_quarter"]))
        if cal is not None:
            if row["period_end"] != cal["period_end"]:
                raise SystemExit(f"{company} {row['fiscal_year']}Q{row['fiscal_quarter']}: period_end disagrees")
            row["announced_on"] = cal["release_date"]
            row["note"] = _clean_note(row["note"])
        if not row["announced_on"]:
            # a new figure for a quarter without a calendar row: take the quarter's existing date
            same = [r["announced_on"] for r in by_key.values()
                    if (r["fiscal_year"], r["fiscal_quarter"]) == (row["fiscal_year"], row["fiscal_quarter"])
                    and r["announced_on"]]
            if not same:
                raise SystemExit(f"{company} {row['fiscal_year']}Q{row['fiscal_quarter']}: no announced_on")
            row["announced_on"] = same[0]
    out = sorted(by_key.values(), key=lambda r: (int(r["fiscal_year"]), int(r["fiscal_quarter"]), r["metric"]))
    with path.open("w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=FUND_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: r.get(k, "") for k in FUND_COLUMNS} for r in out)

    cal_rows = sorted(releases.values(), key=lambda c: (int(c["fiscal_year"]), int(c["fiscal_quarter"])))
    if cal_rows:
        CAL.mkdir(parents=True, exist_ok=True)
        with (CAL / f"{company}.csv").open("w", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=CAL_COLUMNS, lineterminator="\n")
            writer.writeheader()
            writer.writerows(cal_rows)
    return added, replaced


SEGMENTS = ROOT / "seeds" / "segments" / "us_cloud.csv"


def sync_segments() -> int:
    """One release date per quarter: us_cloud.csv rows of a calendar quarter get announced_on = release_date."""
    releases = {}
    for company in COMPANIES:
        path = CAL / f"{company}.csv"
        if path.exists():
            with path.open(newline="") as fh:
                for c in csv.DictReader(fh):
                    releases[(company, c["fiscal_year"], c["fiscal_quarter"])] = c["release_date"]
    with SEGMENTS.open(newline="") as fh:
        reader = csv.DictReader(fh)
        columns, rows = reader.fieldnames, list(reader)
    changed = 0
    for row in rows:
        date = releases.get((row["company_id"], row["fiscal_year"], row["fiscal_quarter"]))
        if date and row["announced_on"] != date:
            row["announced_on"] = date
            row["note"] = _clean_note(row["note"])
            changed += 1
    with SEGMENTS.open("w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return changed


def main() -> None:
    for company in COMPANIES:
        added, replaced = compile_company(company)
        print(f"{company:10s} added {added:3d} replaced {replaced:3d}")
    print(f"segments   announced_on set to the calendar's release date on {sync_segments()} us_cloud rows")


if __name__ == "__main__":
    main()
