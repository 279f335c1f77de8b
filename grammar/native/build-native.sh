#!/bin/sh
# Builds the tree-sitter core and the tree-sitter-nix grammar as shared libraries and puts them where
# the jar picks them up: $OUT/native/<os>-<arch>/ (linux-x86_64, linux-aarch64, windows-x86_64,
# macos-x86_64, macos-aarch64). The C sources come from the npm registry tarballs, pinned by version
# and checked against the integrity hash the registry publishes for that version; no C source is
# kept in the repository. Every library is checked with check-native.sh before it is packaged.
#
#   build-native.sh OUT_DIR WORK_DIR [--targets=LIST] [--natives=DIR]
#
# --targets: comma-separated platforms to compile, `host` for this machine's, or `auto` (the
#   default): the host plus every platform whose cross compiler is on PATH (aarch64-linux-gnu-gcc
#   for linux-aarch64, x86_64-w64-mingw32-gcc for windows-x86_64; macOS cannot be cross-compiled).
# --natives (or RX_LSP_NATIVES when --natives is empty): a folder of libraries built elsewhere,
#   laid out as the jar wants them (DIR/<os>-<arch>/libtree-sitter.so …): for macOS, and for
#   distributions such as Nix that bring their own tree-sitter. Its platforms are packaged as given
#   and not compiled; when it covers every platform to build, neither npm nor a C compiler is needed.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
OUT=$1
WORK=$2
shift 2
TARGETS=auto
GIVEN=""
for arg in "$@"; do
  case "$arg" in
    --targets=*) TARGETS=${arg#--targets=} ;;
    --natives=*) GIVEN=${arg#--natives=} ;;
    *) echo "rx-lsp native build: unknown argument $arg" >&2; exit 2 ;;
  esac
done
[ -n "$TARGETS" ] || TARGETS=auto
[ -n "$GIVEN" ] || GIVEN=${RX_LSP_NATIVES:-}

CORE_PKG=tree-sitter@0.25.1
CORE_SHA512='mrcEdkYtHfrK1A6fs3O6FxkBo0Qig5XUXqHhxUOQu0bmPo00QF4XaSx4edpazdHwxnSCjlGKGgIqWdaN4dvTLA=='
NIX_PKG=tree-sitter-nix@0.0.2
NIX_SHA512='rPYc7NUi6hPOyFSoVdCVC9feqBk0kJ0Z3ftTWXo1ubyyKzPM5tJP6mD6xYl0gN45oh9GHGzvTbOmmwIk0XOj5A=='

fail() { echo "rx-lsp native build: $*" >&2; exit 1; }

host_platform() {
  case "$(uname -s)" in
    Linux) os=linux ;;
    Darwin) os=macos ;;
    *) fail "unsupported operating system $(uname -s)" ;;
  esac
  case "$(uname -m)" in
    x86_64|amd64) arch=x86_64 ;;
    aarch64|arm64) arch=aarch64 ;;
    *) arch=$(uname -m) ;;
  esac
  echo "$os-$arch"
}
HOST=$(host_platform)

# The C compiler for a platform: the host's own (CC, cc, gcc, clang) or its cross compiler; empty if none.
compiler_for() {
  find_compiler "$1" || true
}
find_compiler() {
  if [ "$1" = "$HOST" ]; then
    if [ -n "${CC:-}" ]; then echo "$CC"; return; fi
    for c in cc gcc clang; do command -v "$c" >/dev/null 2>&1 && { echo "$c"; return; }; done
    return
  fi
  case "$1" in
    linux-aarch64) c=aarch64-linux-gnu-gcc ;;
    linux-x86_64) c=x86_64-linux-gnu-gcc ;;
    windows-x86_64) c=x86_64-w64-mingw32-gcc ;;
    *) c="" ;;
  esac
  if [ -n "$c" ] && command -v "$c" >/dev/null 2>&1; then echo "$c"; fi
}

if [ "$TARGETS" = auto ]; then
  list=$HOST
  for t in linux-x86_64 linux-aarch64 windows-x86_64; do
    [ "$t" = "$HOST" ] && continue
    if [ -n "$(compiler_for "$t")" ]; then
      list="$list,$t"
    else
      echo "rx-lsp native build: not building $t: its cross compiler is not on PATH (the jar will not run there)" >&2
    fi
  done
  TARGETS=$list
fi
TARGETS=$(for t in $(echo "$TARGETS" | tr ',' ' '); do if [ "$t" = host ]; then echo "$HOST"; else echo "$t"; fi; done)

# Libraries given from outside: copied as they are, after the same checks as built ones.
given_platforms=""
if [ -n "$GIVEN" ]; then
  [ -d "$GIVEN" ] || fail "the natives folder $GIVEN (rx.natives / RX_LSP_NATIVES) does not exist"
  for dir in "$GIVEN"/*/; do
    [ -d "$dir" ] || continue
    p=$(basename "$dir")
    sh "$HERE/check-native.sh" "$dir" "$p" || fail "$dir: not usable as the $p natives (see above)"
    mkdir -p "$OUT/native/$p"
    cp -f "$dir"/* "$OUT/native/$p/"
    given_platforms="$given_platforms $p"
    echo "rx-lsp native build: $p: packaged as given in ${dir%/}"
  done
  [ -n "$given_platforms" ] || fail "the natives folder $GIVEN has no <os>-<arch> folders (e.g. macos-aarch64/)"
fi

to_build=""
for t in $TARGETS; do
  case " $given_platforms " in *" $t "*) continue ;; esac
  to_build="$to_build $t"
done
[ -n "$to_build" ] || exit 0

mkdir -p "$WORK" "$OUT"
WORK=$(cd "$WORK" && pwd)
cd "$WORK"

sources_ready=""
fetch() { # $1 = package@version, $2 = expected base64 sha512; unpacks into $WORK/<name>/package
  pkg=$1; want=$2
  dir="$WORK/$(echo "$pkg" | tr '@/' '--')"
  if [ -f "$dir/.complete" ]; then return; fi
  tgz=$(npm pack --silent "$pkg" 2>npm-pack.log | tail -n 1) || { cat npm-pack.log >&2; fail "npm pack $pkg failed"; }
  [ -f "$tgz" ] || { cat npm-pack.log >&2; fail "npm pack $pkg produced no tarball"; }
  got=$(node -e 'const c=require("crypto"),f=require("fs");process.stdout.write(c.createHash("sha512").update(f.readFileSync(process.argv[1])).digest("base64"))' "$tgz")
  [ "$got" = "$want" ] || fail "$pkg: integrity mismatch (expected sha512-$want, got sha512-$got)"
  rm -rf "$dir"; mkdir -p "$dir"
  tar -xzf "$tgz" -C "$dir"
  rm -f "$tgz"
  touch "$dir/.complete"
}
sources() {
  [ -n "$sources_ready" ] && return
  command -v npm >/dev/null 2>&1 || fail "npm not found on PATH: it downloads the pinned tree-sitter C sources ($CORE_PKG, $NIX_PKG) from the npm registry (or give the libraries with -Drx.natives=DIR / RX_LSP_NATIVES)"
  command -v node >/dev/null 2>&1 || fail "node not found on PATH (comes with npm): it verifies the downloaded tarballs"
  fetch "$CORE_PKG" "$CORE_SHA512"
  fetch "$NIX_PKG" "$NIX_SHA512"
  TS="$WORK/$(echo "$CORE_PKG" | tr '@/' '--')/package/vendor/tree-sitter/lib"
  NIX="$WORK/$(echo "$NIX_PKG" | tr '@/' '--')/package"
  [ -f "$TS/src/lib.c" ] || fail "$CORE_PKG does not contain vendor/tree-sitter/lib/src/lib.c"
  [ -f "$NIX/src/parser.c" ] || fail "$NIX_PKG does not contain src/parser.c"
  sources_ready=yes
}

for t in $to_build; do
  case "$t" in
    # ELF lets other libraries interpose a library's exported functions, so by default its calls to
    # them go through the PLT and are never inlined: the parse took ~11 % longer than the same code
    # linked statically. -fno-semantic-interposition and -Bsymbolic bind them within the library,
    # as Mach-O and PE do anyway.
    linux-*) core=libtree-sitter.so; nix=libtree-sitter-nix.so; shared="-shared -fno-semantic-interposition -Wl,-Bsymbolic"; core_flags="" ;;
    macos-*) core=libtree-sitter.dylib; nix=libtree-sitter-nix.dylib; shared="-dynamiclib"; core_flags="" ;;
    # the core marks nothing dllexport: export all of it (the grammar marks tree_sitter_nix itself)
    windows-*) core=tree-sitter.dll; nix=tree-sitter-nix.dll; shared="-shared"; core_flags="-Wl,--export-all-symbols" ;;
    *) fail "unknown platform $t (expected linux-x86_64, linux-aarch64, windows-x86_64, macos-x86_64 or macos-aarch64)" ;;
  esac
  DEST="$OUT/native/$t"
  # the stamp says what the libraries in $DEST were compiled from and how, and what they are: a
  # change to this script or rx-lsp's C file rebuilds them, and so do libraries another build
  # (another checkout's script, say) wrote there since
  STAMP="$WORK/stamp-$t"
  KEY="$CORE_PKG $NIX_PKG $(cat "$0" "$HERE/rxlsp-walk.c" | cksum | cut -d ' ' -f 1)"
  if [ -f "$STAMP" ] && [ -f "$DEST/$core" ] && [ -f "$DEST/$nix" ] \
    && [ "$(cat "$STAMP")" = "$KEY $(cat "$DEST/$core" "$DEST/$nix" | cksum | cut -d ' ' -f 1)" ]; then
    continue
  fi
  cc=$(compiler_for "$t")
  if [ -z "$cc" ]; then
    if [ "$t" = "$HOST" ]; then
      fail "no C compiler found (need cc, gcc or clang on PATH, or CC set): it compiles tree-sitter and tree-sitter-nix (or give the libraries with -Drx.natives=DIR / RX_LSP_NATIVES)"
    fi
    fail "no cross compiler for $t on PATH (see build-native.sh); build it elsewhere and give it with -Drx.natives=DIR"
  fi
  sources
  mkdir -p "$DEST"
  "$cc" -O2 -fPIC $shared -std=c11 -D_POSIX_C_SOURCE=200112L -D_DEFAULT_SOURCE $core_flags \
    -I"$TS/include" -I"$TS/src" "$TS/src/lib.c" "$HERE/rxlsp-walk.c" -o "$DEST/$core" \
    || fail "$t: compiling the tree-sitter core with $cc failed"
  "$cc" -O2 -fPIC $shared -std=c11 -I"$NIX/src" "$NIX/src/parser.c" "$NIX/src/scanner.c" \
    -o "$DEST/$nix" \
    || fail "$t: compiling tree-sitter-nix with $cc failed"
  sh "$HERE/check-native.sh" "$DEST" "$t" "$TS/include/tree_sitter/api.h" || fail "$t: the libraries just built fail their check (see above)"
  echo "rx-lsp native build: $t: built with $cc"
  echo "$KEY $(cat "$DEST/$core" "$DEST/$nix" | cksum | cut -d ' ' -f 1)" > "$STAMP"
done
