#!/usr/bin/env bash
# Catalog search benchmark (issue: catalog): 10,000 datasets in the catalog, a keyword and two
# filters, 50 concurrent clients for 30 s over loopback (wrk), after a warm-up (the JIT of two
# cores needs it). Prints p50 / p95 / p99 and requests per second for, side by side:
#   - the issue's search: keyword 公交 + category + openness, asked again and again (served from
#     the few-second search cache; OPA's catalog view kept per kind of subject for a few seconds);
#   - the same filters with a keyword that differs on every request: every search runs in
#     PostgreSQL (the view still comes from its cache);
# Needs ./pdx up. Bounded in time; it removes the datasets it added when it ends.
#   BENCH_SECONDS=30 BENCH_WARMUP_SECONDS=20 BENCH_CONNECTIONS=50 bench/catalog-search.sh
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${BENCH_SECONDS:-30}
warmup=${BENCH_WARMUP_SECONDS:-20}
connections=${BENCH_CONNECTIONS:-50}
datasets=${BENCH_DATASETS:-10000}
api=http://127.0.0.1:8080

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
curl -fsS -o /dev/null "$api/q/health/ready" || { echo "marketplace-api is not ready: run ./pdx up" >&2; exit 1; }
psql_pdx() { runuser -u postgres -- psql -h /var/run/postgresql -d pdx -v ON_ERROR_STOP=1 -qAt "$@"; }

cleanup() { psql_pdx -c "DELETE FROM dataset WHERE provider LIKE 'bench-%'" >/dev/null; }
trap cleanup EXIT
cleanup
# Registered datasets across categories, grades, openness and 40 providers; 1 in 25 mentions 公交.
psql_pdx <<SQL
INSERT INTO dataset (id, lineage_id, name_zh, name_en, description, category, grade, provider, provider_name,
                     row_count, schema, status, update_frequency, spatial_coverage, sharing_type, sharing_condition,
                     openness, certificate_no, created_at, updated_at)
SELECT id, id,
       (ARRAY['公交','地铁','空气','医保','不动产','电网','企业','气象','教育','人口'])[1 + i % 10] || '数据集' || i
         || CASE WHEN i % 25 = 0 THEN '·公交线路' ELSE '' END,
       'Benchmark dataset ' || i,
       '基准测试数据集 / benchmark dataset ' || i,
       (SELECT code FROM category ORDER BY code OFFSET (i % 14) LIMIT 1),
       (ARRAY['GENERAL','GENERAL','IMPORTANT','CORE'])[1 + i % 4],
       'bench-' || (i % 40), '基准部门 ' || (i % 40), i * 10,
       '{"columns": [{"name": "v", "type": "BIGINT", "tag": "METRIC", "description": "value"}]}'::jsonb,
       'REGISTERED', 'DAILY', '350100', 'CONDITIONAL', 'benchmark',
       (ARRAY['OPEN','AUTHORIZED_OPERATION','NOT_OPEN'])[1 + i % 3],
       'BENCH-' || i, now(), now()
FROM (SELECT gen_random_uuid() AS id, i FROM generate_series(1, $datasets) AS i) AS rows;
SQL
psql_pdx -c 'VACUUM ANALYZE dataset' >/dev/null
echo "catalog: $(psql_pdx -c 'SELECT count(*) FROM dataset') datasets ($datasets added for the benchmark)"

token=$(curl -fsS http://127.0.0.1:8180/realms/pdx/protocol/openid-connect/token \
  -d grant_type=password -d client_id=pdx-cli -d username=operator-a -d password=pdx-demo \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
query=$(python3 -c 'import urllib.parse; print(urllib.parse.urlencode({"q": "公交", "category": "交通", "openness": "AUTHORIZED_OPERATION"}))')

run() { # label script url
  local line
  line=$(wrk -t2 -c"$connections" -d"${seconds}s" --timeout 5s -s "$2" \
    -H "Authorization: Bearer $token" "$3" | grep '^RESULT')
  printf '%-52s %s\n' "$1" "${line#RESULT }" >&2
  echo "$line"
}
filters=$(python3 -c 'import urllib.parse; print(urllib.parse.urlencode({"category": "交通", "openness": "AUTHORIZED_OPERATION"}))')
echo "operator-a token, $connections connections, ${seconds}s each after ${warmup}s of warm-up, loopback:"
wrk -t2 -c"$connections" -d"${warmup}s" --timeout 5s -s bench/catalog-search-distinct.lua \
  -H "Authorization: Bearer $token" "$api/api/v1/datasets?$filters" >/dev/null
wrk -t2 -c"$connections" -d"${warmup}s" --timeout 5s -s bench/catalog-search.lua \
  -H "Authorization: Bearer $token" "$api/api/v1/datasets?$query" >/dev/null
search=$(run "keyword 公交 + category + openness (the issue's)" bench/catalog-search.lua "$api/api/v1/datasets?$query")
distinct=$(run "same filters, a new keyword every request" bench/catalog-search-distinct.lua "$api/api/v1/datasets?$filters")
python3 - "$search" "$distinct" <<'PY'
import re, sys
def parse(line): return {k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", line)}
s, d = parse(sys.argv[1]), parse(sys.argv[2])
print(f"ratio repeated search / new keyword every request: p95 {s['p95_ms'] / d['p95_ms']:.2f}, rps {s['rps'] / d['rps']:.2f}")
print(f"target p95 <= 30 ms: {'met' if s['p95_ms'] <= 30 else 'NOT met'} ({s['p95_ms']:.1f} ms)")
PY
