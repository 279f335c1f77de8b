#!/usr/bin/env bash
# Start-up of `bin/rx-lsp check` on one small Nix module (40 lines, written to bench/out), against
# a bare JVM of the same JDK and against `nix-instantiate --parse` of the same file: median wall
# time of each over interleaved runs, and the ratios. Target: <= 0.15 s median for rx-lsp.
#
#   bench/check-startup.sh [--runs N] [--no-build]
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
runs=21 build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    *) echo "usage: $0 [--runs N] [--no-build]" >&2; exit 2 ;;
  esac
done
# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"
bench_nix
if [ "$build" = 1 ]; then (cd "$root" && mvn -B -q -DskipTests package); fi
small="$out/startup-small.nix"
python3 "$root/bench/gen-nix-corpus.py" module --lines 40 --strings 2 --seed 3 --out "$small"
jdk=$("$root/bin/find-jdk")
bench_machine
echo "File: $small ($(wc -l < "$small") lines, $(wc -c < "$small") bytes); JDK: $jdk"
python3 "$root/bench/check_startup.py" --rx "$root/bin/rx-lsp" --java "$jdk/bin/java" --nix "$nix" --runs "$runs" "$small"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
