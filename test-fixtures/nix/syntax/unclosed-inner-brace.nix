{ config, lib, pkgs, ... }:
{
  services.nginx = {
    enable = true;
    virtualHosts."x" = { root = "/var"; ;
  };
  environment.systemPackages = [ pkgs.git ];
}
