#!/bin/sh
# Checks that a folder holds usable tree-sitter libraries for one platform, without running them:
# both files present under the names the jar loads, the right object format and machine type
# (readelf for ELF, objdump for PE, the Mach-O header), and the symbols rx-lsp needs exported.
#
#   check-native.sh DIR PLATFORM [API_H]
#
# PLATFORM is <os>-<arch> as the jar names it (linux-x86_64, linux-aarch64, windows-x86_64,
# macos-x86_64, macos-aarch64). With API_H (tree-sitter's api.h), every function it declares must be
# exported by the core (the WebAssembly ones excepted: the build leaves that feature out); without
# it, the functions rx-lsp and jtreesitter call at start-up. API_H is given for the libraries this
# build compiles, which must also export rx-lsp's own walk (rxlsp-walk.c); libraries given from
# outside lack it, and rx-lsp walks their trees more slowly. Prints one line per library; exit 1
# with the reason on the first problem.
set -eu
DIR=$1
PLATFORM=$2
API_H=${3:-}

fail() { echo "check-native: $PLATFORM: $*" >&2; exit 1; }

# called through rx-lsp's own downcalls (TreeSitterCalls) and by jtreesitter when it loads a language
BASE_CORE_SYMBOLS="ts_parser_new ts_parser_delete ts_parser_set_language ts_parser_parse_string_encoding
ts_tree_delete ts_tree_edit ts_tree_root_node ts_tree_cursor_new ts_tree_cursor_delete
ts_tree_cursor_goto_first_child ts_tree_cursor_goto_next_sibling ts_tree_cursor_goto_parent
ts_tree_cursor_current_field_id ts_language_abi_version ts_language_symbol_count ts_language_copy ts_language_delete"
NIX_SYMBOLS="tree_sitter_nix"

core_symbols=$BASE_CORE_SYMBOLS
if [ -n "$API_H" ]; then
  core_symbols="$(grep -oE '\bts_[a-z_0-9]+\(' "$API_H" | tr -d '(' | grep -v '^ts_wasm_' | sort -u) rxlsp_walk_new rxlsp_walk_next rxlsp_walk_delete"
fi

case "$PLATFORM" in
  linux-x86_64) format=elf; machine="Advanced Micro Devices X86-64"; core=libtree-sitter.so; nix=libtree-sitter-nix.so ;;
  linux-aarch64) format=elf; machine="AArch64"; core=libtree-sitter.so; nix=libtree-sitter-nix.so ;;
  windows-x86_64) format=pe; machine="pei-x86-64"; core=tree-sitter.dll; nix=tree-sitter-nix.dll ;;
  macos-x86_64) format=macho; machine="07000001"; core=libtree-sitter.dylib; nix=libtree-sitter-nix.dylib ;;
  macos-aarch64) format=macho; machine="0c000001"; core=libtree-sitter.dylib; nix=libtree-sitter-nix.dylib ;;
  *) fail "unknown platform (expected linux-x86_64, linux-aarch64, windows-x86_64, macos-x86_64 or macos-aarch64)" ;;
esac

objdump_tool() {
  for t in x86_64-w64-mingw32-objdump objdump; do command -v "$t" >/dev/null 2>&1 && { echo "$t"; return; }; done
  fail "no objdump on PATH (binutils) to read Windows DLLs"
}

# prints the names of the functions the library exports, one a line
exports() {
  case "$format" in
    elf)
      command -v readelf >/dev/null 2>&1 || fail "no readelf on PATH (binutils) to read ELF libraries"
      readelf --dyn-syms -W "$1" | awk '$5 == "GLOBAL" && $7 != "UND" { sub(/@.*/, "", $8); print $8 }' ;;
    pe)
      # the export table's name pointer list: "\t[   3] ts_parser_new"
      "$(objdump_tool)" -p "$1" | sed -n 's/^[[:space:]]*\[ *[0-9][0-9]*\] \([A-Za-z_][A-Za-z0-9_]*\)$/\1/p' ;;
    macho)
      if command -v nm >/dev/null 2>&1 && nm -g "$1" >/dev/null 2>&1; then
        nm -g "$1" | awk '$2 == "T" { sub(/^_/, "", $3); print $3 }'
      else
        echo "?"
      fi ;;
  esac
}

machine_of() {
  case "$format" in
    elf) readelf -h "$1" | sed -n 's/^ *Machine: *//p' ;;
    pe) "$(objdump_tool)" -f "$1" | sed -n 's/.*file format \([^ ]*\).*/\1/p' ;;
    # magic cffaedfe (64-bit, little-endian), then cputype as little-endian bytes
    macho) od -A n -t x1 -N 8 "$1" | tr -d ' \n' | sed -n 's/^cffaedfe\(........\)$/\1/p' ;;
  esac
}

check() { # $1 = file name, $2 = required symbols
  f="$DIR/$1"
  [ -f "$f" ] || fail "$1 is missing in $DIR"
  got=$(machine_of "$f")
  [ "$got" = "$machine" ] || fail "$1 is not a $PLATFORM library: its machine/format is '${got:-unreadable}', expected '$machine'"
  names=$(exports "$f")
  if [ "$names" = "?" ]; then
    echo "check-native: $PLATFORM: $1: $machine (symbols not checked: no nm here reads Mach-O)"
    return
  fi
  missing=""
  for s in $2; do
    echo "$names" | grep -qx "$s" || missing="$missing $s"
  done
  [ -z "$missing" ] || fail "$1 does not export:$missing"
  echo "check-native: $PLATFORM: $1: $machine, exports $(echo "$2" | wc -w | tr -d ' ') required symbols ($(echo "$names" | wc -l | tr -d ' ') in all)"
}

check "$core" "$core_symbols"
check "$nix" "$NIX_SYMBOLS"
