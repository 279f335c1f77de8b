# Editor end-to-end fixture: MCL in an rx.nix raw block; the resource field on line 7 lacks its `,`.
{ ... }:
{
  rx.mcl.raw = [
    ''
      file "/tmp/é" {
        state => "exists"
      }
    ''
  ];
}
