#!/usr/bin/env python3
"""Independent synthetic CDR / SMS traffic generator for fraud-detection tests.

Provenance: written on 2026-12-01 by a helper that saw only the record
contract and the labels format, never scamstream's generator, rules or
README, from public descriptions of these schemes (SIM boxes, wangiri,
caller-ID spoofing, scam call centres, SMS farms and fake base stations),
with its own parameters. Since then scamstream's rules have been judged on
its traffic (README, "Detection quality"), so it is a second opinion and a
guard against regressions, no longer a blind test.

Home operator in Thailand (th) or China (cn).  Generates ordinary
subscribers, benign look-alikes and fraud actors (call-centre SIMs, spoofed
caller IDs from abroad, SIM boxes, wangiri, smishing SIM farms and fake base
stations).  Standard library only, deterministic for a seed.

usage: gen.py --out DIR [--subscribers N] [--hours H] [--seed S] [--country th|cn]
"""
import argparse
import bisect
import datetime
import json
import math
import os
import random

# ---------------------------------------------------------------- numbering
# (country code, leading-digit pattern, number of random digits that follow)
FOREIGN = {
    # neighbours / scam-compound countries
    'KH': [('855', '1[25]', 6), ('855', '9[67]', 7), ('855', '88', 7)],
    'MM': [('95', '9[67][5-9]', 7), ('95', '925', 7)],
    'LA': [('856', '20[2579]', 7)],
    # ordinary destinations
    'MY': [('60', '12', 7), ('60', '11[1-5]', 7)],
    'SG': [('65', '9[0-8]', 6), ('65', '8[1-9]', 6)],
    'PH': [('63', '917', 7), ('63', '918', 7), ('63', '905', 7)],
    'IN': [('91', '9', 9)],
    'VN': [('84', '9[0-4]', 7), ('84', '3[2-9]', 7)],
    'KR': [('82', '10', 8)],
    'TW': [('886', '9', 8)],
    'JP': [('81', '90[1-9]', 7)],
    'HK': [('852', '6[1-9]', 6), ('852', '9[1-8]', 6)],
    'GB': [('44', '7[7-9]', 8)],
    'US': [('1', '646[2-9]', 6), ('1', '415[2-9]', 6)],
    'AU': [('61', '4[0-3]', 7)],
    'AE': [('971', '50', 7)],
    'DE': [('49', '151', 8), ('49', '17[0-6]', 8)],
    'TH': [('66', '8', 8), ('66', '9', 8)],
    'CN': [('86', '13', 9), ('86', '18', 9)],
    # premium / wangiri-prone ranges reported by operators and regulators
    'TN': [('216', '[259]', 7)],
    'MR': [('222', '3[0-9]', 6)],
    'CI': [('225', '07', 8)],
    'SL': [('232', '7[6-9]', 6)],
    'NG': [('234', '80[3-9]', 7)],
    'CM': [('237', '6[5-9]', 7)],
    'CD': [('243', '8[1-5]', 7)],
    'SO': [('252', '61', 7)],
    'MD': [('373', '6[7-9]', 6)],
    'BY': [('375', '29[2-9]', 6)],
    'RS': [('381', '6[0-6]', 7)],
    'BA': [('387', '6[1-3]', 6)],
    'PG': [('675', '7[0-9]', 6)],
    'SB': [('677', '7[4-9]', 5)],
    'VU': [('678', '5', 6)],
    'CK': [('682', '[57]', 4)],
    'WS': [('685', '7[257]', 5)],
    'KI': [('686', '63', 6)],
    'XG': [('882', '16', 8), ('883', '5100', 8)],
    'JM': [('1', '876[38]', 6)],
    'GBP': [('44', '70', 8)],
    'SC': [('248', '2[5-8]', 5)],
    'KM': [('269', '3', 6)],
}
WANGIRI_SRC = ['TN', 'MR', 'CI', 'SL', 'NG', 'CM', 'CD', 'SO', 'MD', 'BY', 'RS', 'BA',
               'PG', 'SB', 'VU', 'CK', 'WS', 'KI', 'XG', 'JM', 'GBP', 'SC', 'KM']

COUNTRIES = {
    'th': dict(
        cc='66', mcc='520', mncs=['01', '03', '04', '05'], tz=7,
        mobile=[('6[1-6]', 7, 0.07), ('8', 8, 0.50), ('9', 8, 0.43)],
        capital_fixed=[('2', 7)],
        regional_fixed=[('53', 6), ('38', 6), ('74', 6), ('43', 6), ('44', 6), ('45', 6),
                        ('32', 6), ('34', 6), ('77', 6), ('39', 6), ('55', 6)],
        regions=[('bkk', .52), ('central', .13), ('north', .10), ('northeast', .14),
                 ('south', .08), ('kh_border', .012), ('mm_border', .012), ('la_border', .008)],
        capital='bkk', borders=['kh_border', 'mm_border', 'la_border'],
        border_country={'kh_border': 'KH', 'mm_border': 'MM', 'la_border': 'LA'},
        migrants=[('MM', .5), ('KH', .3), ('LA', .2)], migrant_share=0.045,
        abroad=[('KR', 3), ('TW', 2), ('JP', 2), ('SG', 2), ('MY', 2), ('GB', 1), ('US', 1),
                ('AU', 1), ('AE', 1), ('DE', 1), ('CN', 1), ('HK', 1)],
        roam=[('JP', 3), ('KR', 2), ('SG', 2), ('MY', 2), ('CN', 2), ('HK', 1), ('TW', 1),
              ('GB', 1), ('US', 1), ('AU', 1), ('VN', 1), ('LA', 1)],
        desks=['SG', 'MY', 'PH', 'IN', 'HK', 'GB', 'AU', 'US'],
    ),
    'cn': dict(
        cc='86', mcc='460', mncs=['00', '01', '11'], tz=8,
        mobile=[('13', 9, 0.35), ('15[0-35-9]', 8, 0.25), ('18', 9, 0.25), ('17[678]', 8, 0.08),
                ('19[89]', 8, 0.07)],
        capital_fixed=[('10[2-6]', 7)],
        regional_fixed=[('21[2-9]', 7), ('755', 8), ('20', 8), ('28', 8), ('592', 7), ('771', 7)],
        regions=[('bj', .33), ('sh', .25), ('gd', .2), ('fj', .1), ('other', .07),
                 ('yn_border', .03), ('gx_border', .02)],
        capital='bj', borders=['yn_border', 'gx_border'],
        border_country={'yn_border': 'MM', 'gx_border': 'VN'},
        migrants=[('MM', .5), ('VN', .5)], migrant_share=0.004,
        abroad=[('US', 3), ('JP', 2), ('KR', 2), ('SG', 2), ('AU', 2), ('GB', 1), ('DE', 1),
                ('MY', 1), ('TH', 1), ('HK', 2), ('TW', 1)],
        roam=[('HK', 3), ('JP', 3), ('TH', 3), ('KR', 2), ('SG', 2), ('US', 1), ('MY', 1),
              ('VN', 1), ('GB', 1), ('AU', 1)],
        desks=['HK', 'SG', 'MY', 'PH', 'IN', 'GB', 'US', 'JP'],
    ),
}

# Handset TACs (first 8 digits of the IMEI).  35/01 = BABT/CTIA issued,
# 86 = TAF (China).  Module TACs used for GSM modules / IoT / gateways.
PHONE_TACS = ['35391110', '35328115', '35407115', '35672011', '35884510', '35260411',
              '35438712', '35869209', '35925406', '35332510', '35209710', '35174311',
              '86201205', '86769504', '86053906', '86887604', '86438205', '86612705',
              '86956704', '86118305', '86297106', '86404806', '01326300', '01542700']
CHEAP_TACS = ['35613209', '86723203', '35290600', '86508803']
MODULE_TACS = ['86180704', '86253304', '86694503', '35193300', '86833604', '35876107',
               '86145405', '35316104']

# ------------------------------------------------------------------- texts
TXT = {
    'th_personal': [
        'ถึงบ้านแล้วนะ', 'กินข้าวยังจ๊ะ', 'เดี๋ยวโทรกลับนะ ติดประชุมอยู่', 'โอเคครับ',
        'ขอบคุณมากค่ะ', 'พรุ่งนี้เจอกันที่เดิมนะ', 'รถติดมาก ไปช้าหน่อยนะ', 'ฝากซื้อนมด้วย',
        'ลูกถึงโรงเรียนแล้ว', 'ไปรับที่สถานีนะ', 'โทรไม่ติดเลย โทรกลับด้วย', 'วันนี้กลับดึกนะ',
        'คิดถึงนะ', 'โอนเงินให้แล้วนะ เช็คด้วย', 'ประชุมเลื่อนเป็นบ่ายสองครับ',
        'แม่ไม่สบาย พาไปหาหมอแล้ว', 'อยู่ไหนแล้ว', 'ได้เลยครับ', 'เจอกันเย็นนี้', '555 ตลกมาก',
        'ถึงแล้วโทรมานะ', 'เปิดไลน์ด้วย ส่งรูปไปแล้ว', 'ok', 'On my way', 'See you at 7',
        'Call me when free', 'Thanks!', 'ขอเบอร์ช่างแอร์หน่อย', 'ฝนตกหนักมาก ระวังด้วยนะ',
        'สุขสันต์วันเกิดนะ 🎂', 'กำลังไป', 'รอแป๊บนึง', 'ลืมกุญแจไว้ที่โต๊ะ'],
    'cn_personal': [
        '我到家了', '晚上一起吃饭吗？', '好的，收到', '在开会，稍后回电', '明天见', '路上堵车，晚点到',
        '帮我带瓶水', '钱已经转给你了，查收一下', '妈妈身体怎么样？', '孩子放学了吗', '你到哪了？',
        '谢谢！', '周末去爬山吗', '电话打不通，看到回电', '我在楼下', '下班了吗', '生日快乐🎂',
        '好的', '马上到', '钥匙放门卫那了', 'OK', 'On my way', '微信看一下'],
    'mm_personal': ['နေကောင်းလား', 'ဖုန်းပြန်ဆက်ပါ', 'ပိုက်ဆံပို့ပြီးပြီ', 'ok'],
    'kh_personal': ['សុខសប្បាយទេ', 'ខលមកវិញផង', 'ok'],
    'la_personal': ['ສະບາຍດີບໍ່', 'ໂທກັບແດ່', 'ok'],
}


def luhn(s):
    tot = 0
    for i, ch in enumerate(s):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return str((10 - tot % 10) % 10)


def _expand_pattern(r, pat):
    out = []
    i = 0
    while i < len(pat):
        if pat[i] == '[':
            j = pat.index(']', i)
            cls = pat[i + 1:j]
            ch = []
            k = 0
            while k < len(cls):
                if k + 2 < len(cls) and cls[k + 1] == '-':
                    ch.extend(str(d) for d in range(int(cls[k]), int(cls[k + 2]) + 1))
                    k += 3
                else:
                    ch.append(cls[k])
                    k += 1
            out.append(r.choice(ch))
            i = j + 1
        else:
            out.append(pat[i])
            i += 1
    return ''.join(out)


class Dev:
    __slots__ = ('num', 'imsi', 'imei', 'home', 'work', 'act', 'contacts', 'cw', 'lang',
                 'roam', 'region')

    def __init__(self, num, imsi, imei):
        self.num = num
        self.imsi = imsi
        self.imei = imei
        self.home = self.work = None
        self.act = 1.0
        self.contacts = []
        self.cw = []
        self.lang = 'th'
        self.roam = None
        self.region = None


class Gen:
    def __init__(self, seed, n, hours, country):
        self.r = random.Random(f'indep-{country}-{seed}')
        self.seed, self.n, self.hours, self.country = seed, n, hours, country
        self.C = COUNTRIES[country]
        self.cc = self.C['cc']
        self.scale = n / 20000.0
        r = self.r
        day = datetime.date(2026, 11, 2) + datetime.timedelta(days=r.randint(0, 20))
        start_h = r.choice([8.5, 9.0, 9.5, 10.0, 11.0, 13.5, 14.0, 15.0, 16.5, 18.0, 19.0])
        midnight = datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.timezone.utc)
        self.t0 = int(midnight.timestamp() * 1000) + int((start_h - self.C['tz']) * 3600000)
        self.t1 = self.t0 + int(hours * 3600000)
        self.tzname = '+%02d:00' % self.C['tz']
        self.mnc = r.choice(self.C['mncs'])
        self.used = set()
        self.used_imsi = set()
        self.used_imei = set()
        self.recs = []
        self.seq = 0
        self.fraud = {}
        self.look = {}
        self.ours = {}
        self._prof_cache = {}

    # ------------------------------------------------------------ primitives
    def poisson(self, lam):
        r = self.r
        if lam <= 0:
            return 0
        if lam > 40:
            return max(0, int(round(r.gauss(lam, math.sqrt(lam)))))
        L = math.exp(-lam)
        k, p = 0, 1.0
        while True:
            p *= r.random()
            if p <= L:
                return k
            k += 1

    def lognorm(self, median, sigma, lo=1, hi=7200):
        return int(min(hi, max(lo, round(self.r.lognormvariate(math.log(median), sigma)))))

    def local_hour(self, ts):
        return ((ts / 3600000.0) + self.C['tz']) % 24

    @staticmethod
    def prof_value(kind, h):
        if kind == 'flat':
            return 1.0
        if kind == 'human':
            tab = [0.25, 0.12, 0.07, 0.05, 0.05, 0.1, 0.3, 0.65, 1.0, 1.25, 1.35, 1.4,
                   1.3, 1.3, 1.35, 1.35, 1.4, 1.5, 1.5, 1.45, 1.35, 1.15, 0.8, 0.5]
            i = int(h) % 24
            f = h - int(h)
            return tab[i] * (1 - f) + tab[(i + 1) % 24] * f
        if kind == 'office':
            if h < 7.5 or h >= 21:
                return 0.03
            if h < 8.5:
                return 0.4
            if 12 <= h < 13:
                return 0.55
            if h >= 18:
                return 0.35
            return 1.0
        if kind == 'evening':
            return 1.8 if 18 <= h < 23 else (0.3 if h < 7 else 0.8)
        if kind == 'night':
            return 1.5 if (h >= 22 or h < 5) else 0.7
        return 1.0

    def profile(self, kind):
        if kind not in self._prof_cache:
            step = 300000
            ts = list(range(self.t0, self.t1, step))
            w = [self.prof_value(kind, self.local_hour(t + step / 2)) for t in ts]
            cum = []
            s = 0.0
            for x in w:
                s += x
                cum.append(s)
            self._prof_cache[kind] = (ts, cum, s * step / 3600000.0)
        return self._prof_cache[kind]

    def eff_hours(self, kind):
        return self.profile(kind)[2]

    def rand_time(self, kind='human', lo=None, hi=None):
        ts, cum, _ = self.profile(kind)
        if lo is not None or hi is not None:
            lo = self.t0 if lo is None else lo
            hi = self.t1 if hi is None else hi
            for _ in range(20):
                t = self.rand_time(kind)
                if lo <= t < hi:
                    return t
            return self.r.randint(lo, max(lo, hi - 1))
        i = bisect.bisect_left(cum, self.r.random() * cum[-1])
        i = min(i, len(ts) - 1)
        return ts[i] + self.r.randrange(300000)

    # --------------------------------------------------------------- numbers
    def _new(self, cc, pat, nd):
        r = self.r
        for _ in range(1000):
            num = '+' + cc + _expand_pattern(r, pat) + ''.join(r.choice('0123456789') for _ in range(nd))
            if num not in self.used:
                self.used.add(num)
                return num
        raise RuntimeError('number space exhausted')

    def mobile(self):
        pats = self.C['mobile']
        pat, nd, _ = self.r.choices(pats, weights=[p[2] for p in pats])[0]
        return self._new(self.cc, pat, nd)

    def landline(self, capital=True):
        pat, nd = self.r.choice(self.C['capital_fixed'] if capital else self.C['regional_fixed'])
        return self._new(self.cc, pat, nd)

    def foreign(self, code):
        cc, pat, nd = self.r.choice(FOREIGN[code])
        return self._new(cc, pat, nd)

    def block(self, gen_one, k, step=1):
        """k consecutive numbers (bulk-bought SIMs / number ranges)."""
        for _ in range(200):
            base = gen_one()
            self.used.discard(base)
            head, tail = base[:-4], int(base[-4:])
            if tail + k * step >= 10000:
                continue
            nums = [head + '%04d' % (tail + i * step) for i in range(k)]
            if any(x in self.used for x in nums):
                continue
            for x in nums:
                self.used.add(x)
            return nums
        return [gen_one() for _ in range(k)]

    def imsi(self, consecutive_from=None):
        if consecutive_from is not None:
            v = consecutive_from
            while v in self.used_imsi:
                v = str(int(v) + 1)
            self.used_imsi.add(v)
            return v
        while True:
            v = self.C['mcc'] + self.mnc + ''.join(self.r.choice('0123456789') for _ in range(10))
            if v not in self.used_imsi:
                self.used_imsi.add(v)
                return v

    def imei(self, tacs=PHONE_TACS):
        while True:
            body = self.r.choice(tacs) + '%06d' % self.r.randrange(1000000)
            v = body + luhn(body)
            if v not in self.used_imei:
                self.used_imei.add(v)
                return v

    def new_dev(self, num=None, tacs=PHONE_TACS, imsi=None, imei=None):
        num = num or self.mobile()
        d = Dev(num, imsi or self.imsi(), imei or self.imei(tacs))
        return d

    def is_home(self, num):
        return num.startswith('+' + self.cc)

    def fmt(self, num, route=None):
        """Render an E.164 number in one of the formats a switch might emit."""
        x = self.r.random()
        if self.is_home(num):
            nsn = num[1 + len(self.cc):]
            pz = 0.22 if route == 'national' else 0.12
            if self.country == 'cn' and nsn[0] == '1' and nsn[1] != '0':
                pz = 0  # Chinese mobiles have no trunk '0' in national form
            if x < pz:
                return '0' + nsn
            if x < pz + 0.07:
                return num[1:]
            if x < pz + 0.11:
                return '00' + num[1:]
            return num
        if x < 0.10:
            return '00' + num[1:]
        if x < 0.14:
            return num[1:]
        return num

    def fmt_ts(self, ts):
        x = self.r.random()
        if x < 0.15:
            return ts
        if x < 0.62:
            d = datetime.datetime.fromtimestamp(ts / 1000.0, datetime.timezone.utc)
            if x < 0.55:
                return d.strftime('%Y-%m-%dT%H:%M:%S.') + '%03dZ' % (ts % 1000)
            return d.strftime('%Y-%m-%dT%H:%M:%SZ')
        d = datetime.datetime.fromtimestamp(ts / 1000.0 + self.C['tz'] * 3600, datetime.timezone.utc)
        return d.strftime('%Y-%m-%dT%H:%M:%S.') + '%03d' % (ts % 1000) + self.tzname

    # ---------------------------------------------------------------- emitters
    def call(self, ts, a, b, dur, route, dev=None, cell=None, answered=None):
        if not (self.t0 <= ts < self.t1):
            return
        dur = max(0, int(dur))
        rec = {'kind': 'call', 'ts': ts, 'caller': a, 'callee': b, 'duration_s': dur}
        ans = dur > 0 if answered is None else answered
        if answered is not None or self.r.random() < 0.6:
            rec['answered'] = ans
        if dev is not None:
            rec['imsi'], rec['imei'] = dev[0], dev[1]
            if cell:
                rec['cell_id'] = cell
        if route:
            rec['route'] = route
        self.seq += 1
        self.recs.append((ts, self.seq, rec))

    def sms(self, ts, a, b, text, route, dev=None, cell=None):
        if not (self.t0 <= ts < self.t1):
            return
        rec = {'kind': 'sms', 'ts': ts, 'caller': a, 'callee': b}
        if dev is not None:
            rec['imsi'], rec['imei'] = dev[0], dev[1]
            if cell:
                rec['cell_id'] = cell
        if route:
            rec['route'] = route
        if text is not None:
            rec['text'] = text
        self.seq += 1
        self.recs.append((ts, self.seq, rec))

    def label_fraud(self, num, cls):
        if num not in self.fraud and num not in self.look:
            self.fraud[num] = cls

    def label_look(self, num, kind):
        if num not in self.fraud and num not in self.look:
            self.look[num] = kind

    # ----------------------------------------------------------------- cells
    def build_cells(self):
        r = self.r
        ncell = max(60, self.n // 25)
        self.cells = {}
        self.region_w = []
        base_tac = r.randint(1000, 3000)
        enbs = set()
        for ri, (reg, w) in enumerate(self.C['regions']):
            k = max(4, int(round(ncell * w)))
            lst = []
            for i in range(k):
                while True:
                    enb = r.randint(100000, 999999)
                    if enb not in enbs:
                        enbs.add(enb)
                        break
                tac = base_tac + ri * 100 + i // 24
                lst.append('%s-%s-%d-%d' % (self.C['mcc'], self.mnc, tac, enb * 256 + r.randint(1, 3)))
            self.cells[reg] = lst
            self.region_w.append((reg, w))

    def near(self, reg, idx, spread=2):
        lst = self.cells[reg]
        return max(0, min(len(lst) - 1, idx + self.r.randint(-spread, spread)))

    def cur_cell(self, d, ts):
        """Cell of an ordinary subscriber: home at night, work in the day."""
        reg = d.region
        lst = self.cells[reg]
        h = self.local_hour(ts)
        if 9 <= h < 17:
            idx = d.work
        elif 7 <= h < 9 or 17 <= h < 19.5:
            lo, hi = sorted((d.home, d.work))
            idx = self.r.randint(lo, hi)
        else:
            idx = d.home
        if self.r.random() < 0.2:
            idx = self.near(reg, idx, 1)
        return lst[idx]

    # ----------------------------------------------------------- population
    def build_population(self):
        r, C = self.r, self.C
        regs = [x[0] for x in self.region_w]
        wts = [x[1] for x in self.region_w]
        self.subs = []
        cheap_imeis = [self.imei(CHEAP_TACS) for _ in range(max(1, int(3 * self.scale)))]
        for i in range(self.n):
            d = self.new_dev()
            if r.random() < 0.002:   # counterfeit handsets sharing a cloned IMEI
                d.imei = r.choice(cheap_imeis)
            d.region = r.choices(regs, weights=wts)[0]
            nc = len(self.cells[d.region])
            d.home = r.randrange(nc)
            d.work = self.near(d.region, d.home, 12) if r.random() < 0.8 else r.randrange(nc)
            d.act = min(8.0, r.lognormvariate(0, 0.9))
            d.lang = ('th' if self.country == 'th' else 'cn') if r.random() < 0.9 else 'en'
            self.subs.append(d)
            self.ours[d.num] = d
        # dual-SIM phones: second SIM of ours in the same handset (consecutive IMEI)
        for d in r.sample(self.subs, int(0.02 * self.n)):
            tac, ser = d.imei[:8], int(d.imei[8:14])
            body = tac + '%06d' % ((ser + 1) % 1000000)
            d2 = self.new_dev(imei=body + luhn(body))
            d2.region, d2.home, d2.work = d.region, d.home, d.work
            d2.act = d.act * 0.4
            d2.lang = d.lang
            self.subs.append(d2)
            self.ours[d2.num] = d2
        # off-net national numbers (other operators' subscribers, landlines)
        self.offnet = [self.mobile() for _ in range(int(self.n * 1.1))]
        self.landlines = [self.landline(r.random() < 0.6) for _ in range(max(50, self.n // 40))]
        self.landline_set = set(self.landlines)
        # social circles
        order = self.subs[:]
        r.shuffle(order)
        groups = []
        i = 0
        while i < len(order):
            k = r.randint(12, 45)
            groups.append(order[i:i + k])
            i += k
        mig_share = C['migrant_share']
        self.migrants = []
        self.family_abroad = []
        for g in groups:
            for d in g:
                c = []
                c += [x.num for x in r.sample(g, min(len(g), r.randint(3, 9))) if x is not d]
                c += [x.num for x in r.sample(self.subs, r.randint(1, 4))]
                c += r.sample(self.offnet, r.randint(3, 12))
                if r.random() < 0.35:
                    c += r.sample(self.landlines, r.randint(1, 2))
                rr = r.random()
                if rr < mig_share:
                    code = r.choices([m[0] for m in C['migrants']], weights=[m[1] for m in C['migrants']])[0]
                    fam = [self.foreign(code) for _ in range(r.randint(1, 3))]
                    c = fam + c  # home family first: called most
                    d.lang = code.lower()
                    self.migrants.append(d)
                elif rr < mig_share + 0.03:
                    code = r.choices([a[0] for a in C['abroad']], weights=[a[1] for a in C['abroad']])[0]
                    fam = [self.foreign(code) for _ in range(r.randint(1, 2))]
                    c.insert(r.randint(0, 3), fam[0])
                    c += fam[1:]
                    self.family_abroad.append(d)
                # de-duplicate, keep order
                seen = set()
                cc = []
                for x in c:
                    if x not in seen and x != d.num:
                        seen.add(x)
                        cc.append(x)
                r.shuffle(cc) if r.random() < 0.3 else None
                d.contacts = cc
                d.cw = [1.0 / (j + 1) ** 0.9 for j in range(len(cc))]
        # roamers abroad during the window
        nroam = max(2, int(self.n * r.uniform(0.003, 0.006)))
        for d in r.sample(self.subs, nroam):
            if d in self.migrants:
                continue
            d.roam = r.choices([x[0] for x in C['roam']], weights=[x[1] for x in C['roam']])[0]
        self.sorted_sub_nums = sorted(d.num for d in self.subs)

    def pick_contact(self, d):
        return self.r.choices(d.contacts, weights=d.cw)[0]

    def personal_text(self, lang):
        key = {'th': 'th_personal', 'cn': 'cn_personal', 'mm': 'mm_personal',
               'kh': 'kh_personal', 'la': 'la_personal'}.get(lang)
        if key is None:  # english speaker
            return self.r.choice(['ok', 'On my way', 'See you at 7', 'Call me when free', 'Thanks!',
                                  'Running late, sorry', 'Where are you?', 'Got it', 'Happy birthday!',
                                  'Meeting moved to 3pm', 'Can you pick up milk?'])
        return self.r.choice(TXT[key])

    # -------------------------------------------------------- ordinary traffic
    def human_outcome(self, p_ans=0.8):
        if self.r.random() < p_ans:
            return self.lognorm(self.r.choice([45, 60, 80]), 1.0, 1, 5400)
        return 0

    def ordinary(self):
        r = self.r
        CALLS_PER_DAY = 4.5
        SMS_PER_DAY = 0.9
        eh = self.eff_hours('human') / 24.0
        ee = self.eff_hours('evening') / 24.0
        migset = set(id(d) for d in self.migrants)
        for d in self.subs:
            if d.roam:
                continue
            mig = id(d) in migset
            # outgoing calls
            for _ in range(self.poisson(d.act * CALLS_PER_DAY * (ee if mig else eh))):
                t = self.rand_time('evening' if mig else 'human')
                b = self.pick_contact(d)
                self.ordinary_call(t, d, b)
            # outgoing SMS
            for _ in range(self.poisson(d.act * SMS_PER_DAY * eh)):
                t = self.rand_time('human')
                b = self.pick_contact(d)
                if b in self.landline_set:
                    continue   # no SMS to fixed lines
                lang = d.lang
                if not self.is_home(b) and d.lang in ('th', 'cn'):
                    lang = 'en'
                self.sms(t, self.fmt(d.num), self.fmt(b), self.personal_text(lang), 'onnet',
                         (d.imsi, d.imei), self.cur_cell(d, t))
            # incoming from other national operators / landlines
            offc = [c for c in d.contacts if self.is_home(c) and c not in self.ours]
            if offc:
                lam = d.act * CALLS_PER_DAY * 0.75 * eh * len(offc) / max(1, len(d.contacts))
                for _ in range(self.poisson(lam)):
                    t = self.rand_time('human')
                    a = r.choice(offc)
                    dur = self.human_outcome()
                    # a small share of domestic calls are handed over via an
                    # international transit carrier and arrive as 'international'
                    route = 'international' if r.random() < 0.012 else 'national'
                    self.call(t, self.fmt(a, route), self.fmt(d.num), dur, route)
                for _ in range(self.poisson(lam * 0.2)):
                    t = self.rand_time('human')
                    a = r.choice(offc)
                    if a in self.landline_set:
                        continue
                    self.sms(t, self.fmt(a, 'national'), self.fmt(d.num),
                             self.personal_text(d.lang), 'national')
            # incoming from family abroad
            forc = [c for c in d.contacts if not self.is_home(c)]
            if forc:
                lam = d.act * (1.2 if mig else 0.5) * ee
                for _ in range(self.poisson(lam)):
                    t = self.rand_time('evening')
                    a = r.choice(forc)
                    self.call(t, self.fmt(a), self.fmt(d.num), self.human_outcome(0.75), 'international')

    def ordinary_call(self, t, d, b, redial=True):
        r = self.r
        foreign = not self.is_home(b)
        dur = self.human_outcome(0.72 if foreign else 0.8)
        if foreign and dur:
            dur = self.lognorm(240, 0.9, 5, 5400)
        self.call(t, self.fmt(d.num), self.fmt(b), dur, 'onnet', (d.imsi, d.imei), self.cur_cell(d, t))
        if dur == 0 and redial:
            x = r.random()
            if x < 0.2:   # caller tries again
                t2 = t + r.randint(40, 240) * 1000
                self.ordinary_call(t2, d, b, redial=False)
            elif x < 0.6:  # callee calls back
                t2 = t + r.randint(30, 1500) * 1000
                dur2 = self.human_outcome(0.92)
                if b in self.ours:
                    e = self.ours[b]
                    if e.roam:
                        return
                    self.call(t2, self.fmt(e.num), self.fmt(d.num), dur2, 'onnet', (e.imsi, e.imei),
                              self.cur_cell(e, t2))
                elif self.is_home(b):
                    self.call(t2, self.fmt(b, 'national'), self.fmt(d.num), dur2, 'national')
                else:
                    self.call(t2, self.fmt(b), self.fmt(d.num), dur2, 'international')

    def roamers(self):
        r = self.r
        eh = self.eff_hours('human') / 24.0
        for d in self.subs:
            if not d.roam:
                continue
            home_c = [c for c in d.contacts if self.is_home(c)] or d.contacts
            n = self.poisson(max(0.6, d.act) * 6.0 * eh)
            for _ in range(n):
                t = self.rand_time('human')
                b = r.choice(home_c[:5])
                dur = self.human_outcome(0.78)
                self.call(t, self.fmt(d.num), self.fmt(b), dur, 'international', (d.imsi, d.imei))
                if t < self.t1 and self.t0 <= t:
                    self.label_look(d.num, 'roamer_calling_home')
            for _ in range(self.poisson(0.8 * eh * 4)):
                t = self.rand_time('human')
                self.sms(t, self.fmt(d.num), self.fmt(r.choice(home_c[:5])), self.personal_text(d.lang),
                         'international', (d.imsi, d.imei))
        # tour leaders / business travellers phoning many people at home
        for _ in range(r.randint(1, 3)):
            d = self.new_dev()
            d.roam = r.choice(['JP', 'KR', 'CN', 'SG', 'HK']) if self.country == 'th' else r.choice(['TH', 'JP', 'KR'])
            t = self.t0 + r.randint(0, 1800) * 1000
            n = r.randint(8, 30)
            targets = r.sample(self.sorted_sub_nums, n // 2) + r.sample(self.offnet, n - n // 2)
            for b in targets:
                dur = self.human_outcome(0.7)
                self.call(t, self.fmt(d.num), self.fmt(b), dur, 'international', (d.imsi, d.imei))
                t += (dur + r.randint(60, 900)) * 1000
            self.label_look(d.num, 'roamer_calling_home')

    # ------------------------------------------------------------ look-alikes
    def ref(self, n=4, alpha='ABCDEFGHJKLMNPQRSTUVWXYZ'):
        return ''.join(self.r.choice(alpha) for _ in range(n))

    def digits(self, n):
        return ''.join(self.r.choice('0123456789') for _ in range(n))

    def bank_callcenter(self):
        r = self.r
        th = self.country == 'th'
        customers = r.sample(self.subs, int(len(self.subs) * 0.35))
        for b in range(r.randint(1, 3)):
            trunks = [self.landline(True) for _ in range(r.randint(2, 6))]
            p_ans = r.uniform(0.45, 0.7)
            med = r.uniform(60, 160)
            for tn in trunks:
                rate = r.uniform(60, 220) * self.scale
                for _ in range(self.poisson(rate * self.eff_hours('office'))):
                    t = self.rand_time('office')
                    c = r.choice(customers)
                    dur = self.lognorm(med, 0.8, 5, 3600) if r.random() < p_ans else 0
                    self.call(t, self.fmt(tn, 'national'), self.fmt(c.num), dur, 'national')
                    if dur == 0 and r.random() < 0.25:   # agent retries later
                        t2 = t + r.randint(900, 3600) * 1000
                        self.call(t2, self.fmt(tn, 'national'), self.fmt(c.num),
                                  self.lognorm(med, 0.8, 5, 3600) if r.random() < p_ans else 0, 'national')
                    elif dur == 0 and r.random() < 0.06 and not c.roam:  # customer calls back
                        t2 = t + r.randint(120, 2400) * 1000
                        self.call(t2, self.fmt(c.num), self.fmt(tn), r.randint(8, 60), 'onnet',
                                  (c.imsi, c.imei), self.cur_cell(c, t2))
                self.label_look(tn, 'bank_callcenter')
        # outsourced collection / telesales agents on mobile SIMs in one office
        nag = r.randint(0, 8)
        if nag:
            office = r.choice(self.cells[self.C['capital']])
            for _ in range(nag):
                a = self.new_dev()
                p_ans = r.uniform(0.35, 0.6)
                t = self.t0 + r.randint(0, 1200) * 1000
                while t < self.t1:
                    h = self.local_hour(t)
                    if not (8.5 <= h < 18.5):
                        t += 600000
                        continue
                    c = r.choice(customers)
                    dur = self.lognorm(80, 0.9, 3, 2400) if r.random() < p_ans else 0
                    self.call(t, self.fmt(a.num), self.fmt(c.num), dur, 'onnet', (a.imsi, a.imei), office)
                    if dur == 0 and r.random() < 0.1 and not c.roam:
                        t2 = t + r.randint(60, 1800) * 1000
                        self.call(t2, self.fmt(c.num), self.fmt(a.num), self.lognorm(60, 0.7, 3), 'onnet',
                                  (c.imsi, c.imei), self.cur_cell(c, t2))
                    t += (dur + r.randint(25, 45) * (dur == 0) + r.randint(20, 240)) * 1000
                self.label_look(a.num, 'bank_callcenter')

    def delivery_callcenter(self):
        r = self.r
        th = self.country == 'th'
        for _ in range(max(2, int(r.randint(4, 15) * self.scale))):
            d = self.new_dev()
            reg = r.choice([self.C['capital']] * 3 + [x[0] for x in self.region_w[:4]])
            idx = r.randrange(len(self.cells[reg]))
            rate = r.uniform(12, 35)
            p_ans = r.uniform(0.65, 0.85)
            t = self.t0 + r.randint(0, 900) * 1000
            nxt_move = t
            cell = self.cells[reg][idx]
            while t < self.t1:
                if t >= nxt_move:
                    idx = self.near(reg, idx, 2)
                    cell = self.cells[reg][idx]
                    nxt_move = t + r.randint(8, 25) * 60000
                if r.random() < 0.55:
                    c = r.choice(self.subs)
                    b = c.num
                else:
                    c = None
                    b = r.choice(self.offnet) if r.random() < 0.6 else self.mobile()
                dur = self.lognorm(25, 0.6, 3, 600) if r.random() < p_ans else 0
                self.call(t, self.fmt(d.num), self.fmt(b), dur, 'onnet', (d.imsi, d.imei), cell)
                if dur == 0:
                    x = r.random()
                    if x < 0.35:
                        txt = (r.choice(['Flash Express: ไรเดอร์มาส่งพัสดุแล้ว โทรไม่ติด กรุณาโทรกลับเบอร์นี้ค่ะ',
                                         'Kerry: พัสดุของคุณอยู่หน้าบ้าน รบกวนติดต่อกลับครับ',
                                         'ไปรษณีย์ไทย: บุรุษไปรษณีย์มาส่งพัสดุ ไม่มีผู้รับ โทรกลับด้วยครับ',
                                         'Courier here, your parcel is at the gate, please call back'])
                               if th else
                               r.choice(['【快递】您好，您的快递已到小区门口，电话未接通，请回电。',
                                         '快递员：您的包裹放在驿站了，取件码' + self.digits(4),
                                         '您好，外卖到了，在楼下，请接电话']))
                        self.sms(t + r.randint(20, 120) * 1000, self.fmt(d.num), self.fmt(b), txt, 'onnet',
                                 (d.imsi, d.imei), cell)
                    elif x < 0.6:
                        t2 = t + r.randint(60, 900) * 1000
                        dd = r.randint(10, 70)
                        if c is not None and not c.roam:
                            self.call(t2, self.fmt(c.num), self.fmt(d.num), dd, 'onnet', (c.imsi, c.imei),
                                      self.cur_cell(c, t2))
                        elif c is None:
                            self.call(t2, self.fmt(b, 'national'), self.fmt(d.num), dd, 'national')
                gap = 3600.0 / rate
                t += int((dur + r.expovariate(1.0 / gap)) * 1000) + 20000
            self.label_look(d.num, 'delivery_callcenter')
        # courier company hub calling customers from a landline
        for _ in range(r.randint(1, 2)):
            hub = self.landline(r.random() < 0.5)
            rate = r.uniform(40, 120) * self.scale
            for _ in range(self.poisson(rate * self.eff_hours('office'))):
                t = self.rand_time('office')
                c = r.choice(self.subs)
                self.call(t, self.fmt(hub, 'national'), self.fmt(c.num),
                          self.lognorm(45, 0.6, 3, 900) if r.random() < 0.7 else 0, 'national')
            self.label_look(hub, 'delivery_callcenter')

    def otp_sender(self):
        r = self.r
        th = self.country == 'th'
        if th:
            tpls = ['รหัส OTP ของคุณคือ {otp} (Ref: {ref}) ใช้ภายใน 5 นาที ห้ามเปิดเผยรหัสนี้แก่ผู้อื่น',
                    '<#> Your LINE verification code is {otp}',
                    'Shopee: รหัสยืนยันของคุณคือ {otp} ห้ามแชร์รหัสนี้กับผู้อื่น',
                    '[Grab] {otp} is your verification code. Do not share it with anyone.',
                    'TrueMoney OTP {otp} Ref.{ref} (หมดอายุใน 3 นาที)',
                    'K PLUS: OTP {otp} (Ref. {ref}) สำหรับยืนยันการทำรายการ ห้ามบอกรหัสนี้กับผู้ใด',
                    'Lazada: {otp} คือรหัสยืนยันของคุณ ใช้ได้ภายใน 15 นาที']
        else:
            tpls = ['【支付宝】验证码{otp}，您正在进行身份验证，5分钟内有效，打死不要告诉别人哦！',
                    '【微信】验证码：{otp}，用于登录，切勿泄露给他人。',
                    '【京东】验证码：{otp}，您正在登录京东账号，请勿泄露。',
                    '【美团】{otp}（登录验证码），请勿告诉他人，5分钟内有效。',
                    '【中国工商银行】验证码{otp}，您正在进行网上支付，请勿泄露。',
                    '【滴滴出行】验证码{otp}，请在页面中输入完成验证。']
        weights = [max(0.05, d.act) for d in self.subs]
        for k in range(r.randint(2, 5)):
            x = r.random()
            if x < 0.5:
                num, route = self.landline(True), 'national'
            elif x < 0.8:
                num, route = self.mobile(), 'national'
            else:
                num, route = self.foreign(r.choice(['GB', 'US', 'SG'])), 'international'
            mine = r.sample(tpls, r.randint(1, 2))
            rate = r.uniform(250, 1400) * self.scale
            n = self.poisson(rate * self.eff_hours('human'))
            for c in r.choices(self.subs, weights=weights, k=n):
                t = self.rand_time('human')
                tp = r.choice(mine)
                self.sms(t, self.fmt(num, route), self.fmt(c.num),
                         tp.format(otp=self.digits(6), ref=self.ref(4)), route)
                if r.random() < 0.07:   # user asks for the code again
                    self.sms(t + r.randint(30, 150) * 1000, self.fmt(num, route), self.fmt(c.num),
                             tp.format(otp=self.digits(6), ref=self.ref(4)), route)
            self.label_look(num, 'otp_sender')

    def notification_sender(self):
        r = self.r
        th = self.country == 'th'
        months = ['ต.ค.', 'พ.ย.'] if th else ['10月', '11月']

        def amt():
            return '{:,.2f}'.format(r.lognormvariate(math.log(800), 1.2))
        if th:
            tpls = [
                lambda: 'KBank: บช X{}X เงินเข้า {} บ. คงเหลือ {} บ.'.format(self.digits(4), amt(), amt()),
                lambda: 'SCB: หักบัญชี x{} {} บาท รายละเอียด https://www.scb.co.th'.format(self.digits(4), amt()),
                lambda: 'PEA: ค่าไฟฟ้าเดือน {} จำนวน {} บาท ครบกำหนดชำระ 25/11 ดูรายละเอียด https://www.pea.co.th'.format(r.choice(months), amt()),
                lambda: 'MEA: แจ้งดับไฟชั่วคราว 09:00-15:00 น. เพื่อปรับปรุงระบบ รายละเอียด https://www.mea.or.th',
                lambda: 'ไปรษณีย์ไทย: พัสดุ {0} อยู่ระหว่างนำจ่าย ติดตามสถานะ https://track.thailandpost.co.th/?trackNumber={0}'.format(
                    'E' + self.ref(1) + self.digits(9) + 'TH'),
                lambda: 'Lazada: คำสั่งซื้อ #{} จัดส่งแล้ว ติดตามที่ https://www.lazada.co.th'.format(self.digits(12)),
                lambda: 'ยอดค่าบริการรอบบิล {} {} บาท ชำระสะดวกผ่านแอป หรือ https://www.ais.th'.format(r.choice(months), amt()),
                lambda: 'กรมอุตุนิยมวิทยา: เตือนฝนตกหนักบริเวณกรุงเทพฯ และปริมณฑล ช่วง 16.00-20.00 น. https://www.tmd.go.th',
                lambda: 'Krungthai: ท่านได้ทำรายการถอนเงิน {} บาท หากไม่ได้ทำรายการ โทร 02-111-1111'.format(amt()),
                lambda: 'Shopee: พัสดุ #{} ของคุณถูกจัดส่งสำเร็จแล้ว ให้คะแนนได้ที่ https://shopee.co.th'.format(self.digits(10)),
                lambda: 'Your appointment at the clinic is tomorrow 10:30. Reply C to confirm.',
            ]
        else:
            tpls = [
                lambda: '【中国移动】尊敬的客户，您本月已使用流量{:.1f}GB，详询 https://www.10086.cn'.format(r.uniform(1, 40)),
                lambda: '【工商银行】您尾号{}卡支出(消费){}元，余额{}元。'.format(self.digits(4), amt(), amt()),
                lambda: '【顺丰速运】您的快件SF{}已到达驿站，取件码{}。查询 https://www.sf-express.com'.format(self.digits(13), self.digits(6)),
                lambda: '【国家电网】您户号{}电费余额不足{}元，请及时缴费。https://www.95598.cn'.format(self.digits(10), amt()),
                lambda: '【12306】订单E{}，您已购{}G{}次车票，请按时乘车。https://www.12306.cn'.format(self.digits(9), r.choice(months), r.randint(1, 999)),
                lambda: '【京东】您的订单{}已发货，查看物流 https://www.jd.com'.format(self.digits(12)),
                lambda: '【气象局】预计今天夜间有大到暴雨，请注意防范。http://www.cma.gov.cn',
                lambda: '【招商银行】您账户{}于{}消费{}元。'.format(self.digits(4), r.choice(months), amt()),
            ]
        for k in range(r.randint(3, 6)):
            x = r.random()
            if x < 0.55:
                num, route = self.landline(True), 'national'
            elif x < 0.8:
                num, route = self.landline(False), 'national'
            else:
                num, route = self.mobile(), 'onnet'
            mine = r.sample(tpls, r.randint(1, 3))
            rate = r.uniform(150, 1100) * self.scale
            prof = r.choice(['human', 'office', 'flat'])
            n = self.poisson(rate * self.eff_hours(prof))
            burst = r.random() < 0.4   # batch campaigns: bills go out in a burst
            bstart = self.rand_time(prof)
            for c in r.sample(self.subs, min(n, len(self.subs))):
                t = (bstart + r.randint(0, 1500000)) if burst else self.rand_time(prof)
                self.sms(t, self.fmt(num, route), self.fmt(c.num), r.choice(mine)(), route)
            self.label_look(num, 'notification_sender')
        # small business SMS gateway modem (GSM modem on our network) sending reminders
        for _ in range(r.randint(0, 2)):
            g = self.new_dev(tacs=MODULE_TACS)
            cell = r.choice(self.cells[self.C['capital']])
            t = self.rand_time('office')
            for c in r.sample(self.subs, r.randint(40, 160)):
                txt = (r.choice(['คลินิกทันตกรรม: แจ้งนัดหมายพรุ่งนี้ เวลา {}:00 น. หากต้องการเลื่อนนัดโทร 02-{}-{}',
                                 'โรงเรียน: แจ้งผู้ปกครอง พรุ่งนี้หยุดเรียนกรณีพิเศษ สอบถาม 02-{}-{}'])
                       .format(r.randint(9, 17), self.digits(3), self.digits(4)) if self.country == 'th' else
                       '【诊所】提醒您明天{}点复诊，如需改约请致电{}。'.format(r.randint(9, 17), self.digits(8)))
                self.sms(t, self.fmt(g.num), self.fmt(c.num), txt, 'onnet', (g.imsi, g.imei), cell)
                t += r.randint(3, 12) * 1000
            self.label_look(g.num, 'notification_sender')

    def iot_sim(self):
        r = self.r
        # heartbeat devices: alarm panels, meters, vending machines
        for f in range(r.randint(1, 3)):
            server = r.choice(self.offnet) if r.random() < 0.5 else self.mobile()
            n = max(3, int(r.randint(8, 30) * self.scale))
            period = r.choice([15, 30, 60]) * 60000
            clustered = r.random() < 0.5
            reg = r.choice([x[0] for x in self.region_w[:4]])
            cell0 = r.choice(self.cells[reg])
            kind = r.choice(['HB', 'MTR', 'ALM'])
            for i in range(n):
                d = self.new_dev(tacs=MODULE_TACS)
                cell = cell0 if clustered else r.choice(self.cells[reg])
                t = self.t0 + r.randrange(period)
                while t < self.t1:
                    txt = '{},ID={},V={:.1f},CSQ={},T={}'.format(kind, self.digits(8), r.uniform(11.5, 13.8),
                                                                 r.randint(9, 31), r.randint(22, 41))
                    self.sms(t, self.fmt(d.num), self.fmt(server), txt, 'onnet', (d.imsi, d.imei), cell)
                    t += period + r.randint(-20000, 20000)
                self.label_look(d.num, 'iot_sim')
        # vehicle trackers moving through cells
        server = self.mobile()
        reg = self.C['capital']
        for i in range(max(2, int(r.randint(4, 16) * self.scale))):
            d = self.new_dev(tacs=MODULE_TACS)
            idx = r.randrange(len(self.cells[reg]))
            period = r.choice([5, 10, 15]) * 60000
            t = self.t0 + r.randrange(period)
            while t < self.t1:
                idx = self.near(reg, idx, 1)
                txt = 'GPS:{:.5f},{:.5f},SPD:{},ACC:{}'.format(
                    (13.75 if self.country == 'th' else 39.9) + r.uniform(-.2, .2),
                    (100.5 if self.country == 'th' else 116.4) + r.uniform(-.2, .2), r.randint(0, 90),
                    r.choice(['ON', 'ON', 'OFF']))
                self.sms(t, self.fmt(d.num), self.fmt(server), txt, 'onnet', (d.imsi, d.imei), self.cells[reg][idx])
                t += period
            self.label_look(d.num, 'iot_sim')
        # alarm dialers / lift emergency phones calling a monitoring centre
        centre = self.landline(True)
        for i in range(r.randint(3, 12)):
            d = self.new_dev(tacs=MODULE_TACS)
            cell = r.choice(self.cells[self.C['capital']])
            for _ in range(r.randint(1, 3)):
                t = self.rand_time('flat')
                self.call(t, self.fmt(d.num), self.fmt(centre), r.randint(8, 40), 'onnet', (d.imsi, d.imei), cell)
            self.label_look(d.num, 'iot_sim')

    def dispatcher(self):
        r = self.r
        th = self.country == 'th'
        for _ in range(r.randint(1, 4)):
            d = self.new_dev()
            cell = r.choice(self.cells[r.choice([self.C['capital'], self.region_w[1][0]])])
            pool = [x.num for x in r.sample(self.subs, r.randint(15, 60))] + r.sample(self.offnet, r.randint(15, 60))
            rate = r.uniform(25, 70)
            t = self.t0 + r.randint(0, 300) * 1000
            while t < self.t1:
                b = r.choice(pool)
                dur = r.randint(8, 50) if r.random() < 0.87 else 0
                self.call(t, self.fmt(d.num), self.fmt(b), dur, 'onnet', (d.imsi, d.imei), cell)
                if r.random() < 0.15:
                    txt = (('รับลูกค้า ' + r.choice(['ซ.สุขุมวิท ', 'ถ.รัชดา ', 'BTS อโศก ', 'เซ็นทรัล ']) + str(r.randint(1, 101)))
                           if th else '接单：' + r.choice(['朝阳区', '海淀区', '西城区']) + str(r.randint(1, 200)) + '号')
                    self.sms(t + 15000, self.fmt(d.num), self.fmt(b), txt, 'onnet', (d.imsi, d.imei), cell)
                t += int((dur + r.expovariate(rate / 3600.0)) * 1000)
            # customers booking rides
            for _ in range(self.poisson(r.uniform(10, 40) * self.hours)):
                t = self.rand_time('human')
                if r.random() < 0.5:
                    c = r.choice(self.subs)
                    if c.roam:
                        continue
                    self.call(t, self.fmt(c.num), self.fmt(d.num), r.randint(15, 90), 'onnet', (c.imsi, c.imei),
                              self.cur_cell(c, t))
                else:
                    self.call(t, self.fmt(r.choice(self.offnet), 'national'), self.fmt(d.num), r.randint(15, 90),
                              'national')
            self.label_look(d.num, 'dispatcher')

    def overseas_service_desk(self):
        r = self.r
        for _ in range(r.randint(2, 5)):
            num = self.foreign(r.choice(self.C['desks']))
            rate = r.uniform(20, 100) * self.scale
            p_ans = r.uniform(0.5, 0.7)
            called = []
            for _ in range(self.poisson(rate * self.eff_hours('office'))):
                t = self.rand_time('office')
                c = r.choice(self.subs)
                dur = self.lognorm(r.choice([120, 180, 240]), 0.8, 5, 3600) if r.random() < p_ans else 0
                self.call(t, self.fmt(num), self.fmt(c.num), dur, 'international')
                if dur == 0 and r.random() < 0.08 and not c.roam:
                    t2 = t + r.randint(300, 3000) * 1000
                    self.call(t2, self.fmt(c.num), self.fmt(num), self.lognorm(200, 0.7, 10), 'onnet',
                              (c.imsi, c.imei), self.cur_cell(c, t2))
            self.label_look(num, 'overseas_service_desk')

    # ------------------------------------------------------------------ fraud
    def fraud_outcome(self, p_ans):
        r = self.r
        if r.random() >= p_ans:
            return 0, r.randint(15, 40)
        x = r.random()
        if x < 0.62:
            d = r.randint(2, 25)
        elif x < 0.91:
            d = r.randint(25, 180)
        else:
            d = self.lognorm(900, 0.6, 300, 4500)   # victim engaged
        return d, 0

    def stranger(self):
        r = self.r
        if r.random() < 0.72:
            return r.choice(self.subs)
        return r.choice(self.offnet) if r.random() < 0.5 else self.mobile()

    def callcenter(self):
        r = self.r
        nops = max(1, int(round(r.randint(1, 3) * max(0.5, self.scale))))
        modes = ['border', 'urban', 'roaming', 'lowslow']
        for op in range(nops):
            mode = r.choices(modes, weights=[4, 2, 2, 2])[0]
            nhand = r.randint(1, 5)
            same_handset = r.random() < 0.6  # new SIM goes into the same phone
            consecutive = r.random() < 0.5
            reg = r.choice(self.C['borders']) if mode in ('border', 'lowslow') else self.C['capital']
            cells = r.sample(self.cells[reg], min(len(self.cells[reg]), r.randint(1, 2)))
            life_min = r.uniform(20, 80)
            rate = {'border': (30, 80), 'urban': (25, 60), 'roaming': (20, 50), 'lowslow': (6, 15)}[mode]
            p_ans = r.uniform(0.2, 0.45)
            shift_start = self.t0 + r.randint(0, 1800) * 1000
            nsims = nhand * (int(self.hours * 60 / life_min) + 1) + (r.randint(2, 6) if mode == 'lowslow' else 0)
            if consecutive:
                nums = self.block(self.mobile, nsims)
                base_imsi = self.imsi()
                imsis = [self.imsi(str(int(base_imsi) + i)) for i in range(nsims)]
            else:
                nums = [self.mobile() for _ in range(nsims)]
                imsis = [self.imsi() for _ in range(nsims)]
            sims = list(zip(nums, imsis))
            called = []
            if mode == 'lowslow':
                # many SIMs used in parallel, each lightly
                for (num, imsi) in sims:
                    imei = self.imei(r.choice([PHONE_TACS, CHEAP_TACS]))
                    cell = r.choice(cells)
                    t = shift_start + r.randint(0, 2400) * 1000
                    self.cc_sim(num, imsi, imei, cell, 'onnet', t, self.t1, r.uniform(*rate), p_ans, called)
                continue
            si = 0
            for h in range(nhand):
                imei = self.imei(r.choice([PHONE_TACS, CHEAP_TACS]))
                t = shift_start + r.randint(0, 300) * 1000
                while t < self.t1 and si < len(sims):
                    num, imsi = sims[si]
                    si += 1
                    if not same_handset:
                        imei = self.imei(r.choice([PHONE_TACS, CHEAP_TACS]))
                    end = min(self.t1, t + int(r.uniform(0.6, 1.4) * life_min * 60000))
                    route = 'international' if mode == 'roaming' else 'onnet'
                    cell = None if mode == 'roaming' else r.choice(cells)
                    self.cc_sim(num, imsi, imei, cell, route, t, end, r.uniform(*rate), p_ans, called)
                    t = end + r.randint(30, 600) * 1000

    def cc_sim(self, num, imsi, imei, cell, route, t, end, rate, p_ans, called):
        r = self.r
        used = False
        mean_gap = max(5.0, 3600.0 / rate - 20)
        while t < end:
            if called and r.random() < 0.04:
                v = r.choice(called)   # follow-up call to an engaged victim
            else:
                v = self.stranger()
            b = v.num if isinstance(v, Dev) else v
            dur, ring = self.fraud_outcome(p_ans)
            self.call(t, self.fmt(num), self.fmt(b), dur, route, (imsi, imei), cell)
            used = used or (self.t0 <= t < self.t1)
            if dur > 120:
                called.append(v)
            if dur == 0 and isinstance(v, Dev) and not v.roam and r.random() < 0.05:
                t2 = t + r.randint(60, 1800) * 1000
                self.call(t2, self.fmt(v.num), self.fmt(num), r.randint(0, 30), 'onnet', (v.imsi, v.imei),
                          self.cur_cell(v, t2))
            t += int((dur + ring + r.expovariate(1.0 / mean_gap) + 3) * 1000)
        if used:
            self.label_fraud(num, 'callcenter')

    def spoofed(self):
        r = self.r
        for camp in range(r.randint(1, 3)):
            style = r.choice(['agency', 'mobile', 'mixed', 'lowslow'])
            if style == 'lowslow':
                npool = r.randint(15, 40)
                rate = r.uniform(50, 120)
            else:
                npool = r.randint(3, 25)
                rate = r.uniform(80, 400)
            rate *= self.scale
            pool = []
            for i in range(npool):
                if style == 'agency' or (style == 'mixed' and r.random() < 0.5):
                    pool.append(self.landline(r.random() < 0.8))
                else:
                    pool.append(self.mobile())
            w = [r.paretovariate(1.2) for _ in pool]
            p_ans = r.uniform(0.15, 0.4)
            prof = r.choice(['office', 'human'])
            start = self.t0 + r.randint(0, 2400) * 1000
            n = self.poisson(rate * self.eff_hours(prof) * (self.t1 - start) / (self.t1 - self.t0))
            for _ in range(n):
                t = self.rand_time(prof, lo=start)
                cli = r.choices(pool, weights=w)[0]
                v = r.choice(self.subs)
                dur, _ = self.fraud_outcome(p_ans)
                self.call(t, self.fmt(cli, 'national'), self.fmt(v.num), dur, 'international')
                self.label_fraud(cli, 'spoofed_caller_id')

    def simbox(self):
        r = self.r
        for site in range(r.choices([1, 2, 3], weights=[5, 3, 1])[0]):
            ports = r.choice([4, 8, 8, 16, 16, 32])
            if self.scale < 0.5:
                ports = max(2, ports // 4)
            nsim = int(ports * r.choice([1, 1, 1.25, 1.5, 2]))
            evasive = r.random() < 0.5
            bank_rotation = r.random() < 0.6
            rot_ms = r.randint(15, 60) * 60000
            reg = r.choice([self.C['capital']] * 3 + self.C['borders'] + [self.region_w[1][0]])
            cells = r.sample(self.cells[reg], 2) if evasive and r.random() < 0.6 else [r.choice(self.cells[reg])]
            cell_switch = r.randint(20, 45) * 60000
            tacs = PHONE_TACS if evasive and r.random() < 0.5 else MODULE_TACS
            port_imei = [self.imei(tacs) for _ in range(ports)]
            if r.random() < 0.5:
                nums = self.block(self.mobile, nsim)
            else:
                nums = [self.mobile() for _ in range(nsim)]
            sims = [(nm, self.imsi()) for nm in nums]
            cap_s = r.randint(1800, 5400) if evasive else 10 ** 9
            talk = [0] * nsim
            p_ans = r.uniform(0.5, 0.75)
            med = r.uniform(100, 220)
            gap_lo, gap_hi = (30, 300) if evasive else (2, 25)
            onnet_share = r.uniform(0.65, 0.9)
            sms_sims = set(r.sample(range(nsim), max(1, nsim // 3))) if evasive else set()
            start = self.t0 + r.randint(0, 1200) * 1000
            used = [False] * nsim
            # callees: people receiving calls from abroad, some of them repeatedly
            fam = self.family_abroad + self.migrants
            for p in range(ports):
                t = start + r.randint(0, 120) * 1000
                while t < self.t1:
                    slot = (t - start) // rot_ms if bank_rotation else 0
                    si = (p + slot * ports) % nsim if bank_rotation else p % nsim
                    if talk[si] >= cap_s:
                        # capped SIM rests; pick next SIM with budget left
                        cand = [k for k in range(nsim) if talk[k] < cap_s and k % ports == p % ports] or \
                               [k for k in range(nsim) if talk[k] < cap_s]
                        if not cand:
                            break
                        si = cand[0]
                    num, imsi = sims[si]
                    cell = cells[((t - start) // cell_switch) % len(cells)]
                    dev = (imsi, port_imei[p])
                    x = r.random()
                    if evasive and x < 0.03:
                        # call between the box's own SIMs to fake two-way traffic
                        o = sims[r.randrange(nsim)][0]
                        if o != num:
                            d = r.randint(20, 150)
                            self.call(t, self.fmt(num), self.fmt(o), d, 'onnet', dev, cell)
                            used[si] = True
                            t += (d + r.randint(gap_lo, gap_hi)) * 1000
                            continue
                    if si in sms_sims and x < 0.06:
                        self.sms(t, self.fmt(num), self.fmt(r.choice(self.sorted_sub_nums)),
                                 self.personal_text('th' if self.country == 'th' else 'cn'), 'onnet', dev, cell)
                        used[si] = True
                    if r.random() < onnet_share:
                        v = r.choice(fam) if (fam and r.random() < 0.3) else r.choice(self.subs)
                        b = v.num
                    else:
                        b = r.choice(self.offnet)
                    if r.random() < p_ans:
                        d = self.lognorm(med, 0.9, 3, 3600)
                        ring = 0
                    else:
                        d, ring = 0, r.randint(15, 45)
                    self.call(t, self.fmt(num), self.fmt(b), d, 'onnet', dev, cell)
                    used[si] = used[si] or (self.t0 <= t < self.t1)
                    talk[si] += d
                    t += (d + ring + r.randint(gap_lo, gap_hi)) * 1000
            for k in range(nsim):
                if used[k]:
                    self.label_fraud(sims[k][0], 'simbox')

    def wangiri(self):
        r = self.r
        for camp in range(r.randint(1, 3)):
            code = r.choice(WANGIRI_SRC)
            k = r.randint(1, 6)
            if r.random() < 0.5:
                nums = self.block(lambda: self.foreign(code), k)
            else:
                nums = [self.foreign(code) for _ in range(k)]
            mode = r.choices(['burst', 'trickle'], weights=[3, 1])[0]
            prof = r.choice(['night', 'human', 'flat'])
            victims = []
            for num in nums:
                if mode == 'burst':
                    nb = r.randint(1, 2)
                    for _ in range(nb):
                        t = self.rand_time(prof, hi=self.t1 - 600000)
                        ncalls = int(r.randint(120, 700) * self.scale) + 5
                        if r.random() < 0.4:   # walking a number range
                            s0 = r.randrange(len(self.sorted_sub_nums))
                            targets = self.sorted_sub_nums[s0:s0 + ncalls]
                        else:
                            targets = r.sample(self.sorted_sub_nums, min(ncalls, len(self.sorted_sub_nums)))
                        spacing = r.uniform(0.4, 4.0)
                        for b in targets:
                            t += int(r.expovariate(1.0 / spacing) * 1000) + 50
                            self.one_ring(t, num, b, victims)
                else:
                    n = self.poisson(r.uniform(20, 70) * self.hours * self.scale)
                    for _ in range(n):
                        self.one_ring(self.rand_time(prof), num, r.choice(self.sorted_sub_nums), victims)
                self.label_fraud(num, 'wangiri')
            # a few curious victims call back the premium number
            for (t, num, b) in victims:
                if r.random() < r.uniform(0.01, 0.04):
                    v = self.ours.get(b)
                    if v is None or v.roam:
                        continue
                    t2 = t + r.randint(60, 3600) * 1000
                    self.call(t2, self.fmt(v.num), self.fmt(num), self.lognorm(70, 0.8, 5, 1200), 'onnet',
                              (v.imsi, v.imei), self.cur_cell(v, t2))

    def one_ring(self, t, num, b, victims):
        x = self.r.random()
        if x < 0.9:
            self.call(t, self.fmt(num), self.fmt(b), 0, 'international', answered=False)
        else:
            self.call(t, self.fmt(num), self.fmt(b), self.r.randint(1, 2), 'international', answered=True)
        victims.append((t, num, b))

    # smishing ------------------------------------------------------------
    def smish_link(self, brand):
        r = self.r
        th = self.country == 'th'
        path = ''.join(r.choice('abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789') for _ in range(r.randint(4, 8)))
        if r.random() < 0.4:
            sh = r.choice(['bit.ly', 'cutt.ly', 'tinyurl.com', 's.id', 't.ly', 'rb.gy', 'is.gd'] +
                          ([] if th else ['t.cn', 'dwz.cn', 'url.cn']))
            return 'https://%s/%s' % (sh, path) if r.random() < 0.6 else '%s/%s' % (sh, path)
        tld = r.choice(['top', 'xyz', 'cc', 'vip', 'icu', 'shop', 'online', 'info', 'com', 'net', 'co', 'life'])
        dom = brand
        return '%s://%s.%s/%s' % (r.choice(['https', 'http']), dom, tld, path)

    def smish_text(self, camp):
        r = self.r
        th = self.country == 'th'
        kind = r.choice(camp)
        amt = '{:,}'.format(r.choice([1500, 2300, 3850, 4870, 5000, 8900, 12000, 50000]) + r.randint(0, 99) * (r.random() < 0.5))
        trk = ('E' + r.choice('FGLRT') + self.digits(9) + 'TH') if th else ('SF' + self.digits(13))
        if th:
            bank = r.choice(['KBank', 'K-Bank', 'SCB', 'Krungthai', 'กสิกรไทย', 'ไทยพาณิชย์', 'กรุงไทย', 'Krungsri', 'ttb', 'ออมสิน'])
            T = {
                'bank': (['[{b}] แจ้งเตือน: บัญชีของท่านมีการเข้าสู่ระบบจากอุปกรณ์ใหม่ หากไม่ใช่ท่าน กรุณายืนยันตัวตนที่ {l}',
                          '{b}: บัญชีของท่านถูกระงับชั่วคราว โปรดยืนยันข้อมูลภายใน 24 ชม. {l}',
                          'เรียนลูกค้า {b} ท่านได้รับสิทธิ์เพิ่มวงเงินบัตรเครดิต {a} บาท ลงทะเบียน {l}',
                          '{b} Alert: unusual login detected. Verify now {l}'],
                         r.choice(['kbank-th', 'scb-easy-app', 'ktb-secure', 'krungsri-verify', 'k-plus-th', 'gsb-online'])),
                'courier': (['ไปรษณีย์ไทย: พัสดุ {t} ของท่านจัดส่งไม่สำเร็จ เนื่องจากที่อยู่ไม่ครบถ้วน กรุณาอัปเดตที่ {l}',
                             'Flash Express: พัสดุของคุณถูกกักไว้ ชำระค่าธรรมเนียม 15 บาท เพื่อจัดส่งใหม่ {l}',
                             'Your parcel {t} is on hold due to incomplete address. Update within 12h: {l}'],
                            r.choice(['thpost-track', 'thailandpost-th', 'flash-th', 'kerry-th-express'])),
                'tax': (['กรมสรรพากร: ท่านมีสิทธิ์ได้รับเงินคืนภาษี {a} บาท กรุณากรอกข้อมูลบัญชีที่ {l}',
                         'การไฟฟ้าส่วนภูมิภาค: ท่านได้รับเงินคืนค่าประกันการใช้ไฟฟ้า {a} บาท ลงทะเบียนรับเงินที่ {l}',
                         'สำนักงานประกันสังคม: ท่านมีเงินชดเชยค้างรับ {a} บาท ตรวจสอบสิทธิ์ {l}'],
                        r.choice(['rd-refund-go', 'pea-refund', 'sso-th', 'rd-go-th', 'pea-th'])),
                'police': (['สำนักงานตำรวจแห่งชาติ: พบบัญชีของท่านเกี่ยวข้องกับคดีฟอกเงิน เลขที่ {r} ติดต่อเจ้าหน้าที่ด่วน {l}',
                            'DSI แจ้ง: ท่านมีพัสดุผิดกฎหมายถูกตรวจยึด กรุณาติดต่อกลับภายในวันนี้ {l}'],
                           r.choice(['police-go-th', 'dsi-case', 'royalthaipolice-th'])),
                'telco': (['AIS: คะแนน AIS Points ของท่าน {p} คะแนน จะหมดอายุวันนี้ แลกรับของรางวัลที่ {l}',
                           'TRUE: ท่านได้รับสิทธิ์ส่วนลดค่าบริการ 50% วันนี้วันสุดท้าย {l}'],
                          r.choice(['ais-point', 'true-reward', 'ais-th-point'])),
                'loan': (['อนุมัติสินเชื่อด่วน {a} บาท ไม่เช็คบูโร ดอกเบี้ยต่ำ แอดไลน์ @{x} หรือ {l}',
                          'ยินดีด้วย! คุณได้รับเงินกู้ {a} บาท กดรับเงินภายในวันนี้ {l}'],
                         r.choice(['loan-th', 'fastcash-th', 'sinchuea'])),
            }
        else:
            bank = r.choice(['中国银行', '工商银行', '建设银行', '农业银行', '招商银行', '交通银行'])
            T = {
                'bank': (['【{b}】尊敬的客户：您的账户存在异常，已被临时冻结，请于24小时内登录 {l} 完成身份验证。',
                          '【{b}】您的信用卡积分{p}分即将过期，请尽快兑换现金：{l}',
                          '【{b}】您的手机盾已过期，请及时登录 {l} 升级，以免影响使用。'],
                         r.choice(['icbc-cn', 'boc-yz', 'ccb-vip', 'abc-ebank', 'cmb-jf'])),
                'courier': (['【顺丰速运】您的快件{t}因地址不详无法派送，请点击 {l} 更新地址。',
                             '【中通快递】您的包裹丢失，我司将赔偿{a}元，请点击 {l} 办理理赔。'],
                            r.choice(['sf-express-cn', 'zto-lp', 'kd-lipei'])),
                'tax': (['【国家税务总局】您有一笔个人所得税退税{a}元待领取，请登录 {l} 办理。',
                         '【ETC服务】您的ETC卡认证已失效，将影响正常通行，请立即办理 {l}',
                         '【医保局】您的医保卡即将停用，请尽快在 {l} 完成年度认证。'],
                        r.choice(['chinatax-gov', 'etc-gov-cn', 'ybj-gov'])),
                'police': (['【公安局】您的身份信息涉嫌一起洗钱案件，案件编号{r}，请立即查看 {l} 并配合调查。'],
                           r.choice(['gaj-case', 'mps-gov-cn'])),
                'telco': (['【中国移动】您的积分{p}分即将清零，兑换礼品请点 {l}',
                           '【12306】您购买的车票因系统故障需办理退款{a}元，请点击 {l}'],
                          r.choice(['10086-jf', '12306-tk', 'yd-jifen'])),
                'loan': (['【惠民贷】您已获得{a}元额度，无需抵押，当天到账，详情 {l}'],
                         r.choice(['hmd-loan', 'jd-jiekuan'])),
            }
        tpls, brand = T[kind]
        s = r.choice(tpls).format(b=bank, l=self.smish_link(brand), a=amt, t=trk, r=self.digits(8),
                                  p='{:,}'.format(r.randint(1200, 48000)), x=self.ref(6, 'abcdefghjkmnpqrstuvwxyz0123456789'))
        # evasion tweaks: emoji, extra spaces, opt-out tail
        y = r.random()
        if y < 0.15:
            s = r.choice(['⚠️', '‼️', '📦', '💰']) + ' ' + s
        elif y < 0.25:
            s = s.replace(' ', '  ', 1)
        elif y < 0.32:
            s = s + (' ยกเลิกรับข่าวสาร *137' if th else ' 拒收请回复R')
        return s

    def smishing(self):
        r = self.r
        kinds = ['bank', 'courier', 'tax', 'police', 'telco', 'loan']
        nfarm = r.randint(0, 2)
        nfbs = r.randint(0, 2)
        if nfarm + nfbs == 0:
            nfarm = 1
        for f in range(nfarm):
            camp = r.sample(kinds, r.randint(1, 3))
            evasive = r.random() < 0.4
            modems = r.randint(2, 8) if evasive else r.randint(4, 16)
            reg = r.choice([self.C['capital']] * 2 + self.C['borders'])
            cell = r.choice(self.cells[reg])
            imeis = [self.imei(MODULE_TACS if r.random() < 0.7 else PHONE_TACS) for _ in range(modems)]
            rate = r.uniform(10, 40) if evasive else r.uniform(60, 360)
            life = r.randint(40, 150) if evasive else r.randint(80, 600)   # messages before SIM is burnt
            consecutive = r.random() < 0.5
            start = self.t0 + r.randint(0, 2400) * 1000
            stock = []   # SIMs bought in bulk: consecutive MSISDNs for some farms
            for m in range(modems):
                t = start + r.randint(0, 120) * 1000
                while t < self.t1:
                    if not stock:
                        stock = self.block(self.mobile, 10) if consecutive else [self.mobile()]
                    num = stock.pop(0)
                    imsi = self.imsi()
                    sent = 0
                    used = False
                    while t < self.t1 and sent < life:
                        v = self.stranger()
                        b = v.num if isinstance(v, Dev) else v
                        self.sms(t, self.fmt(num), self.fmt(b), self.smish_text(camp), 'onnet', (imsi, imeis[m]), cell)
                        used = True
                        sent += 1
                        t += int(r.expovariate(rate / 3600.0) * 1000) + 800
                    if used:
                        self.label_fraud(num, 'smishing')
                    t += r.randint(60, 900) * 1000   # swap SIM
        # fake base stations carried in a car through the capital
        reg = self.C['capital']
        lst = self.cells[reg]
        by_home, by_work = {}, {}
        for d in self.subs:
            if d.region == reg and not d.roam:
                by_home.setdefault(d.home, []).append(d)
                by_work.setdefault(d.work, []).append(d)
        for f in range(nfbs):
            camp = r.sample(kinds, r.randint(1, 2))
            senders = []
            for _ in range(r.randint(1, 8)):
                senders.append(self.landline(True) if r.random() < 0.4 else self.mobile())
            idx = r.randrange(len(lst))
            t = self.t0 + r.randint(0, 3600) * 1000
            t_end = min(self.t1, t + r.randint(30, 100) * 60000)
            frac = r.uniform(0.3, 0.8)
            rate = r.uniform(200, 900)   # SMS per minute capacity is far higher; limited by captured phones
            while t < t_end:
                step = r.randint(3, 8) * 60000
                h = self.local_hour(t)
                pool = by_work if 9 <= h < 17 else by_home
                near = []
                for j in (idx - 1, idx, idx + 1):
                    near.extend(pool.get(j, []))
                near = [d for d in near if r.random() < frac]
                tt = t
                for d in near:
                    tt += int(r.expovariate(rate / 3600.0) * 1000) + 100
                    if tt >= t + step:
                        break
                    s = r.choice(senders)
                    self.sms(tt, self.fmt(s, 'national'), self.fmt(d.num), self.smish_text(camp), None)
                    self.label_fraud(s, 'smishing')
                t += step
                idx = self.near(reg, idx, 2)

    # ----------------------------------------------------------------- output
    def run(self):
        self.build_cells()
        self.build_population()
        self.ordinary()
        self.roamers()
        self.bank_callcenter()
        self.delivery_callcenter()
        self.otp_sender()
        self.notification_sender()
        self.iot_sim()
        self.dispatcher()
        self.overseas_service_desk()
        self.callcenter()
        self.spoofed()
        self.simbox()
        self.wangiri()
        self.smishing()

    def write(self, out):
        r = self.r
        os.makedirs(out, exist_ok=True)
        keyed = []
        for ts, seq, rec in self.recs:
            j = r.expovariate(1 / 1500.0)
            if r.random() < 0.006:
                j += r.uniform(4000, 40000)
            keyed.append((ts + j, seq, rec))
        keyed.sort(key=lambda x: (x[0], x[1]))
        seen = set()
        with open(os.path.join(out, 'records.jsonl'), 'w', encoding='utf-8') as fh:
            for _, _, rec in keyed:
                rec['ts'] = self.fmt_ts(rec['ts'])
                fh.write(json.dumps(rec, ensure_ascii=False, separators=(',', ':')) + '\n')
        # normalise the numbers that appear, to make sure labels refer to traffic
        for _, _, rec in keyed:
            seen.add(self.e164(rec['caller']))
            seen.add(self.e164(rec['callee']))
        fraud = [{'number': k, 'class': v} for k, v in self.fraud.items() if k in seen]
        look = [{'number': k, 'kind': v} for k, v in self.look.items() if k in seen]
        lab = {'seed': self.seed, 'subscribers': self.n, 'hours': float(self.hours),
               'fraud': fraud, 'lookalikes': look}
        with open(os.path.join(out, 'labels.json'), 'w', encoding='utf-8') as fh:
            json.dump(lab, fh, indent=1, ensure_ascii=False)
        return len(keyed), fraud, look

    def e164(self, s):
        if s.startswith('+'):
            return s
        if s.startswith('00'):
            return '+' + s[2:]
        if s.startswith('0'):
            return '+' + self.cc + s[1:]
        return '+' + s


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--out', required=True)
    ap.add_argument('--subscribers', type=int, default=20000)
    ap.add_argument('--hours', type=float, default=2.0)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--country', choices=['th', 'cn'], default='th')
    a = ap.parse_args()
    g = Gen(a.seed, a.subscribers, a.hours, a.country)
    g.run()
    n, fraud, look = g.write(a.out)
    cnt = {}
    for x in fraud:
        cnt[x['class']] = cnt.get(x['class'], 0) + 1
    lk = {}
    for x in look:
        lk[x['kind']] = lk.get(x['kind'], 0) + 1
    print('records=%d fraud=%s lookalikes=%s' % (n, json.dumps(cnt, sort_keys=True), json.dumps(lk, sort_keys=True)))


if __name__ == '__main__':
    main()
