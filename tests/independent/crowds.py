#!/usr/bin/env python3
"""Crowds of outbound-only SIMs on one cell, and what they are.

An analysis aid for `simbox_signature`'s crowd branch, not a test and not a
generator: for a labelled data set (records.jsonl and labels.json, as the
generators here and `scamstream gen` write them), it finds every cell that
in some hour (windows every 15 minutes) holds five or more busy
outbound-only SIMs, and prints, for the first such hour of each cell, what
the crowd is (its SIMs' most common label) and the figures the rule weighs:
the share of conversations among calls, the share of answered calls hung up
within 30 s, and the calls the SIMs answered from people they had called.

A SIM is busy and outbound-only in an hour as the rule has it: an IMSI on
its calls, at least 8 calls, at most two cells, at least 90 % of its calls
to different numbers, and texts sent plus records received at most a fifth
of its calls.

    python3 tests/independent/crowds.py DIR [--country-code 66|86]

Numbers are read roughly (a `+`, a `00`, a national `0` or bare digits),
well enough to join a SIM's records; the engine's own reading is stricter.
"""

import argparse
import collections
import datetime
import json
import re

WINDOW_S = 3600
STEP_S = 900


def e164(raw, cc):
    """Digits of an E.164 number, read the way most switches write them."""
    digits = re.sub(r"\D", "", raw)
    if raw.strip().startswith("+"):
        return digits
    if digits.startswith("00"):
        return digits[2:]
    if digits.startswith("0"):
        return cc + digits[1:]
    if cc == "86" and digits.startswith("1") and len(digits) == 11:
        return cc + digits
    return digits if digits.startswith(cc) else cc + digits


def seconds(ts):
    if isinstance(ts, (int, float)):
        return ts / 1000 if ts > 1e11 else ts
    return datetime.datetime.fromisoformat(ts.replace("Z", "+00:00")).timestamp()


def load_set(doc):
    """The labelled set named on the command line (DIR [--country-code CC]):
    its records, the label of each labelled number, and the country code."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("dir")
    parser.add_argument("--country-code", default="66")
    args = parser.parse_args()
    records, kind = load(args.dir, args.country_code)
    return args.dir, args.country_code, records, kind


def block_entries(path, cc):
    """(number, entry) for every block entry of a block-list file."""
    with open(path) as f:
        for line in f:
            entry = json.loads(line)
            if entry.get("action", "block") == "block":
                yield e164(entry["number"], cc), entry


def load(path, cc):
    records = []
    with open(f"{path}/records.jsonl") as f:
        for line in f:
            r = json.loads(line)
            r["caller"], r["callee"] = e164(r["caller"], cc), e164(r["callee"], cc)
            r["t"] = seconds(r["ts"])
            records.append(r)
    with open(f"{path}/labels.json") as f:
        labels = json.load(f)
    kind = {e164(x["number"], cc): "fraud " + x["class"] for x in labels["fraud"]}
    kind.update({e164(x["number"], cc): "look-alike " + x["kind"] for x in labels["lookalikes"]})
    return records, kind


def busy_outbound_only(window):
    calls = collections.defaultdict(list)
    other = collections.Counter()
    for r in window:
        if r["kind"] == "call" and r.get("imsi"):
            calls[r["caller"]].append(r)
        if r["kind"] == "sms":
            other[r["caller"]] += 1
        other[r["callee"]] += 1
    by_cell = collections.defaultdict(list)
    for number, made in calls.items():
        cells = {r["cell_id"] for r in made if r.get("cell_id")}
        if (len(made) >= 8 and 0 < len(cells) <= 2
                and len({r["callee"] for r in made}) >= 0.9 * len(made)
                and other[number] <= 0.2 * len(made)):
            by_cell[max(cells)].append(number)
    return calls, by_cell


def crowd_figures(window, calls, sims):
    made = [r for n in sims for r in calls[n]]
    answered = [r for r in made if r.get("duration_s", 0) > 0]
    hang_ups = sum(1 for r in answered if r["duration_s"] < 30)
    callees = {(n, r["callee"]) for n in sims for r in calls[n]}
    call_backs = sum(1 for r in window
                     if r["kind"] == "call" and r.get("duration_s", 0) > 0
                     and (r["callee"], r["caller"]) in callees)
    return len(made), (len(answered) - hang_ups) / len(made), hang_ups / max(1, len(answered)), call_backs


def main():
    _, _, records, kind = load_set(__doc__)
    start, end = min(r["t"] for r in records), max(r["t"] for r in records)
    seen = set()
    t = start
    while t + WINDOW_S <= end + 60:
        window = [r for r in records if t <= r["t"] < t + WINDOW_S]
        calls, by_cell = busy_outbound_only(window)
        for cell, sims in sorted(by_cell.items()):
            if len(sims) < 5 or cell in seen:
                continue
            seen.add(cell)
            what = collections.Counter(kind.get(n, "unlabelled") for n in sims).most_common(1)[0][0]
            made, conversations, hung_up, call_backs = crowd_figures(window, calls, sims)
            print(f"{cell}: {len(sims)} SIMs, {what}: {made} calls, "
                  f"{conversations:.0%} conversations, {hung_up:.0%} of answered hung up, "
                  f"{call_backs} answered call-backs")
        t += STEP_S


if __name__ == "__main__":
    main()
