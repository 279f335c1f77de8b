#!/usr/bin/env bash
# Fuzzing with Jazzer (libFuzzer for the JVM): runs each fuzz target for a while with coverage
# guidance, from a seed corpus of the shared corpus and the fixtures, and keeps what it learns.
#
#   bench/fuzz.sh [--seconds 600] [--targets mcl,nix,strings,analysis,lsp] [--no-build]
#
# Targets (test classes with a static fuzzerTestOneInput; each also a JUnit @FuzzTest that replays
# its regression inputs in every `mvn verify`):
#   mcl       rxlsp.mcl.MclFrontEndFuzzTest       MCL front end, both dialects; incremental = full parse
#   nix       rxlsp.nix.NixParseFuzzTest          Nix parse + static checks; incremental = fresh on valid text
#   strings   rxlsp.nix.NixStringFuzzTest         Nix string decoder/encoder and offset maps; round trips
#   analysis  rxlsp.analysis.DocumentAnalysisFuzzTest  a document analysed, edited, analysed again = fresh
#   lsp       rxlsp.lsp.LspMessageFuzzTest        frames and JSON through the message layer
#
# Each target's growing corpus is kept in bench/out/fuzz/<target>/corpus; a crash, timeout or
# out-of-memory input is written to bench/out/fuzz/<target>/ as crash-*, timeout-*, oom-*. To make
# one a regression fixture, copy it into server/src/test/resources/<package>/<Class>Inputs/fuzz/
# (the @FuzzTest then replays it on every test run), fix the bug, and commit both.
# The summary prints executions, executions per second, corpus size and findings per target.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
seconds=600 targets=mcl,nix,strings,analysis,lsp build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --targets) targets=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    *) echo "usage: $0 [--seconds 600] [--targets mcl,nix,strings,analysis,lsp] [--no-build]" >&2; exit 2 ;;
  esac
done
# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"
if [ "$build" = 1 ]; then bench_build; fi
bench_machine
corpus="$root/../shared/corpus"
fixtures="$root/test-fixtures"
resources="$root/server/src/test/resources"
summary=()
for t in ${targets//,/ }; do
  case "$t" in
    mcl) class=rxlsp.mcl.MclFrontEndFuzzTest; seeds=("$corpus/mgmt/examples" "$corpus/mgmt-1.0/examples" "$fixtures/mcl") ;;
    nix) class=rxlsp.nix.NixParseFuzzTest; seeds=("$corpus/nix" "$fixtures/nix" "$fixtures/rx") ;;
    strings) class=rxlsp.nix.NixStringFuzzTest; seeds=("$fixtures/nix" "$fixtures/rx") ;;
    analysis) class=rxlsp.analysis.DocumentAnalysisFuzzTest; seeds=("$fixtures/rx" "$fixtures/mcl" "$fixtures/nix") ;;
    lsp) class=rxlsp.lsp.LspMessageFuzzTest; seeds=("$resources/rxlsp/lsp/LspMessageFuzzTestInputs") ;;
    *) echo "unknown target $t" >&2; exit 2 ;;
  esac
  dir="$out/fuzz/$t"
  mkdir -p "$dir/corpus"
  existing=()
  for s in "${seeds[@]}"; do [ -d "$s" ] && existing+=("$s"); done
  regression="$resources/${class//.//}Inputs"
  [ -d "$regression" ] && existing+=("$regression")
  log="$dir/last-run.log"
  echo "== $t ($class), $seconds s"
  set +e
  bench_java -Xss8m -XX:+EnableDynamicAgentLoading com.code_intelligence.jazzer.Jazzer --target_class="$class" \
    --instrumentation_includes='rxlsp.**' -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=4096 -timeout=30 \
    -artifact_prefix="$dir/" -print_final_stats=1 "$dir/corpus" "${existing[@]}" > "$log" 2>&1
  status=$?
  set -e
  runs=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\1/p' "$log" | tail -n 1)
  secs=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\2/p' "$log" | tail -n 1)
  found=$(grep -c '^== Java Exception\|^==[0-9]*== ERROR\|Test unit written to' "$log" || true)
  files=$(find "$dir/corpus" -type f | wc -l)
  summary+=("$(printf '%-9s %10s runs %8s s %9s exec/s  corpus %6s  findings %s  (exit %s, log %s)' "$t" "${runs:-?}" "${secs:-?}" \
    "$([ -n "${runs:-}" ] && [ "${secs:-0}" -gt 0 ] && echo $((runs / secs)) || echo ?)" "$files" "$found" "$status" "${log#$root/}")")
  grep -A3 '^== Java Exception' "$log" | head -n 20 || true
done
echo
echo "Summary"
printf '%s\n' "${summary[@]}"
