#!/usr/bin/env bash
# The scan benchmark: generates deterministic synthetic monorepos (Monorepo.java) and times, in one
# run on the same warm tree, ripgrep over the rules' literal tokens and `./aiscan scan` without a
# graph and with the embedded graph. Prints one Markdown table.
#
#   bench/scan-bench.sh                 10,000 and 100,000 files
#   bench/scan-bench.sh 20000 50000     other sizes
#
# Environment: BENCH_DIR (default /tmp/aiscan-bench) holds the trees, reports and graphs; trees
# are generated once and kept. Needs ripgrep (installed with apt-get when missing) and GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
work="${BENCH_DIR:-/tmp/aiscan-bench}"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
mkdir -p "$work"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v rg >/dev/null; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ripgrep
fi
[ -x /usr/bin/time ] || as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time

bench_jar="$root/bench/target/benchmarks.jar"
if [ ! -f "$bench_jar" ] || [ -n "$(find "$root/bench/src" -newer "$bench_jar" -print -quit)" ]; then
  mvn -B -q -Pbench -pl bench -am package -DskipTests -Dspotless.check.skip=true >&2
fi
./aiscan --version >&2 # builds aiscan and prepares its fast start when needed

tokens="$work/tokens.txt"
java -cp "$bench_jar" dev.aiscan.bench.Monorepo tokens "$tokens" >/dev/null

# best wall time of 3 runs, in seconds
rg_seconds() {
  local best="" t
  for _ in 1 2 3; do
    t="$( { /usr/bin/time -f "%e" rg -c -F -f "$tokens" "$1" >/dev/null; } 2>&1 | tail -1)"
    if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then best="$t"; fi
  done
  echo "$best"
}

# runs aiscan; prints "wall_seconds rss_kib peak_heap_mib"
aiscan_once() {
  local label="$1"
  shift
  local gclog="$work/$label.gc.log" timing="$work/$label.time"
  rm -f "$gclog"
  AISCAN_JAVA_OPTS="-Xlog:gc:file=$gclog ${AISCAN_JAVA_OPTS:-}" \
    /usr/bin/time -f "%e %M" -o "$timing" ./aiscan scan "$@" --offline --quiet >/dev/null
  local heap
  # the most heap in use at once: the largest "before" figure of any collection
  heap="$(grep -oE '[0-9]+M->[0-9]+M' "$gclog" | cut -dM -f1 | sort -n | tail -1)"
  echo "$(cat "$timing") ${heap:-0}"
}

# the run of least wall time of 3, as for ripgrep
aiscan_run() {
  local best="" line
  for _ in 1 2 3; do
    line="$(aiscan_once "$@")"
    if [ -z "$best" ] || awk -v a="${line%% *}" -v b="${best%% *}" 'BEGIN { exit !(a < b) }'; then best="$line"; fi
  done
  echo "$best"
}

# start-up and shut-down: a scan of an empty directory, taken off the wall time for the scan's own
# throughput
mkdir -p "$work/empty"
read -r empty_s _ _ < <(aiscan_run "empty" --source "$work/empty" --graph none --out "$work/report-empty")

echo "| files | MB | ripgrep | aiscan --graph none | files/s | MB/s | ratio to ripgrep | scan alone | MB/s | ratio | RSS | heap | aiscan with the embedded graph | RSS | heap |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
for n in "${sizes[@]}"; do
  tree="$work/mono-$n"
  if [ ! -f "$tree.stats" ]; then
    rm -rf "$tree"
    java -cp "$bench_jar" dev.aiscan.bench.Monorepo generate "$tree" "$n" > "$tree.stats"
  fi
  files="$(sed -E 's/^files=([0-9]+).*/\1/' "$tree.stats")"
  bytes="$(sed -E 's/.*bytes=([0-9]+).*/\1/' "$tree.stats")"
  rg -c -F -f "$tokens" "$tree" >/dev/null || true # warm the page cache for both
  rg_s="$(rg_seconds "$tree")"
  read -r none_s none_rss none_heap < <(aiscan_run "none-$n" --source "$tree" --graph none --out "$work/report-$n")
  rm -rf "$work/graph-$n"
  read -r graph_s graph_rss graph_heap < <(aiscan_once "graph-$n" --source "$tree" --graph-dir "$work/graph-$n" --out "$work/report-graph-$n")
  awk -v n="$files" -v b="$bytes" -v rg="$rg_s" -v s="$none_s" -v r="$none_rss" -v h="$none_heap" \
    -v gs="$graph_s" -v gr="$graph_rss" -v gh="$graph_heap" -v e="$empty_s" 'BEGIN {
      mb = b / 1e6
      a = s - e
      if (a < 0.01) a = 0.01
      printf "| %d | %.0f | %.2f s (%.0f MB/s) | %.2f s | %.0f | %.1f | %.2f | %.2f s | %.0f | %.2f | %.0f MiB | %d MiB | %.2f s | %.0f MiB | %d MiB |\n",
        n, mb, rg, mb / rg, s, n / s, mb / s, rg / s, a, mb / a, rg / a, r / 1024, h, gs, gr / 1024, gh
    }'
done
echo
echo "$(nproc) cores, $(java -version 2>&1 | head -1); ratio = ripgrep's wall time / aiscan's (1.0 = as fast);"
echo "ripgrep, aiscan --graph none and the empty scan: best of 3 runs; the embedded graph: one run (a new store each time)"
echo "scan alone = aiscan's wall time less that of a scan of an empty directory (${empty_s} s: JVM, Spring, rules, reports)"
