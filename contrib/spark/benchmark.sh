#!/usr/bin/env bash
# Times the Adult audit (Benchmarks/adult-audit.yaml) on one machine and on Spark local[2],
# median of RUNS runs each, and reports Spark's fixed start-up cost (a session that counts a
# one-row frame) and the size of partial evidence; with MILLION=1, also the size of the
# partial evidence of 1,000,000 rows resampled (with fresh ids) from Adult and from German
# credit, each under its own manifest. Release build and the virtual environment of
# ci-test.sh first:
#   swift build -c release && FAIRGATE_SPARK_VENV=/tmp/fairgate-spark-venv contrib/spark/benchmark.sh
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
venv=${FAIRGATE_SPARK_VENV:-/tmp/fairgate-spark-venv}
binary=${FAIRGATE_BINARY:-$repo/.build/release/fairgate}
runs=${RUNS:-3}
manifest=$repo/Benchmarks/adult-audit.yaml
data=$repo/fixtures/data/adult/adult.csv
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PATH="$venv/bin:$PATH" SOURCE_DATE_EPOCH=1764806400

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s.%N); echo "$end - $start" | bc; }

single() { "$binary" audit "$manifest" --as-of 2026-12-03 --format json --out "$work/single" --threads 2; }
pieces() {
  "$binary" evidence partial "$manifest" --partition-id all --out "$work/all.json" --threads 2
  "$binary" evidence merge "$work/all.json" --out "$work/merged.json"
  "$binary" audit "$manifest" --evidence "$work/merged.json" --as-of 2026-12-03 --format json --out "$work/pieces"
}
spark() {
  spark-submit --master 'local[2]' --conf spark.ui.enabled=false \
    "$repo/contrib/spark/fairgate_spark.py" --fairgate "$binary" --manifest "$manifest" \
    --data "$data" --partitions "$1" --out "$work/spark-$1" --as-of 2026-12-03
}
startup() {
  python3 - <<'PY'
from pyspark.sql import SparkSession
spark = SparkSession.builder.master("local[2]").config("spark.ui.enabled", "false").getOrCreate()
spark.createDataFrame([(1,)], ["x"]).count()
spark.stop()
PY
}

report() { printf '%-44s %8.2f s (median of %d)\n' "$1" "$2" "$runs"; }
report "single machine: fairgate audit" "$(for _ in $(seq "$runs"); do seconds single; done | median)"
report "one machine, partial + merge + audit --evidence" "$(for _ in $(seq "$runs"); do seconds pieces; done | median)"
report "Spark start-up (session, one-row count, stop)" "$(for _ in $(seq "$runs"); do seconds startup; done | median)"
for partitions in 2 4; do
  report "Spark local[2], $partitions partitions (launcher)" \
    "$(for _ in $(seq "$runs"); do seconds spark "$partitions"; done | median)"
done
rows=$(($(wc -l <"$data") - 1))
bytes=$(wc -c <"$work/all.json")
echo "partial evidence of the Adult manifest: $bytes bytes for $rows rows"

# Partial evidence of 1,000,000 rows drawn with replacement from DATA (fresh ids in column
# ID, so every row is distinct), under MANIFEST; prints its size, time and peak memory.
million() {
  local name=$1 manifest=$2 data=$3 id=$4
  python3 - "$data" "$id" "$work/$name-1m.csv" <<'PY'
import csv, random, sys
source, id_column, target = sys.argv[1:4]
with open(source, newline="") as file:
    rows = list(csv.DictReader(file))
random.seed(20261204)
with open(target, "w", newline="") as file:
    writer = csv.DictWriter(file, fieldnames=list(rows[0].keys()))
    writer.writeheader()
    for index in range(1_000_000):
        row = dict(random.choice(rows))
        row[id_column] = str(index + 1)
        writer.writerow(row)
PY
  /usr/bin/time -f "%e s, %M KB peak" -o "$work/$name-1m.time" \
    "$binary" evidence partial "$manifest" --partition-id all --input "$work/$name-1m.csv" \
    --out "$work/$name-1m.json" --threads 2 >/dev/null 2>&1
  echo "partial evidence of 1,000,000 rows ($name manifest): $(wc -c <"$work/$name-1m.json") bytes," \
    "$(cat "$work/$name-1m.time")"
}
if [ "${MILLION:-0}" = 1 ]; then
  million adult "$manifest" "$data" person_id
  million credit "$repo/fixtures/german-credit/audit.yaml" \
    "$repo/fixtures/data/german-credit/german-credit.csv" applicant_id
fi
