"""The synthetic market of benchmarks/generate.py, one module per part: calendars, the universe of
companies and listings, the CSV writer, prices, filings and events."""
