{ config, lib, pkgs, ... }:
{
  a = if x then 1;
  b = let y = 2; y;
  c = [ 1 2 ;
  d = 4;
}
