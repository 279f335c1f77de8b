#!/usr/bin/env bash
# Load, through bin/rx-lsp over stdin/stdout: a 5,000-line module with 50 MCL raw blocks receives
# 1,000 one-character edits a second for 60 seconds (half typed into MCL lines and kept, half typed
# anywhere and deleted again at once), each sent when due, with a hover or a completion request
# every 50 ms in between. Prints the edits per second achieved, the server's live heap after a full
# collection every 5 s (first and last after the warm-up, slope), hover and completion p50/p99
# against their targets (hover <= 15 ms, completion <= 30 ms), and whether the final published
# diagnostics equal those of a fresh server opening the final text: EQUAL, or DIFFERENT (exit 1).
#
#   bench/load.sh [--seconds 60] [--rate 1000] [--no-build]
#
# The benchmark main is server/src/test/java/rxlsp/bench/LoadBench.java.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
seconds=60 rate=1000 build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --rate) rate=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    *) echo "usage: $0 [--seconds 60] [--rate 1000] [--no-build]" >&2; exit 2 ;;
  esac
done
# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"
if [ "$build" = 1 ]; then bench_build; fi
bench_machine
bench_java -XX:+UseSerialGC rxlsp.bench.LoadBench "$root/bin/rx-lsp" --seconds "$seconds" --rate "$rate"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
