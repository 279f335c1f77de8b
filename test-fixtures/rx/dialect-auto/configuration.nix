# A configuration written for mgmt 1.0 (every list element ends with `,`, `||` is the lookup
# default): without --mgmt-version, rx-lsp reads it as 1.0, since it parses only there, and says so
# in a note (notes.expected); its names and types are checked in that dialect.
{ ... }:
{
  rx.mcl.vars.ports = "[80, 443,]";
  rx.mcl.raw = [ ''
    $first = $ports[0] || 8080
    print "p" {
      msg => fmt.printf("%d", $first),
    }
  '' ];
  rx.mcl.imports = [ "fmt" ];
}
