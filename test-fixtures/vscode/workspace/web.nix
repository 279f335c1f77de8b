{ ... }:
{
  networking.hostName = hostname;
  rx.mcl.raw = [
    ''
      print "greeting" {
        msg => fmt.printf("hello %s", $site),
      }
    ''
    ''
      file "/tmp/rx-e2e" {
        state => "exists"
      }
    ''
  ];
}
