#!/bin/sh
# The rx.nix layer after one keystroke in a 5,000-line NixOS module with 50 MCL blocks: scan for
# rx.nix options, decode every string, assemble main.mcl and map every fragment back; p50/p99 against
# the 10 ms target. Usage: bench/embed-latency.sh [EDITS]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/bench/lib.sh"
bench_build
bench_machine
# SerialGC, as bin/rx-lsp runs the server; BENCH_JAVA_OPTS adds JVM options
# shellcheck disable=SC2086
bench_java -Xss16m -XX:+UseSerialGC ${BENCH_JAVA_OPTS:-} rxlsp.bench.EmbedLatencyBench "$@"
