# Every spelling of the options, merged over modules as the NixOS module system does.
{ config, lib, ... }:
let
  extra = [ "os" ];
  firstBlock = ''
    $from_let = "let"
  '';
in
{
  imports = [ ./web.nix ./sub ./nested.nix ];
  rx.mcl.imports = [ "fmt" ] ++ extra ++ lib.optional true "strings";
  rx.mcl.raw = lib.mkMerge [
    [ firstBlock ]
    (lib.mkIf config.services.x.enable [ ''
      $from_mkif = "mkIf"
    '' ])
  ];
  rx.mcl.vars."b" = lib.mkDefault "2";
}
