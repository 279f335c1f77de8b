#!/bin/sh
# Regenerates server/src/main/resources/rxlsp/embed/rx-res-schema.tsv from the rx.nix option facts
# (catalog/rx-res-schema-ext.tsv of the shared reference): one row per rx.res field with its mgmt
# kind and its Nix type reduced to the six shapes rx.nix generates.
# Usage: server/src/build/gen-rx-res-schema.sh PATH/TO/rx-res-schema-ext.tsv > server/src/main/resources/rxlsp/embed/rx-res-schema.tsv
set -eu
printf 'nix_kind\tmcl_kind\tfield\ttype\n'
awk -F '\t' 'NR > 1 {
  t = $5
  sub(/^types\.nullOr \(/, "", t); sub(/\)$/, "", t)
  sub(/^types\./, "", t); gsub(/types\./, "", t)
  print $1 "\t" $2 "\t" $3 "\t" t
}' "$1" | LC_ALL=C sort
