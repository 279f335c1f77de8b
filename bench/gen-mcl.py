#!/usr/bin/env python3
"""Deterministic generator of a large MCL program (mgmt 1.1) for rx-lsp benchmarks.

  gen-mcl.py --bytes 10000000 --out FILE

Repeats one block with numbered names until the program reaches --bytes: a function, a file
resource using fmt.printf and a $const.res constant, a class with a print resource, an include
and an if expression. rx-lsp checks the result without a diagnostic (names and types resolve).
"""
import argparse

BLOCK = '''
func f{i}($a, $b) {{
	$a + $b
}}

file "/tmp/rx/f{i}" {{
	content => fmt.printf("%s-%d\\n", $base, f{i}({i}, 1)),
	state => $const.res.file.state.exists,
	mode => "0644",
}}

class c{i}($x) {{
	print "p{i}" {{
		msg => $x,
	}}
}}
include c{i}("v{i}")

$v{i} = if {i} > 5 {{ "big" }} else {{ "small" }}
'''


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--bytes", type=int, default=10_000_000)
    p.add_argument("--out", required=True)
    a = p.parse_args()
    parts = ['import "fmt"\n', '$base = "x"\n']
    size = sum(map(len, parts))
    i = 0
    while size < a.bytes:
        block = BLOCK.format(i=i)
        parts.append(block)
        size += len(block)
        i += 1
    with open(a.out, "w") as f:
        f.write("".join(parts))
    print("wrote %s: %d blocks, %d bytes" % (a.out, i, size))


if __name__ == "__main__":
    main()
