#!/usr/bin/env python3
"""Whether a dialling SIM shares its callees with others on its cell.

An analysis aid behind the README's note on a memory across windows, not a
test. A desk's agents work one book of customers, so over a day many of
each agent's callees are also called by a colleague on the same cell; a
scam seat works a list of its own. For every number `callcenter_burst`
blocked in a labelled data set, it prints its label and, over the whole
set and in the window it was first blocked in, how many distinct numbers
it called and how many of those another number called from one of its
cells in the same span.

    scamstream run --input DIR/records.jsonl --blocklist DIR/blocklist.jsonl [--country-code 86]
    python3 tests/independent/sharedbook.py DIR [--country-code 66|86]

Numbers are read as `crowds.py` reads them.
"""

import collections

from crowds import block_entries, load_set, seconds

RULE = "callcenter_burst"


def first_windows(path, cc):
    """Number -> (start, end) of the first window `RULE` blocked it in."""
    first = {}
    for number, entry in block_entries(path, cc):
        if RULE in entry["rules"]:
            span = (seconds(entry["window_start"]), seconds(entry["window_end"]))
            if number not in first or span < first[number]:
                first[number] = span
    return first


def shared_book(calls, number):
    """(callees of `number`, how many of them another number called from one of its cells)."""
    mine = [r for r in calls if r["caller"] == number]
    callees = {r["callee"] for r in mine}
    cells = {r.get("cell_id") for r in mine} - {None}
    shared = {r["callee"] for r in calls if r["caller"] != number and r.get("cell_id") in cells}
    return len(callees), len(callees & shared)


def main():
    path, cc, records, kind = load_set(__doc__)
    calls = [r for r in records if r.get("kind") == "call"]
    rows = []
    for number, (start, end) in first_windows(f"{path}/blocklist.jsonl", cc).items():
        window = [r for r in calls if start <= r["t"] < end]
        rows.append((kind.get(number, "ordinary"), number, shared_book(calls, number), shared_book(window, number)))
    by_label = collections.defaultdict(list)
    for label, number, whole, first in sorted(rows):
        by_label[label].append(f"{number} {whole[1]}/{whole[0]} whole set, {first[1]}/{first[0]} when blocked")
    for label, lines in by_label.items():
        print(label)
        for line in lines:
            print("  " + line)


if __name__ == "__main__":
    main()
