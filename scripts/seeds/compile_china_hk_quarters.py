"""Compile quarterly fundamentals and the earnings calendar for Meituan, Xiaomi, Kuaishou and Bilibili.

Every figure below was read in the document named in its source (a results announcement filed with HKEX,
a company press release copy, a 6-K exhibit, or - marked ``press`` - a news report of the release).
``announced_on`` of a fundamentals row is the release date of the calendar row of the same quarter; where no
release date was found the row keeps its documented UPPER BOUND (note says so) and the quarter is listed in
seeds/fundamentals/GAPS_china3.md. Run: ``python scripts/seeds/compile_china_hk_quarters.py``.
"""

from __future__ import annotations

import csv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FUND_DIR = ROOT / "seeds" / "fundamentals"
CAL_DIR = ROOT / "seeds" / "earnings_calendar"

FUND_COLS = ["company_id", "fiscal_year", "fiscal_quarter", "period_end", "announced_on", "metric", "value",
             "currency", "source", "source_kind", "basis", "note"]
CAL_COLS = ["company_id", "fiscal_year", "fiscal_quarter", "period_end", "release_date", "release_time",
            "release_timezone", "source", "source_kind", "basis", "note"]

PERIOD_END = {1: "03-31", 2: "06-30", 3: "09-30", 4: "12-31"}

# --------------------------------------------------------------------------------------------------------
# Sources (document + the copy that was read)
# --------------------------------------------------------------------------------------------------------
S = {
    # Kuaishou
    "ks_q1_23_hkex": ("Kuaishou HKEX results announcement for the three months ended 2023-03-31 (HKEX timestamp "
                      "2023-05-22 16:31), summary table (text at http://italuxu.com/sfqpsu/778b99ee6826e03b847g6004fcf287d4.iunm)",
                      "exchange_announcement"),
    "ks_q1_24_hkex": ("Kuaishou HKEX results announcement for the three months ended 2024-03-31 (HKEX timestamp "
                      "2024-05-22 16:30), summary table (text at http://italuxu.com/sfqpsu/11bc98c85c88180dgd9ff78c6e25ef93.iunm)",
                      "exchange_announcement"),
    "ks_q2_23_pr": ("Kuaishou Q2/interim 2023 results release, 'HONG KONG, Aug. 22, 2023 /PRNewswire/' "
                    "(https://martechasia.net/pr-newswire/kuaishou-technology-announces-second-quarter-and-interim-2023-unaudited-financial-results; "
                    "company IR copy https://ir.kuaishou.com/zh-hans/news-releases/news-release-details/kuaishoukejifabu2023niandierjidujizhongqiweijingshenhecaiwuyeji)",
                    "company_release"),
    "ks_q3_23_pr": ("Kuaishou Q3 2023 results release dated 2023-11-21 (company IR copy "
                    "https://ir.kuaishou.com/zh-hans/news-releases/news-release-details/kuaishoukejifabu2023niandisanjiduweijingshenhecaiwuyeji)",
                    "company_release"),
    "ks_q4_23_pr": ("Kuaishou Q4/FY2023 results release dated 2024-03-20 (company IR copy "
                    "https://ir.kuaishou.com/zh-hant/news-releases/news-release-details/kuaishoukejifabu2023niandisijidujiquanniancaiwuyeji)",
                    "company_release"),
    "ks_q4_22_pr": ("Kuaishou Q4/FY2022 results release, '香港2023年3月29日 /美通社/' (copy at https://technow.com.hk/tech/983801/)",
                    "company_release"),
    "ks_q2_24_pr": ("Kuaishou Q2/interim 2024 results release, 'HONG KONG, Aug. 20, 2024 /PRNewswire/', distributed 2024-08-20 16:42 "
                    "(copy at http://202.62.215.24/www/tc/news/prnewswire_news_detail.php?newsid=4486369_AE86369_0&page=79)",
                    "company_release"),
    "ks_q3_24_pr": ("Kuaishou Q3 2024 results release, '香港2024年11月20日 /美通社/' (copy at http://m.ibiyou.cn/story/469709-2.shtml)",
                    "company_release"),
    "ks_q4_24_pr": ("Kuaishou Q4/FY2024 results release, '香港2025年3月25日 /美通社/' (copy at https://thehubnews.net/archives/494238)",
                    "company_release"),
    "ks_q1_25_pr": ("Kuaishou Q1 2025 results release, '香港 2025年5月27日 /美通社/' (copy at https://www.thehubnews.net/archives/512235)",
                    "company_release"),
    "ks_q2_25_pr": ("Kuaishou Q2/interim 2025 results release, 'HONG KONG, Aug. 21, 2025 /PRNewswire/' (copy at https://coindest.com/?p=38502)",
                    "company_release"),
    "ks_q3_25_pr": ("Kuaishou Q3 2025 results release, '香港2025年11月19日 /美通社/' (copy at http://www.mirge.cn/story/512599-2.shtml)",
                    "company_release"),
    "ks_q2_22_press": ("Yicai Global 2022-08-24 on Kuaishou's Q2 2022 report released 'late yesterday' "
                       "(https://yicaiglobal.com/news/tiktok-rival-kuaishou-dives-7-as-revenue-grows-slower-in-second-quarter)",
                       "press"),
    # Meituan
    "mt_q4_22_pr": ("Meituan FY2022 results release, 'HONG KONG, March 24, 2023 /PRNewswire/' "
                    "(https://en.prnasia.com/releases/global/meituan-announces-financial-results-for-the-year-ended-december-31-2022-397631.shtml)",
                    "company_release"),
    "mt_q1_23_pr": ("Meituan Q1 2023 results release, 'HONG KONG, May 25, 2023 /PRNewswire/' "
                    "(copy at https://stocktitan.net/news/MPNGY/meituan-announces-financial-results-for-the-three-months-ended-march-714y6n1kbzp2.html)",
                    "company_release"),
    "mt_q2_23_pr": ("Meituan Q2/interim 2023 results release, 'HONG KONG, Aug. 24, 2023 /PRNewswire/' "
                    "(https://en.prnasia.com/releases/global/meituan-announces-financial-results-for-the-three-and-six-months-ended-june-30-2023-415928.shtml)",
                    "company_release"),
    "mt_q3_23_pr": ("Meituan Q3 2023 results release, 'HONG KONG, Nov. 28, 2023 /PRNewswire/' "
                    "(copy at https://siamnews.net/press-releases/63942-meituan-announces-financial-results-for-the-three-months-ended-september-30-2023)",
                    "company_release"),
    "mt_q3_23_dj": ("Dow Jones (MarketScreener) 2023-11-28 on Meituan's Q3 2023 results "
                    "(https://www.marketscreener.com/quote/stock/MEITUAN-INC-47006634/news/Meituan-s-Profit-Tripled-on-Better-Chinese-Consumption-Mobility-Update-45450552/)",
                    "press"),
    "mt_fy23_hkex": ("Meituan HKEX annual results announcement for FY2023, quarterly summary table (text at https://m.zixin.com.cn/doc/1188996.html)",
                     "exchange_announcement"),
    "mt_q1_25_hkex": ("Meituan HKEX results announcement for the three months ended 2025-03-31, summary table "
                      "(text at http://www.ccyxbj.cn/baogao/710095.html)",
                      "exchange_announcement"),
    "mt_q1_22_reuters": ("Reuters (via Nasdaq.com), 'BEIJING, June 2 (Reuters) - ... Meituan surpassed quarterly revenue estimates on Thursday' "
                         "(https://www.nasdaq.com/articles/china-food-delivery-group-meituan-beats-revenue-estimates-amid-covid-resurgence)", "press"),
    "mt_q1_24_reuters": ("Reuters via Inside Retail Asia 2024-06-07: 'Meituan on Thursday reported a bigger-than-expected 25 per cent rise in quarterly revenue' "
                         "(https://insideretail.asia/2024/06/07/meituan-delivers-chinese-leader-beats-estimates-with-revenue-up-25-per-cent)", "press"),
    "mt_q3_24_reuters": ("Reuters (Casey Hall, via Yahoo): Meituan 'posted a bigger-than-expected 22.4% rise in third-quarter revenue on Friday'; "
                         "'Meituan shares closed down 2% ahead of the results' (https://ca.news.yahoo.com/chinese-food-delivery-giant-meituan-084424506.html)",
                         "press"),
    "ks_q1_22_vendor": ("Reportify document list for Kuaishou: '快手-W(01024) - 2022 Q1 - 季度财报 2022-05-24 08:30', with the announcement's summary table "
                        "(revenue 21,066,677; loss for the period (6,253,896); adjusted net loss (3,722,265), RMB thousand) "
                        "(https://reportify.ai/companies/US:KSHTY/documents?page=168)", "data_vendor"),
    "mt_q2_22_sa": ("Seeking Alpha news 2022-08-26 on Meituan Q2 2022 release (https://seekingalpha.com/news/3876964-meituan-reports-16-growth-in-q2-revenue)",
                    "press"),
    "mt_q3_22_scmp": ("SCMP 2022-11-25 on Meituan's Q3 2022 results, 'said on Friday' "
                      "(https://www.scmp.com/tech/big-tech/article/3201011/chinese-delivery-giant-meituan-sees-revenue-surge-28-pc-lockdowns-boost-online-ordering-across)",
                      "press"),
    "mt_q3_24_itbear": ("itbear.com.cn report on Meituan Q3 2024 results (http://itbear.com.cn/html/2024-11/616497.html) and filing summary "
                        "https://reportify.cn/filings/1059919007517380608", "press"),
    "mt_q2_24_press": ("Zhitong via Longbridge 2024-08-28 08:49 on Meituan's interim 2024 results (https://longportapp.com/news/212754264)",
                       "press"),
    "mt_q4_24_press": ("Dolphin Research (Longbridge) on Meituan's Q4 2024 report released 'On March 21, after the Hong Kong stock market closed' "
                       "(https://web-origin.lbkrs.com/topics/28274324)", "press"),
    "mt_q1_25_press": ("AASTOCKS 2025-05-27: '美團昨日收市後公布截至今年3月底止首季業績' "
                       "(http://113.28.162.223/tc/usq/news/comment.aspx?catg=1&id=NOW.1442475&source=AAFN)", "press"),
    "mt_q2_25_press": ("HK01 2025-08-27: Meituan '今日﹙27日﹚港股收市後公佈截至6月底季度業績' "
                       "(https://www.hk01.com/財經快訊/60270737/)", "press"),
    "mt_q3_25_press": ("Sing Tao Headline 2025-11-28 16:50 HKT on Meituan's Q3 2025 results "
                       "(https://www.stheadline.com/stock-market/3522204/)", "press"),
    # Xiaomi
    "xm_q1_24_hkex": ("Xiaomi HKEX results announcement for the three months ended 2024-03-31, summary table "
                      "(text at https://renrendoc.com/paper/332228568.html)", "exchange_announcement"),
    "xm_fy24_hkex": ("Xiaomi HKEX annual results announcement for FY2024, three-month summary table "
                     "(text at https://www.sgpjbg.com/bgdown/617990.html)", "exchange_announcement"),
    "xm_q1_23_rthk": ("RTHK report dated 2023-05-24 on Xiaomi's Q1 2023 results (https://agora0.github.io/2305/rthk/2023/05/24/)",
                      "press"),
    "xm_q2_23_press": ("手机中国 news (copy at http://mkdkb.830036.com/sm/2023/0830/133030.html): '8月29日,小米集团发布第二季度财报'",
                       "press"),
    "xm_q3_23_sina": ("Sina Tech 2023-11-20 17:51: Xiaomi '今日发布了截至9月30日的2023年第三季度财报' "
                      "(https://finance.sina.com.cn/stock/usstock/c/2023-11-20/doc-imzvhhxq9321436.shtml)", "press"),
    "xm_q1_24_press": ("ECBN 2024-05-24: 'On May 23, Xiaomi Group announced its performance for the first quarter' "
                       "(https://www.ecbnnews.com/2024/05/24/xiaomis-gross-profit-margin-for-mobile-phones-dropped-to-148-in-the-first-quarter-and-cars-challenged-120000-units-for-the-whole-2342/)",
                       "press"),
    "xm_q2_24_etnet": ("etnet news 2024-08-21 on Xiaomi Q2 2024 results (https://etnet.com.hk/mobile/tc/warrants/quote_news_detail.php?code=67797&newsid=ETN340821602)",
                       "press"),
    "xm_q4_24_am730": ("am730 2025-03-18 19:03 on Xiaomi's FY2024 results published that day "
                       "(https://am730.com.hk/財經/小米上季收入首次破千億人幣-經調整利潤升七成-勝預期/542687)", "press"),
    "xm_q1_25_qzwb": ("Quanzhou Evening News 2025-05-28 on Xiaomi Q1 2025 results (https://szb.qzwb.com/qzwb/pc/cons/202505/28/content_136498.html)",
                      "press"),
    "xm_q2_25_hk01": ("HK01 2025-08-19 on Xiaomi's Q2 2025 results (https://www.hk01.com/財經快訊/60268091/)", "press"),
    "xm_q3_25_etnet": ("etnet 2025-11-18 on Xiaomi's Q3 2025 results "
                       "(https://www.etnet.com.hk/www/tc/news/topic_news_detail.php?category=financenews&newsid=375904)", "press"),
    "mt_q4_23_press": ("Laohu Caijing on Meituan's FY2023 results: '3月22日盘后,美团公布了2023财报' (http://m.laohucaijing.com/News/147041)",
                       "press"),
    "xm_q4_23_yicai": ("Yicai Global 2024-03-20: Xiaomi's 'earnings report showed yesterday' "
                       "(https://yicaiglobal.com/news/chinese-tech-giant-xiaomi-post-seven-fold-leap-in-annual-profit-revenue-dips)", "press"),
    "xm_q3_24_press": ("Dao Insights: 'On 18 November, Chinese tech giant and EV maker Xiaomi released its Q3 financial results' "
                       "(https://daoinsights.com/news/12-8-billion-usd-xiaomi-delivers-best-in-history-results)", "press"),
    "xm_q2_24_pr": ("Xiaomi Q2 2024 results press release as reprinted by Inquirer Technology ('Xiaomi Corporation, a consumer electronics and "
                    "smart manufacturing company ... announced its unaudited consolidated results for the three months ended June 30, 2024') "
                    "(https://technology.inquirer.net/136869/xiaomi-delivers-double-digit-growth-for-third-straight-quarter/amp)",
                    "company_release"),
    "xm_q2_25_pr": ("Xiaomi Q2 2025 results press release 'Xiaomi Q2 2025 Revenue Hits RMB116.0 Billion ...' (WebWire copy, "
                    "https://www.webwire.com/ViewPressRel.asp?aId=342661)", "company_release"),
    "xm_q2_22_press": ("cnBeta (Sina Tech): '8月19日下午消息,小米集团(HK: 1810)今日发布截至2022年6月30日的第二季度财报' "
                       "(https://m.cnbeta.com.tw/view/1306437.htm)", "press"),
    "xm_q3_22_press": ("Jiemian AI news 2022-11-23 18:33: '2022年11月23日,港股上市公司小米集团-W(01810.HK)公布截至2022年9月30日止三个月业绩' "
                       "(http://kx.cnbzol.com/kx/2022/1123/648173.html)", "press"),
    "xm_q4_22_press": ("Xinhua Finance 2023-03-24: '小米集團24日晚間在港交所公布2022年業績' (http://www.8899ip.com/news/yuanchuang/2023/0324/145925.html)",
                       "press"),
    "ks_q3_22_pr": ("Kuaishou Q3 2022 results release dated 2022-11-22 (company IR copy "
                    "https://ir.kuaishou.com/zh-hans/news-releases/news-release-details/jiezhi2022nian9yue30rizhisangeyuejijiugeyuedeyejigonggao)",
                    "company_release"),
    "bl_q4_24_press": ("Huxiu via iTiger: '2 月 20 日,B 站公布截至 2024 年 12 月 31 日的第四季度和全年未经审计财务报告' (https://itiger.com/news/1115181545)",
                       "press"),
    "bl_q3_23_press": ("China News Economic Weekly (via Leju) dated 11-29: '北京时间11月29日(美东时间11月29日),哔哩哔哩...公布了截至2023年9月30日的第三季度未经审计的财务报告' "
                       "(https://www.leju.com/news/2023-12-01/14207136237621273211937.shtml)", "press"),
    "bl_q3_23_pr": ("Bilibili Q3 2023 results release 'Bilibili Inc. Announces Third Quarter 2023 Financial Results' (GlobeNewswire copy at "
                    "https://ih.advfn.com/stock-market/NASDAQ/bilibili-BILI/stock-news/92676550/bilibili-inc-announces-third-quarter-2023-financi)",
                    "company_release"),
    "ks_q3_24_ft": ("Kuaishou Q3 2024 results release 'Kuaishou Technology Announces Third Quarter 2024 Unaudited Financial Results' "
                    "(PR Newswire copy on FT Markets, https://markets.ft.com/data/announce/detail?dockey=600-202411200337PR_NEWS_USPRX____CN60762-1)",
                    "company_release"),
    "ks_eyestock": ("eyestock.io Kuaishou income statement by quarter, rows 'Diluted earnings per share' and 'Shares "
                    "outstanding after dilution' (https://eyestock.io/catalog/OOTC/communication-services/KUASF/reporting/income)",
                    "data_vendor"),
    # Bilibili
    "bl_q3_22_dj": ("Dow Jones (MarketScreener) dated 2022-11-29: Bilibili shares jumped in Hong Kong 'on Wednesday, extending an overnight "
                    "Wall Street rally' after its third-quarter results (https://www.marketscreener.com/quote/stock/BILIBILI-INC-42503507/news/Bilibili-Shares-Jump-in-Hong-Kong-Extending-Wall-Street-Rally-42436678/)",
                    "press"),
    "bl_q2_22_6k": ("Bilibili 6-K Exhibit 99.1 'Bilibili Inc. Announces Second Quarter 2022 Financial Results', dateline "
                    "'SHANGHAI, September 8, 2022' (copy at http://rocketfinancial.com/FetchDoc.aspx?id=42894760&fid=9556980)",
                    "filing"),
    "bl_q4_22_pr": ("Bilibili Q4/FY2022 results release (GlobeNewswire 2023-03-02, https://stocktitan.net/news/BILI/bilibili-inc-announces-fourth-quarter-and-fiscal-year-2022-financial-5ggd1309szbl.html)",
                    "company_release"),
    "bl_q1_23_pr": ("Bilibili Q1 2023 results release (GlobeNewswire 2023-06-01, https://cerveza-artesanal.com/news/bilibili-inc-announces-first-quarter-100000131.html)",
                    "company_release"),
    "bl_q2_23_pr": ("Bilibili Q2 2023 results release (GlobeNewswire 2023-08-17, https://it.finance.yahoo.com/news/bilibili-inc-announces-second-quarter-100000046.html)",
                    "company_release"),
    "bl_q4_23_pr": ("Bilibili Q4/FY2023 results release (Nasdaq GlobeNewswire 2024-03-07 05:00:26 America/New_York, "
                    "https://cn.m.netdania.com/news/Bilibili%20Inc.%20Announces%20Fourth%20Quarter%20and%20Fiscal%20Year%202023%20Financial%20Results)",
                    "company_release"),
    "bl_q2_24_pr": ("Bilibili Q2 2024 results release 'Bilibili Inc. Announces Second Quarter 2024 Financial Results' "
                    "(GlobeNewswire copy at https://it.advfn.com/mercati/NASDAQ/BILI/notizie/94426677/bilibili-inc-announces-second-quarter-2024-financ)",
                    "company_release"),
    "bl_q2_24_date": ("MarketBeat earnings page for Bilibili Q2 2024: 'Date 8/22/2024 Time Before Market Opens', call transcript "
                      "'news release we issued earlier today' (https://marketbeat.com/earnings/reports/2024-8-22-bilibili-inc-stock)",
                      "data_vendor"),
    "bl_q3_24_36kr": ("36Kr: 'On November 14, Beijing Time (November 14, Eastern Time in the US), Bilibili ... announced its unaudited "
                      "financial report for the third quarter' (https://eu.36kr.com/en/p/3036079142875137)", "press"),
    "bl_q2_25_fool": ("Motley Fool transcript of Bilibili's Q2 2025 call, 'Thursday, August 21, 2025 at 8 a.m. ET' "
                      "(https://www.mitrade.com/au/insights/news/live-news/article-8-1062270-20250822)", "press"),
}

# --------------------------------------------------------------------------------------------------------
# Earnings calendar: (fy, q, release_date, time, tz, source key, note)
# --------------------------------------------------------------------------------------------------------
AFTER_CLOSE = "published after the Hong Kong market close (16:00 HKT) per the source; exact clock time not stated"
CAL = {
    "kuaishou": [
        (2022, 1, "2022-05-24", None, None, "ks_q1_22_vendor", "filing timestamp 2022-05-24 08:30 as listed by the vendor (08:30 UTC = 16:30 HKT if UTC, not stated); no company copy with a dateline found"),
        (2022, 2, "2022-08-23", None, None, "ks_q2_22_press", "report dated 2022-08-24 says the earnings report came out 'late yesterday'"),
        (2022, 3, "2022-11-22", None, None, "ks_q3_22_pr", "release dateline"),
        (2022, 4, "2023-03-29", None, None, "ks_q4_22_pr", "Chinese release dateline 2023-03-29; if the HKEX filing was the evening before, this date is at most one day late"),
        (2023, 1, "2023-05-22", "16:31", "Asia/Hong_Kong", "ks_q1_23_hkex", "HKEX announcement timestamp"),
        (2023, 2, "2023-08-22", None, None, "ks_q2_23_pr", "release dateline"),
        (2023, 3, "2023-11-21", None, None, "ks_q3_23_pr", "release dateline"),
        (2023, 4, "2024-03-20", None, None, "ks_q4_23_pr", "release dateline"),
        (2024, 1, "2024-05-22", "16:30", "Asia/Hong_Kong", "ks_q1_24_hkex", "HKEX announcement timestamp"),
        (2024, 2, "2024-08-20", "16:42", "Asia/Hong_Kong", "ks_q2_24_pr", "time of the PRNewswire distribution copy (after the 16:00 HK close)"),
        (2024, 3, "2024-11-20", None, None, "ks_q3_24_pr", "release dateline"),
        (2024, 4, "2025-03-25", None, None, "ks_q4_24_pr", "release dateline"),
        (2025, 1, "2025-05-27", None, None, "ks_q1_25_pr", "release dateline"),
        (2025, 2, "2025-08-21", None, None, "ks_q2_25_pr", "English release dateline 2025-08-21"),
        (2025, 3, "2025-11-19", None, None, "ks_q3_25_pr", "release dateline"),
    ],
    "meituan": [
        (2022, 1, "2022-06-02", None, None, "mt_q1_22_reuters", "Reuters dispatch of June 2: results reported 'on Thursday' (2022-06-02)"),
        (2022, 2, "2022-08-26", None, None, "mt_q2_22_sa", "news item on the press release, dated the same day"),
        (2022, 3, "2022-11-25", None, None, "mt_q3_22_scmp", "article dated 2022-11-25: Meituan 'said on Friday'"),
        (2022, 4, "2023-03-24", None, None, "mt_q4_22_pr", "release dateline"),
        (2023, 1, "2023-05-25", None, None, "mt_q1_23_pr", "release dateline"),
        (2023, 2, "2023-08-24", None, None, "mt_q2_23_pr", "release dateline"),
        (2023, 3, "2023-11-28", None, None, "mt_q3_23_pr", "release dateline"),
        (2023, 4, "2024-03-22", None, None, "mt_q4_23_press", "'3月22日盘后' = after the Hong Kong close of 2024-03-22"),
        (2024, 1, "2024-06-06", None, None, "mt_q1_24_reuters", "article of Friday 2024-06-07: results reported 'on Thursday' (2024-06-06)"),
        (2024, 2, "2024-08-28", None, None, "mt_q2_24_press", "news item 2024-08-28 08:49 on the interim results; the HKEX filing summary at https://reportify.ai/filings/1026212311314075648 is stamped 2024-08-28"),
        (2024, 3, "2024-11-29", None, None, "mt_q3_24_reuters", "Reuters: results 'on Friday', after the Hong Kong close; the Friday after the quarter whose results broker notes of Monday 2024-12-02 discuss is 2024-11-29"),
        (2024, 4, "2025-03-21", None, None, "mt_q4_24_press", AFTER_CLOSE),
        (2025, 1, "2025-05-26", None, None, "mt_q1_25_press", AFTER_CLOSE + " (report of 2025-05-27 says 'yesterday after the close')"),
        (2025, 2, "2025-08-27", None, None, "mt_q2_25_press", AFTER_CLOSE),
        (2025, 3, "2025-11-28", None, None, "mt_q3_25_press", "article published 16:50 HKT the same day"),
    ],
    "xiaomi": [
        (2022, 2, "2022-08-19", None, None, "xm_q2_22_press", "same-day report"),
        (2022, 3, "2022-11-23", None, None, "xm_q3_22_press", "same-day report, 18:33 CST"),
        (2022, 4, "2023-03-24", None, None, "xm_q4_22_press", "'24日晚間在港交所公布' = published on HKEXnews the evening of 2023-03-24"),
        (2023, 1, "2023-05-24", None, None, "xm_q1_23_rthk", "report dated 2023-05-24; release day not independently confirmed"),
        (2023, 2, "2023-08-29", None, None, "xm_q2_23_press", "'8月29日,小米集团发布第二季度财报'"),
        (2023, 3, "2023-11-20", None, None, "xm_q3_23_sina", "report 2023-11-20 17:51 CST: results released 'today'"),
        (2023, 4, "2024-03-19", None, None, "xm_q4_23_yicai", "report dated 2024-03-20 says the report came out 'yesterday'"),
        (2024, 1, "2024-05-23", None, None, "xm_q1_24_press", "'On May 23, Xiaomi Group announced'"),
        (2024, 2, "2024-08-21", None, None, "xm_q2_24_etnet", "etnet dispatch of the 21st on the results"),
        (2024, 3, "2024-11-18", None, None, "xm_q3_24_press", "'On 18 November ... released its Q3 financial results'"),
        (2024, 4, "2025-03-18", None, None, "xm_q4_24_am730", "article 2025-03-18 19:03 HKT, same-day results"),
        (2025, 1, "2025-05-27", None, None, "xm_q1_25_qzwb", "results published evening of 2025-05-27 per source"),
        (2025, 2, "2025-08-19", None, None, "xm_q2_25_hk01", "same-day report"),
        (2025, 3, "2025-11-18", None, None, "xm_q3_25_etnet", "same-day report; other reports say results came after the close ('前一晚')"),
    ],
    "bilibili": [
        (2022, 2, "2022-09-08", None, None, "bl_q2_22_6k", "release dateline"),
        (2022, 3, "2022-11-29", None, None, "bl_q3_22_dj", "inferred from the report: results moved the Nasdaq shares on Tuesday 2022-11-29 ('overnight' before the Hong Kong session of Wednesday 2022-11-30); release dateline itself not seen"),
        (2022, 4, "2023-03-02", None, None, "bl_q4_22_pr", "release dateline"),
        (2023, 1, "2023-06-01", None, None, "bl_q1_23_pr", "release dateline"),
        (2023, 2, "2023-08-17", None, None, "bl_q2_23_pr", "release dateline"),
        (2023, 3, "2023-11-29", None, None, "bl_q3_23_press", "same calendar day in Beijing and New York per source"),
        (2023, 4, "2024-03-07", "05:00", "America/New_York", "bl_q4_23_pr", "GlobeNewswire timestamp 05:00:26 ET"),
        (2024, 2, "2024-08-22", None, None, "bl_q2_24_date", "before the US market open (vendor calendar); release dateline itself not seen"),
        (2024, 3, "2024-11-14", None, None, "bl_q3_24_36kr", "same calendar day in Beijing and New York per source"),
        (2024, 4, "2025-02-20", None, None, "bl_q4_24_press", "report: results published 20 February"),
        (2025, 2, "2025-08-21", None, None, "bl_q2_25_fool", "call at 8 a.m. ET on the release day ('news release we issued earlier today' is the usual wording)"),
    ],
}

# --------------------------------------------------------------------------------------------------------
# Fundamentals: (fy, q, metric, value, source key, basis, note[, announced_on override])
# A row without an override takes the calendar release date; an override is an UPPER BOUND (see note).
# --------------------------------------------------------------------------------------------------------
PFP = "PROFIT/(LOSS) FOR THE PERIOD (incl. non-controlling interests), not attributable-to-equity-holders"
R = "rounded in source"
UB = "announced_on is an UPPER BOUND (date of the company document carrying the figure; the original release date was not found)"
FUND = {
    "kuaishou": [
        (2022, 1, "eps_diluted_gaap", -1.48, "ks_eyestock", "reported", "vendor figure: no readable copy of the announcement's EPS note / income statement (GAPS_china3.md); the vendor row carries net income -6254.38 with this EPS; loss quarter: diluted = basic"),
        (2022, 1, "diluted_shares_m", 4224.77, "ks_eyestock", "reported", "vendor figure: no readable copy of the announcement's EPS note / income statement (GAPS_china3.md); loss quarter: the vendor's diluted count equals the weighted basic count (antidilution); millions of ordinary shares"),
        (2022, 2, "eps_diluted_gaap", -0.748, "ks_eyestock", "reported", "vendor figure: no readable copy of the announcement's EPS note / income statement (GAPS_china3.md); the vendor row carries net income -3176.01 with this EPS; loss quarter: diluted = basic"),
        (2022, 2, "diluted_shares_m", 4246.11, "ks_eyestock", "reported", "vendor figure: no readable copy of the announcement's EPS note / income statement (GAPS_china3.md); loss quarter: the vendor's diluted count equals the weighted basic count (antidilution); millions of ordinary shares"),
        (2022, 3, "eps_diluted_gaap", -0.637, "ks_eyestock", "reported", "vendor figure: no readable copy of the announcement's EPS note / income statement (GAPS_china3.md); the vendor row carries net income -2713.26 with this EPS; loss quarter: diluted = basic"),
        (2022, 3, "diluted_shares_m", 4262.17, "ks_eyestock", "reported", "vendor figure: no readable copy of the announcement's EPS note / income statement (GAPS_china3.md); loss quarter: the vendor's diluted count equals the weighted basic count (antidilution); millions of ordinary shares"),
        (2022, 4, "eps_diluted_gaap", -0.361, "ks_eyestock", "reported", "vendor figure: no readable copy of the announcement's EPS note / income statement (GAPS_china3.md); the vendor row carries net income -1547.08 with this EPS; loss quarter: diluted = basic"),
        (2022, 4, "diluted_shares_m", 4282.16, "ks_eyestock", "reported", "vendor figure: no readable copy of the announcement's EPS note / income statement (GAPS_china3.md); loss quarter: the vendor's diluted count equals the weighted basic count (antidilution); millions of ordinary shares"),
        (2023, 2, "eps_diluted_gaap", 0.336, "ks_eyestock", "reported", "vendor figure: no readable copy of the announcement's EPS note / income statement (GAPS_china3.md); the vendor row carries net income 1480 with this EPS; three decimals: likely the vendor division of net income by diluted shares, not the printed EPS"),
        (2023, 2, "diluted_shares_m", 4401, "ks_eyestock", "reported", "vendor figure: no readable copy of the announcement's EPS note / income statement (GAPS_china3.md); profit quarter: weighted diluted count; millions of ordinary shares"),
        (2022, 1, "revenue_m", 21067, "ks_q1_23_hkex", "reported", f"Q1 2022 comparative column (RMB m); announced_on = Q1 2022 release date"),
        (2022, 1, "net_income_gaap_m", -6254, "ks_q1_23_hkex", "reported", f"{PFP}; Q1 2022 comparative column; announced_on = Q1 2022 release date"),
        (2022, 1, "net_income_adjusted_m", -3722, "ks_q1_23_hkex", "reported", f"adjusted net loss; Q1 2022 comparative column; announced_on = Q1 2022 release date"),
        (2022, 2, "revenue_m", 21700, "ks_q2_23_pr", "reported", f"year-ago figure in the Q2 2023 release ('from RMB21.7 billion'); {R}; announced_on = Q2 2022 release date"),
        (2022, 2, "net_income_gaap_m", -3200, "ks_q2_23_pr", "reported", f"{PFP}; year-ago figure ('a loss of RMB3.2 billion'); {R}"),
        (2022, 2, "net_income_adjusted_m", -1300, "ks_q2_23_pr", "reported", f"year-ago adjusted net loss ('RMB1.3 billion'); {R}"),
        (2022, 3, "revenue_m", 23100, "ks_q3_23_pr", "reported", f"year-ago figure in the Q3 2023 release (人民幣231億元); {R}; announced_on = Q3 2022 release date"),
        (2022, 3, "net_income_gaap_m", -2700, "ks_q3_23_pr", "reported", f"{PFP}; year-ago 期內虧損人民幣27億元; {R}; announced_on = Q3 2022 release date"),
        (2022, 3, "net_income_adjusted_m", -672, "ks_q3_23_pr", "reported", f"year-ago adjusted net loss 人民幣672百萬元; announced_on = Q3 2022 release date"),
        (2022, 4, "revenue_m", 28300, "ks_q4_23_pr", "reported", f"year-ago figure in the Q4 2023 release (人民幣283億元); {R}; announced_on = Q4 2022 release date"),
        (2022, 4, "net_income_gaap_m", -1500, "ks_q4_23_pr", "reported", f"{PFP}; year-ago 期內虧損人民幣15億元; {R}"),
        (2022, 4, "net_income_adjusted_m", -45, "ks_q4_23_pr", "reported", "year-ago adjusted net loss 人民幣45百萬元"),
        (2023, 1, "revenue_m", 25217, "ks_q1_23_hkex", "reported", "Q1 2023 column (RMB m)"),
        (2023, 1, "net_income_gaap_m", -876, "ks_q1_23_hkex", "reported", f"{PFP}; Q1 2023 column"),
        (2023, 1, "net_income_adjusted_m", 42, "ks_q1_23_hkex", "reported", "adjusted net profit; Q1 2023 column"),
        (2023, 2, "revenue_m", 27700, "ks_q2_23_pr", "reported", f"'RMB27.7 billion'; {R}"),
        (2023, 2, "net_income_gaap_m", 1500, "ks_q2_23_pr", "reported", f"{PFP}; 'RMB1.5 billion'; {R}"),
        (2023, 2, "net_income_adjusted_m", 2700, "ks_q2_23_pr", "reported", f"'RMB2.7 billion'; {R}"),
        (2023, 3, "revenue_m", 27900, "ks_q3_23_pr", "reported", f"人民幣279億元; {R}"),
        (2023, 3, "net_income_gaap_m", 2200, "ks_q3_23_pr", "reported", f"{PFP}; 人民幣22億元; {R}"),
        (2023, 3, "net_income_adjusted_m", 3200, "ks_q3_23_pr", "reported", f"人民幣32億元; {R}"),
        (2023, 4, "revenue_m", 32600, "ks_q4_23_pr", "reported", f"人民幣326億元; {R}"),
        (2023, 4, "net_income_gaap_m", 3600, "ks_q4_23_pr", "reported", f"{PFP}; 人民幣36億元; {R}"),
        (2023, 4, "net_income_adjusted_m", 4400, "ks_q4_23_pr", "reported", f"人民幣44億元; {R}"),
        (2024, 1, "revenue_m", 29408, "ks_q1_24_hkex", "reported", "Q1 2024 column (RMB m)"),
        (2024, 1, "net_income_gaap_m", 4120, "ks_q1_24_hkex", "reported", f"{PFP}; Q1 2024 column"),
        (2024, 1, "net_income_adjusted_m", 4388, "ks_q1_24_hkex", "reported", "adjusted net profit; Q1 2024 column"),
        (2024, 2, "revenue_m", 31000, "ks_q2_24_pr", "reported", f"'RMB31.0 billion'; {R}"),
        (2024, 2, "net_income_gaap_m", 4000, "ks_q2_24_pr", "reported", f"{PFP}; 'RMB4.0 billion'; {R}"),
        (2024, 2, "net_income_adjusted_m", 4700, "ks_q2_24_pr", "reported", f"'RMB4.7 billion'; {R}"),
        (2024, 3, "revenue_m", 31100, "ks_q3_24_pr", "reported", f"人民幣311億元; {R}"),
        (2024, 3, "net_income_adjusted_m", 3900, "ks_q3_24_pr", "reported", f"人民幣39億元; {R}"),
        (2024, 3, "net_income_gaap_m", 3300, "ks_q3_24_ft", "reported", f"{PFP}; 'Profit for the period was RMB3.3 billion'; {R}"),
        (2024, 4, "revenue_m", 35400, "ks_q4_24_pr", "reported", f"人民幣354億元; {R}"),
        (2024, 4, "net_income_gaap_m", 4000, "ks_q4_24_pr", "reported", f"{PFP}; 人民幣40億元; {R}"),
        (2024, 4, "net_income_adjusted_m", 4700, "ks_q4_24_pr", "reported", f"人民幣47億元; {R}"),
        (2025, 1, "revenue_m", 32600, "ks_q1_25_pr", "reported", f"人民幣326億元; {R}"),
        (2025, 1, "net_income_gaap_m", 4000, "ks_q1_25_pr", "reported", f"{PFP}; 人民幣40億元; {R}"),
        (2025, 1, "net_income_adjusted_m", 4600, "ks_q1_25_pr", "reported", f"人民幣46億元; {R}"),
        (2025, 2, "revenue_m", 35000, "ks_q2_25_pr", "reported", f"'RMB35.0 billion'; {R}"),
        (2025, 2, "net_income_gaap_m", 4900, "ks_q2_25_pr", "reported", f"{PFP}; 'RMB4.9 billion'; {R}"),
        (2025, 2, "net_income_adjusted_m", 5600, "ks_q2_25_pr", "reported", f"'RMB5.6 billion'; {R}"),
        (2025, 3, "revenue_m", 35600, "ks_q3_25_pr", "reported", f"CEO statement: 總收入...人民幣356億元; {R}"),
        (2025, 3, "net_income_adjusted_m", 5000, "ks_q3_25_pr", "reported", f"CEO statement: 經調整利潤淨額...人民幣50億元; {R}"),
    ],
    "meituan": [
        (2022, 1, "revenue_m", 46300, "mt_q1_23_pr", "reported", f"year-ago figure in the Q1 2023 release ('from RMB46.3 billion'); {R}; announced_on = Q1 2022 release date"),
        (2022, 2, "eps_diluted_gaap", -0.18, "mt_q2_22_sa", "reported", "'Q2 GAAP EPS of -RMB0.18' (loss quarter: diluted = basic); no share count found, so not cross-checked"),
        (2022, 2, "net_income_adjusted_m", 2060, "mt_q2_22_sa", "reported", f"adjusted profit; {R} (RMB 2.06B)"),
        (2022, 2, "revenue_m", 50900, "mt_q2_23_pr", "reported", f"year-ago figure in the Q2 2023 release ('from RMB50.9 billion'); {R}; announced_on = Q2 2022 release date"),
        (2022, 2, "net_income_gaap_m", -1100, "mt_q2_23_pr", "reported", f"{PFP}; year-ago 'loss of RMB1.1 billion'; {R}"),
        (2022, 3, "revenue_m", 62600, "mt_q3_23_pr", "reported", f"year-ago figure in the Q3 2023 release ('from RMB62.6 billion'); {R}; announced_on = Q3 2022 release date"),
        (2022, 4, "revenue_m", 60128.939, "mt_fy23_hkex", "reported", "three months to 2022-12-31 comparative (RMB thousand 60,128,939); announced_on = FY2022 release date"),
        (2022, 4, "net_income_gaap_m", -1083.541, "mt_fy23_hkex", "reported", f"{PFP}; RMB thousand (1,083,541)"),
        (2022, 4, "net_income_adjusted_m", 829.145, "mt_fy23_hkex", "reported", "adjusted net profit; RMB thousand 829,145"),
        (2023, 1, "revenue_m", 58600, "mt_q1_23_pr", "reported", f"'RMB58.6 billion'; {R}"),
        (2023, 1, "net_income_gaap_m", 3400, "mt_q1_23_pr", "reported", f"{PFP}; 'profit for the period of RMB3.4 billion'; {R}"),
        (2023, 2, "revenue_m", 68000, "mt_q2_23_pr", "reported", f"'RMB68.0 billion'; {R}"),
        (2023, 2, "net_income_gaap_m", 4700, "mt_q2_23_pr", "reported", f"{PFP}; 'profit of RMB4.7 billion'; {R}"),
        (2023, 2, "net_income_adjusted_m", 7700, "mt_q2_23_pr", "reported", f"'adjusted EBITDA and adjusted net profit were both RMB7.7 billion'; {R}"),
        (2023, 3, "revenue_m", 76500, "mt_q3_23_pr", "reported", f"'RMB76.5 billion'; {R}"),
        (2023, 3, "net_income_adjusted_m", 5700, "mt_q3_23_pr", "reported", f"'adjusted net profit ... RMB5.7 billion'; {R}"),
        (2023, 3, "net_income_gaap_m", 3590, "mt_q3_23_dj", "reported", f"net profit 'to 3.59 billion yuan' as reported by Dow Jones the release day; {R}; not in the release highlights read"),
        (2023, 4, "revenue_m", 73695.951, "mt_fy23_hkex", "reported", f"three months to 2023-12-31 (RMB thousand 73,695,951); announced_on = FY2023 release date"),
        (2023, 4, "net_income_gaap_m", 2216.987, "mt_fy23_hkex", "reported", f"{PFP}; RMB thousand 2,216,987; announced_on = FY2023 release date"),
        (2023, 4, "net_income_adjusted_m", 4374.712, "mt_fy23_hkex", "reported", f"adjusted net profit; RMB thousand 4,374,712; announced_on = FY2023 release date"),
        (2024, 1, "revenue_m", 73275.884, "mt_q1_25_hkex", "reported", "three months to 2024-03-31, year-ago column (RMB thousand 73,275,884); announced_on = Q1 2024 release date"),
        (2024, 1, "net_income_gaap_m", 5368.979, "mt_q1_25_hkex", "reported", f"{PFP}; year-ago column, RMB thousand 5,368,979"),
        (2024, 1, "net_income_adjusted_m", 7488.394, "mt_q1_25_hkex", "reported", "adjusted net profit; year-ago column, RMB thousand 7,488,394"),
        (2024, 3, "revenue_m", 93580, "mt_q3_24_reuters", "reported", f"'93.58 billion yuan'; {R}"),
        (2024, 3, "net_income_gaap_m", 12860, "mt_q3_24_reuters", "reported", f"'net profit for the quarter hit 12.86 billion yuan' (profit for the period per the HKEX summary as reported by itbear: 129亿元); {R}"),
        (2024, 3, "net_income_adjusted_m", 12830, "mt_q3_24_itbear", "reported", f"adjusted net profit, {R} (128.3亿元)"),
        (2025, 1, "revenue_m", 86557.126, "mt_q1_25_hkex", "reported", "three months to 2025-03-31 (RMB thousand 86,557,126)"),
        (2025, 1, "net_income_gaap_m", 10056.880, "mt_q1_25_hkex", "reported", f"{PFP}; RMB thousand 10,056,880"),
        (2025, 1, "net_income_adjusted_m", 10948.504, "mt_q1_25_hkex", "reported", "adjusted net profit; RMB thousand 10,948,504"),
    ],
    "xiaomi": [
        (2023, 1, "revenue_m", 59477.1, "xm_q1_24_hkex", "reported", "Q1 2023 comparative column (RMB m)"),
        (2023, 1, "net_income_gaap_m", 4216.1, "xm_q1_24_hkex", "reported", f"{PFP}; Q1 2023 comparative column"),
        (2023, 1, "net_income_adjusted_m", 3233.3, "xm_q1_24_hkex", "reported", "adjusted net profit; Q1 2023 comparative column"),
        (2023, 4, "revenue_m", 73243.7, "xm_fy24_hkex", "reported", "three months to 2023-12-31 comparative column (RMB m); announced_on = FY2023 release date"),
        (2023, 4, "net_income_gaap_m", 4723.5, "xm_fy24_hkex", "reported", f"{PFP} (期間利潤); three months to 2023-12-31 comparative column"),
        (2023, 4, "net_income_adjusted_m", 4909.7, "xm_fy24_hkex", "reported", "adjusted net profit; three months to 2023-12-31 comparative column"),
        (2024, 1, "revenue_m", 75506.8, "xm_q1_24_hkex", "reported", "Q1 2024 column (RMB m)"),
        (2024, 1, "net_income_gaap_m", 4173.2, "xm_q1_24_hkex", "reported", f"{PFP}; Q1 2024 column"),
        (2024, 1, "net_income_adjusted_m", 6490.9, "xm_q1_24_hkex", "reported", "adjusted net profit; Q1 2024 column"),
        (2024, 2, "eps_diluted_gaap", 0.21, "xm_q2_24_etnet", "reported", "'每股基本及攤薄盈利21分' (RMB0.21 basic and diluted), rounded to 2 dp in source; no share count found"),
        (2024, 2, "net_income_adjusted_m", 6200, "xm_q2_24_pr", "reported", f"'adjusted net profit was RMB6.2 billion'; {R} (news reports quote 61.75億元)"),
        (2024, 2, "net_income_gaap_m", 5098, "xm_q2_24_etnet", "reported", "'純利50.98億元' (net profit as headlined; attributable vs period profit not stated); rounded in source"),
        (2024, 2, "revenue_m", 88900, "xm_q2_24_pr", "reported", f"'revenue reaching RMB88.9 billion'; {R} (news reports quote 888.88億元)"),
        (2024, 4, "revenue_m", 109005.2, "xm_fy24_hkex", "reported", "three months to 2024-12-31 column (RMB m)"),
        (2024, 4, "net_income_gaap_m", 8995.3, "xm_fy24_hkex", "reported", f"{PFP} (期間利潤); three months to 2024-12-31"),
        (2024, 4, "net_income_adjusted_m", 8316.2, "xm_fy24_hkex", "reported", "adjusted net profit; three months to 2024-12-31"),
        (2025, 1, "net_income_adjusted_m", 10700, "xm_q1_25_qzwb", "reported", f"adjusted net profit, {R} (107亿元)"),
        (2025, 1, "revenue_m", 111300, "xm_q1_25_qzwb", "reported", f"{R} (1113亿元)"),
        (2025, 2, "revenue_m", 116000, "xm_q2_25_pr", "reported", f"'revenue rose 30.5% year-over-year to RMB116.0 billion'; {R}"),
        (2025, 2, "net_income_adjusted_m", 10800, "xm_q2_25_pr", "reported", f"'Adjusted net profit surged 75.4% year-over-year to RMB10.8 billion'; {R}"),
    ],
    "bilibili": [
        (2022, 2, "revenue_m", 4900, "bl_q2_22_6k", "reported", f"total net revenues 'RMB4.9 billion'; {R}"),
        (2022, 4, "net_income_gaap_m", -1500, "bl_q4_22_pr", "reported", f"net loss as headlined (not explicitly 'attributable to ordinary shareholders'); {R} (RMB1.5 billion)"),
        (2022, 4, "revenue_m", 6100, "bl_q4_22_pr", "reported", f"total net revenues; {R} (RMB6.1 billion)"),
        (2023, 1, "net_income_adjusted_m", -1000, "bl_q1_23_pr", "reported", f"adjusted net loss, {R} (RMB1.0 billion)"),
        (2023, 1, "net_income_gaap_m", -629.6, "bl_q1_23_pr", "reported", "net loss as headlined ('Net loss was RMB629.6 million'); attributable split not stated in highlights"),
        (2023, 1, "revenue_m", 5100, "bl_q1_23_pr", "reported", f"{R} (RMB5.1 billion)"),
        (2023, 2, "net_income_adjusted_m", -964.1, "bl_q2_23_pr", "reported", "adjusted net loss RMB964.1 million"),
        (2023, 2, "net_income_gaap_m", -1500, "bl_q2_23_pr", "reported", f"net loss as headlined; {R} (RMB1.5 billion)"),
        (2023, 2, "revenue_m", 5300, "bl_q2_23_pr", "reported", f"total net revenues; {R} (RMB5.3 billion)"),
        (2023, 3, "revenue_m", 5800, "bl_q3_23_pr", "reported", f"total net revenues 'RMB5.8 billion'; {R}"),
        (2023, 3, "net_income_gaap_m", -1300, "bl_q3_23_pr", "reported", f"net loss as headlined ('RMB1.3 billion'); {R}"),
        (2023, 3, "net_income_adjusted_m", -863.5, "bl_q3_23_pr", "reported", "adjusted net loss RMB863.5 million"),
        (2023, 4, "net_income_adjusted_m", -555.8, "bl_q4_23_pr", "reported", "adjusted net loss RMB555.8 million"),
        (2023, 4, "net_income_gaap_m", -1300, "bl_q4_23_pr", "reported", f"net loss as headlined; {R} (RMB1.3 billion)"),
        (2023, 4, "revenue_m", 6300, "bl_q4_23_pr", "reported", f"total net revenues; {R} (RMB6.3 billion)"),
        (2024, 2, "revenue_m", 6130, "bl_q2_24_pr", "reported", f"total net revenues 'RMB6.13 billion'; {R}"),
        (2024, 2, "net_income_gaap_m", -608.1, "bl_q2_24_pr", "reported", "net loss as headlined ('Net loss was RMB608.1 million')"),
        (2024, 2, "net_income_adjusted_m", -271.0, "bl_q2_24_pr", "reported", "adjusted net loss RMB271.0 million"),
    ],
}


def main() -> None:
    # issue 11: P/E inputs found later, kept in their own module (same layout as S and FUND)
    from china_hk_quarters_issue11 import FUND_ISSUE11, S_ISSUE11

    S.update(S_ISSUE11)
    for company, extra in FUND_ISSUE11.items():
        FUND[company].extend(extra)
    for company in ("meituan", "xiaomi", "kuaishou", "bilibili"):
        release = {}
        cal_rows = []
        for fy, q, date, time, tz, key, note in CAL[company]:
            src, kind = S[key]
            release[(fy, q)] = date
            cal_rows.append([company, fy, q, f"{fy}-{PERIOD_END[q]}", date, time or "", tz or "", src, kind, "reported", note])
        fund_rows = []
        for row in FUND[company]:
            fy, q, metric, value, key, basis, note = row[:7]
            override = row[7] if len(row) > 7 else None
            announced = override or release.get((fy, q))
            if announced is None:
                raise SystemExit(f"{company} {fy}Q{q}: no release date and no documented upper bound")
            if override is None and "UPPER BOUND" in note:
                raise SystemExit(f"{company} {fy}Q{q}: note says upper bound but no override")
            src, kind = S[key]
            currency = "" if metric in ("diluted_shares_m", "shares_outstanding_m") else "CNY"
            fund_rows.append([company, fy, q, f"{fy}-{PERIOD_END[q]}", announced, metric, value, currency, src, kind, basis, note])
        fund_rows.sort(key=lambda r: (r[1], r[2], r[5]))
        cal_rows.sort(key=lambda r: (r[1], r[2]))
        with open(FUND_DIR / f"{company}.csv", "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(FUND_COLS)
            w.writerows(fund_rows)
        with open(CAL_DIR / f"{company}.csv", "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(CAL_COLS)
            w.writerows(cal_rows)
        print(company, len(fund_rows), "fundamentals rows,", len(cal_rows), "calendar rows")


if __name__ == "__main__":
    main()
