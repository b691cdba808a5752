#!/usr/bin/env python3
"""gen7.py - standalone, labelled synthetic mobile-network traffic for testing a
scam-call / scam-SMS detection engine.

Written independently from public descriptions of fraud schemes and of ordinary
mobile traffic (GSMA and CFCA fraud-type descriptions, Europol and UNODC reports
on Southeast-Asian scam compounds, Thai NBTC and Chinese MIIT / police public
notices, news reports on SIM boxes, wangiri, caller-ID spoofing, SMS blasters and
SMS farms).  Python 3 standard library only; one file.

COMMAND LINE
------------
  python3 gen7.py --out DIR --subscribers N --hours H --seed S --country th|cn
                  [--start YYYY-MM-DD]

  --out          output directory (created if needed); receives records.jsonl
                 and labels.json
  --subscribers  subscribers of the simulated home operator (default 20000)
  --hours        length of the window, may be fractional (default 4)
  --seed         seed of the single random.Random that drives everything
  --country      th: Thailand, +66, home PLMN 520-03, UTC+7
                 cn: China, +86, home PLMN 460-00/02/07, UTC+8
  --start        local date of the window (default 2024-05-14, a Tuesday).  The
                 window always starts at 08:00 local time, so a 4 h run covers the
                 morning commute and office hours.  Activity curves assume a
                 working day whatever the date.

The same arguments give byte-identical output: every draw comes from one
random.Random(seed); sets are only used for membership tests and dicts only in
insertion order.  N=20000, H=4 writes about 120 k records in roughly 6 s.

RECORDS (DIR/records.jsonl, one JSON object per line, sorted by time)
--------------------------------------------------------------------
  kind        "call" or "sms"
  ts          call start / SMS submission.  About 60 % local RFC 3339 with offset
              ("2024-05-14T09:12:03+07:00", a quarter of them with .mmm), 17 %
              UTC with "Z" (half with .mmm), 8 % integer epoch milliseconds.
              Records are sorted on the instant written (a record written
              without milliseconds sorts on its whole second), so parsed times
              never go backwards.
  caller      A-number / SMS sender.  Always a phone number that is possible for
              its country (checked against libphonenumber lengths during
              development); never alphanumeric, never a short code.  Home
              numbers appear as national "0..." (Chinese mobiles as 11 bare
              digits), "+cc...", bare "cc..." or "00cc..."; national format
              dominates on-net, E.164 dominates on the international route.
              Foreign numbers appear as "+...", "00..." or bare digits (never
              bare for +1 numbers in cn, which would read as a Chinese mobile).
  callee      B-number in the same formats, or a home service short code kept
              as dialled (th: 191 1669 199 1175 1111 1330 1506 1200 1441 1213
              1333 1572 1558 1217 1545 1155; cn: 110 120 119 122 10086 12345
              12315 95588 95533 95599 95566 95555 12306 95598 96110 12321).
  duration_s  calls only: talk seconds, 0 when unanswered.
  answered    optional.  Written on ~40 % of calls, and always when it differs
              from duration_s > 0 (predictive-dialler abandons and wangiri
              pick-ups are answered with 0-2 s).
  route       "onnet": originated by a handset attached to the home network
              (then imsi, imei and cell_id are present; this includes inbound
              roamers with their foreign IMSI); "national": handed over by
              another domestic operator, the fixed network, an A2P aggregator or
              a domestic VoIP carrier (no imsi); "international": from the
              international gateway (no imsi).
  imsi        15 digits: MCC + MNC + MSIN.
  imei        15 digits with a valid Luhn check digit; the first 8 digits are a
              TAC drawn from a catalogue of handset families (iPhone, Samsung,
              Chinese brands, budget Android, feature phones, IoT modules,
              multi-port GSM gateway boards).  Dual-SIM slot 2 = slot 1 + 1.
  cell_id     "MCC-MNC-LAC-CI"; cells belong to regions (Bangkok, Mae Sot,
              Shenzhen, Ruili, ...), LACs group neighbouring cells.
  text        SMS body (Thai, Chinese, Burmese, Khmer, Lao, Vietnamese, English).

Only events that touch the home network are written: customers of other
operators (route national) and foreign parties (route international) appear
only when they reach a home-network customer; home-network handsets may call
or text anyone (other operators, landlines, abroad, unallocated numbers).

LABELS (DIR/labels.json)
------------------------
  {"seed", "subscribers", "hours", "country",
   "fraud":      [{"number": "+E164", "class": ...}],
   "lookalikes": [{"number": "+E164", "kind": ...}]}
A number is listed only if it appears as a caller or SMS sender, and in at most
one list.  Fraud classes: callcenter, simbox, smishing, spoofed_caller_id,
wangiri.  Everything unlisted is normal traffic: ordinary people, scam victims
(who also call banks and police afterwards), relatives abroad, small
businesses, migrants who made no international call, A2P platform numbers that
only receive, the users who forward spam to a reporting code.

NORMAL TRAFFIC
--------------
Subscribers get a region (population-weighted, incl. border districts), a home
cell and - for 62 % - a work cell reached after a commute time between 07:15
and 09:40, occasional neighbour-cell mobility, a handset TAC mix typical of the
country, and a log-normal activity level.
* Social graph: households of 1-4 home subscribers plus 0-2 members on other
  operators (0.8-3 calls/day per tie, some SMS); ~5 extended-family, friend and
  colleague ties each (42 % on other operators, mostly same region; log-normal
  weights, median 0.3 calls/day).  Every tie is reciprocal, with a per-tie
  direction bias of 30/70 to 70/30.  Times follow a diurnal curve (quiet night,
  morning ramp, lunch and evening peaks); the callers' time zone shifts the
  curve for parties abroad.
* Calls: 82 % (family) / 70 % answered, log-normal talk time (median 65-80 s,
  150 s for international).  After a missed call: 42 % call-back after a few
  minutes, 24 % retry by the caller within 40-300 s, 8 % "call me back" SMS;
  two levels deep.
* SMS: short conversations of 1-9 messages alternating between the two
  parties; 6 % of messages carry a benign link (maps, TikTok / Douyin,
  Shopee / Pinduoduo, YouTube, WeChat articles).
* Service short codes: operator care, banks, government hotlines, rail, power
  (IVR-length calls); rare emergency calls; cn: data/balance queries by SMS to
  10086; th: calls to the banks' published 02 hotlines.
* Small businesses (N/45; 80 % landlines on other networks, 20 % the owner's
  mobile): 15-90 local customers who call them in office hours, some calls
  back out; hotels in tourist regions are called by tourists.
* A2P: ~0.24 messages per subscriber-hour from bank alerts and OTPs, shops,
  ride-hailing, couriers with tracking links on official domains, the home
  operator, retail promotions with URL shorteners, the tax office, and
  international OTP senders (Google, WhatsApp, Telegram, TikTok, Apple ...) on
  foreign long numbers via the international route.  Senders are long numbers
  (landline or mobile ranges, some consecutive blocks) because the record
  contract has no alphanumeric senders.
* Migrant workers (th: Myanmar / Cambodia / Laos workers, dense in Samut
  Sakhon, Mae Sot, Mae Sai, Aranyaprathet, Nong Khai, plus the cities; cn:
  Vietnamese and Myanmar workers in Guangxi / Yunnan border districts): home
  SIMs in budget or feature phones, friends of the same origin nearby, 1-3
  family numbers at home called often and long; texts in Burmese, Khmer, Lao
  or Vietnamese.  Some share a handset (see look-alikes).
* Relatives abroad: 3 % (th) / 2.5 % (cn) of ordinary subscribers have 1-2
  relatives in Taiwan, Korea, Israel, Japan, the US, Europe, Singapore,
  Malaysia, Australia (cn: US, Australia, UK, Japan, Singapore, Malaysia, Hong
  Kong, ...).  Their calls arrive on the international route - except the 22 %
  hijacked by bypass SIM boxes (see simbox).
* Outbound roamers: 0.4 % of subscribers are abroad for the whole window; their
  own calls and SMS home arrive on the international route presenting their own
  home number, with the visited time zone's rhythm.
* Inbound tourists: 0.6 % (th) / 0.25 % (cn) of N, in groups of 1-5 with foreign
  numbers and foreign IMSIs attached on-net in tourist regions; they call each
  other, home, hotels and local guides or drivers.

FRAUD (labelled "fraud"; about 0.5-1 % of the numbers that appear as callers)
-----------------------------------------------------------------------------
callcenter  Scam-compound call centres.
  * Border SIM teams (2 at N=20000).  Compounds across the border
    (th: Mae Sot opposite Myawaddy / KK Park / Shwe Kokko, Aranyaprathet
    opposite Poipet, Mae Sai near the Golden Triangle; cn: Ruili, Lincang
    (Zhenkang / Cangyuan), Xishuangbanna) use home prepaid SIMs on the home
    network's border cells (1-3 cells).  2-7 handsets each burn through a
    sequence of SIMs (50-220 min of life, 1-20 min gap, 35 % chance of a new
    handset), so several SIMs share an IMEI.  15-45 attempts per active hour
    following a compound shift (from 08:30, lunch dip, afternoon).  Targets
    come from leaked lists (55 % home subscribers, 33 % other operators, 12 %
    dead numbers) or from sequential scans of a number block.  22-42 % answer;
    most answered calls are 3-40 s hang-ups, 27 % last 40-300 s, 1-4 % hook the
    victim for 10-60 min and are followed by a second-stage "officer" call from
    another SIM of the team (15-80 min).  Some teams send follow-up SMS (court
    summons, illegal parcel, police).  4 % of missed targets call back.
  * Foreign-number desk: 2-8 Cambodian / Myanmar / Philippine / Lao numbers (cn:
    Philippine, Cambodian, Myanmar, Malaysian, Vietnamese) calling home
    subscribers over the international route, 20-60 calls/h, 8-18 % answered.
simbox  GSM gateways terminating international traffic as local calls.
  * th bypass_static: 8-32 SIMs in one gateway in a flat (consecutive IMEIs of
    one gateway TAC, one serving cell, rare reselection), all active the whole
    window, 4-11 calls/h per SIM on a flat international rhythm, normal
    conversation lengths; carries hijacked relatives-abroad calls (answered
    like family calls) and wholesale traffic to random subscribers; call-backs
    to its SIMs are rejected (0 s) and the callee then often calls the
    relative abroad directly.
  * th bypass_evasive: a pool of 20-34 SIMs rotated in 25-80 min sessions, each
    SIM with a smartphone TAC and 15 % of calls with a changed IMEI, three
    neighbouring cells; the SIMs text and call each other to fake a social
    graph.
  * th mobile_scam: 6-14 module SIMs in a vehicle changing cell every 8-25 min,
    carrying compound scam traffic (short calls, 22-35 % answered).
  * cn goip_scam (x2): remote-controlled 8-16 port gateways in rented rooms, a
    third of the ports with other operators' SIMs, SIMs replaced every 1-4 h on
    the same port, half of the gateways giving each new SIM a new IMEI;
    12-35 scam calls/h per SIM.  cn also has one bypass_static.
wangiri  One-ring campaigns from high-cost ranges (Tunisia, Sierra Leone,
  Guinea, Mauritania, Latvia, Belarus, Maldives, Comoros, Sao Tome, Chad,
  Burundi, Moldova, Bosnia): 1-3 campaigns, each 3-7 numbers (often a
  consecutive block), a 20-100 min burst reaching 1.5-5 % of subscribers at
  random, by ascending number range, or twice each.  0 s unanswered rings;
  1-5 % picked up (answered, 0-1 s); 1-5 % of targets call the premium number
  back (10-900 s), a quarter of them twice.  One campaign may also send
  "urgent, call back +..." SMS.
smishing
  * SIM farm / modem pool (1-2): 5-10 ports in 1-2 cells of an urban or
    industrial district, module TAC with consecutive IMEIs (evasive farms use
    random smartphone IMEIs), 1-2 bursts of 15-70 min at 60-160 SMS/h per port,
    each SIM replaced after 120-500 messages on the same port.  One theme per
    farm (bank account suspended, undeliverable parcel, tax / electricity
    refund, traffic fine, toll / ETC, points expiry) with a look-alike domain
    or a URL shortener and a per-message token.  Recipients: subscribers,
    other operators' numbers and sequential blocks.
  * Grey international A2P: 2-12 foreign long numbers (th: +63 +84 +855 +60
    +62; cn: +852 +63 +60 +855 +84), each active 10-60 min at 60-200 SMS/h to
    home subscribers, brand impersonation in the local language.
  * Mule handsets: 1-4 SIMs in ordinary phones moving across a city, 20-60
    SMS/h of loan, job (task scam) and gambling lures with LINE / WeChat / QQ
    ids.
  Reactions: ~0.3 % reply ("who is this?"), cn ~0.4 % forward the text to 12321,
  a few later call a bank or police line.  cn only: an SMS blaster (fake base
  station) drives through one city; its messages bypass the core network and
  leave no record, only users' forwards to 12321 (nothing to label).
spoofed_caller_id  VoIP platforms presenting domestic numbers.
  * sp_gov: 3-7 landline numbers of real offices (police / agency look)
    presented over the international route, reused concurrently, 30-90
    calls/h, 40-55 % answered, 3-6 % hooked.
  * sp_mobile: random domestic mobile numbers, each presented for ~10 calls
    (half belong to real people, half are unallocated), 50-150 calls/h.
  * one of sp_neighbour (victim's own prefix, fresh last four digits, one use
    each, 8-20 calls/h) or sp_national (a domestic VoIP reseller presenting
    random mobiles on the national route).
  5 % of targets call the displayed number back and reach its real, puzzled
  holder or nobody.

BENIGN LOOK-ALIKES (labelled "lookalikes" by kind)
--------------------------------------------------
telesales_call_center  bank / insurance telesales: a consecutive landline DID
  block of 12-25 agents, and a second centre on company mobile SIMs in one
  office cell (half of them in a desk GSM gateway with consecutive IMEIs);
  12-25 attempts per agent-hour in office hours, 30-45 % answered, mostly short
  rejections, retries 25-120 min later from another agent, 5 % call-backs,
  optional predictive-dialler abandons and follow-up SMS with the insurer's
  official site.
debt_collection  5-10 collectors (mobile SIMs in one office cell or landlines),
  25-50 debtors each, 1-5 attempts per debtor 20-75 min apart (08:00-20:00),
  reminder SMS, calls to the debtor's relatives, some debtors call back.
bank_fraud_alert_desk  the bank's fraud team (2-5 consecutive landlines): after
  a suspicious-transaction alert SMS from the bank's A2P number (random
  customers and real scam victims) it calls the customer within minutes, up to
  3 attempts, customers call the desk back.
clinic_appointment_reminder  2-4 hospitals / clinics: reminder SMS from a long
  number with the official site and the clinic's number, or calls from 1-3
  landlines; patients reply "confirm" or call back.
survey_poll_caller  poll / survey firms dialling random digits in mobile ranges
  (45 % of attempts hit numbers nobody holds): 8-16 landline lines and (at
  N>=16000) 5-10 mobile SIMs in one cell, 25-45 attempts per line-hour, 40 %
  answered, mostly refusals, some 7-18 min interviews.
real_estate_agent / car_sales_agent / insurance_agent  ordinary subscribers
  with a normal social life who run 1-3 cold-calling sessions of 20-70 min
  (10-30 calls/h) and sometimes text an ad to 15-60 numbers.
delivery_rider / ride_hailing_driver  ordinary subscribers moving through their
  city's cells; riders call 6-14 recipients per hour (drivers 1.5-4), 75 %
  answered, 8-60 s, "I'm at the door" SMS after a miss, recipients call back.
dispatcher  taxi / logistics dispatchers calling a fixed fleet of 12-35 drivers
  many times, drivers calling back.
school_parent_sms / shop_customer_sms  one handset in one cell texting the same
  notice or promotion (with Facebook / LINE / shortened links) to 50-350 known
  parents or customers in a few minutes; a few reply or call.
iot_sim  modules (smart meters, vending machines sharing a cell, GPS trackers
  in vehicles, alarm panels) with module TACs and near-consecutive IMEIs:
  periodic machine-format SMS to a platform number or to the owner, alarm
  calls; no social graph.
offshore_service_desk  an outsourced service centre abroad presenting the
  company's local landlines over the international route: office-hours
  outbound calls, 45-60 % answered, real conversations, customers call the
  local number back.
enterprise_pbx_trunk  a large company's main number presented on every
  outbound call (many concurrent calls) and heavily called in return.
privacy_number_platform  (cn) masked AXB numbers in virtual-operator ranges used
  by delivery and ride-hailing apps: each number calls many customers briefly,
  customers call the masked number back.
police_antifraud_warning  (cn) city anti-fraud centres calling people who just
  talked to a scammer, and texting when unanswered.
government_notice_sender  police / national anti-fraud centre warning SMS
  broadcast, tax-office notices with the official domain.
bank_notification_sender, otp_sender, delivery_notification_sender,
operator_notification_sender, retail_promo_sender, international_otp_sender
  the A2P senders described above.
roamer_calling_home, inbound_roamer  outbound roamers and inbound tourists.
migrant_worker_calling_home  migrants who placed at least one international call.
dual_sim_phone  0.8 % of subscribers pair with a second home SIM in the same
  phone: same cells, adjacent IMEIs, the second line less active.
shared_handset  0.3 % of N pairs of subscribers (and 12 % of migrant pairs /
  triples) use one handset: the same IMEI carries different IMSIs one after the
  other during the window; the SIM not in the phone is unreachable.
"""

import argparse
import bisect
import calendar
import datetime
import json
import math
import os
import random
import sys
import time

# ---------------------------------------------------------------------------
# static reference data
# ---------------------------------------------------------------------------

DIGITS = '0123456789'
ALNUM = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'
UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ'

# foreign mobile number plans: cc -> [(prefix of national significant number, digits that follow)]
FOREIGN = {
    '95': [('975', 7), ('976', 7), ('977', 7), ('978', 7), ('979', 7), ('96', 8), ('995', 7), ('996', 7), ('997', 7)],
    '855': [('12', 6), ('17', 6), ('92', 6), ('77', 6), ('10', 6), ('96', 7), ('97', 7), ('88', 7), ('71', 7)],
    '856': [('202', 7), ('205', 7), ('207', 7), ('209', 7)],
    '63': [('917', 7), ('927', 7), ('945', 7), ('966', 7), ('998', 7)],
    '60': [('12', 7), ('16', 7), ('19', 7)],
    '62': [('812', 8), ('813', 8), ('821', 8), ('857', 8)],
    '84': [('90', 7), ('91', 7), ('98', 7), ('33', 7), ('70', 7), ('86', 7)],
    '65': [('81', 6), ('87', 6), ('91', 6), ('96', 6), ('97', 6), ('98', 6)],
    '852': [('51', 6), ('54', 6), ('56', 6), ('6', 7), ('9', 7)],
    '853': [('66', 6)],
    '886': [('9', 8)],
    '82': [('10', 8)],
    '81': [('90', 8), ('80', 8), ('708', 7), ('709', 7)],
    '972': [('50', 7), ('52', 7), ('54', 7)],
    '44': [('74', 8), ('75', 8), ('77', 8), ('78', 8), ('79', 8)],
    '49': [('151', 8), ('160', 7), ('170', 7), ('171', 7), ('176', 8)],
    '61': [('4', 8)],
    '7': [('9', 9)],
    '91': [('98', 8), ('97', 8), ('88', 8), ('70', 8), ('63', 8)],
    '46': [('70', 7), ('72', 7), ('73', 7), ('76', 7)],
    '33': [('6', 8), ('75', 7), ('76', 7), ('77', 7), ('78', 7)],
    '86': [('13', 9), ('150', 8), ('158', 8), ('159', 8), ('18', 9)],
    '66': [('8', 8), ('9', 8), ('6', 8)],
    # high-cost ranges used by one-ring (wangiri) campaigns in public warnings
    '216': [('2', 7), ('5', 7), ('9', 7)],
    '232': [('76', 6), ('77', 6), ('78', 6), ('30', 6), ('88', 6)],
    '224': [('62', 7), ('65', 7), ('66', 7)],
    '222': [('2', 7), ('3', 7), ('4', 7)],
    '371': [('2', 7)],
    '375': [('29', 7), ('33', 7), ('44', 7)],
    '960': [('7', 6), ('9', 6)],
    '269': [('3', 6)],
    '239': [('98', 5), ('99', 5)],
    '235': [('66', 6), ('99', 6)],
    '257': [('79', 6), ('71', 6)],
    '373': [('68', 6), ('69', 6), ('79', 6)],
    '387': [('61', 6), ('62', 6)],
}
US_AREAS = ['212', '213', '415', '626', '718', '917', '702', '206', '312', '408', '416', '604', '949', '281']
WANGIRI_CCS = ['216', '232', '224', '222', '371', '375', '960', '269', '239', '235', '257', '373', '387']

TZ = {'66': 7, '86': 8, '95': 6.5, '855': 7, '856': 7, '84': 7, '63': 8, '60': 8, '62': 7, '65': 8,
      '852': 8, '853': 8, '886': 8, '82': 9, '81': 9, '972': 3, '1': -4, '44': 1, '49': 2, '46': 2,
      '61': 10, '7': 3, '91': 5.5, '33': 2}

# home network (MCC+MNC) of inbound roamers, by country code
ROAM_PLMN = {'86': '46000', '60': '50212', '82': '45005', '7': '25001', '91': '40445', '44': '23415',
             '1': '310260', '49': '26201', '81': '44010', '65': '52501', '852': '45400', '886': '46692',
             '66': '52003', '61': '50501', '84': '45204', '33': '20801', '853': '45501'}

# type allocation codes (first 8 IMEI digits) by handset family
TACS = {
    'iphone': ['35325911', '35391110', '35407115', '35688611', '35290611', '35484910', '35875912'],
    'samsung': ['35145120', '35297811', '35832610', '35364511', '35174912', '35926709'],
    'cn_brand': ['86887704', '86461305', '86753105', '86092406', '86975104', '86616304', '86268005',
                 '86719904', '86711603', '86404204', '86793705', '86010603'],
    'budget': ['86398203', '86102704', '35733509', '86511002', '86530905'],
    'feature': ['35412710', '35920508', '86234601', '35161907'],
    'module': ['86181403', '86630504', '86247403', '35283008', '86447703', '86911505'],
    'gateway': ['86281303', '86730402', '86095905'],
}

# hourly activity curves (local time); 1.0 = typical busy hour
SOCIAL = [0.12, 0.07, 0.05, 0.04, 0.05, 0.12, 0.35, 0.70, 0.95, 1.05, 1.10, 1.10,
          1.20, 1.10, 1.05, 1.05, 1.10, 1.20, 1.30, 1.25, 1.10, 0.90, 0.60, 0.30]


def p_social(h):
    i = int(h) % 24
    f = h - int(h)
    return SOCIAL[i] * (1 - f) + SOCIAL[(i + 1) % 24] * f


def p_office(h):
    if h < 8.5 or h >= 18.0:
        return 0.02
    if h < 9.0:
        return 0.1 + (h - 8.5) * 1.8
    if 12.0 <= h < 13.0:
        return 0.3
    if h >= 17.0:
        return max(0.05, 1.0 - (h - 17.0) * 0.9)
    return 1.0


def p_ext(h):
    if h < 8.0 or h >= 20.0:
        return 0.0
    if 12.0 <= h < 13.0:
        return 0.5
    return 1.0


def p_flat(h):
    return 1.0


def p_intl(h):
    return 0.45 + 0.55 * p_social(h) / 1.3


def p_scam(h):
    if h < 8.0:
        return 0.05
    if h < 8.5:
        return 0.4
    if 12.0 <= h < 13.0:
        return 0.35
    if h < 17.5:
        return 1.0
    if h < 21.0:
        return 0.5
    return 0.1


def p_a2p(h):
    return 0.25 + 0.75 * p_social(h) / 1.3


def p_delivery(h):
    if h < 8.5 or h >= 19.0:
        return 0.0
    if 12.0 <= h < 13.0:
        return 0.5
    return 1.0


PROFS = {'social': p_social, 'office': p_office, 'ext': p_ext, 'flat': p_flat, 'intl': p_intl,
         'scam': p_scam, 'a2p': p_a2p, 'delivery': p_delivery}

# ---------------------------------------------------------------------------
# per-country configuration
# ---------------------------------------------------------------------------

TH_MOB = ['61', '62', '63', '64', '65', '80', '81', '82', '83', '84', '85', '86', '87', '88', '89',
          '90', '91', '92', '93', '94', '95', '96', '97', '98', '99']

CFG = {
    'th': {
        'cc': '66', 'tz': 7, 'mcc': '520', 'mncs': ['03'], 'lang': 'th',
        'our_mob': TH_MOB, 'other_mob': TH_MOB, 'virtual_mob': TH_MOB,
        'regions': [
            # name, weight, area code, local digits, tags
            ('bangkok', 0.30, '2', 7, 'urban tourist'),
            ('nonthaburi', 0.07, '2', 7, 'urban'),
            ('samut_sakhon', 0.04, '34', 6, 'industrial'),
            ('chonburi', 0.07, '38', 6, 'urban tourist industrial'),
            ('ayutthaya', 0.04, '35', 6, 'industrial'),
            ('chiang_mai', 0.06, '53', 6, 'urban tourist'),
            ('khon_kaen', 0.05, '43', 6, 'urban'),
            ('korat', 0.06, '44', 6, ''),
            ('phuket', 0.035, '76', 6, 'tourist'),
            ('hat_yai', 0.04, '74', 6, 'urban'),
            ('tak_maesot', 0.012, '55', 6, 'border'),
            ('chiangrai_maesai', 0.02, '53', 6, 'border'),
            ('sakaeo_aranya', 0.012, '37', 6, 'border'),
            ('nongkhai', 0.012, '42', 6, 'border'),
            ('udon', 0.04, '42', 6, ''),
            ('surat', 0.035, '77', 6, ''),
            ('rural_north', 0.04, '54', 6, ''),
            ('rural_isan', 0.05, '45', 6, ''),
        ],
        'migrant_p': {'samut_sakhon': 0.28, 'tak_maesot': 0.35, 'chiangrai_maesai': 0.15,
                      'sakaeo_aranya': 0.15, 'nongkhai': 0.1, 'bangkok': 0.03, 'nonthaburi': 0.03,
                      'chonburi': 0.06, 'ayutthaya': 0.05, 'chiang_mai': 0.04, 'phuket': 0.05},
        'migrant_origin': {'tak_maesot': [('95', 1.0)], 'sakaeo_aranya': [('855', 1.0)],
                           'chiangrai_maesai': [('95', 0.6), ('856', 0.4)], 'nongkhai': [('856', 1.0)],
                           '*': [('95', 0.68), ('855', 0.18), ('856', 0.14)]},
        'abroad_p': 0.03,
        'abroad_ccs': [('886', 0.22), ('82', 0.2), ('972', 0.1), ('81', 0.1), ('1', 0.1), ('49', 0.05),
                       ('46', 0.05), ('65', 0.06), ('60', 0.06), ('61', 0.06)],
        'roam_ccs': [('81', 0.25), ('82', 0.15), ('86', 0.12), ('65', 0.1), ('852', 0.06), ('886', 0.06),
                     ('84', 0.08), ('44', 0.06), ('1', 0.05), ('61', 0.07)],
        'tourist_p': 0.006,
        'tourist_ccs': [('86', 0.33), ('60', 0.1), ('82', 0.1), ('7', 0.1), ('91', 0.1), ('44', 0.06),
                        ('1', 0.05), ('49', 0.05), ('81', 0.08), ('65', 0.03)],
        'tourist_regions': ['bangkok', 'phuket', 'chonburi', 'chiang_mai'],
        'border_cc': ['tak_maesot', 'sakaeo_aranya', 'chiangrai_maesai'],
        'cc_intl_ccs': ['855', '95', '63', '856'],
        'smish_intl_ccs': ['63', '84', '855', '60', '62'],
        'emergency': ['191', '1669', '199'],
        'services': [('1175', 0.22), ('1111', 0.05), ('1330', 0.06), ('1506', 0.06), ('1200', 0.02),
                     ('1333', 0.1), ('1572', 0.08), ('1558', 0.05), ('1217', 0.04), ('1545', 0.04),
                     ('1213', 0.02), ('1155', 0.01)],
        'bank_hotlines': ['6628888888', '6627777777', '6621111111'],
        'victim_codes': ['1441', '191', '1213'],
        'report_code': None,
        'urban': ['bangkok', 'nonthaburi', 'chonburi', 'chiang_mai', 'khon_kaen', 'hat_yai'],
        'farm_regions': ['bangkok', 'nonthaburi', 'samut_sakhon', 'chonburi', 'ayutthaya'],
    },
    'cn': {
        'cc': '86', 'tz': 8, 'mcc': '460', 'mncs': ['00', '02', '07'], 'lang': 'cn',
        'our_mob': ['134', '135', '136', '137', '138', '139', '147', '150', '151', '152', '157', '158',
                    '159', '172', '178', '182', '183', '184', '187', '188', '195', '198'],
        'other_mob': ['130', '131', '132', '155', '156', '166', '175', '176', '185', '186', '133', '153',
                      '173', '177', '180', '181', '189', '199', '191'],
        'virtual_mob': ['170', '171', '165', '167'],
        'regions': [
            ('beijing', 0.11, '10', 8, 'urban'),
            ('shanghai', 0.11, '21', 8, 'urban'),
            ('guangzhou', 0.08, '20', 8, 'urban industrial'),
            ('shenzhen', 0.08, '755', 8, 'urban industrial'),
            ('chengdu', 0.07, '28', 8, 'urban'),
            ('wuhan', 0.06, '27', 8, 'urban'),
            ('hangzhou', 0.06, '571', 8, 'urban'),
            ('xian', 0.05, '29', 8, 'urban'),
            ('fuzhou', 0.04, '591', 8, 'urban'),
            ('quanzhou', 0.04, '595', 8, 'industrial'),
            ('changsha', 0.05, '731', 8, 'urban'),
            ('kunming', 0.04, '871', 8, 'urban'),
            ('nanning', 0.04, '771', 7, ''),
            ('dehong_ruili', 0.008, '692', 7, 'border'),
            ('lincang', 0.006, '883', 7, 'border'),
            ('xishuangbanna', 0.006, '691', 7, 'border'),
            ('fangchenggang', 0.006, '770', 7, 'border'),
            ('henan', 0.08, '371', 8, ''),
            ('rural_other', 0.074, '734', 7, ''),
        ],
        'migrant_p': {'dehong_ruili': 0.12, 'lincang': 0.06, 'xishuangbanna': 0.08, 'fangchenggang': 0.12,
                      'nanning': 0.015, 'guangzhou': 0.005, 'shenzhen': 0.005, 'kunming': 0.01},
        'migrant_origin': {'dehong_ruili': [('95', 1.0)], 'lincang': [('95', 1.0)],
                           'xishuangbanna': [('856', 0.5), ('95', 0.5)], 'fangchenggang': [('84', 1.0)],
                           '*': [('84', 0.6), ('95', 0.4)]},
        'abroad_p': 0.025,
        'abroad_ccs': [('1', 0.25), ('61', 0.1), ('44', 0.08), ('81', 0.1), ('65', 0.1), ('60', 0.08),
                       ('852', 0.1), ('886', 0.05), ('82', 0.06), ('49', 0.04), ('33', 0.04)],
        'roam_ccs': [('66', 0.2), ('81', 0.18), ('82', 0.12), ('65', 0.1), ('60', 0.1), ('852', 0.12),
                     ('853', 0.06), ('1', 0.05), ('44', 0.03), ('61', 0.04)],
        'tourist_p': 0.0025,
        'tourist_ccs': [('852', 0.3), ('853', 0.1), ('886', 0.15), ('82', 0.12), ('81', 0.1), ('1', 0.08),
                        ('65', 0.05), ('60', 0.05), ('7', 0.05)],
        'tourist_regions': ['beijing', 'shanghai', 'guangzhou', 'shenzhen', 'xian', 'chengdu'],
        'border_cc': ['dehong_ruili', 'lincang', 'xishuangbanna'],
        'cc_intl_ccs': ['63', '855', '95', '60', '84'],
        'smish_intl_ccs': ['852', '63', '60', '855', '84'],
        'emergency': ['110', '120', '119', '122'],
        'services': [('10086', 0.3), ('12345', 0.08), ('12315', 0.04), ('95588', 0.1), ('95533', 0.08),
                     ('95599', 0.06), ('95566', 0.05), ('95555', 0.06), ('12306', 0.06), ('95598', 0.05),
                     ('96110', 0.02)],
        'bank_hotlines': [],
        'victim_codes': ['110', '96110', '95588'],
        'report_code': '12321',
        'urban': ['beijing', 'shanghai', 'guangzhou', 'shenzhen', 'chengdu', 'wuhan', 'hangzhou', 'changsha'],
        'farm_regions': ['guangzhou', 'shenzhen', 'quanzhou', 'fuzhou', 'nanning', 'changsha'],
    },
}

# ---------------------------------------------------------------------------
# texts
# ---------------------------------------------------------------------------

CHAT = {
    'th': ['ถึงไหนแล้ว', 'กินข้าวยัง', 'เดี๋ยวโทรกลับนะ', 'ติดประชุมอยู่', 'โอเคจ้า', 'ขอบคุณมากครับ',
           'พรุ่งนี้เจอกันกี่โมง', 'รถติดมาก', 'ซื้อนมมาด้วยนะ', 'แม่ถามว่ากลับบ้านวันไหน', 'โอนให้แล้วนะ',
           'ได้รับแล้วค่ะ', 'ฝนตกหนักมาก', 'ลืมกุญแจไว้ที่บ้าน', 'อยู่หน้าออฟฟิศแล้ว', '555 จริงดิ', 'คิดถึงนะ',
           'ไปรับลูกที่โรงเรียนด้วย', 'วันนี้เลิกงานกี่โมง', 'ส่งรูปให้ในไลน์แล้ว', 'โทรไม่ติดเลย',
           'ประชุมเลื่อนเป็นบ่ายสอง', 'ช่วยเช็คอีเมลหน่อย', 'เย็นนี้กินหมูกระทะกันไหม', 'ถึงบ้านแล้วบอกด้วย',
           'ยายไม่ค่อยสบาย', 'นัดหมอกี่โมง', 'เอาเอกสารมาด้วยนะ', 'ครับผม', 'ได้ค่ะ', 'รอแป๊บนะ',
           'ไม่เป็นไรจ้า', 'เงินเดือนออกยัง', 'ค่าน้ำค่าไฟจ่ายยัง', 'เดี๋ยวแวะไปหา', 'ขับรถอยู่ เดี๋ยวโทรหา'],
    'cn': ['到哪了？', '吃饭了吗', '我在开会，晚点回你', '好的', '收到，谢谢', '明天几点见？', '堵车了，晚十分钟',
           '记得买点水果回来', '妈问你周末回不回家', '钱转给你了', '收到了', '下雨了带伞', '钥匙忘家里了',
           '我到楼下了', '哈哈真的假的', '想你了', '记得接孩子', '今天几点下班？', '照片发你微信了', '电话打不通',
           '会议改到下午两点', '帮我看下邮件', '晚上一起吃火锅？', '到家说一声', '奶奶身体不太好', '几点挂号？',
           '把材料带上', '嗯嗯', '行', '等我一下', '没事', '工资发了吗', '快递到了帮我拿一下', '开车呢，等会打给你'],
    'my': ['နေကောင်းလား', 'ဖုန်းပြန်ဆက်ပါ', 'ပိုက်ဆံပို့ပြီးပြီ', 'အလုပ်ပြီးပြီလား', 'အမေ နေမကောင်းဘူး',
           'မနက်ဖြန် ဖုန်းဆက်မယ်', 'ဟုတ်ကဲ့', 'စားပြီးပြီလား', 'ok'],
    'km': ['សុខសប្បាយទេ', 'ខ្ញុំផ្ញើលុយហើយ', 'ទូរស័ព្ទមកវិញផង', 'ញ៉ាំបាយហើយនៅ', 'បាទ', 'ចាស'],
    'lo': ['ສະບາຍດີບໍ່', 'ໂອນເງິນໃຫ້ແລ້ວ', 'ໂທກັບແດ່', 'ກິນເຂົ້າແລ້ວບໍ່', 'ເຈົ້າ', 'ຄິດຮອດ'],
    'vi': ['Khỏe không?', 'Con gửi tiền rồi nhé', 'Gọi lại cho mẹ nhé', 'Ăn cơm chưa?', 'Dạ vâng', 'Nhớ nhà quá'],
    'en': ['At the hotel lobby now', 'Where are you?', 'Meet at 10 at the pier', 'Ok see you soon',
           'Taxi is here', 'Call me back pls', 'Landed, going to hotel', 'Dinner at 7?'],
}
CHAT_LINKS = {
    'th': [('ดูนี่สิ ', 'https://vt.tiktok.com/{c}/'), ('ร้านนี้นะ ', 'https://maps.app.goo.gl/{c}'),
           ('ที่อยู่ ', 'https://maps.app.goo.gl/{c}'), ('อันนี้ไง ', 'https://shope.ee/{c}'),
           ('', 'https://youtu.be/{c}'), ('ฝากกดไลค์ ', 'https://www.facebook.com/share/p/{c}/')],
    'cn': [('看这个 ', 'https://v.douyin.com/{c}/'), ('', 'https://b23.tv/{c}'), ('帮我砍一刀 ', 'https://mobile.yangkeduo.com/{c}.html'),
           ('就这家 ', 'https://j.map.baidu.com/{c}'), ('', 'https://mp.weixin.qq.com/s/{c}'), ('链接 ', 'https://m.tb.cn/h.{c}')],
    'en': [('', 'https://maps.app.goo.gl/{c}')],
}
CALLBACK_TXT = {'th': ['โทรกลับด้วย', 'โทรกลับด่วน', 'รับสายหน่อย'], 'cn': ['回个电话', '看到回电', '接电话'],
                'my': ['ဖုန်းပြန်ဆက်ပါ'], 'km': ['ទូរស័ព្ទមកវិញផង'], 'lo': ['ໂທກັບແດ່'], 'vi': ['Gọi lại nhé'],
                'en': ['Call me back pls']}

# A2P brands: key -> (label kind, weight, pool size, route, sender style, [templates])
A2P = {
    'th': [
        ('kbank', 'bank_notification_sender', 0.14, 3, 'national', 'land',
         ['รหัส OTP คือ {otp} (Ref: {ref}) ใช้ทำรายการ K PLUS ภายใน 5 นาที ห้ามบอกรหัสนี้แก่ผู้อื่น',
          'บช X{acct} เงินเข้า {amt}บ ใช้ได้{amt2}บ {dd}/{mm}/{yy}@{hh}:{mi}',
          'บช X{acct} เงินออก {amt}บ ใช้ได้{amt2}บ {dd}/{mm}/{yy}@{hh}:{mi}']),
        ('scb', 'bank_notification_sender', 0.12, 2, 'national', 'land',
         ['SCB: รหัส OTP {otp} (Ref.{ref}) สำหรับ SCB EASY ห้ามแจ้งรหัสนี้กับผู้ใด',
          'SCB: บัญชี x{acct} โอน/ถอน {amt} บ. คงเหลือ {amt2} บ. {dd}/{mm} {hh}:{mi}']),
        ('ktb', 'bank_notification_sender', 0.08, 2, 'national', 'land',
         ['Krungthai NEXT: OTP {otp} Ref:{ref} ห้ามเปิดเผยรหัสนี้', 'กรุงไทย: บช.xx{acct} รับโอน {amt} บ. {dd}/{mm}/{yy} {hh}:{mi}']),
        ('shopee', 'otp_sender', 0.1, 3, 'national', 'mob',
         ['[Shopee] รหัสยืนยัน {otp} ห้ามแจ้งรหัสนี้ให้ผู้อื่นรวมถึงพนักงาน Shopee',
          '[Shopee] คำสั่งซื้อ {ord} ถูกจัดส่งแล้ว ตรวจสอบที่แอป Shopee']),
        ('lazada', 'otp_sender', 0.05, 2, 'national', 'mob', ['[Lazada] รหัส OTP ของคุณคือ {otp} ใช้ได้ 15 นาที']),
        ('grab', 'otp_sender', 0.05, 2, 'national', 'mob', ['{otp} เป็นรหัสยืนยันสำหรับ Grab ของคุณ']),
        ('truemoney', 'otp_sender', 0.05, 2, 'national', 'mob', ['รหัส OTP TrueMoney {otp} (Ref:{ref}) ห้ามให้รหัสนี้กับผู้อื่น']),
        ('kerry', 'delivery_notification_sender', 0.06, 2, 'national', 'mob',
         ['Kerry Express: พัสดุ KEX{trk} จะถูกนำส่งภายในวันนี้ ติดตาม https://th.kerryexpress.com/th/track/?track=KEX{trk}']),
        ('flash', 'delivery_notification_sender', 0.06, 2, 'national', 'mob',
         ['Flash Express: พัสดุ TH{trk} กำลังนำส่ง https://www.flashexpress.co.th/fle/tracking?se=TH{trk}']),
        ('thpost', 'delivery_notification_sender', 0.04, 1, 'national', 'land',
         ['ไปรษณีย์ไทย: สิ่งของ EF{n9}TH นำจ่ายวันนี้ ติดตามที่ https://track.thailandpost.co.th/?trackNumber=EF{n9}TH']),
        ('ais', 'operator_notification_sender', 0.07, 2, 'national', 'mob',
         ['AIS: แพ็กเกจเน็ตของคุณเหลือ {gb}GB ใช้ได้ถึง {dd}/{mm}/{yy}', 'AIS: ยอดเงินคงเหลือ {amt} บาท ใช้ได้ถึง {dd}/{mm}/{yy}']),
        ('seven', 'retail_promo_sender', 0.04, 2, 'national', 'mob',
         ['7-Eleven ALL member: รับส่วนลด 20 บ. เมื่อซื้อครบ 100 บ. ถึงสิ้นเดือน https://bit.ly/{c}',
          'ALL member: แต้มของคุณ {pts} แต้ม ใกล้หมดอายุ แลกได้ที่ https://7eleven.co.th/{c}']),
        ('bigc', 'retail_promo_sender', 0.03, 1, 'national', 'mob',
         ['Big C: ลดสูงสุด 50% วันนี้-อาทิตย์ สั่งออนไลน์ https://cutt.ly/{c}', 'Big C: คูปองส่วนลด 100 บ. ใช้ได้ถึง {dd}/{mm} https://bit.ly/{c}']),
        ('rd', 'government_notice_sender', 0.02, 1, 'national', 'land',
         ['กรมสรรพากร: ได้รับแบบ ภ.ง.ด.90/91 ของท่านแล้ว ตรวจสอบสถานะการคืนภาษีที่ https://efiling.rd.go.th',
          'กรมสรรพากร: การคืนภาษีของท่านอยู่ระหว่างตรวจสอบ ไม่มีการส่งลิงก์ให้กรอกข้อมูลบัญชี']),
        ('intl', 'international_otp_sender', 0.08, 6, 'international', 'foreign',
         ['G-{otp} is your Google verification code.', 'Your WhatsApp code: {o3}-{o3b}', 'Telegram code: {otp5}',
          '[TikTok] {otp} is your verification code', 'Your Microsoft account security code is {otp}',
          '<#> Your LINE verification code is {otp}']),
    ],
    'cn': [
        ('cmb', 'bank_notification_sender', 0.1, 2, 'national', 'land',
         ['【招商银行】您账户{acct}于{mm}月{dd}日{hh}:{mi}快捷支付扣款人民币{amt}，余额{amt2}。',
          '【招商银行】验证码：{otp}，您正在进行转账操作，请勿泄露。']),
        ('icbc', 'bank_notification_sender', 0.1, 2, 'national', 'land',
         ['【工商银行】验证码：{otp}，您正在进行网上银行转账，请勿泄露。',
          '【工商银行】您尾号{acct}卡{mm}月{dd}日{hh}:{mi}工资收入{amt}元，余额{amt2}元。']),
        ('ccb', 'bank_notification_sender', 0.08, 2, 'national', 'land',
         ['【建设银行】您尾号{acct}的储蓄卡{mm}月{dd}日{hh}时{mi}分消费支出人民币{amt}元，活期余额{amt2}元。']),
        ('alipay', 'otp_sender', 0.12, 3, 'national', 'land',
         ['【支付宝】验证码{otp}，您正在登录支付宝，5分钟内有效，请勿泄露给他人。']),
        ('taobao', 'otp_sender', 0.08, 2, 'national', 'land',
         ['【淘宝】您的订单已发货，物流单号YT{trk}，查看 https://m.tb.cn/h.{c}', '【淘宝】验证码{otp}，切勿告知他人。']),
        ('meituan', 'otp_sender', 0.06, 2, 'national', 'land', ['【美团】验证码：{otp}，请在5分钟内完成验证。']),
        ('sf', 'delivery_notification_sender', 0.06, 2, 'national', 'land',
         ['【顺丰速运】您的快件SF{n13}已由丰巢柜代收，取件码{code6}，详情 https://www.sf-express.com/']),
        ('cainiao', 'delivery_notification_sender', 0.07, 2, 'national', 'land',
         ['【菜鸟驿站】您的包裹已到小区驿站，凭取件码{pick}领取，营业时间8:00-21:00。']),
        ('cmcc', 'operator_notification_sender', 0.09, 2, 'national', 'land',
         ['【中国移动】尊敬的客户，截至{dd}日{hh}时，您本月已使用国内通用流量{gb}GB。',
          '【中国移动】您的话费余额为{amt}元，为避免停机请及时充值。']),
        ('rail', 'otp_sender', 0.04, 1, 'national', 'land', ['【铁路客服】订单E{n9}，您已购{mm}月{dd}日G{train}次车票，请按时乘车。']),
        ('pdd', 'retail_promo_sender', 0.05, 2, 'national', 'land',
         ['【拼多多】您有一张满99减20优惠券即将过期 https://p.pinduoduo.com/{c} 回T退订',
          '【拼多多】限时秒杀，低至1元，戳 https://p.pinduoduo.com/{c} 回T退订']),
        ('tax', 'government_notice_sender', 0.02, 1, 'national', 'land',
         ['【国家税务总局】您的个人所得税年度汇算已受理，请登录个人所得税APP查看，不要点击陌生链接。']),
        ('intl', 'international_otp_sender', 0.05, 5, 'international', 'foreign',
         ['Your Apple ID Code is: {otp}. Do not share it with anyone.', 'G-{otp} is your Google verification code.',
          'Your WhatsApp code: {o3}-{o3b}', 'Telegram code: {otp5}']),
    ],
}

SMISH = {
    'th': {
        'bank': ['[KBank] บัญชีของท่านถูกระงับชั่วคราว กรุณายืนยันตัวตนภายใน 24 ชม. {link}',
                 'SCB: ระบบตรวจพบการเข้าสู่ระบบผิดปกติ โปรดอัปเดตข้อมูลที่ {link}',
                 'Krungthai: บัญชีของท่านจะถูกอายัดวันนี้ ยืนยันข้อมูล {link}'],
        'courier': ['ThailandPost: พัสดุ {trk} จัดส่งไม่สำเร็จเนื่องจากที่อยู่ไม่ครบ กรุณาอัปเดต {link}',
                    'Kerry: พัสดุของคุณค้างค่าธรรมเนียม 25 บาท ชำระที่ {link}',
                    'Flash: พัสดุถูกตีกลับ กรุณายืนยันที่อยู่ภายในวันนี้ {link}'],
        'gov': ['กรมสรรพากร: ท่านมีสิทธิ์ได้รับเงินคืนภาษี {amt} บาท ยืนยันบัญชีที่ {link}',
                'PEA: ท่านชำระค่าไฟเกิน ได้รับเงินคืน {amt} บาท กรอกข้อมูลที่ {link}',
                'กรมการขนส่งทางบก: รถของท่านมีใบสั่งค้างชำระ ชำระภายในวันนี้เพื่อหลีกเลี่ยงการระงับ {link}'],
        'toll': ['M-Flow: ท่านมียอดค้างชำระค่าผ่านทาง {amt} บาท หากไม่ชำระภายในวันนี้ปรับ 10 เท่า {link}',
                 'Easy Pass: บัตรของท่านยอดไม่พอ เติมเงินด่วน {link}'],
        'loan': ['สินเชื่อด่วน อนุมัติไว ไม่เช็คบูโร วงเงิน 50,000 สนใจแอดไลน์ {lid} {link}',
                 'คุณได้รับอนุมัติวงเงิน {amt} บาท รับเงินภายใน 5 นาที {link}'],
        'job': ['งานพาร์ทไทม์ กดไลค์ TikTok รายได้วันละ 500-3,000 บาท ทักไลน์ {lid}',
                'รับสมัครแอดมินทำงานที่บ้าน รายได้ดี ทักไลน์ {lid} {link}'],
        'gamble': ['สล็อตเว็บตรง ฝากถอนไม่มีขั้นต่ำ สมัครรับเครดิตฟรี 100 {link}',
                   'ยินดีด้วย! คุณได้รับโบนัส {amt} บาท ถอนได้จริง {link}'],
    },
    'cn': {
        'bank': ['【工商银行】您的账户存在异常，将于今日冻结，请点击 {link} 进行安全验证。',
                 '【建设银行】您的网银证书已过期，请尽快登录 {link} 更新，逾期将停用。'],
        'courier': ['【顺丰速运】您的快件因破损需理赔，请点击 {link} 登记领取赔偿。',
                    '【中通快递】您的包裹地址不详无法派送，请于24小时内更新 {link}'],
        'gov': ['【交管12123】您有一条未处理的交通违法记录，请登录 {link} 查询处理。',
                '【社保局】您的社保卡医保功能需重新激活，逾期将停用 {link}',
                '【个税】您有一笔退税{amt}元待领取，请于24小时内办理 {link}'],
        'toll': ['【ETC服务】您的ETC卡已失效，为避免影响通行，请及时认证 {link}',
                 '【中国移动】尊敬的客户，您的积分{pts}即将清零，请登录 {link} 兑换现金礼包。'],
        'loan': ['无需抵押，当天放款，最高20万，详询 {link} 回T退订', '您的额度{amt}元已审批通过，点击 {link} 立即提现'],
        'job': ['在家兼职，手机点赞日结200-500元，加V：{lid}', '招聘刷单员，一单一结，佣金高，加Q {qq}'],
        'gamble': ['澳门首家线上赌场 注册即送888 {link}', '恭喜您获得{amt}元体验金，立即领取 {link}'],
    },
}
SMISH_DOMAINS = {
    'th': {'bank': ['kbank-verify{n}.com', 'scb-th.top', 'ktb-secure.online', 'kplus-th.cc'],
           'courier': ['thpost-track.cc', 'kerry-th.vip', 'flash-th.info', 'th-post.top'],
           'gov': ['rd-refund.xyz', 'pea-refund.com', 'dlt-fine.net', 'rd-go-th.online'],
           'toll': ['mflow-th.vip', 'easypass-th.cc'], 'loan': ['loan-fast.th.cn', 'ok-credit.vip'],
           'job': ['tiktok-job.cc'], 'gamble': ['ufa{n}.bet', 'slot{n}.vip', 'pg-{n}.win']},
    'cn': {'bank': ['icbc-aq.vip', 'ccb-zs.cc', 'icbc{n}.top'], 'courier': ['sf-lp.xyz', 'zto-dz.cc'],
           'gov': ['12123-gov.cc', 'sb-jh.top', 'gs-ts.vip'], 'toll': ['etc-rz.top', '10086-jf.cc', 'etc{n}.vip'],
           'loan': ['dk-{n}.cc', 'xyd.vip'], 'job': ['jz{n}.cc'], 'gamble': ['am{n}.bet', 'ylc{n}.vip']},
}
SHORTENERS = {'th': ['bit.ly', 'cutt.ly', 'tinyurl.com', 't.ly', 'shorturl.at'],
              'cn': ['t.cn', 'url.cn', 'dwz.date', 'suo.im']}

CC_SMS = {
    'th': ['ศาลอาญา: ท่านมีหมายเรียกคดีฟอกเงิน เลขที่ {n9} ติดต่อเจ้าหน้าที่ด่วน LINE: {lid}',
           'DHL: พัสดุของท่านพบสิ่งผิดกฎหมาย กรุณาติดต่อกลับหมายเลขนี้ภายในวันนี้',
           'แจ้งจากเจ้าหน้าที่ตำรวจ: กรุณาติดต่อกลับด่วนเรื่องบัญชีม้า มิฉะนั้นจะออกหมายจับ'],
    'cn': ['【公安】您涉嫌一起洗钱案件，请立即回电本号码配合调查，否则将冻结账户。',
           '您好，我是淘宝客服，您购买的商品有质量问题，可以三倍退款，请回电。',
           '您的校园贷账户未注销，会影响个人征信，请尽快联系本号码办理。'],
}
SMISH_REPLY = {'th': ['ใครครับ', 'หยุดส่งได้ไหม', 'นี่ใคร?', 'ไม่ได้สั่งอะไร'], 'cn': ['你是谁', '别再发了', '骗子', '?']}


EPOCH = datetime.datetime(1970, 1, 1)


def _utc(seconds):
    return EPOCH + datetime.timedelta(seconds=seconds)


def luhn_digit(body):
    s = 0
    for i, ch in enumerate(body):
        d = ord(ch) - 48
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        s += d
    return str((10 - s % 10) % 10)


def make_imei(tac, serial):
    body = tac + '%06d' % (serial % 1000000)
    return body + luhn_digit(body)


class Node(object):
    __slots__ = ('num', 'net', 'kind', 'imsi', 'imei', 'home', 'work', 'commute', 'region', 'mob', 'cells',
                 'track_t', 'track_c', 'act', 'lang', 'win', 'shift', 'ours', 'busy', 'tag', 'orig')

    def __init__(self, num, net, kind):
        self.num = num
        self.net = net
        self.kind = kind
        self.imsi = None
        self.imei = None
        self.home = None
        self.work = None
        self.commute = 0
        self.region = None
        self.mob = 0.0
        self.cells = None
        self.track_t = None
        self.track_c = None
        self.act = 1.0
        self.lang = None
        self.win = None
        self.shift = 0.0
        self.ours = False
        self.busy = False
        self.tag = None
        self.orig = None


class Gen(object):
    def __init__(self, args):
        self.r = random.Random(args.seed)
        self.args = args
        self.C = CFG[args.country]
        self.cc = self.C['cc']
        self.N = int(args.subscribers)
        self.H = float(args.hours)
        self.sc = max(0.05, self.N / 20000.0)
        self.fs = min(1.0, max(0.2, self.sc))  # shrinks device sizes for very small populations
        self.end = int(round(self.H * 3600000))
        self.W = max(1, int(math.ceil(self.H * 60)))
        y, m, d = [int(x) for x in args.start.split('-')]
        self.date = datetime.date(y, m, d)
        self.tz = self.C['tz']
        self.base_ms = (calendar.timegm((y, m, d, 8, 0, 0)) - self.tz * 3600) * 1000
        self.used = set()
        self.used_imsi = set()
        self.recs = []
        self.seq = 0
        self.callers = set()
        self.mig_intl = set()
        self.fraud = []
        self.look = []
        self._cum = {}
        self.victims = []
        self.scam_answered = []
        self.by_num = {}
        self.boxes = []
        self.offs = []
        self.offs_by_reg = {}

    # ------------------------------------------------------------------ utils
    def d(self, n):
        return '%0*d' % (n, self.r.randrange(10 ** n))

    def code(self, n, alpha=ALNUM):
        r = self.r
        return ''.join(r.choice(alpha) for _ in range(n))

    def wchoice(self, pairs):
        x = self.r.random() * sum(w for _, w in pairs)
        for v, w in pairs:
            x -= w
            if x <= 0:
                return v
        return pairs[-1][0]

    def vcount(self, a, b, lo=1):
        return max(lo, int(round(self.r.randint(a, b) * self.sc)))

    def pois(self, lam):
        if lam <= 0:
            return 0
        if lam > 40:
            return max(0, int(round(self.r.gauss(lam, math.sqrt(lam)))))
        L = math.exp(-lam)
        k = 0
        p = 1.0
        while True:
            p *= self.r.random()
            if p <= L:
                return k
            k += 1

    def cum(self, name, shift=0.0):
        key = (name, shift)
        c = self._cum.get(key)
        if c is None:
            f = PROFS[name]
            arr = [0.0]
            s = 0.0
            for m in range(self.W):
                s += f((8.0 + (m + 0.5) / 60.0 + shift) % 24.0)
                arr.append(s)
            daily = sum(f((k + 0.5) / 60.0) for k in range(1440))
            c = (arr, daily)
            self._cum[key] = c
        return c

    def frac(self, name, shift=0.0):
        arr, daily = self.cum(name, shift)
        return arr[-1] / daily if daily > 0 else 0.0

    def eff_hours(self, name, lo=0, hi=None, shift=0.0):
        arr, _ = self.cum(name, shift)
        hi = self.end if hi is None else hi
        ma = max(0, int(lo // 60000))
        mb = min(self.W, int(math.ceil(hi / 60000.0)))
        if mb <= ma:
            return 0.0
        return (arr[mb] - arr[ma]) / 60.0

    def tsample(self, name, lo=0, hi=None, shift=0.0):
        r = self.r
        hi = self.end if hi is None else min(hi, self.end)
        lo = max(0, lo)
        if hi <= lo:
            return lo
        arr, _ = self.cum(name, shift)
        ma = int(lo // 60000)
        mb = min(self.W, int(math.ceil(hi / 60000.0)))
        tot = arr[mb] - arr[ma]
        if tot <= 0:
            return lo + r.randrange(hi - lo)
        u = arr[ma] + r.random() * tot
        m = bisect.bisect_right(arr, u) - 1
        m = min(max(m, ma), mb - 1)
        t = m * 60000 + r.randrange(60000)
        return min(max(t, lo), hi - 1)

    def ptimes(self, lo, hi, rate_per_h, prof='flat', shift=0.0):
        lo = max(0, lo)
        hi = min(self.end, hi)
        if hi <= lo:
            return []
        n = self.pois(rate_per_h * self.eff_hours(prof, lo, hi, shift))
        ts = [self.tsample(prof, lo, hi, shift) for _ in range(n)]
        ts.sort()
        return ts

    def talk(self, med=75.0, sig=1.0, lo=2, hi=5400):
        return int(min(hi, max(lo, self.r.lognormvariate(math.log(med), sig))))

    def local(self, t):
        return _utc((self.base_ms + t) / 1000.0 + self.tz * 3600)

    # --------------------------------------------------------------- numbers
    def _fresh(self, f):
        while True:
            n = f()
            if n not in self.used:
                self.used.add(n)
                return n

    def mob_raw(self, ours=True, pool=None):
        r = self.r
        C = self.C
        if self.cc == '66':
            p = r.choice(pool or TH_MOB)
            return '66' + p + self.d(9 - len(p))
        if pool is None:
            x = r.random()
            if ours:
                pool = C['our_mob'] if x < 0.97 else C['other_mob']
            else:
                pool = C['other_mob'] if x < 0.96 else C['our_mob']
        p = r.choice(pool)
        return '86' + p + self.d(11 - len(p))

    def new_mob(self, ours=True, pool=None):
        return self._fresh(lambda: self.mob_raw(ours, pool))

    def land_raw(self, region):
        g = self.reg[region]
        return self.cc + g[2] + str(self.r.randint(2, 8)) + self.d(g[3] - 1)

    def new_land(self, region):
        return self._fresh(lambda: self.land_raw(region))

    def foreign_raw(self, cc):
        r = self.r
        if cc == '1':
            return '1' + r.choice(US_AREAS) + str(r.randint(2, 9)) + self.d(6)
        p, n = r.choice(FOREIGN[cc])
        return cc + p + self.d(n)

    def new_foreign(self, cc):
        return self._fresh(lambda: self.foreign_raw(cc))

    def block(self, maker, count):
        """count consecutive numbers (DID block); maker() returns a random base number"""
        for _ in range(200):
            base = maker()
            head, tail = base[:-3], int(base[-3:])
            tail = min(tail, 999 - count)
            nums = [head + '%03d' % (tail + i) for i in range(count)]
            if all(x not in self.used for x in nums):
                for x in nums:
                    self.used.add(x)
                return nums
        return [self._fresh(maker) for _ in range(count)]

    def new_imsi(self, plmn=None):
        plmn = plmn or (self.C['mcc'] + self.r.choice(self.C['mncs']))
        while True:
            x = plmn + self.d(15 - len(plmn))
            if x not in self.used_imsi:
                self.used_imsi.add(x)
                return x

    def new_imei(self, cat, tac=None):
        tac = tac or self.r.choice(TACS[cat])
        return make_imei(tac, self.r.randrange(1000000))

    def phone_cat(self):
        if self.cc == '66':
            return self.wchoice([('iphone', 0.22), ('samsung', 0.25), ('cn_brand', 0.35), ('budget', 0.1), ('feature', 0.08)])
        return self.wchoice([('iphone', 0.2), ('samsung', 0.02), ('cn_brand', 0.65), ('budget', 0.08), ('feature', 0.05)])

    def unalloc(self):
        """a number in a mobile range that no one holds"""
        return self.new_mob(True)

    # --------------------------------------------------------------- records
    def avail(self, n, t):
        if isinstance(n, str):
            return True
        return n.win is None or (n.win[0] <= t < n.win[1])

    def cell_at(self, n, t):
        r = self.r
        if n.track_t is not None:
            i = bisect.bisect_right(n.track_t, t) - 1
            return n.track_c[max(i, 0)]
        if n.cells is not None:
            return r.choice(n.cells)
        c = n.work if (n.work is not None and t >= n.commute) else n.home
        if n.mob and r.random() < n.mob:
            c = r.choice(self.cells[n.region])
        return c

    def rec(self, t, kind, a, b, dur=None, text=None, ans=None, dev=None, route=None):
        t = int(t)
        if t < 0 or t >= self.end:
            return False
        route = route or a.net
        if route != 'onnet' and isinstance(b, Node) and not (b.ours or b.net == 'onnet'):
            return False  # never touches this network (e.g. other operator -> other operator)
        if route == 'onnet':
            if dev is None:
                dev = (a.imsi, a.imei, self.cell_at(a, t))
        else:
            dev = None
        bn = b if isinstance(b, str) else b.num
        self.seq += 1
        self.recs.append((t, self.seq, kind, a.num, bn, route, dur, ans, dev, text))
        self.callers.add(a.num)
        if a.kind == 'migrant' and isinstance(b, Node) and b.kind == 'abroad':
            self.mig_intl.add(a.num)
        return True

    def call(self, a, b, t, dur, ans=None, dev=None, route=None):
        return self.rec(t, 'call', a, b, dur=max(0, int(dur)), ans=ans, dev=dev, route=route)

    def sms(self, a, b, t, text, dev=None, route=None):
        return self.rec(t, 'sms', a, b, text=text, dev=dev, route=route)

    # ----------------------------------------------------------------- texts
    def fill(self, tpl, t=0):
        if '{' not in tpl:
            return tpl
        r = self.r
        lt = self.local(max(0, t))
        v = {
            'otp': '%06d' % r.randrange(10 ** 6), 'otp5': '%05d' % r.randrange(10 ** 5),
            'o3': '%03d' % r.randrange(1000), 'o3b': '%03d' % r.randrange(1000),
            'ref': self.code(4, UPPER), 'acct': '%04d' % r.randrange(10000),
            'amt': '{:,.2f}'.format(round(r.lognormvariate(math.log(800), 1.3), 2)),
            'amt2': '{:,.2f}'.format(round(r.lognormvariate(math.log(12000), 1.2), 2)),
            'dd': '%02d' % lt.day, 'mm': '%02d' % lt.month,
            'yy': '%02d' % ((lt.year + 543) % 100 if self.cc == '66' else lt.year % 100),
            'hh': '%02d' % lt.hour, 'mi': '%02d' % lt.minute,
            'trk': self.d(10), 'n9': self.d(9), 'n13': self.d(13), 'code6': self.d(6),
            'pick': '%d-%d-%d' % (r.randint(1, 9), r.randint(1, 30), r.randint(1000, 9999)),
            'c': self.code(r.randint(5, 8)), 'ord': '2405' + self.code(10, UPPER + DIGITS),
            'gb': '%.1f' % r.uniform(0.2, 30), 'pts': str(r.randint(300, 9000)), 'train': str(r.randint(1, 999)),
            'lid': r.choice(['@', '']) + self.code(r.randint(6, 9), 'abcdefghijkmnopqrstuvwxyz0123456789'),
            'qq': str(r.randint(10 ** 8, 10 ** 10)), 'n': str(r.randint(1, 99)),
        }
        return tpl.format(**v)

    def chat(self, n):
        r = self.r
        lang = n.lang if isinstance(n, Node) and n.lang else self.C['lang']
        if lang in CHAT_LINKS and r.random() < 0.06:
            pre, link = r.choice(CHAT_LINKS[lang])
            return pre + link.format(c=self.code(r.randint(6, 10)))
        lst = CHAT[lang]
        if r.random() < 0.25:
            return r.choice(lst) + ' ' + r.choice(lst)
        return r.choice(lst)

    def smish_link(self, theme, style):
        r = self.r
        cfg = self.args.country
        if style == 'short':
            return 'https://%s/%s' % (r.choice(SHORTENERS[cfg]), self.code(r.randint(5, 7)))
        dom = r.choice(SMISH_DOMAINS[cfg][theme]).replace('{n}', str(r.randint(1, 99)))
        path = r.choice(['', '/' + self.code(r.randint(4, 6)), '/?id=' + self.d(6), '/th' if cfg == 'th' else '/m'])
        return r.choice(['https://', 'http://', '']) + dom + path

    # ============================================================ population
    def build(self):
        r = self.r
        C = self.C
        regs = C['regions']
        self.reg = {g[0]: g for g in regs}
        self.reg_names = [g[0] for g in regs]
        cw = []
        s = 0.0
        for g in regs:
            s += g[1]
            cw.append(s)
        self.reg_cw = cw
        # cells
        self.cells = {}
        seen = set()
        lac = 1000 + r.randrange(4000)
        for g in regs:
            k = max(4, int(self.N * g[1] / 40))
            lst = []
            for j in range(k):
                if j % 12 == 0:
                    lac += 1 + r.randrange(3)
                while True:
                    ci = 10000 + r.randrange(89999)
                    cid = '%s-%s-%d-%d' % (C['mcc'], C['mncs'][0], lac, ci)
                    if cid not in seen:
                        seen.add(cid)
                        break
                lst.append(cid)
            self.cells[g[0]] = lst
        # the operator's own bank/service hotlines must never be re-issued
        for h in C['bank_hotlines']:
            self.used.add(h)
        # subscribers
        self.subs = []
        self.reg_subs = dict((g[0], []) for g in regs)
        for i in range(self.N):
            x = r.random() * s
            g = regs[min(len(regs) - 1, bisect.bisect_left(cw, x))]
            n = Node(self.new_mob(True), 'onnet', 'sub')
            n.ours = True
            n.imsi = self.new_imsi()
            n.imei = self.new_imei(self.phone_cat())
            n.region = g[0]
            n.home = r.choice(self.cells[g[0]])
            if r.random() < 0.62:
                n.work = r.choice(self.cells[g[0]])
                n.commute = int(r.uniform(-45, 100) * 60000)
            n.mob = 0.06
            n.act = min(4.0, r.lognormvariate(0, 0.55))
            n.lang = C['lang']
            self.subs.append(n)
            self.reg_subs[g[0]].append(n)
            self.by_num[n.num] = n
        self.special = set()
        self.intl_linked = []
        self.edges = []
        self.pairs = set()

    def off_node(self, region, land=False):
        n = Node(self.new_land(region) if land else self.new_mob(False), 'national', 'off')
        n.region = region
        n.lang = self.C['lang']
        n.act = min(3.0, self.r.lognormvariate(0, 0.5))
        self.offs.append(n)
        self.offs_by_reg.setdefault(region, []).append(n)
        self.by_num[n.num] = n
        return n

    def pick_off(self, region, p_new=0.55):
        lst = self.offs_by_reg.get(region)
        if not lst or self.r.random() < p_new:
            return self.off_node(region, land=self.r.random() < 0.04)
        return self.r.choice(lst)

    def add_edge(self, a, b, w, ws, tie, pab=None):
        if a is b:
            return
        k = (a.num, b.num) if a.num < b.num else (b.num, a.num)
        if k in self.pairs:
            return
        self.pairs.add(k)
        if pab is None:
            pab = self.r.uniform(0.3, 0.7)
        self.edges.append((a, b, w, ws, tie, pab))

    def pick_sub(self, region=None, exclude_special=True):
        r = self.r
        lst = self.reg_subs[region] if region and self.reg_subs.get(region) else self.subs
        for _ in range(50):
            n = r.choice(lst)
            if not exclude_special or id(n) not in self.special:
                return n
        return r.choice(lst)

    def claim(self, n):
        self.special.add(id(n))
        return n

    def special_people(self):
        """migrants, relatives abroad, dual-SIM, shared handsets, outbound roamers, tourists"""
        r = self.r
        C = self.C
        # ---- migrant workers (domestic SIM, calls home abroad)
        self.migrants = []
        for n in self.subs:
            p = C['migrant_p'].get(n.region, 0.004 if self.cc == '66' else 0.0005)
            if r.random() < p:
                origin = self.wchoice(C['migrant_origin'].get(n.region, C['migrant_origin']['*']))
                n.kind = 'migrant'
                n.lang = {'95': 'my', '855': 'km', '856': 'lo', '84': 'vi'}[origin]
                n.imei = self.new_imei(r.choice(['budget', 'feature', 'cn_brand']))
                n.orig = origin
                self.migrants.append(n)
                self.claim(n)
        # households of migrants share a room / phone sometimes: shared handsets
        self.shared = []
        i = 0
        mig = list(self.migrants)
        r.shuffle(mig)
        while i + 1 < len(mig):
            if r.random() < 0.12:
                grp = mig[i:i + r.choice([2, 2, 3])]
                self.make_shared(grp)
                i += len(grp)
            else:
                i += 1
        # ---- shared handsets among ordinary subscribers
        for _ in range(int(self.N * 0.003)):
            a = self.claim(self.pick_sub())
            b = self.claim(self.pick_sub(a.region))
            self.make_shared([a, b])
        # ---- dual SIM phones with both SIMs on this network
        self.dual = []
        for _ in range(int(self.N * 0.008)):
            a = self.claim(self.pick_sub())
            b = self.claim(self.pick_sub(a.region))
            b.region, b.home, b.work, b.commute, b.mob = a.region, a.home, a.work, a.commute, 0.0
            a.mob = 0.0
            b.imei = make_imei(a.imei[:8], int(a.imei[8:14]) + 1)
            b.act = a.act * r.uniform(0.2, 0.6)
            a.tag = b.tag = 'dual'
            self.dual.append((a, b))
            self.look.append((a.num, 'dual_sim_phone'))
            self.look.append((b.num, 'dual_sim_phone'))
        # ---- outbound roamers (our subscribers abroad for the whole window)
        self.roamers = []
        for _ in range(max(1, int(self.N * 0.004))):
            n = self.claim(self.pick_sub())
            cc = self.wchoice(C['roam_ccs'])
            n.net = 'international'
            n.kind = 'roamer'
            n.shift = TZ.get(cc, self.tz) - self.tz
            n.act *= 1.3
            self.roamers.append(n)
            self.look.append((n.num, 'roamer_calling_home'))

    def make_shared(self, grp):
        r = self.r
        a = grp[0]
        cuts = sorted(r.randrange(int(self.end * 0.2), int(self.end * 0.8) + 1) for _ in range(len(grp) - 1))
        bounds = [-10 ** 9] + cuts + [10 ** 12]
        for j, n in enumerate(grp):
            n.imei = a.imei
            n.region, n.home, n.work, n.commute = a.region, a.home, a.work, a.commute
            gap = 0 if j == 0 else int(r.uniform(1, 6) * 60000)
            n.win = (bounds[j] + gap, bounds[j + 1])
            n.tag = 'shared'
            self.claim(n)
            self.look.append((n.num, 'shared_handset'))
        self.shared.append(grp)

    def graph(self):
        r = self.r
        C = self.C
        # households
        for reg in self.reg_names:
            members = list(self.reg_subs[reg])
            r.shuffle(members)
            i = 0
            while i < len(members):
                size = r.choice([1, 2, 2, 3, 3, 4])
                hh = list(members[i:i + size])
                i += size
                x = r.random()
                extra = 2 if x < 0.15 else (1 if x < 0.6 else 0)
                for _ in range(extra):
                    hh.append(self.off_node(reg, land=r.random() < 0.05))
                for a_i in range(len(hh)):
                    for b_i in range(a_i + 1, len(hh)):
                        a, b = hh[a_i], hh[b_i]
                        if not (a.ours or b.ours):
                            continue
                        self.add_edge(a, b, r.uniform(0.8, 3.0), r.uniform(0.1, 0.8), 'family')
        # extended family, friends, colleagues
        for n in self.subs:
            k = int(r.lognormvariate(1.55, 0.5))
            for _ in range(k):
                x = r.random()
                if x < 0.42:
                    p = self.pick_off(n.region)
                elif x < 0.85:
                    p = r.choice(self.reg_subs[n.region])
                else:
                    p = r.choice(self.subs)
                w = min(4.0, r.lognormvariate(math.log(0.3), 0.9))
                self.add_edge(n, p, w, w * r.uniform(0.1, 0.6), 'friend')
        # migrants: friends from the same origin nearby, and family at home
        by_origin = {}
        for m in self.migrants:
            by_origin.setdefault((m.orig, m.region), []).append(m)
        for m in self.migrants:
            peers = by_origin[(m.orig, m.region)]
            for _ in range(r.randint(1, 4)):
                p = r.choice(peers)
                self.add_edge(m, p, r.uniform(0.3, 1.5), r.uniform(0.1, 0.5), 'friend')
            for _ in range(r.choice([1, 1, 2, 3])):
                fam = self.abroad_node(m.orig, m.lang)
                self.add_edge(m, fam, r.uniform(0.5, 2.2), r.uniform(0.1, 0.6), 'abroad', pab=r.uniform(0.45, 0.8))
            self.intl_linked.append(m)
        # relatives abroad (ordinary families)
        for n in self.subs:
            if n.kind == 'sub' and r.random() < C['abroad_p']:
                cc = self.wchoice(C['abroad_ccs'])
                for _ in range(r.choice([1, 1, 2])):
                    fam = self.abroad_node(cc, C['lang'])
                    self.add_edge(n, fam, r.uniform(0.3, 1.5), r.uniform(0.05, 0.4), 'abroad', pab=r.uniform(0.3, 0.6))
                self.intl_linked.append(n)
        # inbound tourists roaming on this network
        self.tourists = []
        nt = int(self.N * C['tourist_p'])
        made = 0
        while made < nt:
            cc = self.wchoice(C['tourist_ccs'])
            reg = r.choice(C['tourist_regions'])
            grp = []
            for _ in range(r.choice([1, 1, 2, 2, 3, 4, 5])):
                t = Node(self.new_foreign(cc), 'onnet', 'tourist')
                t.imsi = self.new_imsi(ROAM_PLMN.get(cc, '46000'))
                t.imei = self.new_imei(self.wchoice([('iphone', 0.4), ('samsung', 0.2), ('cn_brand', 0.4)]))
                t.region = reg
                t.home = r.choice(self.cells[reg])
                t.mob = 0.35
                t.lang = 'cn' if cc in ('86', '852', '853', '886') and self.cc == '66' else 'en'
                t.act = r.uniform(0.5, 1.5)
                t.tag = cc
                grp.append(t)
                self.tourists.append(t)
                self.look.append((t.num, 'inbound_roamer'))
                made += 1
            for i in range(len(grp)):
                for j in range(i + 1, len(grp)):
                    self.add_edge(grp[i], grp[j], r.uniform(1.5, 5), r.uniform(0.5, 2), 'family')
            for t in grp:
                for _ in range(r.choice([0, 1, 1, 2])):
                    fam = self.abroad_node(cc, t.lang)
                    self.add_edge(t, fam, r.uniform(0.3, 1.2), r.uniform(0.1, 0.5), 'abroad')
                if r.random() < 0.5:
                    guide = self.pick_sub(reg, exclude_special=False)
                    self.add_edge(t, guide, r.uniform(0.3, 1.5), r.uniform(0.1, 0.5), 'friend')

    def abroad_node(self, cc, lang):
        n = Node(self.new_foreign(cc), 'international', 'abroad')
        n.shift = TZ.get(cc, self.tz) - self.tz
        n.lang = lang
        n.act = 1.0
        n.tag = cc
        return n

    # ========================================================== normal traffic
    def p2p(self, a, b, t, pans, depth=0, med=75.0):
        r = self.r
        if t >= self.end or not self.avail(a, t):
            return
        ok = self.avail(b, t)
        ans = ok and r.random() < pans
        dur = self.talk(med) if ans else 0
        self.call(a, b, t, dur)
        if ans or depth >= 2:
            return
        x = r.random()
        if x < 0.42:
            t2 = t + int(r.lognormvariate(math.log(300000), 1.0))
            self.p2p(b, a, t2, min(0.95, pans + 0.1), depth + 1, med)
        elif x < 0.66:
            t2 = t + int(r.uniform(40000, 300000))
            self.p2p(a, b, t2, pans, depth + 1, med)
        elif x < 0.74:
            lang = a.lang or self.C['lang']
            self.sms(a, b, t + int(r.uniform(10000, 90000)), r.choice(CALLBACK_TXT.get(lang, CALLBACK_TXT['en'])))

    def thread(self, a, b, t, n):
        r = self.r
        x, y = a, b
        for _ in range(n):
            if t >= self.end:
                break
            if self.avail(x, t):
                self.sms(x, y, t, self.chat(x))
            t += int(r.lognormvariate(math.log(45000), 1.1)) + 3000
            x, y = y, x

    def social(self):
        r = self.r
        K_CALL = 1.55
        K_SMS = 0.9
        box_p = 0.22 if self.bypass_boxes else 0.0
        fr0 = self.frac('social')
        for (a, b, w, ws, tie, pab) in self.edges:
            fa = fr0 if a.shift == 0 else self.frac('social', a.shift)
            fb = fr0 if b.shift == 0 else self.frac('social', b.shift)
            act = (a.act + b.act) * 0.5
            lam = w * K_CALL * act * (pab * fa + (1 - pab) * fb)
            n = self.pois(lam)
            pans = 0.82 if tie == 'family' else 0.7
            med = 150.0 if tie == 'abroad' else (80.0 if tie == 'family' else 65.0)
            for _ in range(n):
                if r.random() < pab:
                    x, y = a, b
                else:
                    x, y = b, a
                t = self.tsample('social', shift=x.shift)
                if x.kind == 'abroad' and box_p and y.net == 'onnet' and r.random() < box_p:
                    self.bypass_call(x, y, t)
                    continue
                self.p2p(x, y, t, pans, med=med)
            lam_s = ws * K_SMS * act * (pab * fa + (1 - pab) * fb)
            for _ in range(self.pois(lam_s)):
                if r.random() < pab:
                    x, y = a, b
                else:
                    x, y = b, a
                t = self.tsample('social', shift=x.shift)
                self.thread(x, y, t, 1 + min(8, int(r.expovariate(0.6))))

    def services(self):
        r = self.r
        C = self.C
        fr = self.frac('office') * 0.6 + self.frac('social') * 0.4
        for n in self.subs:
            if n.net != 'onnet':
                continue
            for _ in range(self.pois(0.09 * fr * n.act)):
                code = self.wchoice(C['services'])
                t = self.tsample('office' if r.random() < 0.6 else 'social')
                self.call(n, code, t, self.talk(240, 0.8, 15, 2400) if r.random() < 0.93 else 0)
            if r.random() < 0.0015 * fr * 3:
                self.call(n, r.choice(C['emergency']), self.tsample('social'), self.talk(90, 0.6, 10, 900))
            if self.cc == '86' and r.random() < 0.01 * fr * 3:
                self.sms(n, '10086', self.tsample('social'), r.choice(['CXLL', 'CXYE', '101', 'CXTC']))
            if C['bank_hotlines'] and r.random() < 0.03 * fr * 3:
                self.call(n, r.choice(C['bank_hotlines']), self.tsample('office'), self.talk(300, 0.7, 20, 2400))

    def businesses(self):
        """small shops, clinics, offices, hotels: mostly landlines of other operators"""
        r = self.r
        nb = max(20, self.N // 45)
        self.biz = []
        for i in range(nb):
            reg = self.reg_names[min(len(self.reg_names) - 1, bisect.bisect_left(self.reg_cw, r.random() * self.reg_cw[-1]))]
            if r.random() < 0.8:
                b = Node(self.new_land(reg), 'national', 'biz')
                b.region = reg
            else:
                b = self.pick_sub(reg, exclude_special=False)
            custs = [r.choice(self.reg_subs[reg] or self.subs) for _ in range(r.randint(15, 90))]
            self.biz.append((b, custs))
            inbound = r.uniform(0.5, 5.0)
            for t in self.ptimes(0, self.end, inbound, 'office'):
                c = r.choice(custs)
                if c.net == 'onnet':
                    self.p2p(c, b, t, 0.85, depth=1, med=90)
            if b.net == 'national' or b.ours:
                for t in self.ptimes(0, self.end, r.uniform(0.2, 1.5), 'office'):
                    c = r.choice(custs)
                    self.p2p(b, c, t, 0.65, depth=1, med=70)
        # hotels get calls from tourists
        hotels = [b for b, _ in self.biz if b.region in self.C['tourist_regions'] and b.net == 'national']
        for t in self.tourists:
            if hotels and r.random() < 0.4:
                h = r.choice(hotels)
                self.add_edge(t, h, r.uniform(0.5, 2.0), 0.0, 'friend')

    def a2p(self):
        r = self.r
        brands = A2P[self.args.country]
        pools = []
        for key, kind, w, k, route, style, tpls in brands:
            nums = []
            if style == 'land':
                reg = r.choice(self.C['urban'][:3])
                nums = self.block(lambda: self.land_raw(reg), k) if k > 1 else [self.new_land(reg)]
            elif style == 'mob':
                if r.random() < 0.5:
                    nums = self.block(lambda: self.mob_raw(True), k)
                else:
                    nums = [self.new_mob(r.random() < 0.5) for _ in range(k)]
            else:
                nums = [self.new_foreign(r.choice(['44', '1', '46', '33', '49', '65'])) for _ in range(k)]
            nodes = []
            for x in nums:
                nd = Node(x, route, 'a2p')
                nodes.append(nd)
                self.look.append((x, kind))
            pools.append((w, nodes, tpls, key))
        wsum = sum(p[0] for p in pools)
        cw = []
        s = 0.0
        for p in pools:
            s += p[0] / wsum
            cw.append(s)
        rate = 0.24
        for n in self.subs:
            k = self.pois(rate * n.act * self.eff_hours('a2p') * 1.0)
            for _ in range(k):
                w, nodes, tpls, key = pools[min(len(pools) - 1, bisect.bisect_left(cw, r.random()))]
                t = self.tsample('a2p')
                if not self.avail(n, t):
                    continue
                if key == 'intl' and n.net == 'international':
                    continue
                self.sms(r.choice(nodes), n, t, self.fill(r.choice(tpls), t))
        self.a2p_pools = dict((p[3], p) for p in pools)

    # ================================================================ fraud
    def fraud_sim(self, region, cells, imei, cls, ours=True):
        n = Node(self.new_mob(True), 'onnet', 'fraud')
        n.imsi = self.new_imsi()
        n.imei = imei
        n.region = region
        n.cells = list(cells)
        n.lang = self.C['lang']
        self.fraud.append((n.num, cls))
        return n

    def scam_target(self, mode, st, intl=False):
        """returns (target Node or number string, reachable)"""
        r = self.r
        if intl:
            for _ in range(20):
                n = r.choice(self.subs)
                if n.net == 'onnet':
                    return n, True
            return n, True
        if mode == 'block':
            if st.get('base') is None or st['left'] <= 0:
                base = self.mob_raw(True)
                st['base'] = base[:-4]
                st['i'] = r.randrange(3000)
                st['left'] = r.randint(80, 400)
            st['i'] += r.randint(1, 7)
            st['left'] -= 1
            num = st['base'] + '%04d' % (st['i'] % 10000)
            n = self.by_num.get(num)
            if n is not None:
                return n, True
            return num, r.random() < 0.45
        x = r.random()
        if x < 0.55:
            return r.choice(self.subs), True
        if x < 0.88 and self.offs:
            return r.choice(self.offs), True
        return self.unalloc(), False

    def scam_dur(self, hook):
        r = self.r
        x = r.random()
        if x < hook:
            return int(r.uniform(600, 3600)), True
        if x < hook + 0.27:
            return int(r.uniform(40, 300)), False
        return int(r.uniform(3, 40)), False

    def scam_call(self, s, tgt, ok, t, pans, hook, team, cls, sms_p=0.0, can_answer_back=True, route=None, dev=None):
        r = self.r
        if isinstance(tgt, Node):
            ok = ok and self.avail(tgt, t)
        ans = ok and r.random() < pans
        dur, hooked = self.scam_dur(hook) if ans else (0, False)
        if not self.call(s, tgt, t, dur, dev=dev, route=route):
            return
        is_ours = isinstance(tgt, Node) and tgt.ours
        if ans and is_ours:
            self.scam_answered.append((tgt, t + dur * 1000, cls))
        if hooked and is_ours:
            t_end = t + dur * 1000
            others = [o for o in team if o is not s and self.avail(o, t_end)]
            if others:
                o = r.choice(others)
                t2 = t_end + int(r.uniform(60, 900) * 1000)
                d2 = int(r.uniform(900, 4800))
                if self.call(o, tgt, t2, d2, route=route if route else None):
                    t_end = t2 + d2 * 1000
            self.victims.append((tgt, t_end, cls))
        if ans and dur < 40 and sms_p and r.random() < sms_p:
            self.sms(s, tgt, t + dur * 1000 + int(r.uniform(20, 600) * 1000), self.fill(r.choice(CC_SMS[self.args.country]), t),
                     dev=dev, route=route)
        if not ans and is_ours and tgt.net == 'onnet' and r.random() < 0.04:
            t3 = t + int(r.lognormvariate(math.log(600000), 1.0))
            alive = self.avail(s, t3) and can_answer_back
            self.call(tgt, s, t3, self.talk(60, 0.8, 8, 600) if alive and r.random() < 0.7 else 0)

    def callcenter_border(self):
        r = self.r
        C = self.C
        reg = r.choice(C['border_cc'])
        cells = r.sample(self.cells[reg], min(len(self.cells[reg]), r.randint(1, 3)))
        n_hs = self.vcount(3, 7, 2)
        rate = r.uniform(15, 45)
        pans = r.uniform(0.22, 0.42)
        hook = r.uniform(0.01, 0.04)
        mode = r.choice(['list', 'list', 'block'])
        cat = r.choice(['budget', 'cn_brand', 'feature'])
        sms_p = r.choice([0.0, 0.03, 0.08])
        team = []
        for h in range(n_hs):
            imei = self.new_imei(cat)
            t = int(r.uniform(-0.4, 0.35) * self.end)
            while t < self.end:
                life = int(r.uniform(50, 220) * 60000)
                s = self.fraud_sim(reg, cells, imei, 'callcenter')
                s.win = (t, t + life)
                team.append(s)
                t += life + int(r.uniform(1, 20) * 60000)
                if r.random() < 0.35:
                    imei = self.new_imei(cat)
        st = {}
        for s in team:
            for t in self.ptimes(s.win[0], s.win[1], rate * r.uniform(0.7, 1.3), 'scam'):
                tgt, ok = self.scam_target(mode, st)
                self.scam_call(s, tgt, ok, t, pans, hook, team, 'callcenter', sms_p)

    def callcenter_intl(self):
        r = self.r
        cc = r.choice(self.C['cc_intl_ccs'])
        nn = self.vcount(3, 8, 2)
        team = []
        for i in range(nn):
            n = Node(self.new_foreign(cc if r.random() < 0.8 else r.choice(self.C['cc_intl_ccs'])), 'international', 'fraud')
            a = int(r.uniform(-0.2, 0.7) * self.end)
            n.win = (a, a + int(r.uniform(40, 200) * 60000))
            team.append(n)
            self.fraud.append((n.num, 'callcenter'))
        pans = r.uniform(0.08, 0.18)
        hook = r.uniform(0.01, 0.03)
        rate = r.uniform(20, 60)
        for s in team:
            for t in self.ptimes(s.win[0], s.win[1], rate, 'scam'):
                tgt, ok = self.scam_target('list', {}, intl=True)
                self.scam_call(s, tgt, ok, t, pans, hook, team, 'callcenter', can_answer_back=r.random() < 0.5)

    # ---- SIM boxes
    def setup_simboxes(self):
        r = self.r
        C = self.C
        self.bypass_boxes = []
        if self.cc == '66':
            kinds = ['bypass_static', 'bypass_evasive', 'mobile_scam']
            if self.sc >= 1.5:
                kinds.append('bypass_static')
        else:
            kinds = ['goip_scam', 'goip_scam', 'bypass_static']
        for k in kinds:
            box = {'kind': k, 'sims': []}
            if k == 'bypass_static':
                reg = r.choice(C['farm_regions'][:3])
                cell = r.choice(self.cells[reg])
                cells = [cell] * 9 + [r.choice(self.cells[reg])]
                ports = max(2, int(r.choice([8, 16, 16, 32]) * self.fs))
                tac = r.choice(TACS['gateway'])
                ser = r.randrange(900000)
                for i in range(ports):
                    s = self.fraud_sim(reg, cells, make_imei(tac, ser + i), 'simbox')
                    box['sims'].append(s)
                box.update(rate=r.uniform(4, 11), pans=r.uniform(0.55, 0.7), med=r.uniform(110, 200))
                self.bypass_boxes.append(box)
            elif k == 'bypass_evasive':
                reg = r.choice(C['farm_regions'])
                cells = r.sample(self.cells[reg], min(3, len(self.cells[reg])))
                pool = max(3, int(r.randint(20, 34) * self.fs))
                for i in range(pool):
                    s = self.fraud_sim(reg, cells, self.new_imei(r.choice(['samsung', 'cn_brand', 'budget'])), 'simbox')
                    a = int(r.uniform(0, 0.8) * self.end)
                    s.win = (a, a + int(r.uniform(25, 80) * 60000))
                    box['sims'].append(s)
                box.update(rate=r.uniform(4, 9), pans=r.uniform(0.55, 0.7), med=r.uniform(100, 180), humanize=True)
                self.bypass_boxes.append(box)
            elif k == 'mobile_scam':
                reg = r.choice(C['urban'][:3])
                ports = max(2, int(r.randint(6, 14) * self.fs))
                tac = r.choice(TACS['module'])
                ser = r.randrange(900000)
                # vehicle: changes cell every 8-25 min
                tt, cc_ = [], []
                t = 0
                while t < self.end:
                    tt.append(t)
                    cc_.append(r.choice(self.cells[reg]))
                    t += int(r.uniform(8, 25) * 60000)
                for i in range(ports):
                    s = self.fraud_sim(reg, [], make_imei(tac, ser + i), 'simbox')
                    s.cells = None
                    s.track_t, s.track_c = tt, cc_
                    box['sims'].append(s)
                box.update(rate=r.uniform(12, 30), pans=r.uniform(0.22, 0.35), hook=r.uniform(0.01, 0.03))
            elif k == 'goip_scam':
                reg = r.choice(C['farm_regions'])
                cells = [r.choice(self.cells[reg])]
                ports = max(2, int(r.choice([8, 8, 16]) * self.fs))
                tac = r.choice(TACS['gateway'] + TACS['module'])
                ser = r.randrange(900000)
                rotate_imei = r.random() < 0.5
                for p in range(ports):
                    if r.random() < 0.35:
                        continue  # port holds another operator's SIM
                    t = int(r.uniform(-0.3, 0.5) * self.end)
                    imei = make_imei(tac, ser + p)
                    while t < self.end:
                        if rotate_imei:
                            imei = self.new_imei(r.choice(['cn_brand', 'budget']))
                        s = self.fraud_sim(reg, cells, imei, 'simbox')
                        life = int(r.uniform(60, 240) * 60000)
                        s.win = (t, t + life)
                        box['sims'].append(s)
                        t += life + int(r.uniform(2, 30) * 60000)
                box.update(rate=r.uniform(12, 35), pans=r.uniform(0.25, 0.4), hook=r.uniform(0.01, 0.04))
            self.boxes.append(box)

    def bypass_call(self, x, y, t):
        """an international call hijacked by a SIM box: arrives as a local on-net call"""
        r = self.r
        box = r.choice(self.bypass_boxes)
        cand = [s for s in box['sims'] if self.avail(s, t)]
        if not cand:
            self.p2p(x, y, t, 0.8, med=150)
            return
        s = r.choice(cand)
        ans = self.avail(y, t) and r.random() < 0.78
        self.call(s, y, t, self.talk(150, 1.0) if ans else 0)
        if not ans and r.random() < 0.2:
            t2 = t + int(r.lognormvariate(math.log(400000), 0.9))
            self.call(y, s, t2, 0)  # gateway rejects incoming calls
            if r.random() < 0.5:
                self.p2p(y, x, t2 + int(r.uniform(60, 600) * 1000), 0.75, depth=1, med=150)

    def simbox_traffic(self):
        r = self.r
        pool = self.intl_linked or self.subs
        for box in self.boxes:
            k = box['kind']
            sims = box['sims']
            if k in ('bypass_static', 'bypass_evasive'):
                for s in sims:
                    lo, hi = (s.win if s.win else (0, self.end))
                    for t in self.ptimes(lo, hi, box['rate'] * r.uniform(0.7, 1.3), 'intl'):
                        y = r.choice(pool) if r.random() < 0.35 else r.choice(self.subs)
                        if y.net != 'onnet':
                            continue
                        ans = self.avail(y, t) and r.random() < box['pans']
                        dev = None
                        if k == 'bypass_evasive' and r.random() < 0.15:
                            dev = (s.imsi, self.new_imei(r.choice(['samsung', 'cn_brand'])), self.cell_at(s, t))
                        self.call(s, y, t, self.talk(box['med'], 1.0) if ans else 0, dev=dev)
                        if not ans and r.random() < 0.12:
                            self.call(y, s, t + int(r.lognormvariate(math.log(500000), 0.9)), 0)
                if box.get('humanize'):
                    # SIMs chat and call among themselves so each has "contacts"
                    for s in sims:
                        lo, hi = s.win
                        for _ in range(r.randint(1, 4)):
                            o = r.choice(sims)
                            if o is s:
                                continue
                            t = r.randint(max(0, lo), max(0, min(self.end, hi)))
                            if r.random() < 0.6:
                                self.sms(s, o, t, self.chat(s))
                            else:
                                self.call(s, o, t, self.talk(40, 0.8, 5, 300))
            else:
                team = sims
                st = {}
                for s in sims:
                    lo, hi = (s.win if s.win else (0, self.end))
                    for t in self.ptimes(lo, hi, box['rate'] * r.uniform(0.7, 1.3), 'scam'):
                        tgt, ok = self.scam_target('list' if r.random() < 0.7 else 'block', st)
                        self.scam_call(s, tgt, ok, t, box['pans'], box['hook'], team, 'simbox', can_answer_back=False)

    # ---- wangiri
    def wangiri(self):
        r = self.r
        ncamp = max(1, int(round(r.randint(2, 3) * min(1.0, self.sc) + 0.3)))
        ccs = r.sample(WANGIRI_CCS, ncamp)
        sms_camp = r.randrange(ncamp) if r.random() < 0.6 else -1
        subs_sorted = None
        for ci, cc in enumerate(ccs):
            k = r.randint(3, 7)
            if r.random() < 0.6:
                nums = self.block(lambda: self.foreign_raw(cc), k)
            else:
                nums = [self.new_foreign(cc) for _ in range(k)]
            team = []
            for x in nums:
                team.append(Node(x, 'international', 'fraud'))
                self.fraud.append((x, 'wangiri'))
            t0 = int(r.uniform(0, 0.75) * self.end)
            t1 = min(self.end, t0 + int(r.uniform(20, 100) * 60000))
            ncalls = int(self.N * r.uniform(0.015, 0.05))
            mode = r.choice(['random', 'sequential', 'double'])
            pick_ans = r.uniform(0.01, 0.05)
            p_cb = r.uniform(0.01, 0.05)
            if mode == 'sequential':
                if subs_sorted is None:
                    subs_sorted = sorted(self.subs, key=lambda n: n.num)
                st = r.randrange(max(1, len(subs_sorted) - ncalls))
                targets = subs_sorted[st:st + ncalls]
            else:
                targets = [r.choice(self.subs) for _ in range(ncalls)]
            times = sorted(r.randint(t0, max(t0, t1 - 1)) for _ in targets)
            for tgt, t in zip(targets, times):
                reps = 2 if mode == 'double' else 1
                tt = t
                for rep in range(reps):
                    s = r.choice(team)
                    if tgt.net != 'onnet':
                        break
                    picked = r.random() < pick_ans
                    self.call(s, tgt, tt, r.choice([0, 1]) if picked else 0, ans=True if picked else None)
                    tt += int(r.uniform(60, 900) * 1000)
                if tgt.net == 'onnet' and r.random() < p_cb:
                    t2 = t + int(r.lognormvariate(math.log(900000), 1.2))
                    self.call(tgt, s, t2, self.talk(90, 0.8, 10, 900))
                    if r.random() < 0.25:
                        self.call(tgt, s, t2 + int(r.uniform(2, 30) * 60000), self.talk(60, 0.8, 10, 600))
            if ci == sms_camp:
                lang = self.args.country
                txt = {'th': ['คุณมีสายที่ไม่ได้รับจากบริษัทขนส่ง โปรดโทรกลับ +{num} ด่วน', 'URGENT: please call back +{num} about your parcel'],
                       'cn': ['您有一个未接来电，请尽快回拨 +{num} 领取奖品', 'URGENT: call back +{num}']}[lang]
                for _ in range(int(ncalls * r.uniform(0.1, 0.3))):
                    s = r.choice(team)
                    tgt = r.choice(self.subs)
                    self.sms(s, tgt, r.randint(t0, max(t0, t1 - 1)), r.choice(txt).replace('{num}', s.num))

    # ---- smishing
    def smish_text(self, theme, style, t):
        r = self.r
        tpl = r.choice(SMISH[self.args.country][theme])
        link = self.smish_link(theme, style)
        return self.fill(tpl.replace('{link}', link), t)

    def smish_recipient(self, intl=False, st=None):
        r = self.r
        if intl:
            n = r.choice(self.subs)
            return n if n.net == 'onnet' else None
        x = r.random()
        if x < 0.45:
            return r.choice(self.subs)
        if x < 0.75 and self.offs:
            return r.choice(self.offs)
        if st is not None:
            return self.scam_target('block', st)[0]
        return self.unalloc()

    def after_smish(self, y, s, t, text):
        r = self.r
        if not isinstance(y, Node) or not y.ours or y.net != 'onnet':
            return
        x = r.random()
        if x < 0.003:
            self.sms(y, s, t + int(r.uniform(30, 1800) * 1000), r.choice(SMISH_REPLY[self.args.country]))
        elif x < 0.007 and self.C['report_code']:
            self.sms(y, self.C['report_code'], t + int(r.uniform(60, 3600) * 1000), text)
        elif x < 0.009:
            self.victims.append((y, t + int(r.uniform(5, 60) * 60000), 'smishing'))

    def smishing(self):
        r = self.r
        C = self.C
        themes = list(SMISH[self.args.country].keys())
        # SIM farms / SMS modem pools
        for fi in range(max(1, int(round(r.randint(1, 2) * min(1.0, self.sc) + 0.2)))):
            reg = r.choice(C['farm_regions'])
            cells = r.sample(self.cells[reg], min(len(self.cells[reg]), r.randint(1, 2)))
            ports = max(2, int(r.randint(5, 10) * self.fs))
            evasive = r.random() < 0.4
            tac = r.choice(TACS['module'])
            ser = r.randrange(900000)
            theme = r.choice(['bank', 'courier', 'gov', 'toll'])
            style = r.choice(['look', 'short'])
            rate = r.uniform(60, 160)
            st = {}
            sessions = [(int(r.uniform(0, 0.6) * self.end), 0)]
            sessions = [(a, a + int(r.uniform(20, 70) * 60000)) for a, _ in sessions]
            if r.random() < 0.6:
                a = int(r.uniform(0.4, 0.9) * self.end)
                sessions.append((a, a + int(r.uniform(15, 50) * 60000)))
            for p in range(ports):
                imei = self.new_imei(r.choice(['cn_brand', 'samsung'])) if evasive else make_imei(tac, ser + p)
                budget = r.randint(120, 500)
                s = self.fraud_sim(reg, cells, imei, 'smishing')
                for (a, b) in sessions:
                    for t in self.ptimes(a, b, rate * r.uniform(0.8, 1.2), 'flat'):
                        if budget <= 0:
                            s = self.fraud_sim(reg, cells, imei if not evasive else self.new_imei('cn_brand'), 'smishing')
                            budget = r.randint(120, 500)
                        y = self.smish_recipient(st=st)
                        txt = self.smish_text(theme if r.random() < 0.85 else r.choice(themes), style, t)
                        if self.sms(s, y, t, txt):
                            budget -= 1
                            self.after_smish(y, s, t, txt)
        # grey international A2P routes carrying brand impersonation
        nsend = self.vcount(5, 12, 2)
        theme_i = r.sample(themes, 2)
        for i in range(nsend):
            cc = r.choice(C['smish_intl_ccs'])
            s = Node(self.new_foreign(cc), 'international', 'fraud')
            self.fraud.append((s.num, 'smishing'))
            a = int(r.uniform(0, 0.8) * self.end)
            b = a + int(r.uniform(10, 60) * 60000)
            for t in self.ptimes(a, b, r.uniform(60, 200), 'flat'):
                y = self.smish_recipient(intl=True)
                if y is None:
                    continue
                txt = self.smish_text(r.choice(theme_i), r.choice(['look', 'short']), t)
                self.sms(s, y, t, txt)
                self.after_smish(y, s, t, txt)
        # lure senders on ordinary smartphones (mule SIMs), moving around
        reg = r.choice(C['urban'][:3])
        for i in range(self.vcount(2, 4, 1)):
            tt, cc_ = [], []
            t = 0
            while t < self.end:
                tt.append(t)
                cc_.append(r.choice(self.cells[reg]))
                t += int(r.uniform(10, 40) * 60000)
            s = self.fraud_sim(reg, [], self.new_imei(r.choice(['cn_brand', 'budget'])), 'smishing')
            s.cells = None
            s.track_t, s.track_c = tt, cc_
            theme = r.choice(['loan', 'job', 'gamble'])
            for t in self.ptimes(0, self.end, r.uniform(20, 60), 'social'):
                y = self.smish_recipient()
                txt = self.smish_text(theme, r.choice(['look', 'short']), t)
                self.sms(s, y, t, txt)
                self.after_smish(y, s, t, txt)
        # SMS blaster (fake base station): its messages never reach the core network; only users'
        # forwards to the reporting short code are visible
        if C['report_code']:
            reg = r.choice(C['urban'][:2])
            theme = r.choice(['bank', 'toll', 'gov'])
            for _ in range(int(self.N * r.uniform(0.001, 0.003))):
                y = r.choice(self.reg_subs[reg] or self.subs)
                if y.net != 'onnet':
                    continue
                t = self.tsample('social')
                self.sms(y, C['report_code'], t, self.smish_text(theme, 'look', t))

    # ---- spoofed caller ID
    def spoofing(self):
        r = self.r
        kinds = ['sp_gov', 'sp_mobile', r.choice(['sp_neighbour', 'sp_national'])]
        for k in kinds:
            team = []
            if k == 'sp_gov':
                reg = r.choice(self.C['urban'][:2])
                for _ in range(r.randint(3, 7)):
                    n = Node(self.new_land(reg if r.random() < 0.7 else r.choice(self.reg_names)), 'international', 'fraud')
                    n.tag = 'real_office'
                    team.append(n)
                rate = r.uniform(30, 90) * self.sc
                pans, hook = r.uniform(0.4, 0.55), r.uniform(0.03, 0.06)
            else:
                rate = (r.uniform(50, 150) if k == 'sp_mobile' else r.uniform(8, 20)) * self.sc
                pans, hook = r.uniform(0.25, 0.4), r.uniform(0.01, 0.03)
            route = 'national' if k == 'sp_national' else 'international'
            cur = None
            left = 0
            for t in self.ptimes(0, self.end, rate, 'scam'):
                tgt, ok = self.scam_target('list', {}, intl=True)
                if k == 'sp_gov':
                    s = r.choice(team)
                elif k == 'sp_neighbour':
                    for _ in range(20):
                        num = tgt.num[:-4] + self.d(4)
                        if num not in self.used:
                            break
                    self.used.add(num)
                    s = Node(num, route, 'fraud')
                    s.tag = 'none'
                    team.append(s)
                else:
                    if cur is None or left <= 0:
                        cur = Node(self.new_mob(r.random() < 0.5), route, 'fraud')
                        cur.tag = 'person' if r.random() < 0.5 else 'none'
                        team.append(cur)
                        left = int(r.expovariate(1 / 10.0)) + 1
                    left -= 1
                    s = cur
                self.fraud.append((s.num, 'spoofed_caller_id'))
                before = len(self.recs)
                self.scam_call(s, tgt, ok, t, pans, hook, [s], 'spoofed_caller_id', can_answer_back=False, route=route)
                # a victim who calls the displayed number back reaches its real owner (or nobody)
                if len(self.recs) > before + 0 and tgt.net == 'onnet' and r.random() < 0.05:
                    t2 = t + int(r.lognormvariate(math.log(900000), 1.0))
                    real = s.tag in ('real_office', 'person')
                    self.call(tgt, s.num, t2, self.talk(40, 0.7, 5, 300) if real and r.random() < 0.8 else 0)

    def victim_followups(self):
        r = self.r
        C = self.C
        for (v, t_end, cls) in self.victims:
            if v.net != 'onnet':
                continue
            if r.random() < 0.45:
                t = t_end + int(r.lognormvariate(math.log(20 * 60000), 0.8))
                dest = r.choice(C['victim_codes'] + C['bank_hotlines'])
                self.call(v, dest, t, self.talk(300, 0.7, 30, 2400))
            if r.random() < 0.3:
                # tells the family
                fam = [e for e in self.edges_of(v)]
                if fam:
                    self.p2p(v, r.choice(fam), t_end + int(r.uniform(2, 40) * 60000), 0.85, depth=1)

    def edges_of(self, v):
        if not hasattr(self, '_adj'):
            self._adj = {}
            for (a, b, w, ws, tie, pab) in self.edges:
                if tie == 'family':
                    self._adj.setdefault(id(a), []).append(b)
                    self._adj.setdefault(id(b), []).append(a)
        return self._adj.get(id(v), [])

    # ============================================================ look-alikes
    def center(self, agents, rate, prof, pick, pans, dur_fn, retry=0.0, cb=0.0, abandon=0.0, sms_fn=None, route=None,
               lo=0, hi=None):
        r = self.r
        hi = self.end if hi is None else hi
        for ag in agents:
            alo, ahi = lo, hi
            if ag.win:
                alo, ahi = max(lo, ag.win[0]), min(hi, ag.win[1])
            for t in self.ptimes(alo, ahi, rate * r.uniform(0.75, 1.25), prof):
                tgt = pick()
                if tgt is None:
                    continue
                attempt = 0
                tt = t
                a = ag
                while attempt < 3:
                    ok = isinstance(tgt, Node) and self.avail(tgt, tt) and not (tgt.net == 'international' and a.net != 'onnet')
                    ans = ok and r.random() < pans
                    if ans and abandon and r.random() < abandon:
                        self.call(a, tgt, tt, r.choice([0, 1, 2]), ans=True, route=route)
                        break
                    dur = dur_fn() if ans else 0
                    if not self.call(a, tgt, tt, dur, route=route):
                        break
                    if ans:
                        if sms_fn:
                            sms_fn(a, tgt, tt + dur * 1000)
                        break
                    if isinstance(tgt, Node) and tgt.ours and tgt.net == 'onnet' and r.random() < cb:
                        self.call(tgt, a, tt + int(r.lognormvariate(math.log(1200000), 1.0)),
                                  self.talk(120, 0.8, 10, 900) if r.random() < 0.85 else 0)
                        break
                    if r.random() >= retry:
                        break
                    attempt += 1
                    tt += int(r.uniform(25, 120) * 60000)
                    a = r.choice(agents)
                    if a.win and not (a.win[0] <= tt < a.win[1]):
                        break

    def dur_sales(self):
        r = self.r
        x = r.random()
        if x < 0.55:
            return int(r.uniform(5, 45))
        if x < 0.9:
            return int(r.uniform(60, 300))
        return int(r.uniform(300, 1100))

    def any_domestic(self, p_sub=0.6):
        r = self.r
        x = r.random()
        if x < p_sub:
            return r.choice(self.subs)
        if self.offs and x < 0.97:
            return r.choice(self.offs)
        return self.unalloc()

    def our_sub(self, region=None):
        for _ in range(20):
            n = self.r.choice(self.reg_subs[region] if region and self.reg_subs.get(region) else self.subs)
            if n.net == 'onnet':
                return n
        return n

    def look_node(self, num, net, kind, region=None, cells=None, imei=None, tac_cat=None):
        n = Node(num, net, 'look')
        n.region = region
        n.lang = self.C['lang']
        if net == 'onnet':
            n.ours = True
            n.imsi = self.new_imsi()
            n.imei = imei or self.new_imei(tac_cat or self.phone_cat())
            n.cells = cells
        self.look.append((num, kind))
        return n

    def telesales(self):
        r = self.r
        C = self.C
        ninst = 2 if self.sc >= 0.5 else 1
        for i in range(ninst):
            reg = r.choice(C['urban'][:3])
            if i == 0:
                agents = [self.look_node(x, 'national', 'telesales_call_center')
                          for x in self.block(lambda: self.land_raw(reg), self.vcount(12, 25, 3))]
                pick = lambda: self.our_sub()
                route = None
            else:
                # agents on company mobile SIMs in a desk GSM terminal / company handsets, one office building
                cell = [r.choice(self.cells[reg])]
                tac = r.choice(TACS['gateway'] if r.random() < 0.5 else TACS['samsung'])
                ser = r.randrange(900000)
                nums = self.block(lambda: self.mob_raw(True), self.vcount(8, 18, 3)) if r.random() < 0.5 else \
                    [self.new_mob(True) for _ in range(self.vcount(8, 18, 3))]
                agents = [self.look_node(x, 'onnet', 'telesales_call_center', reg, cell, make_imei(tac, ser + j))
                          for j, x in enumerate(nums)]
                pick = lambda: self.any_domestic(0.55)
                route = None
            insurer = r.choice(['https://www.muangthai.co.th', 'https://www.krungthai-axa.co.th', 'https://www.aia.co.th'] if self.cc == '66'
                               else ['https://www.pingan.com', 'https://www.chinalife.com.cn', 'https://www.cpic.com.cn'])

            def sms_fn(a, tgt, t, insurer=insurer):
                if r.random() < 0.15:
                    txt = ('ขอบคุณที่สนใจแผนประกัน รายละเอียดเพิ่มเติม %s หรือโทรกลับเบอร์นี้ได้ในเวลาทำการ' % insurer) if self.cc == '66' \
                        else ('【平安保险】感谢您接听，产品详情请见官网 %s，退订回T' % insurer)
                    self.sms(a, tgt, t + int(r.uniform(1, 10) * 60000), txt)
            self.center(agents, r.uniform(12, 25), 'office', pick, r.uniform(0.3, 0.45), self.dur_sales,
                        retry=r.uniform(0.2, 0.5), cb=0.05, abandon=r.choice([0.0, 0.03]), sms_fn=sms_fn, route=route)

    def debt_collection(self):
        r = self.r
        C = self.C
        reg = r.choice(C['urban'][:3])
        cell = [r.choice(self.cells[reg])]
        n = self.vcount(5, 10, 2)
        agents = []
        for j in range(n):
            if r.random() < 0.6:
                agents.append(self.look_node(self.new_mob(True), 'onnet', 'debt_collection', reg, cell, tac_cat='cn_brand'))
            else:
                agents.append(self.look_node(self.new_land(reg), 'national', 'debt_collection'))
        for ag in agents:
            debtors = [self.our_sub() for _ in range(r.randint(25, 50))]
            for dbt in debtors:
                attempts = r.randint(1, 5)
                t = self.tsample('ext')
                for a in range(attempts):
                    ans = self.avail(dbt, t) and r.random() < 0.35
                    self.call(ag, dbt, t, int(r.uniform(20, 400)) if ans else 0)
                    if ans:
                        break
                    if r.random() < 0.4:
                        txt = ('แจ้งเตือน: บัญชีสินเชื่อของท่านมียอดค้างชำระ {amt} บาท กรุณาชำระหรือติดต่อกลับหมายเลขนี้ในเวลาทำการ' if self.cc == '66'
                               else '【催收提醒】您的借款已逾期，应还金额{amt}元，请及时还款或回电本号码协商。')
                        self.sms(ag, dbt, t + 60000, self.fill(txt, t))
                    if r.random() < 0.25:
                        refs = self.edges_of(dbt)
                        if refs:
                            ref = r.choice(refs)
                            self.call(ag, ref, t + int(r.uniform(3, 15) * 60000), int(r.uniform(15, 120)) if r.random() < 0.5 else 0)
                    t += int(r.uniform(20, 75) * 60000)
                if r.random() < 0.1:
                    self.call(dbt, ag, t + int(r.uniform(10, 90) * 60000), self.talk(180, 0.7, 20, 1200))

    def bank_fraud_desk(self):
        r = self.r
        C = self.C
        reg = C['urban'][0]
        desk = [self.look_node(x, 'national', 'bank_fraud_alert_desk') for x in self.block(lambda: self.land_raw(reg), r.randint(2, 5))]
        notif = self.a2p_pools['kbank' if self.cc == '66' else 'icbc'][1]
        txt = ('KBank: พบรายการใช้บัตรผิดปกติ {amt} บ. หากไม่ได้ทำรายการ เจ้าหน้าที่จะติดต่อท่านจากหมายเลข 02 ของธนาคาร ไม่มีการส่งลิงก์'
               if self.cc == '66' else '【工商银行】您尾号{acct}的卡片于{hh}:{mi}发生一笔{amt}元的可疑交易，我行将致电核实，请勿向任何人提供验证码。')
        triggers = []
        for _ in range(self.pois(self.N * 0.0025 * self.H)):
            triggers.append((self.our_sub(), r.randint(0, self.end - 1)))
        for (v, t_end, cls) in self.victims:
            if v.net == 'onnet' and r.random() < 0.35:
                triggers.append((v, t_end + int(r.uniform(5, 60) * 60000)))
        for (v, t) in triggers:
            self.sms(r.choice(notif), v, t, self.fill(txt, t))
            tt = t + int(r.uniform(1, 10) * 60000)
            for a in range(3):
                ag = r.choice(desk)
                ans = self.avail(v, tt) and r.random() < 0.6
                self.call(ag, v, tt, self.talk(150, 0.6, 20, 900) if ans else 0)
                if ans:
                    break
                if r.random() < 0.4:
                    self.call(v, ag, tt + int(r.uniform(2, 30) * 60000), self.talk(240, 0.6, 30, 1200))
                    break
                tt += int(r.uniform(5, 20) * 60000)

    def clinics(self):
        r = self.r
        C = self.C
        for _ in range(self.vcount(2, 4, 1)):
            reg = r.choice(C['urban'])
            lines = [self.look_node(x, 'national', 'clinic_appointment_reminder') for x in self.block(lambda: self.land_raw(reg), r.randint(1, 3))]
            sender = self.look_node(self.new_mob(True) if r.random() < 0.5 else self.new_land(reg), 'national', 'clinic_appointment_reminder')
            name = r.choice(['โรงพยาบาลกรุงเทพ', 'โรงพยาบาลสมิติเวช', 'คลินิกทันตกรรมสไมล์', 'โรงพยาบาลเปาโล'] if self.cc == '66'
                            else ['【协和医院】', '【华山医院】', '【市第一人民医院】', '【瑞尔齿科】'])
            site = r.choice(['https://www.bangkokhospital.com', 'https://www.samitivejhospitals.com', 'https://www.paolohospital.com'] if self.cc == '66'
                            else ['https://www.pumch.cn', 'https://www.huashan.org.cn', 'https://www.arrail-dental.com'])
            patients = [self.our_sub(reg) for _ in range(r.randint(40, 140))]
            for p in patients:
                if r.random() < 0.6:
                    t = self.tsample('office')
                    txt = (name + ': ยืนยันนัดหมายวันพรุ่งนี้ {hh}:{mi} น. หากต้องการเลื่อนนัด โทร 0' + lines[0].num[2:] + ' หรือ ' + site
                           if self.cc == '66' else name + '您已预约明日{hh}:{mi}门诊，如需改约请致电 0' + lines[0].num[2:] + ' 或访问 ' + site)
                    self.sms(sender, p, t, self.fill(txt, t))
                    if r.random() < 0.12:
                        self.sms(p, sender, t + int(r.uniform(1, 90) * 60000), r.choice(['ยืนยันค่ะ', 'ok', '1', 'ขอเลื่อนนัดครับ'] if self.cc == '66' else ['确认', '1', '好的', '改约']))
                else:
                    t = self.tsample('office')
                    ln = r.choice(lines)
                    ans = self.avail(p, t) and r.random() < 0.6
                    self.call(ln, p, t, self.talk(60, 0.6, 10, 400) if ans else 0)
                    if not ans and r.random() < 0.3:
                        self.call(p, ln, t + int(r.uniform(5, 90) * 60000), self.talk(90, 0.6, 10, 600))

    def surveys(self):
        r = self.r
        C = self.C
        for i in range(1 if self.sc < 0.8 else 2):
            reg = C['urban'][0]
            if i == 0:
                lines = [self.look_node(x, 'national', 'survey_poll_caller') for x in self.block(lambda: self.land_raw(reg), self.vcount(8, 16, 2))]
            else:
                cell = [r.choice(self.cells[reg])]
                lines = [self.look_node(self.new_mob(True), 'onnet', 'survey_poll_caller', reg, cell, tac_cat='budget')
                         for _ in range(self.vcount(5, 10, 2))]

            def pick(lines=lines):
                # random-digit dialling in mobile ranges: many numbers do not exist
                n = r.choice(self.subs)
                if r.random() < 0.45:
                    return n.num[:-4] + self.d(4)
                return n

            def dur():
                x = r.random()
                if x < 0.62:
                    return int(r.uniform(4, 35))
                if x < 0.9:
                    return int(r.uniform(60, 240))
                return int(r.uniform(420, 1100))
            rate = r.uniform(25, 45)
            for ln in lines:
                for t in self.ptimes(0, self.end, rate, 'office'):
                    tgt = pick()
                    if isinstance(tgt, str):
                        ex = self.by_num.get(tgt)
                        if ex is not None:
                            tgt = ex
                    if isinstance(tgt, str):
                        self.call(ln, tgt, t, 0)
                        continue
                    if tgt.net == 'international' and ln.net != 'onnet':
                        continue
                    ans = self.avail(tgt, t) and r.random() < 0.4
                    self.call(ln, tgt, t, dur() if ans else 0)
                    if not ans and tgt.ours and tgt.net == 'onnet' and r.random() < 0.05:
                        self.call(tgt, ln, t + int(r.uniform(5, 120) * 60000), self.talk(45, 0.8, 5, 400))

    def agents(self):
        """real-estate / car / insurance agents cold-calling from personal mobiles"""
        r = self.r
        kinds = ['real_estate_agent', 'car_sales_agent', 'insurance_agent']
        for _ in range(self.vcount(6, 14, 2)):
            kind = r.choice(kinds)
            a = self.claim(self.pick_sub(r.choice(self.C['urban'])))
            if a.net != 'onnet':
                continue
            a.tag = kind
            self.look.append((a.num, kind))
            sessions = r.randint(1, 3)
            for _ in range(sessions):
                s0 = self.tsample('office')
                s1 = s0 + int(r.uniform(20, 70) * 60000)
                for t in self.ptimes(s0, s1, r.uniform(10, 30), 'flat'):
                    tgt = self.any_domestic(0.55)
                    ok = not isinstance(tgt, str)
                    ans = ok and self.avail(tgt, t) and r.random() < 0.42
                    self.call(a, tgt, t, self.dur_sales() if ans else 0)
                    if not ans and ok and tgt.ours and tgt.net == 'onnet' and r.random() < 0.08:
                        self.call(tgt, a, t + int(r.lognormvariate(math.log(1500000), 0.9)), self.talk(60, 0.8, 5, 600))
            if r.random() < 0.5:
                txt = {'real_estate_agent': ['คอนโดใหม่ใกล้ BTS เริ่ม 1.59 ล้าน ผ่อนถูกกว่าเช่า สนใจโทรกลับหรือแอดไลน์ {lid}',
                                             '【链家】您关注的小区有新房源，总价低于市场价，详询本人电话，退订回T'],
                       'car_sales_agent': ['โปรรถใหม่เดือนนี้ ดาวน์ 0% ดอกเบี้ย 0% ทดลองขับได้ที่โชว์รูม โทรหาผมได้เลยครับ',
                                           '本月新车置换补贴最高2万，欢迎到店试驾，有问题随时打我电话'],
                       'insurance_agent': ['ประกันสุขภาพเหมาจ่าย เบี้ยเริ่มวันละ 20 บาท สนใจทักไลน์ {lid} ครับ',
                                           '您好，我是您的保险顾问，重疾险今年有优惠，有需要可以回电咨询']}[kind]
                txt = txt[0] if self.cc == '66' else txt[1]
                t0 = self.tsample('office')
                for j in range(r.randint(15, 60)):
                    tgt = self.any_domestic(0.55)
                    self.sms(a, tgt, t0 + j * int(r.uniform(15, 60) * 1000), self.fill(txt, t0))

    def couriers(self):
        r = self.r
        C = self.C
        for i in range(self.vcount(20, 40, 3)):
            reg = r.choice(C['urban'])
            a = self.claim(self.pick_sub(reg))
            if a.net != 'onnet':
                continue
            a.tag = 'rider'
            ride = r.random() < 0.3
            kind = 'ride_hailing_driver' if ride else 'delivery_rider'
            self.look.append((a.num, kind))
            tt, cc_ = [], []
            t = 0
            while t < self.end:
                tt.append(t)
                cc_.append(r.choice(self.cells[reg]))
                t += int(r.uniform(8, 25) * 60000)
            a.track_t, a.track_c = tt, cc_
            rate = r.uniform(1.5, 4) if ride else r.uniform(6, 14)
            for t in self.ptimes(0, self.end, rate, 'delivery'):
                tgt = self.any_domestic(0.55) if r.random() < 0.3 else (r.choice(self.reg_subs[reg]) if self.reg_subs[reg] else r.choice(self.subs))
                if isinstance(tgt, str):
                    self.call(a, tgt, t, 0)
                    continue
                ans = self.avail(tgt, t) and tgt.net != 'international' and r.random() < 0.75
                self.call(a, tgt, t, int(r.uniform(8, 60)) if ans else 0)
                if not ans:
                    if r.random() < 0.5:
                        txt = (r.choice(['Flash ครับ ของมาส่งแล้ว อยู่หน้าบ้านครับ', 'Kerry มาส่งพัสดุครับ ฝากไว้ที่ป้อมยามได้ไหมครับ',
                                         'ถึงจุดรับแล้วครับ รถสีขาว', 'J&T ครับ โทรกลับด้วยครับ']) if self.cc == '66'
                               else r.choice(['快递到了，放驿站可以吗？', '您好，外卖到了，在楼下', '师傅到了，白色车，尾号{n}', '顺丰快递，家里有人吗']))
                        self.sms(a, tgt, t + int(r.uniform(20, 120) * 1000), self.fill(txt, t))
                    if tgt.ours and tgt.net == 'onnet' and r.random() < 0.35:
                        self.call(tgt, a, t + int(r.uniform(1, 20) * 60000), int(r.uniform(8, 50)))

    def dispatchers(self):
        r = self.r
        C = self.C
        for i in range(self.vcount(2, 4, 1)):
            reg = r.choice(C['urban'])
            cell = [r.choice(self.cells[reg])]
            d = self.look_node(self.new_mob(True), 'onnet', 'dispatcher', reg, cell) if r.random() < 0.6 else \
                self.look_node(self.new_land(reg), 'national', 'dispatcher')
            fleet = [self.our_sub(reg) for _ in range(r.randint(12, 35))]
            for t in self.ptimes(0, self.end, len(fleet) * r.uniform(1.0, 2.5), 'delivery'):
                drv = r.choice(fleet)
                if r.random() < 0.35 and drv.net == 'onnet':
                    self.p2p(drv, d, t, 0.9, depth=1, med=25)
                else:
                    self.p2p(d, drv, t, 0.8, depth=1, med=25)

    def list_senders(self):
        r = self.r
        C = self.C
        for i in range(self.vcount(2, 4, 1)):
            reg = r.choice(self.reg_names)
            s = self.look_node(self.new_mob(True), 'onnet', 'school_parent_sms', reg, [r.choice(self.cells[reg])])
            parents = [r.choice(self.reg_subs[reg] or self.subs) for _ in range(r.randint(80, 350))]
            if self.offs_by_reg.get(reg):
                parents += [r.choice(self.offs_by_reg[reg]) for _ in range(len(parents) // 2)]
            txt = r.choice(['โรงเรียนวัดใหม่ แจ้งผู้ปกครอง: พรุ่งนี้ ({dd}/{mm}) งดการเรียนการสอนเนื่องจากใช้สถานที่จัดสอบ',
                            'โรงเรียนอนุบาลบ้านสวน: ขอเชิญผู้ปกครองประชุมวันศุกร์ 09.00 น. รายละเอียด https://www.facebook.com/anubanbansuan'] if self.cc == '66'
                           else ['【实验小学】各位家长：明天({mm}月{dd}日)下午举行家长会，请准时参加。', '【育才中学】通知：本周五放假一天，详见 https://mp.weixin.qq.com/s/{c}'])
            t = self.tsample('office')
            txt = self.fill(txt, t)
            for p in parents:
                self.sms(s, p, t, txt)
                if isinstance(p, Node) and p.ours and p.net == 'onnet' and r.random() < 0.04:
                    self.sms(p, s, t + int(r.uniform(1, 60) * 60000), r.choice(['รับทราบค่ะ', 'ขอบคุณครับ'] if self.cc == '66' else ['收到', '好的谢谢']))
                t += int(r.uniform(3, 12) * 1000)
        for i in range(self.vcount(3, 6, 1)):
            reg = r.choice(self.reg_names)
            shop = self.pick_sub(reg)
            self.claim(shop)
            if shop.net != 'onnet':
                continue
            self.look.append((shop.num, 'shop_customer_sms'))
            custs = [r.choice(self.reg_subs[reg] or self.subs) for _ in range(r.randint(50, 250))]
            txt = r.choice(['ร้านกาแฟบ้านสวน: ลด 20% ทุกเมนูวันนี้ถึงวันศุกร์ ดูเมนู https://bit.ly/{c}',
                            'ร้านเสริมสวย: โปรทำสีผม 599 บ. จองคิว LINE {lid} หรือ https://lin.ee/{c}'] if self.cc == '66'
                           else ['【小杨水果店】今日车厘子特价39.9一斤，微信下单送货上门 https://u.jd.com/{c}', '【美发店】会员日全场8折，预约回电本号码'])
            t = self.tsample('office')
            txt = self.fill(txt, t)
            for c in custs:
                self.sms(shop, c, t, txt)
                if c.ours and c.net == 'onnet' and r.random() < 0.03:
                    self.call(c, shop, t + int(r.uniform(5, 120) * 60000), self.talk(60))
                t += int(r.uniform(2, 20) * 1000)

    def iot(self):
        r = self.r
        C = self.C
        n = max(5, int(self.N * 0.007))
        platforms = []
        for _ in range(r.randint(2, 4)):
            reg = r.choice(C['urban'])
            platforms.append(self.new_mob(True) if r.random() < 0.5 else self.new_land(reg))
        tac = r.choice(TACS['module'])
        ser = r.randrange(800000)
        i = 0
        while i < n:
            kind = self.wchoice([('meter', 0.45), ('tracker', 0.25), ('alarm', 0.15), ('vending', 0.15)])
            reg = r.choice(self.reg_names)
            group = r.randint(1, 6) if kind == 'vending' else 1
            cell = r.choice(self.cells[reg])
            owner = self.our_sub(reg)
            plat = r.choice(platforms)
            for g in range(group):
                i += 1
                num = self.new_mob(True, pool=['147', '172'] if self.cc == '86' else None)
                s = self.look_node(num, 'onnet', 'iot_sim', reg, [cell], make_imei(tac if r.random() < 0.7 else r.choice(TACS['module']), ser + i))
                s.lang = 'en'
                if kind == 'tracker':
                    tt, cc_ = [], []
                    t = 0
                    while t < self.end:
                        tt.append(t)
                        cc_.append(r.choice(self.cells[reg]))
                        t += int(r.uniform(5, 30) * 60000)
                    s.cells = None
                    s.track_t, s.track_c = tt, cc_
                if kind in ('meter', 'vending'):
                    period = r.choice([15, 30, 60]) * 60000
                    t = r.randrange(period)
                    dev = 'MTR' if kind == 'meter' else 'VND'
                    sid = self.d(6)
                    while t < self.end:
                        txt = '%s;ID=%s;V=%.1f;T=%.1f;ST=%s' % (dev, sid, r.uniform(11.8, 12.9), r.uniform(24, 38), 'OK' if r.random() < 0.97 else 'ERR')
                        self.sms(s, plat, t + int(r.uniform(-30, 30) * 1000), txt)
                        t += period
                elif kind == 'tracker':
                    period = r.choice([10, 20, 30]) * 60000
                    t = r.randrange(period)
                    while t < self.end:
                        txt = 'GPS lat:%.5f lon:%.5f spd:%d bat:%d%%' % (
                            (13.75 if self.cc == '66' else 31.2) + r.uniform(-0.2, 0.2),
                            (100.5 if self.cc == '66' else 121.4) + r.uniform(-0.2, 0.2), r.randint(0, 90), r.randint(20, 100))
                        self.sms(s, owner, t, txt)
                        t += period
                else:
                    if r.random() < 0.25:
                        t = r.randrange(self.end)
                        self.sms(s, owner, t, 'ALARM ZONE %d %s' % (r.randint(1, 8), r.choice(['DOOR', 'PIR', 'SMOKE'])))
                        self.call(s, owner, t + 20000, int(r.uniform(0, 30)))
                    if r.random() < 0.5:
                        self.sms(s, plat, r.randrange(self.end), 'HB OK')

    def offshore_desk(self):
        r = self.r
        C = self.C
        for i in range(1 if self.sc < 0.8 else 2):
            reg = C['urban'][0]
            nums = self.block(lambda: self.land_raw(reg), r.randint(2, 5))
            agents = [self.look_node(x, 'international', 'offshore_service_desk') for x in nums]
            self.center(agents, r.uniform(15, 40), 'office', lambda: self.our_sub(), r.uniform(0.45, 0.6),
                        lambda: self.talk(200, 0.8, 10, 1500), retry=0.3, cb=0.1)

    def pbx_trunk(self):
        r = self.r
        for i in range(self.vcount(1, 2, 1)):
            reg = r.choice(self.C['urban'][:3])
            main = self.look_node(self.new_land(reg), 'national', 'enterprise_pbx_trunk')
            self.center([main], r.uniform(30, 90) * self.sc, 'office', lambda: self.our_sub(), 0.65,
                        lambda: self.talk(120, 0.9, 5, 1800), retry=0.1, cb=0.2)
            for t in self.ptimes(0, self.end, r.uniform(20, 60) * self.sc, 'office'):
                c = self.our_sub()
                self.call(c, main, t, self.talk(180, 0.8, 10, 1800))

    def privacy_numbers(self):
        """number masking platforms (AXB) used by delivery / ride-hailing apps (China)"""
        r = self.r
        if self.cc != '86':
            return
        pool = [self.look_node(self.new_mob(False, pool=self.C['virtual_mob']), 'national', 'privacy_number_platform')
                for _ in range(self.vcount(15, 35, 4))]
        for v in pool:
            for t in self.ptimes(0, self.end, r.uniform(8, 25), 'delivery'):
                c = self.our_sub()
                ans = self.avail(c, t) and r.random() < 0.8
                self.call(v, c, t, int(r.uniform(8, 90)) if ans else 0)
                if not ans and r.random() < 0.3:
                    self.call(c, v, t + int(r.uniform(1, 15) * 60000), int(r.uniform(10, 60)))

    def police_warnings(self):
        r = self.r
        C = self.C
        if self.cc == '86':
            lines = []
            for _ in range(r.randint(2, 4)):
                lines.append(self.look_node(self.new_land(r.choice(C['urban'])), 'national', 'police_antifraud_warning'))
            for (v, t, cls) in self.scam_answered + self.victims:
                if v.net == 'onnet' and r.random() < 0.12:
                    tt = t + int(r.uniform(10, 90) * 60000)
                    ans = r.random() < 0.55
                    self.call(r.choice(lines), v, tt, self.talk(150, 0.6, 20, 900) if ans else 0)
                    if not ans:
                        self.sms(r.choice(lines), v, tt + 60000,
                                 '【反诈中心】您好，我们监测到您近期接到疑似诈骗电话，凡是要求转账、提供验证码的都是诈骗，请回电本号码核实。')
        sender = self.look_node(self.new_land(C['urban'][0]), 'national', 'government_notice_sender')
        txt = ('ตำรวจไซเบอร์เตือน: มิจฉาชีพแอบอ้างเป็นเจ้าหน้าที่/ธนาคาร ส่งลิงก์ให้กรอกข้อมูล อย่ากดลิงก์ แจ้งเหตุ 1441 หรือ https://www.thaipoliceonline.go.th'
               if self.cc == '66' else '【国家反诈中心】提醒：凡是自称公检法要求转账的都是诈骗，凡是陌生链接要求输入验证码的都是诈骗。下载国家反诈中心APP')
        reg = r.choice(self.reg_names)
        t = self.tsample('office')
        for n in (self.reg_subs[reg] or self.subs)[:max(50, int(self.N * 0.03))]:
            if n.net == 'onnet':
                self.sms(sender, n, t, txt)
                t += int(r.uniform(50, 400))

    # ============================================================== output
    def fmt_num(self, num, route, is_caller):
        r = self.r
        if not num or not num[0].isdigit() or len(num) <= 6:
            return num  # short code
        cc = self.cc
        if num.startswith(cc):
            nsn = num[len(cc):]
            x = r.random()
            if route == 'onnet':
                w = (0.7, 0.9, 0.98)
            elif route == 'national':
                w = (0.55, 0.85, 0.97)
            else:
                w = (0.35, 0.8, 0.9)
            if cc == '86' and len(nsn) == 11 and nsn[0] == '1' and nsn[1] in '3456789':
                if x < w[0]:
                    return nsn
                if x < w[1]:
                    return '+' + num
                if x < w[2]:
                    return num
                return '00' + num
            if x < w[0]:
                return '0' + nsn
            if x < w[1]:
                return '+' + num
            if x < w[2]:
                return num
            return '00' + num
        x = r.random()
        if x < 0.6:
            return '+' + num
        if x < 0.9 or (cc == '86' and len(num) == 11 and num[0] == '1'):
            return '00' + num  # a bare NANP number would read as a Chinese mobile
        return num

    def ts_style(self):
        """0 epoch ms, 1 UTC 'Z' with ms, 2 UTC 'Z' seconds, 3 local offset with ms, 4 local offset seconds"""
        x = self.r.random()
        if x < 0.08:
            return 0
        if x < 0.25:
            return 1 if self.r.random() < 0.5 else 2
        return 3 if x < 0.4 else 4

    def fmt_ts(self, t, style):
        ms = self.base_ms + t
        if style == 0:
            return ms
        if style in (1, 2):
            s = _utc(ms // 1000).strftime('%Y-%m-%dT%H:%M:%S')
            return s + ('.%03d' % (ms % 1000) if style == 1 else '') + 'Z'
        s = _utc(ms // 1000 + self.tz * 3600).strftime('%Y-%m-%dT%H:%M:%S')
        return s + ('.%03d' % (ms % 1000) if style == 3 else '') + '+%02d:00' % self.tz

    def write(self, out):
        r = self.r
        os.makedirs(out, exist_ok=True)
        styled = []
        for rec in self.recs:
            st = self.ts_style()
            t = rec[0]
            styled.append((t - t % 1000 if st in (2, 4) else t, rec[1], st, rec))
        styled.sort(key=lambda x: (x[0], x[1]))
        with open(os.path.join(out, 'records.jsonl'), 'w', encoding='utf-8', newline='\n') as f:
            for (_, _, st, (t, seq, kind, a, b, route, dur, ans, dev, text)) in styled:
                o = {'kind': kind, 'ts': self.fmt_ts(t, st), 'caller': self.fmt_num(a, route, True),
                     'callee': self.fmt_num(b, route, False)}
                if kind == 'call':
                    o['duration_s'] = dur
                    if ans is not None and ans != (dur > 0):
                        o['answered'] = ans
                    elif r.random() < 0.4:
                        o['answered'] = dur > 0
                o['route'] = route
                if dev is not None:
                    o['imsi'], o['imei'], o['cell_id'] = dev
                if text is not None:
                    o['text'] = text
                f.write(json.dumps(o, ensure_ascii=False, separators=(',', ':')) + '\n')
        for m in self.migrants:
            if m.num in self.mig_intl:
                self.look.append((m.num, 'migrant_worker_calling_home'))
        fraud, look = [], []
        seen = set()
        for num, cls in self.fraud:
            if num in self.callers and num not in seen:
                seen.add(num)
                fraud.append({'number': '+' + num, 'class': cls})
        for num, kind in self.look:
            if num in self.callers and num not in seen:
                seen.add(num)
                look.append({'number': '+' + num, 'kind': kind})
        labels = {'seed': self.args.seed, 'subscribers': self.N, 'hours': self.args.hours,
                  'country': self.args.country, 'fraud': fraud, 'lookalikes': look}
        with open(os.path.join(out, 'labels.json'), 'w', encoding='utf-8', newline='\n') as f:
            json.dump(labels, f, ensure_ascii=False, indent=1)
            f.write('\n')
        return len(self.recs), fraud, look

    def run(self):
        self.build()
        self.special_people()
        self.graph()
        self.setup_simboxes()
        self.businesses()
        self.social()
        self.services()
        self.a2p()
        # fraud
        for _ in range(2 if self.sc >= 0.5 else 1):
            self.callcenter_border()
        self.callcenter_intl()
        self.simbox_traffic()
        self.wangiri()
        self.smishing()
        self.spoofing()
        self.victim_followups()
        # benign look-alikes
        self.telesales()
        self.debt_collection()
        self.bank_fraud_desk()
        self.clinics()
        self.surveys()
        self.agents()
        self.couriers()
        self.dispatchers()
        self.list_senders()
        self.iot()
        self.offshore_desk()
        self.pbx_trunk()
        self.privacy_numbers()
        self.police_warnings()


def main(argv=None):
    ap = argparse.ArgumentParser(description='Labelled synthetic telecom traffic (scam-call detection test data)')
    ap.add_argument('--out', required=True)
    ap.add_argument('--subscribers', type=int, default=20000)
    ap.add_argument('--hours', type=float, default=4)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--country', choices=['th', 'cn'], default='th')
    ap.add_argument('--start', default='2024-05-14')
    a = ap.parse_args(argv)
    if a.hours == int(a.hours):
        a.hours = int(a.hours)
    t0 = time.time()
    g = Gen(a)
    g.run()
    n, fraud, look = g.write(a.out)
    sys.stderr.write('wrote %d records, %d fraud numbers, %d look-alike numbers in %.1fs\n'
                     % (n, len(fraud), len(look), time.time() - t0))


if __name__ == '__main__':
    main()
