#!/usr/bin/env python3
"""Deterministic generator of NixOS-style modules for rx-lsp benchmarks.

  gen-nix-corpus.py corpus --out DIR [--count 3000] [--seed 42]
      writes DIR/gNN/mod-NNNN.nix: modules of varied size (log-normal, 12..3000 lines)
  gen-nix-corpus.py module --lines 5000 [--strings 50] [--seed 7] [--out FILE]
      writes one large module of about --lines lines holding about --strings indented strings

Every generated file is valid Nix (`nix-instantiate --parse` accepts it) and uses the constructs
real modules use: a formals lambda, `with lib;`, let-in, option declarations with mkOption and
types, mkIf/mkMerge, attribute paths, inherit, lists, string interpolation, indented strings
(shell scripts, config files), `''${` escapes, comments, if-then-else, functions, paths and
operators. Output depends only on the arguments (Python's `random.Random(seed)`).
"""
import argparse
import math
import os
import random
import sys

WORDS = ("alpha beta gamma delta nginx postgres redis grafana prometheus exporter backup sync "
         "mail dns proxy cache queue worker api web auth ldap vpn wireguard monitor metrics "
         "logrotate cron timer agent collector gateway storage minio borg restic sshd").split()
PKGS = ("coreutils gnused gawk curl jq openssl git rsync gzip zstd bash util-linux iproute2 "
        "procps findutils gnugrep python3 nodejs postgresql redis nginx").split()
TYPES = ("types.bool", "types.str", "types.port", "types.int", "types.path", "(types.listOf types.str)",
         "(types.attrsOf types.str)", "(types.nullOr types.str)", "types.lines", "(types.enum [ \"a\" \"b\" \"c\" ])")


class Module:
    """Builds one module as a list of lines."""

    def __init__(self, rng, name):
        self.rng = rng
        self.name = name
        self.lines = []
        self.options = []  # (option name, type)
        self.strings = 0
        self.used = {"enable", "package"}

    def fresh(self, name):
        """name, or name with a numeric suffix: Nix rejects an attribute defined twice."""
        candidate, n = name, 1
        while candidate in self.used:
            n += 1
            candidate = "%s%d" % (name, n)
        self.used.add(candidate)
        return candidate

    def w(self, indent, text=""):
        self.lines.append(("  " * indent + text) if text else "")

    def word(self):
        return self.rng.choice(WORDS)

    def ident(self):
        return self.word() + self.rng.choice(["", "Dir", "Port", "User", "Group", "Config", "Extra", "Package"]) + \
            (str(self.rng.randint(0, 99)) if self.rng.random() < 0.3 else "")

    def value(self, typ):
        r = self.rng
        if typ == "types.bool":
            return r.choice(["true", "false"])
        if typ == "types.port":
            return str(r.randint(1024, 65535))
        if typ == "types.int":
            return str(r.randint(0, 10000))
        if typ == "types.path":
            return "/var/lib/" + self.word()
        if typ.startswith("(types.listOf"):
            return "[ " + " ".join('"%s"' % self.word() for _ in range(r.randint(0, 4))) + " ]"
        if typ.startswith("(types.attrsOf"):
            keys = r.sample(WORDS, r.randint(0, 3))
            return "{ " + " ".join('%s = "%s";' % (k, self.word()) for k in keys) + " }"
        if typ.startswith("(types.nullOr"):
            return "null"
        if typ.startswith("(types.enum"):
            return '"a"'
        return '"%s-%s"' % (self.name, self.word())

    def option(self, indent):
        r = self.rng
        name = self.fresh(self.ident())
        typ = r.choice(TYPES)
        self.options.append((name, typ))
        if typ == "types.bool" and r.random() < 0.5:
            self.w(indent, '%s = mkEnableOption "the %s %s";' % (name, self.word(), self.word()))
            return
        self.w(indent, "%s = mkOption {" % name)
        self.w(indent + 1, "type = %s;" % typ)
        self.w(indent + 1, "default = %s;" % self.value(typ))
        if r.random() < 0.3:
            self.w(indent + 1, 'example = literalExpression "%s";' % self.value(typ).replace('"', '\\"'))
        if r.random() < 0.6:
            self.w(indent + 1, "description = ''")
            for _ in range(r.randint(1, 4)):
                self.w(indent + 2, " ".join(self.word() for _ in range(r.randint(4, 10))) + ".")
            self.w(indent + 1, "'';")
            self.strings += 1
        else:
            self.w(indent + 1, 'description = "The %s of %s.";' % (self.word(), self.name))
        self.w(indent, "};")

    def script(self, indent, lines):
        """An indented string holding a shell script with interpolations and escapes."""
        r = self.rng
        self.strings += 1
        for _ in range(lines):
            k = r.random()
            if k < 0.25:
                self.w(indent, '${pkgs.%s}/bin/%s --%s "$%s" \\' % (r.choice(PKGS), self.word(), self.word(), self.word().upper()))
                self.w(indent + 1, "--%s=${toString cfg.%s}" % (self.word(), self.opt_name()))
            elif k < 0.4:
                self.w(indent, 'if [ -e "%s/%s" ]; then' % ("${cfg.%s}" % self.opt_name(), self.word()))
                self.w(indent + 1, 'echo "found ${%s}" >&2' % "cfg.%s" % self.opt_name())
                self.w(indent, "fi")
            elif k < 0.5:
                self.w(indent, "for f in ''${%s[@]}; do" % self.word().upper())
                self.w(indent + 1, 'mv "$f" "$f.old"  # keeps the ' + self.word())
                self.w(indent, "done")
            elif k < 0.6:
                self.w(indent, "export %s=''${%s:-%s}" % (self.word().upper(), self.word().upper(), self.word()))
            else:
                self.w(indent, "%s %s %s" % (r.choice(["mkdir -p", "chmod 0750", "chown", "touch", "rm -f"]),
                                             self.word(), "/run/%s/%s" % (self.name, self.word())))

    def opt_name(self):
        return self.rng.choice(self.options)[0] if self.options else "enable"

    def service(self, indent, big):
        r = self.rng
        svc = self.fresh("%s-%s" % (self.name, self.word()))
        self.w(indent, 'systemd.services."%s" = {' % svc)
        self.w(indent + 1, 'description = "%s service";' % svc)
        self.w(indent + 1, 'wantedBy = [ "multi-user.target" ];')
        self.w(indent + 1, 'after = [ "network.target" %s];' % ('"postgresql.service" ' if r.random() < 0.3 else ""))
        self.w(indent + 1, "path = with pkgs; [ %s ];" % " ".join(r.sample(PKGS, r.randint(1, 5))))
        self.w(indent + 1, "environment = {")
        for _ in range(r.randint(1, 4)):
            key = self.fresh("%s_%s" % (self.word().upper(), self.word().upper()))
            self.w(indent + 2, '%s = "${cfg.%s}";' % (key, self.opt_name()))
        self.w(indent + 1, "};")
        self.w(indent + 1, "serviceConfig = {")
        self.w(indent + 2, 'Type = "%s";' % r.choice(["simple", "oneshot", "notify", "exec"]))
        self.w(indent + 2, "User = cfg.%s;" % self.opt_name())
        self.w(indent + 2, 'ExecStart = "${cfg.package}/bin/%s --config ${configFile}";' % self.word())
        self.w(indent + 2, "Restart = %s;" % r.choice(['"always"', '"on-failure"', 'mkDefault "no"']))
        self.w(indent + 2, "StateDirectory = baseNameOf cfg.%s;" % self.opt_name())
        self.w(indent + 2, "PrivateTmp = true;")
        self.w(indent + 1, "};")
        self.w(indent + 1, "preStart = ''")
        self.script(indent + 2, r.randint(2, 12 if big else 5))
        self.w(indent + 1, "'';")
        if r.random() < 0.5:
            self.w(indent + 1, "script = ''")
            self.script(indent + 2, r.randint(2, 20 if big else 6))
            self.w(indent + 1, "'';")
        self.w(indent, "};")

    def config_file(self, indent):
        r = self.rng
        self.strings += 1
        self.w(indent, 'configFile = pkgs.writeText "%s.conf" ' % self.name + "''")
        for _ in range(r.randint(3, 15)):
            if r.random() < 0.3:
                self.w(indent + 1, "[%s]" % self.word())
            else:
                self.w(indent + 1, "%s = ${toString cfg.%s}" % (self.word(), self.opt_name()))
        self.w(indent, "'';")

    def helpers(self, indent):
        r = self.rng
        k = r.randint(0, 5)
        f = "mk%s%d" % (self.word().capitalize(), r.randint(0, 999))
        if k == 0:
            self.w(indent, "%s = name: value: nameValuePair \"%s-${name}\" { inherit value; enable = true; };" % (f, self.name))
        elif k == 1:
            self.w(indent, "%s = { name, port ? %d, extraArgs ? [ ], ... }@args:" % (f, r.randint(1000, 9000)))
            self.w(indent + 1, 'assert port > 0;')
            self.w(indent + 1, '"${name}:${toString port} ${concatStringsSep " " extraArgs}";')
        elif k == 2:
            self.w(indent, "%s = xs: foldl' (acc: x: acc // { ${x} = %d; }) { } xs;" % (f, r.randint(0, 9)))
        elif k == 3:
            self.w(indent, "%s = x: if x == null then \"\" else if isList x then concatMapStringsSep \",\" toString x else toString x;" % f)
        elif k == 4:
            self.w(indent, "%s = rec {" % f)
            self.w(indent + 1, "base = ./%s.nix;" % self.word())
            self.w(indent + 1, 'url = "https://example.org/%s/${toString version}.tar.gz";' % self.word())
            self.w(indent + 1, "version = %d;" % r.randint(1, 30))
            self.w(indent + 1, "next = version + 1 - (version / 2) * 2;")
            self.w(indent, "};")
        else:
            self.w(indent, "%s = filterAttrs (n: v: v != null && !(hasPrefix \"_\" n)) (cfg.settings or { });" % f)

    def build(self, target_lines, target_strings=None):
        r = self.rng
        self.w(0, "# Generated NixOS-style module %s (rx-lsp benchmark corpus)." % self.name)
        self.w(0, "{ config, lib, pkgs, ... }:")
        self.w(0)
        self.w(0, "with lib;")
        self.w(0)
        self.w(0, "let")
        self.w(1, "cfg = config.services.%s;" % self.name)
        self.w(1, "inherit (lib) mkOption mkIf types;")
        self.helpers(1)
        # options first, then a config body; both grow until the target size is reached
        n_opts = max(2, target_lines // 25)
        self.config_file(1)
        self.w(0, "in")
        self.w(0, "{")
        self.w(1, "options.services.%s = {" % self.name)
        self.w(2, 'enable = mkEnableOption "%s";' % self.name)
        self.w(2, 'package = mkPackageOption pkgs "%s" { };' % r.choice(PKGS))
        for _ in range(n_opts):
            self.option(2)
            if target_strings is not None and self.strings >= target_strings // 2:
                break
            if len(self.lines) > target_lines * 0.4:
                break
        self.w(1, "};")
        self.w(0)
        self.w(1, "config = mkIf cfg.enable (mkMerge [")
        part = 0
        while len(self.lines) < target_lines - 12:
            part += 1
            self.w(2, "{")
            k = r.random()
            big = target_strings is None or self.strings < target_strings
            if k < 0.45 and big:
                self.service(3, big=target_lines > 300)
            elif k < 0.6:
                self.w(3, "users.users.%s = {" % self.ident())
                self.w(4, "isSystemUser = true;")
                self.w(4, "group = cfg.%s;" % self.opt_name())
                self.w(4, "home = \"/var/lib/%s\";" % self.word())
                self.w(3, "};")
                self.w(3, "users.groups.%s = { };" % self.ident())
            elif k < 0.72:
                self.w(3, "networking.firewall.allowedTCPPorts = optionals cfg.%s [ %s ];" % (
                    self.opt_name(), " ".join(str(r.randint(1, 65535)) for _ in range(r.randint(1, 4)))))
                self.w(3, "environment.systemPackages = [ cfg.package ] ++ (with pkgs; [ %s ]);" % " ".join(r.sample(PKGS, 3)))
            elif k < 0.85:
                self.w(3, "assertions = [")
                for _ in range(r.randint(1, 3)):
                    self.w(4, "{")
                    self.w(5, "assertion = cfg.%s != null -> cfg.%s;" % (self.opt_name(), self.opt_name()))
                    self.w(5, 'message = "services.%s.%s must be set (part %d)";' % (self.name, self.opt_name(), part))
                    self.w(4, "}")
                self.w(3, "];")
            else:
                self.w(3, "systemd.tmpfiles.rules = map (d: \"d ${d} 0750 ${cfg.%s} - -\") [" % self.opt_name())
                for _ in range(r.randint(1, 5)):
                    self.w(4, '"/var/lib/%s/%s"' % (self.name, self.word()))
                self.w(3, "];")
                self.w(3, "# keep the %s %s in sync with %s" % (self.word(), self.word(), self.word()))
            self.w(2, "}")
        self.w(1, "]);")
        self.w(0, "}")
        return "\n".join(self.lines) + "\n"


def corpus(args):
    rng = random.Random(args.seed)
    total = 0
    for i in range(args.count):
        # log-normal sizes: median ~90 lines, a long tail up to 3000
        lines = int(min(3000, max(12, rng.lognormvariate(math.log(90), 0.9))))
        name = "%s%d" % (rng.choice(WORDS), i)
        text = Module(random.Random(rng.random()), name).build(lines)
        folder = os.path.join(args.out, "g%02d" % (i // 100))
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "mod-%04d.nix" % i), "w") as f:
            f.write(text)
        total += len(text)
    print("wrote %d modules (%.1f MB) under %s" % (args.count, total / 1e6, args.out), file=sys.stderr)


def module(args):
    m = Module(random.Random(args.seed), "big")
    text = m.build(args.lines, args.strings)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    print("wrote a module of %d lines, %d indented strings" % (text.count("\n"), m.strings), file=sys.stderr)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("corpus")
    c.add_argument("--out", required=True)
    c.add_argument("--count", type=int, default=3000)
    c.add_argument("--seed", type=int, default=42)
    m = sub.add_parser("module")
    m.add_argument("--lines", type=int, default=5000)
    m.add_argument("--strings", type=int, default=50)
    m.add_argument("--seed", type=int, default=7)
    m.add_argument("--out")
    args = p.parse_args()
    corpus(args) if args.cmd == "corpus" else module(args)


if __name__ == "__main__":
    main()
