# the same inside bindings and after a line break, and an interpolation whose name is undefined:
# Nix reads a ' and the interpolation, and reports the name
{ x ? "X" }:
{
  a = ''a''''${x}b'';
  b = ''
    ''''${"y"}z
  '';
  c = ''''''${nope}'';
}
