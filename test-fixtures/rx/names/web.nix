{ ... }:
{
  rx.mcl.raw = [
    ''
      file "/srv/www/index.html" {
        content => $greting,
        state => $const.res.file.state.exists,
        mode => 420,
      }
      noop "n" {
        comment => len("x") + "y",
      }
    ''
  ];
}
