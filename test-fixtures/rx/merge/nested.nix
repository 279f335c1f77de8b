{ lib, ... }:
{
  config = lib.mkIf true {
    rx = { mcl = { vars.a = "1"; raw = lib.optionals true [ "$from_optionals = 1\n" ]; }; };
  };
}
