{ config, lib, pkgs, ... }:
let cfg = config.services.site; in
{
  rx.mcl.imports = [ "fmt" ];
  rx.mcl.vars.greeting = "\"héllo ${cfg.name}\"";
  rx.mcl.raw = lib.mkIf cfg.enable [
    ''
      print "p" { # say it ''${x}
        msg => fmt.printf("%s ✓ ${toString 1}", "''${greeting}"),
      }
    ''
    "$n = 42"
  ];
  rx.res.file."/tmp/x".content = "not MCL";
  services.site.script = ''
    echo "not MCL either"
  '';
  rx = {
    mcl = {
      vars = { "quoted" = ''[1, 2]''; };
    };
  };
  config.rx.mcl = { raw = lib.mkAfter [ ''$after = true'' ]; };
  marked = /* mcl */ ''if true { $m = 1 }'';
  markedAbove =
    # mcl
    ''
	  $t = "tab'''s"
    '';
  after = "plain Nix again";
}
