#!/usr/bin/env python3
"""When and by which rules each labelled number was first blocked.

An analysis aid behind the README's figures on `gen6.py`'s days, not a
test. For a labelled data set and the block-list scamstream wrote for it,
it prints, per label, how many numbers were first blocked on each day (in
the set's own UTC offset, read from its first timestamp), by which rules,
and the hours from a number's first record to its first block.

    scamstream run --input DIR/records.jsonl --blocklist DIR/blocklist.jsonl [--country-code 86]
    python3 tests/independent/blockdays.py DIR [--country-code 66|86]

Numbers are read as `crowds.py` reads them.
"""

import collections
import datetime
import json

from crowds import block_entries, load_set, seconds


def first_blocks(path, cc):
    """Number -> (time of its first block entry, the rules behind it)."""
    first = {}
    for number, entry in block_entries(path, cc):
        at = seconds(entry["flagged_at"])
        if number not in first or at < first[number][0]:
            first[number] = (at, "+".join(entry["rules"]))
    return first


def utc_offset(path):
    with open(f"{path}/records.jsonl") as f:
        ts = json.loads(f.readline())["ts"]
    if isinstance(ts, str):
        return datetime.datetime.fromisoformat(ts.replace("Z", "+00:00")).utcoffset()
    return datetime.timedelta(0)


def main():
    path, cc, records, kind = load_set(__doc__)
    offset = utc_offset(path)
    seen = {}
    for r in records:
        seen[r["caller"]] = min(seen.get(r["caller"], r["t"]), r["t"])
    days = collections.defaultdict(collections.Counter)
    rules = collections.defaultdict(collections.Counter)
    delays = collections.defaultdict(list)
    for number, (at, by) in first_blocks(f"{path}/blocklist.jsonl", cc).items():
        label = kind.get(number, "ordinary")
        day = (datetime.datetime.fromtimestamp(at, datetime.timezone.utc) + offset).date()
        days[label][day.isoformat()] += 1
        rules[label][by] += 1
        if number in seen:
            delays[label].append((at - seen[number]) / 3600)
    for label in sorted(days):
        d = sorted(delays[label])
        print(f"{label}: {sum(days[label].values())} blocked")
        print("  first blocked on " + ", ".join(f"{k} {v}" for k, v in sorted(days[label].items())))
        print("  by " + ", ".join(f"{k} {v}" for k, v in rules[label].most_common()))
        if d:
            print(f"  hours from first record to block: median {d[len(d) // 2]:.1f}, max {d[-1]:.1f}")


if __name__ == "__main__":
    main()
