# rx.res as the module system merges it: names are checked on every definition, types and
# conflicts only on the definitions the merge keeps (mkIf false and weaker priorities are dropped
# before anything looks at their values).
{ lib, ... }:
let
  mode = 420;
in
{
  imports = [ ./defaults.nix ];
  rx.res.fille."x" = { };
  rx.res.nosuch."y" = lib.mkIf true { };
  rx.res.file."/etc/a".source = ./x;
  rx.res.file."/etc/a".mode = mode;
  rx.res.file."/etc/b".mode = lib.mkIf false 420;
  rx.res.file."/etc/b".owner = lib.mkForce "root";
  rx.res.file."/etc/b".group = "wheel";
  rx.res.file."/etc/c".content = lib.mkMerge [ "a" "b" ];
  rx.res.file."/etc/d" = { content = null; state = "exists"; };
  rx.res.exec.e.args = [ ./run.sh ];
}
