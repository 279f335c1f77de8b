# Nix's lexer reads `limits/2` as one path token, also after `.`, where only a name may stand
{ cfg ? { limits = 8; } }:
{
  half = cfg. limits/2;
}
