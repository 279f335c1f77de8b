{ lib, ... }:
{
  imports = [ ./a1.nix ./off.nix ];
  rx.mcl.raw = [ "# a.nix" ];
  # the definition of rx.mcl.vars in configuration.nix has mkForce: this one is discarded whole
  rx.mcl.vars.dropped = "2";
  rx.res.exec.e.args = [ "a" ];
  rx.res.exec.e.cmd = lib.mkDefault "/bin/false";
}
