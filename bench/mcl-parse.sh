#!/bin/sh
# MCL front-end benchmark: throughput over the mgmt corpus (≥ 5 MB), the whole corpus warm, and a
# 5,000-line reparse (valid, cut off mid-program, broken in the middle), with the ratios to the
# targets (corpus < 1 s, 5,000 lines < 20 ms). Needs ../shared/corpus next to the project.
# Usage: bench/mcl-parse.sh [--rounds 60] [--no-build]
# The JVM runs with SerialGC, as bin/rx-lsp does (with G1's default heap sizing the 5,000-line
# figures were bimodal here, ~9 or ~50 ms CPU from run to run). Extra JVM options (e.g.
# -XX:TieredStopAtLevel=1, as `bin/rx-lsp check` uses) can be given in BENCH_JAVA_OPTS.
set -eu
cd "$(dirname "$0")/.."
rounds=60
build=yes
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --no-build) build=no; shift ;;
    *) echo "usage: bench/mcl-parse.sh [--rounds N] [--no-build]" >&2; exit 2 ;;
  esac
done
if [ "$build" = yes ]; then
  mvn -B -q -DskipTests package
  mvn -B -q -DskipTests test-compile
fi
jdk=$(bin/find-jdk)
# shellcheck disable=SC2086
exec "$jdk/bin/java" --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -Xss16m ${BENCH_JAVA_OPTS:-} \
  -cp "server/target/test-classes:server/target/rx-lsp.jar" rxlsp.bench.MclParseBench "$rounds"
