{
  a = "unterminated;
  b = 2;
}
