# every variable here is bound: by formals (defaults see each other), the @ name, let, inherit,
# rec, legacy let { }, lambdas, with, or as a Nix builtin
{ config, lib, pkgs, port ? defaultPort, defaultPort ? 8080, ... }@args:

with lib;

let
  cfg = config.services.demo;
  inherit (pkgs) writeText;
  inherit (builtins) toJSON;
  names = map (n: "demo-${n}") [ "a" "b" ];
  settings = rec {
    inherit port;
    address = "127.0.0.1:${toString port}";
    url = "http://${address}/";
  };
  legacy = let {
    body = greeting;
    greeting = "hello";
  };
in
{
  options.services.demo.enable = mkEnableOption "demo";

  config = mkIf cfg.enable {
    environment.etc."demo.json".source = writeText "demo.json" (toJSON settings);
    environment.etc."demo.txt".text = ''
      ${legacy} from ${concatStringsSep ", " names}
      mcl: ''${hostname} and $${kept}
    '';
    system.nixos.tags = [ (baseNameOf (toString args.config.networking.hostName or "x")) ];
  };
}
