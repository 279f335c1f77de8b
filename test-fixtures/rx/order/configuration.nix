# The module system's order: modules are collected breadth first from the root, each key once (a
# file by the path it is imported as, so ./sub and ./sub/default.nix are two modules), leaving out
# disabledModules, and their definitions are merged in the reverse order. Then per option: false
# conditions drop definitions, the lowest override number wins, lists are sorted by mkOrder.
{ lib, ... }:
{
  imports = [ ./a.nix ./b.nix ./a.nix ./sub ./sub/default.nix { rx.mcl.raw = [ "# inline module" ]; } ];
  disabledModules = [ ./off.nix ];
  rx.mcl.raw = [ "# configuration.nix" ];
  rx.mcl.vars = lib.mkForce { kept = "1"; };
  rx.res.exec.e.args = lib.mkAfter [ "last" ];
  rx.res.test.t = { float32 = -0.0; float64 = 1.23456789; int64 = -0; };
}
