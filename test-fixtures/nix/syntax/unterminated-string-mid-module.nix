{ config, lib, pkgs, ... }:
{
  services.nginx = {
    enable = true;
    root = "/var;
  };
  environment.systemPackages = [ pkgs.git ];
}
