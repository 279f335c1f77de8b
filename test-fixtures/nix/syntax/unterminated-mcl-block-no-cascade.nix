{ config, ... }:
{
  rx.mcl.raw = [ ''
    file "/tmp/x" {
      content => "hi",
    }
  ];
  x = 1;
}
