{ ... }:
{
  imports = [ ./web.nix ];
  rx.mcl.imports = [ "fmt" ];
  rx.mcl.vars.site = ''"example.org"'';
}
