f (x
