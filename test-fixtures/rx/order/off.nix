{
  rx.mcl.raw = [ "# off.nix is in disabledModules" ];
}
