# A definition under a condition only Nix can evaluate may or may not be kept: what would be wrong
# with it is a warning. The same value kept for certain is an error.
{ config, lib, ... }:
{
  rx.res.file."/etc/a".mode = lib.mkIf config.services.x.enable 420;
  rx.res.file."/etc/a".owner = lib.mkIf true 0;
}
