#!/usr/bin/env bash
# The Spark integration test, run by .ci/run: the launcher on local[2] with 4 partitions over
# the hiring demo audit (one pass: its background is a file), the loss demo audit (two
# passes: its background is sampled from the data) and the German credit demo audit (two
# passes: its ECOA adverse-action reasons are measured against backgrounds drawn from all
# applicants), each compared with the single-machine audit of the same manifest. The two findings documents must be identical but for the
# data's digest (on Spark, a digest of the partitions' digests) and the list of partitions.
#
# Needs: Java 17+, python3 with venv, network access to PyPI the first time, and the release
# build of fairgate (.build/release/fairgate). The virtual environment lives outside the
# repository ($FAIRGATE_SPARK_VENV, default /tmp/fairgate-spark-venv) and is reused.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
venv=${FAIRGATE_SPARK_VENV:-/tmp/fairgate-spark-venv}
binary=${FAIRGATE_BINARY:-$repo/.build/release/fairgate}
started=$(date +%s)

if [ ! -x "$venv/bin/spark-submit" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet -r "$repo/contrib/spark/requirements.txt"
fi
installed=$(date +%s)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1764806400

# Audits MANIFEST over DATA on one machine and on Spark, and compares the findings.
check() {
  local name=$1 manifest=$2 data=$3 status=0
  "$binary" audit "$manifest" --as-of 2026-12-03 --format json --out "$work/$name-single" \
    >/dev/null 2>"$work/$name-single.log" || status=$?
  if [ "$status" -gt 1 ]; then
    cat "$work/$name-single.log" >&2
    echo "ERROR: the single-machine audit of $name exited with $status" >&2
    exit 1
  fi
  status=0
  PATH="$venv/bin:$PATH" spark-submit --master 'local[2]' \
    --conf spark.ui.enabled=false --conf spark.log.level=WARN \
    "$repo/contrib/spark/fairgate_spark.py" --fairgate "$binary" --manifest "$manifest" \
    --data "$data" --partitions 4 --out "$work/$name-spark" --as-of 2026-12-03 --format json \
    >"$work/$name-spark.log" 2>&1 || status=$?
  if [ "$status" -gt 1 ] || [ ! -f "$work/$name-spark/findings.json" ]; then
    tail -40 "$work/$name-spark.log" >&2
    echo "ERROR: the Spark audit of $name exited with $status" >&2
    exit 1
  fi
  python3 - "$name" "$work/$name-single/findings.json" "$work/$name-spark/findings.json" <<'PY'
import json
import sys

name = sys.argv[1]
single, spark = (json.load(open(path)) for path in sys.argv[2:4])
partitions = spark["provenance"].pop("partitions", [])
if len(partitions) != 4:
    sys.exit("ERROR: the Spark audit of %s merged %d partitions, not 4" % (name, len(partitions)))
for document in (single, spark):
    document["provenance"]["data"].pop("sha256")
left, right = (json.dumps(d, sort_keys=True, ensure_ascii=False) for d in (single, spark))
if left != right:
    for key in single:
        if single[key] != spark.get(key):
            print("differs:", key, file=sys.stderr)
    sys.exit("ERROR: the Spark audit's findings of %s differ from the single-machine audit's"
             % name)
unavailable = spark.get("evidence", {}).get("unavailable", [])
print("spark: %s: findings of 4 partitions on local[2] equal the single-machine audit's "
      "(%d findings; %d kinds of evidence unavailable)"
      % (name, len(single["findings"]), len(unavailable)))
PY
  grep "fairgate-spark:" "$work/$name-spark.log" | sed "s/^/$name: /" || true
}

check hiring "$repo/fixtures/hiring/audit.yaml" "$repo/fixtures/hiring/hiring.csv"
installed_check=$(date +%s)
check loss "$repo/fixtures/loss/audit.yaml" "$repo/fixtures/loss/credit.csv"
if [ ! -d "$work/loss-spark/samples" ]; then
  echo "ERROR: the loss audit on Spark drew no background sample" >&2
  exit 1
fi
loss_check=$(date +%s)
check credit "$repo/fixtures/german-credit/audit.yaml" \
  "$repo/fixtures/data/german-credit/german-credit.csv"
if ! grep -q '"reasons"' "$work/credit-spark/findings.json"; then
  echo "ERROR: the credit audit on Spark has no adverse-action reasons" >&2
  exit 1
fi
finished=$(date +%s)
echo "spark: environment $((installed - started)) s, hiring $((installed_check - installed)) s," \
  "loss $((loss_check - installed_check)) s, credit $((finished - loss_check)) s"
