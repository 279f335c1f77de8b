{
  services.nginx.enable = true;
  services.nginx = {
    recommendedGzipSettings = true;
  };
  services.nginx.enable = false;
  networking = { hostName = "a"; };
  networking.hostName = "b";
}
