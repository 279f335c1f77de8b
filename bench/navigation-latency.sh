#!/usr/bin/env bash
# Navigation while typing, through bin/rx-lsp over stdin/stdout: in a 5,000-line module with 50 MCL
# raw blocks, each round types or deletes one character in a block and at once asks hover,
# definition, references or rename (in turn) about `${greeting}`, used in all 50 blocks; the time
# is request to response, the request waiting for the edit's analysis as an editor's does.
# Prints p50/p99/max per request and the ratio of p99 to its target (hover, definition <= 15 ms;
# references, rename <= 50 ms), then the heap one kept model takes per 1,000 lines (in process).
#
#   bench/navigation-latency.sh [--rounds N] [--no-build]
#
# The benchmark main is server/src/test/java/rxlsp/bench/NavigationLatencyBench.java.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
rounds=2000 build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    *) echo "usage: $0 [--rounds N] [--no-build]" >&2; exit 2 ;;
  esac
done
# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"
if [ "$build" = 1 ]; then bench_build; fi
bench_machine
bench_java -XX:+UseSerialGC -Xss16m rxlsp.bench.NavigationLatencyBench "$root/bin/rx-lsp" "$rounds"
