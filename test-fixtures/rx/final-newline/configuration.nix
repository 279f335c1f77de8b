# MCL without a line break after its last statement (read as mgmt 1.1: check.args). mgmt 1.1 wants one: a .mcl file or a string marked
# as a program of its own gets mcl-unexpected-eof, as mgmt would report; a raw block does not, since
# rx.nix's renderer ends every raw block with a line break (main.mcl.expected).
{ pkgs, ... }:
{
  rx.mcl.raw = [ "test \"raw\" {}" ];
  environment.etc."tool.mcl".source = pkgs.writeText "tool.mcl" /* mcl */ "test \"marked\" {}";
}
