{ x }:
if x then 1
