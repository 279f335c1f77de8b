{ lib, ... }:
{
  rx.mcl.raw = lib.mkOrder 1200 [ "# b.nix, mkOrder 1200" ];
  rx.mcl.imports = lib.mkIf false [ "os" ];
}
