# Nix reads `in/lib` as one path, so this `let` has no `in`
let lib = { }; in/lib
