#!/bin/sh
# MCL front-end benchmark: throughput over the mgmt corpus (≥ 5 MB), the whole corpus warm, and a
# 5,000-line reparse. Needs ../shared/corpus next to the project. Usage: bench/mcl-parse.sh
# Extra JVM options (e.g. -XX:TieredStopAtLevel=1, as bin/rx-lsp uses) can be given in BENCH_JAVA_OPTS.
set -eu
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests package
mvn -B -q -DskipTests test-compile
jdk=$(bin/find-jdk)
# shellcheck disable=SC2086
exec "$jdk/bin/java" --enable-native-access=ALL-UNNAMED -Xss16m ${BENCH_JAVA_OPTS:-} \
  -cp "server/target/test-classes:server/target/rx-lsp.jar" rxlsp.bench.MclParseBench
