# Names and types are checked on the whole program: a var from one module is known in another.
{ config, ... }:
{
  imports = [ ./web.nix ];
  rx.mcl.imports = [ "fmt" ];
  rx.mcl.vars.greeting = ''"hello"'';
  rx.mcl.vars.port = "${toString config.services.web.port}";
  rx.mcl.raw = [
    ''
      import "deploy"
      $next = $port + 1
      print "p" {
        msg => fmt.printf("%s %d on ${config.networking.hostName}", $greeting, $next),
      }
    ''
  ];
}
