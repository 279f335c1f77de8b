# Escapes and dollar pairing in both string forms (reference sections 7.1 and 7.2).
{
  indentedDollar = ''
    ''$ ''${literal} ''\${also} $${paired} $$$${even} $''${x}
    quotes ''' and it''\'
    tabs ''\t newline ''\n cr ''\r other ''\x
  '';
  beforeClose = ''a$'';
  quoteBeforeClose = ''it''\''';
  quoted = "tab\t nl\n cr\r q\" bs\\ d\$ \${y} $${z} \u00e9 a$";
  quotedMultiline = "
    kept indentation\
    after backslash-newline
  ";
  quotedDollarEnd = "a$";
  quotedDollarEscape = "$\${x}";
}
