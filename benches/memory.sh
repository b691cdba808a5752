#!/usr/bin/env bash
# Peak memory against input size: runs the release binary over 1, 2 and 4
# hours of generated traffic and prints the peak resident set size of each
# run. Flat figures mean only open windows are held, not the input.
#   bash benches/memory.sh [SUBSCRIBERS]
set -euo pipefail
cd "$(dirname "$0")/.."
subscribers="${1:-50000}"
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time; }
cargo build --release --quiet
bin=target/release/scamstream
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '%-6s %-10s %-12s %s\n' hours records "peak RSS" "records/s"
for hours in 1 2 4; do
  "$bin" gen --out "$work/h$hours" --subscribers "$subscribers" --hours "$hours" --seed 1 >/dev/null
  records=$(wc -l < "$work/h$hours/records.jsonl")
  RUST_LOG=warn /usr/bin/time -f '%M' -o "$work/rss" "$bin" run --input "$work/h$hours/records.jsonl" \
    --blocklist "$work/b.jsonl" --alerts "$work/a.jsonl" --rejects "$work/r.jsonl" > "$work/summary"
  rate=$(grep -o '([0-9]* records/s)' "$work/summary" | tr -dc '0-9')
  printf '%-6s %-10s %-12s %s\n' "$hours" "$records" "$(( $(cat "$work/rss") / 1024 )) MiB" "$rate"
done
