#!/usr/bin/env bash
# Writes the seed corpus and dictionary of fuzz-partial-evidence: small partial evidence of
# the demo audits (40 rows each, 10 bootstrap replicates, so that a seed stays under the
# fuzzer's 256 KB input limit), a merge of two, evidence samples (a background, value maps,
# the adverse-action reasons' backgrounds), a partial tallied with one, and documents of other
# formats; the dictionary holds every key they use. Needs a release build of fairgate.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
binary=${FAIRGATE_BINARY:-$repo/.build/release/fairgate}
corpus=$here/corpus/partial-evidence
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$corpus"

# A manifest with absolute paths and 10 replicates; the loss demo's background from a file.
variant() {
  local source=$1 target=$2 folder
  folder=$(dirname "$source")
  sed -e "s|  file: \([^/][^ ]*\)|  file: $folder/\1|" -e 's/  bootstrap: 1000/  bootstrap: 10/' \
    -e "s|    rows: 100|    file: $repo/fixtures/loss/credit.csv|" "$source" >"$target"
}
variant "$repo/fixtures/hiring/vendor-scores.yaml" "$work/vendor.yaml"
variant "$repo/fixtures/german-credit/audit.yaml" "$work/credit.yaml"
# Few, small reason backgrounds, so that the credit seeds stay under the input limit.
printf 'reasons:\n  background_rows: 5\n  stability_replicates: 2\n' >>"$work/credit.yaml"
variant "$repo/fixtures/loss/audit.yaml" "$work/loss.yaml"

rows() { { head -1 "$1"; sed -n "$2,$3p" "$1"; } >"$4"; }
rows "$repo/fixtures/hiring/hiring.csv" 2 41 "$work/vendor-a.csv"
rows "$repo/fixtures/hiring/hiring.csv" 42 81 "$work/vendor-b.csv"
rows "$repo/fixtures/data/german-credit/german-credit.csv" 2 41 "$work/credit.csv"
rows "$repo/fixtures/loss/credit.csv" 2 41 "$work/loss.csv"

partial() {
  "$binary" evidence partial "$work/$1.yaml" --partition-id "$2" --input "$work/$3.csv" \
    --out "$corpus/$4.json" 2>/dev/null
}
partial vendor a vendor-a vendor-a
partial vendor b vendor-b vendor-b
partial credit c credit credit
partial loss d loss loss
"$binary" evidence merge "$corpus/vendor-a.json" "$corpus/vendor-b.json" --out "$corpus/vendor-merged.json"
# Background samples (fairgate.evidence-sample/1) of the loss demo, its background sampled
# from the data (10 rows), drawn from two partitions and merged.
sed -e "s|  file: \([^/][^ ]*\)|  file: $repo/fixtures/loss/\1|" -e 's/    rows: 100/    rows: 10/' \
  "$repo/fixtures/loss/audit.yaml" >"$work/loss-sampled.yaml"
rows "$repo/fixtures/loss/credit.csv" 42 81 "$work/loss-b.csv"
"$binary" evidence sample "$work/loss-sampled.yaml" --partition-id s1 --input "$work/loss.csv" \
  --out "$corpus/sample-a.json" 2>/dev/null
"$binary" evidence sample "$work/loss-sampled.yaml" --partition-id s2 --input "$work/loss-b.csv" \
  --out "$work/sample-b.json" 2>/dev/null
"$binary" evidence merge "$corpus/sample-a.json" "$work/sample-b.json" --out "$corpus/sample-merged.json"
# An evidence sample with value maps: the credit demo under a policy of counterfactual flips
# (age, binned, is a numeric model input).
sed -e "s|^policies: .*|policies: [$repo/fixtures/german-credit/flips-policy.yaml]|" \
  -e '/^reasons:/,$d' "$work/credit.yaml" >"$work/credit-flips.yaml"
"$binary" evidence sample "$work/credit-flips.yaml" --partition-id f --input "$work/credit.csv" \
  --out "$corpus/sample-flips.json" 2>/dev/null
# The credit demo's adverse-action reasons with their backgrounds drawn from all rows: the
# samples of two partitions merged (reasons' backgrounds), and a partial tallied with them.
rows "$repo/fixtures/data/german-credit/german-credit.csv" 42 81 "$work/credit-b.csv"
"$binary" evidence sample "$work/credit.yaml" --partition-id r1 --input "$work/credit.csv" \
  --out "$work/reasons-a.json" 2>/dev/null
"$binary" evidence sample "$work/credit.yaml" --partition-id r2 --input "$work/credit-b.csv" \
  --out "$work/reasons-b.json" 2>/dev/null
"$binary" evidence merge "$work/reasons-a.json" "$work/reasons-b.json" \
  --out "$corpus/sample-reasons.json"
"$binary" evidence partial "$work/credit.yaml" --partition-id r1 --input "$work/credit.csv" \
  --sample "$corpus/sample-reasons.json" --out "$corpus/credit-reasons.json" 2>/dev/null
printf '{"format":"fairgate.partial-evidence/2"}' >"$corpus/other-version.json"
printf '{"schema":"fairgate.findings/1"}' >"$corpus/findings.json"

python3 - "$corpus" "$here/dictionaries/partial-evidence.dict" <<'PY'
import json, pathlib, sys
keys = set()
def walk(value):
    if isinstance(value, dict):
        for key, item in value.items():
            keys.add(key)
            walk(item)
    elif isinstance(value, list):
        for item in value:
            walk(item)
for path in pathlib.Path(sys.argv[1]).glob("*.json"):
    try:
        walk(json.loads(path.read_text()))
    except ValueError:
        pass  # the seeds that are not JSON (an empty file) have no keys
lines = ["# Keys of fairgate.partial-evidence/1 and fairgate.evidence-sample/1 (written by make-partial-seeds.sh)."]
lines += ['"\\"%s\\""' % key for key in sorted(keys)]
lines += ['"nan"', '"inf"', '"-inf"', '"fairgate.partial-evidence/1"',
          '"fairgate.evidence-sample/1"', '"fairgate 0.3.0"']
pathlib.Path(sys.argv[2]).write_text("\n".join(lines) + "\n")
PY
ls -la "$corpus"
