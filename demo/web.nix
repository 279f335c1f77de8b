{ lib, ... }:
{
  rx.mcl.raw = lib.mkAfter [
    (builtins.readFile ./web.mcl)
  ];
}
