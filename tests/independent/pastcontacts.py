#!/usr/bin/env python3
"""What a memory of earlier windows would know about the numbers blocked.

An analysis aid behind the README's note on a memory across days, not a
test. For a labelled data set and the block-list `scamstream run` wrote
for it, it prints per label:

- of the numbers blocked after a warm-up span (default the first 24 hours,
  as a deployment would start from a day of history), how many stay
  blocked if a `callcenter_burst`-only entry were dropped whenever at least
  half of the window's callees had been called before the window, from the
  caller's cell or its block of a hundred numbers (a desk's shared book);
- for every number `spoofed_callerid` blocked, how many people had called
  it before the end of the window it was first blocked in, against how
  many called it over the whole set (a working line is called; a forged
  caller ID is not).

    scamstream run --input DIR/records.jsonl --blocklist DIR/blocklist.jsonl [--country-code 86]
    python3 tests/independent/pastcontacts.py DIR [--country-code 66|86] [--warm-up-hours 24]

Numbers are read as `crowds.py` reads them.
"""

import argparse
import collections

from crowds import block_entries, load, seconds


def first_contacts(calls):
    """(key, callee) -> when it was first called from that key: a cell
    (`c`, cell id) or a block of a hundred numbers (`b`, caller minus two
    digits)."""
    first = {}
    for r in calls:
        keys = [("b", r["caller"][:-2])] + ([("c", r["cell_id"])] if r.get("cell_id") else [])
        for key in keys:
            first.setdefault((key, r["callee"]), r["t"])
    return first


def known_book(number, window, first, start):
    """Whether at least half the window's callees were called before
    `start` from the caller's cells or number block."""
    callees = {r["callee"] for r in window}
    keys = {("b", number[:-2])} | {("c", r["cell_id"]) for r in window if r.get("cell_id")}
    known = {c for c in callees if any(first.get((k, c), float("inf")) < start for k in keys)}
    return bool(callees) and len(known) >= 0.5 * len(callees)


def warm_up_blocks(path, cc, calls, kind, warm_up_s):
    """Label -> [numbers blocked after the warm-up, of them still blocked]."""
    first = first_contacts(calls)
    by_caller = collections.defaultdict(list)
    for r in calls:
        by_caller[r["caller"]].append(r)
    status = {}
    for number, entry in block_entries(path, cc):
        start, end = seconds(entry["window_start"]), seconds(entry["window_end"])
        if end < calls[0]["t"] + warm_up_s:
            continue
        window = [r for r in by_caller[number] if start <= r["t"] < end]
        spared = entry["rules"] == ["callcenter_burst"] and known_book(number, window, first, start)
        status[number] = status.get(number, False) or not spared
    counts = collections.defaultdict(lambda: [0, 0])
    for number, kept in status.items():
        counts[kind.get(number, "ordinary")][0] += 1
        counts[kind.get(number, "ordinary")][1] += kept
    return counts


def spoof_callers(path, cc, calls, kind):
    """Label -> ["callers before the first block/callers in all"] per number."""
    callers = collections.defaultdict(list)
    for r in calls:
        callers[r["callee"]].append((r["t"], r["caller"]))
    first_end = {}
    for number, entry in block_entries(path, cc):
        if "spoofed_callerid" in entry["rules"] and number not in first_end:
            first_end[number] = seconds(entry["window_end"])
    out = collections.defaultdict(list)
    for number, end in first_end.items():
        before = {c for t, c in callers[number] if t < end}
        ever = {c for _, c in callers[number]}
        out[kind.get(number, "ordinary")].append(f"{len(before)}/{len(ever)}")
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir")
    parser.add_argument("--country-code", default="66")
    parser.add_argument("--warm-up-hours", type=float, default=24)
    args = parser.parse_args()
    records, kind = load(args.dir, args.country_code)
    calls = sorted((r for r in records if r["kind"] == "call"), key=lambda r: r["t"])
    path = f"{args.dir}/blocklist.jsonl"
    print(f"blocked after {args.warm_up_hours:g} h of warm-up -> still blocked if a desk's book spared it")
    for label, (blocked, kept) in sorted(warm_up_blocks(path, args.country_code, calls, kind,
                                                          args.warm_up_hours * 3600).items()):
        print(f"  {label}: {blocked} -> {kept}")
    print("spoofed_callerid: people who had called the number before its first block / ever")
    for label, figures in sorted(spoof_callers(path, args.country_code, calls, kind).items()):
        print(f"  {label}: {' '.join(figures)}")


if __name__ == "__main__":
    main()
