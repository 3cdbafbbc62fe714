#!/usr/bin/env bash
# A longer fuzzing campaign: every target (or the ones named) for SECONDS each, one at a
# time, or FUZZ_JOBS=2 at a time on a machine with cores to spare. Builds once, then runs
# each target with run.sh (same limits and findings), and writes a summary of executions,
# coverage (cov: edges) and features (ft:) per target.
#
#   Fuzz/campaign.sh SECONDS [TARGET...]
#   FUZZ_JOBS=2 Fuzz/campaign.sh 3600          # two targets at a time, an hour each
#
# The inputs each target finds accumulate in $FUZZ_WORK/TARGET (default
# /tmp/fairgate-fuzz), so campaigns build on each other; the summary goes to
# $FUZZ_WORK/campaign-<UTC time>.txt. Exits non-zero if any target found something.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ $# -lt 1 ] || ! [[ $1 =~ ^[0-9]+$ ]]; then
  echo "usage: Fuzz/campaign.sh SECONDS [TARGET...]" >&2
  exit 2
fi
seconds=$1
shift
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(csv xgboost lightgbm pmml policy manifest loss-expression partial-evidence)
jobs=${FUZZ_JOBS:-1}
if ! [[ $jobs =~ ^[12]$ ]]; then
  echo "error: FUZZ_JOBS must be 1 or 2 (each target is one libFuzzer process)" >&2
  exit 2
fi
work=${FUZZ_WORK:-/tmp/fairgate-fuzz}
mkdir -p "$work"
summary="$work/campaign-$(date -u +%Y%m%dT%H%M%SZ).txt"

export FUZZ_BIN
FUZZ_BIN=$("$here/build.sh" release | tail -1) || {
  echo "error: the fuzz targets did not build" >&2
  exit 2
}

# Runs one target and records its exit status beside its log.
run_target() {
  local target=$1 status=0
  "$here/run.sh" "$target" "$seconds" >/dev/null 2>"$work/$target.campaign-errors" || status=$?
  echo "$status" >"$work/$target.status"
}

running=0
for target in "${targets[@]}"; do
  echo "campaign: $target for $seconds s" >&2
  run_target "$target" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then
    wait -n
    running=$((running - 1))
  fi
done
wait

failed=0
{
  printf '%-16s %12s %8s %8s  %s\n' target executions cov ft result
  for target in "${targets[@]}"; do
    log="$work/$target.log"
    status=$(cat "$work/$target.status" 2>/dev/null || echo "?")
    executions=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" 2>/dev/null \
      | tail -1 | awk '{print $2}')
    # The last status line libFuzzer printed ("#N DONE cov: C ft: F ...", or the last pulse).
    last=$(grep -E '^#[0-9]+' "$log" 2>/dev/null | grep -E 'cov: ' | tail -1)
    cov=$(sed -n 's/.*cov: \([0-9]*\).*/\1/p' <<<"$last")
    ft=$(sed -n 's/.*ft: \([0-9]*\).*/\1/p' <<<"$last")
    result=ok
    if [ "$status" != 0 ]; then
      result="FINDING (exit $status; see $log and $here/findings/)"
      failed=1
    fi
    printf '%-16s %12s %8s %8s  %s\n' "$target" "${executions:--}" "${cov:--}" "${ft:--}" \
      "$result"
  done
} | tee "$summary"
echo "campaign summary: $summary" >&2
for target in "${targets[@]}"; do
  [ -s "$work/$target.campaign-errors" ] && cat "$work/$target.campaign-errors" >&2
done
exit $failed
