{ lib, ... }:
{
  rx.mcl.raw = lib.mkAfter [ (builtins.readFile ./web.mcl) ];
  rx.mcl.vars.b = "3";
  rx.mcl.raw_is_not_an_option = [ "ignored" ];
}
