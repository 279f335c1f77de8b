# Part of the program needs Nix to evaluate: names it may define are not reported missing, and
# types are still checked with those names unknown.
{ lib, ... }:
{
  rx.mcl.raw = [
    (lib.concatMapStrings (n: "$v${n} = 1\n") [ "a" ])
    ''
      $sum = $va + 1
      $bad = "x" + 1
    ''
  ];
}
