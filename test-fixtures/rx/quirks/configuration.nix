# The renderer's rules for vars and rx.res values.
{ ... }:
{
  rx.mcl.imports = [ "fmt" "Alpha" "fmt" ];
  rx.mcl.vars = {
    greeting = "  \"hello\"  \n";
    n = "42";
    "tick-rate" = "5";
  };
  rx.mcl.raw = [ "print \"p\" {\n  msg => fmt.printf(\"%s %d\", $greeting, $n),\n}" ];

  rx.res.config-etcd.cfg = { allow_size_shutdown = null; idealclustersize = 5; };
  rx.res.exec.hi = {
    args = [ "a" "b" ];
    cmd = "/run/current-system/sw/bin/echo";
    env = { FOO = "bar"; "my var" = "x"; };
    shell = null;
    timeout = 30;
  };
  rx.res.noop.empty.comment = null;
  rx.res.virt.vm1 = { cpus = 2; memory = 2097152; state = "running"; };
  rx.res.file."/tmp/q" = {
    content = "tab\there \"quoted\" back\\slash café \${x} ${toString 1}";
    mode = "0644";
    owner = "no break";
  };
  rx.res.timer.t.interval = 1000000;
  rx.res.test.floats = { float32 = 2.0; float64 = 0.00001; int = -2097152; };
}
