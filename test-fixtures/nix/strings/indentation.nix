# Indented strings: every stripping rule of reference section 7.1, checked against Nix by NixStringOracleTest.
{
  stripped = ''
    first
      more indented
    last
  '';
  openerText = ''  two spaces count
    four'';
  noOpenerSwallowTab = ''	
    tab after the opener
  '';
  tabLine = ''
    a
	'';
  lastLineTab = ''
    a
    	'';
  escapedNewline = ''
      a''\n    b
      c
    '';
  backslashNewline = ''
      a''\
    b
      c
    '';
  escapedSpace = ''
      a''\n''\ b
      c
    '';
  allBlank = ''
       
    '';
  empty = '''';
  nbsp = ''
    a
    b
  '';
  nonAscii = ''
    été 😀 中
  '';
  trailing = ''
    a
    b  '';
}
