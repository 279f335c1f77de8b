#!/usr/bin/env bash
# How fast tree-sitter-nix itself parses the check-vs-nix corpus, without the JVM, next to
# nix-instantiate --parse on the same files: the floor under `rx-lsp check`'s time, and so whether
# its <= 1.0x target against Nix can be reached with tree-sitter at all. Compiles bench/ts-parse.c
# against the tree-sitter sources the Maven build fetched (grammar/target/native-work), with the
# flags the build uses (-O2), runs the variants interleaved and prints medians of CPU times.
#
#   bench/ts-parse-vs-nix.sh [--runs 5] [--count 3000] [--seed 42] [--corpus ../shared/corpus/nix] [--no-build]
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
runs=5 count=3000 seed=42 build=1 corpus="$root/../shared/corpus/nix"
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --count) count=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --corpus) corpus=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    *) echo "usage: $0 [--runs N] [--count N] [--seed N] [--corpus DIR] [--no-build]" >&2; exit 2 ;;
  esac
done
# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"
bench_nix
if [ "$build" = 1 ]; then (cd "$root" && mvn -B -q -DskipTests package -pl grammar); fi
work="$root/grammar/target/native-work"
one() { # the single folder matching a pattern, or a clear failure
  local found=("$work"/$1)
  [ ${#found[@]} = 1 ] && [ -d "${found[0]}" ] || { echo "expected one $1 under $work (run the Maven build)" >&2; exit 2; }
  echo "${found[0]}"
}
ts="$(one 'tree-sitter-0.*')/package/vendor/tree-sitter/lib"
grammar="$(one 'tree-sitter-nix-*')/package"
cc=${CC:-cc}
"$cc" -O2 -std=c11 -D_POSIX_C_SOURCE=200112L -D_DEFAULT_SOURCE -I"$ts/include" -I"$ts/src" -I"$grammar/src" \
  "$root/bench/ts-parse.c" "$ts/src/lib.c" "$grammar/src/parser.c" "$grammar/src/scanner.c" -o "$out/ts-parse"

bench_corpus "$count" "$seed" "$corpus"
# Nix's batched run stops at the first file it rejects: the empty files (Nix rejects an empty file)
# are left out for both, as check-vs-nix.sh does.
cat "$out/corpus-files.txt" "$out/gen-files.txt" | while read -r f; do [ -s "$f" ] && echo "$f"; done > "$out/ts-parse-files.txt"
bench_machine
python3 - "$out/ts-parse" "$nix" "$out/ts-parse-files.txt" "$runs" <<'PY'
import os, resource, statistics, subprocess, sys, time
ts, nix, listing, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
files = open(listing).read().split()
size = sum(os.path.getsize(f) for f in files)

def child_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime

def timed(cmd):
    c0, t0 = child_cpu(), time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wall, cpu = time.perf_counter() - t0, child_cpu() - c0
    if p.returncode != 0:
        sys.exit(f"{cmd[0]} failed: {p.stderr[:500]}")
    return wall, cpu, p.stdout

results = {"ts-utf8": [], "ts-utf16": [], "nix": []}
for _ in range(runs):  # interleaved, so that load changes hit every variant alike
    for name, cmd in (("ts-utf8", [ts, listing]), ("ts-utf16", [ts, listing, "utf16"]),
                      ("nix", [nix, "--parse"] + files)):
        wall, cpu, stdout = timed(cmd)
        parse = float(stdout.split()[2]) if name.startswith("ts") else cpu
        results[name].append((wall, cpu, parse))

med = lambda name, i: statistics.median(r[i] for r in results[name])
print(f"{len(files)} files, {size / 1e6:.2f} MB; medians of {runs} interleaved runs")
print(f"  nix-instantiate --parse, one batched process: wall {med('nix', 0):.2f} s, CPU {med('nix', 1):.2f} s")
for name, label in (("ts-utf8", "UTF-8"), ("ts-utf16", "UTF-16LE, as rx-lsp feeds it")):
    print(f"  tree-sitter-nix in C, {label}: parse calls alone {med(name, 2):.2f} s CPU "
          f"(whole process {med(name, 1):.2f} s CPU) = {med(name, 2) / med('nix', 1):.2f}x Nix's whole run")
floor = med("ts-utf16", 2) / 2
print(f"  even split perfectly over 2 CPUs, tree-sitter's parse alone is {floor:.2f} s of wall time "
      f"= {floor / med('nix', 0):.2f}x Nix's wall time, before the JVM starts or any check runs")
PY
