{ config, ... }:
{
  inherit rec;
}
