{ ... }:
{
  rx.mcl.vars.port = "9090";
}
