#!/usr/bin/env bash
# The Spark integration test, run by .ci/run: the launcher on local[2] with 4 partitions over
# the hiring demo audit, compared with the single-machine audit of the same manifest. The two
# findings documents must be identical but for the data's digest (on Spark, a digest of the
# partitions' digests) and the list of partitions.
#
# Needs: Java 17+, python3 with venv, network access to PyPI the first time, and the release
# build of fairgate (.build/release/fairgate). The virtual environment lives outside the
# repository ($FAIRGATE_SPARK_VENV, default /tmp/fairgate-spark-venv) and is reused.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
venv=${FAIRGATE_SPARK_VENV:-/tmp/fairgate-spark-venv}
binary=${FAIRGATE_BINARY:-$repo/.build/release/fairgate}
manifest=$repo/fixtures/hiring/audit.yaml
data=$repo/fixtures/hiring/hiring.csv
started=$(date +%s)

if [ ! -x "$venv/bin/spark-submit" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet -r "$repo/contrib/spark/requirements.txt"
fi
installed=$(date +%s)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1764806400

status=0
"$binary" audit "$manifest" --as-of 2026-12-03 --format json --out "$work/single" \
  >/dev/null 2>"$work/single.log" || status=$?
if [ "$status" -gt 1 ]; then
  cat "$work/single.log" >&2
  echo "ERROR: the single-machine audit exited with $status" >&2
  exit 1
fi

status=0
PATH="$venv/bin:$PATH" spark-submit --master 'local[2]' \
  --conf spark.ui.enabled=false --conf spark.log.level=WARN \
  "$repo/contrib/spark/fairgate_spark.py" --fairgate "$binary" --manifest "$manifest" \
  --data "$data" --partitions 4 --out "$work/spark" --as-of 2026-12-03 --format json \
  >"$work/spark.log" 2>&1 || status=$?
if [ "$status" -gt 1 ] || [ ! -f "$work/spark/findings.json" ]; then
  tail -40 "$work/spark.log" >&2
  echo "ERROR: the Spark audit exited with $status" >&2
  exit 1
fi
finished=$(date +%s)

python3 - "$work/single/findings.json" "$work/spark/findings.json" <<'PY'
import json
import sys

single, spark = (json.load(open(path)) for path in sys.argv[1:3])
partitions = spark["provenance"].pop("partitions", [])
if len(partitions) != 4:
    sys.exit("ERROR: the Spark audit merged %d partitions, not 4" % len(partitions))
for document in (single, spark):
    document["provenance"]["data"].pop("sha256")
left, right = (json.dumps(d, sort_keys=True, ensure_ascii=False) for d in (single, spark))
if left != right:
    for key in single:
        if single[key] != spark.get(key):
            print("differs:", key, file=sys.stderr)
    sys.exit("ERROR: the Spark audit's findings differ from the single-machine audit's")
print("spark: findings of 4 partitions on local[2] equal the single-machine audit's "
      "(%d findings)" % len(single["findings"]))
PY
grep "fairgate-spark:" "$work/spark.log" || true
echo "spark: environment $((installed - started)) s, audits $((finished - installed)) s"
