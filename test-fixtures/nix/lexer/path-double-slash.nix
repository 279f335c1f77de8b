{
  # Nix's path token stops before `//`: the rest does not continue the path
  source = ./config//main.nix;
}
