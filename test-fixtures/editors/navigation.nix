# Editor end-to-end fixture: hover, definition and rename of an rx.mcl.vars variable used in MCL.
{ ... }:
{
  rx.mcl.vars.greeting = ''"héllo"'';
  rx.mcl.raw = [
    ''
      print "p" {
        msg => $greeting,
      }
    ''
  ];
}
