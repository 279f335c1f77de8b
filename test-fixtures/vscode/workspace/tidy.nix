{ ... }:
{
  rx.mcl.raw = [
    ''
      file "/tmp/rx-e2e-tidy"   {
      state=>"exists",
      }
    ''
  ];
}
