#!/usr/bin/env bash
# Big inputs, through the real launcher (bin/rx-lsp as an editor runs it, and rx-lsp check):
#   nix    a generated ~10 MB NixOS module opened in the editor: first diagnostics (wall, server
#          CPU), live heap after a full collection, RSS; then one-character edits, p50/p99/max
#          (targets: first diagnostics <= 3 s, live heap <= 150 MB, RSS <= 600 MB, p99 <= 200 ms)
#   mcl    the same for ~10 MB of MCL (bench/gen-mcl.py)
#   root   a small module with MCL opened in the editor, two folders below a configuration.nix
#          next to the 10 MB module; and one in a generated repository of 40,000 Nix files (the
#          layout of nixpkgs' pkgs/by-name): the root search must not parse either (same figures)
#   names  rx-lsp check of files whose one bad name has 1-4 million characters (an undefined
#          function, variable, package, field, resource kind; a Nix variable; an rx.res kind):
#          wall, CPU and peak RSS, which must stay near those of reading the file
#
#   bench/big-inputs.sh [--scenarios nix,mcl,root,names] [--mb 10] [--edits 200] [--no-build]
#
# The benchmark main is server/src/test/java/rxlsp/bench/BigInputs.java. Inputs go to bench/out/.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
scenarios=nix,mcl,root,names mb=10 edits=200 build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --scenarios) scenarios=$2; shift 2 ;;
    --mb) mb=$2; shift 2 ;;
    --edits) edits=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    *) echo "usage: $0 [--scenarios nix,mcl,root,names] [--mb 10] [--edits 200] [--no-build]" >&2; exit 2 ;;
  esac
done
# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"
if [ "$build" = 1 ]; then bench_build; fi
bench_machine
server=("$root/bin/rx-lsp")
case ",$scenarios," in *,nix,*)
  big="$out/big-$mb-mb.nix"
  # ~29 bytes a line in the generator's modules
  [ -f "$big" ] || python3 "$root/bench/gen-nix-corpus.py" module --lines $((mb * 34500)) --strings $((mb * 350)) --seed 7 --out "$big"
  bench_java -XX:+UseSerialGC rxlsp.bench.BigInputs open "$big" --edits "$edits" --server-cmd "${server[@]}" ;;
esac
case ",$scenarios," in *,mcl,*)
  bigmcl="$out/big-$mb-mb.mcl"
  [ -f "$bigmcl" ] || python3 "$root/bench/gen-mcl.py" --bytes $((mb * 1000000)) --out "$bigmcl"
  bench_java -XX:+UseSerialGC rxlsp.bench.BigInputs open "$bigmcl" --edits "$edits" --server-cmd "${server[@]}" ;;
esac
case ",$scenarios," in *,root,*)
  big="$out/big-$mb-mb.nix"
  [ -f "$big" ] || python3 "$root/bench/gen-nix-corpus.py" module --lines $((mb * 34500)) --strings $((mb * 350)) --seed 7 --out "$big"
  python3 - "$out" "$big" <<'PY'
import os, sys, shutil
out, big = sys.argv[1], sys.argv[2]
site = '{ lib, ... }: {\n  rx.mcl.raw = [ \'\'\n    file "/tmp/x" {\n      state => $const.res.file.state.exists,\n    }\n  \'\'\n  ];\n}\n'
# next to a 10 MB module (which has the word rx in it, so only its size rules it out as a root)
d = os.path.join(out, 'root-next-to-big')
os.makedirs(os.path.join(d, 'hosts', 'main'), exist_ok=True)
if not os.path.exists(os.path.join(d, 'big.nix')):
    shutil.copy(big, os.path.join(d, 'big.nix'))
open(os.path.join(d, 'configuration.nix'), 'w').write('{ imports = [ ./hosts/main/site.nix ]; }\n')
open(os.path.join(d, 'hosts', 'main', 'site.nix'), 'w').write(site)
# a repository of 40,000 Nix files, pkgs/by-name/<xx>/<name>/package.nix, a few mentioning modules
r = os.path.join(out, 'root-repo-40000')
if not os.path.exists(os.path.join(r, '.done')):
    for i in range(40000):
        name = 'pkg%05d' % i
        p = os.path.join(r, 'pkgs', 'by-name', name[:5][-2:], name)
        os.makedirs(p, exist_ok=True)
        extra = '  passthru.modules = [ ];\n' if i % 50 == 0 else ''
        open(os.path.join(p, 'package.nix'), 'w').write('{ stdenv, fetchurl }:\nstdenv.mkDerivation {\n  pname = "%s";\n  version = "1.%d";\n%s}\n' % (name, i, extra))
    os.makedirs(os.path.join(r, 'hosts', 'main'), exist_ok=True)
    open(os.path.join(r, 'flake.nix'), 'w').write('{ outputs = { nixpkgs, ... }: { nixosConfigurations.main = nixpkgs.lib.nixosSystem { modules = [ ./hosts/main/site.nix ]; }; }; }\n')
    open(os.path.join(r, 'hosts', 'main', 'site.nix'), 'w').write(site)
    open(os.path.join(r, '.done'), 'w').write('')
PY
  bench_java -XX:+UseSerialGC rxlsp.bench.BigInputs open "$out/root-next-to-big/hosts/main/site.nix" --root "$out/root-next-to-big" \
    --edits 100 --server-cmd "${server[@]}"
  bench_java -XX:+UseSerialGC rxlsp.bench.BigInputs open "$out/root-repo-40000/hosts/main/site.nix" --root "$out/root-repo-40000" \
    --edits 100 --server-cmd "${server[@]}" ;;
esac
case ",$scenarios," in *,names,*)
  names="$out/long-names"
  mkdir -p "$names"
  python3 - "$names" <<'PY'
import sys, os
d = sys.argv[1]
m = 1_000_000
files = {
    'undefined-function.mcl': '$x = ' + 'f' * m + '()\n',
    'undefined-variable.mcl': '$x = $' + 'v' * m + '\n',
    'unknown-package.mcl': 'import "' + 'p' * m + '"\n',
    'unknown-field.mcl': 'file "x" {\n\t' + 'q' * m + ' => "y",\n}\n',
    'unknown-kind-4M.mcl': 'a' + 'b' * (4 * m) + ' "x" {\n}\n',
    'undefined-variable.nix': '{ a = ' + 'v' * m + '; }\n',
    'unknown-rx-kind.nix': '{ rx.res.' + 'k' * m + '.x.y = 1; }\n',
}
for name, text in files.items():
    with open(os.path.join(d, name), 'w') as f:
        f.write(text)
PY
  bench_java rxlsp.bench.BigInputs check "$names"/* --server-cmd "${server[@]}" ;;
esac
