{ lib, ... }:
{
  rx.mcl.raw = lib.mkBefore [ "# a1.nix, mkBefore" ];
  rx.res.exec.e.cmd = "/bin/true";
  rx.res.exec.e.args = [ "a1" ];
}
