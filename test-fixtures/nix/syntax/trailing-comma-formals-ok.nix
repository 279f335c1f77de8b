{ pkgs, lib, }:
{
  a = pkgs;
  b = lib;
}
