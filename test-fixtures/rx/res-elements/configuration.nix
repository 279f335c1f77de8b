# The elements of a list and the values of an attribute set in an rx.res field are definitions of
# their own for the module system: one under mkIf false is left out, mkIf true keeps it, a priority
# around one only unwraps.
{ lib, ... }:
let
  debug = false;
in
{
  rx.res.exec.build = {
    cmd = "make";
    args = [ "all" (lib.mkIf debug "-d") (lib.mkIf (!debug) "-s") (lib.mkForce "-j2") ];
    env = {
      LANG = "C";
      DEBUG = lib.mkIf debug "1";
      QUIET = lib.mkIf true "1";
    };
  };
}
