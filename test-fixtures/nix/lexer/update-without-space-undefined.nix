# `a //c` updates a with the variable c, which nothing defines (not the path `//c`)
{ a ? { } }:
a //c
