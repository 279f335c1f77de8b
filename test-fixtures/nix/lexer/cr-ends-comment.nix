# Nix ends a # comment at a carriage return as well as at a line feed: this list holds 1 and 2[ # a lone CR ends this comment:12 ]
