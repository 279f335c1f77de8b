# An order priority above options is never passed down to them: the module system reads the
# wrapper's own attributes (_type, priority, content) as options of rx.mcl and rx, and rejects the
# configuration. The same order on the list option, and a priority above options, are fine.
{ lib, ... }:
{
  imports = [ ./module.nix ./fine.nix ];
  rx.mcl = lib.mkBefore { raw = [ "test \"first\" {}" ]; };
  rx.res = lib.mkForce { file."/etc/a".content = "a"; };
}
