{ or = 1; a = x: x.or; b = f: f or; }
