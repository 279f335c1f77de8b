{ config, lib, ... }:
let
  generated = lib.concatMapStrings (n: "$v${n} = 1\n") [ "a" "b" ];
in
{
  rx.mcl.vars.host = ''"${config.networking.hostName}"'';
  rx.mcl.vars.port = "${toString config.services.x.port}";
  rx.mcl.raw = [
    ''
      file "/etc/${config.networking.hostName}" {
        state => $const.res.file.state.exists,
        content => "port ''${port}: ${toString 8080}",
      }
      ${generated}
      $double = ${toString 2} * 2
    ''
    generated
  ];
}
