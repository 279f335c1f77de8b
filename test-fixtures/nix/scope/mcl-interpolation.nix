{ config, ... }:

{
  rx.mcl.raw = [
    ''
      $name = "${config.networking.hostName}"
      file "/tmp/hello" {
        content => "hello from ${name}\n",
        state => $const.res.file.state.exists,
      }
      print "p" {
        msg => "${datetime.now}",
      }
    ''
  ];
}
