#!/usr/bin/env bash
# Whole-process benchmark of zonegraph at 1, 10 and up to MAX_MB MB of text.
#
#   bench/run.sh [MAX_MB]        # 1, 10 or 100 (default 100)
#   QUERY_TIMEOUT=300 bench/run.sh 10   # seconds a saved query may take (60)
#   REUSE=1 SKIP_BUILD=1 bench/run.sh 100   # resume: keep the figures already in bench/.work
#
# Generates deterministic corpora (bench/gencorpus.rs), then measures with
# /usr/bin/time -v and hyperfine: ingest throughput (MB/s, quads/s), peak
# RSS, store size; on the largest store the latency of every saved query,
# the re-ingest of one changed document; extraction with 1 and 2 cores;
# and side by side: `zonegraph extract` + Oxigraph's own bulk loader
# (bench/bulkload.rs, Store::bulk_loader as `oxigraph load` uses it), and
# plain jieba segmentation of the same text (bench/jieba). Prints a table
# and writes bench/results.json. Work files go to bench/.work/.
set -euo pipefail
cd "$(dirname "$0")/.."
MAX="${1:-100}"
case "$MAX" in 1) SIZES="1" ;; 10) SIZES="1 10" ;; *) SIZES="1 10 $MAX" ;; esac
W=bench/.work
mkdir -p "$W" bench/.corpus
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine; }
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time; }

echo "== building (release)" >&2
if [ -z "${SKIP_BUILD:-}" ]; then   # SKIP_BUILD=1: measure the binaries already built
  cargo build --release --quiet --bin zonegraph --example gencorpus --example bulkload --example stages
  (cd bench/jieba && CARGO_TARGET_DIR="$PWD/../../target/jieba" cargo build --release --quiet)
fi
ZG=target/release/zonegraph
GEN=target/release/examples/gencorpus
BULK=target/release/examples/bulkload
STAGES=target/release/examples/stages
SEG=target/jieba/release/segment

# seconds and max RSS (kB) of a command, from /usr/bin/time -v
timed() { # file cmd...
  local out="$1"; shift
  if [ -z "${REUSE:-}" ] || [ ! -s "$out.time" ]; then
    /usr/bin/time -v -o "$out.time" "$@"
  fi
  python3 - "$out.time" <<'EOF'
import re, sys
t = open(sys.argv[1]).read()
m = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", t)
h, mi, s = m.groups()
secs = (int(h) if h else 0) * 3600 + int(mi) * 60 + float(s)
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1))
print(f"{secs} {rss}")
EOF
}

declare -A BYTES INGEST RSS QUADS EXTRACT BULK STORE_MB
for S in $SIZES; do
  C=bench/.corpus/$S
  echo "== $S MB: generating" >&2
  $GEN --mb "$S" --out "$C" >&2
  BYTES[$S]=$(find "$C" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
  [ -n "${REUSE:-}" ] && [ -s "$W/ingest-$S.time" ] || rm -rf "$W/$S.db" "$W/$S-bulk.db" "$W"/*-"$S".time
  echo "== $S MB: ingest" >&2
  read -r t r < <(timed "$W/ingest-$S" $ZG ingest --store "$W/$S.db" "$C" 2>"$W/ingest-$S.log" || true)
  INGEST[$S]=$t; RSS[$S]=$r
  STORE_MB[$S]=$(du -sm "$W/$S.db" | cut -f1)
  echo "== $S MB: extract + bulk load" >&2
  read -r t _ < <(timed "$W/extract-$S" sh -c "$ZG extract $C > $W/$S.nq 2>/dev/null || true")
  EXTRACT[$S]=$t
  QUADS[$S]=$(wc -l < "$W/$S.nq")
  read -r t _ < <(timed "$W/bulk-$S" $BULK "$W/$S-bulk.db" "$W/$S.nq")
  BULK[$S]=$t
  rm -rf "$W/$S-bulk.db"
done
L=${SIZES##* }
C=bench/.corpus/$L
PREV=$(echo $SIZES | awk '{print (NF>1) ? $(NF-1) : $NF}')

# A large ingest leaves the store in many files (one set per bulk-load
# commit); `zonegraph optimize` compacts it, as the ingest's hint suggests.
# Its time is reported apart; the queries and the re-ingest below run on the
# compacted store.
echo "== $L MB: zonegraph optimize" >&2
read -r OPTIMIZE _ < <(timed "$W/optimize-$L" $ZG optimize --store "$W/$L.db")

echo "== extraction with 1 and 2 cores ($L MB)" >&2
reused() { [ -n "${REUSE:-}" ] && [ -s "$1" ]; }
reused "$W/extract1.json" || hyperfine -N -w 1 -r 3 --export-json "$W/extract1.json" \
  "taskset -c 0 $ZG extract $C --format nquads" --output=null >&2
reused "$W/extract2.json" || hyperfine -N -w 1 -r 3 --export-json "$W/extract2.json" \
  "$ZG extract $C --format nquads" --output=null >&2
# The pure stages in process, files read first (bench/stages.rs): issue 5's
# "extraction" (normalize + extract + resolve, no RDF, no output) per core.
reused "$W/stages.txt" || taskset -c 0 $STAGES "$C" 2> "$W/stages.txt"

echo "== jieba segmentation ($L MB, 1 core)" >&2
reused "$W/jieba.txt" || taskset -c 0 $SEG "$C" > "$W/jieba.txt"

echo "== saved queries on the $L MB store" >&2
QUERIES=$($ZG query --list | awk '{print $1}')
QT="${QUERY_TIMEOUT:-60}"
# Queries with a parameter (`--list` shows `--param NAME=…`: a zone, or any
# entity) are run for the zone that the most documents name: the largest
# answer, the worst case.
TOPZONE=$($ZG query --store "$W/$L.db" --format tsv 'PREFIX zg: <https://w3id.org/zonegraph/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
  SELECT ?l WHERE { { SELECT ?z (COUNT(?g) AS ?n) WHERE { GRAPH ?g { ?z a zg:Zone } } GROUP BY ?z ORDER BY DESC(?n) ?z LIMIT 1 }
  ?z rdfs:label ?l FILTER(lang(?l) = "zh") } ORDER BY DESC(STRLEN(?l)) ?l LIMIT 1' | sed -n 2p | sed 's/^"//; s/"@zh$//')
echo "   parameterised queries: --param zone=$TOPZONE" >&2
params_of() { $ZG query --list | awk -v q="$1" -v z="$TOPZONE" '$1 == q { while (match($0, /--param [a-z]+=/)) { print substr($0, RSTART, RLENGTH) z; $0 = substr($0, RSTART + RLENGTH) } }'; }
[ -n "${REUSE:-}" ] || rm -f "$W"/query-*.json "$W"/query-*.timeout
for q in $QUERIES; do
  if reused "$W/query-$q.json" || reused "$W/query-$q.timeout"; then continue; fi
  # A probe first: slow queries get 3 runs, not 20; one that does not answer
  # within QUERY_TIMEOUT seconds (default 60) is recorded as timed out.
  start=$(date +%s%N)
  P=$(params_of "$q")
  timeout "$QT" $ZG query --store "$W/$L.db" --format csv "$q" $P >/dev/null || {
    echo "   $q: failed or timed out after $QT s" >&2; echo "$QT" > "$W/query-$q.timeout"; continue; }
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  if [ "$ms" -gt 2000 ]; then runs=3; warm=0; else runs=20; warm=2; fi
  hyperfine -N -w $warm -r $runs --output=null --export-json "$W/query-$q.json" \
    "$ZG query --store $W/$L.db --format csv $q $P" >/dev/null 2>&1 || echo "query $q failed" >&2
  echo "   $q: ${ms} ms (probe)" >&2
done

echo "== re-ingest of one changed document" >&2
DOC=$(find "$C" -name '*.txt' | sort | sed -n 1p)   # not head: SIGPIPE under pipefail
cp "$DOC" "$W/reingest.orig"
hyperfine -N -w 1 -r 10 --export-json "$W/reingest.json" \
  --prepare "sh -c 'cp $W/reingest.orig $DOC; echo 园区新引进项目\$(date +%N)个。 >> $DOC'" \
  "$ZG ingest --store $W/$L.db $DOC" >&2
cp "$W/reingest.orig" "$DOC"

SCOPED=$(for q in $QUERIES; do [ -n "$(params_of "$q")" ] && printf '%s ' "$q"; done; true)
python3 - "$W" "$SIZES" "$PREV" "$SCOPED" <<EOF
import json, os, platform, re, statistics, subprocess, sys, datetime
W, sizes, prev, scoped = sys.argv[1], sys.argv[2].split(), sys.argv[3], sys.argv[4].split()
B = {$(for S in $SIZES; do printf '"%s": (%s, %s, %s, %s, %s, %s, %s),' $S ${BYTES[$S]} ${INGEST[$S]} ${RSS[$S]} ${QUADS[$S]} ${EXTRACT[$S]} ${BULK[$S]} ${STORE_MB[$S]}; done)}
L = sizes[-1]
def times(f):
    return json.load(open(os.path.join(W, f)))["results"][0]["times"]
def p95(ts):
    ts = sorted(ts)
    return ts[min(len(ts) - 1, int(round(0.95 * (len(ts) - 1))))]
mb = lambda s: B[s][0] / 1e6
e1 = statistics.median(times("extract1.json"))
stage_ms_per_mb = {}
for line in open(os.path.join(W, "stages.txt")):
    m = re.match(r"(\S.*?)\s+[\d.]+ ms\s+([\d.]+) ms/MB\s+([\d.]+) MB/s", line)
    if m:
        stage_ms_per_mb[m.group(1).strip()] = float(m.group(2))
e2 = statistics.median(times("extract2.json"))
jieba = float(open(os.path.join(W, "jieba.txt")).read().split("segmenting ")[1].split(" s")[0])
queries = {}
for f in sorted(os.listdir(W)):
    if f.startswith("query-") and f.endswith(".json"):
        ts = times(f)
        queries[f[6:-5]] = {"median_ms": round(statistics.median(ts) * 1000, 1), "p95_ms": round(p95(ts) * 1000, 1)}
    if f.startswith("query-") and f.endswith(".timeout"):
        limit = float(open(os.path.join(W, f)).read()) * 1000
        queries[f[6:-8]] = {"median_ms": None, "p95_ms": limit, "timed_out_after_ms": limit}
reingest_times = times("reingest.json")
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
runs = {s: {"mb": round(mb(s), 2), "files": None, "ingest_s": B[s][1], "ingest_mb_s": round(mb(s) / B[s][1], 2),
            "quads": B[s][3], "ingest_quads_s": round(B[s][3] / B[s][1]), "peak_rss_mb": round(B[s][2] / 1024, 1),
            "store_mb": B[s][6], "extract_s": B[s][4], "bulkload_s": B[s][5],
            "ingest_vs_bulkload_ratio": round(B[s][1] / (B[s][4] + B[s][5]), 2)} for s in sizes}
res = {
    "extract_mb_s_1core": round(mb(L) / e1, 2),
    "extraction_in_process_mb_s_1core": round(1000 / stage_ms_per_mb["extraction (normalize+extract+resolve)"], 2),
    "stage_ms_per_mb": stage_ms_per_mb,
    "extract_mb_s_2core": round(mb(L) / e2, 2),
    "extract_2core_speedup": round(e1 / e2, 2),
    "ingest_vs_bulkload_ratio": runs[L]["ingest_vs_bulkload_ratio"],
    "peak_rss_mb": runs[L]["peak_rss_mb"],
    "growth_100_vs_10": round(B[L][1] / B[prev][1], 2),
    "growth_sizes": [prev, L],
    "query_p95_ms_max": max(q["p95_ms"] for q in queries.values()),
    # Queries about one entity (--param), run for the most-named zone.
    "scoped_query_p95_ms_max": max((q["p95_ms"] for n, q in queries.items() if n in scoped), default=None),
    "listing_query_p95_ms_max": max((q["p95_ms"] for n, q in queries.items() if n not in scoped), default=None),
    "optimize_s": $OPTIMIZE,
    "reingest_ms": round(statistics.median(reingest_times) * 1000, 1),
    "reingest_p95_ms": round(p95(reingest_times) * 1000, 1),
    "jieba_ratio": round(e1 / jieba, 2),
    "jieba_mb_s_1core": round(mb(L) / jieba, 2),
    "sizes_mb": [float(s) for s in sizes],
    "runs": runs,
    "queries": queries,
    "machine": {"nproc": os.cpu_count(), "cpu": cpu,
                "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")},
    "command": "bench/run.sh " + L,
}
json.dump(res, open("bench/results.json", "w"), ensure_ascii=False, indent=2)
print(f"\nzonegraph benchmark, {res['machine']['cpu']}, {res['machine']['nproc']} cores, {res['machine']['date']}\n")
print("| text | ingest | MB/s | quads | quads/s | peak RSS | store | extract + bulk load | ingest / that |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for s in sizes:
    r = runs[s]
    print(f"| {r['mb']} MB | {r['ingest_s']:.2f} s | {r['ingest_mb_s']} | {r['quads']} | {r['ingest_quads_s']} | "
          f"{r['peak_rss_mb']} MB | {r['store_mb']} MB | {r['extract_s']:.2f} + {r['bulkload_s']:.2f} s | {r['ingest_vs_bulkload_ratio']} |")
print()
print("| figure | value | target |")
print("|---|---:|---|")
for k, target in [("extract_mb_s_1core", ">= 20"), ("extraction_in_process_mb_s_1core", ">= 20 (normalize+extract+resolve only)"), ("extract_mb_s_2core", ">= 1.7x 1-core"), ("extract_2core_speedup", ">= 1.7"),
                  ("ingest_vs_bulkload_ratio", "<= 1.2"), ("peak_rss_mb", "<= 500 at 100 MB"),
                  ("growth_100_vs_10", f"<= 11 ({prev} -> {L} MB)"), ("query_p95_ms_max", "<= 100"), ("scoped_query_p95_ms_max", "<= 100"), ("listing_query_p95_ms_max", "<= 100"),
                  ("optimize_s", "(compaction after ingest, before queries)"), ("reingest_ms", "<= 100"), ("jieba_ratio", "(extraction time / segmentation time)")]:
    print(f"| {k} | {res[k]} | {target} |")
print()
print("| saved query | median ms | p95 ms |")
print("|---|---:|---:|")
for q, v in queries.items():
    if v.get("timed_out_after_ms"):
        print(f"| {q} | > {v['timed_out_after_ms']:.0f} (timed out) | > {v['timed_out_after_ms']:.0f} |")
    else:
        print(f"| {q} | {v['median_ms']} | {v['p95_ms']} |")
EOF
