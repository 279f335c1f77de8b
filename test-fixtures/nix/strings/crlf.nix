# A file saved with CRLF line ends: "..." strings normalise CR LF to LF, ''...'' strings keep it.
{
  indented = ''
    a
    b
  '';
  quoted = "a
b";
  escapedCr = "x\
y";
}
