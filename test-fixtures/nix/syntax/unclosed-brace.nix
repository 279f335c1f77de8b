{
  services.foo = {
    enable = true;
