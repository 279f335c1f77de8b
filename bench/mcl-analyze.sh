#!/usr/bin/env bash
# Full MCL analysis benchmark (parse + init + resource + scope + type): the whole mgmt corpus warm and
# the heap its results take, and a 5,000-line program re-analysed after edits (p50/p99, and the
# semantic stages alone). Needs ../shared/corpus next to the project. Usage: bench/mcl-analyze.sh
# Extra JVM options can be given in BENCH_JAVA_OPTS.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/bench/lib.sh"
bench_build
bench_machine
# shellcheck disable=SC2086
bench_java -Xss16m -XX:+UseSerialGC ${BENCH_JAVA_OPTS:-} rxlsp.bench.MclAnalyzeBench "$@"
