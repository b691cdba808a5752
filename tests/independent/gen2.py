#!/usr/bin/env python3
"""Independent, blind test-traffic generator for a telecom fraud engine.

Provenance: written on 2026-12-01 by a second helper that saw only the
record contract and the labels format, never scamstream's code, rules,
README or the first independent generator (gen.py), and was told not to
look at what the engine detects. Its first run against the rules of
`c5b940a` is reported in the README ("Detection quality") as a blind
result; since then it is seen traffic.

Models, from public descriptions of schemes seen in Thailand and China:
  fraud:      scam call-centre SIMs (border cells / GoIP gateways), caller-ID
              spoofing from abroad, SIM boxes terminating bypassed international
              calls, wangiri one-ring campaigns, smishing (SIM farms / "modem
              pools" and fake base stations with forged senders)
  lookalikes: bank outbound + debt collection desks, courier riders and hubs,
              OTP senders, bulk notification senders, IoT / M2M SIMs, taxi and
              delivery dispatchers, overseas service desks, roamers calling home
  background: ordinary subscribers with social graphs, migrant workers calling
              Myanmar/Cambodia/Laos, families of workers abroad, sales agents.

Usage: python3 gen.py --out DIR [--subscribers N] [--hours H] [--seed S] [--country th|cn]
Standard library only; deterministic for a given seed.
"""
import argparse
import datetime as dt
import json
import math
import os
import random

# ----------------------------------------------------------------------------
# number plans (prefix after country code, national significant length)
# ----------------------------------------------------------------------------
FOREIGN = {
    # Myanmar / Cambodia / Laos mobiles and landlines
    "mm_mob": ("95", ["96", "975", "976", "977", "978", "979"], 10),
    "kh_mob": ("855", ["12", "17", "92", "77"], 8),
    "kh_mob9": ("855", ["97", "88", "96"], 9),
    "kh_pp": ("855", ["232", "233", "236", "238", "239"], 8),
    "la_mob": ("856", ["202", "203", "205", "207", "209"], 10),
    # destinations of migrant work / family abroad
    "sg_land": ("65", ["61", "62", "63", "64", "65"], 8),
    "sg_mob": ("65", ["81", "82", "83", "85", "86", "87", "88", "91", "92", "93", "94", "96", "97", "98"], 8),
    "my_kl": ("60", ["38"], 9),
    "my_mob": ("60", ["12"], 9),
    "ph_mnl": ("63", ["28"], 9),
    "ph_mob": ("63", ["917", "918", "919", "920", "921", "927", "928"], 10),
    "hk_land": ("852", ["21", "23", "24", "25", "26", "27", "28", "29"], 8),
    "hk_mob": ("852", ["61", "63", "64", "65", "69", "94", "96", "97"], 8),
    "jp_tokyo": ("81", ["31", "32", "33", "34", "35", "36", "37", "38", "39"], 9),
    "jp_mob": ("81", ["901", "902", "903", "805", "806", "807", "704", "708"], 10),
    "kr_mob": ("82", ["102", "103", "104", "106", "107", "108", "109"], 10),
    "tw_mob": ("886", ["90", "91", "92", "93", "95", "96", "97", "98"], 9),
    "il_mob": ("972", ["53", "56"], 9),
    "us": ("1", ["212", "415", "626", "718", "646", "917"], 10),
    "ca": ("1", ["416", "604", "647"], 10),
    "gb_mob": ("44", ["74", "75", "78"], 10),
    "in_blr": ("91", ["802", "803", "804", "806"], 10),
    "au_mob": ("61", ["40", "41"], 9),
    "de_mob": ("49", ["151", "152"], 11),
    "it_mob": ("39", ["32", "33", "34"], 10),
    # premium-prone ranges reported in wangiri warnings
    "tn": ("216", ["2", "5", "9"], 8),
    "lv": ("371", ["20", "21", "22", "24", "25", "26", "27", "28", "29"], 8),
    "by": ("375", ["291", "292", "293", "295", "296", "297", "298", "299", "33", "44"], 9),
    "md": ("373", ["6"], 8),
    "mv": ("960", ["7", "9"], 7),
    "sl": ("232", ["7", "30", "33", "88"], 8),
    "gn": ("224", ["60", "61", "62", "63", "65", "66"], 9),
    "bo": ("591", ["7"], 8),
    "cu": ("53", ["5"], 8),
    "pg": ("675", ["70", "71", "72", "73"], 8),
    "so": ("252", ["61"], 9),
    "intl882": ("882", ["16"], 10),
}
WANGIRI_RANGES = ["tn", "lv", "by", "md", "mv", "sl", "gn", "bo", "cu", "pg", "so", "intl882"]

COUNTRIES = {
    "th": {
        "cc": "66", "mcc": "520", "mnc": "04", "tz": 7, "date": (2024, 5, 14), "start_hour": 9,
        "mobile": [("8", 9), ("9", 9), ("61", 9), ("62", 9), ("63", 9), ("64", 9), ("65", 9)],
        "mobile_w": [45, 40, 3, 3, 3, 3, 3],
        "landline": [("2", 8)],
        "mobile_national_ok": True,
        "migrant": ["mm_mob", "mm_mob", "kh_mob", "kh_mob9", "la_mob"],
        "family_abroad": ["il_mob", "tw_mob", "kr_mob", "jp_mob", "sg_mob", "my_mob", "us", "au_mob", "de_mob"],
        "desks": ["sg_land", "my_kl", "ph_mnl", "hk_land", "in_blr", "kh_pp", "jp_tokyo"],
        "roam": "jp kr sg my tw hk cn".split(),
    },
    "cn": {
        "cc": "86", "mcc": "460", "mnc": "00", "tz": 8, "date": (2024, 9, 10), "start_hour": 9,
        "mobile": [("13", 11), ("18", 11), ("150", 11), ("151", 11), ("152", 11), ("155", 11), ("157", 11),
                   ("158", 11), ("159", 11), ("177", 11), ("178", 11), ("198", 11), ("199", 11)],
        "mobile_w": [30, 25, 5, 5, 4, 4, 4, 5, 5, 4, 3, 3, 3],
        "landline": [("105", 10), ("106", 10), ("1082", 10), ("1085", 10), ("1088", 10)],
        "mobile_national_ok": False,   # Chinese mobiles take no trunk '0'
        "migrant": ["mm_mob", "kh_mob", "la_mob", "kh_mob9"],
        "family_abroad": ["us", "ca", "au_mob", "jp_mob", "kr_mob", "sg_mob", "my_mob", "gb_mob", "it_mob", "de_mob"],
        "desks": ["hk_land", "sg_land", "my_kl", "ph_mnl", "us", "jp_tokyo", "hk_mob"],
        "roam": "th jp kr sg my hk".split(),
    },
}

# Type allocation codes (first 8 digits of the IMEI); reporting bodies 35/86/01
PHONE_TACS = ["35328609", "35328509", "35328309", "35171715", "35171415", "35573167", "35554513",
              "35461444", "86167907", "86769304", "86215305", "86891805", "86446606", "35921811",
              "86014503", "86771004", "35614011", "01326600", "86600507", "35390504"]
CHEAP_TACS = ["86215305", "86446606", "35693803", "86891805"]      # budget Android / feature phones
MODULE_TACS = ["86227903", "86447503", "86145803", "86755904", "86813303", "35807106", "86012303"]


def luhn_digit(body):
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def rdigits(rng, n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def lognorm(rng, median, sigma, lo, hi):
    v = median * math.exp(rng.gauss(0.0, sigma))
    return int(max(lo, min(hi, round(v))))


def ptimes(rng, rate_h, t0, t1):
    out = []
    if rate_h <= 0 or t1 <= t0:
        return out
    lam = rate_h / 3600.0
    t = t0 + rng.expovariate(lam)
    while t < t1:
        out.append(t)
        t += rng.expovariate(lam)
    return out


class Sim:
    __slots__ = ("num", "imsi", "imei", "cell")

    def __init__(self, num, imsi, imei, cell):
        self.num, self.imsi, self.imei, self.cell = num, imsi, imei, cell


class Gen:
    def __init__(self, seed, n_subs, hours, country):
        self.seed, self.N, self.hours, self.country = seed, n_subs, hours, country
        self.C = COUNTRIES[country]
        PLACES[:] = PLACES_BY_COUNTRY[country]
        self.cc = self.C["cc"]
        self.T = hours * 3600.0
        self.scale = n_subs / 20000.0
        self.rng = random.Random("%s-%s-master" % (seed, country))
        y, m, d = self.C["date"]
        tz = dt.timezone(dt.timedelta(hours=self.C["tz"]))
        self.tz = tz
        start = dt.datetime(y, m, d, self.C["start_hour"], 0, 0, tzinfo=tz) + dt.timedelta(days=(seed % 7))
        self.t0 = start.timestamp()
        self.used = set()          # allocated numbers (membership only, never iterated)
        self.imsis = set()
        self.seen = set()          # numbers that appear in traffic
        self.events = []
        self.fraud = []            # (number, class)
        self.look = []             # (number, kind)
        self.fraud_seen_classes = {}
        self.msin = 0

    # -- helpers -----------------------------------------------------------
    def R(self, name):
        return random.Random("%s-%s-%s" % (self.seed, self.country, name))

    def sc(self, base, lo=1):
        return max(lo, int(round(base * self.scale)))

    def nat_mobile(self, rng):
        pre, ln = rng.choices(self.C["mobile"], weights=self.C["mobile_w"])[0]
        return "+" + self.cc + pre + rdigits(rng, ln - len(pre))

    def nat_land(self, rng):
        pre, ln = rng.choice(self.C["landline"])
        return "+" + self.cc + pre + rdigits(rng, ln - len(pre))

    def foreign(self, rng, key):
        cc, pres, ln = FOREIGN[key]
        pre = rng.choice(pres)
        if cc == "1":
            return "+1" + pre + rng.choice("23456789") + rdigits(rng, 6)
        return "+" + cc + pre + rdigits(rng, ln - len(pre))

    def alloc(self, rng, fn):
        while True:
            n = fn(rng)
            if n not in self.used:
                self.used.add(n)
                return n

    def alloc_block(self, rng, count, land=False):
        """consecutive numbers, as when SIMs are bought as a batch"""
        while True:
            base = self.nat_land(rng) if land else self.nat_mobile(rng)
            head, tail = base[:-4], int(base[-4:])
            if tail + count >= 10000:
                continue
            nums = [head + "%04d" % (tail + i) for i in range(count)]
            if any(n in self.used for n in nums):
                continue
            for n in nums:
                self.used.add(n)
            return nums

    def new_imsi(self, rng):
        while True:
            s = self.C["mcc"] + self.C["mnc"] + rdigits(rng, 10)
            if s not in self.imsis:
                self.imsis.add(s)
                return s

    def imsi_block(self, rng, count):
        while True:
            base = int(rdigits(rng, 10))
            if base + count >= 10 ** 10:
                continue
            out = [self.C["mcc"] + self.C["mnc"] + "%010d" % (base + i) for i in range(count)]
            if any(s in self.imsis for s in out):
                continue
            for s in out:
                self.imsis.add(s)
            return out

    def imei(self, rng, tacs):
        body = rng.choice(tacs) + rdigits(rng, 6)
        return body + luhn_digit(body)

    def cell(self, rng, zone=None):
        zone = zone or "metro"
        return rng.choice(self.cells[zone])

    def is_ours(self, num):
        return num.startswith("+" + self.cc)

    # -- emission ----------------------------------------------------------
    def call(self, t, a, b, dur, route, sim=None, cell=None, answered=None, no_cell=False):
        if t < 0 or t >= self.T:
            return
        rec = {"kind": "call", "t": t, "caller": a, "callee": b, "duration_s": int(dur), "route": route}
        if answered is not None:
            rec["answered"] = answered
        if sim is not None:
            rec["imsi"], rec["imei"] = sim.imsi, sim.imei
            if not no_cell:
                rec["cell_id"] = cell or sim.cell
        self.events.append(rec)
        self.seen.add(a)
        self.seen.add(b)

    def sms(self, t, a, b, text, route, sim=None, cell=None, no_cell=False):
        if t < 0 or t >= self.T:
            return
        rec = {"kind": "sms", "t": t, "caller": a, "callee": b, "text": text}
        if route:
            rec["route"] = route
        if sim is not None:
            rec["imsi"], rec["imei"] = sim.imsi, sim.imei
            if not no_cell:
                rec["cell_id"] = cell or sim.cell
        self.events.append(rec)
        self.seen.add(a)
        self.seen.add(b)

    def label_fraud(self, num, cls):
        self.fraud.append((num, cls))

    def label_look(self, num, kind):
        self.look.append((num, kind))

    # -- world ---------------------------------------------------------------
    def build_world(self):
        rng = self.R("world")
        mccmnc = self.C["mcc"] + self.C["mnc"]

        def mk_cells(n, enb_lo, enb_hi):
            out, seen = [], set()
            while len(out) < n:
                c = "%s-%d-%d" % (mccmnc, rng.randint(enb_lo, enb_hi), rng.randint(1, 3))
                if c not in seen:
                    seen.add(c)
                    out.append(c)
            return out
        self.cells = {
            "metro": mk_cells(max(60, self.N // 14), 100000, 299999),
            "border": mk_cells(24, 800000, 809999),      # towns on the Cambodian / Myanmar / Lao borders
            "industrial": mk_cells(40, 400000, 409999),
        }
        # subscribers
        self.subs = []
        for i in range(self.N):
            num = self.alloc(rng, self.nat_mobile)
            home = self.cell(rng)
            work = self.cell(rng) if rng.random() < 0.7 else home
            s = {"num": num, "sim": Sim(num, self.new_imsi(rng), self.imei(rng, PHONE_TACS), home),
                 "home": home, "work": work, "role": "normal", "foreign": []}
            self.subs.append(s)
        self.sub_by_num = {s["num"]: s for s in self.subs}
        # other operators' subscribers and businesses
        self.ext = [self.alloc(rng, self.nat_mobile) for _ in range(int(self.N * 0.8))]
        self.biz = [self.alloc(rng, self.nat_land) for _ in range(max(20, self.N // 30))]
        # international ties
        for s in self.subs:
            r = rng.random()
            if r < (0.06 if self.country == "th" else 0.012):
                s["role"] = "migrant"
                s["foreign"] = [self.foreign(rng, rng.choice(self.C["migrant"])) for _ in range(rng.randint(1, 4))]
            elif r < (0.10 if self.country == "th" else 0.05):
                s["role"] = "family_abroad"
                s["foreign"] = [self.foreign(rng, rng.choice(self.C["family_abroad"])) for _ in range(rng.randint(1, 2))]
        # social graph
        for s in self.subs:
            k = rng.randint(4, 25)
            cs = []
            for _ in range(k):
                r = rng.random()
                if r < 0.55:
                    cs.append(rng.choice(self.subs)["num"])
                elif r < 0.93:
                    cs.append(rng.choice(self.ext))
                else:
                    cs.append(rng.choice(self.biz))
            cs = [c for c in cs if c != s["num"]]
            s["contacts"] = cs
        self.intl_tied = [s for s in self.subs if s["foreign"]]
        self.free = [s for s in self.subs if s["role"] == "normal"]

    def take_subs(self, rng, n, role):
        """reserve ordinary subscribers for a special role"""
        out = []
        while len(out) < n and self.free:
            s = self.free.pop(rng.randrange(len(self.free)))
            if s["role"] != "normal":
                continue
            s["role"] = role
            out.append(s)
        return out

    def rand_sub(self, rng):
        return rng.choice(self.subs)

    def stranger(self, rng, p_ours=0.6):
        """a number a scammer might dial: leaked lists / harvested ranges"""
        if rng.random() < p_ours:
            return rng.choice(self.subs)["num"]
        if rng.random() < 0.7:
            return rng.choice(self.ext)
        return self.nat_mobile(rng)

    # -- formatting ------------------------------------------------------------
    def fmt_num(self, rng, e164):
        if self.is_ours(e164):
            nat = e164[1 + len(self.cc):]
            landline = any(nat.startswith(p) for p, _ in self.C["landline"])
            nat_ok = self.C["mobile_national_ok"] or landline
            r = rng.random()
            if r < 0.45:
                return e164
            if r < 0.65:
                return e164[1:]
            if r < 0.93 and nat_ok:
                return "0" + nat
            if r < 0.93:
                return e164 if r < 0.8 else e164[1:]
            return "00" + e164[1:]
        r = rng.random()
        if r < 0.6:
            return e164
        if r < 0.9:
            return "00" + e164[1:]
        return e164[1:]

    def fmt_ts(self, rng, t, route):
        epoch = self.t0 + t
        r = rng.random()
        p_ms = 0.45 if route == "international" else 0.1
        if r < p_ms:
            return int(round(epoch * 1000))
        if r < p_ms + 0.3:
            return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        return dt.datetime.fromtimestamp(epoch, self.tz).isoformat(timespec="milliseconds")

    # -- background population -------------------------------------------------
    def gen_background(self):
        rng = self.R("background")
        T = self.T
        p2p = P2P_TEXT[self.country]
        for s in self.subs:
            if s["role"] not in ("normal", "migrant", "family_abroad", "sales"):
                continue
            sim = s["sim"]
            rate_c = 0.3 * math.exp(rng.gauss(0, 0.8))
            rate_s = 0.1 * math.exp(rng.gauss(0, 1.0))
            cs = s["contacts"]
            for t in ptimes(rng, rate_c, 0, T):
                if s["foreign"] and rng.random() < (0.25 if s["role"] == "migrant" else 0.08):
                    b = rng.choice(s["foreign"])
                elif cs and rng.random() < 0.9:
                    b = cs[min(len(cs) - 1, int(rng.expovariate(0.35)))]
                else:
                    b = rng.choice(self.biz) if rng.random() < 0.5 else rng.choice(self.ext)
                cell = s["work"] if rng.random() < 0.6 else s["home"]
                self.p2p_call(rng, t, s, b, cell)
            for t in ptimes(rng, rate_s, 0, T):
                b = cs[min(len(cs) - 1, int(rng.expovariate(0.4)))] if cs else rng.choice(self.ext)
                self.sms(t, s["num"], b, rng.choice(p2p), "onnet", sim, s["work"])
            # incoming from other networks
            exts = [c for c in cs if not c.startswith("+" + self.cc) or c not in self.sub_by_num]
            if exts:
                for t in ptimes(rng, 0.12 * math.exp(rng.gauss(0, 0.7)), 0, T):
                    a = rng.choice(exts)
                    if not self.is_ours(a):
                        continue
                    ans = rng.random() < 0.78
                    self.call(t, a, s["num"], lognorm(rng, 70, 1.0, 3, 4000) if ans else 0, "national")
                    if not ans and rng.random() < 0.3:
                        self.call(t + rng.uniform(60, 1200), s["num"], a, lognorm(rng, 60, 0.9, 3, 3000), "onnet", sim, s["work"])
                for t in ptimes(rng, 0.04 * math.exp(rng.gauss(0, 0.7)), 0, T):
                    a = rng.choice(exts)
                    if self.is_ours(a):
                        self.sms(t, a, s["num"], rng.choice(p2p), "national")
            # international incoming from relatives / home
            if s["foreign"]:
                rate = 0.25 if s["role"] == "migrant" else 0.35
                for t in ptimes(rng, rate, 0, T):
                    a = rng.choice(s["foreign"])
                    ans = rng.random() < 0.8
                    self.call(t, a, s["num"], lognorm(rng, 240, 0.9, 5, 5400) if ans else 0, "international")
                for t in ptimes(rng, 0.05, 0, T):
                    self.sms(t, rng.choice(s["foreign"]), s["num"], rng.choice(p2p), "international")
        # sales / insurance / property agents: legitimate cold callers (unlabelled)
        for s in self.take_subs(rng, self.sc(50), "sales"):
            sim = s["sim"]
            t = rng.uniform(0, 1800)
            end = self.T - rng.uniform(0, 1800)
            rate = rng.uniform(5, 14)
            prospects = [self.stranger(rng, 0.5) for _ in range(rng.randint(40, 90))]
            while t < end:
                b = rng.choice(prospects)
                ans = rng.random() < 0.5
                dur = lognorm(rng, 70, 0.9, 4, 1800) if ans else 0
                self.call(t, s["num"], b, dur, "onnet", sim, s["work"])
                t += dur + rng.expovariate(rate / 3600.0)
            for t2 in ptimes(rng, 2.0, 0, self.T):
                a = rng.choice(prospects)
                self.call(t2, a, s["num"], lognorm(rng, 120, 0.8, 5, 2000), "onnet" if a in self.sub_by_num else "national",
                          self.sub_by_num[a]["sim"] if a in self.sub_by_num else None)

    def p2p_call(self, rng, t, s, b, cell):
        ans = rng.random() < 0.78
        if b.startswith("+" + self.cc):
            dur = lognorm(rng, 75, 1.0, 3, 5400) if ans else 0
        else:
            dur = lognorm(rng, 200, 0.9, 5, 5400) if ans else 0
        self.call(t, s["num"], b, dur, "onnet", s["sim"], cell, answered=(ans if rng.random() < 0.5 else None))
        if not ans and rng.random() < 0.3:
            tb = t + rng.uniform(60, 1500)
            cb = self.sub_by_num.get(b)
            d2 = lognorm(rng, 80, 0.9, 3, 3000)
            if cb is not None and cb["role"] in ("normal", "migrant", "family_abroad"):
                self.call(tb, b, s["num"], d2, "onnet", cb["sim"], cb["work"])
            elif cb is None and self.is_ours(b):
                self.call(tb, b, s["num"], d2, "national")

    # ==========================================================================
    # FRAUD
    # ==========================================================================
    def callee_sweep(self, rng):
        base = rng.choice(self.subs)["num"]
        head, tail = base[:-4], int(base[-4:])
        state = {"tail": tail}

        def nxt():
            state["tail"] = (state["tail"] + rng.randint(1, 9)) % 10000
            return head + "%04d" % state["tail"]
        return nxt

    def scam_duration(self, rng):
        r = rng.random()
        if r < 0.68:
            return rng.randint(3, 40)            # hung up on the script
        if r < 0.93:
            return lognorm(rng, 110, 0.6, 40, 600)
        return lognorm(rng, 900, 0.6, 300, 3600)   # victim kept on the line

    def gen_callcenter(self):
        """Scam call-centre SIMs: domestic SIMs used from border towns (Thai SIMs near
        Poipet / Myawaddy) or, in China, GoIP gateways run by 'tool people'; high volume of
        short calls to strangers, few answered, SIMs burned and replaced, handsets reused."""
        rng = self.R("callcenter")
        texts = CC_FOLLOWUP[self.country]
        for g in range(self.sc(3)):
            zone = "border" if (self.country == "th" or rng.random() < 0.5) else "metro"
            cells = rng.sample(self.cells[zone], rng.randint(1, 2))
            n_hand = rng.randint(4, 9)
            slow = (g == 2)
            tacs = CHEAP_TACS if self.country == "th" else (MODULE_TACS if rng.random() < 0.6 else CHEAP_TACS)
            handsets = [self.imei(rng, tacs) for _ in range(n_hand)]
            nums = self.alloc_block(rng, n_hand * 6)
            imsis = self.imsi_block(rng, len(nums))
            if rng.random() < 0.5:     # batches get shuffled between resellers
                order = list(range(len(nums)))
                rng.shuffle(order)
                nums = [nums[i] for i in order]
            pool = list(zip(nums, imsis))
            p_ans = rng.uniform(0.18, 0.35)
            gap_mean = rng.uniform(150, 300) if slow else rng.uniform(15, 60)
            sweep = self.callee_sweep(rng) if rng.random() < 0.5 else None
            s_start = rng.uniform(0, 0.25 * self.T)
            s_end = min(self.T, s_start + rng.uniform(0.6, 1.0) * self.T)
            for imei in handsets:
                t = s_start + rng.uniform(0, 600)
                while t < s_end and pool:
                    num, imsi = pool.pop()
                    sim = Sim(num, imsi, imei, rng.choice(cells))
                    life_end = t + rng.uniform(1200, 4800)
                    cap = rng.randint(40, 140)
                    n = 0
                    while t < min(life_end, s_end) and n < cap:
                        b = sweep() if (sweep and rng.random() < 0.7) else self.stranger(rng, 0.55)
                        ans = rng.random() < p_ans
                        dur = self.scam_duration(rng) if ans else 0
                        self.call(t, num, b, dur, "onnet", sim, rng.choice(cells))
                        if ans and dur > 120 and rng.random() < 0.2:
                            self.sms(t + dur + rng.uniform(10, 120), num, b, fill(rng, rng.choice(texts)), "onnet", sim)
                        t += dur + (0 if ans else rng.uniform(12, 35)) + rng.expovariate(1.0 / gap_mean)
                        n += 1
                    if n:
                        self.label_fraud(num, "callcenter")
                    t += rng.uniform(60, 900)

    def gen_spoofed(self):
        """Calls entering from international gateways but presenting forged national
        numbers (police, DSI, revenue office, bank-like landlines, random mobiles)."""
        rng = self.R("spoofed")
        subs_sorted = sorted(s["num"] for s in self.subs)
        for i in range(self.sc(8)):
            num = self.alloc(rng, self.nat_land if rng.random() < 0.55 else self.nat_mobile)
            dur_w = rng.uniform(1200, 4200)
            w0 = rng.uniform(0, max(1, self.T - dur_w))
            rate = rng.uniform(30, 90)
            p_ans = rng.uniform(0.3, 0.45)
            if rng.random() < 0.4:
                k = rng.randrange(len(subs_sorted))
                targets = subs_sorted[k:k + 400] or subs_sorted[:400]
            else:
                targets = None
            j = 0
            for t in ptimes(rng, rate, w0, w0 + dur_w):
                b = targets[j % len(targets)] if targets else rng.choice(self.subs)["num"]
                j += 1
                ans = rng.random() < p_ans
                self.call(t, num, b, self.scam_duration(rng) if ans else 0, "international")
            self.label_fraud(num, "spoofed_caller_id")
        # rotating CLI campaigns: every few calls a new forged number
        for c in range(self.sc(2)):
            t = rng.uniform(0, self.T - 1800)
            for k in range(rng.randint(8, 14)):
                num = self.alloc(rng, self.nat_mobile if rng.random() < 0.7 else self.nat_land)
                for _ in range(rng.randint(2, 6)):
                    ans = rng.random() < 0.4
                    self.call(t, num, rng.choice(self.subs)["num"], self.scam_duration(rng) if ans else 0, "international")
                    t += rng.uniform(5, 90)
                self.label_fraud(num, "spoofed_caller_id")
                t += rng.uniform(10, 300)

    def gen_simbox(self):
        """SIM boxes terminating grey-route international traffic as local onnet calls:
        fixed cell, GSM-module IMEIs (sometimes rotated), SIM bank rotation with per-SIM
        caps, no incoming traffic, longer international-like durations, some 'human
        emulation' traffic between SIMs of the same box."""
        rng = self.R("simbox")
        for site in range(self.sc(2)):
            cells = rng.sample(self.cells["metro"], rng.choice([1, 1, 2]))
            ports = rng.choice([8, 16, 16])
            rotate_imei = rng.random() < 0.5
            port_imei = [self.imei(rng, MODULE_TACS) for _ in range(ports)]
            n_sims = int(ports * rng.uniform(1.4, 2.2))
            if rng.random() < 0.5:
                nums = self.alloc_block(rng, n_sims)
            else:
                nums = [self.alloc(rng, self.nat_mobile) for _ in range(n_sims)]
            imsis = self.imsi_block(rng, n_sims) if rng.random() < 0.5 else [self.new_imsi(rng) for _ in range(n_sims)]
            pool = list(zip(nums, imsis))
            gap_mean = rng.uniform(40, 120)
            p_ans = rng.uniform(0.55, 0.7)
            box_nums = []
            used_nums = []
            for p in range(ports):
                t = rng.uniform(0, 900)
                while t < self.T and pool:
                    num, imsi = pool.pop()
                    imei = self.imei(rng, MODULE_TACS) if rotate_imei else port_imei[p]
                    sim = Sim(num, imsi, imei, rng.choice(cells))
                    box_nums.append(num)
                    cap = rng.randint(25, 60)
                    n = 0
                    while t < self.T and n < cap:
                        r = rng.random()
                        others = [x for x in box_nums[-40:] if x != num] if r < 0.04 else []
                        if others:
                            b = rng.choice(others)
                            dur = rng.randint(15, 90)
                            self.call(t, num, b, dur, "onnet", sim, rng.choice(cells))
                            if rng.random() < 0.5:
                                self.sms(t + dur + rng.uniform(5, 60), num, b, rng.choice(P2P_TEXT[self.country]), "onnet", sim)
                        else:
                            if r < 0.5 and self.intl_tied:
                                b = rng.choice(self.intl_tied)["num"]
                            elif r < 0.78:
                                b = rng.choice(self.subs)["num"]
                            else:
                                b = rng.choice(self.ext)
                            ans = rng.random() < p_ans
                            dur = lognorm(rng, 150, 0.9, 5, 3600) if ans else 0
                            self.call(t, num, b, dur, "onnet", sim, rng.choice(cells))
                        t += dur + (0 if dur else rng.uniform(15, 40)) + rng.expovariate(1.0 / gap_mean)
                        n += 1
                    if n:
                        used_nums.append(num)
                    t += rng.uniform(5, 120)
            for num in used_nums:
                self.label_fraud(num, "simbox")

    def gen_wangiri(self):
        """One-ring calls from premium-prone international ranges, in bursts, to many of
        our subscribers (often sequential ranges); a few subscribers call back."""
        rng = self.R("wangiri")
        subs_sorted = sorted(s["num"] for s in self.subs)
        ranges = list(WANGIRI_RANGES)
        rng.shuffle(ranges)
        for c in range(self.sc(5)):
            key = ranges[c % len(ranges)]
            first = self.alloc(rng, lambda r: self.foreign(r, key))
            nums = [first]
            for i in range(1, rng.randint(1, 3)):
                n2 = first[:-2] + "%02d" % ((int(first[-2:]) + i * 7) % 100)
                if n2 not in self.used:
                    self.used.add(n2)
                    nums.append(n2)
            start = rng.uniform(0, self.T - 3000)
            seq = rng.random() < 0.4
            for num in nums:
                b0 = start + rng.uniform(0, 900)
                length = rng.uniform(480, 1800)
                n = rng.randint(80, 400)
                times = sorted(rng.uniform(b0, b0 + length) for _ in range(n))
                k = rng.randrange(len(subs_sorted))
                for j, t in enumerate(times):
                    b = subs_sorted[(k + j) % len(subs_sorted)] if seq else rng.choice(self.subs)["num"]
                    if rng.random() < 0.015:
                        self.call(t, num, b, rng.randint(1, 2), "international", answered=True)
                    else:
                        self.call(t, num, b, 0, "international", answered=(False if rng.random() < 0.5 else None))
                    s = self.sub_by_num[b]
                    if rng.random() < 0.025 and s["role"] != "roamer":
                        tb = t + lognorm(rng, 480, 0.9, 20, 5400)
                        self.call(tb, b, num, lognorm(rng, 70, 0.7, 10, 900), "onnet", s["sim"], s["work"])
                self.label_fraud(num, "wangiri")

    def gen_smishing(self):
        rng = self.R("smishing")
        tmpl = SMISH[self.country]
        # SIM farms / modem pools on our network
        for f in range(self.sc(2)):
            cell = self.cell(rng, "border" if rng.random() < 0.4 else "metro")
            modems = rng.randint(4, 10)
            n_sims = modems * 4
            nums = self.alloc_block(rng, n_sims)
            imsis = self.imsi_block(rng, n_sims)
            pool = list(zip(nums, imsis))
            texts = rng.sample(tmpl, 2)
            start = rng.uniform(0, 0.4 * self.T)
            end = min(self.T, start + rng.uniform(0.8, 2.5) * 3600)
            for m in range(modems):
                imei = self.imei(rng, MODULE_TACS)
                t = start + rng.uniform(0, 120)
                while t < end and pool:
                    num, imsi = pool.pop(0)
                    sim = Sim(num, imsi, imei, cell)
                    cap = rng.randint(80, 250)
                    rate = rng.uniform(2, 6) / 60.0
                    n = 0
                    while t < end and n < cap:
                        b = self.stranger(rng, 0.55)
                        self.sms(t, num, b, fill(rng, rng.choice(texts)), "onnet", sim)
                        t += rng.expovariate(rate)
                        n += 1
                    if n:
                        self.label_fraud(num, "smishing")
                    t += rng.uniform(30, 300)
        # fake base stations driven through a district: forged senders, victims by area
        for e in range(self.sc(2)):
            senders = [self.alloc(rng, self.nat_land if rng.random() < 0.5 else self.nat_mobile)
                       for _ in range(rng.randint(1, 2))]
            route_cells = rng.sample(self.cells["metro"], rng.randint(8, 15))
            cellset = set(route_cells)
            victims = [s["num"] for s in self.subs if s["home"] in cellset or s["work"] in cellset]
            extra = [rng.choice(self.subs)["num"] for _ in range(rng.randint(100, 300))]
            victims = victims + extra
            rng.shuffle(victims)
            start = rng.uniform(0, self.T - 2700)
            length = rng.uniform(900, 2400)
            text = rng.choice(tmpl)
            times = sorted(rng.uniform(start, start + length) for _ in victims)
            for t, v in zip(times, victims):
                a = rng.choice(senders)
                self.sms(t, a, v, fill(rng, text), None)
            for a in senders:
                self.label_fraud(a, "smishing")

    # ==========================================================================
    # LOOKALIKES
    # ==========================================================================
    def gen_bank(self):
        rng = self.R("bank")
        for b in range(self.sc(3)):
            base = self.alloc_block(rng, 4, land=True)
            clis = base[:rng.randint(2, 3)]
            for cli in clis:
                rate = rng.uniform(40, 90)
                retry = []
                for t in ptimes(rng, rate, 0, self.T):
                    b_ = rng.choice(self.subs)["num"]
                    ans = rng.random() < 0.6
                    self.call(t, cli, b_, lognorm(rng, 100, 0.8, 8, 2400) if ans else 0, "national")
                    if not ans and rng.random() < 0.3:
                        t2 = t + rng.uniform(600, 2400)
                        ans2 = rng.random() < 0.55
                        self.call(t2, cli, b_, lognorm(rng, 100, 0.8, 8, 2400) if ans2 else 0, "national")
                # customers calling the hotline
                for t in ptimes(rng, rng.uniform(20, 50), 0, self.T):
                    s = rng.choice(self.local)
                    self.call(t, s["num"], cli, lognorm(rng, 240, 0.7, 10, 3600), "onnet", s["sim"], s["home"])
                self.label_look(cli, "bank_callcenter")
        # debt-collection desk working for a bank, staff on mobile SIMs
        for a in range(self.sc(1)):
            office = self.cell(rng)
            agents = rng.randint(6, 10)
            debtors = [self.stranger(rng, 0.6) for _ in range(rng.randint(150, 300))]
            hot = self.alloc(rng, self.nat_land)
            texts = DEBT_TEXT[self.country]
            for k in range(agents):
                num = self.alloc(rng, self.nat_mobile)
                sim = Sim(num, self.new_imsi(rng), self.imei(rng, PHONE_TACS), office)
                t = rng.uniform(0, 900)
                rate = rng.uniform(20, 35)
                while t < self.T:
                    d = rng.choice(debtors)
                    ans = rng.random() < 0.38
                    dur = lognorm(rng, 45, 0.9, 4, 1500) if ans else 0
                    self.call(t, num, d, dur, "onnet", sim)
                    if not ans and rng.random() < 0.1:
                        tb = t + rng.uniform(120, 2400)
                        ds = self.sub_by_num.get(d)
                        if ds is not None:
                            self.call(tb, d, num, lognorm(rng, 120, 0.7, 5, 1800), "onnet", ds["sim"], ds["home"])
                        else:
                            self.call(tb, d, num, lognorm(rng, 120, 0.7, 5, 1800), "national")
                    if not ans and rng.random() < 0.15:
                        self.sms(t + rng.uniform(20, 200), num, d, fill(rng, rng.choice(texts), phone=hot), "onnet", sim)
                    t += dur + rng.uniform(15, 30) + rng.expovariate(rate / 3600.0)
                self.label_look(num, "bank_callcenter")

    def gen_delivery(self):
        rng = self.R("delivery")
        dtext = DELIVERY_TEXT[self.country]
        for r in range(self.sc(40)):
            num = self.alloc(rng, self.nat_mobile)
            route_cells = rng.sample(self.cells["metro"], rng.randint(6, 12))
            sim = Sim(num, self.new_imsi(rng), self.imei(rng, PHONE_TACS), route_cells[0])
            t = rng.uniform(0, 1800)
            end = min(self.T, t + rng.uniform(2.0, 3.0) * 3600)
            parcels = [self.stranger(rng, 0.5) for _ in range(rng.randint(25, 55))]
            seg = (end - t) / len(route_cells)
            t_start = t
            for p in parcels:
                if t >= end:
                    break
                cell = route_cells[min(len(route_cells) - 1, int((t - t_start) / seg))]
                ans = rng.random() < 0.72
                dur = lognorm(rng, 22, 0.6, 4, 300) if ans else 0
                self.call(t, num, p, dur, "onnet", sim, cell)
                if not ans:
                    if rng.random() < 0.5:
                        self.sms(t + rng.uniform(20, 90), num, p, fill(rng, rng.choice(dtext), phone=num), "onnet", sim, cell)
                    if rng.random() < 0.35:
                        tb = t + rng.uniform(120, 1200)
                        ps = self.sub_by_num.get(p)
                        if ps is not None:
                            self.call(tb, p, num, lognorm(rng, 30, 0.6, 4, 300), "onnet", ps["sim"], ps["home"])
                        else:
                            self.call(tb, p, num, lognorm(rng, 30, 0.6, 4, 300), "national")
                    elif rng.random() < 0.5:
                        t2 = t + rng.uniform(180, 600)
                        self.call(t2, num, p, lognorm(rng, 20, 0.6, 4, 300) if rng.random() < 0.6 else 0, "onnet", sim, cell)
                t += dur + rng.expovariate(1.0 / rng.uniform(150, 330))
            self.label_look(num, "delivery_callcenter")
        for h in range(self.sc(3)):
            num = self.alloc(rng, self.nat_mobile)
            sim = Sim(num, self.new_imsi(rng), self.imei(rng, PHONE_TACS), self.cell(rng, "industrial"))
            t = rng.uniform(0, 600)
            rate = rng.uniform(30, 50)
            while t < self.T:
                ans = rng.random() < 0.65
                dur = lognorm(rng, 40, 0.7, 4, 600) if ans else 0
                self.call(t, num, self.stranger(rng, 0.5), dur, "onnet", sim)
                t += dur + rng.expovariate(rate / 3600.0)
            for t in ptimes(rng, rng.uniform(5, 15), 0, self.T):
                s = rng.choice(self.local)
                self.call(t, s["num"], num, lognorm(rng, 60, 0.7, 5, 900), "onnet", s["sim"], s["home"])
            self.label_look(num, "delivery_callcenter")

    def gen_otp(self):
        rng = self.R("otp")
        tx = OTP_TEXT[self.country]
        for k in range(self.sc(3)):
            num = self.alloc(rng, self.nat_land if k == 0 else self.nat_mobile)
            rate = rng.uniform(150, 600)
            text = tx[k % len(tx)]
            for t in ptimes(rng, rate, 0, self.T):
                b = rng.choice(self.subs)["num"]
                self.sms(t, num, b, fill(rng, text), "national")
                if rng.random() < 0.12:
                    self.sms(t + rng.uniform(30, 120), num, b, fill(rng, text), "national")
            self.label_look(num, "otp_sender")

    def gen_notification(self):
        rng = self.R("notification")
        tx = NOTIFY_TEXT[self.country]
        for k in range(self.sc(4)):
            num = self.alloc(rng, self.nat_land if k % 2 == 0 else self.nat_mobile)
            text = tx[k % len(tx)]
            route = "onnet" if k == 0 else "national"
            if k == 3:
                # continuous transaction alerts
                for t in ptimes(rng, rng.uniform(100, 300), 0, self.T):
                    self.sms(t, num, rng.choice(self.subs)["num"], fill(rng, text), route)
            else:
                for burst in range(rng.randint(1, 3)):
                    t0 = rng.uniform(0, self.T - 1500)
                    n = rng.randint(300, 1500)
                    rcpt = rng.sample(self.subs, min(n, len(self.subs)))
                    times = sorted(rng.uniform(t0, t0 + rng.uniform(300, 1200)) for _ in rcpt)
                    for t, s in zip(times, rcpt):
                        self.sms(t, num, s["num"], fill(rng, text), route)
            self.label_look(num, "notification_sender")

    def gen_iot(self):
        rng = self.R("iot")
        servers = [self.alloc(rng, self.nat_land) for _ in range(2)] + [self.alloc(rng, self.nat_mobile) for _ in range(2)]
        monitoring = servers[0]
        n = self.sc(250)
        imsis = self.imsi_block(rng, n)
        for i in range(n):
            num = self.alloc(rng, self.nat_mobile)
            r = rng.random()
            tac = rng.choice(MODULE_TACS)
            sim = Sim(num, imsis[i], self.imei(rng, [tac]), self.cell(rng, "industrial" if rng.random() < 0.3 else "metro"))
            dev = "%06d" % rng.randint(0, 999999)
            if r < 0.45:       # smart meter: fixed interval SMS
                period = rng.choice([900, 900, 1800])
                srv = servers[1]
                t = rng.uniform(0, period)
                while t < self.T:
                    self.sms(t + rng.uniform(-2, 2), num, srv, "MTR,%s,KWH=%d.%d,V=2%02d.%d,ST=OK" % (dev, rng.randint(1000, 99999), rng.randint(0, 9), rng.randint(20, 40), rng.randint(0, 9)), "onnet", sim)
                    t += period
            elif r < 0.75:     # vehicle tracker: moving cells
                period = rng.choice([300, 600])
                srv = servers[2 + (i % 2)]
                path = rng.sample(self.cells["metro"], rng.randint(4, 10))
                t = rng.uniform(0, period)
                while t < self.T:
                    c = path[int(t / self.T * len(path)) % len(path)]
                    self.sms(t + rng.uniform(-3, 3), num, srv, "GPS,%s,%.5f,%.5f,%d" % (dev, rng.uniform(13.6, 13.9), rng.uniform(100.4, 100.7), rng.randint(0, 80)), "onnet", sim, c)
                    t += period
            elif r < 0.9:      # alarm panel: heartbeat SMS, hourly test call, rare alarm
                owners = [self.stranger(rng, 0.7) for _ in range(rng.randint(2, 5))]
                t = rng.uniform(0, 3600)
                while t < self.T:
                    self.call(t, num, monitoring, rng.randint(6, 15), "onnet", sim)
                    self.sms(t + rng.uniform(20, 60), num, monitoring, "ALM,%s,TEST,BAT=%d" % (dev, rng.randint(80, 100)), "onnet", sim)
                    t += 3600
                if rng.random() < 0.15:
                    ta = rng.uniform(0, self.T)
                    for o in owners:
                        self.sms(ta, num, o, "ALARM zone %d %s" % (rng.randint(1, 8), dev), "onnet", sim)
                        ans = rng.random() < 0.6
                        self.call(ta + rng.uniform(5, 20), num, o, rng.randint(5, 25) if ans else 0, "onnet", sim)
                        ta += rng.uniform(25, 45)
            else:              # vending / POS: irregular event SMS
                srv = servers[1 + (i % 3)]
                for t in ptimes(rng, rng.uniform(2, 6), 0, self.T):
                    self.sms(t, num, srv, "VND,%s,SALE,%d" % (dev, rng.randint(10, 200)), "onnet", sim)
            if num in self.seen:
                self.label_look(num, "iot_sim")

    def gen_dispatcher(self):
        rng = self.R("dispatcher")
        dt_ = DISPATCH_TEXT[self.country]
        for k in range(self.sc(6)):
            onnet = rng.random() < 0.5
            num = self.alloc(rng, self.nat_mobile if onnet else self.nat_land)
            sim = Sim(num, self.new_imsi(rng), self.imei(rng, PHONE_TACS), self.cell(rng)) if onnet else None
            drivers = [self.stranger(rng, 0.6) for _ in range(rng.randint(20, 60))]
            route = "onnet" if onnet else "national"
            for t in ptimes(rng, rng.uniform(20, 45), 0, self.T):
                ans = rng.random() < 0.85
                self.call(t, num, rng.choice(drivers), lognorm(rng, 20, 0.6, 3, 300) if ans else 0, route, sim)
            for t in ptimes(rng, rng.uniform(10, 25), 0, self.T):
                d = rng.choice(drivers)
                ds = self.sub_by_num.get(d)
                self.call(t, d, num, lognorm(rng, 25, 0.6, 3, 300), "onnet" if ds else "national", ds["sim"] if ds else None, ds["work"] if ds else None)
            for t in ptimes(rng, rng.uniform(10, 30), 0, self.T):
                c = self.stranger(rng, 0.5)
                cs = self.sub_by_num.get(c)
                self.call(t, c, num, lognorm(rng, 45, 0.6, 5, 600), "onnet" if cs else "national", cs["sim"] if cs else None, cs["home"] if cs else None)
            for t in ptimes(rng, rng.uniform(3, 8), 0, self.T):
                for d in rng.sample(drivers, min(len(drivers), rng.randint(3, 10))):
                    self.sms(t, num, d, fill(rng, rng.choice(dt_)), route, sim)
                    t += rng.uniform(0.5, 3)
            self.label_look(num, "dispatcher")

    def gen_desks(self):
        rng = self.R("desks")
        keys = list(self.C["desks"])
        for k in range(self.sc(5)):
            num = self.alloc(rng, lambda r: self.foreign(r, keys[k % len(keys)]))
            for t in ptimes(rng, rng.uniform(15, 40), 0, self.T):
                b = rng.choice(self.subs)["num"]
                ans = rng.random() < 0.55
                self.call(t, num, b, lognorm(rng, 150, 0.8, 5, 3600) if ans else 0, "international")
            for t in ptimes(rng, rng.uniform(3, 10), 0, self.T):
                s = rng.choice(self.local)
                self.call(t, s["num"], num, lognorm(rng, 300, 0.7, 10, 3600), "onnet", s["sim"], s["home"])
            self.label_look(num, "overseas_service_desk")

    def gen_roamers(self):
        rng = self.R("roamers")
        p2p = P2P_TEXT[self.country]
        for s in self.take_subs(rng, self.sc(40), "roamer"):
            sim = s["sim"]
            cs = s["contacts"] or [rng.choice(self.ext)]
            leave = rng.uniform(0, 0.4 * self.T) if rng.random() < 0.3 else 0.0
            if leave > 0:   # still at home / airport
                for t in ptimes(rng, 1.5, 0, leave):
                    self.p2p_call(rng, t, s, rng.choice(cs), s["home"])
            guide = rng.random() < 0.08
            if guide:
                group = [self.stranger(rng, 0.6) for _ in range(rng.randint(10, 25))]
                rate, targets = rng.uniform(6, 10), group
            else:
                rate, targets = rng.uniform(0.6, 2.5), cs[:5]
            arrive = leave + (rng.uniform(1800, 5400) if leave > 0 else 0)
            n = 0
            for t in ptimes(rng, rate, arrive, self.T):
                b = rng.choice(targets)
                ans = rng.random() < 0.8
                dur = (lognorm(rng, 40, 0.7, 3, 900) if guide else lognorm(rng, 150, 0.9, 5, 3600)) if ans else 0
                self.call(t, s["num"], b, dur, "international", sim, no_cell=True)
                n += 1
            for t in ptimes(rng, 0.4, arrive, self.T):
                self.sms(t, s["num"], rng.choice(targets), rng.choice(p2p), "international", sim, no_cell=True)
                n += 1
            if n == 0:
                t = rng.uniform(arrive, self.T) if arrive < self.T else self.T - 1
                self.call(t, s["num"], rng.choice(targets), lognorm(rng, 150, 0.9, 5, 3600), "international", sim, no_cell=True)
            self.label_look(s["num"], "roamer_calling_home")

    # ==========================================================================
    def run(self, out):
        self.build_world()
        # roles that take ordinary subscribers go before the background
        self.gen_roamers()
        self.local = [s for s in self.subs if s["role"] != "roamer"]
        self.gen_background()
        self.gen_callcenter()
        self.gen_spoofed()
        self.gen_simbox()
        self.gen_wangiri()
        self.gen_smishing()
        self.gen_bank()
        self.gen_delivery()
        self.gen_otp()
        self.gen_notification()
        self.gen_iot()
        self.gen_dispatcher()
        self.gen_desks()

        rng = self.R("output")
        keyed = []
        for i, e in enumerate(self.events):
            j = rng.uniform(-4.0, 4.0) if rng.random() < 0.2 else 0.0
            keyed.append((e["t"] + j, i))
        keyed.sort()
        os.makedirs(out, exist_ok=True)
        rid = 0
        with open(os.path.join(out, "records.jsonl"), "w", encoding="utf-8") as f:
            for _, i in keyed:
                e = self.events[i]
                route = e.get("route")
                rec = {"kind": e["kind"], "ts": self.fmt_ts(rng, e["t"], route),
                       "caller": self.fmt_num(rng, e["caller"]), "callee": self.fmt_num(rng, e["callee"])}
                if e["kind"] == "call":
                    rec["duration_s"] = e["duration_s"]
                    if "answered" in e:
                        rec["answered"] = e["answered"]
                for k in ("imsi", "imei", "cell_id"):
                    if k in e:
                        rec[k] = e[k]
                if route and rng.random() < 0.97:
                    rec["route"] = route
                if "text" in e:
                    rec["text"] = e["text"]
                rid += 1
                if rng.random() < 0.3:
                    rec["cdr_id"] = "%s%09d" % (self.country.upper(), rid)
                f.write(json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n")
        # labels: once per number, only numbers seen in the traffic
        fraud, done = [], set()
        for num, cls in self.fraud:
            if num in self.seen and num not in done:
                done.add(num)
                fraud.append({"number": num, "class": cls})
        look = []
        for num, kind in self.look:
            if num in self.seen and num not in done:
                done.add(num)
                look.append({"number": num, "kind": kind})
        labels = {"seed": self.seed, "subscribers": self.N, "hours": float(self.hours),
                  "fraud": fraud, "lookalikes": look}
        with open(os.path.join(out, "labels.json"), "w", encoding="utf-8") as f:
            json.dump(labels, f, ensure_ascii=False, indent=1)
        return len(keyed), fraud, look


# ----------------------------------------------------------------------------
# texts
# ----------------------------------------------------------------------------
def fill(rng, s, phone=None):
    a = "abcdefghjkmnpqrstuvwxyz23456789"
    rep = {
        "{u}": None, "{tok}": "".join(rng.choice(a) for _ in range(6)),
        "{code}": "%06d" % rng.randint(0, 999999), "{ref}": "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(4)),
        "{amt}": "{:,}".format(rng.randint(3, 480) * 10 + rng.choice([0, 50])),
        "{pts}": str(rng.randint(1200, 98000)), "{n4}": "%04d" % rng.randint(0, 9999),
        "{line}": "@" + "".join(rng.choice(a) for _ in range(7)), "{wx}": "wx" + "".join(rng.choice(a) for _ in range(7)),
        "{trk}": "%012d" % rng.randint(0, 10 ** 12 - 1), "{hhmm}": "%02d:%02d" % (rng.randint(9, 11), rng.randint(0, 59)),
        "{phone}": ("0" + phone[3:]) if phone and phone.startswith("+66") else (phone or ""),
        "{place}": None, "{place2}": None,
    }
    if "{u}" in s:
        s = s.replace("{u}", rng.choice(PHISH_DOMAINS) + "/" + rep["{tok}"])
    if "{place}" in s or "{place2}" in s:
        s = s.replace("{place}", rng.choice(PLACES)).replace("{place2}", rng.choice(PLACES))
    for k, v in rep.items():
        if v is not None and k in s:
            s = s.replace(k, v)
    return s


PHISH_DOMAINS = ["https://kerry-th-update.top", "https://pea-refund.cc", "http://rd-taxrefund.vip", "https://scb-verify.info",
                 "https://th-points.shop", "https://bit.ly", "http://etc-renzheng.cn.com", "https://ccb-jf.vip",
                 "http://sf-express-help.top", "https://m-thaipost.net", "https://line-th.app"]
PLACES_BY_COUNTRY = {"th": ["Siam", "Asok", "Bang Na", "Lat Phrao", "Chatuchak", "Silom", "Ari", "On Nut", "Huai Khwang", "Bang Sue"],
                     "cn": ["王府井", "三里屯", "国贸", "中关村", "望京", "西单", "五道口", "亦庄", "通州北苑", "朝阳门"]}
PLACES = PLACES_BY_COUNTRY["th"]

P2P_TEXT = {
    "th": ["ถึงแล้วโทรหานะ", "โอเคค่ะ", "กินข้าวยัง", "เดี๋ยวโทรกลับ", "ok", "ประชุมอยู่ เดี๋ยวโทรกลับครับ", "ออกจากบ้านแล้ว",
           "รถติดมาก", "555", "ขอบคุณครับ", "พรุ่งนี้เจอกันนะ", "โอนให้แล้วนะ"],
    "cn": ["到了给你打电话", "好的", "吃饭了吗", "在开会，稍后回电", "ok", "已经出门了", "堵车了", "谢谢", "明天见", "钱已经转给你了", "收到"],
}
CC_FOLLOWUP = {
    "th": ["เจ้าหน้าที่ สภ. แจ้งให้ท่านเพิ่มไลน์ {line} เพื่อยืนยันตัวตนภายในวันนี้", "กรุณาแอดไลน์ {line} เพื่อรับเอกสารคดี",
           "DHL: พัสดุของท่านมีสิ่งผิดกฎหมาย ติดต่อเจ้าหน้าที่ไลน์ {line}"],
    "cn": ["我是刚才给您打电话的民警，请添加微信{wx}配合调查", "您的快递理赔请加客服微信{wx}", "请下载会议软件并输入会议号{n4}"],
}
SMISH = {
    "th": ["[Kerry Express] พัสดุของคุณถูกระงับเนื่องจากที่อยู่ไม่ครบถ้วน กรุณาอัปเดตภายใน 24 ชม. {u}",
           "การไฟฟ้า: ท่านได้รับเงินคืนค่าไฟฟ้า {amt} บาท ยืนยันรับเงินที่ {u}",
           "กรมสรรพากร: ท่านมีสิทธิ์ได้รับเงินคืนภาษี {amt} บาท กรุณาลงทะเบียน {u}",
           "แจ้งเตือน: บัญชีธนาคารของท่านถูกระงับชั่วคราว โปรดยืนยันตัวตนที่ {u}",
           "คะแนนสะสมของคุณ {pts} คะแนน จะหมดอายุวันนี้ แลกของรางวัลได้ที่ {u}",
           "ยินดีด้วย! คุณได้รับสิทธิ์กู้เงินด่วน 50,000 บาท ไม่ต้องค้ำ แอดไลน์ {line}"],
    "cn": ["【ETC服务】您的ETC卡已失效，请及时认证，以免影响通行：{u}",
           "【建设银行】尊敬的客户，您的账户积分{pts}即将清零，请登录{u}兑换现金",
           "【顺丰速运】您的快递因地址不详无法派送，请点击{u}重新填写",
           "【医保服务】您的医保卡需重新认证，逾期将停用，认证地址{u}",
           "【个人所得税】您有一笔退税{amt}元待领取，请访问{u}",
           "尊敬的用户，您已获得额度50000元的无抵押贷款资格，加微信{wx}办理"],
}
OTP_TEXT = {
    "th": ["รหัส OTP คือ {code} (Ref: {ref}) ใช้ภายใน 5 นาที ห้ามเปิดเผยรหัสนี้แก่ผู้อื่น",
           "<#> {code} คือรหัสยืนยันของคุณ ห้ามบอกรหัสนี้กับผู้อื่น",
           "OTP สำหรับเข้าสู่ระบบ: {code} Ref {ref} หากคุณไม่ได้ทำรายการ โปรดติดต่อธนาคาร"],
    "cn": ["【淘宝】验证码{code}，5分钟内有效，请勿泄露给他人。", "【微信】验证码{code}，用于登录，切勿告知他人。",
           "【支付宝】校验码{code}，您正在进行身份验证，请勿泄露。"],
}
NOTIFY_TEXT = {
    "th": ["ซิมของคุณรับสิทธิ์เน็ตไม่อั้น 15Mbps 30 วัน 299 บาท สมัครเลย https://www.ais.th/promo/{tok}",
           "ค่าไฟฟ้าเดือนนี้ {amt} บาท ครบกำหนดชำระ 25/05 ดูบิลที่ https://www.mea.or.th/ebill/{tok}",
           "Shopee: โค้ดส่วนลด 50% สำหรับคุณ! ช้อปเลย https://s.shopee.co.th/{tok}",
           "บัญชี xxx{n4} เงินเข้า {amt} บาท เวลา {hhmm} น."],
    "cn": ["【中国移动】尊敬的客户，您本月套餐剩余流量不足，办理加油包请访问 https://10086.cn/{tok}",
           "【国家电网】您的电费账单{amt}元已出，请于月底前缴纳，详情 https://www.95598.cn/{tok}",
           "【京东】大促开启，点击 https://3.cn/{tok} 领取满减券，退订回T",
           "【工商银行】您尾号{n4}卡{hhmm}收入{amt}元，余额请登录手机银行查询。"],
}
DEBT_TEXT = {
    "th": ["แจ้งยอดค้างชำระบัตรเครดิต กรุณาติดต่อกลับ {phone} ในเวลาทำการ", "เรียนลูกค้า ครบกำหนดชำระสินเชื่อแล้ว ติดต่อ {phone}"],
    "cn": ["【信用卡中心】您的账单已逾期，请尽快还款或致电{phone}", "您好，您的贷款已到期，请及时处理，咨询{phone}"],
}
DELIVERY_TEXT = {
    "th": ["Flash Express: พัสดุ TH{trk} กำลังนำส่งวันนี้ ติดต่อพนักงาน {phone}", "Kerry: พนักงานโทรหาท่านไม่ติด พัสดุจะส่งอีกครั้ง โทร {phone}"],
    "cn": ["【顺丰速运】您的快件{trk}正在派送，派送员电话{phone}", "快递到了，放驿站了，取件码{n4}"],
}
DISPATCH_TEXT = {
    "th": ["งานใหม่: รับ {place} ส่ง {place2}", "ลูกค้ารอที่ {place} ครับ", "ยกเลิกงาน {place}"],
    "cn": ["新订单：{place}上车，去{place2}", "乘客在{place}等候", "订单取消 {place}"],
}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--subscribers", type=int, default=20000)
    ap.add_argument("--hours", type=float, default=3.0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--country", choices=["th", "cn"], default="th")
    a = ap.parse_args()
    if a.subscribers < 200:
        ap.error("--subscribers must be at least 200")
    if a.hours < 1.0:
        ap.error("--hours must be at least 1")
    g = Gen(a.seed, a.subscribers, a.hours, a.country)
    n, fraud, look = g.run(a.out)
    by = {}
    for x in fraud:
        by[x["class"]] = by.get(x["class"], 0) + 1
    lk = {}
    for x in look:
        lk[x["kind"]] = lk.get(x["kind"], 0) + 1
    print("records %d  numbers %d  fraud %d %s  lookalikes %d %s" % (n, len(g.seen), len(fraud), by, len(look), lk))


if __name__ == "__main__":
    main()
