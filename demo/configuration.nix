# A NixOS host managed by mgmt through rx.nix: MCL written inside Nix.
{ config, lib, pkgs, ... }:
let
  motd = "managed by mgmt ❄";
in
{
  imports = [ ./web.nix ];

  rx.enable = true;
  rx.mcl.imports = [ "fmt" "datetime" ];
  rx.mcl.vars.greeting = ''"${motd}"'';
  rx.mcl.raw = [
    ''
      file "/etc/motd" {
        state => $const.res.file.state.exists,
        content => fmt.printf("%s (%s)\n", $greeting, $hostname),
      }
    ''
  ];

  rx.res.file."/etc/rx-demo" = {
    state = "exists";
    content = "hello from rx.res\n";
  };
}
