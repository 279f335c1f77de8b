{ lib, ... }:
{
  rx.mcl.raw = lib.mkAfter [ "test \"last\" {}" ];
  rx.mcl.imports = lib.mkOrder 700 [ "fmt" ];
}
