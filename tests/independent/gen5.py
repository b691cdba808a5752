#!/usr/bin/env python3
"""gen5 -- independent synthetic CDR/SMS traffic generator for scam-call detection tests.

Written only from public knowledge of telecom fraud and of ordinary mobile traffic.
Standard library only.  Usage:

    python3 gen5.py --out DIR --subscribers N --hours H --seed S --country th|cn

Writes DIR/records.jsonl (one call/SMS record per line, roughly time ordered, ts
either RFC 3339 with offset or epoch milliseconds) and DIR/labels.json.

The operator ("our network") is a Thai mobile operator (MCC 520, MNC 03, +66) or a
Chinese one (MCC 460, MNC 00, +86).  One record is written per call/SMS as seen at
the point where it enters our network: route=onnet (our own SIM on our radio; imsi,
imei, cell_id present), national (handed over by another domestic operator) or
international (arrived on an international gateway).  Number formats are mixed on
purpose (+E.164, bare E.164, national 0..., 00-international, Chinese mobiles
without prefix, short codes), ~1% of records lack `route`, `answered` is present in
only part of the records, about 1 in 5000 records carries a damaged number, and a
few CDRs are duplicated.

ORDINARY TRAFFIC (N subscribers, not labelled)
 * Social graph: each subscriber has 3..60 contacts (on-net, off-net mobiles,
   landlines), Zipf-like preference, diurnal Poisson activity with heavy-tailed
   per-user rates (some ordinary people make 30+ calls in 4 h).
 * Calls: ~78% answered, log-normal talk time (median ~70 s, long tail to 2 h);
   missed calls are followed by call-backs or redials; calls to businesses,
   wrong numbers and emergency/short codes; incoming calls from other domestic
   networks (route national) and on-net SMS chatter in Thai / Chinese / English.
 * Handsets: one IMEI per phone from a Zipf-weighted pool of popular TACs,
   ~3% dual-SIM phones (two IMSIs, one IMEI), a few people switch phones mid-window.
 * Mobility: home cell / work cell by time of day plus occasional other cells;
   ~1.5% of people live in the same border districts used by scam compounds
   (Aranyaprathet/Poipet, Mae Sot/Myawaddy, Chiang Saen / Ruili, Menghai, Dongxing).
 * International: families abroad (Korea, Taiwan, Israel, Japan, US...) call in on the
   international route; migrant workers / border traders call Myanmar, Cambodia,
   Laos (TH) or Myanmar, Vietnam, Laos (CN) a lot, using "missed-call signalling"
   (one-ring from abroad, call-back from the subscriber).
 * Outbound roamers: their calls home arrive on the international route with their
   own home number as caller and no imsi/cell (look-alike roamer_calling_home).
 * Inbound roamers: foreign numbers with foreign IMSIs on our radio (onnet).

FRAUD (labelled, well under 1% of numbers)
 callcenter
  * Border compound handsets: cheap Android handsets in cells of border districts,
    each handset burns 3-6 of our SIMs one after another (SIM rotation, 20-45 calls
    per SIM, then the SIM disappears); several handsets in the same cell.  Callees
    are strangers (random subscribers, fresh off-net numbers, and sequential number
    blocks from leaked/generated lists, many of which do not exist => 0 s).  ~35%
    answered, mostly hung up within seconds, a few 10-75 min "grooming" calls.
  * Inland mule SIMs (evasive): one SIM per phone (popular TACs), in Bangkok/Beijing
    style cells, 10-25 calls per 4 h, human-like gaps, repeat calls to "hooked"
    victims, a few cover calls/SMS to ordinary numbers and victim call-backs.
  * GoIP gateway: remotely controlled VoIP-GSM gateway (module TAC) in a rented
    room inside the country, 8-16 SIMs dialling strangers in parallel with short
    scam-type outcomes (the gateway looks like a SIM box, the traffic does not).
 simbox (interconnect bypass: international calls re-originated as local calls)
  * Naive rack: 16-32 SIMs in a GSM gateway (module TAC, consecutive IMEIs), one
    cell, 15-40 calls per SIM, answered conversation-length calls to people who
    also receive genuine international calls (families of migrants/expats), no SMS,
    no incoming except unanswered call-backs.
  * Human-emulating box: spoofed smartphone IMEIs (one popular TAC per SIM), caps
    of 6-12 calls per SIM, rotation across 3 neighbouring cells, cover SMS and
    calls between sibling SIMs, quiet in the night, talk time truncated at a cap.
  * SIM bank: 20 SIMs served remotely to 4 gateway sites in different regions;
    every 30-60 min each SIM hops to another module => one IMSI seen with several
    IMEIs and "impossible travel" between distant cells.
 spoofed_caller_id (international trunk calls presenting domestic numbers)
  * Forged random domestic mobiles used 1-4 times each (rotation per call).
  * Forged official-looking landlines (police / DSI / court / tax bureau style
    numbers) reused 5-20 times.
  * Hijacked numbers of real on-net subscribers who are active on our radio at
    the same time (labelled: block them on the international route).
  * Some present the national 0-format on the international trunk.
 wangiri
  * Burst campaigns from premium / exotic ranges (+882, +881, +216, +222, +252,
    +375, +371, +269, +682, +383, +224): 60-300 one-ring calls (0 s, a few picked
    up at 0-1 s) in 10-40 min to contiguous blocks of our numbering.
  * Low-and-slow campaign: 15-25 consecutive numbers of one range, 4-12 calls each.
  * A few victims call back (onnet, long charged calls to the premium number).
 smishing
  * SIM farm: USB-modem bank (module TAC), SIMs send 100-400 SMS each in short
    rotations to random/sequential numbers; templates (bank lock, parcel
    redelivery, tax refund, electricity refund/cut-off, ETC, medical insurance,
    loans, gambling, part-time jobs) with randomised wording, refs, amounts and
    look-alike domains / shorteners / LINE/QQ/WeChat contacts.
  * Low-and-slow smishing SIMs in ordinary phones, 20-40 SMS plus cover calls.
  * Callback smishing: SMS asking the victim to call a number (no link).
  * International grey route long numbers (+63, +84, +62, +92, +234...) sending
    phishing SMS; compromised domestic A2P accounts (route national).
  * SMS blasters (fake base stations) never touch the core network; they are not
    visible in CDRs and therefore not generated.

LOOK-ALIKES (labelled, benign, must not be blocked)
 bank_callcenter        bank outbound PBX numbers (national route) with many
                        parallel agents => simultaneous calls from one number.
 debt_collection_agency on-net SIMs in one office, redials of the same debtors,
                        low answer rate.
 telesales_call_center  insurance telesales with 10 SIMs in a multi-SIM gateway
                        (module TAC, one cell), lead lists, answered call-backs.
 enterprise_gsm_gateway company PBX using a GSM gateway (same module TAC as the
                        SIM boxes) as outbound trunk, normal business traffic.
 survey_call_center     opinion poll office, random-digit/sequential dialling.
 delivery_callcenter    courier riders moving through many cells calling many
                        distinct customers with short calls + courier hotline.
 dispatcher             taxi / logistics dispatch calling a pool of drivers.
 ride_hailing_masked_number  proxy numbers (national) bridging riders and drivers.
 otp_sender             domestic A2P OTP long numbers (national) and foreign OTP
                        senders (Google/WhatsApp/TikTok style, international route).
 notification_sender    hospitals, schools, utilities, bank alerts (no links) and
                        couriers / e-commerce (legit links).
 retail_marketing_sms   legit promotional blasts with shorteners and opt-out.
 small_business_sms_promo  shops texting customers from an on-net phone with
                        LINE / Facebook links.
 iot_sim                alarm panels / meters (module TAC, static, periodic SMS
                        to a server, short alarm calls) and vehicle trackers.
 overseas_service_desk  offshore BPO presenting the company's local DIDs on the
                        international route; customers call those DIDs back.
 overseas_verification_ivr foreign IVR numbers calling many subscribers briefly.
 roamer_calling_home    outbound roamers (see above).
 migrant_worker_calling_home / border_trader_calling_abroad heavy international
                        callers towards Myanmar/Cambodia/Laos/Vietnam.
 inbound_roamer         foreign tourists' numbers with foreign IMSIs on our radio.
 sim_retailer_activation  a mobile shop activating many new SIMs in one test
                        phone (many IMSIs on one IMEI), then the SIMs move to
                        customers' own phones.
"""
import argparse
import datetime
import json
import math
import os
import random

# ----------------------------------------------------------------------------
# country configuration
# ----------------------------------------------------------------------------
CN_OURS = ['134', '135', '136', '137', '138', '139', '147', '150', '151', '152', '157', '158',
           '159', '172', '178', '182', '183', '184', '187', '188', '195', '197', '198']
CN_OTHER = ['130', '131', '132', '145', '155', '156', '166', '175', '176', '185', '186', '196',
            '133', '149', '153', '173', '177', '180', '181', '189', '190', '191', '193', '199']

CFG = {
    'th': dict(cc='66', tz=7, mcc='520', mnc='03',
               regions=[  # name, weight, lac base, n lacs, landline area, border?
                   ('bkk', .55, 1000, 40, '2', False), ('central', .18, 2000, 20, '35', False),
                   ('north', .08, 3000, 10, '53', False), ('northeast', .10, 4000, 15, '44', False),
                   ('south', .05, 5000, 10, '74', False),
                   ('sakaeo_aranyaprathet', .006, 6100, 2, '37', True),
                   ('tak_maesot', .008, 6200, 3, '55', True),
                   ('chiangrai_chiangsaen', .004, 6300, 2, '53', True)],
               short=['1669', '191', '1112', '1175', '1133', '1555'],
               family=[('82', 4), ('886', 3), ('972', 2), ('81', 2), ('60', 2), ('65', 1),
                       ('971', 1), ('1', 1), ('44', 1), ('49', 1)],
               migrant=[('95', 6), ('855', 3), ('856', 2)],
               spam_sms=['63', '84', '62', '92', '234', '880'],
               otp_foreign=['44', '1', '65', '852'],
               roam_ccs=['81', '82', '65', '86', '44', '61'],
               visitors=[('86', '46000'), ('86', '46001'), ('7', '25001'), ('44', '23415'),
                         ('61', '50501'), ('82', '45005')]),
    'cn': dict(cc='86', tz=8, mcc='460', mnc='00',
               regions=[
                   ('beijing', .25, 1000, 30, '10', False), ('shanghai', .25, 2000, 30, '21', False),
                   ('guangdong', .25, 3000, 30, '755', False), ('sichuan', .232, 4000, 20, '28', False),
                   ('yunnan_ruili', .008, 6100, 3, '692', True),
                   ('yunnan_menghai', .006, 6200, 2, '691', True),
                   ('guangxi_dongxing', .004, 6300, 2, '770', True)],
               short=['110', '120', '10086', '95588', '12345', '114'],
               family=[('1', 4), ('61', 2), ('81', 2), ('65', 2), ('60', 1), ('44', 2), ('64', 1),
                       ('49', 1), ('852', 3), ('886', 1)],
               migrant=[('95', 5), ('84', 4), ('856', 2)],
               spam_sms=['63', '84', '62', '92', '234', '855'],
               otp_foreign=['852', '1', '65', '44'],
               roam_ccs=['852', '81', '65', '66', '1', '61'],
               visitors=[('66', '52003'), ('82', '45005'), ('1', '310260'), ('7', '25001'),
                         ('81', '44010'), ('852', '45400')]),
}

# foreign mobile plans: cc -> (prefixes, rest-length)
FOREIGN = {'855': (['10', '12', '15', '70', '77', '88', '96', '97'], 7),
           '95': (['94', '96', '97', '98', '99', '95'], 8), '856': (['20'], 8),
           '82': (['10'], 8), '886': (['9'], 8), '972': (['50', '52', '54', '58'], 7),
           '81': (['80', '90', '70'], 8), '60': (['11', '12', '16', '17', '19'], 7),
           '65': (['8', '9'], 7), '971': (['50', '55', '56'], 7), '1': (['2', '3', '4', '6', '7'], 9),
           '44': (['7'], 9), '49': (['15', '16', '17'], 9), '61': (['4'], 8), '64': (['21', '22'], 7),
           '852': (['5', '6', '9'], 7), '86': (['138', '139', '186', '135'], 8),
           '66': (['81', '89', '92', '63'], 7), '7': (['9'], 9), '84': (['9', '3', '8'], 8),
           '63': (['91', '92', '93', '99'], 8), '62': (['81', '82', '85'], 9), '92': (['30', '31', '33'], 8),
           '234': (['80', '81', '70'], 8), '880': (['17', '18', '19'], 8)}
PREMIUM = [('88216', 8), ('8818', 7), ('2162', 7), ('2224', 7), ('2529', 6), ('37529', 7),
           ('3712', 7), ('2693', 6), ('6825', 4), ('38345', 6), ('22462', 7)]

W_HOUR = [0.12, 0.06, 0.04, 0.03, 0.05, 0.12, 0.30, 0.55, 0.80, 0.95, 1.0, 1.0, 0.95, 0.95,
          0.95, 1.0, 1.0, 1.0, 1.05, 1.1, 1.05, 0.85, 0.55, 0.28]


def luhn(body):
    tot = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return str((10 - tot % 10) % 10)


class Sub(object):
    __slots__ = ('num', 'imsi', 'imei', 'imei2', 'swt', 'region', 'home', 'work', 'extra',
                 'contacts', 'rate', 'intl', 'roaming', 'migrant', 'uid')

    def __init__(self, num, imsi, imei, region, home, work):
        self.num, self.imsi, self.imei, self.region = num, imsi, imei, region
        self.home, self.work, self.extra = home, work, []
        self.imei2, self.swt = None, 0
        self.contacts, self.rate, self.intl = [], 1.0, []
        self.roaming = self.migrant = False
        self.uid = int(num[-7:])


class Gen(object):
    def __init__(self, a):
        self.rng = random.Random(a.seed)
        self.a, self.c = a, CFG[a.country]
        self.cc, self.N, self.H = self.c['cc'], a.subscribers, a.hours
        self.tz = datetime.timezone(datetime.timedelta(hours=self.c['tz']))
        r = self.rng
        self.sh = r.choice([8, 9, 9, 10, 10, 11, 13, 14, 15, 16, 17])
        day = 23 + r.randint(0, 6)
        self.T0 = datetime.datetime(2026, 11, day, self.sh, 0, 0, tzinfo=self.tz).timestamp()
        self.T1 = self.T0 + self.H * 3600.0
        self.scale = max(self.N / 20000.0, 0.05)
        self.ev, self.used = [], set()
        self.fraud, self.look = {}, {}
        self.callers = set()
        self.regions = {x[0]: x for x in self.c['regions']}
        self.phone_tacs = ['35%06d' % r.randint(0, 999999) for _ in range(25)] + \
                          ['86%06d' % r.randint(0, 999999) for _ in range(25)]
        self.tac_w = [1.0 / (i + 1) ** 0.9 for i in range(len(self.phone_tacs))]
        self.cheap_tacs = self.phone_tacs[30:]          # low-end androids
        self.module_tacs = ['86%06d' % r.randint(0, 999999) for _ in range(4)]  # GSM modules
        self.msin = r.randint(10 ** 8, 9 * 10 ** 8)

    # ------------------------------------------------------------------ utils
    def n(self, k):
        return max(1, int(round(k * self.scale)))

    def k(self, x):
        """group sizes (SIMs per rack etc.) shrink gently for small networks"""
        return max(2, int(round(x * min(1.0, math.sqrt(self.scale)))))

    def lh(self, t):
        return ((t + self.c['tz'] * 3600) % 86400) / 3600.0

    def w(self, t):
        return W_HOUR[int(self.lh(t)) % 24]

    def ptimes(self, rate, t0=None, t1=None, wf=None):
        r, out = self.rng, []
        t = self.T0 if t0 is None else t0
        t1 = self.T1 if t1 is None else t1
        if rate <= 0:
            return out
        wf = wf or self.w
        while True:
            t += r.expovariate(rate * 1.1 / 3600.0)
            if t >= t1:
                return out
            if r.random() * 1.1 < wf(t):
                out.append(t)

    def shift(self, t, hs, he):
        """move t into local working shift [hs,he); None if past window"""
        for _ in range(48):
            if t >= self.T1:
                return None
            h = self.lh(t)
            if hs <= h < he:
                return t
            t = (math.floor(t / 3600.0) + 1) * 3600.0 + self.rng.uniform(0, 900)
        return None

    def digits(self, k):
        return ''.join(self.rng.choice('0123456789') for _ in range(k))

    def uniq(self, f):
        for _ in range(1000):
            x = f()
            if x not in self.used:
                self.used.add(x)
                return x
        return x

    def mobile(self, ours=True):
        r = self.rng
        if self.cc == '66':
            return self.uniq(lambda: '66' + r.choice('689') + self.digits(8))
        pool = CN_OURS if (ours and r.random() > 0.03) or (not ours and r.random() < 0.03) else CN_OTHER
        return self.uniq(lambda: '86' + r.choice(pool) + self.digits(8))

    def landline(self, region=None):
        reg = self.regions[region] if region else self.rng.choice(self.c['regions'][:4])
        area = reg[4]
        if self.cc == '66':
            return self.uniq(lambda: '66' + area + self.digits(8 - len(area)))
        return self.uniq(lambda: '86' + area + self.digits(8 if len(area) == 2 or area == '755' else 7))

    def foreign(self, cc):
        pre, k = FOREIGN[cc]
        return self.uniq(lambda: cc + self.rng.choice(pre) + self.digits(k))

    def premium(self):
        pre, k = self.rng.choice(PREMIUM)
        return self.uniq(lambda: pre + self.digits(k))

    def imsi(self, mcc_mnc=None):
        self.msin += self.rng.randint(1, 5000)
        p = mcc_mnc or (self.c['mcc'] + self.c['mnc'])
        return p + ('%d' % self.msin).zfill(15 - len(p))[-(15 - len(p)):]

    def imei(self, tac=None):
        if tac is None:
            tac = self.rng.choices(self.phone_tacs, self.tac_w)[0]
        body = tac + self.digits(6)
        return body + luhn(body)

    def imei_seq(self, tac, k):
        base = self.rng.randint(0, 999000)
        out = []
        for i in range(k):
            body = tac + '%06d' % (base + i)
            out.append(body + luhn(body))
        return out

    def cell(self, region, lac_i=None, ci=None):
        reg = self.regions[region]
        lac = reg[2] + (self.rng.randrange(reg[3]) if lac_i is None else lac_i)
        ci = self.rng.randint(1, 65000) if ci is None else ci
        return '%s-%s-%d-%d' % (self.c['mcc'], self.c['mnc'], lac, ci)

    def near_cells(self, c0, k):
        p = c0.split('-')
        ci = int(p[3])
        return [c0] + ['-'.join(p[:3] + [str(ci + self.rng.randint(1, 40))]) for _ in range(k - 1)]

    def pick_region(self, border=None):
        regs = self.c['regions']
        if border is True:
            return self.rng.choice([x[0] for x in regs if x[5]])
        if border is False:
            regs = [x for x in regs if not x[5]]
        return self.rng.choices([x[0] for x in regs], [x[1] for x in regs])[0]

    def new_sim(self, region, tac=None, imei=None):
        s = Sub(self.mobile(True), self.imsi(), imei or self.imei(tac), region, None, None)
        s.home = s.work = self.cell(region)
        return s

    def dev(self, s, t):
        h = int((t - self.T0) // 3600)
        hr = self.lh(t)
        x = (s.uid * 31 + h * 17 + int(t // 600) * 3) % 100
        imei = s.imei2 if (s.imei2 and t > s.swt) else s.imei
        if s.extra and x < 12:
            c = s.extra[x % len(s.extra)]
        elif 8.5 <= hr < 18 and x < 85:
            c = s.work
        else:
            c = s.home
        return (s.imsi, imei, c)

    # --------------------------------------------------------------- emitters
    def call(self, t, a, b, dur, route, dev=None, answered=None):
        if t < self.T0 or t >= self.T1:
            return
        dur = max(0, int(dur))
        rec = {'kind': 'call', 'caller': a, 'callee': b, 'duration_s': dur}
        ans = (dur > 0) if answered is None else answered
        if self.rng.random() < 0.4 or ans != (dur > 0):
            rec['answered'] = ans
        if route and self.rng.random() > 0.01:
            rec['route'] = route
        if dev:
            rec['imsi'], rec['imei'], rec['cell_id'] = dev
        self.callers.add(a)
        self.ev.append((t, rec))

    def sms(self, t, a, b, text, route, dev=None):
        if t < self.T0 or t >= self.T1:
            return
        rec = {'kind': 'sms', 'caller': a, 'callee': b}
        if route and self.rng.random() > 0.01:
            rec['route'] = route
        if dev:
            rec['imsi'], rec['imei'], rec['cell_id'] = dev
        if text is not None:
            rec['text'] = text
        self.callers.add(a)
        self.ev.append((t, rec))

    def talk(self, med=70, sig=1.1, cap=7200):
        return min(cap, max(1, int(self.rng.lognormvariate(math.log(med), sig))))

    def scam_outcome(self, p_ans=0.35):
        r = self.rng
        if r.random() > p_ans:
            return 0
        x = r.random()
        if x < 0.60:
            return r.randint(2, 40)
        if x < 0.88:
            return r.randint(40, 240)
        if x < 0.98:
            return r.randint(240, 1200)
        return r.randint(1200, 4500)

    def stranger(self, seq=None, p_seq=0.0):
        r = self.rng
        if seq is not None and r.random() < p_seq:
            seq[0] += r.choice([1, 1, 1, 2, 3])
            num = self.cc + str(seq[0])
            if num not in self.by_num and r.random() < 0.6:   # allocated number of someone we do not model
                self.offset.add(num)
            return num
        if r.random() < 0.58:
            return r.choice(self.subs).num
        return self.mobile(False) if r.random() < 0.9 else self.landline()

    def seqstate(self):
        return [int(self.rng.choice(self.subs).num[len(self.cc):]) // 1000 * 1000]

    def exists(self, num):
        return num in self.by_num or num in self.offset

    def onnet_or_nat(self, num, t):
        s = self.by_num.get(num)
        if s is not None and not s.roaming:
            return 'onnet', self.dev(s, t)
        return 'national', None

    def callback(self, t, frm, to, dur, answered=None):
        route, dv = self.onnet_or_nat(frm, t)
        self.call(t, frm, to, dur, route, dv, answered)

    # ----------------------------------------------------------------- texts
    def txt(self, kind):
        r, th = self.rng, self.cc == '66'
        d = self.digits
        A = lambda k: ''.join(r.choice('abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789') for _ in range(k))
        amt = '{:,}'.format(r.choice([1, 2, 3, 5, 8]) * r.choice([100, 1000, 10]) + r.randint(0, 99))
        if kind == 'p2p':
            return r.choice(['ถึงบ้านยัง', 'โทรกลับด้วยนะ', 'ok ครับ', 'เดี๋ยวไปรับนะ', 'กินข้าวยัง', 'พรุ่งนี้เจอกัน 9 โมง',
                             'โอนให้แล้วนะ', 'ขอบคุณครับ', 'รถติดมาก อีก 20 นาทีถึง', 'Call me when free', 'ได้ค่ะ',
                             'ประชุมอยู่ เดี๋ยวโทรกลับ', 'ฝากซื้อนมด้วย', '555+', 'ok', 'ถึงแล้วโทรมา']) if th else \
                r.choice(['到家了吗', '晚上一起吃饭吧', '好的', '我在开会，稍后回电', '收到', '明天见', '钱已经转给你了',
                          '路上堵车，晚点到', '谢谢', '在吗？', '妈，我周末回家', 'ok', '下楼了', '帮我带瓶水'])
        if kind == 'otp':
            return r.choice(['รหัส OTP คือ %s (Ref: %s) ใช้ภายใน 5 นาที ห้ามบอกรหัสนี้แก่ผู้อื่นทุกกรณี' % (d(6), A(4)),
                             '<#> รหัสยืนยัน %s สำหรับเข้าสู่ระบบ K PLUS ห้ามเปิดเผยรหัส' % d(6),
                             '%s is your verification code. Ref:%s' % (d(6), A(4)),
                             'OTP=%s สำหรับชำระเงิน %s บาท (Ref:%s)' % (d(6), amt, A(6))]) if th else \
                r.choice(['【中国工商银行】您的验证码为%s，5分钟内有效，请勿泄露。' % d(6),
                          '【淘宝】验证码%s，您正在登录，若非本人操作请忽略本短信。' % d(6),
                          '【支付宝】校验码%s，您正在进行身份验证，打死不要告诉别人哦！' % d(6),
                          '【美团】%s（登录验证码），请在5分钟内完成登录。' % d(6)])
        if kind == 'otp_intl':
            return r.choice(['G-%s is your Google verification code.' % d(6),
                             'Your WhatsApp code: %s-%s. Don\'t share this code with others' % (d(3), d(3)),
                             '[TikTok] %s is your verification code, valid for 5 minutes.' % d(6),
                             'Telegram code: %s' % d(5), 'Use %s as your LINE verification code' % d(6),
                             'Your Microsoft account security code is %s' % d(7),
                             '<#> Your Grab verification code is %s. Do not share it.' % d(4)])
        if kind == 'notif':
            return r.choice(['บัญชี X-%s เงินเข้า %s.00 บาท คงเหลือ %s.%s บาท' % (d(4), amt, d(5), d(2)),
                             'รพ.%s แจ้งนัดพบแพทย์ %d/12 เวลา %d:00 น. สอบถาม 02-%s' % (
                                 r.choice(['ศิริราช', 'กรุงเทพ', 'บำรุงราษฎร์', 'ราชวิถี']), r.randint(1, 28), r.randint(8, 15), d(7)),
                             'โรงเรียน%s: แจ้งผู้ปกครอง วันที่ %d ธ.ค. งดการเรียนการสอน' % (r.choice(['อนุบาลพระนคร', 'สาธิต', 'วัดสุทธิ']), r.randint(1, 28)),
                             'กฟน. แจ้งค่าไฟฟ้าเดือน พ.ย. %s บาท ครบกำหนดชำระ %d/12 ชำระผ่าน MEA Smart Life' % (amt, r.randint(5, 25)),
                             'Kerry Express: พัสดุ KERTH%s จะจัดส่งวันนี้ ติดตาม https://th.kerryexpress.com/th/track/?track=KERTH%s' % (d(10), d(10)),
                             'Flash Express: พัสดุ TH%s กำลังนำส่ง https://www.flashexpress.co.th/fle/tracking?se=TH%s' % (d(11), d(11)),
                             'Shopee: คำสั่งซื้อ #%s จัดส่งแล้ว ติดตามที่ https://shp.ee/%s' % (A(12), A(7)),
                             'Lazada: พัสดุของคุณกำลังนำส่ง s.lazada.co.th/s.%s' % A(5)]) if th else \
                r.choice(['【建设银行】您尾号%s的账户%s日入账人民币%s元，余额%s元。' % (d(4), d(2), amt, d(5)),
                          '【协和医院】您已预约%d月%d日%d点门诊，请携带身份证按时就诊。' % (12, r.randint(1, 28), r.randint(8, 15)),
                          '【国家电网】您本月电费%s元，请于%d日前缴纳。' % (amt, r.randint(5, 25)),
                          '【顺丰速运】您的快递SF%s已由快递员派送，查看 https://f.sf-express.com/%s' % (d(12), A(6)),
                          '【京东】您的订单%s已发货，点击 3.cn/%s 查看物流' % (d(12), A(6)),
                          '【菜鸟驿站】您的包裹已到站，取件码%s-%s-%s' % (d(1), d(1), d(4))])
        if kind == 'promo':
            return r.choice(['Big C ลดสูงสุด 50%% วันนี้-อาทิตย์นี้ ดูโปรฯ bit.ly/%s ยกเลิกกด *4%s' % (A(7), d(5)),
                             'Central Black Friday รับส่วนลดเพิ่ม 15%% ที่ https://bit.ly/%s ยกเลิก SMS กด *137' % A(7),
                             'Tops ช้อปครบ 1,000 รับคูปอง 100 บาท s.tops.co.th/%s ไม่รับข่าวสารกด *4%s' % (A(5), d(5))]) if th else \
                r.choice(['【苏宁易购】双十二狂欢，爆款低至5折 https://m.suning.com/%s 退订回T' % A(6),
                          '【瑞幸咖啡】送您一张9.9元咖啡券，点击 luckin.cn/%s 领取，拒收请回复R' % A(6),
                          '【京东】PLUS会员专享满199减100，戳 3.cn/%s 退订回T' % A(6)])
        if kind == 'smallbiz':
            return r.choice(['ร้านป้าแดงเปิดแล้วค่ะ ลด 20%% สั่งผ่านไลน์ lin.ee/%s' % A(7),
                             'คลินิกความงาม โปรเดือนนี้ โบท็อกซ์ 2,999 จองคิว m.me/%s' % A(8),
                             'ร้านซ่อมแอร์ บริการล้างแอร์ 500 บาท โทร 08%s line.me/ti/p/%s' % (d(8), A(8))]) if th else \
                r.choice(['【老王烧烤】本周会员8折，扫码或点 dwz.cn/%s 预订，退订回T' % A(6),
                          '亲，本店新品上架，点击 m.tb.cn/%s 查看，退订回T' % A(7),
                          '【美甲工作室】周末预约立减30元，微信%s' % (A(4) + d(4))])
        if kind == 'smish':
            sh = ['bit.ly/', 'cutt.ly/', 'tinyurl.com/', 'rb.gy/'] if th else ['t.cn/', 'dwz.cn/', 'url.cn/', 'bit.ly/']

            def link(doms):
                return r.choice(['https://', 'http://', '', 'https://www.']) + (
                    r.choice(doms) + '/' + A(5) if r.random() < 0.75 else r.choice(sh) + A(7))
            if th:
                bank = r.choice([('KBank', ['kbank-secure-th.com', 'k-bank.co-th.vip', 'kplus-verify.net']),
                                 ('K-Bank', ['kbank-th.online', 'kasikorn-update.info']),
                                 ('SCB', ['scb-easy-verify.net', 'scbeasy-th.com']),
                                 ('กรุงไทย', ['krungthai-update.info', 'ktb-next.top']),
                                 ('Bangkok Bank', ['bbl-mobile-th.com', 'bangkokbank-verify.cc'])])
                return r.choice([
                    '%s: บัญชีของท่านถูกระงับชั่วคราว %sยืนยันตัวตนภายใน 24 ชม. %s' % (bank[0], r.choice(['กรุณา', 'โปรด', '']), link(bank[1])),
                    '%s แจ้ง: มีการเข้าสู่ระบบจากอุปกรณ์ใหม่ หากไม่ใช่ท่าน %s %s' % (bank[0], r.choice(['คลิก', 'กด', 'ยกเลิกที่']), link(bank[1])),
                    '%s: พัสดุของท่านจัดส่งไม่สำเร็จ ที่อยู่ไม่ครบ กรุณาอัปเดต %s' % (r.choice(['Kerry', 'Flash', 'J&T']), link(['kerry-th-express.top', 'th-flashexpress.xyz', 'jt-express-th.cc'])),
                    'ไปรษณีย์ไทย: พัสดุค้างชำระภาษีนำเข้า %d บาท ชำระที่ %s' % (r.randint(19, 59), link(['thaipost-th.cc', 'thailandpost-redelivery.com'])),
                    'กรมสรรพากร: ท่านได้รับสิทธิ์คืนภาษี %s บาท กรอกข้อมูลรับเงิน %s' % (amt, link(['rd-go-th.com', 'rdgo-refund.net'])),
                    'PEA: ค่าไฟฟ้าของท่านได้รับเงินคืน %s บาท กดรับ %s' % (amt, link(['pea-th.online', 'pea-refund.org'])),
                    'การไฟฟ้า: ท่านค้างชำระค่าไฟ จะถูกตัดไฟภายในวันนี้ ชำระด่วน %s' % link(['mea-refund.org', 'pea-th.online']),
                    'อนุมัติวงเงิน %s บาท ดอกเบี้ยต่ำ ไม่เช็คบูโร แอดไลน์ lin.ee/%s' % (r.choice(['30,000', '50,000', '100,000']), A(7)),
                    'คุณได้รับเครดิตฟรี %d บาท สมัครเลย https://ufa%s.vip' % (r.choice([100, 300, 500]), d(3)),
                    'Thai Post: Your parcel is on hold due to incomplete address. Update: %s' % link(['thpost-redelivery.com', 'thaipost-th.cc'])])
            return r.choice([
                '【ETC】尊敬的用户，您的ETC已失效，请及时点击 %s 进行认证，以免影响通行。' % link(['etc-cn%s.com' % d(3), 'etcx-gov.top']),
                '【国家税务总局】您有一笔个税退税%s元待领取，请登录 %s 办理。' % (amt, link(['chinatax-gov.cc', 'etax-refund.vip'])),
                '【中国邮政】您的包裹因地址不详无法派送，请点击 %s 更新地址。' % link(['ems-cn.top', 'chinapost-cn.xyz']),
                '【工商银行】您的账户存在异常登录，将于24小时内冻结，请立即验证 %s' % link(['icbc-verify.net', '95588-icbc.cn.com']),
                '【医保局】您的医保卡已暂停使用，请点击 %s 重新激活。' % link(['ybj-gov.vip', 'nhsa-gov.cc']),
                '【12123】您有一条交通违法记录未处理，请登录 %s 查询。' % link(['12123-jtgl.top', 'gab-12123.vip']),
                '【社保中心】您的社保补贴%s元已到账，请于今日领取 %s' % (amt, link(['shebao-gov.cc', 'si12333.top'])),
                '兼职刷单，日结300-800元，加微信%s%s' % (A(5), d(3)),
                '您好，您的快递丢失，将为您理赔%s元，请添加客服QQ%s' % (amt, d(9))])
        if kind == 'smish_cb':
            return r.choice(['แจ้งเตือน: หมายเลขของท่านจะถูกระงับ โปรดติดต่อ 02-%s ด่วน' % d(7),
                             'DSI: ท่านมีคดีพัวพันการฟอกเงิน ติดต่อเจ้าหน้าที่ 0%s ภายในวันนี้' % d(9),
                             'ธนาคารแจ้ง: บัตรของท่านมีรายการผิดปกติ %s บาท หากไม่ได้ทำรายการโทร 02%s' % (amt, d(7))]) if th else \
                r.choice(['【公安】您涉嫌一起洗钱案件，请立即致电 021-%s 配合调查。' % d(8),
                          '您的信用卡于今日消费%s元，如非本人操作请致电400%s' % (amt, d(7)),
                          '【京东金融】您的白条需注销，否则影响征信，详询 010-%s' % d(8)])
        if kind == 'iot':
            return r.choice(['ID=%s;T=%.1f;H=%d;BAT=%d%%' % (d(6), r.uniform(18, 36), r.randint(30, 90), r.randint(40, 100)),
                             'PWR OK %s' % d(6), 'ALARM ZONE %d OPEN' % r.randint(1, 8), 'HB %s' % d(8)])
        if kind == 'gps':
            return 'GPS:%.5f,%.5f;SPD=%d' % (r.uniform(13, 14) if th else r.uniform(22, 40),
                                             r.uniform(100, 101) if th else r.uniform(100, 121), r.randint(0, 90))
        if kind == 'courier':
            return r.choice(['ไรเดอร์ถึงหน้าบ้านแล้วครับ', 'พัสดุมาส่งครับ ไม่มีคนรับ โทรกลับด้วยครับ']) if th else \
                r.choice(['您好，快递到了，放门口了', '快递员：您的包裹在楼下，请下楼取件'])
        return ''

    # ------------------------------------------------------------- population
    def build(self):
        r = self.rng
        self.subs, self.by_num = [], {}
        for _ in range(self.N):
            reg = self.pick_region()
            home = self.cell(reg)
            work = home if r.random() < 0.3 else self.cell(reg if r.random() < 0.9 else self.pick_region(False))
            s = Sub(self.mobile(True), self.imsi(), self.imei(), reg, home, work)
            if r.random() < 0.15:
                s.extra = [self.cell(reg) for _ in range(r.randint(1, 4))]
            s.rate = min(12.0, r.lognormvariate(-0.25, 0.85))
            self.subs.append(s)
            self.by_num[s.num] = s
        # dual-SIM phones and phone switchers
        for i in range(0, self.N - 1, 2):
            if r.random() < 0.03:
                a, b = self.subs[i], self.subs[i + 1]
                b.imei, b.region, b.home, b.work, b.extra = a.imei, a.region, a.home, a.work, a.extra
        for s in r.sample(self.subs, max(1, self.N // 400)):
            s.imei2, s.swt = self.imei(), r.uniform(self.T0, self.T1)
        self.offnet = [self.mobile(False) for _ in range(int(self.N * 1.2))]
        self.offset = set(self.offnet)
        self.biz = [self.landline() for _ in range(max(20, self.N // 60))]
        for s in self.subs:
            k = min(60, 3 + int(r.lognormvariate(2.0, 0.6)))
            for _ in range(k):
                x = r.random()
                if x < 0.45:
                    s.contacts.append(r.choice(self.subs).num)
                elif x < 0.92:
                    s.contacts.append(r.choice(self.offnet))
                else:
                    s.contacts.append(r.choice(self.biz))
            if self.regions[s.region][5] and r.random() < 0.35 or r.random() < 0.03:
                s.migrant = True
                ccs = [x[0] for x in self.c['migrant']]
                wts = [x[1] for x in self.c['migrant']]
                s.intl = [self.foreign(r.choices(ccs, wts)[0]) for _ in range(r.randint(1, 4))]
            elif r.random() < 0.05:
                ccs = [x[0] for x in self.c['family']]
                wts = [x[1] for x in self.c['family']]
                s.intl = [self.foreign(r.choices(ccs, wts)[0]) for _ in range(r.randint(1, 2))]
        for s in r.sample(self.subs, max(1, int(self.N * 0.004))):
            s.roaming = True
        self.intl_rx = [s.num for s in self.subs if s.intl] + r.sample(self.offnet, max(5, self.N // 50))

    # -------------------------------------------------------------- ordinary
    def ordinary(self):
        r = self.rng
        short = self.c['short']
        for s in self.subs:
            if s.roaming:
                for t in self.ptimes(0.25 * s.rate):
                    b = r.choice(s.contacts)
                    self.call(t, s.num, b, self.talk(90) if r.random() < 0.8 else 0, 'international')
                continue
            for t in self.ptimes(0.55 * s.rate):
                x = r.random()
                if x < 0.004:
                    self.call(t, s.num, r.choice(short), self.talk(60), 'onnet', self.dev(s, t))
                    continue
                if x < 0.86:
                    b = s.contacts[int(len(s.contacts) * r.random() ** 2.2)]
                elif x < 0.95:
                    b = r.choice(self.biz)
                else:
                    b = r.choice(self.offnet) if r.random() < 0.5 else r.choice(self.subs).num
                ans = r.random() < 0.78
                self.call(t, s.num, b, self.talk() if ans else 0, 'onnet', self.dev(s, t))
                if not ans:
                    y = r.random()
                    if y < 0.45 and b not in self.biz:
                        t2 = t + 20 + r.expovariate(1 / 400.0)
                        self.callback(t2, b, s.num, self.talk(60) if r.random() < 0.85 else 0)
                    elif y < 0.65:
                        t2 = t + r.uniform(30, 240)
                        self.call(t2, s.num, b, self.talk() if r.random() < 0.6 else 0, 'onnet', self.dev(s, t2))
            for t in self.ptimes(0.12 * s.rate):
                b = s.contacts[int(len(s.contacts) * r.random() ** 2)]
                self.sms(t, s.num, b, self.txt('p2p'), 'onnet', self.dev(s, t))
                if r.random() < 0.4:
                    self.sms_reply(t + r.uniform(10, 600), b, s.num)
            offc = [c for c in s.contacts[:20] if c in self.offset]
            if offc:
                for t in self.ptimes(0.25 * s.rate):
                    self.call(t, r.choice(offc), s.num, self.talk() if r.random() < 0.8 else 0, 'national')
                for t in self.ptimes(0.04 * s.rate):
                    self.sms(t, r.choice(offc), s.num, self.txt('p2p'), 'national')
            if s.intl:
                inr, outr = (0.22, 0.18) if s.migrant else (0.05, 0.03)
                for t in self.ptimes(inr):
                    f = r.choice(s.intl)
                    if s.migrant and r.random() < 0.3:   # missed-call signalling
                        self.call(t, f, s.num, 0, 'international', answered=False)
                        t2 = t + r.uniform(15, 180)
                        self.call(t2, s.num, f, self.talk(150), 'onnet', self.dev(s, t2))
                    else:
                        self.call(t, f, s.num, self.talk(200, 1.0) if r.random() < 0.75 else 0, 'international')
                for t in self.ptimes(outr):
                    self.call(t, s.num, r.choice(s.intl), self.talk(150) if r.random() < 0.75 else 0,
                              'onnet', self.dev(s, t))
        # A few incoming from withheld / odd callers (international)
        for t in self.ptimes(2.0 * self.scale):
            self.call(t, r.choice(['anonymous', 'Restricted', '']), r.choice(self.subs).num,
                      self.talk() if r.random() < 0.5 else 0, 'international')
        # inbound roamers (foreign numbers on our radio)
        for _ in range(self.n(30)):
            cc, mm = r.choice(self.c['visitors'])
            num = self.foreign(cc)
            v = Sub(num, self.imsi(mm), self.imei(), self.pick_region(False), None, None)
            v.home = v.work = self.cell(v.region)
            v.extra = [self.cell(v.region) for _ in range(3)]
            home = [self.foreign(cc) for _ in range(3)]
            used = False
            for t in self.ptimes(0.6):
                b = r.choice(home + self.biz[:30]) if r.random() < 0.7 else r.choice(self.biz)
                self.call(t, num, b, self.talk(80) if r.random() < 0.8 else 0, 'onnet', self.dev(v, t))
                used = True
            if used:
                self.look['+' + num] = 'inbound_roamer'
        for s in self.subs:
            if s.roaming and s.num in self.callers:
                self.look['+' + s.num] = 'roamer_calling_home'

    def sms_reply(self, t, frm, to):
        route, dv = self.onnet_or_nat(frm, t)
        self.sms(t, frm, to, self.txt('p2p'), route, dv)

    # ----------------------------------------------------------------- fraud
    def lab(self, num, cls):
        self.fraud['+' + num] = cls

    def victim_cb(self, t, victim, sim_num, active):
        if self.rng.random() < 0.06:
            self.callback(t + self.rng.uniform(120, 3600), victim, sim_num,
                          self.rng.randint(20, 600) if active and self.rng.random() < 0.5 else 0)

    def fraud_callcenter(self):
        r = self.rng
        # (a) border compound handsets with SIM rotation
        for _ in range(self.n(2)):
            reg = self.pick_region(True)
            c0 = self.cell(reg)
            cells = self.near_cells(c0, 2)
            for _h in range(r.randint(2, 3)):
                imei = self.imei(r.choice(self.cheap_tacs))
                t = self.T0 + r.uniform(0, 2400)
                seq = self.seqstate()
                for _s in range(self.k(r.randint(3, 6))):
                    sim = self.new_sim(reg)
                    stint = r.randint(20, 45)
                    used = False
                    for _k in range(stint):
                        t = self.shift(t, 8, 22)
                        if t is None:
                            break
                        b = self.stranger(seq, 0.15)
                        dur = self.scam_outcome(0.35) if self.exists(b) else 0
                        self.call(t, sim.num, b, dur, 'onnet', (sim.imsi, imei, r.choice(cells)))
                        used = True
                        if dur:
                            self.victim_cb(t, b, sim.num, False)
                        t += dur + r.uniform(8, 110)
                    if used:
                        self.lab(sim.num, 'callcenter')
                    if t is None:
                        break
                    t += r.uniform(60, 900)
        # (b) inland mule SIMs, one per phone, human-like
        for _ in range(self.n(6)):
            reg = self.pick_region(False)
            sim = self.new_sim(reg)
            sim.extra = self.near_cells(sim.home, 2)
            hooked = []
            t = self.T0 + r.uniform(0, 3600)
            k = 0
            for _k in range(r.randint(10, 25)):
                t = self.shift(t, 9, 21)
                if t is None:
                    break
                x = r.random()
                if hooked and x < 0.2:
                    b = r.choice(hooked)
                    dur = r.randint(200, 2400)
                elif x < 0.28:   # cover call to an ordinary contact-like number
                    b = r.choice(self.offnet)
                    dur = self.talk() if r.random() < 0.8 else 0
                else:
                    b = self.stranger()
                    dur = self.scam_outcome(0.4)
                    if dur > 300:
                        hooked.append(b)
                self.call(t, sim.num, b, dur, 'onnet', self.dev(sim, t))
                k += 1
                if dur:
                    self.victim_cb(t, b, sim.num, True)
                if r.random() < 0.1:
                    self.sms(t + dur + 30, sim.num, b, self.txt('p2p'), 'onnet', self.dev(sim, t))
                t += dur + r.uniform(120, 900)
            if k:
                self.lab(sim.num, 'callcenter')
        # (c) GoIP gateway in-country, remote-controlled
        for _ in range(self.n(1)):
            reg = self.pick_region(False)
            c0 = self.cell(reg)
            nports = self.k(r.choice([8, 16]))
            imeis = self.imei_seq(r.choice(self.module_tacs), nports)
            seq = self.seqstate()
            t0 = self.T0 + r.uniform(0, self.H * 1800)
            for p in range(nports):
                sim = self.new_sim(reg)
                t, k = t0 + r.uniform(0, 300), 0
                for _k in range(r.randint(15, 30)):
                    t = self.shift(t, 9, 23)
                    if t is None:
                        break
                    b = self.stranger(seq, 0.35)
                    dur = self.scam_outcome(0.3) if self.exists(b) else 0
                    self.call(t, sim.num, b, dur, 'onnet', (sim.imsi, imeis[p], c0))
                    k += 1
                    t += dur + r.uniform(5, 90)
                if k:
                    self.lab(sim.num, 'callcenter')

    def simbox_calls(self, sim, t, ncalls, devf, gap, cap=7200):
        r = self.rng
        k = 0
        for _ in range(ncalls):
            t = self.shift(t, 7, 24)
            if t is None:
                break
            b = r.choice(self.intl_rx) if r.random() < 0.75 else self.stranger()
            dur = min(cap, self.talk(170, 0.95)) if r.random() < 0.72 else 0
            self.call(t, sim.num, b, dur, 'onnet', devf(t))
            k += 1
            if dur and r.random() < 0.04:   # receiver tries to call the "local" number back
                self.callback(t + r.uniform(60, 3000), b, sim.num, 0, answered=False)
            t += dur + r.expovariate(1.0 / gap)
        return k

    def fraud_simbox(self):
        r = self.rng
        # (a) naive rack
        for _ in range(self.n(1)):
            reg = self.pick_region(False)
            c0 = self.cell(reg)
            nsim = self.k(r.choice([16, 16, 24, 32]))
            imeis = self.imei_seq(r.choice(self.module_tacs), nsim)
            for p in range(nsim):
                sim = self.new_sim(reg, imei=imeis[p])
                dv = (sim.imsi, imeis[p], c0)
                if self.simbox_calls(sim, self.T0 + r.uniform(0, 600), r.randint(15, 40), lambda t, dv=dv: dv, 200):
                    self.lab(sim.num, 'simbox')
        # (b) human-emulating box
        for _ in range(self.n(1)):
            reg = self.pick_region(False)
            cells = self.near_cells(self.cell(reg), 3)
            sims = [self.new_sim(reg) for _ in range(self.k(r.randint(8, 14)))]
            for i, sim in enumerate(sims):
                def devf(t, sim=sim):
                    return (sim.imsi, sim.imei, cells[int((t - self.T0) // 5400 + sim.uid) % 3])
                k = self.simbox_calls(sim, self.T0 + r.uniform(0, 3600), r.randint(6, 12), devf, 1100,
                                      cap=r.choice([600, 900, 1200]))
                for t in self.ptimes(0.5):
                    b = r.choice(sims).num if r.random() < 0.6 else r.choice(self.subs).num
                    if b != sim.num:
                        self.sms(t, sim.num, b, self.txt('p2p'), 'onnet', devf(t))
                for t in self.ptimes(0.25):
                    b = r.choice(sims)
                    if b is not sim:
                        self.call(t, sim.num, b.num, r.randint(30, 200), 'onnet', devf(t))
                if k:
                    self.lab(sim.num, 'simbox')
        # (c) SIM bank feeding 4 remote sites
        for _ in range(self.n(1)):
            sites = []
            for _s in range(4):
                reg = self.pick_region(False)
                sites.append((self.cell(reg), self.imei_seq(r.choice(self.module_tacs), 8)))
            for _i in range(self.k(20)):
                sim = self.new_sim(self.pick_region(False))
                hop = r.uniform(1800, 3600)
                base = r.randrange(10 ** 6)

                def devf(t, sim=sim, hop=hop, base=base):
                    slot = int((t - self.T0) // hop) + base
                    c, ims = sites[slot % 4]
                    return (sim.imsi, ims[(slot * 7 + sim.uid) % 8], c)
                if self.simbox_calls(sim, self.T0 + r.uniform(0, 900), r.randint(10, 25), devf, 400):
                    self.lab(sim.num, 'simbox')

    def fraud_spoof(self):
        r = self.rng
        forged = [(self.mobile(False), r.randint(1, 4)) for _ in range(self.n(30))]
        forged += [(self.landline(r.choice(self.c['regions'][:2])[0]), r.randint(5, 20)) for _ in range(self.n(5))]
        active = [s for s in self.subs if not s.roaming and s.rate > 1.0 and s.num in self.callers]
        forged += [(s.num, r.randint(2, 6)) for s in r.sample(active, min(len(active), self.n(3)))]
        for num, k in forged:
            t = self.T0 + r.uniform(0, self.H * 3600 * 0.85)
            for _ in range(k):
                t = self.shift(t, 8, 21)
                if t is None:
                    break
                b = r.choice(self.subs).num
                self.call(t, num, b, self.scam_outcome(0.4), 'international')
                t += r.uniform(30, 1500)
            if num in self.callers:
                self.lab(num, 'spoofed_caller_id')

    def fraud_wangiri(self):
        r = self.rng
        nums = sorted(s.num for s in self.subs if not s.roaming)

        def one(num, t, k, spacing):
            i = r.randrange(len(nums))
            for _ in range(k):
                i = (i + r.choice([1, 1, 2, 3, 5])) % len(nums)
                pick = r.random() < 0.02
                self.call(t, num, nums[i], 0 if not pick or r.random() < 0.5 else 1, 'international',
                          answered=True if pick else False)
                if r.random() < 0.03:
                    t2 = t + r.uniform(60, 5400)
                    s = self.by_num[nums[i]]
                    self.call(t2, nums[i], num, self.talk(90, 0.8), 'onnet', self.dev(s, t2))
                t += r.expovariate(1.0 / spacing)
        for _ in range(self.n(4)):
            num = self.premium()
            one(num, self.T0 + r.uniform(0, self.H * 3600 - 2400), r.randint(60, 300), r.uniform(4, 12))
            self.lab(num, 'wangiri')
        for _ in range(self.n(1)):
            pre, kk = r.choice(PREMIUM)
            base = int(self.digits(kk - 2) + '00')
            for j in range(r.randint(15, 25)):
                num = pre + str(base + j).zfill(kk)
                one(num, self.T0 + r.uniform(0, self.H * 3600 * 0.9), r.randint(4, 12), 1500)
                if num in self.callers:
                    self.lab(num, 'wangiri')

    def fraud_smishing(self):
        r = self.rng
        # (a) modem farm
        for _ in range(self.n(1)):
            reg = self.pick_region(False)
            c0 = self.cell(reg)
            imeis = self.imei_seq(r.choice(self.module_tacs), 4)
            t = self.T0 + r.uniform(0, 1800)
            for p in range(self.k(4)):
                tp = t + r.uniform(0, 600)
                for _s in range(r.randint(2, 3)):
                    sim = self.new_sim(reg)
                    seq = self.seqstate()
                    k = 0
                    for _m in range(r.randint(100, 400)):
                        tp = self.shift(tp, 7, 23)
                        if tp is None:
                            break
                        self.sms(tp, sim.num, self.stranger(seq, 0.4), self.txt('smish'), 'onnet', (sim.imsi, imeis[p], c0))
                        k += 1
                        tp += r.uniform(2, 25)
                    if k:
                        self.lab(sim.num, 'smishing')
                    if tp is None:
                        break
                    tp += r.uniform(300, 1800)
        # (b) low-and-slow in phones, some callback-type texts
        for _ in range(self.n(4)):
            sim = self.new_sim(self.pick_region(False))
            kind = 'smish_cb' if r.random() < 0.4 else 'smish'
            for t in self.ptimes(r.uniform(5, 10), wf=lambda t: 1.0 if 8 <= self.lh(t) < 22 else 0.0):
                self.sms(t, sim.num, self.stranger(), self.txt(kind), 'onnet', self.dev(sim, t))
            for t in self.ptimes(0.8):
                self.call(t, sim.num, r.choice(self.offnet), self.talk(), 'onnet', self.dev(sim, t))
            if sim.num in self.callers:
                self.lab(sim.num, 'smishing')
        # (c) international grey route + compromised domestic A2P account
        senders = [(self.foreign(r.choice(self.c['spam_sms'])), 'international') for _ in range(self.n(5))]
        senders += [(self.landline(), 'national') for _ in range(self.n(2))]
        for num, route in senders:
            t = self.T0 + r.uniform(0, self.H * 3600 * 0.8)
            nums = r.sample(self.subs, min(len(self.subs), r.randint(50, 200)))
            for s in nums:
                self.sms(t, num, s.num, self.txt('smish'), route)
                t += r.uniform(0.5, 20)
            self.lab(num, 'smishing')

    # ------------------------------------------------------------ look-alikes
    def lk(self, num, kind):
        if num in self.callers:
            self.look['+' + num] = kind

    def office_dialer(self, sims, devf, kind, per, p_ans, durf, hs, he, redial=0.0, leads=None, seq=None, p_seq=0.0):
        r = self.rng
        for sim in sims:
            t = self.T0 + r.uniform(0, 1200)
            for _ in range(per):
                t = self.shift(t, hs, he)
                if t is None:
                    break
                b = r.choice(leads) if leads and r.random() < 0.8 else self.stranger(seq, p_seq)
                ans = r.random() < p_ans and self.exists(b)
                dur = durf() if ans else 0
                self.call(t, sim.num, b, dur, 'onnet', devf(sim, t))
                if not ans and r.random() < redial:
                    t += r.uniform(60, 300)
                    self.call(t, sim.num, b, durf() if r.random() < 0.3 else 0, 'onnet', devf(sim, t))
                if ans and r.random() < 0.05 or not ans and r.random() < 0.07:
                    self.callback(t + r.uniform(300, 5400), b, sim.num, self.talk(90))
                t += dur + r.uniform(20, 240)
            self.lk(sim.num, kind)

    def lookalikes(self):
        r = self.rng
        subs = self.subs
        biz_h = lambda t: 1.0 if 8.5 <= self.lh(t) < 18.5 else 0.05
        # bank outbound PBX numbers, many parallel agents
        for _ in range(self.n(3)):
            num = self.landline(self.c['regions'][0][0])
            for t in self.ptimes(r.uniform(20, 45), wf=biz_h):
                b = r.choice(subs).num
                self.call(t, num, b, self.talk(120, 0.8) if r.random() < 0.55 else 0, 'national')
            for t in self.ptimes(r.uniform(10, 25), wf=biz_h):
                s = r.choice(subs)
                if not s.roaming:
                    self.call(t, s.num, num, self.talk(180, 0.8), 'onnet', self.dev(s, t))
            self.lk(num, 'bank_callcenter')
        # debt collection office: on-net SIMs, one cell, redials
        reg = self.pick_region(False)
        c0 = self.cell(reg)
        sims = [self.new_sim(reg) for _ in range(self.n(6))]
        debtors = [self.stranger() for _ in range(self.n(150))]
        self.office_dialer(sims, lambda s, t: (s.imsi, s.imei, c0), 'debt_collection_agency', r.randint(30, 60),
                           0.35, lambda: r.randint(15, 240), 9, 19, redial=0.4, leads=debtors)
        # telesales with multi-SIM gateway (module TAC, one cell)
        reg = self.pick_region(False)
        c0 = self.cell(reg)
        imeis = self.imei_seq(r.choice(self.module_tacs), 10)
        sims = [self.new_sim(reg, imei=imeis[i]) for i in range(self.n(10) if self.n(10) <= 10 else 10)]
        leads = [self.stranger() for _ in range(self.n(400))]
        self.office_dialer(sims, lambda s, t: (s.imsi, s.imei, c0), 'telesales_call_center', r.randint(25, 45),
                           0.4, lambda: r.randint(5, 30) if r.random() < 0.6 else r.randint(120, 600), 9, 20,
                           leads=leads)
        # enterprise PBX using a GSM gateway
        for _ in range(self.n(1)):
            reg = self.pick_region(False)
            c0 = self.cell(reg)
            imeis = self.imei_seq(r.choice(self.module_tacs), 8)
            sims = [self.new_sim(reg, imei=imeis[i]) for i in range(8)]
            partners = [r.choice(self.biz) for _ in range(60)] + [self.stranger() for _ in range(100)]
            for sim in sims:
                for t in self.ptimes(3.0, wf=biz_h):
                    self.call(t, sim.num, r.choice(partners), self.talk(90, 0.9) if r.random() < 0.75 else 0,
                              'onnet', (sim.imsi, sim.imei, c0))
                for t in self.ptimes(1.2, wf=biz_h):
                    self.callback(t, r.choice(partners + [s.num for s in subs[:50]]), sim.num, self.talk(120))
                self.lk(sim.num, 'enterprise_gsm_gateway')
        # survey call centre: sequential random-digit dialling
        reg = self.pick_region(False)
        c0 = self.cell(reg)
        sims = [self.new_sim(reg) for _ in range(self.n(5))]
        self.office_dialer(sims, lambda s, t: (s.imsi, s.imei, c0), 'survey_call_center', r.randint(25, 50),
                           0.3, lambda: r.randint(20, 60) if r.random() < 0.4 else r.randint(120, 720), 9, 20,
                           seq=self.seqstate(), p_seq=0.7)
        # courier riders
        for _ in range(self.n(25)):
            reg = self.pick_region(False)
            rider = self.new_sim(reg)
            route = [self.cell(reg) for _ in range(r.randint(6, 15))]
            t0, t1 = self.T0, self.T1
            for t in self.ptimes(r.uniform(6, 14), wf=lambda t: 1.0 if 8 <= self.lh(t) < 20 else 0.0):
                dv = (rider.imsi, rider.imei, route[int((t - t0) / (t1 - t0) * len(route)) % len(route)])
                b = r.choice(subs).num if r.random() < 0.55 else self.mobile(False)
                ans = r.random() < 0.72
                self.call(t, rider.num, b, r.randint(8, 60) if ans else 0, 'onnet', dv)
                if not ans:
                    if r.random() < 0.5:
                        self.call(t + r.uniform(40, 120), rider.num, b, r.randint(8, 45) if r.random() < 0.5 else 0, 'onnet', dv)
                    if r.random() < 0.3:
                        self.sms(t + 130, rider.num, b, self.txt('courier'), 'onnet', dv)
                    if r.random() < 0.25:
                        self.callback(t + r.uniform(120, 1800), b, rider.num, r.randint(10, 60))
            self.lk(rider.num, 'delivery_callcenter')
        hot = self.landline(self.c['regions'][0][0])
        for t in self.ptimes(r.uniform(25, 40), wf=lambda t: 1.0 if 8 <= self.lh(t) < 20 else 0.0):
            self.call(t, hot, r.choice(subs).num, r.randint(15, 90) if r.random() < 0.6 else 0, 'national')
        self.lk(hot, 'delivery_callcenter')
        # dispatchers
        for _ in range(self.n(4)):
            reg = self.pick_region(False)
            d = self.new_sim(reg)
            drivers = [r.choice(subs).num for _ in range(r.randint(10, 30))] + [self.mobile(False) for _ in range(r.randint(10, 30))]
            for t in self.ptimes(r.uniform(15, 35)):
                self.call(t, d.num, r.choice(drivers), r.randint(8, 60) if r.random() < 0.9 else 0, 'onnet', (d.imsi, d.imei, d.home))
            for t in self.ptimes(r.uniform(5, 12)):
                self.callback(t, r.choice(drivers), d.num, r.randint(10, 90))
            self.lk(d.num, 'dispatcher')
        # ride-hailing masked numbers (national route)
        for _ in range(self.n(10)):
            num = self.mobile(False)
            for t in self.ptimes(r.uniform(4, 10)):
                s = r.choice(subs)
                if r.random() < 0.55:
                    self.call(t, num, s.num, r.randint(10, 120) if r.random() < 0.8 else 0, 'national')
                elif not s.roaming:
                    self.call(t, s.num, num, r.randint(10, 120) if r.random() < 0.85 else 0, 'onnet', self.dev(s, t))
            self.lk(num, 'ride_hailing_masked_number')
        # A2P: OTP domestic / foreign, notifications, promo blasts
        for _ in range(self.n(4)):
            num = self.landline(self.c['regions'][0][0])
            for t in self.ptimes(r.uniform(60, 250)):
                self.sms(t, num, r.choice(subs).num, self.txt('otp'), 'national')
            self.lk(num, 'otp_sender')
        for _ in range(self.n(4)):
            num = self.foreign(r.choice(self.c['otp_foreign']))
            for t in self.ptimes(r.uniform(20, 80)):
                self.sms(t, num, r.choice(subs).num, self.txt('otp_intl'), 'international')
            self.lk(num, 'otp_sender')
        for _ in range(self.n(8)):
            num = self.landline()
            for t in self.ptimes(r.uniform(15, 120), wf=lambda t: 1.0 if 7 <= self.lh(t) < 21 else 0.1):
                self.sms(t, num, r.choice(subs).num, self.txt('notif'), 'national')
            self.lk(num, 'notification_sender')
        for _ in range(self.n(2)):
            num = self.landline()
            t = self.T0 + r.uniform(0, self.H * 3600 * 0.8)
            for s in r.sample(subs, min(len(subs), r.randint(400, 1500))):
                self.sms(t, num, s.num, self.txt('promo'), 'national')
                t += r.uniform(0.2, 2.5)
            self.lk(num, 'retail_marketing_sms')
        for _ in range(self.n(3)):
            shop = self.new_sim(self.pick_region(False))
            cust = [r.choice(subs).num for _ in range(r.randint(40, 120))]
            t = self.T0 + r.uniform(0, self.H * 1800)
            for b in cust:
                self.sms(t, shop.num, b, self.txt('smallbiz'), 'onnet', self.dev(shop, t))
                t += r.uniform(3, 40)
            for t in self.ptimes(1.5):
                self.callback(t, r.choice(cust), shop.num, self.talk(60))
            self.lk(shop.num, 'small_business_sms_promo')
        # IoT fleets
        servers = [self.mobile(True), self.landline()]
        tac = r.choice(self.module_tacs)
        for _ in range(self.n(4)):
            reg = self.pick_region(False)
            c0 = self.cell(reg)
            for _i in range(self.k(r.randint(6, 12))):
                s = self.new_sim(reg, tac)
                per = r.choice([900, 1800, 3600])
                t = self.T0 + r.uniform(0, per)
                while t < self.T1:
                    self.sms(t, s.num, servers[0], self.txt('iot'), 'onnet', (s.imsi, s.imei, c0))
                    t += per + r.uniform(-20, 20)
                if r.random() < 0.3:
                    t = r.uniform(self.T0, self.T1)
                    self.call(t, s.num, servers[1], r.randint(5, 25), 'onnet', (s.imsi, s.imei, c0))
                self.lk(s.num, 'iot_sim')
        for _ in range(self.n(12)):
            reg = self.pick_region(False)
            s = self.new_sim(reg, r.choice(self.module_tacs))
            path = [self.cell(reg) for _ in range(10)]
            t = self.T0 + r.uniform(0, 600)
            while t < self.T1:
                self.sms(t, s.num, servers[0], self.txt('gps'), 'onnet', (s.imsi, s.imei, path[int((t - self.T0) / 1500) % 10]))
                t += 600 + r.uniform(-30, 30)
            self.lk(s.num, 'iot_sim')
        # overseas service desk presenting local DIDs
        for _ in range(self.n(3)):
            did = self.landline(self.c['regions'][0][0])
            cust = [r.choice(subs) for _ in range(r.randint(60, 150))]
            for t in self.ptimes(r.uniform(8, 20), wf=biz_h):
                c = r.choice(cust)
                self.call(t, did, c.num, self.talk(240, 0.7) if r.random() < 0.65 else 0, 'international')
            for t in self.ptimes(r.uniform(3, 8), wf=biz_h):
                c = r.choice(cust)
                if not c.roaming:
                    self.call(t, c.num, did, self.talk(300, 0.7), 'onnet', self.dev(c, t))
            self.lk(did, 'overseas_service_desk')
        for _ in range(self.n(2)):
            num = self.foreign(r.choice(['65', '44', '852']))
            for t in self.ptimes(r.uniform(10, 25), wf=biz_h):
                self.call(t, num, r.choice(subs).num, r.randint(15, 70) if r.random() < 0.5 else 0, 'international')
            self.lk(num, 'overseas_verification_ivr')
        # SIM retailer activation phone
        shop_reg = self.pick_region(False)
        shop_cell, shop_imei, owner = self.cell(shop_reg), self.imei(), r.choice(subs).num
        t = self.T0 + r.uniform(0, 1800)
        for _ in range(self.n(12)):
            t = self.shift(t + r.uniform(300, 1500), 9, 20)
            if t is None:
                break
            s = self.new_sim(shop_reg)
            self.call(t, s.num, owner, r.randint(3, 15), 'onnet', (s.imsi, shop_imei, shop_cell))
            for t2 in self.ptimes(0.8, t0=t + 600):
                self.call(t2, s.num, r.choice(self.offnet), self.talk(), 'onnet', self.dev(s, t2))
            self.lk(s.num, 'sim_retailer_activation')
        # heavy international callers (migrants / border traders)
        kind = 'migrant_worker_calling_home' if self.cc == '66' else 'border_trader_calling_abroad'
        cnt = {}
        for t, rec in self.ev:
            if rec['kind'] == 'call' and rec.get('imsi') and rec['caller'] in self.by_num and \
                    not rec['callee'].startswith(self.cc) and len(rec['callee']) > 8:
                cnt[rec['caller']] = cnt.get(rec['caller'], 0) + 1
        for num, k in cnt.items():
            if k >= 4 and self.by_num[num].migrant:
                self.look['+' + num] = kind

    # ----------------------------------------------------------------- output
    def fmt(self, n, route):
        if not n or len(n) <= 6 or not n.isdigit():
            return n
        r, cc = self.rng, self.cc
        x = r.random()
        if n.startswith(cc):
            nat = n[len(cc):]
            if cc == '86' and nat[0] == '1' and len(nat) == 11:
                return nat if x < 0.4 else '+' + n if x < 0.65 else n if x < 0.9 else '0086' + nat
            if route == 'international':
                return '+' + n if x < 0.5 else n if x < 0.75 else '0' + nat if x < 0.9 else '00' + n
            return '+' + n if x < 0.3 else n if x < 0.55 else '0' + nat if x < 0.95 else '00' + n
        return '+' + n if x < 0.45 else '00' + n if x < 0.8 else n

    def damage(self, num):
        r = self.rng
        return r.choice(['', 'unknown', '+' + self.cc, num[:5], num + self.digits(6), num[:4] + 'ABC' + num[7:],
                         '+' + '9' * 20, '0000000000', num.replace('', ' ')[1:12]])

    def write(self):
        r = self.rng
        os.makedirs(self.a.out, exist_ok=True)
        self.ev.sort(key=lambda e: e[0] + (r.uniform(-2, 2) if r.random() < 0.02 else 0))
        n = 0
        with open(os.path.join(self.a.out, 'records.jsonl'), 'w', encoding='utf-8') as f:
            for t, rec in self.ev:
                route = rec.get('route')
                rec['caller'] = self.fmt(rec['caller'], route)
                rec['callee'] = self.fmt(rec['callee'], route)
                if r.random() < 0.0002:
                    key = r.choice(['caller', 'callee'])
                    rec[key] = self.damage(rec[key])
                x = r.random()
                if x < 0.3:
                    ts = int(t * 1000)
                else:
                    ts = datetime.datetime.fromtimestamp(t, self.tz).isoformat(
                        timespec='milliseconds' if x < 0.38 else 'seconds')
                out = {'kind': rec.pop('kind'), 'ts': ts}
                out.update(rec)
                line = json.dumps(out, ensure_ascii=False)
                f.write(line + '\n')
                n += 1
                if r.random() < 0.0003:
                    f.write(line + '\n')
                    n += 1
        for k in list(self.look):
            if k in self.fraud:
                del self.look[k]
        lab = {'seed': self.a.seed, 'subscribers': self.N, 'hours': int(self.H) if self.H == int(self.H) else self.H, 'country': self.a.country,
               'fraud': [{'number': k, 'class': v} for k, v in sorted(self.fraud.items())],
               'lookalikes': [{'number': k, 'kind': v} for k, v in sorted(self.look.items())]}
        with open(os.path.join(self.a.out, 'labels.json'), 'w', encoding='utf-8') as f:
            json.dump(lab, f, ensure_ascii=False, indent=1)
        return n

    def run(self):
        self.build()
        self.ordinary()
        self.fraud_callcenter()
        self.fraud_simbox()
        self.fraud_spoof()
        self.fraud_wangiri()
        self.fraud_smishing()
        self.lookalikes()
        return self.write()


def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--out', required=True)
    p.add_argument('--subscribers', type=int, default=20000)
    p.add_argument('--hours', type=float, default=4)
    p.add_argument('--seed', type=int, default=1)
    p.add_argument('--country', choices=['th', 'cn'], default='th')
    a = p.parse_args()
    g = Gen(a)
    n = g.run()
    print('%s: %d records, %d fraud, %d lookalikes' % (a.out, n, len(g.fraud), len(g.look)))


if __name__ == '__main__':
    main()
