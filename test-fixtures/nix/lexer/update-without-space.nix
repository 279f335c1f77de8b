# `//` followed directly by a name is the update operator, not the start of a path
{ a ? { x = 1; }, b ? { y = 2; }, a' ? { } }:
{
  spaced = a // b;
  glued = a//b;
  after = a //b;
  primed = a'//b;
  chain = a//b//a';
}
