{ pkgs ? null, lib,
  ...
}:
{ a = [ pkgs lib ]; }
