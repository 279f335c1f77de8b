# paths with interpolations: all valid in Nix, including a home path starting with one
{ name ? "x", dir ? "d" }:
[
  ~/${name}
  ./${dir}/${name}
  ./a/${name}.nix
  /etc/${name}
  ./a${name}//b
]
