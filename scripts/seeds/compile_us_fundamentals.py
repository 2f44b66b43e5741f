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


def main() -> None:
    for company in COMPANIES:
        added, replaced = compile_company(company)
        print(f"{company:10s} added {added:3d} replaced {replaced:3d}")


if __name__ == "__main__":
    main()
