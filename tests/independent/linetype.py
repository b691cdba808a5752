#!/usr/bin/env python3
"""Labelled numbers by line type: which fraud classes and look-alike kinds
call from fixed lines, and which from mobile numbers.

An analysis aid behind `callcenter_burst`'s lower score for fixed lines,
not a test. For each labelled data set named (labels.json, as the
generators here and `scamstream gen` write it) it counts every fraud class
and look-alike kind by the line type of its number, read from the national
numbering plan: in Thailand (66) mobile numbers start 6, 8 or 9 after the
country code and fixed lines 2 to 7; in China (86) mobile numbers start 1
and fixed lines with an area code. A number of another country is
`foreign`. (The rule asks libphonenumber, through `number_type`, which
knows the plans in full; this reading is enough for the two countries.)

    python3 tests/independent/linetype.py DIR... [--country-code 66|86]

A set whose path contains `cn` is read as Chinese unless a code is given.
"""

import argparse
import collections
import json

from crowds import e164

MOBILE_FIRST_DIGITS = {"66": "689", "86": "1"}


def line_type(number, cc):
    if not number.startswith(cc):
        return "foreign"
    national = number[len(cc):]
    return "mobile" if national[:1] in MOBILE_FIRST_DIGITS[cc] else "fixed"


def counts(path, cc):
    with open(f"{path}/labels.json") as f:
        labels = json.load(f)
    out = collections.Counter()
    for x in labels["fraud"]:
        out[("fraud " + x["class"], line_type(e164(x["number"], cc), cc))] += 1
    for x in labels["lookalikes"]:
        out[("look-alike " + x["kind"], line_type(e164(x["number"], cc), cc))] += 1
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="+")
    parser.add_argument("--country-code", choices=sorted(MOBILE_FIRST_DIGITS))
    args = parser.parse_args()
    for path in args.dirs:
        cc = args.country_code or ("86" if "cn" in path else "66")
        by_label = collections.defaultdict(dict)
        for (label, kind), n in counts(path, cc).items():
            by_label[label][kind] = n
        print(path)
        for label, kinds in sorted(by_label.items()):
            print(f"  {label:<40} " + " ".join(f"{k} {n}" for k, n in sorted(kinds.items())))


if __name__ == "__main__":
    main()
