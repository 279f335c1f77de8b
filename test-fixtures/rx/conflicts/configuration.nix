# Two modules define one variable with different values: the module system rejects it. The error is
# on the second definition in merge order (other.nix, imported, comes first), with the first (in
# another file) as its related place; a type conflict at a use relates to the variable's definition.
{ ... }:
{
  imports = [ ./other.nix ];
  rx.mcl.vars.port = "8080";
  rx.mcl.raw = [ ''
    $label = "web"
    test "t" {
      int64 => $label,
    }
  '' ];
}
