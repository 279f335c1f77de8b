let
  inherit;
  a = { inherit (builtins); };
in a
