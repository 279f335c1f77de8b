# Types across fragments; a Nix interpolation is a value of unknown type and causes no error.
{ config, ... }:
{
  rx.mcl.imports = [ "fmt" ];
  rx.mcl.vars.greeting = ''"hello"'';
  rx.mcl.vars.port = "${toString config.services.web.port}";
  rx.mcl.raw = [
    ''
      $next = $port + 1
      print "p" {
        msg => fmt.printf("%s %d on ${config.networking.hostName}", $greeting, $next),
      }
      file "/srv/www/index.html" {
        content => $greeting,
        mode => 420,
      }
      noop "n" {
        comment => fmt.printf("%d", $greeting),
      }
    ''
  ];
}
