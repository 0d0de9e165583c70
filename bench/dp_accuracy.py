#!/usr/bin/env python3
"""PDX's differentially private aggregation against OpenDP's Polars API, side by side. Run by bench/dp-accuracy.sh.

Both sides get the same Parquet file, ε, δ, contribution bounds (R rows and G groups per person, from the
policy data of grade IMPORTANT in OPA) and clamping bounds (from the data manifest). OpenDP is configured as:
  - privacy unit: one person_id (dp.unit_of(contributions=1, identifier="person_id")), privacy loss
    dp.loss_of(epsilon=ε, delta=δ), one query per Context (split_evenly_over=1), and a margin
    Margin(by=[], max_length=10**8): a loose public bound OpenDP needs for its integer-sum overflow check;
  - truncation by OpenDP itself, on the identifier: at most G groups per person, chosen at random per person
    and per run as PDX does, by the expression `rank("dense") of struct(__gr, group keys) over person_id <= G`,
    where __gr is a per-row hash of (person_id, group keys) with a seed drawn per run; then at most R rows per
    person chosen at random (truncate_per_group(R)); for COUNT(DISTINCT person_id), one row per person and
    group (truncate_per_group(1, by=[key])) and dp.len.
    Why not OpenDP's truncate_num_groups: its "first" ranks the group keys in their own order, the same for
    every person, so the whole cut of G lands on the last keys (chapters M, N, O lose everything, C..K
    nothing) and a median over the groups does not see it; its "sample" ranks a hash of the key alone (the
    same order for every person again) and fails on Polars 1.36.1 with a duplicate struct field. And
    OpenDP 0.16.0 accounts a dense rank as if it started at 0 while Polars' starts at 1: `rank < G` (what
    truncate_num_groups writes) keeps G - 1 groups and is accounted as G; `rank <= G` (written here) keeps
    G groups, the bound PDX applies, and is accounted as G + 1 (OpenDP's count noise is scaled for G + 1
    groups: conservative, a little more noise than needed);
  - the data it reads is the Parquet scan plus per-row columns its expression set lacks (no str.slice,
    no round, no hash of the identifier): chapter = first letter of diagnosis_code, total_cents =
    round(total_amount x 100) (the 0.01 grid of PDX), and __gr (above). A per-row map of each row alone
    changes no accounting;
  - clamping: dp.sum and dp.mean of total_cents on the declared bounds in cents;
  - partition selection: OpenDP's own threshold on a noisy dp.len in each query (its δ goes there);
  - noise and the ε split: OpenDP's (Context resolves one global scale: every noisy quantity gets an equal
    share of ε, integer Laplace), resolved once per query; each run invokes the resolved measurement.
PDX runs each query through sandbox-runner's internal API (POST run, GET result as Arrow) with ε in micros.
"""
import io, json, math, os, statistics, sys, time, urllib.parse, uuid

import duckdb
from importlib.metadata import version
import opendp.prelude as dp
import polars as pl
import pyarrow.ipc as ipc

from pdx_http import call

dp.enable_features("contrib")

RUNNER = os.environ["BENCH_RUNNER_URL"]
SECRET = os.environ["BENCH_RUNNER_SECRET"]
DATA = os.environ["BENCH_DATA_DIR"]
OPA = os.environ.get("PDX_OPA_URL", "http://127.0.0.1:8181")
RUNS = int(os.environ.get("BENCH_RUNS", "200"))
WARMUP = int(os.environ.get("BENCH_WARMUP_RUNS", "3"))
BARE_ROUNDS = int(os.environ.get("BENCH_BARE_ROUNDS", "9"))
MAX_SECONDS = float(os.environ.get("BENCH_MAX_MINUTES", "60")) * 60
THREADS = int(os.environ.get("PDX_SANDBOX_THREADS", "2"))
EPSILON = 1.0
GRADE = "IMPORTANT"
TABLE = "medical_insurance_claims"
ENTITY = "person_id"
MAX_LENGTH = 10 ** 8  # OpenDP's public bound on rows per group (integer sums): loose, not from the data

QUERIES = [
    {"name": "1 claims by district",
     "sql": f"SELECT district_code, count(*) AS claims FROM {TABLE} GROUP BY district_code",
     "keys": ["district_code"], "values": {"claims": "COUNT"}},
    {"name": "2 amount by district, age band",
     "sql": f"SELECT district_code, floor(age / 10) AS age_band, sum(total_amount) AS total, avg(total_amount) AS mean"
            f" FROM {TABLE} GROUP BY district_code, floor(age / 10)",
     "keys": ["district_code", "age_band"], "values": {"total": "SUM", "mean": "AVG"}},
    {"name": "3 persons by diagnosis chapter",
     "sql": f"SELECT substr(diagnosis_code, 1, 1) AS chapter, count(DISTINCT person_id) AS persons"
            f" FROM {TABLE} GROUP BY substr(diagnosis_code, 1, 1)",
     "keys": ["chapter"], "values": {"persons": "COUNT_DISTINCT"}, "group_columns": ["diagnosis_code"]},
]


def median(values):
    return statistics.median(values) if values else float("nan")


def p90(values):
    return statistics.quantiles(values, n=10)[-1] if len(values) > 1 else float("nan")


def policy():
    status, body = call("GET", f"{OPA}/v1/data/pdx/config/grades/{GRADE}/sandbox")
    assert status == 200 and "result" in body, body
    p = body["result"]
    assert p["epsilon_min"] <= EPSILON <= p["epsilon_max"], p
    return p


def dataset():
    manifest = json.load(open(os.path.join(DATA, "manifest.json")))
    entry = next(d for d in manifest["datasets"] if d["file"] == TABLE + ".parquet")
    return manifest, entry


# ------------------------------------------------------------------ PDX
def pdx_run(spec, datasets):
    """One job: (seconds, {key: {value: float}}, schema metadata). Fresh job id, fresh noise."""
    job = str(uuid.uuid4())
    started = time.perf_counter()
    status, summary = call("POST", f"{RUNNER}/internal/v1/jobs/{job}/run",
                           {"jobId": job, "sql": spec["sql"], "datasets": datasets,
                            "epsilonMicros": round(EPSILON * 1_000_000)}, SECRET)
    if status != 200:
        return None, summary, None
    status, body = call("GET", f"{RUNNER}/internal/v1/jobs/{job}/result", token=SECRET, raw=True)
    assert status == 200, body
    table = ipc.open_stream(io.BytesIO(body)).read_all()
    seconds = time.perf_counter() - started
    call("DELETE", f"{RUNNER}/internal/v1/jobs/{job}", token=SECRET)
    rows = {}
    for row in table.to_pylist():
        rows[key_of(row, spec["keys"])] = {name: float(row[name]) for name in spec["values"]}
    return seconds, rows, table.schema.metadata or {}


def pdx_datasets(spec, entry, note):
    """The dataset as marketplace-api would hand it over; re-tagged only where the policy refuses the query."""
    columns = entry["columns"]
    datasets = [{"alias": TABLE, "grade": GRADE, "entityColumn": ENTITY, "columns": columns}]
    seconds, rows, _ = pdx_run(spec, datasets)
    if seconds is None and "column_use_not_allowed" in json.dumps(rows) and spec.get("group_columns"):
        retag = {c: "ATTRIBUTE" for c in spec["group_columns"]}
        tags = {c["name"]: c["tag"] for c in columns}
        refused = ", ".join(f"{c} ({tags[c]})" for c in retag)
        note.append(f"query {spec['name'][0]}: PDX refuses it as licensed (grade {GRADE} allows no GROUP BY on "
                    f"{refused}); to measure the mechanism the bench sends {', '.join(retag)} tagged ATTRIBUTE")
        columns = [dict(c, tag=retag[c["name"]]) if c["name"] in retag else c for c in columns]
        datasets = [{"alias": TABLE, "grade": GRADE, "entityColumn": ENTITY, "columns": columns}]
        seconds, rows, _ = pdx_run(spec, datasets)
    assert seconds is not None, rows
    return datasets


def pdx_scales(spec, p, bounds):
    """The noise scales PDX's documented mechanism uses, in units of the released values."""
    r, g = p["max_rows_per_entity"], p["max_groups_per_entity"]
    shares = 1 + sum(2 if a == "AVG" else 1 for a in spec["values"].values())
    share = EPSILON / shares
    parts = [f"ε/{shares} each", f"selection {min(g, r) / share:g}"]
    lo, hi = bounds
    for name, aggregate in spec["values"].items():
        if aggregate == "COUNT":
            parts.append(f"{name} {r / share:g}")
        elif aggregate == "COUNT_DISTINCT":
            parts.append(f"{name} {min(g, r) / share:g}")
        elif aggregate == "SUM":
            parts.append(f"{name} {r * max(abs(lo), abs(hi)) / share:g}")
        elif aggregate == "AVG":
            parts.append(f"{name} sum {r * (hi - lo) / 2 / share:g} (centred) / count {r / share:g}")
    return ", ".join(parts)


# ------------------------------------------------------------------ OpenDP
KEY_EXPRESSIONS = {"age_band": pl.col("age") // 10, "chapter": pl.col("diagnosis_code").str.slice(0, 1)}


def opendp_frame(parquet, grid, keys, seed):
    """The data OpenDP reads: per-row columns only. __gr orders each person's groups at random (seed per run)."""
    group_keys = [KEY_EXPRESSIONS.get(k, pl.col(k)).alias(k) for k in keys]
    return pl.scan_parquet(parquet).with_columns(
        chapter=KEY_EXPRESSIONS["chapter"],
        total_cents=(pl.col("total_amount") / grid).round(0).cast(pl.Int64),
        __gr=pl.struct(pl.col(ENTITY), *group_keys).hash(seed))


def fresh_seed():
    return int.from_bytes(os.urandom(8), "little")


def opendp_query(spec, data, p, bounds_units):
    r, g = p["max_rows_per_entity"], p["max_groups_per_entity"]
    context = dp.Context.compositor(
        data=data, privacy_unit=dp.unit_of(contributions=1, identifier=ENTITY),
        privacy_loss=dp.loss_of(epsilon=EPSILON, delta=p["delta_per_query"]), split_evenly_over=1,
        margins=[dp.polars.Margin(by=[], max_length=MAX_LENGTH)])
    query = context.query()
    keys = spec["keys"]
    if "age_band" in keys:
        query = query.with_columns(age_band=pl.col("age") // 10)
    # G groups per person chosen at random per person (PDX: dense_rank over a hash of entity, keys and a seed).
    # OpenDP accounts this filter as G + 1 groups (it takes the dense rank to start at 0; Polars' starts at 1).
    groups = pl.struct("__gr", *keys).rank("dense").over(ENTITY)
    query = query.filter(groups <= g)
    if "COUNT_DISTINCT" in spec["values"].values():
        query = query.truncate_per_group(1, by=keys)
    else:
        query = query.truncate_per_group(r)
    lo, hi = bounds_units
    aggregates = [dp.len(signed=True).alias("__len")]  # the count OpenDP thresholds to release a group
    for name, aggregate in spec["values"].items():
        if aggregate in ("COUNT", "COUNT_DISTINCT"):
            aggregates = [dp.len(signed=True).alias(name)]  # one noisy count: released and thresholded
        elif aggregate == "SUM":
            aggregates.append(pl.col("total_cents").dp.sum((lo, hi)).alias(name))
        elif aggregate == "AVG":
            aggregates.append(pl.col("total_cents").dp.mean((lo, hi)).alias(name))
    return query.group_by(*keys).agg(*aggregates)


def opendp_run(spec, measurement, parquet, grid):
    data = opendp_frame(parquet, grid, spec["keys"], fresh_seed())  # a lazy scan: built outside the timing
    started = time.perf_counter()
    frame = measurement(data).collect()
    seconds = time.perf_counter() - started
    rows = {}
    for row in frame.to_dicts():
        rows[key_of(row, spec["keys"])] = {
            name: float(row[name]) * (grid if aggregate in ("SUM", "AVG") else 1)
            for name, aggregate in spec["values"].items()}
    return seconds, rows


def opendp_scales(summary):
    parts = []
    threshold = None
    for row in summary.to_dicts():
        parts.append(f"{row['column']} {row['aggregate'].lower()} {row['scale']:.4g}")
        threshold = row.get("threshold") or threshold
    return ", ".join(parts) + (f"; threshold {threshold} on the noisy count" if threshold else "")


# ------------------------------------------------------------------ DuckDB
def bare(spec, parquet):
    started = time.perf_counter()
    connection = duckdb.connect()
    connection.execute(f"SET threads = {THREADS}")
    table = connection.execute(spec["sql"].replace(f"FROM {TABLE}", f"FROM read_parquet('{parquet}')")).fetch_arrow_table()
    connection.close()
    return time.perf_counter() - started, table


def key_of(row, keys):
    out = []
    for k in keys:
        v = row[k]
        out.append(int(v) if isinstance(v, float) and v.is_integer() else v)
    return tuple(out)


def errors(released, exact, other, values, into, spread):
    """Adds the errors of the groups released here, by the other system in the same round and in the exact answer."""
    for key, got in released.items():
        if key in other and key in exact:
            for name in values:
                into[name].append(got[name] - exact[key][name])
                spread.setdefault((name, key), []).append(got[name])


def spread_of(spread, name):
    """Median |released - the group's median released value| over runs x groups: the noise (and the randomness of
    truncation) without the bias that truncation and clamping add to every run alike."""
    return median([abs(v - median(values)) for (n, _), values in spread.items() if n == name and len(values) > 1
                   for v in values])


def worst_bias(spread, exact, name):
    """The largest |median released - exact| of one group: a cut that lands on a few groups only (a median over
    all the groups can miss it)."""
    return max([abs(median(values) - exact[key][n]) for (n, key), values in spread.items() if n == name], default=float("nan"))


def main():
    p = policy()
    manifest, entry = dataset()
    parquet = os.path.abspath(os.path.join(DATA, entry["file"]))
    total = next(c for c in entry["columns"] if c["name"] == "total_amount")
    bounds, grid = (float(total["lower"]), float(total["upper"])), float(total["granularity"])
    bounds_units = (round(bounds[0] / grid), round(bounds[1] / grid))
    persons = duckdb.sql(f"SELECT count(DISTINCT {ENTITY}) FROM read_parquet('{parquet}')").fetchone()[0]
    notes = []
    deadline = time.monotonic() + MAX_SECONDS
    results = []
    for index, spec in enumerate(QUERIES):
        seconds, exact_table = bare(spec, parquet)
        exact = {key_of(row, spec["keys"]): {n: float(row[n]) for n in spec["values"]} for row in exact_table.to_pylist()}
        datasets = pdx_datasets(spec, entry, notes)
        started = time.perf_counter()
        query = opendp_query(spec, opendp_frame(parquet, grid, spec["keys"], fresh_seed()), p, bounds_units)
        measurement = query.resolve()
        plan_seconds = time.perf_counter() - started
        odp_scales = opendp_scales(query.summarize())
        for _ in range(WARMUP):
            pdx_run(spec, datasets)
            opendp_run(spec, measurement, parquet, grid)
        bare(spec, parquet)
        stop_at = time.monotonic() + (deadline - time.monotonic()) / (len(QUERIES) - index)
        pdx_times, odp_times, bare_times = [], [], []
        pdx_errors = {n: [] for n in spec["values"]}
        odp_errors = {n: [] for n in spec["values"]}
        pdx_groups, odp_groups, both_groups = [], [], []
        pdx_spread, odp_spread = {}, {}
        threshold = None
        every = max(1, RUNS // max(1, BARE_ROUNDS))
        runs = 0
        for i in range(RUNS):
            if time.monotonic() > stop_at:
                notes.append(f"query {spec['name'][0]}: stopped after {runs} runs (BENCH_MAX_MINUTES)")
                break
            if i % 2 == 0:
                pdx_seconds, pdx_rows, metadata = pdx_run(spec, datasets)
                odp_seconds, odp_rows = opendp_run(spec, measurement, parquet, grid)
            else:
                odp_seconds, odp_rows = opendp_run(spec, measurement, parquet, grid)
                pdx_seconds, pdx_rows, metadata = pdx_run(spec, datasets)
            assert pdx_seconds is not None, pdx_rows
            threshold = metadata.get(b"pdx.group_threshold", b"?").decode()
            pdx_times.append(pdx_seconds)
            odp_times.append(odp_seconds)
            pdx_groups.append(len(pdx_rows))
            odp_groups.append(len(odp_rows))
            both_groups.append(len(set(pdx_rows) & set(odp_rows) & set(exact)))
            errors(pdx_rows, exact, odp_rows, spec["values"], pdx_errors, pdx_spread)
            errors(odp_rows, exact, pdx_rows, spec["values"], odp_errors, odp_spread)
            if i % every == every - 1 and len(bare_times) < BARE_ROUNDS:
                bare_times.append(bare(spec, parquet)[0])
            runs += 1
        while len(bare_times) < BARE_ROUNDS:
            bare_times.append(bare(spec, parquet)[0])
        results.append({"spec": spec, "runs": runs, "exact_groups": len(exact), "pdx_groups": pdx_groups,
                        "odp_groups": odp_groups, "both_groups": both_groups, "pdx_errors": pdx_errors,
                        "odp_errors": odp_errors, "pdx_spread": pdx_spread, "odp_spread": odp_spread, "exact": exact, "pdx_time": median(pdx_times), "odp_time": median(odp_times),
                        "bare_time": median(bare_times), "plan": plan_seconds, "threshold": threshold,
                        "pdx_scales": pdx_scales(spec, p, bounds), "odp_scales": odp_scales})
        print(f"  [{spec['name']}: {runs} runs done]", file=sys.stderr, flush=True)

    print(f"DP accuracy and speed: PDX sandbox-runner vs OpenDP {version('opendp')} (Polars {pl.__version__}) on "
          f"{entry['file']} ({entry['rowCount']:,} claims, {persons:,} persons, scale {manifest['scale']})")
    print(f"ε = {EPSILON:g} per query, δ = {p['delta_per_query']:g}, at most R = {p['max_rows_per_entity']} rows and "
          f"G = {p['max_groups_per_entity']} groups per person, total_amount clamped to [{bounds[0]:g}, {bounds[1]:g}] "
          f"on grid {grid:g}; PDX k = {p['k']}")
    print(f"exact answers: DuckDB {duckdb.__version__}, unbounded and unclamped; errors over the runs x the groups "
          f"both released in the same round; runs alternate PDX / OpenDP\n")
    print(f"{'query':32} {'value':8} {'runs':>4} {'groups PDX/ODP/both/exact':>26} {'PDX MAE':>11} {'ODP MAE':>11} "
          f"{'PDX/ODP':>8} {'PDX p90':>10} {'ODP p90':>10} {'PDX bias':>10} {'ODP bias':>10} {'PDX spread':>10} {'ODP spread':>10} {'PDX worst':>10} {'ODP worst':>10}")
    for r in results:
        for n, name in enumerate(r["spec"]["values"]):
            pdx_mae = median([abs(e) for e in r["pdx_errors"][name]])
            odp_mae = median([abs(e) for e in r["odp_errors"][name]])
            groups = (f"{statistics.fmean(r['pdx_groups']):.1f}/{statistics.fmean(r['odp_groups']):.1f}/"
                      f"{statistics.fmean(r['both_groups']):.1f}/{r['exact_groups']}") if r["runs"] else "-"
            print(f"{r['spec']['name'] if n == 0 else '':32} {name:8} {r['runs'] if n == 0 else '':>4} "
                  f"{groups if n == 0 else '':>26} {pdx_mae:11.2f} {odp_mae:11.2f} {pdx_mae / odp_mae if odp_mae else float('nan'):8.2f} "
                  f"{p90([abs(e) for e in r['pdx_errors'][name]]):10.2f} {p90([abs(e) for e in r['odp_errors'][name]]):10.2f} "
                  f"{median(r['pdx_errors'][name]):10.2f} {median(r['odp_errors'][name]):10.2f} "
                  f"{spread_of(r['pdx_spread'], name):10.2f} {spread_of(r['odp_spread'], name):10.2f} "
                  f"{worst_bias(r['pdx_spread'], r['exact'], name):10.2f} {worst_bias(r['odp_spread'], r['exact'], name):10.2f}")
    print("target: PDX/ODP <= 1.1 (MAE: median |released - exact|; p90: its 90th percentile; bias: median of released - exact, mostly the cut of "
          "R and G;\n  spread: median |released - that group's median released|, the noise without the bias; worst: the largest "
          "|median released - exact| of one group)\n")
    print(f"{'query':32} {'PDX job':>9} {'ODP run':>9} {'PDX/ODP':>8} {'ODP plan':>9} {'DuckDB':>9} {'PDX/DuckDB':>11}")
    for r in results:
        print(f"{r['spec']['name']:32} {r['pdx_time'] * 1000:7.0f}ms {r['odp_time'] * 1000:7.0f}ms "
              f"{r['pdx_time'] / r['odp_time']:8.2f} {r['plan'] * 1000:7.0f}ms {r['bare_time'] * 1000:7.0f}ms "
              f"{r['pdx_time'] / r['bare_time']:11.2f}")
    print("targets: PDX faster than OpenDP; PDX/DuckDB <= 2. Medians per run (PDX job: POST run + GET result + "
          "Arrow read; ODP run: one invocation of the resolved measurement, collected; ODP plan: Context query "
          f"resolved once; DuckDB: unbounded aggregate, fresh connection, threads={THREADS}, median of {BARE_ROUNDS})\n")
    print("noise scales (discrete / integer Laplace, released units):")
    for r in results:
        print(f"  {r['spec']['name']}: PDX {r['pdx_scales']}; threshold τ {r['threshold']} on the noisy distinct persons")
        print(f"  {' ' * len(r['spec']['name'])}  OpenDP {r['odp_scales']} (sum and mean in cents)")
    for note in notes:
        print("note: " + note)


if __name__ == "__main__":
    main()
