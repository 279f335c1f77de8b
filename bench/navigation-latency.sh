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
# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"
bench_latency_main "$0" 2000 rxlsp.bench.NavigationLatencyBench "$@"
