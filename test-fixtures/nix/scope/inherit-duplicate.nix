{ pkgs, lib, version }:

{
  inherit pkgs lib;
  inherit (pkgs) hello;
  lib = lib // { extra = true; };
  hello = pkgs.hello.override { inherit version; };
}
