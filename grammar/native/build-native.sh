#!/bin/sh
# Builds the tree-sitter core and the tree-sitter-nix grammar as shared libraries for this machine
# and puts them where the jar picks them up: $OUT/native/<os>-<arch>/.
# The C sources come from the npm registry tarballs, pinned by version and checked against the
# integrity hash the registry publishes for that version; no C source is kept in the repository.
#
#   build-native.sh OUT_DIR WORK_DIR
set -eu

OUT=$1
WORK=$2

CORE_PKG=tree-sitter@0.25.1
CORE_SHA512='mrcEdkYtHfrK1A6fs3O6FxkBo0Qig5XUXqHhxUOQu0bmPo00QF4XaSx4edpazdHwxnSCjlGKGgIqWdaN4dvTLA=='
NIX_PKG=tree-sitter-nix@0.0.2
NIX_SHA512='rPYc7NUi6hPOyFSoVdCVC9feqBk0kJ0Z3ftTWXo1ubyyKzPM5tJP6mD6xYl0gN45oh9GHGzvTbOmmwIk0XOj5A=='

fail() { echo "rx-lsp native build: $*" >&2; exit 1; }

CC=${CC:-}
if [ -z "$CC" ]; then
  for c in cc gcc clang; do command -v "$c" >/dev/null 2>&1 && { CC=$c; break; }; done
fi
[ -n "$CC" ] || fail "no C compiler found (need cc, gcc or clang on PATH, or CC set): it compiles tree-sitter and tree-sitter-nix"
command -v npm >/dev/null 2>&1 || fail "npm not found on PATH: it downloads the pinned tree-sitter C sources ($CORE_PKG, $NIX_PKG) from the npm registry"
command -v node >/dev/null 2>&1 || fail "node not found on PATH (comes with npm): it verifies the downloaded tarballs"

case "$(uname -s)" in
  Linux) os=linux; ext=so; shared="-shared" ;;
  Darwin) os=macos; ext=dylib; shared="-dynamiclib" ;;
  *) fail "unsupported operating system $(uname -s)" ;;
esac
case "$(uname -m)" in
  x86_64|amd64) arch=x86_64 ;;
  aarch64|arm64) arch=aarch64 ;;
  *) arch=$(uname -m) ;;
esac
DEST="$OUT/native/$os-$arch"
STAMP="$WORK/stamp-$CORE_PKG-$NIX_PKG-$os-$arch"

if [ -f "$STAMP" ] && [ -f "$DEST/libtree-sitter.$ext" ] && [ -f "$DEST/libtree-sitter-nix.$ext" ]; then
  exit 0
fi

mkdir -p "$WORK" "$DEST"
cd "$WORK"

fetch() { # $1 = package@version, $2 = expected base64 sha512; prints the unpacked folder
  pkg=$1; want=$2
  dir="$WORK/$(echo "$pkg" | tr '@/' '--')"
  tgz=$(npm pack --silent "$pkg" 2>npm-pack.log | tail -n 1) || { cat npm-pack.log >&2; fail "npm pack $pkg failed"; }
  [ -f "$tgz" ] || { cat npm-pack.log >&2; fail "npm pack $pkg produced no tarball"; }
  got=$(node -e 'const c=require("crypto"),f=require("fs");process.stdout.write(c.createHash("sha512").update(f.readFileSync(process.argv[1])).digest("base64"))' "$tgz")
  [ "$got" = "$want" ] || fail "$pkg: integrity mismatch (expected sha512-$want, got sha512-$got)"
  rm -rf "$dir"; mkdir -p "$dir"
  tar -xzf "$tgz" -C "$dir"
  rm -f "$tgz"
  echo "$dir/package"
}

core=$(fetch "$CORE_PKG" "$CORE_SHA512")
nix=$(fetch "$NIX_PKG" "$NIX_SHA512")
TS="$core/vendor/tree-sitter/lib"
[ -f "$TS/src/lib.c" ] || fail "$CORE_PKG does not contain vendor/tree-sitter/lib/src/lib.c"
[ -f "$nix/src/parser.c" ] || fail "$NIX_PKG does not contain src/parser.c"

"$CC" -O2 -fPIC $shared -std=c11 -D_POSIX_C_SOURCE=200112L -D_DEFAULT_SOURCE \
  -I"$TS/include" -I"$TS/src" "$TS/src/lib.c" -o "$DEST/libtree-sitter.$ext" \
  || fail "compiling the tree-sitter core failed"
"$CC" -O2 -fPIC $shared -std=c11 -I"$nix/src" "$nix/src/parser.c" "$nix/src/scanner.c" \
  -o "$DEST/libtree-sitter-nix.$ext" \
  || fail "compiling tree-sitter-nix failed"
touch "$STAMP"
