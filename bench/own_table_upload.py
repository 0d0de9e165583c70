#!/usr/bin/env python3
"""Own-table uploads against bare DuckDB (issue #22): a 1,000,000-row enterprise table, as CSV and as Parquet,
uploaded through marketplace-api (streamed to sandbox-runner, converted to Parquet, recorded) — rows per second — side
by side with DuckDB reading the same file into a table in the same run. Then each uploaded table is deleted. Run by
bench/own-table-upload.sh against a running ./pdx up; loopback only, bounded (BENCH_ROUNDS rounds, default 3)."""
import os, statistics, tempfile, time, urllib.request, uuid

import duckdb

from pdx_http import API, call, token

ROWS = int(os.environ.get("BENCH_ROWS", "1000000"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))


def upload(developer, path, fmt):
    alias = "bench_" + uuid.uuid4().hex[:10]
    size = os.path.getsize(path)
    with open(path, "rb") as body:
        request = urllib.request.Request(f"{API}/api/v1/tables?alias={alias}&format={fmt}", data=body, method="POST")
        request.add_header("Authorization", "Bearer " + developer)
        request.add_header("Content-Type", "text/csv" if fmt == "csv" else "application/vnd.apache.parquet")
        request.add_header("Content-Length", str(size))
        started = time.perf_counter()
        with urllib.request.urlopen(request, timeout=3600) as answer:
            import json
            table = json.loads(answer.read())
        seconds = time.perf_counter() - started
    assert table["rowCount"] == ROWS, table
    status, _ = call("DELETE", f"{API}/api/v1/tables/{table['id']}", token=developer)
    assert status == 200, status
    return seconds


def bare(path, fmt):
    started = time.perf_counter()
    connection = duckdb.connect()
    reader = f"read_csv('{path}', header = true)" if fmt == "csv" else f"read_parquet('{path}')"
    rows = connection.execute(f"CREATE TABLE t AS SELECT * FROM {reader}; SELECT count(*) FROM t").fetchone()[0]
    connection.close()
    assert rows == ROWS
    return time.perf_counter() - started


def main():
    developer = token("developer-a")
    with tempfile.TemporaryDirectory() as folder:
        csv, parquet = os.path.join(folder, "customers.csv"), os.path.join(folder, "customers.parquet")
        duckdb.sql(f"COPY (SELECT 'C' || lpad(i::VARCHAR, 9, '0') AS customer_id, 'L' || lpad((1 + i % 120)::VARCHAR, 3, '0') AS route_id,"
                   f" (i * 7919) % 100000 / 100.0 AS spend, ['金卡', '银卡', '普通'][1 + i % 3] AS tier FROM range({ROWS}) t(i))"
                   f" TO '{csv}' (HEADER, DELIMITER ',')")
        duckdb.sql(f"COPY (SELECT * FROM read_csv('{csv}', header = true)) TO '{parquet}' (FORMAT parquet)")
        print(f"Own-table upload through marketplace-api vs bare DuckDB reading the same file; {ROWS:,} rows, median of {ROUNDS}")
        print(f"{'format':8} {'MB':>7} {'upload':>10} {'rows/s':>12} {'DuckDB':>9} {'rows/s':>12} {'ratio':>6}")
        for fmt, path in (("csv", csv), ("parquet", parquet)):
            uploads, direct = [], []
            for _ in range(ROUNDS):
                uploads.append(upload(developer, path, fmt))
                direct.append(bare(path, fmt))
            up, dd = statistics.median(uploads), statistics.median(direct)
            print(f"{fmt:8} {os.path.getsize(path) / 1e6:7.1f} {up:9.2f}s {ROWS / up:12,.0f} {dd:8.2f}s {ROWS / dd:12,.0f} {up / dd:6.2f}")


if __name__ == "__main__":
    main()
