#!/usr/bin/env python3
"""How many people a phone texts links to in an hour, by label.

An analysis aid behind the README's note that volume does not tell an SMS
farm from a shop, not a test. For a labelled data set it finds, for every
sender on our network (a record with an IMSI) of texts carrying a link,
the most distinct recipients it reached within an hour (two adjacent half
hours), and prints the range of that figure per label for senders that
reached at least 20.

    python3 tests/independent/smsfanout.py DIR [--country-code 66|86]

Numbers are read as `crowds.py` reads them.
"""

import collections
import re

from crowds import load_set

LINK = re.compile(r"https?://|www\.|\b[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}/", re.I)
HALF_HOUR_S = 1800
LEAST = 20


def main():
    _, _, records, kind = load_set(__doc__)
    reached = collections.defaultdict(set)
    for r in records:
        if r.get("kind") == "sms" and r.get("imsi") and LINK.search(r.get("text") or ""):
            reached[(r["caller"], int(r["t"] // HALF_HOUR_S))].add(r["callee"])
    most = collections.defaultdict(int)
    for (sender, half), recipients in reached.items():
        hour = recipients | reached.get((sender, half + 1), set())
        most[sender] = max(most[sender], len(hour))
    by_label = collections.defaultdict(list)
    for sender, n in most.items():
        if n >= LEAST:
            by_label[kind.get(sender, "ordinary")].append(n)
    for label, figures in sorted(by_label.items()):
        print(f"{label:<40} {len(figures):>4} senders, {min(figures)} to {max(figures)} recipients in an hour")


if __name__ == "__main__":
    main()
