rec {
  or = 1;
  b = or;
}
