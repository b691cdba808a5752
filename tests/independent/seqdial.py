#!/usr/bin/env python3
"""Callers that dial in sequence, and what they are.

An analysis aid behind `callcenter_burst`'s note on sequential dialling, not
a test: for a labelled data set (records.jsonl and labels.json) and the
block-list scamstream wrote for it, it counts the callers that in some
clock hour called three or more numbers lying within a hundred of another
number they called that hour, by label, and how many of them were blocked.

    scamstream run --input DIR/records.jsonl --blocklist DIR/blocklist.jsonl [--country-code 86]
    python3 tests/independent/seqdial.py DIR [--country-code 66|86]

Numbers are read as `crowds.py` reads them.
"""

import collections

from crowds import block_entries, load_set

NEAR = 100
LEAST_NEAR = 3


def near_callees(callees):
    """How many of `callees` lie within NEAR of another one of the same length."""
    numbers = sorted(int(c) for c in callees if c.isdigit())
    near = set()
    for a, b in zip(numbers, numbers[1:]):
        if b - a <= NEAR and len(str(a)) == len(str(b)):
            near.update((a, b))
    return len(near)


def main():
    path, cc, records, kind = load_set(__doc__)
    blocked = {number for number, _ in block_entries(f"{path}/blocklist.jsonl", cc)}
    callees = collections.defaultdict(set)
    for r in records:
        if r.get("kind") == "call":
            callees[(r["caller"], int(r["t"] // 3600))].add(r["callee"])
    dialling = {caller for (caller, _), called in callees.items() if near_callees(called) >= LEAST_NEAR}
    counts = collections.Counter((kind.get(c, "ordinary"), c in blocked) for c in dialling)
    for label in sorted({label for label, _ in counts}):
        print(f"{label:<40} {counts[(label, True)]:>4} blocked {counts[(label, False)]:>4} not")


if __name__ == "__main__":
    main()
