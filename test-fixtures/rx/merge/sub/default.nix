{ lib, ... }:
{
  rx.mcl.raw = lib.mkBefore [ (lib.fileContents ../block.mcl) ];
  rx.mcl.vars.c = lib.mkForce "4";
}
