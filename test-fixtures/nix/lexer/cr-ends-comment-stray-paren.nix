# the comment below ends at its carriage return, so the `)` after it is code, and a stray one{ a = 1; } # an old Mac line end:)
