#!/usr/bin/env bash
# Assembles the test corpus (the folder the tests read as ../shared/corpus, or $RX_LSP_SHARED/corpus)
# from the upstream repositories at the revisions it was taken from, for a clone of rx-lsp that has
# no such folder next to it. Needs git and network access to GitHub.
#
#   scripts/assemble-corpus.sh [SHARED_DIR]      (default: ../shared next to this repository)
#
# Every file is checked against scripts/corpus-manifest.sha256 (the corpus the project is tested
# with): the result is the same folder, file for file, or the script says which files differ and
# fails. Only the files the manifest lists are copied. nix-darwin's snapshot was recorded by date
# only; its files are those of commit a1fa429e945b, the last before 2026-06-19 (NIX_DARWIN_REV=...
# chooses another). Every row was checked against mirrors of the upstream repositories (git's
# url.<mirror>.insteadOf pointing the addresses below at them): all 1,581 files match.
# The catalogue facts (SHARED_DIR/reference/catalog) are derived tables, not upstream files: see
# README, section "Test corpora".
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
root=$(dirname "$here")
shared=${1:-$(dirname "$root")/shared}
manifest="$here/corpus-manifest.sha256"
work=$(mktemp -d "${TMPDIR:-/tmp}/rx-lsp-corpus.XXXXXX")
trap 'rm -rf "$work"' EXIT

# corpus folder | repository | revision | folder in the repository the corpus folder mirrors
sources=(
  "mgmt/interpret_test|https://github.com/purpleidea/mgmt|60c024dd52ae|lang/interpret_test"
  "mgmt/examples/lang|https://github.com/purpleidea/mgmt|60c024dd52ae|examples/lang"
  "mgmt/format/tests|https://github.com/purpleidea/mgmt|60c024dd52ae|lang/format/tests"
  "mgmt-1.0/interpret_test|https://github.com/purpleidea/mgmt|1.0.2|lang/interpret_test"
  "mgmt-1.0/examples/lang|https://github.com/purpleidea/mgmt|1.0.2|examples/lang"
  "nix/nix-darwin|https://github.com/nix-darwin/nix-darwin|${NIX_DARWIN_REV:-a1fa429e945b}|"
  "nix/disko|https://github.com/nix-community/disko|878ec37d6a8f|"
  "nix/rx.nix|https://github.com/karpfediem/rx.nix|bd0fc0a|"
  "nix/nixpkgs-lib|https://github.com/nix-community/nixpkgs.lib|a73b9c7|"
)

checkout() { # repository revision -> prints the folder of a checkout at that revision
  local name dir
  name=$(echo "$1" | tr '/:' '__')
  dir="$work/$name"
  if [ ! -d "$dir/.git" ]; then
    git clone -q --filter=blob:none --no-checkout "$1" "$dir" >&2
  fi
  git -C "$dir" -c advice.detachedHead=false checkout -q --force "$2" >&2
  echo "$dir"
}

mkdir -p "$shared/corpus"
copied=0
for entry in "${sources[@]}"; do
  IFS='|' read -r folder repo rev upstream <<< "$entry"
  echo "$folder <- $repo at $rev${upstream:+ ($upstream)}"
  dir=$(checkout "$repo" "$rev")
  while read -r _ path; do
    case "$path" in "$folder"/*) ;; *) continue ;; esac
    rel=${path#"$folder"/}
    src="$dir/${upstream:+$upstream/}$rel"
    [ -f "$src" ] || { echo "  missing upstream: ${upstream:+$upstream/}$rel" >&2; continue; }
    mkdir -p "$shared/corpus/$(dirname "$path")"
    cp "$src" "$shared/corpus/$path"
    copied=$((copied + 1))
  done < "$manifest"
done

echo "checking $copied files against $(basename "$manifest")"
if (cd "$shared/corpus" && sha256sum --quiet -c "$manifest"); then
  echo "done: $shared/corpus is the corpus the tests expect"
else
  echo "the files above differ from the corpus the project is tested with (or are missing)" >&2
  exit 1
fi
