#!/usr/bin/env bash
# The CI fuzz step: builds the targets and runs each on its corpus for a fixed time
# (FUZZ_SECONDS, default 45). Any crash, timeout, leak or out-of-memory fails the step and
# prints the input that caused it. About 3 minutes to build on 2 cores, then 45 s a target.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
seconds=${FUZZ_SECONDS:-45}
# A work folder of its own: the step starts from the committed seeds alone, and never reads
# or writes the inputs a longer campaign on the same machine is gathering.
export FUZZ_WORK
FUZZ_WORK=${FUZZ_WORK:-$(mktemp -d)}
export FUZZ_BIN
FUZZ_BIN=$("$here/build.sh" release | tail -1)
failed=0
for target in csv xgboost lightgbm pmml policy manifest loss-expression partial-evidence; do
  "$here/run.sh" "$target" "$seconds" || failed=1
done
if [ "$failed" -ne 0 ]; then
  echo "ERROR: the fuzz step found a crash, a hang, a leak or an out-of-memory" >&2
  exit 1
fi
echo "fuzz: every target ran $seconds s with no finding"
