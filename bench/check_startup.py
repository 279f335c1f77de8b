#!/usr/bin/env python3
"""Start-up of `rx-lsp check` on one small file, against a bare JVM and against Nix's parser.

Three commands run interleaved (rx-lsp, bare JVM, nix, rx-lsp, ...) so that background load hits
each alike; after warm-up runs, the median, minimum and maximum wall time of each are printed, and
the ratios of rx-lsp's median to the others'. The bare JVM is `java -version` of the JDK the
launcher picks, with the launcher's JVM options: what any Java program pays before its main.
Peak memory is the largest resident set of one run (getrusage of the children).
"""
import argparse
import os
import resource
import statistics
import subprocess
import time


def timed(argv, env):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    p = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode not in (0, 1):
        raise SystemExit("%s exited with %d: %s" % (" ".join(argv), p.returncode, p.stderr.decode()[:500]))
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rx", required=True)
    ap.add_argument("--java", required=True)
    ap.add_argument("--nix", required=True)
    ap.add_argument("--runs", type=int, default=21)
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("file")
    a = ap.parse_args()
    env = dict(os.environ)
    commands = [
        ("rx-lsp check FILE", [a.rx, "check", a.file]),
        ("bare JVM (java -version)", [a.java, "-XX:+UseSerialGC", "-XX:-UsePerfData", "-XX:TieredStopAtLevel=1", "-version"]),
        ("nix-instantiate --parse FILE", [a.nix, "--parse", a.file]),
    ]
    # the start-up cache is made now if missing (RX_LSP_CACHE=wait), not during the timed runs
    subprocess.run([a.rx, "check", a.file], env=dict(env, RX_LSP_CACHE="wait"), stdout=subprocess.DEVNULL)
    for _ in range(a.warmup):
        for _, argv in commands:
            timed(argv, env)
    walls = {label: [] for label, _ in commands}
    cpus = {label: [] for label, _ in commands}
    for _ in range(a.runs):
        for label, argv in commands:
            w, c = timed(argv, env)
            walls[label].append(w)
            cpus[label].append(c)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print("%-30s %9s %9s %9s %9s" % ("command", "median s", "min s", "max s", "CPU s"))
    for label, _ in commands:
        w = walls[label]
        print("%-30s %9.3f %9.3f %9.3f %9.3f" % (label, statistics.median(w), min(w), max(w), statistics.median(cpus[label])))
    rx = statistics.median(walls[commands[0][0]])
    for label, _ in commands[1:]:
        print("ratio rx-lsp / %s: %.2fx (median of medians)" % (label, rx / statistics.median(walls[label])))
    print("peak resident memory of any one run: %.0f MB" % peak_mb)
    print("target: rx-lsp check on one small file <= 0.15 s median; %s" % ("met" if rx <= 0.15 else "not met"))


if __name__ == "__main__":
    main()
