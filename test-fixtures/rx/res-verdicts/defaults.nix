{ lib, ... }:
{
  # both weaker than the definitions in configuration.nix: never type-checked
  rx.res.file."/etc/b".owner = 0;
  rx.res.file."/etc/b".group = lib.mkDefault 1;
  # the same field with different values at the same priority
  rx.res.file."/etc/d".content = "x";
}
