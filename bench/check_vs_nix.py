#!/usr/bin/env python3
"""Times `rx-lsp check` against `nix-instantiate --parse` on the same files (see check-vs-nix.sh).

Both tools get the same absolute paths, in the same order, on one command line each. Files that Nix
itself rejects (e.g. empty files) are left out for both, because Nix stops at the first file it
cannot parse. Runs are interleaved (rx-lsp, nix, rx-lsp, nix, ...) so that background load on the
machine hits every variant alike, and medians are reported. Wall time is what counts; CPU time
(user + system, of the process and its children) is printed too because it is far less sensitive
to other load on the machine.
"""
import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time

ARG_BUDGET = 1_500_000  # bytes of paths per command line, well under Linux's 2 MB ARG_MAX


def batches(files, budget=ARG_BUDGET):
    out, cur, size = [], [], 0
    for f in files:
        if cur and size + len(f) + 1 > budget:
            out.append(cur)
            cur, size = [], 0
        cur.append(f)
        size += len(f) + 1
    if cur:
        out.append(cur)
    return out


def nix_accepted(nix, files, env):
    """The files `nix-instantiate --parse` accepts, and the rejected ones with Nix's first error line."""
    accepted, rejected = [], []
    pending = list(files)
    while pending:
        batch = batches(pending)[0]
        p = subprocess.run([nix, "--parse"] + batch, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if p.returncode == 0:
            accepted += batch
            pending = pending[len(batch):]
            continue
        # --parse prints one line per parsed file, so the line count locates the failing file
        done = p.stdout.count(b"\n")
        if done >= len(batch):
            raise SystemExit("nix-instantiate failed after parsing the whole batch: %s" % p.stderr.decode()[:500])
        accepted += batch[:done]
        msg = p.stderr.decode(errors="replace").strip().splitlines()
        rejected.append((batch[done], msg[0] if msg else "exit %d" % p.returncode))
        pending = pending[done + 1:]
    return accepted, rejected


def run_once(argvs, env, ok_codes):
    """Runs the commands one after the other; returns wall seconds, CPU seconds and the peak resident
    memory (MB) of the largest process (wait4's rusage of each: the java that bin/rx-lsp execs)."""
    wall, cpu, peak = 0.0, 0.0, 0.0
    for argv in argvs:
        t0 = time.perf_counter()
        p = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        err = p.stderr.read()
        _, status, usage = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        wall += time.perf_counter() - t0
        cpu += usage.ru_utime + usage.ru_stime
        peak = max(peak, usage.ru_maxrss / 1024)
        if p.returncode not in ok_codes:
            raise SystemExit("%s... exited with %d: %s" % (" ".join(argv[:3]), p.returncode, err.decode()[:800]))
    return wall, cpu, peak


def run_parallel(argvs, env, jobs):
    """Runs the commands `jobs` at a time (like xargs -P); wall and CPU seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    running, queue = [], list(argvs)
    while queue or running:
        while queue and len(running) < jobs:
            running.append(subprocess.Popen(queue.pop(0), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        p = running.pop(0)
        if p.wait() != 0:
            raise SystemExit("nix-instantiate failed in the parallel variant")
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), 0.0  # peak: not measured


def split(files, n):
    """n contiguous chunks of about equal byte size."""
    sizes = [os.path.getsize(f) for f in files]
    target = sum(sizes) / n
    out, cur, acc = [], [], 0
    for f, s in zip(files, sizes):
        cur.append(f)
        acc += s
        if acc >= target * (len(out) + 1) and len(out) < n - 1:
            out.append(cur)
            cur = []
    out.append(cur)
    return [c for c in out if c]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rx", required=True, help="the rx-lsp launcher")
    ap.add_argument("--nix", default=shutil.which("nix-instantiate") or "/usr/bin/nix-instantiate")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--per-file-sample", type=int, default=200,
                    help="files timed with one nix-instantiate process each (extrapolated to all)")
    ap.add_argument("--json", help="also write the figures here")
    ap.add_argument("--also", action="append", default=[], metavar="'VAR=VALUE ...'",
                    help="also time rx-lsp check with these environment settings, e.g. RX_LSP_CACHE=off")
    ap.add_argument("lists", nargs="+", help="files listing the .nix paths, one a line")
    a = ap.parse_args()

    files = []
    for lst in a.lists:
        with open(lst) as f:
            files += [os.path.abspath(l.strip()) for l in f if l.strip()]
    env = dict(os.environ)
    jobs = os.cpu_count() or 1

    print("Nix: %s (%s)" % (a.nix, subprocess.run([a.nix, "--version"], capture_output=True, text=True).stdout.strip()))
    print("      run as is: `nix-instantiate --parse FILE...` parses and prints every file in one process; it needs")
    print("      no daemon and no store access (verified as uid %d), and stops at the first file it rejects." % os.getuid())
    accepted, rejected = nix_accepted(a.nix, files, env)
    for f, why in rejected:
        print("      left out (Nix rejects it, so a batch would stop there): %s: %s" % (os.path.relpath(f), why))
    files = accepted
    total = sum(os.path.getsize(f) for f in files)
    mb = total / 1e6
    print("Corpus: %d files, %.2f MB (%d lines), same paths and order for both tools" % (
        len(files), mb, sum(open(f, "rb").read().count(b"\n") for f in files)))

    rx_argvs = [[a.rx, "check"] + b for b in batches(files)]
    nix_argvs = [[a.nix, "--parse"] + b for b in batches(files)]
    nix_par = [[a.nix, "--parse"] + c for c in split(files, jobs)]
    # RX_LSP_CACHE=wait: bin/rx-lsp makes its start-up cache now if it has none (see bin/rx-lsp)
    p = subprocess.run(rx_argvs[0], env=dict(env, RX_LSP_CACHE="wait"), capture_output=True, text=True)
    print("rx-lsp check says: %s (exit %d)" % (p.stdout.strip().splitlines()[-1] if p.stdout.strip() else "?", p.returncode))
    print("Processes: rx-lsp %d (it checks with %d threads), nix batched %d, nix parallel %d x %d-way" % (
        len(rx_argvs), jobs, len(nix_argvs), len(nix_par), jobs))

    # (label, function of no arguments returning (wall, cpu))
    variants = [
        ("rx-lsp check", lambda: run_once(rx_argvs, env, (0, 1))),
        ("nix --parse, batched", lambda: run_once(nix_argvs, env, (0,))),
        ("nix --parse, batched, %d processes in parallel" % jobs, lambda: run_parallel(nix_par, env, jobs)),
    ]
    for spec in a.also:
        assignments = dict(kv.split("=", 1) for kv in spec.split())
        extra_env = dict(env, **assignments)
        subprocess.run(rx_argvs[0], env=dict(extra_env, RX_LSP_CACHE=assignments.get("RX_LSP_CACHE", "wait")),
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        variants.append(("rx-lsp check, " + spec, lambda e=extra_env: run_once(rx_argvs, e, (0, 1))))
    print("Timing %d interleaved runs of each variant after one warm-up (medians; CPU = user + system) ..." % a.runs)
    for _, run in variants:
        run()
    results = {label: [] for label, _ in variants}
    for _ in range(a.runs):
        for label, run in variants:
            results[label].append(run())

    # one process per file costs mostly process start-up: timed on an evenly spread sample
    sample = files[:: max(1, len(files) // max(1, a.per_file_sample))][: a.per_file_sample]
    per_file = None
    if sample:
        w, c, _ = run_once([[a.nix, "--parse", f] for f in sample], env, (0,))
        share = sum(os.path.getsize(f) for f in sample) / total
        per_file = (w / len(sample) * len(files), c / len(sample) * len(files), len(sample), share)

    rows = []
    for k, runs in results.items():
        walls = sorted(r[0] for r in runs)
        rows.append((k, statistics.median(walls), walls[0], walls[-1], statistics.median(r[1] for r in runs),
                     max(r[2] for r in runs)))
    rx = rows[0]
    width = max(len(r[0]) for r in rows) + 1
    print()
    print("%-*s %9s %9s %9s %9s %9s %7s %13s %9s" % (width, "variant", "median s", "min s", "max s", "CPU s", "files/s", "MB/s",
                                                 "rx-lsp/this", "peak MB"))
    for name, med, lo, hi, cpu, peak in rows:
        print("%-*s %9.3f %9.3f %9.3f %9.3f %9.0f %7.2f %12.2fx %9.0f" % (
            width, name, med, lo, hi, cpu, len(files) / med, mb / med, rx[1] / med, peak))
    if per_file:
        w, c, n, share = per_file
        print("%-*s %9.1f %9s %9s %9.1f %9.0f %7.2f %12.2fx" % (
            width, "nix --parse, one process per file*", w, "", "", c, len(files) / w, mb / w, rx[1] / w))
        print("  * extrapolated from %d files timed one process each (sequentially)" % n)
    print()
    print("RESULT rx-lsp %.3f s, nix (one batched process) %.3f s: rx-lsp/nix = %.2fx; CPU %.2f s vs %.2f s; "
          "rx-lsp peak memory %.0f MB; load average now %s" % (rx[1], rows[1][1], rx[1] / rows[1][1], rx[4], rows[1][4],
                                                              rx[5], " ".join(open("/proc/loadavg").read().split()[:3])))
    if a.json:
        with open(a.json, "w") as f:
            json.dump({"files": len(files), "bytes": total, "rows": rows, "per_file": per_file,
                       "rejected": rejected, "accepted": files}, f, indent=1)


if __name__ == "__main__":
    main()
