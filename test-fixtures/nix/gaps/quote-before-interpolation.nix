# tree-sitter-nix cannot read a ' before ${ right after the ''' escape; Nix can: the value is a'''X b Y
{ x ? "X", y ? "Y" }:
''a''''${x} b ${y}''
