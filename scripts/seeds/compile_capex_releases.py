#!/usr/bin/env python3
"""Compile quarterly capex rows for Apple, NVIDIA, Tesla, Meta (2023 on) and the Microsoft / Alphabet quarters
after the SEC companyfacts file ends, from the companies' own quarterly results releases.

Input : the cash-flow figures of each results release (8-K exhibit 99.1 on SEC EDGAR) as extracted, one JSON per
        company, in the public repository akiraak/ai-financial-analyst at commit COMMIT
        (companies/<company>/data/cash-flows.json; release URLs and dates in
        companies/<company>/data/quarterly-links.json, Tesla's in companies/tesla/scripts/download-press-releases.js).
        Pass the repository's git directory as the first argument.
Output: seeds/capex/us_releases.csv (table raw.capex_quarterly)

What each row is (millions of USD):
- apple  cash_purchases_of_ppe: 'Payments for acquisition of property, plant and equipment'. Apple's release prints
  year-to-date cash flows, so fiscal Q2-Q4 are derived: this release's YTD minus the previous release's YTD.
- nvidia incl_finance_leases: operating cash flow minus free cash flow, both printed quarterly in the release;
  NVIDIA defines free cash flow as operating cash flow less purchases related to property and equipment and
  intangible assets and less principal payments on property and equipment and intangible assets, so the
  difference is purchases of PP&E and intangibles plus principal payments on financed assets (derived).
- tesla  cash_purchases_net_of_disposals: 'Capital expenditures' of the quarterly update (purchases of property and
  equipment excluding finance leases, net of sales, plus purchases of solar energy systems, net of sales).
- meta   incl_finance_leases = operating cash flow - free cash flow (Meta's free cash flow deducts purchases of
  property and equipment, net, and principal payments on finance leases), equal to the release's headline
  'capital expenditures, including principal payments on finance leases' (e.g. Q4 2024 14,836 = $14.84bn);
  cash_purchases_of_ppe = that minus 'principal payments on finance leases' (both derived).
- microsoft / alphabet cash_purchases_of_ppe: 'Additions to property and equipment' / 'Purchases of property and
  equipment' of the quarterly cash-flow statement, for the quarters after the SEC file (2025Q2 on).
Cross-checks printed at the end: annual sums against figures from the 10-Ks quoted elsewhere in the seeds.
Stdlib only.
"""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from pathlib import Path

REPO = "akiraak/ai-financial-analyst"
COMMIT = "a47d373a21546421acb40a16f655a75fc51448b2"
OUT = Path(__file__).resolve().parents[2] / "seeds" / "capex" / "us_releases.csv"
COLUMNS = [
    "company_id", "fiscal_year", "fiscal_quarter", "period_end", "announced_on", "definition", "value",
    "currency", "source", "source_kind", "basis", "note",
]  # fmt: skip

# Fiscal period ends (the companies' 10-Q/10-K cover dates). Apple: FY ends last Saturday of September
# (FY Q1 = Oct-Dec); NVIDIA: FY ends last Sunday of January (FY Q1 = Feb-Apr); others: calendar quarters.
PERIOD_END = {
    "apple": {
        (2022, 2): "2022-03-26", (2022, 3): "2022-06-25", (2022, 4): "2022-09-24",
        (2023, 1): "2022-12-31", (2023, 2): "2023-04-01", (2023, 3): "2023-07-01", (2023, 4): "2023-09-30",
        (2024, 1): "2023-12-30", (2024, 2): "2024-03-30", (2024, 3): "2024-06-29", (2024, 4): "2024-09-28",
        (2025, 1): "2024-12-28", (2025, 2): "2025-03-29", (2025, 3): "2025-06-28", (2025, 4): "2025-09-27",
        (2026, 1): "2025-12-27",
    },
    "nvidia": {
        (2023, 1): "2022-05-01", (2023, 2): "2022-07-31", (2023, 3): "2022-10-30", (2023, 4): "2023-01-29",
        (2024, 1): "2023-04-30", (2024, 2): "2023-07-30", (2024, 3): "2023-10-29", (2024, 4): "2024-01-28",
        (2025, 1): "2024-04-28", (2025, 2): "2024-07-28", (2025, 3): "2024-10-27", (2025, 4): "2025-01-26",
        (2026, 1): "2025-04-27", (2026, 2): "2025-07-27", (2026, 3): "2025-10-26",
    },
}  # fmt: skip
QEND = {1: "03-31", 2: "06-30", 3: "09-30", 4: "12-31"}
# Alphabet: no release list in the repository; the one quarter added is dated by the cited release of
# 2025-07-23 (seeds/guidance/capex_guidance.csv, Alphabet Q2 2025 results).
ALPHABET_DATES = {(2025, 2): "2025-07-23"}


def git_show(gitdir: str, path: str) -> str:
    return subprocess.check_output(["git", "--git-dir", gitdir, "show", f"{COMMIT}:{path}"], text=True)


def load(gitdir: str, company: str) -> dict[tuple[int, int], dict]:
    raw = json.loads(git_show(gitdir, f"companies/{company}/data/cash-flows.json"))
    return {(int(fy[2:]), int(q[1:])): v for fy, qs in raw.items() for q, v in qs.items()}


def links(gitdir: str, company: str) -> dict[tuple[int, int], tuple[str, str]]:
    if company == "tesla":
        text = git_show(gitdir, "companies/tesla/scripts/download-press-releases.js")
        out = {}
        for fy, q, adsh, file, date in re.findall(
            r"fy: 'FY(\d{4})', q: 'Q(\d)', adsh: '([\d-]+)', file: '([^']+)', date: '([\d-]+)'", text
        ):
            url = f"https://www.sec.gov/Archives/edgar/data/1318605/{adsh.replace('-', '')}/{file}"
            out[(int(fy), int(q))] = (date, url)
        return out
    raw = json.loads(git_show(gitdir, f"companies/{company}/data/quarterly-links.json"))
    return {(int(x["fy"][2:]), int(x["q"][1:])): (x["date"], x["url"]) for x in raw}


def src(company: str, fy: int, q: int, url: str, field: str) -> str:
    title = {
        "apple": "Apple quarterly results release",
        "nvidia": "NVIDIA quarterly results release",
        "tesla": "Tesla quarterly update",
        "meta": "Meta quarterly results release",
        "microsoft": "Microsoft quarterly results release",
        "alphabet": "Alphabet quarterly results release",
    }[company]
    return (
        f"{title} FY{fy} Q{q} (8-K exhibit 99.1, {url}); cash-flow figures as extracted in "
        f"{REPO}@{COMMIT[:12]}:companies/{company}/data/cash-flows.json ({field})"
    )


def row(company, fy, q, period_end, announced, definition, value, source, basis, note):
    return {
        "company_id": company,
        "fiscal_year": fy,
        "fiscal_quarter": q,
        "period_end": period_end,
        "announced_on": announced,
        "definition": definition,
        "value": value,
        "currency": "USD",
        "source": source,
        "source_kind": "company_release",
        "basis": basis,
        "note": note,
    }


def build(gitdir: str) -> tuple[list[dict], list[str]]:
    rows, checks = [], []

    # Apple: YTD statements -> quarters.
    cf, lk = load(gitdir, "apple"), links(gitdir, "apple")
    for (fy, q), pe in PERIOD_END["apple"].items():
        val = -cf[(fy, q)]["capitalExpenditures"]
        ytd = sum(-cf[(fy, k)]["capitalExpenditures"] for k in range(1, q + 1))
        date, url = lk[(fy, q)]
        if q == 1:
            basis, note = "reported", "three months = year to date (fiscal Q1)"
        else:
            basis = "derived"
            note = (
                f"the release prints year-to-date cash flows: {q * 3}-month YTD {ytd} minus "
                f"{(q - 1) * 3}-month YTD {ytd - val} = {val}"
            )
        rows.append(
            row("apple", fy, q, pe, date, "cash_purchases_of_ppe", val,
                src("apple", fy, q, url, "capitalExpenditures"), basis,
                note + "; 'Payments for acquisition of property, plant and equipment'")
        )  # fmt: skip
    for fy in (2022, 2023, 2024, 2025):
        checks.append(f"apple FY{fy} sum of quarters {sum(-cf[(fy, k)]['capitalExpenditures'] for k in (1, 2, 3, 4))}")

    # NVIDIA: OCF - FCF.
    cf, lk = load(gitdir, "nvidia"), links(gitdir, "nvidia")
    for (fy, q), pe in PERIOD_END["nvidia"].items():
        ocf, fcf = cf[(fy, q)]["operatingCF"], cf[(fy, q)]["freeCashFlow"]
        date, url = lk[(fy, q)]
        rows.append(
            row("nvidia", fy, q, pe, date, "incl_finance_leases", ocf - fcf,
                src("nvidia", fy, q, url, "operatingCF, freeCashFlow"), "derived",
                f"operating cash flow {ocf} minus free cash flow {fcf} = {ocf - fcf}: purchases related to property "
                "and equipment and intangible assets plus principal payments on property and equipment and "
                "intangible assets (NVIDIA's free-cash-flow definition); the purchases alone are not separable here")
        )  # fmt: skip
    checks.append(
        "nvidia FY2025 OCF sum "
        + str(sum(cf[(2025, k)]["operatingCF"] for k in (1, 2, 3, 4)))
        + ", capex incl. principal "
        + str(sum(cf[(2025, k)]["operatingCF"] - cf[(2025, k)]["freeCashFlow"] for k in (1, 2, 3, 4)))
    )

    # Tesla: quarterly capex as printed.
    cf, lk = load(gitdir, "tesla"), links(gitdir, "tesla")
    for fy in (2022, 2023, 2024, 2025):
        for q in (1, 2, 3, 4):
            date, url = lk[(fy, q)]
            rows.append(
                row("tesla", fy, q, f"{fy}-{QEND[q]}", date, "cash_purchases_net_of_disposals", -cf[(fy, q)]["capex"],
                    src("tesla", fy, q, url, "capex"), "reported",
                    "'Capital expenditures' of the update: purchases of property and equipment excluding finance "
                    "leases, net of sales, plus purchases of solar energy systems, net of sales")
            )  # fmt: skip
        checks.append(f"tesla {fy} sum of quarters {sum(-cf[(fy, k)]['capex'] for k in (1, 2, 3, 4))}")

    # Meta 2023 on: OCF - FCF (= headline incl. finance-lease principal) and purchases net of the principal.
    cf, lk = load(gitdir, "meta"), links(gitdir, "meta")
    for fy in (2023, 2024, 2025):
        for q in (1, 2, 3, 4):
            v = cf[(fy, q)]
            ocf, fcf, lease = v["operatingCashFlow"], v["freeCashFlow"], -v["financeLeasePayments"]
            date, url = lk[(fy, q)]
            s = src("meta", fy, q, url, "operatingCashFlow, freeCashFlow, financeLeasePayments")
            incl = ocf - fcf
            rows.append(
                row("meta", fy, q, f"{fy}-{QEND[q]}", date, "incl_finance_leases", incl, s, "derived",
                    f"operating cash flow {ocf} minus free cash flow {fcf} = {incl}; Meta's free cash flow deducts "
                    "purchases of property and equipment, net, and principal payments on finance leases, so this is "
                    "its headline 'capital expenditures, including principal payments on finance leases'")
            )  # fmt: skip
            rows.append(
                row("meta", fy, q, f"{fy}-{QEND[q]}", date, "cash_purchases_of_ppe", incl - lease, s, "derived",
                    f"{incl} (operating cash flow {ocf} minus free cash flow {fcf}) minus principal payments on "
                    f"finance leases {lease} = {incl - lease}: purchases of property and equipment, net")
            )  # fmt: skip
        checks.append(f"meta {fy} incl. leases sum {sum(cf[(fy, k)]['operatingCashFlow'] - cf[(fy, k)]['freeCashFlow'] for k in (1, 2, 3, 4))}")

    # Microsoft FY2025 Q4 on (calendar 2025Q2 on): the SEC file stops at calendar 2025Q1.
    cf, lk = load(gitdir, "microsoft"), links(gitdir, "microsoft")
    msft_end = {(2025, 4): "2025-06-30", (2026, 1): "2025-09-30", (2026, 2): "2025-12-31"}
    for (fy, q), pe in msft_end.items():
        date, url = lk[(fy, q)]
        rows.append(
            row("microsoft", fy, q, pe, date, "cash_purchases_of_ppe", -cf[(fy, q)]["capitalExpenditure"],
                src("microsoft", fy, q, url, "capitalExpenditure"), "reported",
                "'Additions to property and equipment', three-month cash-flow statement of the release")
        )  # fmt: skip
    checks.append(
        "microsoft FY2025 sum "
        + str(sum(-cf[(2025, k)]["capitalExpenditure"] for k in (1, 2, 3, 4)))
        + " (overlap with SEC-file rows FY2025Q1-Q3: "
        + ", ".join(str(-cf[(2025, k)]["capitalExpenditure"]) for k in (1, 2, 3))
        + ")"
    )

    cf = load(gitdir, "alphabet")
    for (fy, q), date in ALPHABET_DATES.items():
        rows.append(
            row("alphabet", fy, q, f"{fy}-{QEND[q]}", date, "cash_purchases_of_ppe", -cf[(fy, q)]["capex"],
                f"Alphabet quarterly results release FY{fy} Q{q}; cash-flow figures as extracted in "
                f"{REPO}@{COMMIT[:12]}:companies/alphabet/data/cash-flows.json (capex)", "reported",
                "'Purchases of property and equipment', three-month cash-flow statement of the release")
        )  # fmt: skip
    checks.append(
        "alphabet overlap with SEC-file rows 2024Q4/2025Q1: "
        + ", ".join(str(-cf[k]["capex"]) for k in ((2024, 4), (2025, 1)))
    )
    return rows, checks


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(f"usage: {sys.argv[0]} <git dir of {REPO}>")
    rows, checks = build(sys.argv[1])
    rows.sort(key=lambda r: (r["company_id"], r["fiscal_year"], r["fiscal_quarter"], r["definition"]))
    with OUT.open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows({k: str(v) for k, v in r.items()} for r in rows)
    print(f"wrote {len(rows)} rows -> {OUT}")
    for c in checks:
        print(c)


if __name__ == "__main__":
    main()
