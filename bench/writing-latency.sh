#!/usr/bin/env bash
# Writing help while typing, through bin/rx-lsp over stdin/stdout, in a 5,000-line module with 50 MCL
# raw blocks: a `$` typed in a raw block and at once a completion request after it (request to
# response, waiting for the keystroke's analysis as an editor's request does); semantic tokens as a
# delta after each following edit, and in full now and then. Prints p50/p90/p99/max and the ratio of
# p99 to its target (completion <= 30 ms, tokens delta <= 20 ms, tokens full <= 100 ms). 2,000 rounds
# by default (750 measured requests of each kind): with 1,000, a p99 is the 4th slowest of 375 and
# moved by 3 ms from one run to the next.
#
#   bench/writing-latency.sh [--rounds N] [--no-build]
#
# The benchmark main is server/src/test/java/rxlsp/bench/WritingLatencyBench.java.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"
bench_latency_main "$0" 2000 rxlsp.bench.WritingLatencyBench "$@"
