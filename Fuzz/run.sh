#!/usr/bin/env bash
# Runs one fuzz target on its corpus for a number of seconds (a deeper campaign: give hours).
# Usage: Fuzz/run.sh TARGET SECONDS [libFuzzer options...]
#   TARGET: csv, xgboost, lightgbm, pmml, policy, manifest, loss-expression or
#   partial-evidence.
# Exits non-zero on a crash, a timeout (10 s per input), a leak or an input using more than
# 2 GB, and prints the input that did it (written to Fuzz/findings/). New inputs that add
# coverage go to a work folder outside the repository ($FUZZ_WORK, default
# /tmp/fairgate-fuzz/TARGET); the committed seed corpus in Fuzz/corpus/TARGET is read, not
# written.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
target=$1
seconds=$2
shift 2
bin=${FUZZ_BIN:-$("$here/build.sh" release 2>/dev/null | tail -1)}
work=${FUZZ_WORK:-/tmp/fairgate-fuzz}/$target
mkdir -p "$work" "$here/findings"
dictionary=()
[ -f "$here/dictionaries/$target.dict" ] && dictionary=(-dict="$here/dictionaries/$target.dict")
# The Swift runtime's backtracer would race AddressSanitizer's report of a trap.
export SWIFT_BACKTRACE=enable=no
# AddressSanitizer keeps every distinct allocation stack it sees, forever: with its default
# 30 frames, a recursive-descent parser's stacks are so many that a long campaign's memory grew
# by ~2 KB per input (fuzz-loss-expression: 1.6 GB after 750,000 inputs) and would stop on
# the 2 GB limit with no bug; with 8 frames it stays flat (556 MB from 10,000 to 120,000
# inputs), and 8 still reach the frame the leak suppressions name (6 do not). Re-run a
# reported input with ASAN_OPTIONS=malloc_context_size=30 for full allocation stacks.
export ASAN_OPTIONS="malloc_context_size=${FUZZ_MALLOC_CONTEXT:-8}${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export LSAN_OPTIONS="suppressions=$here/lsan-suppressions.txt${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
status=0
"$bin/fuzz-$target" "$work" "$here/corpus/$target" "${dictionary[@]}" \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=262144 \
  -artifact_prefix="$here/findings/$target-" -print_final_stats=1 "$@" \
  >"$work.log" 2>&1 || status=$?
grep -E "DONE|stat::number_of_executed_units" "$work.log" | sed "s/^/$target: /" || true
if [ "$status" -ne 0 ]; then
  echo "FUZZ FINDING in $target (exit $status):" >&2
  grep -E "ERROR|SUMMARY|Fatal error|Test unit written|deadly" "$work.log" >&2 || tail -30 "$work.log" >&2
  for artifact in "$here"/findings/"$target"-*; do
    [ -f "$artifact" ] || continue
    echo "reproduce: $bin/fuzz-$target $artifact" >&2
    echo "input ($(stat -c %s "$artifact") bytes, first 400 shown):" >&2
    head -c 400 "$artifact" | cat -v >&2
    echo >&2
  done
fi
exit "$status"
