#!/usr/bin/env python3
"""Whether the numbers that text links answer the calls they receive, by label.

An analysis aid behind `sms_farm_template`'s "nobody answers a farm's SIM",
not a test. For a labelled data set it takes every number that texted a
link to at least five people, and prints per label how many such senders
there are, how many received a call at all, and how many answered one
(from a caller who is not itself such a sender).

    python3 tests/independent/answered.py DIR [--country-code 66|86]

Numbers are read as `crowds.py` reads them.
"""

import collections
import re

from crowds import load_set

LINK = re.compile(r"https?://|www\.|\b[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}/", re.I)
LEAST_RECIPIENTS = 5


def answered(call):
    if "answered" in call:
        return bool(call["answered"])
    return (call.get("duration_s") or 0) > 0


def main():
    _, _, records, kind = load_set(__doc__)
    recipients = collections.defaultdict(set)
    for r in records:
        if r.get("kind") == "sms" and LINK.search(r.get("text") or ""):
            recipients[r["caller"]].add(r["callee"])
    senders = {n for n, people in recipients.items() if len(people) >= LEAST_RECIPIENTS}
    called, picked_up = set(), set()
    for r in records:
        if r.get("kind") == "call" and r["callee"] in senders and r["caller"] not in senders:
            called.add(r["callee"])
            if answered(r):
                picked_up.add(r["callee"])
    by_label = collections.defaultdict(collections.Counter)
    for n in senders:
        counts = by_label[kind.get(n, "ordinary")]
        counts["senders"] += 1
        counts["called"] += n in called
        counts["answered"] += n in picked_up
    for label, c in sorted(by_label.items()):
        print(f"{label:<40} {c['senders']:>4} senders, {c['called']:>4} called, {c['answered']:>4} answered a call")


if __name__ == "__main__":
    main()
