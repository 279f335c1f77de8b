#!/usr/bin/env bash
# `rx-lsp check` versus `nix-instantiate --parse` on the same large Nix corpus, in one go:
# every regular *.nix file under ../shared/corpus/nix (relative to the repository root) plus
# 3,000 generated NixOS-style modules (bench/gen-nix-corpus.py, seed 42, under bench/out/gen).
# Prints wall and CPU times, files/s, MB/s, peak memory and the ratio rx-lsp/nix (targets: <= 1.5x on this
# 14.7 MB corpus, <= 2.0x on a 5 MB one such as --count 800; peak memory under 1 GB).
#
#   bench/check-vs-nix.sh [--runs N] [--count N] [--seed N] [--corpus DIR] [--per-file-sample N]
#                         [--also 'VAR=VALUE ...']... [--no-build]
#
# Nix is run as `nix-instantiate --parse FILE...`: one process parses and prints every file, which
# is the fastest way to run Nix's parser (a variant with one process per CPU and an extrapolated
# one-process-per-file figure are printed too). rx-lsp is run as `bin/rx-lsp check FILE...` with the
# same paths. With hyperfine installed (Debian: apt-get install hyperfine) its summary of the two
# main commands is printed as well; BENCH_HYPERFINE=0 skips it. Each --also adds a row for rx-lsp
# run with those environment settings, e.g. --also RX_LSP_CACHE=off (no JVM start-up cache) or
# --also RX_LSP_JAVA_OPTS=-XX:TieredStopAtLevel=4 (C2 as well; see bin/rx-lsp).
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
runs=5 count=3000 seed=42 build=1 corpus="$root/../shared/corpus/nix" sample=200
also=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --count) count=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --corpus) corpus=$2; shift 2 ;;
    --per-file-sample) sample=$2; shift 2 ;;
    --also) also+=(--also "$2"); shift 2 ;;
    --no-build) build=0; shift ;;
    *) echo "usage: $0 [--runs N] [--count N] [--seed N] [--corpus DIR] [--per-file-sample N] [--also 'VAR=VALUE ...']... [--no-build]" >&2; exit 2 ;;
  esac
done
# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"
bench_nix
if [ "$build" = 1 ]; then bench_build; fi
bench_corpus "$count" "$seed" "$corpus"
bench_machine
echo "Shared corpus: $(wc -l < "$out/corpus-files.txt") files under $corpus; generated: $(wc -l < "$out/gen-files.txt") files under $gen"

python3 "$root/bench/check_vs_nix.py" --rx "$root/bin/rx-lsp" --nix "$nix" --runs "$runs" \
  --per-file-sample "$sample" ${also[@]+"${also[@]}"} --json "$out/check-vs-nix.json" "$out/corpus-files.txt" "$out/gen-files.txt"

if [ "${BENCH_HYPERFINE:-1}" != 0 ] && command -v hyperfine >/dev/null 2>&1; then
  # the same accepted files the Python runner used, on one command line each, via two tiny scripts
  # (so hyperfine needs no shell quoting; both pay the same ~2 ms of sh start-up)
  python3 - "$out/check-vs-nix.json" "$out" "$root/bin/rx-lsp" "$nix" <<'PY'
import json, shlex, sys
files = json.load(open(sys.argv[1]))["accepted"]
for name, cmd in (("run-rx-lsp.sh", [sys.argv[3], "check"]), ("run-nix.sh", [sys.argv[4], "--parse"])):
    with open(sys.argv[2] + "/" + name, "w") as f:
        f.write("exec " + " ".join(shlex.quote(a) for a in cmd + files) + "\n")
PY
  echo
  echo "hyperfine (not interleaved, so more exposed to background load; -i: rx-lsp exits 1 if it finds errors):"
  hyperfine -N -i -w 1 -r "$runs" --style basic --output=null \
    -n "rx-lsp check" "sh $out/run-rx-lsp.sh" \
    -n "nix-instantiate --parse (batched)" "sh $out/run-nix.sh" 2>&1 | grep -v -e '^ *$' -e 'Ignoring non-zero'
fi
