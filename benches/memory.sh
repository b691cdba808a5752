#!/usr/bin/env bash
# Peak memory against input size: runs the release binary over 1 to 48
# hours of generated traffic and prints the peak resident set size of each
# run, twice:
#  - as shipped, where mimalloc keeps the memory it freed for reuse (faster;
#    see `purge_delay` in src/lib.rs), so the peak is the most the process
#    ever held at once plus what the allocator keeps;
#  - with MIMALLOC_PURGE_DELAY=0, where freed pages go back to the kernel
#    at once, so the peak follows the live state: the open windows.
# Flat figures mean only open windows are held, not the input.
#   bash benches/memory.sh [SUBSCRIBERS] [HOURS...]
set -euo pipefail
cd "$(dirname "$0")/.."
subscribers="${1:-50000}"
shift || true
hours_list=(1 4 12 48)
if [ $# -gt 0 ]; then hours_list=("$@"); fi
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time; }
cargo build --release --quiet
bin=target/release/scamstream
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Peak RSS in MiB of one run over $1, with the rest of the arguments as
# environment assignments.
peak_mib() {
  local input=$1
  shift
  env "$@" RUST_LOG=warn /usr/bin/time -f '%M' -o "$work/rss" "$bin" run --input "$input" \
    --blocklist "$work/b.jsonl" --alerts "$work/a.jsonl" --rejects "$work/r.jsonl" > "$work/summary"
  echo $(( $(cat "$work/rss") / 1024 ))
}

printf '%-6s %-10s %-16s %-16s %s\n' hours records "peak RSS" "peak RSS, live" "records/s"
for hours in "${hours_list[@]}"; do
  "$bin" gen --out "$work/h" --subscribers "$subscribers" --hours "$hours" --seed 1 >/dev/null
  records=$(wc -l < "$work/h/records.jsonl")
  shipped=$(peak_mib "$work/h/records.jsonl")
  rate=$(grep -o '([0-9]* records/s)' "$work/summary" | tr -dc '0-9')
  live=$(peak_mib "$work/h/records.jsonl" MIMALLOC_PURGE_DELAY=0)
  printf '%-6s %-10s %-16s %-16s %s\n' "$hours" "$records" "$shipped MiB" "$live MiB" "$rate"
  rm -rf "$work/h"
done
