#!/usr/bin/env bash
# Where `rx-lsp check` spends its time (companion to check-vs-nix.sh, same corpus):
#  1. start-up: bin/rx-lsp check on one tiny file, with and without the JVM start-up cache;
#  2. per phase, on one thread, CPU time (rxlsp.bench.CheckProfile): decoding, tree-sitter parsing,
#     the copy into rx-lsp's tree, the checks, line indexes; with C1 only (what bin/rx-lsp uses for
#     check) and with full tiered compilation (C1 + C2);
#  3. JIT compile time of one whole bin/rx-lsp check run, both ways (-XX:+CITime).
#
#   bench/check-profile.sh [--count N] [--seed N] [--corpus DIR] [--runs N] [--no-build]
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
count=3000 seed=42 build=1 corpus="$root/../shared/corpus/nix" runs=9
while [ $# -gt 0 ]; do
  case "$1" in
    --count) count=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --corpus) corpus=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    *) echo "usage: $0 [--count N] [--seed N] [--corpus DIR] [--runs N] [--no-build]" >&2; exit 2 ;;
  esac
done
# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"
if [ "$build" = 1 ]; then bench_build; fi
bench_corpus "$count" "$seed" "$corpus"
bench_machine
all="$out/profile-files.txt"
cat "$out/corpus-files.txt" "$out/gen-files.txt" > "$all"
printf '{ }\n' > "$out/tiny.nix"

echo
echo "1. Start-up: bin/rx-lsp check on one tiny file, $runs interleaved runs (median / min wall)"
python3 - "$root/bin/rx-lsp" "$out/tiny.nix" "$runs" <<'PY'
import os, statistics, subprocess, sys, time
rx, tiny, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
subprocess.run([rx, "check", tiny], env=dict(os.environ, RX_LSP_CACHE="wait"), stdout=subprocess.DEVNULL)
variants = {"with start-up cache": {}, "RX_LSP_CACHE=off": {"RX_LSP_CACHE": "off"}}
times = {k: [] for k in variants}
for _ in range(runs):
    for k, env in variants.items():
        t = time.perf_counter()
        subprocess.run([rx, "check", tiny], env=dict(os.environ, **env), stdout=subprocess.DEVNULL)
        times[k].append(time.perf_counter() - t)
for k, v in times.items():
    print("   %-22s %.3f s / %.3f s" % (k, statistics.median(v), min(v)))
PY

echo
echo "2. Phases on one thread, CPU time ($(wc -l < "$all") files; round 1 includes JIT warm-up)"
for jit in "-XX:TieredStopAtLevel=1" "-XX:TieredStopAtLevel=4"; do
  echo "   $jit:"
  bench_java -XX:+UseSerialGC -Xss16m "$jit" rxlsp.bench.CheckProfile "$all" --rounds 3 | sed 's/^/   /'
done

echo
echo "3. JIT compile time in one bin/rx-lsp check run over the same files"
for jit in "-XX:TieredStopAtLevel=1" "-XX:TieredStopAtLevel=4"; do
  # -XX:+CITime prints on stdout at exit, after the report's summary line
  RX_LSP_CACHE=off RX_LSP_JAVA_OPTS="$jit -XX:+CITime" xargs -x -s 2000000 -d '\n' -a "$all" "$root/bin/rx-lsp" check \
    | grep -E 'files checked|Total compilation time|^ *C[12] \{' | sed "s/^ */   $jit: /" | cut -c1-160 || true
done
