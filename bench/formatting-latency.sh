#!/usr/bin/env bash
# Formatting one MCL fragment, through bin/rx-lsp over stdin/stdout: in a 5,000-line module with 50
# MCL raw blocks (formatted once as a whole first), each round types two blanks into one block and at
# once asks rangeFormatting for it, then asks again with no edit in between. Prints p50/p99/max of
# both and the ratio of p99 to the 20 ms target, and the whole module's first formatting.
#
#   bench/formatting-latency.sh [--rounds N] [--no-build]
#
# The benchmark main is server/src/test/java/rxlsp/bench/FormattingLatencyBench.java.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"
bench_latency_main "$0" 1000 rxlsp.bench.FormattingLatencyBench "$@"
