{ config, pkgs, lib, pkgs, ... }:

let
  mk = args@{ name, args ? { } }: name;
in
{
  environment.systemPackages = [ pkgs.hello (mk { name = "x"; }) ];
}
