#!/usr/bin/env bash
# Edit-to-diagnostics latency in a generated 5,000-line NixOS module with ~50 indented strings
# (bench/gen-nix-corpus.py module, seed 7): after didOpen and a warm-up, >= 2,000 one-character
# incremental didChange edits (insert, then delete again; some break the syntax, the next repairs
# it), each timed until the publishDiagnostics of its version arrives. Prints p50/p90/p99/max
# (target p99 <= 20 ms) for:
#   direct   NixParser.reparse + Diagnostics.ofNix, in process, no LSP
#   lsp      the real server in process (ServerLauncher.serve) over OS pipes, lsp4j client
#   process  bin/rx-lsp as a child process over stdin/stdout, exactly as an editor runs it
#
#   bench/reparse-latency.sh [--edits N] [--warmup N] [--lines N] [--strings N] [--seed N]
#                            [--modes direct,lsp,process] [--no-build]
#
# The benchmark main is server/src/test/java/rxlsp/bench/ReparseLatency.java (a test source, so
# it is compiled with the tests but, not being named *Test/*IT, never run by surefire/failsafe).
# JVM options of the benchmark JVM (direct and lsp modes): BENCH_JAVA_OPTS (default below); the
# process mode uses whatever bin/rx-lsp uses (plus RX_LSP_JAVA_OPTS).
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
edits=2000 warmup=600 lines=5000 strings=50 seed=7 modes=direct,lsp,process build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --edits) edits=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --lines) lines=$2; shift 2 ;;
    --strings) strings=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --modes) modes=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    *) echo "usage: $0 [--edits N] [--warmup N] [--lines N] [--strings N] [--seed N] [--modes direct,lsp,process] [--no-build]" >&2; exit 2 ;;
  esac
done
# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"
if [ "$build" = 1 ]; then bench_build; fi
big="$out/big-$lines-$strings-$seed.nix"
[ -f "$big" ] || python3 "$root/bench/gen-nix-corpus.py" module --lines "$lines" --strings "$strings" --seed "$seed" --out "$big"
bench_machine
# shellcheck disable=SC2086
bench_java ${BENCH_JAVA_OPTS:--XX:+UseSerialGC -Xss16m} rxlsp.bench.ReparseLatency "$big" \
  --edits "$edits" --warmup "$warmup" --seed 1 --modes "$modes" --server-cmd "$root/bin/rx-lsp"
