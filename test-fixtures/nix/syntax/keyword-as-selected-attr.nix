x: x.else
