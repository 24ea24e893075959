#!/bin/sh
# libFuzzer on the draft parser: builds parser-fuzz with -sanitize=fuzzer and runs it on a corpus
# seeded with the real texts and the kept regressions. Crashes land in fuzz/crashes/; copy each into
# Tests/DraftTextTests/FuzzRegressions/ and fix. Usage: scripts/fuzz-parser.sh [-runs=N] [libFuzzer flags]
set -eu
cd "$(dirname "$0")/.."
export AMEND_LIBFUZZER=1
swift build -c release --product parser-fuzz -Xswiftc -sanitize=fuzzer --scratch-path .build/libfuzzer
mkdir -p fuzz/corpus fuzz/crashes
cp Tests/DraftTextTests/FuzzRegressions/*.txt fuzz/corpus/ 2>/dev/null || true
cp ../shared/realcases/*.md ../shared/seeds/*.txt fuzz/corpus/ 2>/dev/null || true
exec .build/libfuzzer/release/parser-fuzz -artifact_prefix=fuzz/crashes/ -max_len=65536 "$@" fuzz/corpus
