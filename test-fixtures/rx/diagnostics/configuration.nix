# Each broken fragment is reported on its own, at its place in the Nix text.
{ lib, ... }:
{
  imports = [ ./missing.nix ];
  rx.mcl.vars.ok = "1";
  rx.mcl.vars.bad = "1 +";
  rx.mcl.raw = [
    ''
      file "/tmp/a" {
        state => "exists"
      }
    ''
    "print \"p\" {\n\tmsg => \"tab\"\n}\n"
    (builtins.readFile ./absent.mcl)
    ''
      $fine = 1
    ''
  ];
  rx.res.file."/tmp/b" = { state = "exists"; stat = "x"; mode = 420; };
  rx.res.nosuchkind.x.y = "z";

  snippet = /* mcl */ ''
    $x = = 1
  '';
}
