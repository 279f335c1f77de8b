# Shared by the bench/*.sh scripts (sourced; expects $root).
out="$root/bench/out"
mkdir -p "$out"

# Builds the jar bin/rx-lsp runs and the test classes (the benchmark mains), and writes the test
# classpath to server/target/bench-classpath.txt. -DskipTests only skips running the tests.
bench_build() {
  (cd "$root" && mvn -B -q -DskipTests package dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt)
}

# Java command for the benchmark mains: bench_java [JVM options...] CLASS ARGS...
bench_java() {
  if [ ! -f "$root/server/target/bench-classpath.txt" ] || [ ! -d "$root/server/target/test-classes/rxlsp/bench" ]; then
    bench_build
  fi
  local jdk
  jdk=$("$root/bin/find-jdk")
  "$jdk/bin/java" --enable-native-access=ALL-UNNAMED \
    -cp "$root/server/target/test-classes:$root/server/target/classes:$(cat "$root/server/target/bench-classpath.txt")" "$@"
}

# Generates the corpus (once per count and seed) and writes the file lists
# $out/corpus-files.txt (the shared corpus) and $out/gen-files.txt; sets $gen.
bench_corpus() { # count seed corpus-dir
  gen="$out/gen-$1-$2"
  if [ ! -f "$gen/.done" ]; then
    rm -rf "$gen"
    python3 "$root/bench/gen-nix-corpus.py" corpus --out "$gen" --count "$1" --seed "$2"
    touch "$gen/.done"
  fi
  find "$3" -type f -name '*.nix' | LC_ALL=C sort > "$out/corpus-files.txt"
  find "$gen" -type f -name '*.nix' | LC_ALL=C sort > "$out/gen-files.txt"
}

bench_machine() {
  echo "Machine: $(nproc) CPUs, $(uname -sr); load average now: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine inflates wall times)"
}

# Sets $nix to nix-instantiate, or stops with a message saying where it comes from.
bench_nix() {
  nix=$(command -v nix-instantiate || echo /usr/bin/nix-instantiate)
  [ -x "$nix" ] || { echo "nix-instantiate not found (Debian: apt-get install nix-bin)" >&2; exit 2; }
}

# The editor-latency benchmarks (a benchmark main driving bin/rx-lsp for a number of rounds):
#   bench_latency_main SCRIPT DEFAULT_ROUNDS CLASS [--rounds N] [--no-build]
bench_latency_main() {
  local script=$1 rounds=$2 class=$3 build=1
  shift 3
  while [ $# -gt 0 ]; do
    case "$1" in
      --rounds) rounds=$2; shift 2 ;;
      --no-build) build=0; shift ;;
      *) echo "usage: $script [--rounds N] [--no-build]" >&2; exit 2 ;;
    esac
  done
  if [ "$build" = 1 ]; then bench_build; fi
  bench_machine
  bench_java -XX:+UseSerialGC -Xss16m "$class" "$root/bin/rx-lsp" "$rounds"
}
