#!/bin/sh
# The render oracle's long run: COUNT generated rx.nix configurations (default 5,000) evaluated with
# rx.nix's real modules under nixpkgs' lib.evalModules by Nix 2.8 and a current Nix, rendered by
# rx.nix's Go renderer, compared byte for byte with rx-lsp's rendering; disagreements are kept under
# bench/out/render-oracle/failures. Needs what .ci/run sets up (nix-bin, golang-1.19-go, the current
# Nix of .ci/modern-nix). Usage: bench/render-oracle.sh [--no-build] [COUNT] [SEED] [2.8|current]
#   or: bench/render-oracle.sh [--no-build] --cases DIR [2.8|current]   (each folder of DIR with a
#   configuration.nix is one configuration: your own cases through rx.nix's pipeline and rx-lsp)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/bench/lib.sh"
if [ "${1:-}" = "--no-build" ]; then shift; else bench_build; fi
bench_machine
bench_java -Xss16m rxlsp.oracle.RenderOracleRun "$@"
