# Nix's lexer reads `then1` as one name, so this `if` has no `then`
{ options ? { } }:
if options ? enable then1 else 0
