{ lib, ... }:
{
  config.rx = lib.mkIf true (lib.mkOrder 700 { mcl.raw = [ "test \"module\" {}" ]; });
}
