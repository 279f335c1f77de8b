{ pkgs, lib, ... }:

{
  environment.systemPackages = [ pkgs.git pkgs.htop ];
  # typo: the formal is `pkgs`
  services.nginx.package = pkg.nginx;
  networking.firewall.allowedTCPPorts = lib.optional enableHttp 80;
}
