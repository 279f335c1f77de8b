{ a ? 1, b ? 2, c ? 3 }:
{
  fine = a < b && b < c;
  mixed = a < b == true;
  chained = a < b < c;
}
