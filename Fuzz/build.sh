#!/usr/bin/env bash
# Builds the fuzz targets: coverage and AddressSanitizer instrumentation for every Swift
# module (FairGate's included), libFuzzer's runtime linked without its main (the targets call
# LLVMFuzzerRunDriver). Usage: Fuzz/build.sh [debug|release]; default release (faster).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
configuration=${1:-release}
swift_bin=$(readlink -f "$(command -v swift)")
toolchain=$(dirname "$(dirname "$swift_bin")")
runtime=$(ls "$toolchain"/lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a 2>/dev/null | head -1)
if [ -z "$runtime" ]; then
  echo "error: libclang_rt.fuzzer_no_main-x86_64.a not found under $toolchain/lib/clang" >&2
  exit 2
fi
swift build --package-path "$here" -c "$configuration" \
  -Xswiftc -sanitize=address \
  -Xswiftc -sanitize-coverage=edge,trace-cmp,inline-8bit-counters,pc-table \
  -Xlinker "$runtime" -Xlinker -lstdc++ >&2
swift build --package-path "$here" -c "$configuration" --show-bin-path \
  -Xswiftc -sanitize=address \
  -Xswiftc -sanitize-coverage=edge,trace-cmp,inline-8bit-counters,pc-table \
  -Xlinker "$runtime" -Xlinker -lstdc++
