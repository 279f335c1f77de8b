{
  rx.mcl.raw = [ "# sub, imported twice under two names" ];
}
