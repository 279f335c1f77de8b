{
  source = ./modules/;
}
