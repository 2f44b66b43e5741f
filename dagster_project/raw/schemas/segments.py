"""Segment figures and the dated segment structures (presentations) they were published under."""

from __future__ import annotations

from .model import ANNOUNCED_AFTER_END, COMPANY, CURRENCIES, Column, RawTable, RowCheck, provenance, quarter_keys

SEGMENTS = (
    # Alibaba, FY2023 presentation (seven segments, to the June quarter 2023 results of 2023-08-10)
    "china_commerce",
    "international_commerce",
    "local_consumer_services",
    "cloud",
    "innovation_initiatives_others",
    # Alibaba, FY2026 presentation (from the June quarter 2025 results of 2025-08-29)
    "china_ecommerce_group",
    # Alibaba, FY2024-FY2025 presentation (six business groups); cainiao, digital_media_entertainment and
    # unallocated are also FY2023 segments, aidc, cloud_intelligence, all_others also FY2026 segments
    "taobao_tmall",
    "cloud_intelligence",
    "aidc",
    "cainiao",
    "local_services",
    "digital_media_entertainment",
    "all_others",
    "unallocated",
    "inter_segment_elimination",
    # cloud segments of the other companies
    "aws",
    "google_cloud",
    "microsoft_intelligent_cloud",
    "baidu_ai_cloud",
    "tencent_fintech_business_services",
)

# Segment presentations: the segment structure a figure was published under, named after the company's
# fiscal year it took effect (Alibaba FY2023-FY2026, Microsoft FY2024-FY2025). A restated comparative is a
# second row for the same period and segment under the later presentation (seeds/segment_mapping/ dates them).
# `as_reported`: companies without dated structures, whose segments are kept as first published only.
PRESENTATIONS = ("as_reported", "FY2023", "FY2024", "FY2025", "FY2026")
# Sum-of-the-parts groups a reported segment belongs to (seeds/segment_mapping/).
SOTP_GROUPS = ("ecommerce", "cloud_ai", "other_operating", "corporate", "elimination")

SEGMENT_MAPPING = RawTable(
    name="segment_mapping",
    family="segment_mapping",
    description=(
        "Dated segment structures: which reported segments make up each presentation, from which release "
        "date to which, and the sum-of-the-parts group each segment counts in."
    ),
    columns=(
        Column("company_id", "VARCHAR", description=COMPANY),
        Column("presentation", "VARCHAR", allowed=PRESENTATIONS, description="name of the segment structure"),
        Column(
            "valid_from",
            "DATE",
            description="results day of the first release published under this presentation",
        ),
        Column(
            "valid_to",
            "DATE",
            required=False,
            description="results day of the first release under the next presentation; empty = current",
        ),
        Column("segment", "VARCHAR", allowed=SEGMENTS, description="segment key"),
        Column("segment_name", "VARCHAR", description="the segment's name as printed in the release"),
        Column("sotp_group", "VARCHAR", allowed=SOTP_GROUPS, description=" | ".join(SOTP_GROUPS)),
        Column(
            "reports_revenue",
            "BOOLEAN",
            description="true if the segment has a revenue line (false: unallocated costs)",
        ),
        *provenance(with_kind=True),
    ),
    primary_key=("company_id", "presentation", "segment"),
    date_column="valid_from",
    checks=(RowCheck("valid_to_after_valid_from", "valid_to is null or valid_to > valid_from", "valid_to"),),
)

SEGMENTS_QUARTERLY = RawTable(
    name="segments_quarterly",
    family="segments",
    description="Segment revenue and profit per company, quarter (or full fiscal year), segment and metric.",
    columns=(
        *quarter_keys(full_year_allowed=True),
        Column(
            "presentation",
            "VARCHAR",
            allowed=PRESENTATIONS,
            description="segment structure the figure was published under (a restatement is a second row)",
        ),
        Column("segment", "VARCHAR", allowed=SEGMENTS, description="segment key, as in raw.segment_mapping"),
        Column(
            "metric",
            "VARCHAR",
            allowed=("revenue_m", "adjusted_ebita_m", "operating_income_m"),
            description="which figure; _m = millions",
        ),
        Column("value", "DOUBLE", description="millions of `currency`"),
        Column("currency", "VARCHAR", allowed=CURRENCIES, description="currency of value"),
        *provenance(with_kind=True),
    ),
    primary_key=("company_id", "fiscal_year", "fiscal_quarter", "presentation", "segment", "metric"),
    date_column="period_end",
    checks=(ANNOUNCED_AFTER_END,),
)
