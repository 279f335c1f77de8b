# `f or` applies f to the variable `or` (kept for old code), also as a list element: [ (f or) ]
{ f ? x: x }:
with { "or" = 1; };
[ f or 2 ]
