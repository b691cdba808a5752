#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""
gen6.py - labelled, MULTI-DAY synthetic mobile-network traffic for testing a
scam-call / telecom-fraud detection engine.

    python3 gen6.py --out DIR --subscribers N --days D --seed S --country th|cn
                    [--start YYYY-MM-DD]

Writes DIR/records.jsonl (one call/SMS record per line, in time order) and
DIR/labels.json (fraud numbers + benign look-alike numbers).  Uses only the
Python 3 standard library.  The same arguments always produce byte-identical
output: a single random.Random(seed) is used, and no set/dict iteration order
depending on string hashing ever feeds the random stream.

The generator was written from public descriptions of telecom fraud and of
ordinary mobile traffic, not from any detection engine's source or rules.
Everything below is synthetic; bank/courier/shop names are fictional (scam
texts impersonate public bodies the way real scams do).

WHY MULTI-DAY
-------------
Existing generators produce a few hours.  This one simulates D days (default
3) of one home network, so the data shows how each number behaves from day
to day: legitimate businesses re-appear every business day with the same
numbers, on the same cells, working one shared customer book; fraud numbers
appear for hours or a day and are replaced by fresh numbers in the same
handsets / racks / campaigns.  A future engine that keeps a per-number (or
per-IMEI, per-cell, per-B-number) memory across days should find the
difference here.

THE HOME NETWORK
----------------
--country th : Thai operator, +66, MCC 520 / MNC 03, local time +07:00.
    Mobiles 0[689]x xxx xxxx (NSN 9 digits, prefixes 61-66, 80-99, mixed
    between operators because of number portability).  Landlines 02 xxx xxxx
    (Bangkok) and 0AA xxx xxx (provinces, 8-digit NSN).
--country cn : Chinese operator, +86, MCC 460 / MNC 00, local time +08:00.
    Our mobiles come from China-Mobile-style prefixes (134-139, 147, 15x, 178,
    18x, 198); other operators' subscribers use Unicom/Telecom prefixes.
    Landlines 0 + area code + 7/8-digit local number (010, 020, 021, 0755,
    0692 ...).  Home mobiles are usually written as the bare 11-digit number
    (13812345678), exactly as Chinese switches write them.
Regions (cities, provinces, and BORDER towns) each have a block of cells.
Cell ids look like "MCC-MNC-LAC-CI".  Border regions: TH Mae Sot (opposite
Myawaddy), Aranyaprathet (opposite Poipet), Mae Sai (opposite Tachileik),
Nong Khai (Laos); CN Ruili/Dehong (Myanmar), Zhenkang/Lincang (Kokang),
Mengla/Xishuangbanna (Laos/Myanmar), Dongxing (Vietnam).  Ordinary people
live in border towns too (about 7 % of subscribers), so a border cell on its
own is not a fraud signal.

The simulation starts at local midnight of --start (default Monday
2025-03-03) and runs 24*D hours; weekdays/weekends matter (offices close at
weekends, weekend mornings start later).

RECORD FORMAT (what the engine reads)
-------------------------------------
{"kind": "call"|"sms", "ts": ..., "caller": ..., "callee": ...,
 "duration_s": int (calls only), "answered": bool, "imsi", "imei", "cell_id",
 "route": "onnet"|"national"|"international", "text": str (SMS only)}
* route = where the record entered OUR network: "onnet" = originated by a
  handset attached to our network (then imsi/imei/cell_id are present);
  "national" = arrived from another domestic operator (no imsi);
  "international" = arrived from the international gateway (no imsi).
* ts is mostly RFC 3339 in local time with offset (2025-03-03T14:22:05+07:00);
  about 1 % of records carry UTC "Z" timestamps with milliseconds and about
  1 % integer epoch milliseconds; SMSC/A2P and IoT records mostly use epoch
  milliseconds (as an SMSC export would).
* Number formats are deliberately mixed, as on real switches:
  caller of onnet records is mostly +66... (th) / bare 11-digit (cn), with
  some 66.../0... or +86.../86... variants; callees are written "as dialled"
  (0812345678, 13812345678, 0755..., 00216..., +44..., short codes 1669,
  10086, 95588 as dialled); national-route callers mostly in national format;
  international-route callers mostly +CC... or 00CC...  Home numbers arriving
  on the international route (roamers, overseas desks, spoofers) appear as
  +66..., 66... or even 0... .
* A few optional fields are missing on purpose: "answered" is omitted on
  about 2 % of records (it then equals duration_s > 0), cell_id on about
  0.5 % of onnet records, route on about 0.2 % of onnet records (imsi is
  still present).  No record is syntactically damaged.
* Every number is a possible-length number for its country (libphonenumber
  lengths); SMS senders are always phone numbers (no alphanumeric IDs: A2P
  traffic uses long numbers).

VOLUME AND TIME
---------------
About 25-40 k records per hour at 20 000 subscribers (about 30 k on average;
fewer at night), following a diurnal curve: low 01:00-05:00, a ramp from
06:00, plateau 09:00-20:00 with evening peak, decline after 21:00.  Weekend
mornings are slower.  Output is written hour by hour, sorted by time.

ORDINARY SUBSCRIBERS (not labelled)
-----------------------------------
* N subscribers (our SIMs), each living in a region, with a home cell, a work
  cell (70 %) and neighbouring cells; on weekdays 09-17 they are mostly at
  the work cell, otherwise at home, sometimes elsewhere in the region.
* Social graph: 3-120 contacts each (lognormal, median about 18), mostly
  people "near" them in their region's community (so friends share friends and
  links are mostly reciprocal), 45 % (th) / 60 % (cn) on-net, the rest other
  operators' mobiles; plus 0-2 local business landlines.  Contact choice is
  Zipf-like: a few close contacts receive most calls.
* Activity weights are lognormal; about 4 % are heavy users (x4).
* Outgoing calls: 72 % answered, lognormal talk time (median about 1 min,
  long tail).  Missed calls are followed by a CALL-BACK from the callee
  (50 %, minutes later) or a RETRY by the caller (25 %).  Calls to strangers
  (3 %: wrong numbers, new contacts).
* Incoming calls and SMS from other operators' subscribers (route national),
  with the same miss -> call-back behaviour.
* SMS conversations: 1-6 alternating messages between two people, in Thai /
  Chinese / English (and Burmese, Khmer, Lao, Vietnamese for migrants), with
  emoji, and occasionally shared links (YouTube, TikTok/Douyin, shopee/taobao
  short links, map links) - benign short links exist in P2P chatter too.
* Calls to home short codes (TH 1669, 191, 1175, 1333, 1441 ...; CN 10086, 110,
  120, 12345, 95588 ...) with IVR-like durations; CN users also text 10086
  balance/data queries (CXYE, CXLL).
* International: 5 % of people have relatives abroad (US, UK, AU, JP, KR,
  DE, SG, TW, HK, MY ...) who call them over the international route and
  whom they call.
* Dual-SIM phones: about 1.5 % of people carry a second SIM of ours in the
  same phone; the second SIM reports the same IMEI (cheap handsets, about
  35 % - labelled dual_sim_shared_imei) or the next IMEI of the device.
* People switching phones: about 0.3 %/day buy a new phone (new IMEI from a
  popular model); 30 % of the old phones are passed to a family member on
  our network, whose SIM then appears in the old IMEI (the receiver is
  labelled handset_passed_to_family).  About 0.05 %/day change their number
  but keep the phone (old and new number share the IMEI; labelled
  new_number_same_handset).
* Roamers (outbound): about 0.5 % of people travel abroad for 2-9 days.  While
  abroad their calls to home contacts arrive on the INTERNATIONAL route
  presenting their OWN HOME NUMBER without imsi/imei/cell (a benign twin of
  caller-ID spoofing); they call fewer people (family) and mostly stop SMS.
  Before/after the trip the same number is seen on-net.  Labelled
  roamer_calling_home (only if such a call occurred).
* Migrant workers: about 1.2 % (th: Myanmar/Cambodian/Lao workers, in
  Bangkok, Chonburi, Mae Sot ...; cn: Myanmar/Vietnamese workers in Yunnan
  and Guangxi border towns and Guangdong) call 2-5 home-country numbers
  almost daily, long evening calls, and receive calls from home.  Labelled
  migrant_worker_calling_home.
* Inbound roamers (tourists): foreign numbers with foreign IMSIs (MCC 460,
  450, 502, 250, 234, 310, 440, 525, 520 ...) attached to our cells in tourist
  regions, calling home and local hotels/taxis.  route onnet.  Labelled
  inbound_roamer.

LEGITIMATE BUSINESSES (benign look-alikes, labelled in "lookalikes")
--------------------------------------------------------------------
* Telesales offices (bank credit cards, insurance) and debt-collection
  agencies (kinds telesales_call_center, debt_collection_agency).  Each
  office sits on ONE cell (plus the neighbouring cell) every business day.
  Agents use either corporate SIMs of ours (consecutive corporate number
  block, sequential IMSIs, one desk handset each, same model) or a PBX whose
  DID numbers (consecutive landlines) reach our subscribers over the national
  route.  All agents dial from ONE SHARED BOOK per office (a queue that
  persists across days): unanswered leads are retried on later days by
  whichever agent is free, interested leads get follow-ups, debtors are
  called every day (up to 3 attempts a day) and sometimes their references
  (debtor's contacts).  So across days agents call people their colleagues
  called.  Answer rates are low (28-32 %), many answered calls are 2-15 s
  hang-ups, the rest 20 s - 12 min.  Hours 08:30-18:30 with lunch; debt
  collectors also on Saturday morning; ~7 % of agents absent per day; staff
  turnover puts a new SIM into an existing desk handset.  Some missed
  customers CALL BACK the agent number or the office hotline and are answered
  in office hours.  Collectors also text payment reminders, telesales text
  product info with their bank's own domain.
* Courier riders (delivery_rider): ordinary subscribers who, Mon-Sat
  09-19, call 25-65 different strangers per day (the day's recipients) with
  short calls, moving through a district's cells; missed recipients get an
  SMS ("I'm at your door") and a retry; recipients call back.
* Taxi dispatchers (dispatcher): 1-2 dispatcher SIMs on one cell, 24 h
  with morning/evening peaks; customers (regulars and strangers) call in,
  the dispatcher calls drivers from a fixed fleet (drivers are subscribers),
  then calls or texts the customer with the plate number.
* Shops texting their own customers (small_business_sms_promo): a shop
  owner's own SIM (the owner also has a normal social life) sends one
  promotion to its own customer list (60-350, mostly local) on some days,
  a message every 2-10 s, each shop with its OWN fixed wording and its own
  link (LINE OA lin.ee link, Facebook page, own domain, or only a phone
  number; CN shops end with "退订回T"); a few customers reply or call.
* Notification / A2P senders (notification_sender): fictional banks' alerts
  and OTPs WITHOUT links, couriers' tracking messages with links on their own
  domain, utility bills, e-commerce OTPs, the operator's own notices - from
  a handful of fixed long numbers each, via the national route (SMSC epoch
  timestamps), to about 4 messages per subscriber per day.
* IoT SIMs (iot_sim): consecutive SIM blocks in radio modules (module TACs
  shared with SIM-box hardware!): smart meters texting readings every 30/60
  min from a fixed cell, GPS trackers every ~10 min during trips while
  moving along cells, alarm panels with a daily heartbeat and rare alarm
  calls, vending machines.  IoT platform numbers (iot_platform) text config
  messages to hundreds of devices at night (one sender, many recipients,
  identical text - benign).
* Overseas service desks (overseas_service_desk): outsourced desks abroad
  that present 2-4 of the company's LOCAL landline numbers on the
  INTERNATIONAL route, calling the company's customers in business hours
  every weekday; customers call those numbers back (answered).

FRAUD (labelled in "fraud"; well under 1 % of numbers)
------------------------------------------------------
* callcenter - scam call centres, mostly in BORDER areas (cells of the
  border towns above).  Each centre has a few seats; each seat is a cheap
  handset (stable IMEI, the same handsets every day).  SIMs come in bulk
  batches (near-consecutive numbers and IMSIs).  A SIM makes 150-900 calls
  (a few hours up to about a day of work) and then disappears; minutes later
  a new SIM appears in the same handset (sometimes a SIM moves to another
  handset of the same centre).  Centres work 7 days, 09-12, 13-18 and often
  19-22.  Each seat dials strangers from leaked lists (or sequential number
  blocks, including vacant numbers), ~50 calls/hour, 20 % answered, most
  answered calls are quick hang-ups, a few victims stay on for 5-45 min and
  are called again on following days (from whatever SIM the seat has then).
  New SIMs often make a short test call to a colleague's SIM.  Victims
  rarely call back.  No social traffic, no SMS.
* simbox - SIM boxes whose racks stay on the same cell(s) for days while SIMs
  are replaced when blocked:
  - bypass: interconnect bypass gateway (module TAC, consecutive port
    IMEIs).  Terminates diverted international calls as local calls: calls
    follow the international demand curve (evening/weekend), human-like
    answer rates and durations, B-parties are real families repeatedly called
    from abroad (the same B-numbers get calls from different SIMs on
    different days); never answers incoming calls; SIMs live 1.5-5 days.
  - evasive bypass: per-SIM daily call caps (25-40 calls), bigger rotating
    SIM pool, randomised IMEIs that look like handsets, cover SMS between
    the rack's SIMs and to a few "friend" numbers, occasional calls between
    the rack's SIMs, and SIMs hopping between 3 neighbouring cells.
  - goip relay: a GoIP box in a rented flat in a city remotely driven by a
    scam centre abroad: scam-like calls to strangers (low answer, short),
    SIMs burnt in hours, reloaded quickly into the same ports.
* spoofed_caller_id - campaigns that arrive on the INTERNATIONAL route
  presenting DOMESTIC numbers: "authority" campaigns present a reused pool of
  capital-city landline numbers (police / court / bank-HQ style), "mobile"
  campaigns present a fresh pool of unassigned domestic mobile numbers each
  day (a few carried over); both recur on most days in 1-3 bursts of up to
  ~2 h at several calls per second overall; low answer rate, mostly short
  calls; some victims call the presented number back (authority numbers
  are answered by the real office).
* wangiri - one-ring calls (unanswered, duration 0) from consecutive premium
  numbers of exotic ranges (Tunisia, Mauritania, Moldova, Papua New Guinea,
  Sierra Leone, Guinea, Latvia, Belarus, Bosnia, Cuba ...) in bursts of
  hundreds, sweeping random and sequential blocks of our subscribers,
  recurring daily (late evening / night / early morning), the same numbers
  across days; 3-6 % of victims call back (answered premium-rate recording,
  15-240 s), often the next morning; some call twice.
* smishing - SMS farms: modem banks / phone racks in a city (one is a mobile
  farm moving along cells) that get 2-4 fresh SIMs (bulk batch, consecutive
  numbers) every day; each SIM sends 150-550 SMS, one every 3-15 s, then is
  blocked; the next SIM goes into the same modem (same IMEI).  Texts
  impersonate utilities (electricity refund), couriers (parcel fee), banks
  (account suspended / points expiring), tax refunds, loans, job offers,
  gambling, "your boss" (cn); every message is a re-worded variant with
  random amounts/codes, and links are look-alike domains on cheap TLDs
  (rotating daily), URL shorteners or LINE/QQ/WeChat ids.  Targets are
  sequential number blocks and leaked lists, on-net and off-net.  A few
  recipients reply "?" / "STOP" or call the number (unanswered).  A smaller
  stream arrives on the international route from foreign mobile numbers
  (PH, VN, KH, ID) - also labelled smishing.

SCALING
-------
Actor counts scale with N/20000 (offices, riders, shops, IoT, desks,
tourists; fraud centres, racks, ports, seats, campaigns), with at least one
of each kind, so fraud stays a small share of numbers at any N.  At 20 000
subscribers and 3 days: about 2 million records, ~120 fraud numbers (~0.3 %
of distinct callers), ~1 200 look-alike numbers.

LABELS
------
labels.json = {"seed", "subscribers", "hours", "country", "fraud": [{number,
class}], "lookalikes": [{number, kind}]}.  Numbers are E.164 with "+".  A
number is labelled only if it appears as a caller (SMS sender) in the
records (roamers only if they placed an international-route call).  Fraud
classes: callcenter, simbox, smishing, spoofed_caller_id, wangiri.
Look-alike kinds: telesales_call_center, debt_collection_agency,
delivery_rider, dispatcher, small_business_sms_promo, notification_sender,
iot_sim, iot_platform, overseas_service_desk, roamer_calling_home,
migrant_worker_calling_home, inbound_roamer, dual_sim_shared_imei,
handset_passed_to_family, new_number_same_handset.  Everything else
(ordinary people, their off-net friends, relatives abroad, victims) is
unlabelled normal traffic.
"""

import argparse
import datetime
import heapq
import json
import math
import os
import random
import sys
import time
from collections import deque

# ----------------------------------------------------------------- time curves
_DI = [1.6, 0.95, 0.6, 0.5, 0.55, 1.0, 2.2, 3.6, 5.0, 5.8, 6.2, 6.3,
       6.2, 5.9, 5.9, 6.0, 6.1, 6.4, 6.6, 6.6, 6.2, 5.2, 3.8, 2.4]
DIURNAL = [x * 24.0 / sum(_DI) for x in _DI]
_WE = [1.8, 1.1, 0.7, 0.55, 0.5, 0.7, 1.2, 2.0, 3.4, 4.8, 5.8, 6.3,
       6.4, 6.2, 6.0, 6.0, 6.1, 6.3, 6.5, 6.6, 6.4, 5.6, 4.3, 2.8]
DIURNAL_WE = [x * 24.0 / sum(_DI) * 0.95 for x in _WE]
# migrants / relatives abroad: evening heavy
_IN = [1.0, 0.5, 0.3, 0.2, 0.2, 0.4, 1.0, 2.0, 2.6, 2.8, 3.0, 3.2,
       4.0, 3.5, 3.0, 3.0, 3.2, 4.0, 5.5, 7.5, 8.5, 8.0, 5.5, 2.5]
INTL_PROF = [x * 24.0 / sum(_IN) for x in _IN]
# A2P: OTPs / alerts follow activity, a bit flatter
_A2 = [1.0, 0.6, 0.4, 0.35, 0.4, 0.8, 2.0, 3.6, 5.2, 6.3, 6.6, 6.6,
       6.4, 6.2, 6.1, 6.0, 6.0, 6.0, 5.8, 5.5, 5.0, 4.2, 3.0, 1.8]
A2P_PROF = [x * 24.0 / sum(_A2) for x in _A2]
# taxi demand
_TX = [2.0, 1.4, 0.8, 0.5, 0.6, 1.2, 3.0, 5.5, 6.0, 4.0, 3.5, 3.5,
       3.8, 3.5, 3.5, 3.8, 4.5, 6.0, 6.5, 5.5, 4.5, 4.0, 3.5, 2.8]
TAXI_PROF = [x / sum(_TX) for x in _TX]

HOUR = 3600000
DAY = 86400000

# ------------------------------------------------------------ foreign numbers
# code -> (country calling code, national prefixes, free digits after prefix,
#          first free digit must be 2-9)
FOREIGN = {
    'US': ('1', ['212', '415', '626', '718', '213', '646', '917', '408', '702'], 7, True),
    'CA': ('1', ['416', '604', '647', '778', '514'], 7, True),
    'GB': ('44', ['74', '75', '77', '78', '79'], 8, False),
    'AU': ('61', ['4'], 8, False),
    'JP': ('81', ['80', '90', '70'], 8, False),
    'KR': ('82', ['10'], 8, False),
    'SG': ('65', ['8', '9'], 7, False),
    'DE': ('49', ['151', '152', '170', '171', '176'], 8, False),
    'TW': ('886', ['9'], 8, False),
    'HK': ('852', ['5', '6', '9'], 7, False),
    'MO': ('853', ['62', '66', '68'], 6, False),
    'MY': ('60', ['12', '13', '16', '17', '19'], 7, False),
    'CN': ('86', ['138', '139', '186', '135', '189', '158', '177'], 8, False),
    'TH': ('66', ['81', '89', '92', '95', '61', '86'], 7, False),
    'RU': ('7', ['9'], 9, False),
    'FR': ('33', ['6', '7'], 8, False),
    'MM': ('95', ['975', '976', '977', '978', '979'], 7, False),
    'KH': ('855', ['70', '77', '78'], 6, False),
    'LA': ('856', ['202', '205', '207', '209'], 7, False),
    'VN': ('84', ['90', '91', '93', '94', '96', '97', '98', '35', '36', '37', '38', '39',
                  '70', '76', '77', '78', '79', '81', '82', '83', '84', '85'], 7, False),
    'PH': ('63', ['905', '906', '915', '917', '918', '926', '927', '935', '945', '955',
                  '975', '995', '998'], 7, False),
    'ID': ('62', ['812', '813', '821', '822', '852', '853', '857', '878'], 8, False),
    'IN': ('91', ['98', '99', '97', '96', '90', '88', '70'], 8, False),
    # exotic / premium ranges used by wangiri
    'TN': ('216', ['2', '5', '9'], 7, False),
    'MR': ('222', ['22', '32', '36', '46', '44', '47'], 6, False),
    'MD': ('373', ['60', '67', '68', '69', '78', '79'], 6, False),
    'PG': ('675', ['70', '71', '72', '73', '74'], 6, False),
    'LV': ('371', ['2'], 7, False),
    'BY': ('375', ['25', '29', '33', '44'], 7, False),
    'BA': ('387', ['61', '62', '63', '65', '66'], 6, False),
    'GN': ('224', ['62', '65', '66'], 7, False),
    'SL': ('232', ['25', '30', '33', '76', '77', '78', '88', '99'], 6, False),
    'CU': ('53', ['5'], 7, False),
    'LT': ('370', ['6'], 7, False),
}
WANGIRI_COUNTRIES = ['TN', 'MR', 'MD', 'PG', 'SL', 'GN', 'LV', 'BY', 'BA', 'CU', 'LT']
VISITOR_IMSI = {  # tourists' home networks (MCC+MNC)
    'CN': ['46000', '46001', '46011'], 'MY': ['50212', '50219'], 'KR': ['45005', '45008'],
    'RU': ['25001', '25002', '25099'], 'GB': ['23410', '23415', '23420'],
    'US': ['310260', '310410'], 'JP': ['44010', '44020'], 'SG': ['52501', '52505'],
    'TH': ['52001', '52004', '52005'], 'DE': ['26201', '26202'], 'AU': ['50501', '50502'],
}

# ------------------------------------------------------------ country configs
_TH_PFX = ['61', '62', '63', '64', '65', '80', '81', '82', '83', '84', '85', '86', '87',
           '88', '89', '90', '91', '92', '93', '94', '95', '96', '97', '98', '99']
CFG = {
    'th': dict(
        cc='66', mcc='520', mnc='03', tz=7, tzs='+07:00', mob_len=9,
        mob_ours=_TH_PFX, mob_off=_TH_PFX, onnet_share=0.45,
        # name, area code (NSN prefix), local digits, weight, cells, border, tourist
        regions=[('Bangkok', '2', 7, 0.47, 260, 0, 1), ('Nonthaburi', '2', 7, 0.08, 50, 0, 0),
                 ('Chonburi', '38', 6, 0.07, 50, 0, 1), ('Chiang Mai', '53', 6, 0.06, 50, 0, 1),
                 ('Khon Kaen', '43', 6, 0.05, 40, 0, 0), ('Nakhon Ratchasima', '44', 6, 0.05, 40, 0, 0),
                 ('Phuket', '76', 6, 0.04, 35, 0, 1), ('Hat Yai', '74', 6, 0.05, 40, 0, 0),
                 ('Mae Sot', '55', 6, 0.025, 14, 1, 0), ('Aranyaprathet', '37', 6, 0.02, 12, 1, 0),
                 ('Mae Sai', '53', 6, 0.015, 10, 1, 0), ('Nong Khai', '42', 6, 0.015, 12, 1, 0)],
        scam_border=[8, 9, 10],
        migrant_from=['MM', 'MM', 'MM', 'KH', 'KH', 'LA'],
        migrant_regions={0: 4, 2: 3, 8: 6, 9: 3, 1: 1, 7: 1, 11: 1},
        diaspora=['US', 'GB', 'AU', 'JP', 'KR', 'DE', 'SG', 'TW', 'FR', 'CN'],
        tourists_from=['CN', 'CN', 'CN', 'MY', 'KR', 'RU', 'RU', 'GB', 'US', 'JP', 'SG', 'DE', 'AU'],
        short=[('1175', 5.0), ('1669', 1.5), ('191', 1.5), ('199', 0.4), ('1155', 0.3), ('1111', 0.6),
               ('1333', 2.0), ('1572', 1.5), ('1428', 1.0), ('1115', 1.0), ('1599', 0.6),
               ('1441', 0.4), ('1330', 1.0), ('1300', 0.4), ('1586', 0.3)],
        sms_short=[],
        langs=[('th', 0.86), ('en', 0.14)],
    ),
    'cn': dict(
        cc='86', mcc='460', mnc='00', tz=8, tzs='+08:00', mob_len=11,
        mob_ours=['134', '135', '136', '137', '138', '139', '147', '150', '151', '152', '157',
                  '158', '159', '178', '182', '183', '184', '187', '188', '198'],
        mob_off=['130', '131', '132', '155', '156', '166', '175', '176', '185', '186', '133',
                 '153', '173', '177', '180', '181', '189', '199'],
        onnet_share=0.60,
        regions=[('Guangzhou', '20', 8, 0.16, 120, 0, 1), ('Shenzhen', '755', 8, 0.15, 120, 0, 0),
                 ('Beijing', '10', 8, 0.14, 110, 0, 1), ('Shanghai', '21', 8, 0.14, 110, 0, 1),
                 ('Chengdu', '28', 8, 0.11, 80, 0, 0), ('Hangzhou', '571', 8, 0.08, 60, 0, 0),
                 ('Kunming', '871', 8, 0.07, 50, 0, 1), ('Dongguan', '769', 8, 0.06, 50, 0, 0),
                 ('Ruili', '692', 7, 0.02, 12, 1, 0), ('Zhenkang', '883', 7, 0.012, 8, 1, 0),
                 ('Mengla', '691', 7, 0.015, 10, 1, 0), ('Dongxing', '770', 7, 0.015, 10, 1, 0)],
        scam_border=[8, 9, 10],
        migrant_from=['MM', 'MM', 'VN', 'VN', 'LA'],
        migrant_regions={8: 6, 9: 3, 10: 3, 11: 5, 6: 2, 0: 2, 7: 2},
        diaspora=['US', 'CA', 'AU', 'GB', 'JP', 'SG', 'MY', 'HK', 'TW', 'MO', 'DE'],
        tourists_from=['TH', 'KR', 'KR', 'JP', 'US', 'RU', 'MY', 'SG', 'GB', 'DE', 'AU'],
        short=[('10086', 6.0), ('110', 1.2), ('120', 0.8), ('119', 0.2), ('122', 0.3), ('12345', 1.5),
               ('12315', 0.5), ('95588', 1.5), ('95533', 1.2), ('95599', 1.0), ('95555', 1.0),
               ('95566', 0.8), ('96110', 0.3), ('114', 0.8), ('12306', 1.0)],
        sms_short=[('10086', ['CXYE', 'CXLL', 'YE', 'cxye', '101', 'CXTC'])],
        langs=[('zh', 0.95), ('en', 0.05)],
    ),
}

# --------------------------------------------------------------------- texts
CHAT = {
    'th': ['ถึงบ้านยัง', 'กินข้าวยัง', 'เดี๋ยวโทรกลับนะ', 'โอเคครับ', 'ได้ค่ะ', 'ขอบคุณมากครับ',
           'พรุ่งนี้เจอกันกี่โมง', 'อยู่ไหน', 'รถติดมาก ไปสายหน่อยนะ', 'โทรหาหน่อย',
           'ประชุมอยู่ โทรไม่ได้', 'คิดถึงนะ', 'ฝันดีนะ', 'ตื่นยัง', 'ซื้อนมมาด้วย', 'แม่ให้โทรกลับ',
           'ถึงแล้ว รออยู่หน้าร้าน', 'โอนให้แล้วนะ', 'วันนี้เลิกกี่โมง', '555 ตลกมาก',
           'เย็นนี้กินอะไรดี', 'ฝนตกหนักมาก ระวังนะ', 'ไม่ว่างค่ะ เดี๋ยวติดต่อกลับ', 'จ้า', 'ok จ้า',
           'เจอกันที่เดิมนะ', 'ส่งรูปให้ทางไลน์แล้ว', 'ลืมกุญแจไว้ที่บ้าน', 'สุขสันต์วันเกิดนะ',
           'ขอเบอร์ช่างแอร์หน่อย', 'ลูกถึงโรงเรียนแล้ว', 'พรุ่งนี้หยุดไหม', 'ไปรับที่สถานีนะ',
           'ขอโทษนะ เมื่อกี้ไม่ได้ยินโทรศัพท์', 'ครับผม', 'รับทราบค่ะ', 'ถึงที่ทำงานแล้ว',
           'ฝากซื้อกาแฟด้วย', 'เดี๋ยวไลน์ไปนะ', 'กลับกี่โมง'],
    'en': ['ok', 'on my way', 'call me when free', 'thx', 'see u at 7', 'running late sorry',
           'where are you?', 'meeting now, call later', 'good night', 'noted, thanks',
           'can you send me the file?', 'happy birthday!!', 'lunch?', "i'm here", 'k',
           'sure', 'landed, will call later', 'pls call back', 'at the gate now', 'miss you'],
    'zh': ['到家了吗', '晚上一起吃饭吧', '好的', '收到', '开会中，稍后回电', '明天几点见', '在吗',
           '我到楼下了', '路上堵车，晚点到', '记得带伞', '钱已经转给你了', '周末有空吗', '谢谢',
           '晚安', '妈让你回个电话', '你到哪了', '我在门口等你', '下班了吗', '生日快乐！', '辛苦了',
           '好的，没问题', '刚才在忙，怎么了', '帮我带瓶水', '会议改到下午三点', '明天早上8点出发',
           '嗯嗯', '哈哈哈', '行', '等我一下', '孩子接到了', '今晚加班，不回来吃饭', '到了说一声',
           '快递帮我拿一下', '明天降温，多穿点', '方便接电话吗', '已发微信'],
    'my': ['နေကောင်းလား', 'ဟုတ်ကဲ့', 'ဖုန်းပြန်ဆက်ပါ', 'ပိုက်ဆံလွှဲပြီးပြီ', 'အလုပ်ပြီးပြီ', 'ok'],
    'km': ['សុខសប្បាយទេ', 'បាទ', 'ខ្ញុំនឹងទូរស័ព្ទទៅវិញ', 'ផ្ញើលុយហើយ', 'ok'],
    'lo': ['ສະບາຍດີ', 'ໂທຫາແດ່', 'ເຮັດວຽກແລ້ວ', 'ok'],
    'vi': ['Anh khoẻ không?', 'Em về chưa?', 'Gọi lại cho mẹ nhé', 'Đã chuyển tiền rồi', 'ok', 'Tối nay ăn gì?'],
}
EMOJI = ['', '', '', '', ' 😊', ' 👍', ' 🙏', ' ❤️', ' 555', ' 😂', '!!', ' ^^']
MIGRANT_LANG = {'MM': 'my', 'KH': 'km', 'LA': 'lo', 'VN': 'vi'}
ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
LOWER = 'abcdefghijklmnopqrstuvwxyz'
DIGITS = '0123456789'
UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'


def _cum(ws):
    out = []
    acc = 0.0
    for x in ws:
        acc += x
        out.append(acc)
    return out


class Population(object):
    """Mixin: ordinary subscribers and their per-hour traffic."""

    def build_population(self):
        rng, rnd, rr = self.rng, self.rnd, self.rng.randrange
        regs = self.cfg['regions']
        rcw = _cum([r[3] for r in regs])
        ridx = list(range(len(regs)))
        langs = self.cfg['langs']
        lcw = _cum([x[1] for x in langs])
        self.subs = []
        self.subs_by_r = [[] for _ in regs]
        for i in range(self.N):
            r = rng.choices(ridx, cum_weights=rcw)[0]
            cl = self.cells[r]
            hj = rr(len(cl))
            home = cl[hj]
            work = cl[rr(len(cl))] if rnd() < 0.7 else None
            nb = self.cell_nb(r, hj, 2)
            s = Sub(self.alloc_mobile(True), self.new_imsi(),
                    self.new_imei('cheap' if rnd() < 0.2 else 'phone'), r, home, work, nb)
            s.lang = langs[0][0] if rnd() < lcw[0] else langs[1][0]
            s.wt = rng.lognormvariate(0, 0.55) * (4.0 if rnd() < 0.04 else 1.0)
            s.pos = len(self.subs_by_r[r])
            self.subs.append(s)
            self.subs_by_r[r].append(s)
        # other operators' numbers (friends, strangers) and local business landlines
        share = self.cfg['onnet_share']
        self.offnet_by_r = []
        self.services_by_r = []
        self.landlines = set()
        for r in ridx:
            m = len(self.subs_by_r[r])
            k = int(m * (1 - share) / share * 0.9) + 20
            self.offnet_by_r.append([self.alloc_mobile(False) for _ in range(k)])
            sv = [self.alloc_landline(r) for _ in range(8 + m // 60)]
            self.services_by_r.append(sv)
            for x in sv:
                self.landlines.add(x)
        self.offnet_all = [x for L in self.offnet_by_r for x in L]
        # social graph
        gauss = rng.gauss
        for r in ridx:
            M = self.subs_by_r[r]
            O = self.offnet_by_r[r]
            SV = self.services_by_r[r]
            if not M:
                continue
            nM, nO = len(M), len(O)
            for p, s in enumerate(M):
                k = min(120, max(3, int(rng.lognormvariate(2.9, 0.6))))
                cl = []
                for j in range(k):
                    if rnd() < share:
                        if rnd() < 0.85:
                            t = M[(p + int(gauss(0, 25))) % nM]
                        else:
                            t = self.subs[rr(self.N)]
                        if t is s:
                            continue
                    else:
                        if rnd() < 0.9:
                            t = O[(p * nO // nM + int(gauss(0, 20))) % nO]
                        else:
                            t = self.offnet_all[rr(len(self.offnet_all))]
                    cl.append(t)
                for j in range(rr(3)):
                    cl.append(SV[rr(len(SV))])
                cl = list(dict.fromkeys(cl))
                if not cl:
                    cl = [O[rr(nO)]]
                s.contacts = cl
                s.offnet = [c for c in cl if c.__class__ is str and c not in self.landlines]
        self.num2sub = {s.num: s for s in self.subs}
        self._special_people()
        tot = sum(s.wt for s in self.subs)
        for s in self.subs:
            s.wt *= self.N / tot
        self.Wsum = float(self.N)
        self.cumw = _cum([s.wt for s in self.subs])
        self.sc_codes = [x[0] for x in self.cfg['short']]
        self.sc_cw = _cum([x[1] for x in self.cfg['short']])

    def _pick_free(self, regions=None, tries=50):
        rr = self.rng.randrange
        for _ in range(tries):
            if regions:
                L = self.subs_by_r[regions[rr(len(regions))]]
                if not L:
                    continue
                s = L[rr(len(L))]
            else:
                s = self.subs[rr(self.N)]
            if s.flag is None and s.chg is None and s.roam is None:
                return s
        return None

    def _special_people(self):
        rng, rnd, rr = self.rng, self.rnd, self.rng.randrange
        N = self.N
        # migrant workers
        mreg = self.cfg['migrant_regions']
        mkeys = sorted(mreg)
        mcw = _cum([mreg[k] for k in mkeys])
        self.intl_subs = []
        for _ in range(max(1, int(0.012 * N))):
            r = rng.choices(mkeys, cum_weights=mcw)[0]
            s = self._pick_free([r])
            if s is None:
                continue
            frm = rng.choice(self.cfg['migrant_from'])
            s.flag = 'migrant'
            s.lang = MIGRANT_LANG[frm]
            s.intl = [self.foreign(frm) for _ in range(rng.randint(2, 5))]
            self.intl_subs.append(s)
            self.label(s.num, 'migrant_worker_calling_home')
        # relatives abroad
        for _ in range(int(0.05 * N)):
            s = self._pick_free()
            if s is None:
                continue
            s.flag = 'diaspora'
            s.intl = [self.foreign(rng.choice(self.cfg['diaspora'])) for _ in range(rng.randint(1, 2))]
            self.intl_subs.append(s)
        self.intl_out_cw = _cum([1.6 if s.flag == 'migrant' else 0.09 for s in self.intl_subs])
        self.intl_in_cw = _cum([0.8 if s.flag == 'migrant' else 0.10 for s in self.intl_subs])
        self.intl_out_sum = self.intl_out_cw[-1] if self.intl_subs else 0
        self.intl_in_sum = self.intl_in_cw[-1] if self.intl_subs else 0
        # outbound roamers
        for _ in range(max(1, int(0.005 * N))):
            s = self._pick_free()
            if s is None:
                continue
            while True:
                st = self.t0 + int((rnd() * (self.D + 2) - 2) * DAY)
                en = st + int((2 + rnd() * 7) * DAY)
                if en > self.t0 + 6 * HOUR and st < self.t_end - 6 * HOUR:
                    break
            s.roam = (st, en)
            s.flag = 'roamer'
            self.label(s.num, 'roamer_calling_home')
        # dual-SIM phones (second SIM of ours in the same device)
        for _ in range(int(0.015 * N)):
            o = self._pick_free()
            if o is None:
                continue
            p = self._pick_free([o.r])
            if p is None or p is o:
                continue
            o.flag = p.flag = 'dual'
            p.home, p.work, p.nb = o.home, o.work, o.nb
            if rnd() < 0.35:
                p.imei = o.imei
                self.label(o.num, 'dual_sim_shared_imei')
                self.label(p.num, 'dual_sim_shared_imei')
            else:
                p.imei = make_imei(o.imei[:8], int(o.imei[8:14]) + 1)
        # new phones, hand-me-downs
        span = self.H * HOUR
        for _ in range(int(0.003 * N * self.D)):
            s = self._pick_free()
            if s is None:
                continue
            t = self.t0 + int(rnd() * span)
            old = s.imei
            s.chg = (t, None, None, self.new_imei('phone'))
            s.flag = 'newphone'
            if rnd() < 0.3:
                for c in s.contacts:
                    if c.__class__ is not str and c.chg is None and c.flag is None and c.roam is None:
                        c.chg = (t + int((2 + rnd() * 34) * HOUR), None, None, old)
                        c.flag = 'handmedown'
                        self.label(c.num, 'handset_passed_to_family')
                        break
        # number change, same handset
        for _ in range(max(1, int(0.0005 * N * self.D))):
            s = self._pick_free()
            if s is None:
                continue
            t = self.t0 + int((0.2 + rnd() * 0.6) * span)
            nn = self.alloc_mobile(True)
            s.chg = (t, nn, self.new_imsi(), None)
            s.flag = 'numchange'
            self.num2sub[nn] = s
            self.label(s.num, 'new_number_same_handset')
            self.label(nn, 'new_number_same_handset')

    # ------------------------------------------------------------ per hour
    def ordinary_hour(self, hr):
        d, hod = divmod(hr, 24)
        f = (DIURNAL_WE if self.wd[d] >= 5 else DIURNAL)[hod]
        base = self.t0 + hr * HOUR
        rnd = self.rnd
        k = self.Wsum * self.ACT * f / 24.0
        subs, cw, ch, pois = self.subs, self.cumw, self.rng.choices, self.pois
        for s in ch(subs, cum_weights=cw, k=pois(k * self.R_CALL)):
            self.ev_call(s, base + int(rnd() * HOUR))
        for s in ch(subs, cum_weights=cw, k=pois(k * self.R_SMS)):
            self.ev_sms(s, base + int(rnd() * HOUR))
        for s in ch(subs, cum_weights=cw, k=pois(k * self.R_INCALL)):
            self.ev_incall(s, base + int(rnd() * HOUR))
        for s in ch(subs, cum_weights=cw, k=pois(k * self.R_INSMS)):
            self.ev_insms(s, base + int(rnd() * HOUR))
        for s in ch(subs, cum_weights=cw, k=pois(k * self.R_SHORT)):
            self.ev_short(s, base + int(rnd() * HOUR))
        if self.intl_subs:
            fi = INTL_PROF[hod] / 24.0
            for s in ch(self.intl_subs, cum_weights=self.intl_out_cw, k=pois(self.intl_out_sum * fi)):
                self.ev_intl_out(s, base + int(rnd() * HOUR))
            for s in ch(self.intl_subs, cum_weights=self.intl_in_cw, k=pois(self.intl_in_sum * fi)):
                self.ev_intl_in(s, base + int(rnd() * HOUR))

    def ev_call(self, s, ts):
        rnd = self.rnd
        cl = s.contacts
        ro = s.roam
        if ro is not None and ro[0] <= ts < ro[1]:
            if rnd() < 0.5:
                return
            c = cl[int(min(4, len(cl)) * rnd())]
            pa = 0.65
        elif rnd() < 0.03:
            c = self.stranger(s.r)
            pa = 0.55
        else:
            c = cl[int(len(cl) * rnd() ** 2.3)]
            pa = 0.9 if (c.__class__ is str and c in self.landlines) else 0.72
        ans = rnd() < pa
        self.sub_call(s, ts, self.tfmt(c, ts), self.talk() if ans else 0, ans)
        if not ans:
            x = rnd()
            if x < 0.5 and not (c.__class__ is str and c in self.landlines):
                t2 = ts + 20000 + int(self.rng.expovariate(1.0 / 540000))
                a2 = rnd() < 0.85
                self.pcall(c, s, t2, self.talk() if a2 else 0, a2)
            elif x < 0.75:
                t2 = ts + 45000 + int(rnd() * 300000)
                a2 = rnd() < 0.6
                self.sub_call(s, t2, self.tfmt(c, t2), self.talk() if a2 else 0, a2)

    def ev_sms(self, s, ts):
        rnd = self.rnd
        cl = s.contacts
        if self.roaming(s, ts):
            c = cl[int(min(4, len(cl)) * rnd())]
        else:
            c = cl[int(len(cl) * rnd() ** 2.0)]
        if c.__class__ is str and c in self.landlines:
            return
        m = 1
        while m < 6 and rnd() < 0.55:
            m += 1
        a, b, t = s, c, ts
        exp = self.rng.expovariate
        for i in range(m):
            lang = s.lang if a.__class__ is str else a.lang
            self.psms(a, b, t, self.chat_text(lang))
            t += 4000 + int(exp(1.0 / 80000))
            a, b = b, a

    def ev_incall(self, s, ts):
        rnd = self.rnd
        off = s.offnet
        if not off:
            return
        c = off[int(len(off) * rnd() ** 1.8)]
        ans = rnd() < (0.5 if self.roaming(s, ts) else 0.72)
        self.pcall(c, s, ts, self.talk() if ans else 0, ans)
        if not ans and rnd() < 0.5:
            t2 = ts + 20000 + int(self.rng.expovariate(1.0 / 600000))
            a2 = rnd() < 0.85
            self.pcall(s, c, t2, self.talk() if a2 else 0, a2)

    def ev_insms(self, s, ts):
        rnd = self.rnd
        off = s.offnet
        if not off:
            return
        c = off[int(len(off) * rnd() ** 1.8)]
        m = 1
        while m < 5 and rnd() < 0.5:
            m += 1
        a, b, t = c, s, ts
        exp = self.rng.expovariate
        for i in range(m):
            self.psms(a, b, t, self.chat_text(s.lang))
            t += 4000 + int(exp(1.0 / 80000))
            a, b = b, a

    def ev_short(self, s, ts):
        if self.roaming(s, ts):
            return
        rnd = self.rnd
        if self.cfg['sms_short'] and rnd() < 0.25:
            code, cmds = self.cfg['sms_short'][0]
            self.sub_sms(s, ts, code, cmds[int(rnd() * len(cmds))])
            return
        code = self.rng.choices(self.sc_codes, cum_weights=self.sc_cw)[0]
        ans = rnd() < 0.95
        self.sub_call(s, ts, code, self.talk(4.6, 0.8, 3000) if ans else 0, ans)

    def ev_intl_out(self, s, ts):
        if self.roaming(s, ts):
            return
        rnd = self.rnd
        c = s.intl[int(len(s.intl) * rnd() ** 1.5)]
        mig = s.flag == 'migrant'
        if mig and rnd() < 0.2:
            self.sub_sms(s, ts, self.fb(c), self.chat_text(s.lang))
            return
        ans = rnd() < 0.75
        dur = self.talk(6.0, 0.8) if mig else self.talk(5.0, 0.9)
        self.sub_call(s, ts, self.fb(c), dur if ans else 0, ans)
        if not ans and rnd() < 0.4:
            t2 = ts + 60000 + int(rnd() * 900000)
            self.sub_call(s, t2, self.fb(c), self.talk(5.8, 0.8), True)

    def ev_intl_in(self, s, ts):
        rnd = self.rnd
        c = s.intl[int(len(s.intl) * rnd() ** 1.5)]
        ans = rnd() < 0.72
        self.pcall(c, s, ts, self.talk(5.6, 0.8) if ans else 0, ans)
        if not ans and rnd() < 0.4:
            t2 = ts + 30000 + int(rnd() * 1200000)
            self.pcall(s, c, t2, self.talk(5.6, 0.8), True)


def luhn_digit(d14):
    s = 0
    for i, ch in enumerate(d14):
        x = ord(ch) - 48
        if i & 1:
            x *= 2
            if x > 9:
                x -= 9
        s += x
    return str((10 - s % 10) % 10)


def make_imei(tac, serial):
    body = tac + '%06d' % (serial % 1000000)
    return body + luhn_digit(body)


class Sub(object):
    """A SIM on our network (ordinary subscriber or an actor's SIM)."""
    __slots__ = ('num', 'imsi', 'imei', 'r', 'home', 'work', 'nb', 'contacts', 'offnet',
                 'lang', 'intl', 'roam', 'chg', 'flag', 'pos', 'wt')

    def __init__(self, num, imsi, imei, r, home, work=None, nb=None):
        self.num = num
        self.imsi = imsi
        self.imei = imei
        self.r = r
        self.home = home
        self.work = work
        self.nb = nb if nb else [home]
        self.contacts = []
        self.offnet = []
        self.lang = None
        self.intl = None
        self.roam = None
        self.chg = None
        self.flag = None
        self.pos = 0
        self.wt = 1.0


class World(Population):
    # per-subscriber per-day base rates (before ACT scaling)
    R_CALL = 5.0
    R_SMS = 2.2
    R_INCALL = 2.6
    R_INSMS = 1.0
    R_SHORT = 0.25
    R_A2P = 3.6
    ACT = 1.8

    def __init__(self, args):
        self.args = args
        self.rng = random.Random(args.seed)
        self.rnd = self.rng.random
        self.country = args.country
        c = CFG[args.country]
        self.cfg = c
        self.cc = c['cc']
        self.ccl = len(self.cc)
        self.mcc = c['mcc']
        self.mnc = c['mnc']
        self.tz = c['tz']
        self.tzs = c['tzs']
        self.N = args.subscribers
        self.D = args.days
        self.H = 24 * self.D
        self.s = max(0.05, self.N / 20000.0)   # actor scale
        y, m, d = [int(x) for x in args.start.split('-')]
        start = datetime.datetime(y, m, d, tzinfo=datetime.timezone(datetime.timedelta(hours=self.tz)))
        self.t0 = int(start.timestamp()) * 1000
        self.t_end = self.t0 + self.H * HOUR
        self.dates = [(start + datetime.timedelta(days=i)).strftime('%Y-%m-%d') for i in range(self.D + 2)]
        self.wd = [(start.weekday() + i) % 7 for i in range(self.D + 2)]
        self.buckets = [[] for _ in range(self.H + 1)]
        self.cur = 0
        self.seen = set()
        self.roam_seen = set()
        self.allocated = set()
        self.ours = set()
        self.labels = {}
        self.imeis = set()
        self.n_call = 0
        self.n_sms = 0
        self.n_route = {'onnet': 0, 'national': 0, 'international': 0}
        self.actors = []
        self.fa_on, self.fa_nat, self.fb = (self._fa_on_th, self._fa_nat_th, self._fb_th) \
            if self.country == 'th' else (self._fa_on_cn, self._fa_nat_cn, self._fb_cn)
        self._setup_tacs()
        self._setup_cells()

    # ------------------------------------------------------------ utilities
    def pois(self, mu):
        if mu <= 0:
            return 0
        if mu < 30:
            L = math.exp(-mu)
            k = 0
            p = self.rnd()
            while p > L:
                k += 1
                p *= self.rnd()
            return k
        return max(0, int(self.rng.gauss(mu, math.sqrt(mu)) + 0.5))

    def rstr(self, n, alphabet=ALNUM):
        rr = self.rng.randrange
        L = len(alphabet)
        return ''.join(alphabet[rr(L)] for _ in range(n))

    def talk(self, mu=4.0, sigma=1.0, cap=7200):
        d = int(self.rng.lognormvariate(mu, sigma)) + 1
        return d if d < cap else cap

    def day_ms(self, d):
        return self.t0 + d * DAY

    def hod_of(self, ts):
        return ((ts - self.t0) // HOUR) % 24

    def label(self, num, cls, fraud=False):
        if fraud:
            self.labels[num] = ('fraud', cls)
        elif num not in self.labels or self.labels[num][0] != 'fraud':
            self.labels[num] = ('look', cls)

    # ------------------------------------------------------------ numbers
    def rand_mobile(self, ours):
        pfx = self.rng.choice(self.cfg['mob_ours'] if ours else self.cfg['mob_off'])
        n = self.cfg['mob_len'] - len(pfx)
        return self.cc + pfx + '%0*d' % (n, self.rng.randrange(10 ** n))

    def alloc_mobile(self, ours):
        while True:
            c = self.rand_mobile(ours)
            if c not in self.allocated:
                self.allocated.add(c)
                if ours:
                    self.ours.add(c)
                return c

    def alloc_block(self, n, ours, step_max=1):
        """n near-consecutive numbers (bulk / corporate SIM batch)."""
        while True:
            base = self.rand_mobile(ours)
            keep = self.ccl + (len(self.cfg['mob_ours'][0]))
            v = int(base)
            out = []
            tries = 0
            while len(out) < n and tries < n * 20:
                tries += 1
                c = str(v)
                if c[:keep] != base[:keep]:
                    break
                if c not in self.allocated:
                    out.append(c)
                v += 1 + (self.rng.randrange(step_max) if step_max > 1 else 0)
            if len(out) == n:
                for c in out:
                    self.allocated.add(c)
                    if ours:
                        self.ours.add(c)
                return out

    def alloc_landline(self, r, n=1, consecutive=False):
        name, area, loc, _w, _nc, _b, _t = self.cfg['regions'][r]
        while True:
            first = str(self.rng.randrange(2, 9))
            rest = loc - 1
            base = int(first + '%0*d' % (rest, self.rng.randrange(10 ** rest)))
            out = []
            for k in range(n):
                v = base + (k if consecutive else 0)
                c = self.cc + area + str(v)
                if len(str(v)) != loc or c in self.allocated or c in out:
                    out = None
                    break
                out.append(c)
                if not consecutive and k + 1 < n:
                    base = int(str(self.rng.randrange(2, 9)) + '%0*d' % (rest, self.rng.randrange(10 ** rest)))
            if out:
                for c in out:
                    self.allocated.add(c)
                return out if n > 1 else out[0]

    def foreign(self, code):
        cc, pfxs, n, nonlow = FOREIGN[code]
        rr = self.rng.randrange
        if nonlow:
            rest = str(rr(2, 10)) + '%0*d' % (n - 1, rr(10 ** (n - 1)))
        else:
            rest = '%0*d' % (n, rr(10 ** n))
        return cc + self.rng.choice(pfxs) + rest

    def foreign_block(self, code, n):
        cc, pfxs, k, nonlow = FOREIGN[code]
        base = self.foreign(code)
        lo = int(base[-k:])
        if lo > 10 ** k - n - 5:
            lo -= n + 5
        head = base[:-k]
        return [head + '%0*d' % (k, lo + i) for i in range(n)]

    def is_home(self, c):
        return c[:self.ccl] == self.cc

    def is_cn_mobile(self, c):
        return c[2] == '1' and c[3] != '0'

    # ------------------------------------------------------------ formats
    def _fa_on_th(self, c):
        r = self.rnd()
        if r < 0.80:
            return '+' + c
        if r < 0.92:
            return c
        return '0' + c[2:]

    def _fa_nat_th(self, c):
        r = self.rnd()
        if r < 0.55:
            return '0' + c[2:]
        if r < 0.80:
            return c
        return '+' + c

    def _fb_th(self, c):
        r = self.rnd()
        if c[:2] == '66':
            if r < 0.72:
                return '0' + c[2:]
            if r < 0.93:
                return '+' + c
            return c
        return ('00' + c) if r < 0.5 else ('+' + c)

    def _fa_on_cn(self, c):
        r = self.rnd()
        if r < 0.90:
            return c[2:]
        if r < 0.96:
            return '+' + c
        return c

    def _fa_nat_cn(self, c):
        r = self.rnd()
        if c[2] == '1' and c[3] != '0':
            if r < 0.85:
                return c[2:]
            if r < 0.95:
                return '+' + c
            return c
        return ('0' + c[2:]) if r < 0.8 else ('+' + c)

    def _fb_cn(self, c):
        r = self.rnd()
        if c[:2] == '86':
            if c[2] == '1' and c[3] != '0':
                if r < 0.88:
                    return c[2:]
                if r < 0.96:
                    return '+' + c
                return c
            return ('0' + c[2:]) if r < 0.88 else ('+' + c)
        return ('00' + c) if r < 0.55 else ('+' + c)

    def fa_int(self, c):
        """caller format on the international route."""
        r = self.rnd()
        if c[:self.ccl] == self.cc:
            if r < 0.6:
                return '+' + c
            if r < 0.85:
                return c
            return ('0' + c[self.ccl:]) if (self.country == 'th' or not self.is_cn_mobile(c)) else c[2:]
        return ('+' + c) if r < 0.65 else ('00' + c)

    # ------------------------------------------------------------ timestamps
    def tsv(self, ts, style=0):
        if style == 1 or ts % 97 == 0:
            return str(ts)
        if ts % 89 == 0:
            dt = datetime.datetime.fromtimestamp(ts // 1000, datetime.timezone.utc)
            return '"%s.%03dZ"' % (dt.strftime('%Y-%m-%dT%H:%M:%S'), ts % 1000)
        d, rem = divmod(ts - self.t0, DAY)
        s = rem // 1000
        return '"%sT%02d:%02d:%02d%s"' % (self.dates[d], s // 3600, (s // 60) % 60, s % 60, self.tzs)

    # ------------------------------------------------------------ emission
    def _put(self, ts, line):
        b = (ts - self.t0) // HOUR
        if b < self.cur:
            b = self.cur
        self.buckets[b].append((ts, line))

    def call(self, ts, a, af, bf, dur, ans, route, imsi=None, imei=None, cell=None, style=0):
        if ts < self.t0 or ts >= self.t_end:
            return
        self.seen.add(a)
        self.n_call += 1
        self.n_route[route] += 1
        if ans == (dur > 0) and ts % 53 == 0:
            af2 = ''
        else:
            af2 = ',"answered":true' if ans else ',"answered":false'
        if imsi is None:
            line = '{"kind":"call","ts":%s,"caller":"%s","callee":"%s","duration_s":%d%s,"route":"%s"}' % (
                self.tsv(ts, style), af, bf, dur, af2, route)
        else:
            if ts % 211 == 0:
                ex = ',"imsi":"%s","imei":"%s"' % (imsi, imei)
            else:
                ex = ',"imsi":"%s","imei":"%s","cell_id":"%s"' % (imsi, imei, cell)
            rt = '' if ts % 509 == 0 else ',"route":"%s"' % route
            line = '{"kind":"call","ts":%s,"caller":"%s","callee":"%s","duration_s":%d%s%s%s}' % (
                self.tsv(ts, style), af, bf, dur, af2, ex, rt)
        self._put(ts, line)

    def sms(self, ts, a, af, bf, text, route, imsi=None, imei=None, cell=None, style=0):
        if ts < self.t0 or ts >= self.t_end:
            return
        self.seen.add(a)
        self.n_sms += 1
        self.n_route[route] += 1
        tx = json.dumps(text, ensure_ascii=False)
        if imsi is None:
            line = '{"kind":"sms","ts":%s,"caller":"%s","callee":"%s","route":"%s","text":%s}' % (
                self.tsv(ts, style), af, bf, route, tx)
        else:
            if ts % 211 == 0:
                ex = ',"imsi":"%s","imei":"%s"' % (imsi, imei)
            else:
                ex = ',"imsi":"%s","imei":"%s","cell_id":"%s"' % (imsi, imei, cell)
            rt = '' if ts % 509 == 0 else ',"route":"%s"' % route
            line = '{"kind":"sms","ts":%s,"caller":"%s","callee":"%s"%s%s,"text":%s}' % (
                self.tsv(ts, style), af, bf, ex, rt, tx)
        self._put(ts, line)

    # --------------------------------------------------- subscriber helpers
    def num_at(self, s, ts):
        ch = s.chg
        if ch is not None and ch[1] is not None and ts >= ch[0]:
            return ch[1]
        return s.num

    def tfmt(self, b, ts):
        if b.__class__ is str:
            return self.fb(b)
        return self.fb(self.num_at(b, ts))

    def cell_of(self, s, ts):
        hr = (ts - self.t0) // HOUR
        hod = hr % 24
        r = self.rnd()
        if s.work is not None and 9 <= hod < 17 and self.wd[hr // 24] < 5:
            if r < 0.78:
                return s.work
        elif r < 0.78:
            return s.home
        if r < 0.95:
            nb = s.nb
            return nb[int((r - 0.78) * 58.8 * len(nb)) % len(nb)]
        cl = self.cells[s.r]
        return cl[int((r - 0.95) * 20 * len(cl)) % len(cl)]

    def roaming(self, s, ts):
        ro = s.roam
        return ro is not None and ro[0] <= ts < ro[1]

    def _sub_ids(self, s, ts):
        num, imsi, imei = s.num, s.imsi, s.imei
        ch = s.chg
        if ch is not None and ts >= ch[0]:
            if ch[1] is not None:
                num, imsi = ch[1], ch[2]
            if ch[3] is not None:
                imei = ch[3]
        return num, imsi, imei

    def sub_call(self, s, ts, bf, dur, ans, cell=None):
        ro = s.roam
        if ro is not None and ro[0] <= ts < ro[1]:
            num = self.num_at(s, ts)
            if ts < self.t_end:
                self.roam_seen.add(num)
            self.call(ts, num, self.fa_int(num), bf, dur, ans, 'international')
            return
        num, imsi, imei = self._sub_ids(s, ts)
        if cell is None:
            cell = self.cell_of(s, ts)
        self.call(ts, num, self.fa_on(num), bf, dur, ans, 'onnet', imsi, imei, cell)

    def sub_sms(self, s, ts, bf, text, cell=None):
        ro = s.roam
        if ro is not None and ro[0] <= ts < ro[1]:
            if self.rnd() < 0.7:
                return
            num = self.num_at(s, ts)
            self.sms(ts, num, self.fa_int(num), bf, text, 'international')
            return
        num, imsi, imei = self._sub_ids(s, ts)
        if cell is None:
            cell = self.cell_of(s, ts)
        self.sms(ts, num, self.fa_on(num), bf, text, 'onnet', imsi, imei, cell)

    def pcall(self, a, b, ts, dur, ans, cell=None):
        """Generic call: a and b are Sub objects or canonical number strings."""
        if a.__class__ is str:
            if b.__class__ is str:
                if b not in self.ours:
                    return
                bf = self.fb(b)
            else:
                bf = self.fb(self.num_at(b, ts))
            if a[:self.ccl] == self.cc:
                self.call(ts, a, self.fa_nat(a), bf, dur, ans, 'national')
            else:
                self.call(ts, a, self.fa_int(a), bf, dur, ans, 'international')
        else:
            self.sub_call(a, ts, self.tfmt(b, ts), dur, ans, cell)

    def psms(self, a, b, ts, text, cell=None):
        if a.__class__ is str:
            if b.__class__ is str:
                if b not in self.ours:
                    return
                bf = self.fb(b)
            else:
                bf = self.fb(self.num_at(b, ts))
            if a[:self.ccl] == self.cc:
                self.sms(ts, a, self.fa_nat(a), bf, text, 'national')
            else:
                self.sms(ts, a, self.fa_int(a), bf, text, 'international')
        else:
            self.sub_sms(a, ts, self.tfmt(b, ts), text, cell)

    def chat_text(self, lang):
        rnd = self.rnd
        L = CHAT[lang]
        t = L[int(rnd() * len(L))]
        r = rnd()
        if r < 0.3:
            t += EMOJI[int(rnd() * len(EMOJI))]
        elif r < 0.36 and lang in ('th', 'zh', 'en'):
            t2 = L[int(rnd() * len(L))]
            t = t + (' ' if lang != 'zh' else '，') + t2
        elif r < 0.38:
            t = t + ' ' + self.benign_link()
        return t

    def benign_link(self):
        r = self.rnd()
        if self.country == 'th':
            if r < 0.25:
                return 'https://youtu.be/' + self.rstr(11)
            if r < 0.45:
                return 'https://vt.tiktok.com/ZS' + self.rstr(7) + '/'
            if r < 0.65:
                return 'https://s.shopee.co.th/' + self.rstr(9)
            if r < 0.82:
                return 'https://maps.app.goo.gl/' + self.rstr(17)
            return 'https://www.facebook.com/share/p/' + self.rstr(16) + '/'
        if r < 0.25:
            return 'https://b23.tv/' + self.rstr(7)
        if r < 0.5:
            return 'https://v.douyin.com/' + self.rstr(7) + '/'
        if r < 0.7:
            return 'https://m.tb.cn/h.' + self.rstr(7)
        if r < 0.85:
            return 'https://mp.weixin.qq.com/s/' + self.rstr(22)
        return 'https://surl.amap.com/' + self.rstr(8)

    # ------------------------------------------------------------ TACs, cells
    def _setup_tacs(self):
        rr = self.rng.randrange
        self.phone_tacs = [('35' if i % 2 else '86') + '%06d' % rr(10 ** 6) for i in range(240)]
        w = [1.0 / (i + 3) ** 0.9 for i in range(240)]
        self.phone_tac_cw = []
        acc = 0.0
        for x in w:
            acc += x
            self.phone_tac_cw.append(acc)
        self.cheap_tacs = ['86' + '%06d' % rr(10 ** 6) for _ in range(30)]
        self.module_tacs = ['86' + '%06d' % rr(10 ** 6) for _ in range(5)]

    def new_imei(self, kind='phone'):
        if kind == 'phone':
            tac = self.rng.choices(self.phone_tacs, cum_weights=self.phone_tac_cw)[0]
        elif kind == 'cheap':
            tac = self.rng.choice(self.cheap_tacs)
        else:
            tac = self.rng.choice(self.module_tacs)
        while True:
            v = make_imei(tac, self.rng.randrange(10 ** 6))
            if v not in self.imeis:
                self.imeis.add(v)
                return v

    def new_imsi(self):
        while True:
            v = self.mcc + self.mnc + '%010d' % self.rng.randrange(10 ** 10)
            if v not in self.allocated:
                self.allocated.add(v)
                return v

    def imsi_block(self, n):
        base = self.rng.randrange(10 ** 10 - n * 3 - 10)
        out = []
        v = base
        while len(out) < n:
            c = self.mcc + self.mnc + '%010d' % v
            if c not in self.allocated:
                self.allocated.add(c)
                out.append(c)
            v += 1
        return out

    def _setup_cells(self):
        self.cells = []
        for ri, reg in enumerate(self.cfg['regions']):
            nc = max(4, int(reg[4] * min(1.5, max(0.3, self.s ** 0.5))))
            lst = []
            for j in range(nc):
                lac = 1000 + ri * 16 + j // 48
                ci = 10000 + ri * 1000 + j
                lst.append('%s-%s-%d-%d' % (self.mcc, self.mnc, lac, ci))
            self.cells.append(lst)
        self.border_regions = [i for i, r in enumerate(self.cfg['regions']) if r[5]]
        self.city_regions = [i for i, r in enumerate(self.cfg['regions']) if not r[5]]
        self.tourist_regions = [i for i, r in enumerate(self.cfg['regions']) if r[6]]

    def cell_nb(self, r, j, k=2):
        cl = self.cells[r]
        return [cl[(j + d) % len(cl)] for d in range(-k, k + 1) if d != 0]

    def mini(self, num, imsi, imei, r, cell, nb=None):
        s = Sub(num, imsi, imei, r, cell, None, nb or [cell])
        return s

    def city_region(self, capital_bias=0.6):
        if self.rnd() < capital_bias:
            return 0
        cr = self.city_regions
        return cr[int(self.rnd() * len(cr))]

    def stranger(self, r=None):
        rnd = self.rnd
        if rnd() < self.cfg['onnet_share']:
            L = self.subs_by_r[r] if (r is not None and rnd() < 0.6 and self.subs_by_r[r]) else self.subs
        else:
            L = self.offnet_by_r[r] if (r is not None and rnd() < 0.6) else self.offnet_all
        return L[int(rnd() * len(L))]


# =====================================================================
#                          BENIGN BUSINESS ACTORS
# =====================================================================

class Actor(object):
    def plan_day(self, d):
        pass

    def hour(self, hr):
        pass


def _fmt_amt(x):
    return '{:,.2f}'.format(x)


class Notifier(Actor):
    """A2P notification senders: banks (alerts, OTP - no links), couriers
    (tracking links on their own domains), utilities, e-commerce OTP,
    operator, hospital, insurer.  Fixed long numbers, national route."""

    def __init__(self, w):
        self.w = w
        rng = w.rng
        th = w.country == 'th'
        if th:
            spec = [('NakhonBank', 'bank', 0.25, 3, None), ('ChaoPhraya Bank', 'bank', 0.18, 2, None),
                    ('SiamParcel', 'courier', 0.13, 2, 'siamparcel.co.th'),
                    ('KwikEx', 'courier', 0.08, 1, 'kwikex.co.th'),
                    ('NakornPower', 'power', 0.05, 1, 'nakornpower.co.th'),
                    ('ประปาสยาม', 'water', 0.03, 1, None), ('ShopNow', 'ecom', 0.12, 2, None),
                    ('Operator', 'telco', 0.09, 1, None), ('รพ.เมืองใหม่', 'hospital', 0.03, 1, None),
                    ('Lanna Life', 'insurance', 0.04, 1, 'lannalife.co.th')]
        else:
            spec = [('华商银行', 'bank', 0.24, 3, None), ('南海银行', 'bank', 0.17, 2, None),
                    ('迅捷快递', 'courier', 0.14, 2, 'xj-express.cn'),
                    ('云达速运', 'courier', 0.08, 1, 'yunda-sy.com'),
                    ('城市燃气', 'power', 0.06, 1, None), ('优品商城', 'ecom', 0.13, 2, None),
                    ('移动服务', 'telco', 0.10, 1, None), ('市第一人民医院', 'hospital', 0.04, 1, None),
                    ('安泰保险', 'insurance', 0.04, 1, 'antai-ins.com.cn')]
        self.brands = []
        for name, kind, wt, nn, dom in spec:
            nums = []
            for _ in range(nn):
                if th:
                    n = w.alloc_mobile(False) if rng.random() < 0.6 else w.alloc_landline(0)
                else:
                    n = w.alloc_landline(rng.choice([0, 1, 2, 3]))
                nums.append(n)
                w.label(n, 'notification_sender')
            self.brands.append((name, kind, nums, dom))
        self.bcw = _cum([x[2] for x in spec])

    def hour(self, hr):
        w = self.w
        rng, rnd, rr = w.rng, w.rnd, w.rng.randrange
        hod = hr % 24
        n = w.pois(w.Wsum * w.R_A2P * A2P_PROF[hod] / 24.0)
        if n <= 0:
            return
        base = w.t0 + hr * HOUR
        rec = rng.choices(w.subs, cum_weights=w.cumw, k=n)
        brs = rng.choices(self.brands, cum_weights=self.bcw, k=n)
        for s, b in zip(rec, brs):
            ts = base + int(rnd() * HOUR)
            num = b[2][int(rnd() * len(b[2]))]
            text = self.text(b, ts)
            w.sms(ts, num, w.fa_nat(num), w.tfmt(s, ts), text, 'national', style=1 if rnd() < 0.7 else 0)

    def text(self, b, ts):
        w = self.w
        rnd, rr = w.rnd, w.rng.randrange
        name, kind, nums, dom = b
        loc = ts - w.t0 + 0
        day = w.dates[loc // DAY]
        mm, dd = day[5:7], day[8:10]
        sec = (loc % DAY) // 1000
        HH, MM = sec // 3600, (sec // 60) % 60
        acc = '%04d' % rr(10000)
        amt = _fmt_amt(rr(20, 400000) / (1.0 if rnd() < 0.5 else 10.0))
        bal = _fmt_amt(rr(100, 9000000) / 10.0)
        otp = '%06d' % rr(1000000)
        if w.country == 'th':
            if kind == 'bank':
                r = rnd()
                if r < 0.45:
                    return 'รหัส OTP คือ %s (Ref: %s) ใช้ภายใน 5 นาที ห้ามเปิดเผยรหัสนี้แก่ผู้อื่น - %s' % (
                        otp, w.rstr(4, UPPER), name)
                if r < 0.7:
                    return '%s: เงินเข้าบัญชี x%s %s บ. คงเหลือ %s บ. %s/%s %02d:%02d' % (name, acc, amt, bal, dd, mm, HH, MM)
                if r < 0.88:
                    return '%s: โอน/ถอน %s บ. จากบัญชี x%s คงเหลือ %s บ. %s/%s %02d:%02d' % (name, amt, acc, bal, dd, mm, HH, MM)
                return '%s: Debit x%s THB %s at %s, avail bal THB %s' % (
                    name, acc, amt, w.rng.choice(['7-ELEVEN', 'LOTUS', 'BIG C', 'GRAB', 'MAKRO', 'CENTRAL']), bal)
            if kind == 'courier':
                trk = w.rstr(2, UPPER) + '%010d' % rr(10 ** 10)
                if rnd() < 0.6:
                    return '%s: พัสดุ %s อยู่ระหว่างนำส่งวันนี้ ติดตามสถานะ https://%s/t/%s' % (name, trk, dom, trk)
                return '%s: พัสดุ %s จัดส่งสำเร็จแล้ว ขอบคุณที่ใช้บริการ https://%s/t/%s' % (name, trk, dom, trk)
            if kind == 'power':
                return '%s: ค่าไฟฟ้าเดือน %s จำนวน %s บาท ครบกำหนดชำระ %02d/%s ดูใบแจ้งหนี้ https://%s/ebill' % (
                    name, mm, amt, 1 + rr(28), mm, dom)
            if kind == 'water':
                return '%s: ค่าน้ำประปาเดือนนี้ %s บาท กรุณาชำระภายใน %02d/%s ขอบคุณค่ะ' % (name, amt, 1 + rr(28), mm)
            if kind == 'ecom':
                return '<#> รหัสยืนยัน %s ของคุณคือ %s ห้ามแชร์รหัสนี้กับผู้อื่น' % (name, otp)
            if kind == 'telco':
                if rnd() < 0.5:
                    return 'ยอดเงินคงเหลือ %s บาท ใช้ได้ถึง %02d/%s สมัครแพ็กเกจเสริมกด *%d#' % (
                        _fmt_amt(rr(0, 50000) / 100.0), 1 + rr(28), mm, rr(100, 999))
                return 'แพ็กเกจเน็ตของท่านจะหมดอายุวันที่ %02d/%s เวลา 23:59 น. ต่ออายุกด *%d#' % (1 + rr(28), mm, rr(100, 999))
            if kind == 'hospital':
                return '%s: แจ้งนัดหมายแพทย์ วันที่ %02d/%s เวลา %02d:%02d น. กรุณามาก่อนเวลา 30 นาที' % (
                    name, 1 + rr(28), mm, 8 + rr(8), 30 * rr(2))
            return '%s: ได้รับชำระเบี้ยประกัน กรมธรรม์ %s จำนวน %s บาท เรียบร้อยแล้ว รายละเอียด https://%s/policy' % (
                name, 'L%09d' % rr(10 ** 9), amt, dom)
        # cn
        m, d = int(mm), int(dd)
        if kind == 'bank':
            r = rnd()
            if r < 0.45:
                return '【%s】验证码%s，您正在进行%s，5分钟内有效，请勿泄露。' % (
                    name, otp, w.rng.choice(['网上支付', '登录', '转账', '绑卡']))
            if r < 0.7:
                return '【%s】您尾号%s的储蓄卡%d月%d日%02d:%02d收入人民币%s元，活期余额%s元。' % (name, acc, m, d, HH, MM, amt, bal)
            if r < 0.88:
                return '【%s】您尾号%s的储蓄卡%d月%d日%02d:%02d支出人民币%s元，活期余额%s元。' % (name, acc, m, d, HH, MM, amt, bal)
            return '【%s】您尾号%s的信用卡%d月%d日消费%s元。' % (name, acc, m, d, amt)
        if kind == 'courier':
            trk = 'YT%013d' % rr(10 ** 13)
            if rnd() < 0.6:
                return '【%s】您的快递%s已到达%s，取件码%d-%d-%04d，详情 https://%s/t/%s' % (
                    name, trk, w.rng.choice(['菜鸟驿站', '小区快递柜', '便利店代收点']), 1 + rr(9), 1 + rr(6), rr(10000),
                    dom, w.rstr(8))
            return '【%s】您的快件%s正在派送中，查询 https://%s/q?no=%s' % (name, trk, dom, trk)
        if kind == 'power':
            return '【%s】您户号%08d的%d月燃气费%s元，请于%d月%d日前缴纳。' % (name, rr(10 ** 8), m, amt, m, min(28, d + 7))
        if kind == 'ecom':
            return '【%s】验证码：%s，用于登录，10分钟内有效。如非本人操作请忽略。' % (name, otp)
        if kind == 'telco':
            return '【%s】尊敬的客户，截至%d月%d日，您本月已使用国内流量%.1fGB，剩余%.1fGB。' % (
                name, m, d, rr(10, 400) / 10.0, rr(10, 400) / 10.0)
        if kind == 'hospital':
            return '【%s】您已成功预约%d月%d日%s门诊，就诊序号%d，请携带身份证按时就诊。' % (
                name, m, min(28, d + 1 + rr(5)), w.rng.choice(['内科', '儿科', '口腔科', '骨科', '眼科']), 1 + rr(60))
        return '【%s】您的保单%s本期保费%s元已扣款成功，详情 https://%s' % (name, 'P%011d' % rr(10 ** 11), amt, dom)


class Office(Actor):
    """Telesales / debt-collection office with a shared lead book across days."""

    def __init__(self, w, kind):
        self.w = w
        rng, rnd, rr = w.rng, w.rnd, w.rng.randrange
        self.kind = kind
        self.r = w.city_region(0.65)
        cl = w.cells[self.r]
        j = rr(len(cl))
        self.cell, self.cell2 = cl[j], cl[(j + 1) % len(cl)]
        self.mode = 'sim' if rnd() < 0.6 else 'pbx'
        na = rng.randint(10, 22)
        self.lab = 'telesales_call_center' if kind == 'telesales' else 'debt_collection_agency'
        self.hotline = w.alloc_landline(self.r)
        self.agents = []
        if self.mode == 'sim':
            nums = w.alloc_block(na, True)
            imsis = w.imsi_block(na)
            tac = w.rng.choice(w.phone_tacs[:40])
            for n, im in zip(nums, imsis):
                a = w.mini(n, im, make_imei(tac, rr(10 ** 6)), self.r, self.cell, [self.cell, self.cell2])
                self.agents.append(a)
                w.label(n, self.lab)
        else:
            for n in w.alloc_landline(self.r, na, consecutive=True):
                self.agents.append(n)
                w.label(n, self.lab)
        # the shared book
        if kind == 'telesales':
            book = [w.stranger(None) for _ in range(na * 500)]
        else:
            book = [w.stranger(self.r if rnd() < 0.5 else None) for _ in range(na * 70)]
        self.book = list(dict.fromkeys(book))
        rng.shuffle(self.book)
        self.queue = deque(self.book)
        self.retry = []
        self.follow = []
        self.attempts = {}
        self.company = self._company()

    def _company(self):
        w = self.w
        if w.country == 'th':
            if self.kind == 'telesales':
                return w.rng.choice([('NakhonBank Card', 'nakhonbank.co.th'), ('Lanna Life', 'lannalife.co.th'),
                                     ('Siam Assurance', 'siamassure.co.th'), ('ChaoPhraya Card', 'cpbank.co.th')])
            return w.rng.choice([('บจก.เร่งรัดหนี้สินสยาม', None), ('TK Collection', None), ('ศูนย์ติดตามหนี้ ABC', None)])
        if self.kind == 'telesales':
            return w.rng.choice([('华商银行信用卡中心', 'hsbank.com.cn'), ('安泰保险', 'antai-ins.com.cn'),
                                 ('南海银行', 'nhbank.com.cn')])
        return w.rng.choice([('华商银行信用卡中心', None), ('信达资产催收部', None), ('南海银行信用卡中心', None)])

    def _next(self, today):
        if today:
            return today.popleft()
        if not self.queue:
            self.queue = deque(self.book)
        return self.queue.popleft()

    def plan_day(self, d):
        w = self.w
        rng, rnd, rr = w.rng, w.rnd, w.rng.randrange
        wd = w.wd[d]
        if wd == 6 or (wd == 5 and self.kind == 'telesales'):
            return
        sat = wd == 5
        day0 = w.day_ms(d)
        # staff turnover: a new SIM goes into an existing desk handset
        if self.mode == 'sim' and d > 0 and rnd() < 0.15:
            i = rr(len(self.agents))
            old = self.agents[i]
            n = w.alloc_mobile(True)
            self.agents[i] = w.mini(n, w.new_imsi(), old.imei, self.r, self.cell, old.nb)
            w.label(n, self.lab)
        if self.kind == 'telesales':
            today = deque(self.follow + self.retry)
            self.follow, self.retry = [], []
        else:
            deb = list(self.book)
            rng.shuffle(deb)
            today = deque(deb)
        heap = []
        ends = {}
        for ai in range(len(self.agents)):
            if rnd() < 0.07:
                continue
            st = day0 + int((8.5 + rnd() * 0.75) * HOUR)
            ends[ai] = day0 + int(((12.5 if sat else 17.5) + rnd()) * HOUR)
            heap.append((st, ai))
        heapq.heapify(heap)
        l0, l1 = day0 + 12 * HOUR, day0 + 13 * HOUR
        attempts_today = {}
        tele = self.kind == 'telesales'
        while heap:
            t, ai = heapq.heappop(heap)
            if t >= ends[ai]:
                continue
            if l0 <= t < l1 and not sat:
                heapq.heappush(heap, (l1 + rr(600000), ai))
                continue
            tgt = self._next(today)
            ref = False
            if not tele and rnd() < 0.08 and tgt.__class__ is not str and tgt.contacts:
                tgt = tgt.contacts[rr(len(tgt.contacts))]
                ref = True
            is_str = tgt.__class__ is str
            pa = (0.28 if tele else 0.32) * (0.9 if is_str else 1.0)
            ans = rnd() < pa
            if ans:
                x = rnd()
                if x < (0.45 if tele else 0.3):
                    dur = 2 + rr(13)
                elif x < 0.9:
                    dur = 20 + int(rng.lognormvariate(4.2, 0.7))
                else:
                    dur = 180 + rr(540)
                cyc = dur * 1000 + rr(30000, 120000)
            else:
                dur = 0
                cyc = rr(20000, 40000) + rr(25000, 80000)
            agent = self.agents[ai]
            self._emit(agent, tgt, t, dur, ans)
            if tele:
                if ans and dur > 120 and rnd() < 0.4:
                    self.follow.append(tgt)
                    if agent.__class__ is not str and rnd() < 0.5:
                        self._info_sms(agent, tgt, t + dur * 1000 + rr(30000, 300000))
                elif not ans:
                    k = self.attempts.get(tgt, 0) + 1
                    self.attempts[tgt] = k
                    if k < 4:
                        if rnd() < 0.2:
                            today.append(tgt)
                        else:
                            self.retry.append(tgt)
            elif not ans and not ref:
                k = attempts_today.get(tgt, 0) + 1
                attempts_today[tgt] = k
                if k < 3:
                    today.append(tgt)
                if k == 1 and agent.__class__ is not str and rnd() < 0.15:
                    self._info_sms(agent, tgt, t + rr(60000, 600000))
            if not ans and tgt.__class__ is not str and rnd() < (0.07 if tele else 0.12):
                self._callback(tgt, agent, t + 60000 + int(rng.expovariate(1.0 / 3000000)))
            heapq.heappush(heap, (t + cyc, ai))

    def _emit(self, agent, tgt, t, dur, ans):
        w = self.w
        if agent.__class__ is str:
            if tgt.__class__ is str:
                return  # PBX on another network calling another network: not visible to us
            w.call(t, agent, w.fa_nat(agent), w.tfmt(tgt, t), dur, ans, 'national')
        else:
            w.sub_call(agent, t, w.tfmt(tgt, t), dur, ans, agent.home if w.rnd() < 0.9 else agent.nb[-1])

    def _callback(self, cust, agent, t):
        w = self.w
        if agent.__class__ is str or w.rnd() < 0.3:
            callee = self.hotline
        else:
            callee = agent.num
        hod = w.hod_of(t)
        d = (t - w.t0) // DAY
        open_ = 9 <= hod < 18 and d < len(w.wd) and w.wd[d] < (6 if self.kind != 'telesales' else 5)
        ans = w.rnd() < (0.85 if open_ else 0.05)
        dur = (30 + int(w.rng.lognormvariate(4.3, 0.8))) if ans else 0
        w.pcall(cust, callee, t, dur, ans)

    def _info_sms(self, agent, tgt, t):
        w = self.w
        name, dom = self.company
        rr = w.rng.randrange
        hl = '0' + self.hotline[w.ccl:]
        if w.country == 'th':
            if self.kind == 'telesales':
                txt = '%s: ขอบคุณที่สนใจผลิตภัณฑ์ของเรา รายละเอียดเพิ่มเติม https://www.%s/%s หรือโทร %s' % (
                    name, dom, w.rng.choice(['card', 'promotion', 'insurance', 'loan']), hl)
            else:
                txt = 'แจ้งยอดค้างชำระ %s บาท ครบกำหนด %02d/%s กรุณาติดต่อกลับ %s %s' % (
                    _fmt_amt(rr(2000, 90000)), 1 + rr(28), w.dates[0][5:7], hl, name)
        else:
            if self.kind == 'telesales':
                txt = '【%s】感谢您的接听，产品详情请访问 https://www.%s/%s ，咨询电话%s。' % (
                    name, dom, w.rng.choice(['card', 'promo', 'insurance']), hl)
            else:
                txt = '【%s】您尾号%04d的账单已逾期%d天，欠款%s元，请尽快还款，详询%s。' % (
                    name, rr(10000), 1 + rr(90), _fmt_amt(rr(2000, 90000)), hl)
        w.psms(agent, tgt, t, txt, agent.home)


class Riders(Actor):
    """Courier riders: ordinary subscribers calling the day's recipients."""

    def __init__(self, w):
        self.w = w
        rng, rr = w.rng, w.rng.randrange
        self.riders = []
        for _ in range(max(1, int(round(30 * w.s)))):
            s = w._pick_free(w.city_regions)
            if s is None:
                continue
            s.flag = 'rider'
            cl = w.cells[s.r]
            j = rr(len(cl))
            n = min(len(cl), rng.randint(10, 20))
            district = [cl[(j + k) % len(cl)] for k in range(n)]
            sup = w.alloc_mobile(rng.random() < 0.5)
            self.riders.append((s, district, sup))
            w.label(s.num, 'delivery_rider')

    def plan_day(self, d):
        w = self.w
        rng, rnd, rr = w.rng, w.rnd, w.rng.randrange
        wd = w.wd[d]
        day0 = w.day_ms(d)
        th = w.country == 'th'
        for s, district, sup in self.riders:
            if (wd == 6 and rnd() < 0.6) or rnd() < 0.05 or w.roaming(s, day0 + 12 * HOUR):
                continue
            n = rng.randint(25, 65)
            times = sorted(day0 + 9 * HOUR + rr(10 * HOUR) for _ in range(n))
            for k, t in enumerate(times):
                cell = district[min(len(district) - 1, int(k * len(district) / n + rnd() * 1.5))]
                tgt = w.stranger(s.r)
                ans = rnd() < 0.72
                w.sub_call(s, t, w.tfmt(tgt, t), (8 + rr(55)) if ans else 0, ans, cell)
                if not ans:
                    if rnd() < 0.45:
                        w.sub_sms(s, t + rr(20000, 90000), w.tfmt(tgt, t), self._text(), cell)
                    if rnd() < 0.5:
                        t2 = t + rr(180000, 600000)
                        a2 = rnd() < 0.6
                        w.sub_call(s, t2, w.tfmt(tgt, t2), (8 + rr(50)) if a2 else 0, a2, cell)
                    if rnd() < 0.25:
                        t3 = t + rr(60000, 1200000)
                        w.pcall(tgt, s, t3, 10 + rr(60), rnd() < 0.9)
            for _ in range(rng.randint(2, 4)):
                t = day0 + 8 * HOUR + rr(11 * HOUR)
                w.sub_call(s, t, w.fb(sup), 20 + rr(120), True, district[0])

    def _text(self):
        w = self.w
        if w.country == 'th':
            return w.rng.choice(['ไรเดอร์ส่งพัสดุครับ ถึงหน้าบ้านแล้ว รบกวนติดต่อกลับครับ',
                                 'ส่งของครับ โทรไม่ติด วางไว้ที่ป้อมยามนะครับ',
                                 'พัสดุมาส่งครับ สะดวกรับกี่โมงครับ', 'ส่งพัสดุครับ อยู่หน้าหมู่บ้านครับ'])
        return w.rng.choice(['您好，您的快递到了，放驿站了，取件码%d-%04d' % (w.rng.randrange(1, 9), w.rng.randrange(10000)),
                             '快递到了，在门口，方便下来取一下吗', '您好，外卖到了，放门口了', '电话打不通，快递放快递柜了'])


class Dispatch(Actor):
    """Taxi dispatch office: customers call in, dispatcher calls drivers."""

    def __init__(self, w):
        self.w = w
        rng, rr = w.rng, w.rng.randrange
        self.r = w.city_region(0.6)
        cl = w.cells[self.r]
        j = rr(len(cl))
        self.cell = cl[j]
        nd = rng.randint(1, 2)
        nums = w.alloc_block(nd, True)
        tac = w.rng.choice(w.phone_tacs[:60])
        self.disp = [w.mini(n, w.new_imsi(), make_imei(tac, rr(10 ** 6)), self.r, self.cell) for n in nums]
        for x in self.disp:
            w.label(x.num, 'dispatcher')
        self.drivers = []
        for _ in range(rng.randint(25, 50)):
            if rng.random() < 0.7:
                s = w._pick_free([self.r])
                if s is not None:
                    s.flag = 'driver'
                    self.drivers.append(s)
                    continue
            self.drivers.append(w.offnet_by_r[self.r][rr(len(w.offnet_by_r[self.r]))])
        self.regulars = [w.stranger(self.r) for _ in range(rng.randint(150, 300))]
        self.name = rng.choice(['SiamTaxi', 'Taxi OK', 'แท็กซี่ด่วน']) if w.country == 'th' else \
            rng.choice(['强生', '金星', '大众', '万顺'])

    def plan_day(self, d):
        w = self.w
        rng, rnd, rr = w.rng, w.rnd, w.rng.randrange
        day0 = w.day_ms(d)
        jobs = int(rng.gauss(130, 15) * w.s ** 0.3)
        hours = rng.choices(range(24), weights=TAXI_PROF, k=max(10, jobs))
        for h in hours:
            t = day0 + h * HOUR + rr(HOUR)
            disp = self.disp[rr(len(self.disp))]
            cust = self.regulars[rr(len(self.regulars))] if rnd() < 0.6 else w.stranger(self.r)
            w.pcall(cust, disp, t, 15 + rr(60), True)
            t += 90000 + rr(60000)
            drv = None
            for _ in range(3):
                drv = self.drivers[rr(len(self.drivers))]
                a = rnd() < 0.75
                w.sub_call(disp, t, w.tfmt(drv, t), (8 + rr(30)) if a else 0, a, self.cell)
                t += (40000 if a else 30000) + rr(30000)
                if a:
                    break
            x = rnd()
            if x < 0.45:
                w.sub_sms(disp, t, w.tfmt(cust, t), self._text(), self.cell)
            elif x < 0.8:
                a = rnd() < 0.85
                w.sub_call(disp, t, w.tfmt(cust, t), (10 + rr(30)) if a else 0, a, self.cell)

    def _text(self):
        w = self.w
        rr = w.rng.randrange
        if w.country == 'th':
            plate = '%d%s %04d' % (rr(1, 10), w.rng.choice(['กข', 'ทก', 'มค', 'ษก', 'ฒท']), rr(1, 10000))
            return '%s: แท็กซี่ทะเบียน %s กำลังไปรับท่าน ถึงในประมาณ %d นาที' % (self.name, plate, rr(3, 20))
        plate = '%s%s%05d' % (w.rng.choice(['粤A', '粤B', '京B', '沪A', '川A', '浙A', '云A']), w.rng.choice(UPPER), rr(100000))
        return '【%s出租】已为您派车%s，预计%d分钟到达，请在上车点等候。' % (self.name, plate, rr(3, 20))


class Shop(Actor):
    """A shop owner's own SIM texting the shop's own customers."""

    def __init__(self, w):
        self.w = w
        rng, rnd, rr = w.rng, w.rnd, w.rng.randrange
        self.owner = w._pick_free(w.city_regions)
        if self.owner is None:
            self.owner = w.subs[rr(w.N)]
        self.owner.flag = 'shop'
        self.cell = self.owner.work or self.owner.home
        r = self.owner.r
        self.customers = list(dict.fromkeys(w.stranger(r if rnd() < 0.85 else None)
                                            for _ in range(rng.randint(60, 350))))
        self.days = [rnd() < 0.45 for _ in range(w.D)]
        if not any(self.days):
            self.days[rr(w.D)] = True
        self.hour0 = rng.choice([10, 11, 12, 15, 17, 18])
        self._make_style()
        w.label(self.owner.num, 'small_business_sms_promo')

    def _make_style(self):
        w = self.w
        rng, rr = w.rng, w.rng.randrange
        phone = '0' + self.owner.num[w.ccl:]
        if w.country == 'th':
            typ = rng.choice(['ร้านกาแฟ', 'ร้านเสริมสวย', 'คลินิกทันตกรรม', 'ร้านมือถือ', 'ร้านอาหาร', 'ฟิตเนส',
                              'ร้านซักรีด', 'คาร์แคร์', 'ร้านเบเกอรี่', 'ร้านยา'])
            nm = rng.choice(['บ้านสวน', 'ริมน้ำ', 'ใจดี', 'สุขใจ', 'ดีดี', 'นานา', 'เจ๊หมวย', 'พี่ต้น', 'ลุงชัย', 'มีสุข'])
            self.name = typ + nm
            slug = rng.choice(['baansuan', 'rimnam', 'jaidee', 'sukjai', 'deedee', 'nana', 'jemuay', 'pton',
                               'lungchai', 'meesuk']) + rng.choice(['cafe', 'salon', 'shop', 'bkk', 'th', ''])
            self.offer = rng.choice(['ลด {p}% ทุกรายการ', 'ซื้อ 1 แถม 1', 'โปรพิเศษ {price}.- เท่านั้น',
                                     'สมาชิกรับส่วนลด {p}%', 'ฟรีค่าจัดส่งทุกออเดอร์'])
            self.period = rng.choice(['วันนี้ - {d2}/{mm}', 'เฉพาะสุดสัปดาห์นี้', 'ถึงสิ้นเดือนนี้', 'เฉพาะวันนี้'])
            self.cta = rng.choice(['แสดง SMS นี้ที่ร้าน', 'จองคิวโทร ' + phone, 'สั่งผ่านไลน์ได้เลย', 'ดูรายละเอียด'])
            self.link = rng.choice(['https://lin.ee/' + w.rstr(7), 'https://www.facebook.com/' + slug,
                                    'https://%s.com/promo' % slug, ''])
            self.fmt = '{name}: {offer} {period} {cta} {link}'
        else:
            typ = rng.choice(['川菜馆', '奶茶店', '美容院', '口腔诊所', '手机店', '健身房', '洗衣店', '汽车美容', '烘焙坊', '药房'])
            nm = rng.choice(['张记', '老王', '小李', '福满', '鑫源', '佳佳', '欣悦', '阿强', '和顺', '金牌'])
            self.name = nm + typ
            slug = rng.choice(['zhangji', 'laowang', 'xiaoli', 'fuman', 'xinyuan', 'jiajia', 'xinyue']) + str(rr(10, 99))
            self.offer = rng.choice(['全场{p2}折', '买一送一', '会员日特价{price}元', '充{price}送{p}', '到店即送小礼品'])
            self.period = rng.choice(['{m}月{d}日-{m}月{d2}日', '本周末', '仅限今天', '即日起至月底'])
            self.cta = rng.choice(['凭短信到店享优惠', '订座电话' + phone, '详询微信同号', '点击查看'])
            self.link = rng.choice(['https://%s.cn/h5' % slug, '', ''])
            self.fmt = '【{name}】{offer}，{period}，{cta}{link} 退订回T'

    def _text(self, ts):
        w = self.w
        rr = w.rng.randrange
        day = w.dates[(ts - w.t0) // DAY]
        mm, dd = day[5:7], int(day[8:10])
        vals = dict(p=rr(1, 6) * 5, p2=rr(5, 9), price=rr(3, 30) * 10, mm=mm, m=int(mm), d=dd, d2=min(28, dd + rr(2, 8)))
        offer = self.offer.format(**vals)
        period = self.period.format(**vals)
        link = (' ' + self.link) if (self.link and w.country == 'th') else self.link
        return self.fmt.format(name=self.name, offer=offer, period=period, cta=self.cta, link=link).strip()

    def plan_day(self, d):
        w = self.w
        rnd, rr = w.rnd, w.rng.randrange
        day0 = w.day_ms(d)
        o = self.owner
        if w.roaming(o, day0 + 12 * HOUR):
            return
        if self.days[d]:
            t = day0 + self.hour0 * HOUR + rr(HOUR)
            text = self._text(t)
            for c in self.customers:
                if rnd() < 0.15:
                    continue
                w.sub_sms(o, t, w.tfmt(c, t), text, self.cell)
                if rnd() < 0.03:
                    rep = w.rng.choice(['สนใจค่ะ', 'ขอรายละเอียดหน่อยครับ', 'ยกเลิก', 'ok']) if w.country == 'th' else \
                        w.rng.choice(['T', '好的', '几点营业？', 'TD'])
                    w.psms(c, o, t + rr(60000, 7200000), rep)
                if rnd() < 0.012:
                    w.pcall(c, o, t + rr(120000, 10800000), 30 + rr(200), rnd() < 0.85)
                t += rr(2000, 10000)
        for _ in range(w.rng.randint(3, 12)):
            t = day0 + 9 * HOUR + rr(11 * HOUR)
            c = self.customers[rr(len(self.customers))]
            w.pcall(c, o, t, 20 + rr(180), rnd() < 0.8)


class IoT(Actor):
    """IoT SIMs (meters, trackers, alarms, vending) and platform numbers."""

    def __init__(self, w):
        self.w = w
        rng, rnd, rr = w.rng, w.rnd, w.rng.randrange
        n = max(4, int(round(180 * w.s)))
        pr = w.city_region(0.8)
        self.platforms = []
        for _ in range(2):
            num = w.alloc_mobile(True)
            p = w.mini(num, w.new_imsi(), w.new_imei('module'), pr, w.cells[pr][0])
            self.platforms.append(p)
        self.alarm_centre = w.alloc_landline(0)
        self.devs = []
        done = 0
        while done < n:
            k = min(n - done, rng.randint(20, 60))
            nums = w.alloc_block(k, True)
            imsis = w.imsi_block(k)
            kind = rng.choices(['meter', 'tracker', 'alarm', 'vending'], weights=[45, 30, 15, 10])[0]
            r = w.city_region(0.5)
            cl = w.cells[r]
            for num, im in zip(nums, imsis):
                j = rr(len(cl))
                s = w.mini(num, im, w.new_imei('module'), r, cl[j], w.cell_nb(r, j, 3))
                plat = self.platforms[rr(2)]
                dev = {'s': s, 'kind': kind, 'plat': plat, 'id': '%s%06d' % (kind[:2].upper(), rr(10 ** 6)),
                       'phase': rr(3600000), 'period': rng.choice([1800000, 3600000]), 'val': rr(1000, 90000) / 10.0,
                       'j': j, 'r': r}
                self.devs.append(dev)
                w.label(num, 'iot_sim')
            done += k

    def plan_day(self, d):
        w = self.w
        rng, rnd, rr = w.rng, w.rnd, w.rng.randrange
        day0 = w.day_ms(d)
        for dev in self.devs:
            s, kind, plat = dev['s'], dev['kind'], dev['plat']
            pf = w.tfmt(plat, day0)
            if kind == 'meter':
                t = day0 + dev['phase'] % dev['period']
                while t < day0 + DAY:
                    dev['val'] += rnd() * 0.8
                    w.sms(t + rr(-3000, 3000), s.num, w.fa_on(s.num), pf,
                          'MTR;ID=%s;E=%.1f;V=%d.%d;ST=00' % (dev['id'], dev['val'], 228 + rr(5), rr(10)),
                          'onnet', s.imsi, s.imei, s.home, style=1)
                    t += dev['period']
            elif kind == 'tracker':
                if w.wd[d] == 6 and rnd() < 0.5:
                    continue
                cl = w.cells[dev['r']]
                t = day0 + 7 * HOUR + rr(2 * HOUR)
                end = day0 + 19 * HOUR + rr(2 * HOUR)
                j = dev['j']
                lat, lon = 13.0 + rr(2000) / 1000.0, 100.0 + rr(2000) / 1000.0
                if w.country == 'cn':
                    lat, lon = 22.0 + rr(8000) / 1000.0, 103.0 + rr(15000) / 1000.0
                while t < end:
                    moving = rnd() < 0.7
                    if moving:
                        j += rng.choice([-1, 1, 1])
                        lat += (rnd() - 0.5) / 100
                        lon += (rnd() - 0.5) / 100
                    sec = (t - day0) // 1000
                    w.sms(t, s.num, w.fa_on(s.num), pf,
                          'GPS,%s,%.5f,%.5f,%d,%02d%02d%02d' % (dev['id'], lat, lon, rr(20, 80) if moving else 0,
                                                                sec // 3600, (sec // 60) % 60, sec % 60),
                          'onnet', s.imsi, s.imei, cl[j % len(cl)], style=1)
                    t += 600000 + rr(-20000, 20000)
                dev['j'] = j
            elif kind == 'alarm':
                t = day0 + dev['phase'] % (6 * HOUR) + 2 * HOUR
                w.sms(t, s.num, w.fa_on(s.num), pf, 'ALM %s HEARTBEAT OK BAT=%d%%' % (dev['id'], 80 + rr(20)),
                      'onnet', s.imsi, s.imei, s.home, style=1)
                if rnd() < 0.03:
                    t2 = day0 + rr(DAY)
                    w.call(t2, s.num, w.fa_on(s.num), w.fb(self.alarm_centre), 20 + rr(40), True, 'onnet',
                           s.imsi, s.imei, s.home)
                    w.sms(t2 + 5000, s.num, w.fa_on(s.num), pf, 'ALM %s ZONE%d TRIGGERED' % (dev['id'], 1 + rr(8)),
                          'onnet', s.imsi, s.imei, s.home, style=1)
            else:
                for _ in range(rng.randint(4, 10)):
                    t = day0 + 7 * HOUR + rr(15 * HOUR)
                    w.sms(t, s.num, w.fa_on(s.num), pf, 'VM%s SALES=%d CASH=%d STOCK=%s' % (
                        dev['id'], rr(5, 80), rr(100, 5000), rng.choice(['OK', 'OK', 'LOW'])),
                        'onnet', s.imsi, s.imei, s.home, style=1)
        # platforms push configuration at night (one sender, many devices, same text)
        for p in self.platforms:
            mine = [dv for dv in self.devs if dv['plat'] is p]
            if not mine:
                continue
            t = day0 + 2 * HOUR + rr(HOUR)
            txt = 'CFG#INT=%d#SRV=%d.%d.%d.%d#' % (rng.choice([1800, 3600]), 10, rr(256), rr(256), rr(256))
            for dv in mine:
                if rnd() < 0.3:
                    w.sub_sms(p, t, w.tfmt(dv['s'], t), txt, p.home)
                    t += rr(800, 2500)
            w.label(p.num, 'iot_platform')


class OverseasDesk(Actor):
    """Outsourced service desk abroad presenting local landlines (international route)."""

    def __init__(self, w):
        self.w = w
        rng = w.rng
        self.nums = [w.alloc_landline(0) for _ in range(rng.randint(2, 4))]
        for n in self.nums:
            w.label(n, 'overseas_service_desk')
        self.customers = list(dict.fromkeys(w.subs[rng.randrange(w.N)] for _ in range(rng.randint(1500, 3000))))
        self.rate = rng.randint(12, 22)
        self.sat = rng.random() < 0.4

    def plan_day(self, d):
        w = self.w
        rng, rnd, rr = w.rng, w.rnd, w.rng.randrange
        wd = w.wd[d]
        if wd == 6 or (wd == 5 and not self.sat):
            return
        day0 = w.day_ms(d)
        h1 = 13 if wd == 5 else 18
        for num in self.nums:
            for h in range(9, h1):
                if h == 12:
                    continue
                for _ in range(w.pois(self.rate)):
                    t = day0 + h * HOUR + rr(HOUR)
                    c = self.customers[rr(len(self.customers))]
                    ans = rnd() < 0.55
                    dur = (20 + int(rng.lognormvariate(4.8, 0.8))) if ans else 0
                    w.call(t, num, w.fa_int(num), w.tfmt(c, t), dur, ans, 'international')
                    if not ans and rnd() < 0.12:
                        t2 = t + 60000 + int(rng.expovariate(1.0 / 5400000))
                        hod = w.hod_of(t2)
                        a2 = rnd() < (0.85 if 9 <= hod < 18 else 0.1)
                        w.sub_call(c, t2, w.fb(num), (30 + int(rng.lognormvariate(4.8, 0.7))) if a2 else 0, a2)


class Tourists(Actor):
    """Inbound roamers: foreign SIMs on our cells calling home and local numbers."""

    def __init__(self, w):
        self.w = w
        rng, rnd, rr = w.rng, w.rnd, w.rng.randrange
        self.t = []
        for _ in range(max(1, int(round(100 * w.s)))):
            frm = rng.choice(w.cfg['tourists_from'])
            num = w.foreign(frm)
            plmn = rng.choice(VISITOR_IMSI[frm])
            imsi = plmn + '%0*d' % (15 - len(plmn), rr(10 ** (15 - len(plmn))))
            r = rng.choice(w.tourist_regions)
            cl = w.cells[r]
            j = rr(len(cl))
            s = w.mini(num, imsi, w.new_imei('phone'), r, cl[j], w.cell_nb(r, j, 3))
            st = w.t0 + int((rnd() * (w.D + 3) - 3) * DAY)
            en = st + int((3 + rnd() * 8) * DAY)
            if en < w.t0 + 12 * HOUR:
                en = w.t0 + int((0.5 + rnd() * w.D) * DAY)
            home = [w.foreign(frm) for _ in range(rng.randint(1, 4))]
            self.t.append((s, st, en, home))
            w.label(num, 'inbound_roamer')

    def plan_day(self, d):
        w = self.w
        rng, rnd, rr = w.rng, w.rnd, w.rng.randrange
        day0 = w.day_ms(d)
        for s, st, en, home in self.t:
            for _ in range(rng.randint(1, 6)):
                t = day0 + 8 * HOUR + rr(15 * HOUR)
                if not (st <= t < en):
                    continue
                cell = s.nb[rr(len(s.nb))]
                x = rnd()
                if x < 0.55:
                    c = home[rr(len(home))]
                    a = rnd() < 0.75
                    w.call(t, s.num, w.fa_int(s.num), w.fb(c), w.talk(4.8, 0.9) if a else 0, a, 'onnet',
                           s.imsi, s.imei, cell)
                elif x < 0.85:
                    c = w.services_by_r[s.r][rr(len(w.services_by_r[s.r]))] if rnd() < 0.6 else w.stranger(s.r)
                    a = rnd() < 0.8
                    w.call(t, s.num, w.fa_int(s.num), w.tfmt(c, t), w.talk(4.0, 0.8) if a else 0, a, 'onnet',
                           s.imsi, s.imei, cell)
                else:
                    c = home[rr(len(home))]
                    w.sms(t, s.num, w.fa_int(s.num), w.fb(c),
                          rng.choice(['arrived safely', 'hotel is nice', 'ok', 'call you later', '到了', '好的',
                                      'will be back friday', '👍']), 'onnet', s.imsi, s.imei, cell)


# =====================================================================
#                                 FRAUD
# =====================================================================

class SimSource(object):
    """Bulk SIM batches: near-consecutive MSISDNs and sequential IMSIs."""

    def __init__(self, w, lo=10, hi=25, step=3):
        self.w = w
        self.q = deque()
        self.lo, self.hi, self.step = lo, hi, step

    def take(self):
        if not self.q:
            n = self.w.rng.randint(self.lo, self.hi)
            nums = self.w.alloc_block(n, True, step_max=self.step)
            self.q.extend(zip(nums, self.w.imsi_block(n)))
        return self.q.popleft()


def scam_outcome(w, tgt, pa=0.20):
    """(answered, duration) of a cold scam call."""
    rnd, rr = w.rnd, w.rng.randrange
    if tgt.__class__ is str and tgt not in w.allocated:
        return False, 0                      # vacant number
    if rnd() >= (pa if tgt.__class__ is not str else pa * 0.9):
        return False, 0
    x = rnd()
    if x < 0.6:
        return True, 2 + rr(18)
    if x < 0.93:
        return True, 25 + rr(160)
    return True, 300 + rr(2400)


class SeqDialer(object):
    """Dials number blocks sequentially (random-digit dialing of our ranges)."""

    def __init__(self, w):
        self.w = w
        self._reset()

    def _reset(self):
        self.base = self.w.rand_mobile(True)
        self.v = int(self.base)
        self.keep = self.w.ccl + len(self.w.cfg['mob_ours'][0])

    def next(self):
        w = self.w
        self.v += 1 + w.rng.randrange(3)
        c = str(self.v)
        if c[:self.keep] != self.base[:self.keep] or len(c) != len(self.base):
            self._reset()
            c = str(self.v)
        return w.num2sub.get(c, c)


class CallCentre(Actor):
    """Scam call centre (mostly border area): fixed handsets, burnt SIMs."""

    def __init__(self, w, region, seq=False):
        self.w = w
        rng, rnd, rr = w.rng, w.rnd, w.rng.randrange
        self.r = region
        cl = w.cells[region]
        j = rr(len(cl))
        self.cells = [cl[j], cl[(j + 1) % len(cl)]]
        nseat = max(1, int(round(rng.randint(3, 5) * min(1.0, w.s * 1.5))))
        self.seats = [{'imei': w.new_imei('cheap'), 'sim': None, 'budget': 0, 'follow': []}
                      for _ in range(nseat)]
        self.spare = w.new_imei('cheap')
        self.src = SimSource(w, 15, 30, 3)
        self.seq = SeqDialer(w) if seq else None
        self.evening = rnd() < 0.7

    def target(self):
        if self.seq is not None and self.w.rnd() < 0.8:
            return self.seq.next()
        return self.w.stranger(None)

    def plan_day(self, d):
        w = self.w
        rng, rnd, rr = w.rng, w.rnd, w.rng.randrange
        day0 = w.day_ms(d)
        shifts = [(9, 12), (13, 18)]
        if self.evening and rnd() < 0.8:
            shifts.append((19, 22))
        for si, seat in enumerate(self.seats):
            if rnd() < 0.05:
                continue
            for a, b in shifts:
                t = day0 + a * HOUR + rr(900000)
                end = day0 + b * HOUR + rr(-600000, 600000)
                while t < end:
                    if seat['sim'] is None or seat['budget'] <= 0:
                        if seat['sim'] is not None:
                            seat['sim'] = None          # SIM blocked / thrown away
                            t += rr(180000, 1800000)
                            continue
                        num, imsi = self.src.take()
                        imei = seat['imei'] if rnd() > 0.1 else rng.choice(
                            [self.spare] + [x['imei'] for x in self.seats])
                        seat['sim'] = w.mini(num, imsi, imei, self.r, self.cells[0], self.cells)
                        seat['budget'] = rng.randint(150, 900)
                        w.label(num, 'callcenter', True)
                        if rnd() < 0.4:
                            others = [x['sim'] for x in self.seats if x['sim'] is not None and x is not seat]
                            if others:
                                o = rng.choice(others)
                                w.sub_call(seat['sim'], t, w.fb(o.num), 3 + rr(8), True, self.cells[0])
                                t += 20000 + rr(20000)
                    sim = seat['sim']
                    if seat['follow'] and rnd() < 0.04:
                        tgt = seat['follow'].pop(0)
                        ans = rnd() < 0.7
                        dur = (120 + rr(1800)) if ans else 0
                    else:
                        tgt = self.target()
                        ans, dur = scam_outcome(w, tgt)
                        if dur >= 300 and d + 1 < w.D:
                            seat['follow'].append(tgt)
                    cell = self.cells[0] if rnd() < 0.85 else self.cells[1]
                    w.sub_call(sim, t, w.tfmt(tgt, t), dur, ans, cell)
                    seat['budget'] -= 1
                    if not ans and tgt.__class__ is not str and rnd() < 0.015:
                        t2 = t + rr(120000, 3 * HOUR)
                        a2 = rnd() < 0.3
                        w.sub_call(tgt, t2, w.fb(sim.num), (5 + rr(60)) if a2 else 0, a2)
                    t += (dur * 1000 if ans else rr(20000, 35000)) + rr(8000, 35000)


class SimBox(Actor):
    """SIM box racks: bypass, evasive bypass, GoIP scam relay."""

    def __init__(self, w, mode):
        self.w = w
        rng, rnd, rr = w.rng, w.rnd, w.rng.randrange
        self.mode = mode
        self.r = w.city_region(0.6)
        cl = w.cells[self.r]
        j = rr(len(cl))
        self.cells = [cl[j], cl[(j + 1) % len(cl)], cl[(j - 1) % len(cl)]]
        self.ports = max(2, int(round({'bypass': 10, 'evasive': 8, 'goip': 4}[mode] * min(1.0, w.s))))
        tac = rng.choice(w.module_tacs)
        b0 = rr(10 ** 6 - 64)
        self.port_imei = [make_imei(tac, b0 + i) for i in range(self.ports)]
        self.src = SimSource(w, 10, 20, 2)
        self.sim = [None] * self.ports
        self.until = [0] * self.ports
        self.down = [0] * self.ports
        self.budget = [0] * self.ports
        if mode != 'goip':
            self.recip = list(dict.fromkeys(w.stranger(None) for _ in range(rng.randint(800, 1500))))
        if mode == 'evasive':
            self.pool = [self._new_evasive() for _ in range(self.ports + max(1, int(round(4 * min(1.0, w.s)))))]
            self.friends = [w.subs[rr(w.N)] for _ in range(3)]

    def _new_sim(self, imei):
        num, imsi = self.src.take()
        self.w.label(num, 'simbox', True)
        return self.w.mini(num, imsi, imei, self.r, self.cells[0], self.cells)

    def _new_evasive(self):
        s = self._new_sim(self.w.new_imei('phone'))     # IMEI randomised to look like a handset
        return {'s': s, 'cap': self.w.rng.randint(25, 40), 'used': 0}

    def plan_day(self, d):
        getattr(self, '_day_' + self.mode)(d)

    def _day_bypass(self, d):
        w = self.w
        rng, rnd, rr = w.rng, w.rnd, w.rng.randrange
        day0 = w.day_ms(d)
        daily = 1100 * self.ports / 10.0 * (1.15 if w.wd[d] >= 5 else 1.0)
        times = []
        for h in range(24):
            times.extend(day0 + h * HOUR + rr(HOUR) for _ in range(w.pois(daily * INTL_PROF[h] / 24.0)))
        times.sort()
        for t in times:
            p = rr(self.ports)
            for _ in range(3):
                if t >= self.down[p]:
                    break
                p = rr(self.ports)
            else:
                continue
            if self.sim[p] is not None and t >= self.until[p]:
                self.sim[p] = None                              # SIM blocked
                self.down[p] = t + rr(1800000, 3 * HOUR)
                continue
            if self.sim[p] is None:
                self.sim[p] = self._new_sim(self.port_imei[p])
                self.until[p] = t + rr(36 * HOUR, 120 * HOUR)
            sim = self.sim[p]
            tgt = self.recip[int(len(self.recip) * rnd() ** 2)]
            ans = rnd() < 0.68
            w.sub_call(sim, t, w.tfmt(tgt, t), w.talk(4.9, 0.9) if ans else 0, ans, self.cells[0])
            if not ans and tgt.__class__ is not str and rnd() < 0.03:
                w.sub_call(tgt, t + rr(60000, 3600000), w.fb(sim.num), 0, False)

    def _day_evasive(self, d):
        w = self.w
        rng, rnd, rr = w.rng, w.rnd, w.rng.randrange
        day0 = w.day_ms(d)
        if d > 0:
            for i in range(len(self.pool)):
                if rnd() < 0.15:
                    self.pool[i] = self._new_evasive()
        for x in self.pool:
            x['used'] = 0
        active = rng.sample(self.pool, min(len(self.pool), self.ports))
        daily = sum(x['cap'] for x in active) * 0.9
        times = []
        for h in range(24):
            times.extend(day0 + h * HOUR + rr(HOUR) for _ in range(w.pois(daily * INTL_PROF[h] / 24.0)))
        times.sort()
        for t in times:
            cand = [x for x in active if x['used'] < x['cap']]
            if not cand:
                break
            x = cand[rr(len(cand))]
            x['used'] += 1
            tgt = self.recip[int(len(self.recip) * rnd() ** 2)]
            ans = rnd() < 0.68
            cell = self.cells[int(rnd() * 3)]          # hops between 3 neighbouring cells
            w.sub_call(x['s'], t, w.tfmt(tgt, t), w.talk(4.9, 0.9) if ans else 0, ans, cell)
        # cover traffic: SMS and calls between the rack's SIMs and to a few "friends"
        for x in active:
            s = x['s']
            for _ in range(rng.randint(2, 5)):
                t = day0 + 8 * HOUR + rr(14 * HOUR)
                if rnd() < 0.5:
                    o = rng.choice(self.pool)['s']
                    if o is s:
                        continue
                    w.sub_sms(s, t, w.fb(o.num), w.chat_text(w.cfg['langs'][0][0]), self.cells[int(rnd() * 3)])
                else:
                    f = rng.choice(self.friends)
                    w.sub_sms(s, t, w.tfmt(f, t), w.chat_text(w.cfg['langs'][0][0]), self.cells[int(rnd() * 3)])
            if rnd() < 0.7:
                o = rng.choice(self.pool)['s']
                if o is not s:
                    t = day0 + 9 * HOUR + rr(12 * HOUR)
                    w.sub_call(s, t, w.fb(o.num), 30 + rr(90), True, self.cells[int(rnd() * 3)])

    def _day_goip(self, d):
        w = self.w
        rng, rnd, rr = w.rng, w.rnd, w.rng.randrange
        day0 = w.day_ms(d)
        for p in range(self.ports):
            t = day0 + 9 * HOUR + rr(1200000)
            end = day0 + 21 * HOUR + rr(-1800000, 1800000)
            while t < end:
                if self.sim[p] is None or self.budget[p] <= 0:
                    if self.sim[p] is not None:
                        self.sim[p] = None
                        t += rr(120000, 900000)
                        continue
                    self.sim[p] = self._new_sim(self.port_imei[p])
                    self.budget[p] = rng.randint(250, 700)
                sim = self.sim[p]
                tgt = w.stranger(None)
                ans, dur = scam_outcome(w, tgt, 0.18)
                w.sub_call(sim, t, w.tfmt(tgt, t), dur, ans, self.cells[0])
                self.budget[p] -= 1
                t += (dur * 1000 if ans else rr(20000, 35000)) + rr(15000, 60000)


class Spoof(Actor):
    """Caller-ID spoofing campaign on the international route presenting domestic numbers."""

    def __init__(self, w, style):
        self.w = w
        rng, rnd = w.rng, w.rnd
        self.style = style
        if style == 'authority':
            self.pool = [w.alloc_landline(0) for _ in range(max(2, int(round(rng.randint(5, 8) * min(1.0, w.s * 2)))))]
        else:
            self.pool = []
        self.active = [rnd() < 0.8 for _ in range(w.D)]
        while sum(self.active) < min(2, w.D):
            self.active[rng.randrange(w.D)] = True

    def plan_day(self, d):
        w = self.w
        rng, rnd, rr = w.rng, w.rnd, w.rng.randrange
        if not self.active[d]:
            return
        day0 = w.day_ms(d)
        if self.style == 'mobile':
            keep = self.pool[:2]
            self.pool = keep + [w.alloc_mobile(False) for _ in range(max(2, int(round(rng.randint(5, 8) * min(1.0, w.s * 2)))))]
        for _ in range(rng.randint(1, 3)):
            st = day0 + rr(9, 19) * HOUR + rr(HOUR)
            ln = rr(40, 120) * 60000
            n = int(rng.randint(250, 700) * min(3.0, w.s))
            for _ in range(n):
                t = st + rr(ln)
                num = self.pool[rr(len(self.pool))]
                tgt = w.subs[rr(w.N)]
                ans, dur = scam_outcome(w, tgt, 0.25)
                w.call(t, num, w.fa_int(num), w.tfmt(tgt, t), dur, ans, 'international')
                w.label(num, 'spoofed_caller_id', True)
                if not ans and rnd() < 0.03:
                    t2 = t + rr(60000, 4 * HOUR)
                    a2 = rnd() < (0.8 if self.style == 'authority' else 0.2)
                    w.sub_call(tgt, t2, w.fb(num), (15 + rr(120)) if a2 else 0, a2)


class Wangiri(Actor):
    """One-ring calls from consecutive premium numbers of an exotic range."""

    def __init__(self, w):
        self.w = w
        rng, rnd = w.rng, w.rnd
        self.cc = rng.choice(WANGIRI_COUNTRIES)
        self.nums = w.foreign_block(self.cc, rng.randint(4, 7))
        self.window = rng.choice(['evening', 'night', 'morning'])
        self.active = [rnd() < 0.85 for _ in range(w.D)]
        while sum(self.active) < min(2, w.D):
            self.active[rng.randrange(w.D)] = True
        self.seq = SeqDialer(w)

    def plan_day(self, d):
        w = self.w
        rng, rnd, rr = w.rng, w.rnd, w.rng.randrange
        if not self.active[d]:
            return
        day0 = w.day_ms(d)
        h = {'evening': rr(20, 23), 'night': rr(0, 3), 'morning': rr(6, 8)}[self.window]
        t = day0 + h * HOUR + rr(HOUR)
        n = int(rng.randint(300, 900) * min(3.0, w.s))
        for i in range(n):
            num = self.nums[i % len(self.nums)]
            tgt = w.subs[rr(w.N)] if rnd() < 0.6 else self.seq.next()
            w.call(t, num, w.fa_int(num), w.tfmt(tgt, t), 0, False, 'international')
            w.label(num, 'wangiri', True)
            if tgt.__class__ is not str and rnd() < 0.045:
                hod = w.hod_of(t)
                if hod < 6:
                    t2 = day0 + (7 + rr(4)) * HOUR + rr(HOUR)
                else:
                    t2 = t + rr(60000, 3 * HOUR)
                w.sub_call(tgt, t2, w.fb(num), 15 + rr(225), True)
                if rnd() < 0.2:
                    w.sub_call(tgt, t2 + rr(300000, 7200000), w.fb(num), 10 + rr(120), True)
            t += rr(300, 4000)


# --------------------------------------------------------------- smishing
SHORTENERS = {'th': ['bit.ly', 'cutt.ly', 't.ly', 'tinyurl.com', 's.id', 'shorturl.at', 'rb.gy', 'is.gd'],
              'cn': ['t.cn', 'dwz.cn', 'url.cn', 'suo.im', 's.id', 'bit.ly']}
TLDS = ['top', 'xyz', 'cc', 'vip', 'icu', 'info', 'online', 'shop', 'club', 'live', 'buzz', 'asia', 'sbs', 'cfd']
SMISH = {
    'th': {
        'power': (['pea', 'mea', 'pea-th', 'peaa', 'nakornpower'], [
            '[{org}] แจ้งคืนเงินค่าไฟฟ้า {amt} บาท กรุณายืนยันข้อมูลภายในวันนี้ {link}',
            'คุณมีสิทธิ์รับเงินคืนค่าประกันมิเตอร์ไฟฟ้า {amt} บ. ลงทะเบียนที่ {link}',
            '{org}: ท่านชำระค่าไฟซ้ำซ้อน ขอรับเงินคืน {amt} บาท {link}',
            'แจ้งเตือน! ค่าไฟค้างชำระ {amt2} บาท จะถูกตัดไฟภายใน 24 ชม. ชำระที่ {link}'],
            ['การไฟฟ้า', 'PEA', 'กฟภ.', 'NakornPower']),
        'parcel': (['thaipost', 'kerry', 'flash', 'siamparcel', 'thpost', 'parcel', 'kwikex'], [
            'พัสดุของท่านไม่สามารถจัดส่งได้ เนื่องจากที่อยู่ไม่ครบถ้วน โปรดอัปเดต {link}',
            '{org}: พัสดุ {trk} ค้างชำระค่าธรรมเนียม {amt2} บาท ชำระก่อนวันนี้ {link}',
            'Your parcel {trk} is on hold. Pay {amt2} THB fee: {link}',
            '{org}: พัสดุถูกกักที่ศุลกากร กรุณาชำระภาษี {amt2} บ. {link}'],
            ['ThaiPost', 'SiamParcel', 'KwikEx', 'ไปรษณีย์']),
        'bank': (['nakhonbank', 'cpbank', 'kbank', 'scb', 'ktb', 'bbl', 'mybank'], [
            '{org}: บัญชีของท่านถูกระงับชั่วคราว กรุณายืนยันตัวตน {link}',
            'แจ้งเตือน! มีการเข้าสู่ระบบ {org} จากอุปกรณ์ใหม่ หากไม่ใช่ท่าน คลิก {link}',
            '{org}: คะแนนสะสม {pts} คะแนนจะหมดอายุวันนี้ แลกรับเงินสด {link}',
            '{org}: Your account is locked. Verify now {link}'],
            ['NakhonBank', 'ChaoPhraya Bank', 'ธนาคาร', 'K-Bank']),
        'loan': (['loan', 'cash', 'easymoney', 'quickloan'], [
            'อนุมัติสินเชื่อ {amt3} บาท ไม่ต้องค้ำ ดอกเบี้ยต่ำ รับเงินใน 1 ชม. แอดไลน์ {link}',
            'สินเชื่อด่วน! วงเงิน {amt3} บ. ผ่อน {amt2} บ./เดือน สมัคร {link}',
            'คุณได้รับสิทธิ์กู้เงินด่วน {amt3} บาท ยืนยันสิทธิ์ {link}'], ['']),
        'job': (['job', 'work', 'tiktok-job', 'parttime'], [
            'รับสมัครงานพาร์ทไทม์ ทำที่บ้าน รายได้ {amt} บาท/วัน สนใจแอดไลน์ {link}',
            'งานออนไลน์ กดไลค์ กดแชร์ รับเงินทันที {amt} บ./วัน {link}',
            'รับสมัครแอดมินออนไลน์ วันละ {amt} บาท ไม่ต้องมีประสบการณ์ {link}'], ['']),
        'tax': (['rd-go', 'revenue', 'taxrefund', 'rdgo'], [
            'กรมสรรพากร: ท่านได้รับเงินคืนภาษี {amt} บาท กรุณายืนยันบัญชีรับเงิน {link}',
            'แจ้งคืนภาษีเงินได้ {amt} บาท ยื่นยืนยันภายใน 3 วัน {link}'], ['']),
        'gamble': (['slot', 'pg', 'ufa', 'bet', 'spin'], [
            'สล็อตเว็บตรง ฝากถอนไม่มีขั้นต่ำ รับโบนัส 100% สมัครเลย {link}',
            'เครดิตฟรี {amt2} บาท ไม่ต้องฝาก ถอนได้จริง {link}'], ['']),
    },
    'cn': {
        'etc': (['etc', 'etc-gov', 'etcfw', 'etc-service', 'gsetc'], [
            '【ETC服务】您的ETC已失效，请及时登录{link}重新认证，逾期将停用。',
            '【高速ETC】尊敬的车主，您的ETC卡因信息不完整已被冻结，请点击{link}办理解冻。',
            '【{org}】您的ETC通行卡即将过期，请尽快登录{link}更新车辆信息。'], ['ETC服务', '高速ETC']),
        'points': (['10086', 'cmcc', 'jifen', '10086jf', 'ydjf'], [
            '【{org}】尊敬的客户，您的积分{pts}即将清零，可兑换{amt}元现金礼包，请登录{link}领取。',
            '【{org}】您的话费积分{pts}分将于今日过期，立即兑换{link}'], ['中国移动', '10086积分', '移动服务']),
        'medical': (['ybj', 'yibao', 'gov-yb', 'shebao', 'rsj'], [
            '【医保局】您的医保卡需进行年度认证，否则将暂停使用，请登录{link}办理。',
            '【人社局】您有一笔社保补贴{amt}元待领取，请在24小时内登录{link}申请。'], ['医保局']),
        'parcel': (['sf', 'yunda', 'xj-express', 'kuaidi', 'ems'], [
            '【{org}】您的包裹因地址不详无法派送，请点击{link}更新地址。',
            '您好，您的快递{trk}在运输中丢失，客服将为您理赔{amt}元，请加QQ{qq}联系。',
            '【{org}】您的快件被海关扣留，需缴纳关税{amt2}元，请登录{link}处理。'], ['迅捷快递', '快递', '顺丰速运']),
        'job': (['jianzhi', 'job', 'douyin-job'], [
            '诚招网络兼职，手机操作，日结{amt}元，加微信{wx}咨询。',
            '【招聘】居家兼职点赞关注，一单一结，佣金{amt2}元起，详情{link}',
            '宝妈学生兼职，刷单返利，日赚{amt}元，加QQ{qq}'], ['']),
        'loan': (['jieqian', 'daikuan', 'hsbank', 'jiedai'], [
            '【{org}】您有一笔{amt3}元备用金额度待领取，年化3.6%，点击{link}申请。退订回T',
            '【{org}】恭喜您获得{amt3}元信用贷款资格，最快5分钟到账，申请{link}'], ['华商银行', '南海银行', '普惠金融']),
        'tax': (['etax', 'gs-tax', 'tax', 'chinatax-gov'], [
            '【个税APP】您有一笔退税{amt}元待领取，请于今日登录{link}办理。'], ['个税APP']),
        'boss': ([], [
            '我是你领导，明天上午来我办公室一趟，先加我新微信{wx}。',
            '是我，换号了，有急事加我QQ{qq}，别跟别人说。'], ['']),
    },
}


class Smisher(object):
    """Builds re-worded smishing texts with rotating look-alike domains/shorteners."""

    def __init__(self, w):
        self.w = w
        self.fams = SMISH[w.country]
        self.keys = sorted(self.fams)

    def day_setup(self):
        w = self.w
        rng = w.rng
        fams = rng.sample(self.keys, 2)
        doms = {}
        for f in fams:
            bases = self.fams[f][0] or ['link']
            doms[f] = [self._dom(rng.choice(bases)) for _ in range(rng.randint(2, 4))]
        return fams, doms

    def _dom(self, b):
        rng = self.w.rng
        pat = rng.choice(['{b}-{x}', '{b}{x}', '{x}-{b}', '{b}-th', '{b}0', '{b}{n}', 'www-{b}'])
        x = rng.choice(['refund', 'verify', 'service', 'online', 'app', 'help', 'support', 'pay', 'gov', 'care', 'cn'])
        return pat.format(b=b, x=x, n=rng.randrange(10, 99)) + '.' + rng.choice(TLDS)

    def link(self, doms):
        w = self.w
        r = w.rnd()
        if r < 0.55:
            return ('https://' if w.rnd() < 0.7 else 'http://') + w.rng.choice(doms) + '/' + w.rstr(w.rng.randrange(3, 8))
        if r < 0.85:
            return 'https://' + w.rng.choice(SHORTENERS[w.country]) + '/' + w.rstr(6)
        if w.country == 'th':
            return 'https://lin.ee/' + w.rstr(7) if w.rnd() < 0.6 else 'line.me/ti/p/~' + w.rstr(8, LOWER + DIGITS)
        return w.rng.choice(doms)

    def text(self, fam, doms):
        w = self.w
        rr = w.rng.randrange
        bases, tpls, orgs = self.fams[fam]
        t = tpls[rr(len(tpls))]
        s = t.format(org=w.rng.choice(orgs), amt='{:,}'.format(rr(300, 9000)), amt2=rr(15, 200),
                     amt3='{:,}'.format(rr(10, 300) * 1000), pts='{:,}'.format(rr(1000, 30000)),
                     trk=w.rstr(2, UPPER) + '%09d' % rr(10 ** 9), link=self.link(doms),
                     qq=str(rr(10 ** 8, 10 ** 10)), wx=w.rstr(rr(6, 10), LOWER + DIGITS))
        r = w.rnd()
        if r < 0.25:
            s = s + ' ' + w.rstr(4, UPPER + DIGITS)
        elif r < 0.4:
            s = s.replace(' ', '  ', 1)
        elif r < 0.5:
            s = '[' + w.rstr(3, DIGITS) + '] ' + s
        return s


class SmishFarm(Actor):
    """SMS farm: fresh SIMs every day in the same modems, bursts of smishing."""

    def __init__(self, w, mobile=False):
        self.w = w
        rng, rnd, rr = w.rng, w.rnd, w.rng.randrange
        self.r = w.city_region(0.6)
        cl = w.cells[self.r]
        j = rr(len(cl))
        self.mobile = mobile
        self.cells = [cl[(j + k) % len(cl)] for k in range(10 if mobile else 2)]
        self.modems = [w.new_imei('module' if rnd() < 0.6 else 'cheap') for _ in range(rng.randint(3, 6))]
        self.src = SimSource(w, 8, 16, 2)
        self.seq = SeqDialer(w)
        self.sm = Smisher(w)

    def plan_day(self, d):
        w = self.w
        rng, rnd, rr = w.rng, w.rnd, w.rng.randrange
        day0 = w.day_ms(d)
        fams, doms = self.sm.day_setup()
        k = max(1, int(round(rng.randint(2, 4) * min(2.0, w.s))))
        for i in range(k):
            num, imsi = self.src.take()
            sim = w.mini(num, imsi, self.modems[i % len(self.modems)], self.r, self.cells[0], self.cells)
            w.label(num, 'smishing', True)
            fam = fams[i % 2]
            t = day0 + rr(8 * HOUR, 17 * HOUR)
            stop = day0 + 21 * HOUR
            budget = rng.randint(150, 550)
            for m in range(budget):
                if t >= stop:
                    break
                tgt = self.seq.next() if rnd() < 0.5 else w.stranger(None)
                if tgt.__class__ is str and tgt not in w.allocated and rnd() < 0.5:
                    tgt = w.stranger(None)
                if self.mobile:
                    cell = self.cells[min(len(self.cells) - 1, m * len(self.cells) // budget)]
                else:
                    cell = self.cells[0] if rnd() < 0.9 else self.cells[1]
                w.sub_sms(sim, t, w.tfmt(tgt, t), self.sm.text(fam, doms[fam]), cell)
                if tgt.__class__ is not str:
                    x = rnd()
                    if x < 0.004:
                        w.psms(tgt, sim.num, t + rr(60000, 3 * HOUR),
                               rng.choice(['?', 'ใคร', 'STOP', 'who is this']) if w.country == 'th'
                               else rng.choice(['?', '你是谁', 'TD', '骗子']))
                    elif x < 0.007:
                        w.pcall(tgt, sim.num, t + rr(60000, 3 * HOUR), 0, False)
                t += rr(3000, 15000)


class IntlSmish(Actor):
    """Smishing arriving on the international route from foreign mobile numbers."""

    def __init__(self, w):
        self.w = w
        self.sm = Smisher(w)

    def plan_day(self, d):
        w = self.w
        rng, rnd, rr = w.rng, w.rnd, w.rng.randrange
        day0 = w.day_ms(d)
        fams, doms = self.sm.day_setup()
        for i in range(rng.randint(1, 2)):
            num = w.foreign(rng.choice(['PH', 'VN', 'KH', 'ID']))
            w.label(num, 'smishing', True)
            t = day0 + rr(9 * HOUR, 19 * HOUR)
            for _ in range(int(rng.randint(80, 200) * min(2.0, w.s))):
                tgt = w.subs[rr(w.N)]
                w.sms(t, num, w.fa_int(num), w.tfmt(tgt, t), self.sm.text(fams[i % 2], doms[fams[i % 2]]),
                      'international')
                t += rr(2000, 30000)


# =====================================================================
#                               DRIVER
# =====================================================================

class Sim(World):
    def build_actors(self):
        w = self
        s = self.s
        rng = self.rng
        A = []
        A.append(Notifier(w))
        for _ in range(max(1, int(round(3 * s)))):
            A.append(Office(w, 'telesales'))
        for _ in range(max(1, int(round(2 * s)))):
            A.append(Office(w, 'debt'))
        A.append(Riders(w))
        for _ in range(max(1, int(round(3 * s)))):
            A.append(Dispatch(w))
        for _ in range(max(2, int(round(20 * s)))):
            A.append(Shop(w))
        A.append(IoT(w))
        for _ in range(max(1, int(round(2 * s)))):
            A.append(OverseasDesk(w))
        A.append(Tourists(w))
        # ---- fraud
        borders = self.cfg['scam_border']
        ncc = max(1, int(round(2 * s)))
        for i in range(ncc):
            if i >= 2 and i % 3 == 2:
                reg = self.city_region(0.7)
            else:
                reg = borders[rng.randrange(len(borders))]
            A.append(CallCentre(w, reg, seq=(i % 2 == 1)))
        for _ in range(max(1, int(round(s)))):
            for mode in ('bypass', 'evasive', 'goip'):
                A.append(SimBox(w, mode))
        for _ in range(max(1, int(round(s)))):
            A.append(Spoof(w, 'authority'))
            A.append(Spoof(w, 'mobile'))
        for _ in range(max(1, int(round(2 * s)))):
            A.append(Wangiri(w))
        for i in range(max(1, int(round(2 * s)))):
            A.append(SmishFarm(w, mobile=(i % 2 == 1)))
        A.append(IntlSmish(w))
        self.actors = A
        self.hourly = [a for a in A if type(a).hour is not Actor.hour]

    def flush(self, hr, fh):
        b = self.buckets[hr]
        self.buckets[hr] = None
        b.sort()
        self.hour_counts.append(len(b))
        if b:
            fh.write('\n'.join([x[1] for x in b]))
            fh.write('\n')
        self.cur = hr + 1

    def run(self):
        out = self.args.out
        os.makedirs(out, exist_ok=True)
        t_start = time.time()
        self.build_population()
        self.build_actors()
        t_built = time.time()
        self.hour_counts = []
        with open(os.path.join(out, 'records.jsonl'), 'w', encoding='utf-8', buffering=1 << 20) as fh:
            for hr in range(self.H):
                if hr % 24 == 0:
                    for a in self.actors:
                        a.plan_day(hr // 24)
                self.ordinary_hour(hr)
                for a in self.hourly:
                    a.hour(hr)
                self.flush(hr, fh)
        self.write_labels(out)
        el = time.time() - t_start
        total = sum(self.hour_counts)
        sys.stderr.write('gen6: %d records (%d calls, %d sms) in %.1fs (setup %.1fs); per day %s; '
                         'routes %s; min/max per hour %d/%d\n' % (
                             total, self.n_call, self.n_sms, el, t_built - t_start,
                             [sum(self.hour_counts[d * 24:(d + 1) * 24]) for d in range(self.D)],
                             self.n_route, min(self.hour_counts), max(self.hour_counts)))

    def write_labels(self, out):
        fraud, look = [], []
        for num in sorted(self.labels):
            typ, cls = self.labels[num]
            if cls == 'roamer_calling_home':
                if num not in self.roam_seen:
                    continue
            elif num not in self.seen:
                continue
            if typ == 'fraud':
                fraud.append({'number': '+' + num, 'class': cls})
            else:
                look.append({'number': '+' + num, 'kind': cls})
        doc = {'seed': self.args.seed, 'subscribers': self.N, 'hours': self.H, 'country': self.country,
               'fraud': fraud, 'lookalikes': look}
        with open(os.path.join(out, 'labels.json'), 'w', encoding='utf-8') as f:
            json.dump(doc, f, ensure_ascii=False, indent=1)


def main(argv=None):
    ap = argparse.ArgumentParser(description='Multi-day labelled synthetic telecom traffic (gen6).')
    ap.add_argument('--out', required=True)
    ap.add_argument('--subscribers', type=int, default=20000)
    ap.add_argument('--days', type=int, default=3)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--country', choices=['th', 'cn'], default='th')
    ap.add_argument('--start', default='2025-03-03', help='first local day (YYYY-MM-DD), default a Monday')
    args = ap.parse_args(argv)
    if args.subscribers < 200:
        ap.error('--subscribers must be >= 200')
    if args.days < 1:
        ap.error('--days must be >= 1')
    Sim(args).run()


if __name__ == '__main__':
    main()
