# a comment only
