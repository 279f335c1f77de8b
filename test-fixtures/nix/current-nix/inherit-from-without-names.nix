# Nix 2.20 and later resolve the expression of `inherit (e);` even without names after it (Nix 2.8
# did not): rx-lsp follows current Nix, which rx.nix users run
{
  inherit (undefinedSource);
}
