#!/usr/bin/env python3
"""Provenance: written on 2026-12-01 by a third helper that saw only the
record contract and the labels format, never scamstream's code, rules,
README or the other generators, and did not look at what the engine
detects. Its first run against the rules of `ed70c10` is reported in the
README ("Detection quality") as a blind result; since then it is seen
traffic.

Independent, blind test-traffic generator for a telecom fraud engine.

Writes DIR/records.jsonl (calls and SMS seen by one mobile operator in
Thailand or China) and DIR/labels.json (fraudulent numbers and benign
look-alikes).  Standard library only; deterministic for a seed.

Everything here is modelled on public descriptions of the schemes
(regulator, operator, GSMA/Europol/Interpol and press reports), not on the
engine under test.

    python3 gen.py --out DIR [--subscribers N] [--hours H] [--seed S] [--country th|cn]
"""

import argparse
import bisect
import json
import math
import os
import random
import sys
import time

# --------------------------------------------------------------------------
# small helpers
# --------------------------------------------------------------------------


def luhn(payload):
    tot = 0
    for i, ch in enumerate(reversed(payload)):
        d = ord(ch) - 48
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return str((10 - tot % 10) % 10)


def compile_pat(p):
    """'9[1-8]XXXXXX' -> list of candidate-digit strings per position.
    X any digit, N 2-9, [..] a set (ranges allowed), digits literal."""
    toks = []
    i = 0
    while i < len(p):
        c = p[i]
        if c == 'X':
            toks.append('0123456789')
        elif c == 'N':
            toks.append('23456789')
        elif c == '[':
            j = p.index(']', i)
            body = p[i + 1:j]
            s = ''
            k = 0
            while k < len(body):
                if k + 2 < len(body) and body[k + 1] == '-':
                    for d in range(int(body[k]), int(body[k + 2]) + 1):
                        s += str(d)
                    k += 3
                else:
                    s += body[k]
                    k += 1
            toks.append(s)
            i = j
        else:
            toks.append(c)
        i += 1
    return toks


def poisson(rng, lam):
    if lam <= 0:
        return 0
    if lam < 40:
        L = math.exp(-lam)
        k = 0
        p = 1.0
        while True:
            p *= rng.random()
            if p < L:
                return k
            k += 1
    return max(0, int(round(rng.gauss(lam, math.sqrt(lam)))))


# hourly activity shapes, local time
PEOPLE_W = [0.18, 0.10, 0.06, 0.05, 0.06, 0.14, 0.32, 0.58, 0.82, 0.95, 1.0, 1.0,
            0.96, 0.95, 0.95, 0.96, 1.0, 1.02, 1.04, 1.0, 0.94, 0.82, 0.6, 0.36]
OFFICE_W = [0.02, 0.01, 0.01, 0.01, 0.01, 0.02, 0.05, 0.25, 0.75, 1.0, 1.0, 0.95,
            0.55, 0.9, 1.0, 1.0, 0.95, 0.7, 0.3, 0.12, 0.08, 0.05, 0.03, 0.02]
FLAT_W = [1.0] * 24
# scam compounds run long shifts (reports from Myawaddy/Sihanoukville: 12-16h days)
SHIFT_W = [0.15, 0.08, 0.05, 0.03, 0.03, 0.05, 0.15, 0.5, 0.9, 1.0, 1.0, 1.0,
           0.8, 1.0, 1.0, 1.0, 1.0, 0.95, 0.9, 0.85, 0.8, 0.65, 0.45, 0.25]

# --------------------------------------------------------------------------
# number plans (checked against libphonenumber metadata offline)
# --------------------------------------------------------------------------

FOREIGN = {
    '1': ['415NXXXXXX', '646NXXXXXX', '718NXXXXXX', '408NXXXXXX', '617NXXXXXX', '310NXXXXXX',
          '416NXXXXXX', '604NXXXXXX'],
    '44': ['74XXXXXXXX', '75XXXXXXXX', '78XXXXXXXX'],
    '65': ['9[1-8]XXXXXX', '8[1-8]XXXXXX'],
    '60': ['12XXXXXXX', '16XXXXXXX', '19XXXXXXX'],
    '81': ['80XXXXXXXX'],
    '82': ['10[2346-9]XXXXXXX'],
    '886': ['91XXXXXXX', '93XXXXXXX', '97XXXXXXX'],
    '852': ['9[467]XXXXXX', '6[13459]XXXXXX'],
    '853': ['62XXXXXX'],
    '61': ['40XXXXXXX', '41XXXXXXX', '42XXXXXXX', '43XXXXXXX'],
    '49': ['151XXXXXXXX', '152XXXXXXXX', '176XXXXXXXX', '170XXXXXXX'],
    '971': ['50XXXXXXX', '52XXXXXXX', '55XXXXXXX'],
    '95': ['96XXXXXXXX', '979XXXXXXX', '978XXXXXXX', '977XXXXXXX'],
    '855': ['12XXXXXX', '17XXXXXX', '92XXXXXX', '97XXXXXXX', '88XXXXXXX', '96XXXXXXX'],
    '856': ['202XXXXXXX', '205XXXXXXX', '209XXXXXXX'],
    '84': ['90XXXXXXX', '91XXXXXXX', '93XXXXXXX', '94XXXXXXX', '96XXXXXXX', '97XXXXXXX',
           '98XXXXXXX', '32XXXXXXX', '86XXXXXXX'],
    '66': ['8XXXXXXXX', '9XXXXXXXX', '6[1-5]XXXXXXX'],
    '86': ['135XXXXXXXX', '139XXXXXXXX', '186XXXXXXXX', '199XXXXXXXX', '158XXXXXXXX'],
    '91': ['98XXXXXXXX', '99XXXXXXXX', '70XXXXXXXX'],
    '63': ['917XXXXXXX', '918XXXXXXX'],
    '62': ['812XXXXXXXX'],
    '372': ['5XXXXXXX', '53XXXXXX'],
    '34': ['6XXXXXXXX'],
    # premium-prone / irregular-revenue ranges named in wangiri warnings
    '216': ['2XXXXXXX', '5XXXXXXX', '9XXXXXXX'],
    '232': ['76XXXXXX', '77XXXXXX', '88XXXXXX'],
    '371': ['20XXXXXX', '26XXXXXX', '29XXXXXX'],
    '387': ['61XXXXXX', '62XXXXXX', '63XXXXXX', '65XXXXXX'],
    '53': ['5XXXXXXX'],
    '960': ['7XXXXXX', '9XXXXXX'],
    '675': ['7XXXXXXX'],
    '243': ['81XXXXXXX', '82XXXXXXX', '84XXXXXXX', '85XXXXXXX', '89XXXXXXX', '97XXXXXXX', '99XXXXXXX'],
    '224': ['62XXXXXXX', '66XXXXXXX', '65XXXXXXX'],
    '222': ['22XXXXXX', '36XXXXXX', '46XXXXXX'],
    '252': ['61XXXXXXX', '90XXXXXXX'],
    '373': ['69XXXXXX', '78XXXXXX'],
    '375': ['33XXXXXXX', '44XXXXXXX'],
    '269': ['3XXXXXX'],
    '239': ['98XXXXX', '99XXXXX'],
    '220': ['7XXXXXX', '3XXXXXX'],
    '992': ['9XXXXXXXX'],
    '996': ['55XXXXXXX', '70XXXXXXX', '77XXXXXXX'],
    '381': ['60XXXXXXX', '64XXXXXXX'],
    '225': ['07XXXXXXXX', '05XXXXXXXX'],
    '234': ['80XXXXXXXX'],
    '880': ['17XXXXXXXX'],
}
FOREIGN_C = {cc: [compile_pat(p) for p in pats] for cc, pats in FOREIGN.items()}

WANGIRI_CC = ['216', '232', '371', '387', '53', '960', '675', '243', '224', '222', '252',
              '373', '375', '269', '239', '220', '992', '996', '381']
VISITOR_MCC = {'86': '460', '60': '502', '65': '525', '82': '450', '81': '440', '1': '310',
               '44': '234', '856': '457', '855': '456', '95': '414', '84': '452', '66': '520',
               '852': '454', '886': '466', '61': '505', '49': '262', '91': '404', '971': '424'}

COUNTRIES = {
    'th': dict(
        cc='66', mcc='520', mncs=['03', '01'], tz=7,
        mobile=[('8XXXXXXXX', 45), ('9XXXXXXXX', 40), ('6[1-5]XXXXXXX', 15)],
        # name, population share, cells, landline pattern, kind
        areas=[
            ('bangkok', 0.36, 220, '2[1-9]XXXXXX', 'urban'),
            ('nonthaburi', 0.06, 40, '2[1-9]XXXXXX', 'urban'),
            ('chonburi', 0.07, 45, '38XXXXXX', 'urban'),
            ('chiangmai', 0.06, 40, '53XXXXXX', 'urban'),
            ('khonkaen', 0.05, 35, '43XXXXXX', 'urban'),
            ('korat', 0.06, 40, '44XXXXXX', 'rural'),
            ('phuket', 0.04, 25, '76XXXXXX', 'urban'),
            ('songkhla', 0.05, 30, '74XXXXXX', 'urban'),
            ('udon', 0.04, 25, '42XXXXXX', 'rural'),
            ('sakaeo_aranyaprathet', 0.02, 12, '37XXXXXX', 'border'),   # opposite Poipet, KH
            ('tak_maesot', 0.02, 12, '55XXXXXX', 'border'),             # opposite Myawaddy, MM
            ('chiangrai_maesai', 0.02, 12, '53XXXXXX', 'border'),       # Golden Triangle, MM/LA
            ('surin_chongchom', 0.015, 8, '44XXXXXX', 'border'),        # opposite O'Smach, KH
            ('trat_hatlek', 0.015, 8, '39XXXXXX', 'border'),            # opposite Koh Kong, KH
            ('rural_other', 0.13, 90, '45XXXXXX', 'rural'),
        ],
        capital_land='2[1-9]XXXXXX',
        diaspora=[('1', 8), ('44', 4), ('49', 4), ('61', 5), ('81', 6), ('82', 8), ('886', 7),
                  ('65', 5), ('971', 4), ('86', 6), ('852', 3), ('60', 5), ('34', 1)],
        migrant_home=[('95', 55), ('855', 28), ('856', 17)],
        tourists=[('86', 30), ('60', 15), ('65', 8), ('82', 10), ('81', 8), ('44', 6), ('1', 6),
                  ('91', 8), ('856', 4), ('61', 5)],
        roam_dest=[('81', 20), ('82', 12), ('65', 10), ('86', 10), ('852', 8), ('886', 8),
                   ('44', 6), ('1', 6), ('60', 10), ('61', 5), ('49', 5)],
        fraud_areas=['sakaeo_aranyaprathet', 'tak_maesot', 'chiangrai_maesai', 'surin_chongchom',
                     'trat_hatlek', 'bangkok'],
        simbox_areas=['bangkok', 'nonthaburi', 'chonburi', 'sakaeo_aranyaprathet', 'chiangmai'],
        city_areas=['bangkok', 'nonthaburi', 'chonburi'],
        tourist_areas=['bangkok', 'phuket', 'chiangmai', 'chonburi'],
    ),
    'cn': dict(
        cc='86', mcc='460', mncs=['00', '02', '07'], tz=8,
        mobile=[('13[4-9]XXXXXXXX', 30), ('15[0-27-9]XXXXXXXX', 20), ('18[2-478]XXXXXXXX', 15),
                ('13[0-3]XXXXXXXX', 8), ('15[56]XXXXXXXX', 4), ('18[5690]XXXXXXXX', 8),
                ('17[3678]XXXXXXXX', 5), ('19[5789]XXXXXXXX', 6), ('166XXXXXXXX', 2),
                ('147XXXXXXXX', 2)],
        areas=[
            ('beijing', 0.14, 120, '10[2-7]XXXXXXX', 'urban'),
            ('shanghai', 0.14, 120, '21[3-6]XXXXXXX', 'urban'),
            ('guangzhou', 0.12, 100, '20[3-8]XXXXXXX', 'urban'),
            ('shenzhen', 0.12, 100, '755[2-8]XXXXXXX', 'urban'),
            ('chengdu', 0.09, 70, '28[6-8]XXXXXXX', 'urban'),
            ('wuhan', 0.07, 60, '27[5-8]XXXXXXX', 'urban'),
            ('xian', 0.06, 50, '298XXXXXXX', 'urban'),
            ('nanjing', 0.06, 50, '258XXXXXXX', 'urban'),
            ('fuzhou', 0.04, 35, '5918XXXXXXX', 'urban'),
            ('quanzhou_anxi', 0.03, 25, '5952XXXXXXX', 'rural'),
            ('maoming_dianbai', 0.02, 15, '6682XXXXXX', 'rural'),
            ('dehong_ruili', 0.015, 10, '6926XXXXXX', 'border'),          # opposite Muse, MM
            ('xishuangbanna_mengla', 0.015, 10, '6912XXXXXX', 'border'),  # opposite Boten, LA
            ('kunming', 0.02, 20, '8716XXXXXXX', 'urban'),
            ('rural_other', 0.11, 90, '3716XXXXXXX', 'rural'),
        ],
        capital_land='10[2-7]XXXXXXX',
        diaspora=[('1', 14), ('44', 4), ('49', 3), ('61', 7), ('81', 8), ('82', 6), ('886', 4),
                  ('65', 6), ('852', 8), ('853', 2), ('60', 6), ('34', 3), ('66', 5), ('971', 2)],
        migrant_home=[('95', 45), ('84', 35), ('856', 20)],
        tourists=[('852', 15), ('853', 5), ('886', 10), ('82', 15), ('81', 10), ('1', 10), ('65', 8),
                  ('60', 7), ('66', 8), ('44', 6), ('61', 6)],
        roam_dest=[('852', 18), ('853', 8), ('66', 12), ('81', 14), ('82', 8), ('65', 8), ('1', 8),
                   ('60', 6), ('886', 6), ('61', 5), ('44', 4), ('84', 3)],
        fraud_areas=['dehong_ruili', 'xishuangbanna_mengla', 'quanzhou_anxi', 'maoming_dianbai',
                     'guangzhou', 'shenzhen'],
        simbox_areas=['guangzhou', 'shenzhen', 'fuzhou', 'quanzhou_anxi', 'dehong_ruili'],
        city_areas=['beijing', 'shanghai', 'guangzhou', 'shenzhen'],
        tourist_areas=['beijing', 'shanghai', 'guangzhou', 'shenzhen', 'kunming'],
    ),
}

# handset TACs (first 8 IMEI digits).  Phones: globally allocated ranges of
# big brands (35.., 86.., 01..); modules: industrial GSM/LTE modules of the
# kind found in SIM boxes, GoIP gateways, alarm panels and meters.
PHONE_TACS = [('35391110', 9), ('35325511', 8), ('35404911', 7), ('35674108', 5), ('35307110', 6),
              ('35283112', 7), ('35478312', 6), ('35963310', 4), ('35160521', 5),
              ('86756204', 7), ('86978305', 6), ('86241306', 6), ('86088405', 5), ('86493104', 6),
              ('86719105', 5), ('86531906', 4), ('86882003', 4), ('35941508', 2), ('01327700', 2),
              ('35209612', 3), ('86402205', 4)]
MODULE_TACS = ['86223703', '86716102', '35451208', '86453605', '35961609', '86032403',
               '86147504', '86808202']
FEATURE_TACS = ['35941508', '01327700', '86640101']

# --------------------------------------------------------------------------
# texts
# --------------------------------------------------------------------------

TEXT = {
    'th': dict(
        p2p=['ถึงแล้วโทรหานะ', 'โอเคครับ', 'ได้ค่ะ', 'กำลังไป', 'เย็นนี้กินข้าวที่ไหน', 'ok', 'On my way',
             'ขอบคุณครับ', 'รถติดมาก', 'โทรกลับด้วย', '555', 'ประชุมอยู่ เดี๋ยวโทรกลับ', 'Call me when free',
             'พรุ่งนี้เจอกัน', 'ซื้อนมมาด้วยนะ', 'ถึงบ้านยัง', 'โอนให้แล้วนะ', 'รับลูกด้วย'],
        phish=[
            '[{bank}] บัญชีของท่านถูกระงับชั่วคราวเนื่องจากพบรายการผิดปกติ กรุณายืนยันตัวตนภายใน 24 ชม. {url}',
            'พัสดุของท่านไม่สามารถจัดส่งได้ เนื่องจากที่อยู่ไม่ถูกต้อง กรุณาอัปเดตข้อมูลที่ {url}',
            'แจ้งเตือน: ค่าไฟฟ้าค้างชำระ {amt} บาท ระบบจะงดจ่ายไฟภายในวันนี้ ชำระได้ที่ {url}',
            'กรมสรรพากร: ท่านมีสิทธิ์ได้รับเงินคืนภาษี {amt} บาท ยืนยันรับเงินที่ {url}',
            'ยินดีด้วย! คุณได้รับเครดิตฟรี {amt} บาท ฝาก-ถอนออโต้ สมัครเลย {url}',
            'สินเชื่อด่วน อนุมัติใน 5 นาที ไม่เช็คบูโร วงเงิน {amt} บาท แอดไลน์ {line}',
            'คะแนนสะสมของท่าน {pts} คะแนนจะหมดอายุวันนี้ แลกรับของรางวัลที่ {url}',
            'Your parcel is held at customs. Pay the {amt} THB fee to release it: {url}',
            '[กรมการขนส่งทางบก] ท่านมีค่าปรับจราจรค้างชำระ กรุณาชำระภายในวันนี้ {url}',
            'ประกันสังคม: ท่านได้รับสิทธิ์เงินชดเชย {amt} บาท ลงทะเบียนรับสิทธิ์ {url}',
        ],
        fbs=[
            '[{bank}] คะแนนสะสมของท่านกำลังจะหมดอายุ กรุณาแลกรับก่อนวันนี้ {url}',
            '[{bank}] มีการเข้าสู่ระบบจากอุปกรณ์ใหม่ หากไม่ใช่ท่าน กรุณายกเลิกที่ {url}',
            'เครือข่ายแจ้ง: ท่านได้รับสิทธิ์แลกคะแนนเป็นส่วนลดค่าบริการ {amt} บาท {url}',
        ],
        banks=['KBank', 'SCB', 'Krungthai', 'Bangkok Bank', 'GSB', 'Krungsri'],
        phish_brands=['kbank', 'scb', 'ktb', 'bbl', 'gsb', 'thpost', 'kerry', 'pea', 'rd-go', 'dlt', 'flash', 'sso'],
        bank_alert=['{bank}: เงินเข้าบัญชี x{acct} จำนวน {amt}.00 บาท คงเหลือ {bal} บาท {hm}',
                    '{bank}: ถอน/โอนเงิน {amt}.00 บ. จาก บ/ช x{acct} คงเหลือ {bal} บ. {hm}',
                    '{bank}: ชำระค่าสินค้า {amt}.00 บาท ด้วยบัตร x{acct} {hm}'],
        delivery=['Kerry Express: พัสดุหมายเลข {trk} อยู่ระหว่างนำจ่ายวันนี้ ตรวจสอบสถานะ https://th.kerryexpress.com/th/track/?track={trk}',
                  'Flash Express: พัสดุ {trk} ถึงศูนย์คัดแยกแล้ว จะนำส่งภายใน 1-2 วัน https://www.flashexpress.co.th/tracking/?se={trk}',
                  'ไปรษณีย์ไทย: สิ่งของ {trk} นำจ่ายสำเร็จ ติดตามได้ที่ https://track.thailandpost.co.th/?trackNumber={trk}'],
        utility=['PEA: ค่าไฟฟ้าเดือนนี้ {amt} บาท ครบกำหนดชำระ {date} ชำระผ่านแอป PEA Smart Plus หรือ https://www.pea.co.th',
                 'MEA: ใบแจ้งค่าไฟฟ้า {amt} บาท กำหนดชำระ {date} ดูรายละเอียด https://www.mea.or.th',
                 'กปภ.: ค่าน้ำประปา {amt} บาท ครบกำหนด {date} ชำระได้ที่ https://www.pwa.co.th'],
        otp=['รหัส OTP ของคุณคือ {code} (Ref: {ref}) ใช้ภายใน 5 นาที ห้ามเปิดเผยรหัสนี้แก่ผู้อื่นทุกกรณี',
             '<#> {code} is your verification code. Do not share this code with anyone. {hash}',
             '{app}: Your code is {code}. Don\'t share it with anyone.'],
        modem=['โรงพยาบาล{place}: แจ้งนัดหมายพบแพทย์ วันที่ {date} เวลา {hm} น. เลื่อนนัดกรุณาติดต่อห้องบัตร',
               'โรงเรียน{place}: แจ้งผู้ปกครอง วันที่ {date} มีกิจกรรมวันวิชาการ รายละเอียด https://lin.ee/{tok}',
               'ร้าน{place} ลดราคา 30% ทุกรายการ วันนี้ถึง {date} ดูสินค้า https://lin.ee/{tok}'],
        places=['ศรีนคร', 'บางนาเวช', 'สมิติ', 'วัดใหม่', 'เจริญพร', 'สุขใจ', 'รุ่งเรือง'],
        rider=['ไรเดอร์มาส่งพัสดุแล้วครับ โทรไม่ติด ฝากไว้ที่ป้อม รปภ. นะครับ', 'มาส่งของครับ อยู่หน้าบ้านแล้ว',
               'พัสดุเก็บเงินปลายทาง {amt} บาท รบกวนโทรกลับครับ'],
        dispatch=['งานใหม่: รับลูกค้า {addr} เวลา {hm} ปลายทาง {dest}', 'ลูกค้ารออยู่ที่ {addr} ครับ',
                  'ยกเลิกงาน {addr}'],
        addrs=['สุขุมวิท 21', 'สีลม', 'ลาดพร้าว 71', 'บางนา', 'รัชดา', 'ปิ่นเกล้า', 'อารีย์', 'อ่อนนุช'],
        telesales=['ขอบคุณที่สละเวลาครับ รายละเอียดผลิตภัณฑ์ตามที่แจ้ง https://www.{dom}', 'ตามที่คุยกันค่ะ สมัครออนไลน์ได้ที่ https://www.{dom}'],
        legit_domains=['kasikornbank.com', 'scb.co.th', 'krungthai.com', 'bangkokbank.com', 'krungsri.com'],
        apps=['LINE', 'Shopee', 'Lazada', 'Grab', 'TrueMoney', 'Telegram', 'Google'],
        reply=['ใครคะ', 'ใคร', 'ส่งผิดเบอร์หรือเปล่า', 'STOP'],
    ),
    'cn': dict(
        p2p=['好的', '到了给我打电话', '在开会，稍后回电', '晚上一起吃饭吗', '收到', '路上堵车', '谢谢', '明天见',
             'ok', '马上到', '钱转你了', '孩子接了吗', '下班了吗', '嗯嗯'],
        phish=[
            '【{bank}】尊敬的客户，您的账户存在异常交易，已被临时冻结，请于24小时内登录 {url} 完成身份验证。',
            '【ETC服务】您的ETC卡认证已过期，将无法正常通行，请立即登录 {url} 重新认证。',
            '【医保局】您的医保账户将于今日停用，请点击 {url} 办理激活。',
            '【快递】您的包裹因地址不详无法派送，请点击 {url} 更新地址，逾期将退回。',
            '【个人所得税】您有一笔退税{amt}元待领取，请于48小时内登录 {url} 办理。',
            '【积分兑换】您的{pts}积分将于今日清零，可兑换现金礼品，点击 {url}',
            '贷款秒批，无需抵押，额度{amt}元，日息低至万分之二，加V：{line}',
            '【交管12123】您有一条未处理的交通违法记录，请及时处理 {url}',
            '【社保局】您的社保卡待升级，逾期将停用，请登录 {url} 办理。',
        ],
        fbs=[
            '【{bank}】您的积分即将过期，请尽快兑换现金 {url}',
            '【{bank}】您的电子密码器已过期，请登录 {url} 进行升级，逾期将影响使用。',
            '【通信运营商】尊敬的用户，您的积分可兑换{amt}元话费，详情 {url}',
        ],
        banks=['中国工商银行', '中国建设银行', '中国农业银行', '中国银行', '招商银行', '交通银行'],
        phish_brands=['icbc', 'ccb', 'abc', 'boc', 'cmb', 'etc', '12123', 'chinatax', 'ybj', 'sf', 'bocom', 'si'],
        bank_alert=['【{bank}】您尾号{acct}的储蓄卡{hm}收入人民币{amt}.00元，活期余额{bal}元。',
                    '【{bank}】您尾号{acct}的卡{hm}支出(消费){amt}.00元，余额{bal}元。'],
        delivery=['【顺丰速运】您的快件SF{trk}正在派送中，请保持电话畅通。查件：https://www.sf-express.com/',
                  '【中通快递】您的包裹{trk}已到达驿站，取件码{code}，请及时领取。',
                  '【京东物流】您的订单{trk}已出库，预计今日送达，详情 https://www.jdl.com'],
        utility=['【国家电网】尊敬的客户，您户号{acct}本期电费{amt}元，请于{date}前缴纳，详情 https://www.95598.cn',
                 '【自来水公司】您户号{acct}本期水费{amt}元，请于{date}前缴费。',
                 '【燃气公司】您的燃气费{amt}元已出账，可通过 https://www.95598.cn 查询缴纳。'],
        otp=['【{app}】验证码{code}，用于登录，5分钟内有效。验证码提供给他人可能导致账号被盗，请勿泄露。',
             '【{app}】您的验证码是{code}，请勿告诉他人。',
             '<#> {code} is your verification code. Do not share it. {hash}'],
        modem=['【{place}社区医院】您预约的{date} {hm}门诊已确认，请携带身份证就诊。',
               '【{place}小学】家长您好，{date}下午举行家长会，详情 https://mp.weixin.qq.com/s/{tok}',
               '【{place}超市】会员日全场8折，{date}截止，详情 https://mp.weixin.qq.com/s/{tok}'],
        places=['阳光', '和平', '新华', '幸福里', '东湖', '滨江', '城南'],
        rider=['您好，快递已放驿站，电话未接通，请注意查收。', '快递到了，在小区门口，请下来取一下。',
               '您的到付件{amt}元，麻烦回个电话。'],
        dispatch=['新订单：{addr} {hm} 接客，目的地{dest}', '乘客在{addr}等候', '订单取消：{addr}'],
        addrs=['朝阳区建国路88号', '海淀区中关村大街', '天河区体育西路', '南山区科技园', '浦东新区世纪大道', '武侯区天府大道'],
        telesales=['感谢您的接听，信用卡分期详情请查看 https://www.{dom}', '您好，刚才介绍的保险方案详见 https://www.{dom}'],
        legit_domains=['cmbchina.com', 'icbc.com.cn', 'ccb.com', 'boc.cn', 'pingan.com'],
        apps=['微信', '支付宝', '美团', '抖音', '淘宝', '拼多多', '滴滴出行'],
        reply=['你是谁', '发错了吧', '？', 'TD'],
    ),
}

IOT_TEXT = ['ALM;ID={id};ZONE={z};TEST OK;BAT=12.{b}V', 'ID={id};KWH={kwh};V=2{v};PF=0.9{b}',
            'GPS:{lat},{lon};SPD={spd};ACC=ON;ID={id}', 'HB;ID={id};RSSI=-{rssi};UP={up}']


class Gen(object):
    def __init__(self, a):
        self.N = a.subscribers
        self.H = float(a.hours)
        self.T = self.H * 3600.0
        self.seed = a.seed
        self.ck = a.country
        self.C = COUNTRIES[a.country]
        self.X = TEXT[a.country]
        self.cc = self.C['cc']
        base = a.seed * 1009 + (0 if a.country == 'th' else 500009)
        self.rng = random.Random(base)
        self.frng = random.Random(base + 1)     # number / timestamp formatting
        self.drng = random.Random(base + 2)     # arrival jitter
        self.trng = random.Random(base + 3)     # texts
        self.used = set()
        self.used_imei = set()
        self.used_imsi = set()
        self.out = []
        self.seq = 0
        self.seen = set()
        self.fraud = {}
        self.look = {}
        self.P = {}
        self.mob_pats = [(compile_pat(p), w) for p, w in self.C['mobile']]
        self.mob_w = [w for _, w in self.C['mobile']]
        # time: a random day in 2025, window starting between 07:00 and 16:00 local
        r = self.rng
        day = r.randint(0, 330)
        self.start_hour = r.randint(7, 16)
        self.start_min = r.choice([0, 0, 15, 30])
        t0 = 1735689600 + day * 86400  # 2025-01-01T00:00Z
        self.epoch0 = t0 + self.start_hour * 3600 + self.start_min * 60 - self.C['tz'] * 3600
        self.tz = self.C['tz']
        self.profiles = {}
        for name, w in (('people', PEOPLE_W), ('office', OFFICE_W), ('flat', FLAT_W), ('shift', SHIFT_W)):
            self.profiles[name] = self._mk_profile(w)

    # ------------------------------------------------------------------ time
    def _mk_profile(self, w):
        nb = int(math.ceil(self.T / 60.0))
        cum = []
        tot = 0.0
        for b in range(nb):
            lh = (self.start_hour + self.start_min / 60.0 + (b * 60 + 30) / 3600.0) % 24
            h0 = int(lh)
            f = lh - h0
            v = w[h0] * (1 - f) + w[(h0 + 1) % 24] * f
            tot += v
            cum.append(tot)
        return (cum, tot, tot / 60.0)  # weight integral in hours

    def t_sample(self, prof='people', lo=0.0, hi=None):
        cum, tot, _ = self.profiles[prof]
        if hi is None:
            hi = self.T
        r = self.rng
        for _ in range(50):
            b = bisect.bisect_left(cum, r.random() * tot)
            t = b * 60 + r.random() * 60
            if lo <= t < hi:
                return t
        return lo + r.random() * (hi - lo)

    def weff(self, prof='people'):
        return self.profiles[prof][2]

    def local_hour(self, t):
        return (self.start_hour + self.start_min / 60.0 + t / 3600.0) % 24

    def prof_at(self, prof, t):
        w = {'people': PEOPLE_W, 'office': OFFICE_W, 'flat': FLAT_W, 'shift': SHIFT_W}[prof]
        return w[int(self.local_hour(t)) % 24]

    # --------------------------------------------------------------- numbers
    def _draw(self, toks):
        r = self.rng
        return ''.join([r.choice(t) if len(t) > 1 else t for t in toks])

    def new_mobile(self):
        while True:
            toks = self.rng.choices(self.mob_pats, weights=self.mob_w)[0][0]
            d = self.cc + self._draw(toks)
            if d not in self.used:
                self.used.add(d)
                return d

    def new_land(self, pat=None):
        toks = compile_pat(pat or self.C['capital_land'])
        while True:
            d = self.cc + self._draw(toks)
            if d not in self.used:
                self.used.add(d)
                return d

    def area_land(self, ai):
        return self.new_land(self.areas[ai][3])

    def new_foreign(self, cc):
        pats = FOREIGN_C[cc]
        while True:
            d = cc + self._draw(self.rng.choice(pats))
            if d not in self.used:
                self.used.add(d)
                return d

    def foreign_block(self, cc, n, spacing=1):
        """n numbers of one range, consecutive (or nearly) - as leased by IRSF rings"""
        pats = FOREIGN_C[cc]
        while True:
            d = cc + self._draw(self.rng.choice(pats))
            tail = int(d[-3:])
            if tail > 999 - n * spacing - 1:
                continue
            out = []
            for k in range(n):
                x = d[:-3] + '%03d' % (tail + k * spacing)
                out.append(x)
            if all(x not in self.used for x in out):
                for x in out:
                    self.used.add(x)
                return out

    def new_imei(self, tac=None, kind='phone'):
        r = self.rng
        if tac is None:
            if kind == 'module':
                tac = r.choice(MODULE_TACS)
            else:
                tac = r.choices([t for t, _ in PHONE_TACS], weights=[w for _, w in PHONE_TACS])[0]
        while True:
            p = tac + '%06d' % r.randint(0, 999999)
            if p not in self.used_imei:
                self.used_imei.add(p)
                return p + luhn(p)

    def new_imsi(self, mcc=None, mnc=None):
        r = self.rng
        if mcc is None:
            mcc = self.C['mcc']
            mnc = r.choice(self.C['mncs'])
        if mnc is None:
            mnc = '%02d' % r.randint(1, 9)
        while True:
            s = mcc + mnc + '%010d' % r.randint(0, 9999999999)
            if s not in self.used_imsi:
                self.used_imsi.add(s)
                return s

    # ---------------------------------------------------------- formatting
    def fnum(self, d, ctx):
        """render a number as a given source would write it"""
        r = self.frng.random()
        cc = self.cc
        home = d.startswith(cc)
        nsn = d[len(cc):] if home else None
        # Chinese mobiles have no trunk '0' in national format; avoid the ambiguous bare form
        nat_ok = home and not (cc == '86' and nsn.startswith('1'))
        if ctx == 'sub':        # originating MSISDN on our switch
            if r < 0.65:
                return d
            if r < 0.92 or not nat_ok:
                return '+' + d
            return '0' + nsn
        if ctx == 'dialled':    # B-number as the subscriber dialled it
            if home:
                if nat_ok and r < 0.55:
                    return '0' + nsn
                if r < 0.8:
                    return '+' + d
                return d
            if r < 0.5:
                return '+' + d
            if r < 0.85:
                return '00' + d
            return d
        if ctx == 'natin':      # interconnect from another domestic operator
            if nat_ok and r < 0.5:
                return '0' + nsn
            if r < 0.85:
                return d
            return '+' + d
        if ctx == 'intl':       # international gateway A-number
            if home:
                if r < 0.45:
                    return '+' + d
                if r < 0.7:
                    return d
                if nat_ok and r < 0.9:
                    return '0' + nsn
                return '00' + d
            if r < 0.4:
                return '+' + d
            if r < 0.75:
                return '00' + d
            return d
        if ctx == 'term':       # our subscriber as B-number on inbound traffic
            if nat_ok and r < 0.4:
                return '0' + nsn
            if r < 0.85:
                return d
            return '+' + d
        # smsc
        if r < 0.6:
            return d
        return '+' + d

    def fts(self, t, style):
        ep = self.epoch0 + t
        if style == 'ms':
            return int(ep * 1000)
        if style == 'utc':
            tm = time.gmtime(ep)
            return '%04d-%02d-%02dT%02d:%02d:%02d.%03dZ' % (tm.tm_year, tm.tm_mon, tm.tm_mday, tm.tm_hour,
                                                             tm.tm_min, tm.tm_sec, int((ep % 1) * 1000))
        tm = time.gmtime(ep + self.tz * 3600)
        return '%04d-%02d-%02dT%02d:%02d:%02d+%02d:00' % (tm.tm_year, tm.tm_mon, tm.tm_mday, tm.tm_hour,
                                                          tm.tm_min, tm.tm_sec, self.tz)

    # -------------------------------------------------------------- emit
    def call(self, t, a, b, dur, route, imsi=None, imei=None, cell=None):
        if t < 0 or t >= self.T or a == b:
            return False
        dur = max(0, int(dur))
        if route == 'onnet':
            ca, cb, st, jit = 'sub', 'dialled', 'local', 6.0
        elif route == 'national':
            ca, cb, st, jit = 'natin', 'term', 'local', 10.0
        elif route == 'international':
            ca, cb, st, jit = 'intl', 'term', 'utc', 20.0
        else:
            ca, cb, st, jit = 'smsc', 'smsc', 'local', 10.0
        rec = {'kind': 'call', 'ts': self.fts(t, st), 'caller': self.fnum(a, ca), 'callee': self.fnum(b, cb),
               'duration_s': dur}
        fr = self.frng.random()
        if fr < 0.45:
            rec['answered'] = dur > 0
        if imsi:
            rec['imsi'] = imsi
        if imei:
            rec['imei'] = imei
        if cell:
            rec['cell_id'] = cell
        if route:
            rec['route'] = route
        self.seen.add(a)
        self.seen.add(b)
        self.seq += 1
        self.out.append((t + self.drng.random() * jit, self.seq, rec))
        return True

    def call_ans(self, t, a, b, dur, answered, route, **kw):
        """a call whose answered flag does not follow from the duration (pick-up then drop)"""
        if not self.call(t, a, b, dur, route, **kw):
            return
        self.out[-1][2]['answered'] = answered

    def sms(self, t, a, b, text, route='onnet', imsi=None, imei=None, cell=None):
        if t < 0 or t >= self.T or a == b:
            return False
        if route == 'onnet':
            ca, cb = 'sub', 'dialled'
        elif route == 'international':
            ca, cb = 'intl', 'term'
        elif route == 'national':
            ca, cb = 'natin', 'term'
        else:
            ca, cb = 'smsc', 'term'
        rec = {'kind': 'sms', 'ts': self.fts(t, 'ms'), 'caller': self.fnum(a, ca), 'callee': self.fnum(b, cb)}
        if text is not None:
            rec['text'] = text
        if imsi:
            rec['imsi'] = imsi
        if imei:
            rec['imei'] = imei
        if cell:
            rec['cell_id'] = cell
        if route:
            rec['route'] = route
        self.seen.add(a)
        self.seen.add(b)
        self.seq += 1
        self.out.append((t + self.drng.random() * 8.0, self.seq, rec))
        return True

    # ----------------------------------------------------------- durations
    def lognorm(self, median, sigma, lo=1, hi=7200):
        v = median * math.exp(self.rng.gauss(0, sigma))
        return int(min(hi, max(lo, v)))

    def scam_dur(self, p_long):
        r = self.rng.random()
        if r < 0.58 - p_long / 2:
            return self.rng.randint(3, 40)          # hang up on the script
        if r < 1 - p_long:
            return self.lognorm(150, 0.6, 40, 900)
        return self.lognorm(1300, 0.5, 420, 5400)   # hooked victim

    # --------------------------------------------------------------- texts
    def tok(self, n=6, alpha='abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'):
        return ''.join(self.trng.choice(alpha) for _ in range(n))

    def fill(self, tpl, **kw):
        tr = self.trng
        vals = dict(
            bank=tr.choice(self.X['banks']), amt=str(tr.choice([199, 350, 500, 1268, 2350, 4850, 9999, 15000, 30000])),
            pts=str(tr.randint(1000, 50000)), code='%06d' % tr.randint(0, 999999), ref=self.tok(4, 'ABCDEFGHJKLMNPQRSTUVWXYZ'),
            hash=self.tok(11), app=tr.choice(self.X['apps']), acct='%04d' % tr.randint(0, 9999),
            bal='{:,}'.format(tr.randint(100, 250000)) + '.%02d' % tr.randint(0, 99),
            hm='%02d:%02d' % (int(self.cur_lh) % 24, tr.randint(0, 59)), trk=self.tok(2, 'ABCDEFGHKLMNPRSTUVWXYZ') + '%010d' % tr.randint(0, 9999999999),
            date='%d/%02d' % (tr.randint(1, 28), tr.randint(1, 12)), place=tr.choice(self.X['places']),
            tok=self.tok(6), addr=tr.choice(self.X['addrs']), dest=tr.choice(self.X['addrs']),
            line='@' + self.tok(7, 'abcdefghijklmnopqrstuvwxyz0123456789'), dom=tr.choice(self.X['legit_domains']),
        )
        vals.update(kw)
        return tpl.format(**vals)

    def phish_url(self, style):
        tr = self.trng
        if style == 'short':
            return 'https://' + tr.choice(['bit.ly', 's.id', 't.ly', 'cutt.ly', 'tinyurl.com', 'rb.gy']) + '/' + self.tok(7)
        if style == 'ip':
            return 'http://%d.%d.%d.%d/%s' % (tr.randint(45, 203), tr.randint(1, 254), tr.randint(1, 254), tr.randint(1, 254), self.tok(5))
        brand = tr.choice(self.X['phish_brands'])
        word = tr.choice(['verify', 'secure', 'update', 'online', 'login', 'app', 'service', 'th', 'cn', 'help'])
        tld = tr.choice(['com', 'top', 'xyz', 'cc', 'vip', 'info', 'shop', 'online', 'click', 'icu', 'life', 'buzz'])
        if tr.random() < 0.5:
            return 'https://%s-%s.%s/%s' % (brand, word, tld, self.tok(5))
        return 'https://www.%s%s%d.%s/?c=%s' % (brand, word, tr.randint(1, 99), tld, self.tok(6))

    # ===================================================================
    # network and population
    # ===================================================================
    def build_network(self):
        r = self.rng
        mcc = self.C['mcc']
        mnc = self.C['mncs'][0]
        self.areas = self.C['areas']
        self.area_idx = {a[0]: i for i, a in enumerate(self.areas)}
        scale = max(0.3, math.sqrt(self.N / 20000.0))
        self.cells = []
        self.cell_area = []
        self.area_cells = []
        tac = r.randint(1000, 4000)
        for ai, a in enumerate(self.areas):
            n = max(4, int(a[2] * scale))
            lst = []
            for k in range(n):
                tac += 1 if k % 12 == 0 else 0
                cid = '%s-%s-%d-%d' % (mcc, mnc, tac, r.randint(1000000, 99999999))
                lst.append(len(self.cells))
                self.cells.append(cid)
                self.cell_area.append(ai)
            self.area_cells.append(lst)

    def neighbour(self, c, k=1):
        lst = self.area_cells[self.cell_area[c]]
        i = lst.index(c) if len(lst) < 400 else 0
        return lst[max(0, min(len(lst) - 1, i + self.rng.randint(-k, k)))]

    def build_subscribers(self):
        r = self.rng
        N = self.N
        ws = [a[1] for a in self.areas]
        self.s_num = []
        self.s_imsi = []
        self.s_imei = []
        self.s_area = []
        self.s_home = []
        self.s_work = []
        self.s_rate = []
        self.s_sms = []
        self.s_type = []     # 'p' person, 'm' migrant/diaspora, 'r' roamer abroad, 'x' reserved actor
        self.s_busy = []     # numbers used by actors are excluded from the background
        self.area_subs = [[] for _ in self.areas]
        for i in range(N):
            ai = r.choices(range(len(self.areas)), weights=ws)[0]
            cl = self.area_cells[ai]
            home = cl[int(len(cl) * (r.random() ** 1.3))]
            work = None
            if r.random() < 0.55:
                # work cells concentrate in the first fifth of an area (CBD)
                work = cl[int(len(cl) * 0.2 * r.random())]
            tier = r.random()
            if tier < 0.5:
                rate = 0.15
            elif tier < 0.86:
                rate = 0.6
            else:
                rate = 1.8
            rate *= r.uniform(0.6, 1.4)
            self.s_num.append(self.new_mobile())
            self.s_imsi.append(self.new_imsi())
            self.s_imei.append(self.new_imei(kind='feature' if r.random() < 0.04 else 'phone'))
            self.s_area.append(ai)
            self.s_home.append(home)
            self.s_work.append(work)
            self.s_rate.append(rate)
            self.s_sms.append((0.06 if self.ck == 'th' else 0.035) * r.uniform(0.3, 2.5))
            self.s_type.append('p')
            self.s_busy.append(False)
            self.area_subs[ai].append(i)
        # legit IMEI sharing: hand-me-down phones / single-IMEI dual-SIM feature phones
        npair = int(N * r.uniform(0.008, 0.02))
        for _ in range(npair):
            i = r.randrange(N)
            j = r.choice(self.area_subs[self.s_area[i]])
            if i != j:
                self.s_imei[j] = self.s_imei[i]
                self.s_home[j] = self.s_home[i]
        self.P['population'] = dict(subscribers=N, shared_imei_pairs=npair)

    def cur_cell(self, i, t):
        lh = self.local_hour(t)
        w = self.s_work[i]
        if w is not None and 9 <= lh < 18:
            return w
        return self.s_home[i]

    def free_sub(self, area=None):
        """a background subscriber not used by a special actor"""
        r = self.rng
        for _ in range(100):
            if area is not None and self.area_subs[area]:
                i = r.choice(self.area_subs[area])
            else:
                i = r.randrange(self.N)
            if self.s_type[i] == 'p' and not self.s_busy[i]:
                return i
        return r.randrange(self.N)

    def reserve_sub(self, area=None, kind='phone', tac=None):
        """take a subscriber slot for a special actor (keeps numbering realistic)"""
        i = self.free_sub(area)
        self.s_busy[i] = True
        self.s_type[i] = 'x'
        if kind == 'module' or self._mute:
            self.mute.add(i)
        if kind == 'module' or tac:
            self.s_imei[i] = self.new_imei(tac=tac, kind='module' if kind == 'module' else 'phone')
        return i

    def build_social(self):
        r = self.rng
        N = self.N
        self.ext_pool = [self.new_mobile() for _ in range(int(N * 0.7))]
        self.ext_fans = {}
        self.biz = [[self.area_land(ai) for _ in range(max(3, int(len(self.area_subs[ai]) / 25)))]
                    for ai in range(len(self.areas))]
        self.c_on = []
        self.c_off = []
        self.c_for = []
        for i in range(N):
            ai = self.s_area[i]
            non = min(40, 1 + int(r.expovariate(1 / 5.0)))
            noff = min(30, int(r.expovariate(1 / 4.0)))
            on = []
            for _ in range(non):
                if r.random() < 0.75 and len(self.area_subs[ai]) > 1:
                    j = r.choice(self.area_subs[ai])
                else:
                    j = r.randrange(N)
                if j != i:
                    on.append(j)
            off = []
            for _ in range(noff):
                e = r.choice(self.ext_pool)
                off.append(e)
                self.ext_fans.setdefault(e, []).append(i)
            self.c_on.append(on)
            self.c_off.append(off)
            self.c_for.append([])
        # migrant workers (th: from MM/KH/LA; cn: foreign workers in border provinces) and families with relatives abroad
        self.relations = []  # (foreign number, our sub index or None, ext number or None)
        nmig = int(N * (0.05 if self.ck == 'th' else 0.012) * r.uniform(0.8, 1.2))
        mig_home = self.C['migrant_home']
        for _ in range(nmig):
            i = r.randrange(N)
            if self.s_type[i] != 'p':
                continue
            self.s_type[i] = 'm'
            cc = r.choices([c for c, _ in mig_home], weights=[w for _, w in mig_home])[0]
            fs = [self.new_foreign(cc) for _ in range(r.randint(1, 4))]
            self.c_for[i] = fs
            for f in fs:
                self.relations.append((f, i, None))
        ndia = int(N * 0.035 * r.uniform(0.8, 1.2))
        dia = self.C['diaspora']
        for _ in range(ndia):
            i = r.randrange(N)
            cc = r.choices([c for c, _ in dia], weights=[w for _, w in dia])[0]
            f = self.new_foreign(cc)
            self.c_for[i].append(f)
            self.relations.append((f, i, None))
        # relatives of other operators' customers (only visible when bypassed through a SIM box)
        for _ in range(int(N * 0.03)):
            cc = r.choices([c for c, _ in dia + mig_home], weights=[w for _, w in dia + mig_home])[0]
            self.relations.append((self.new_foreign(cc), None, r.choice(self.ext_pool)))
        self.P['population'].update(migrants=nmig, diaspora_families=ndia, ext_numbers=len(self.ext_pool))

    # ===================================================================
    # background traffic
    # ===================================================================
    def pick_contact(self, i):
        r = self.rng
        on = self.c_on[i]
        off = self.c_off[i]
        n = len(on) + len(off)
        if n == 0:
            return None, None
        # Zipf-ish preference: first contacts are closest
        k = min(n - 1, int(r.paretovariate(1.1)) - 1)
        k = (k + r.randint(0, 1)) % n if r.random() < 0.3 else k
        if k < len(on):
            return on[k], None
        return None, off[k - len(on)]

    def bg_calls(self):
        r = self.rng
        N = self.N
        we = self.weff('people')
        ncall = 0
        for i in range(N):
            ty = self.s_type[i]
            if ty in ('x', 'r'):
                continue
            a = self.s_num[i]
            imsi = self.s_imsi[i]
            imei = self.s_imei[i]
            n = poisson(r, self.s_rate[i] * we)
            pfor = 0.35 if ty == 'm' else (0.08 if self.c_for[i] else 0.0)
            for _ in range(n):
                t = self.t_sample('people')
                u = r.random()
                cell = self.cells[self.cur_cell(i, t)]
                if u < pfor:
                    b = r.choice(self.c_for[i])
                    ans = r.random() < 0.68
                    d = self.lognorm(260, 0.9) if ans else 0
                    self.call(t, a, b, d, 'onnet', imsi, imei, cell)
                    continue
                if u < pfor + 0.09:
                    b = r.choice(self.biz[self.s_area[i]])
                    ans = r.random() < 0.82
                    self.call(t, a, b, self.lognorm(110, 0.8) if ans else 0, 'onnet', imsi, imei, cell)
                    continue
                j, e = self.pick_contact(i)
                if j is None and e is None:
                    continue
                b = self.s_num[j] if j is not None else e
                # a contact whose number now sits in a box / modem (recycled prepaid) never picks up
                ans = r.random() < 0.74 and (j is None or j not in self.mute)
                d = self.lognorm(70, 1.0) if ans else 0
                self.call(t, a, b, d, 'onnet', imsi, imei, cell)
                ncall += 1
                if not ans and r.random() < 0.42:
                    tb = t + 20 + r.expovariate(1 / 300.0)
                    if j is not None and self.s_type[j] not in ('x', 'r'):
                        self.call(tb, b, a, self.lognorm(80, 0.9) if r.random() < 0.9 else 0, 'onnet',
                                  self.s_imsi[j], self.s_imei[j], self.cells[self.cur_cell(j, tb)])
                    elif e is not None:
                        self.call(tb, e, a, self.lognorm(80, 0.9) if r.random() < 0.9 else 0, 'national')
                elif ans and r.random() < 0.05:
                    # redial after a dropped call
                    tb = t + d + r.uniform(5, 60)
                    self.call(tb, a, b, self.lognorm(60, 0.8), 'onnet', imsi, imei, cell)
            # inbound from other operators' customers
            nin = poisson(r, self.s_rate[i] * 0.45 * we)
            for _ in range(nin):
                t = self.t_sample('people')
                e = r.choice(self.c_off[i]) if self.c_off[i] else r.choice(self.ext_pool)
                ans = r.random() < 0.72
                self.call(t, e, a, self.lognorm(75, 1.0) if ans else 0, 'national')
            # person-to-person SMS
            ns = poisson(r, self.s_sms[i] * we)
            for _ in range(ns):
                t = self.t_sample('people')
                j, e = self.pick_contact(i)
                if j is None and e is None:
                    continue
                b = self.s_num[j] if j is not None else e
                self.cur_lh = self.local_hour(t)
                self.sms(t, a, b, self.trng.choice(self.X['p2p']), 'onnet', imsi, imei, self.cells[self.cur_cell(i, t)])
                if r.random() < 0.5:
                    tb = t + r.uniform(20, 400)
                    txt = self.trng.choice(self.X['p2p'])
                    if j is not None and self.s_type[j] not in ('x', 'r'):
                        self.sms(tb, b, a, txt, 'onnet', self.s_imsi[j], self.s_imei[j], self.cells[self.cur_cell(j, tb)])
                    elif e is not None:
                        self.sms(tb, e, a, txt, 'national')
            ni = poisson(r, 0.04 * we)
            for _ in range(ni):
                t = self.t_sample('people')
                e = r.choice(self.ext_pool)
                self.sms(t, e, a, self.trng.choice(self.X['p2p']), 'national')
        # businesses (shops, clinics, schools) calling customers from landlines
        for ai in range(len(self.areas)):
            for bnum in self.biz[ai]:
                n = poisson(r, 0.5 * self.weff('office'))
                for _ in range(n):
                    t = self.t_sample('office')
                    j = self.free_sub(ai)
                    ans = r.random() < 0.65
                    self.call(t, bnum, self.s_num[j], self.lognorm(90, 0.8) if ans else 0, 'national')

    def bg_international(self):
        """legitimate international inbound over the licensed gateway"""
        r = self.rng
        we = self.weff('people')
        n = 0
        for f, i, e in self.relations:
            if i is None or self.s_type[i] in ('x', 'r'):
                continue
            k = poisson(r, (0.16 if self.s_type[i] == 'm' else 0.06) * we)
            for _ in range(k):
                t = self.t_sample('people')
                if self.s_type[i] == 'm' and r.random() < 0.2:
                    # "missed-call" signalling (ring, hang up, expect a call back)
                    for z in range(r.randint(1, 3)):
                        self.call(t + z * r.uniform(20, 90), f, self.s_num[i], 0, 'international')
                    if r.random() < 0.6:
                        tb = t + r.uniform(60, 900)
                        self.call(tb, self.s_num[i], f, self.lognorm(300, 0.8), 'onnet', self.s_imsi[i],
                                  self.s_imei[i], self.cells[self.cur_cell(i, tb)])
                    continue
                ans = r.random() < 0.7
                self.call(t, f, self.s_num[i], self.lognorm(280, 0.9) if ans else 0, 'international')
                n += 1
        self.P['background_intl'] = dict(relations=len(self.relations))

    # ===================================================================
    # FRAUD
    # ===================================================================
    def stranger(self, seqblk=None, p_ours=0.45):
        """someone with no relation to the caller: one of ours or another operator's"""
        r = self.rng
        if seqblk is not None and r.random() < seqblk['p']:
            seqblk['cur'] += r.randint(1, 3)
            if seqblk['cur'] > 9999:
                seqblk['base'] = self.new_mobile()[:-4]
                seqblk['cur'] = r.randint(0, 2000)
            d = seqblk['base'] + '%04d' % seqblk['cur']
            self.used.add(d)
            return d, None
        if r.random() < p_ours:
            i = self.free_sub()
            return self.s_num[i], i
        return self.new_mobile(), None

    def fraud_label(self, num, cls):
        if num not in self.fraud:
            self.fraud[num] = cls

    def look_label(self, num, kind):
        if num not in self.look and num not in self.fraud:
            self.look[num] = kind

    def victim_callback(self, t, victim, i_vict, target, p_ans, dmed):
        r = self.rng
        if i_vict is not None:
            if self.s_type[i_vict] in ('x', 'r'):
                return
            ans = r.random() < p_ans
            self.call(t, victim, target, self.lognorm(dmed, 0.8) if ans else 0, 'onnet', self.s_imsi[i_vict],
                      self.s_imei[i_vict], self.cells[self.cur_cell(i_vict, t)])
        else:
            ans = r.random() < p_ans
            self.call(t, victim, target, self.lognorm(dmed, 0.8) if ans else 0, 'national')

    def fraud_callcenter(self):
        """Scam call-centre SIMs (mule-registered prepaid) on our network dialling strangers:
        from border cells whose coverage spills into compounds across the border, or from
        rented condos; several SIMs per handset, burnt after some hours."""
        r = self.rng
        nsim = r.randint(6, 16)
        fa = [self.area_idx[a] for a in self.C['fraud_areas']]
        n_sites = r.randint(1, 3)
        sites = []
        for _ in range(n_sites):
            ai = r.choice(fa)
            base = r.choice(self.area_cells[ai])
            sites.append([base] + [self.neighbour(base, 2) for _ in range(r.randint(0, 2))])
        p_ans = r.uniform(0.14, 0.38)
        gap = r.uniform(20, 110)
        p_long = r.uniform(0.06, 0.16)
        seq_p = r.choice([0.0, 0.15, 0.4])
        p_slow = r.uniform(0.1, 0.35)
        sims = []
        for k in range(nsim):
            site = sites[k % n_sites]
            i = self.reserve_sub(self.cell_area[site[0]])
            sims.append((self.s_num[i], self.s_imsi[i], site))
        # handsets: 1-4 SIMs each, swapped in turn (SIM rotation against per-SIM limits)
        handsets = []
        k = 0
        while k < nsim:
            m = min(nsim - k, r.choice([1, 1, 2, 2, 3, 4]))
            handsets.append((self.new_imei(), sims[k:k + m]))
            k += m
        total = 0
        open_victims = []
        for imei, hs in handsets:
            start = r.uniform(0, self.T * 0.45)
            end = min(self.T, start + r.uniform(0.35, 1.0) * self.T)
            seg = (end - start) / len(hs)
            for si, (num, imsi, site) in enumerate(hs):
                slow = r.random() < p_slow
                g = gap * (r.uniform(3, 6) if slow else r.uniform(0.7, 1.3))
                blk = {'p': seq_p, 'base': self.new_mobile()[:-4], 'cur': r.randint(0, 3000)}
                t = start + si * seg
                tend = t + seg
                self.fraud_label(num, 'callcenter')
                while t < tend:
                    # breaks: meals, shift handover
                    w = self.prof_at('shift', t)
                    if r.random() > w:
                        t += r.uniform(300, 1200)
                        continue
                    b, ib = self.stranger(blk)
                    ans = r.random() < p_ans
                    d = self.scam_dur(p_long) if ans else 0
                    cell = self.cells[site[0] if r.random() < 0.8 else r.choice(site)]
                    self.call(t, num, b, d, 'onnet', imsi, imei, cell)
                    total += 1
                    if ans and d > 400:
                        open_victims.append((t + d, b, ib))
                    elif not ans and r.random() < 0.05:
                        self.victim_callback(t + r.uniform(60, 1800), b, ib, num, 0.5, 60)
                    ring = r.uniform(15, 45)
                    t += (d if ans else ring) + r.expovariate(1.0 / g)
        # hooked victims get follow-ups from another "officer" (a different SIM of the ring)
        sim_imei = {}
        for imei, hs in handsets:
            for s in hs:
                sim_imei[s[0]] = imei
        for tv, b, ib in open_victims:
            if r.random() < 0.55:
                num, imsi, site = r.choice(sims)
                t = tv + r.uniform(300, 3600)
                if self.call(t, num, b, self.lognorm(900, 0.6, 60, 5400) if r.random() < 0.8 else 0, 'onnet', imsi,
                             sim_imei[num], self.cells[site[0]]):
                    self.fraud_label(num, 'callcenter')
        self.P['callcenter'] = dict(sims=nsim, handsets=len(handsets), sites=[self.areas[self.cell_area[s[0]]][0] for s in sites],
                                    answer_rate=round(p_ans, 2), mean_gap_s=round(gap), p_long=round(p_long, 2),
                                    sequential_dialling=seq_p, slow_sim_share=round(p_slow, 2), calls=total)

    def fraud_spoofed(self):
        """Calls from call centres abroad (compounds in KH/MM/LA, VoIP) entering over the
        international gateway with forged national CLIs: police/court/bank landlines and
        random mobiles."""
        r = self.rng
        nnum = r.randint(14, 40)
        capital = self.C['capital_land']
        nums = []
        for _ in range(nnum):
            u = r.random()
            if u < 0.45:
                nums.append(self.new_land(capital))
            elif u < 0.65:
                nums.append(self.area_land(r.randrange(len(self.areas))))
            else:
                nums.append(self.new_mobile())
        engines = r.randint(1, 3)
        rate = r.uniform(60, 220)  # calls per hour per engine
        p_ans = r.uniform(0.22, 0.45)
        p_long = r.uniform(0.06, 0.15)
        sticky = r.uniform(0.3, 0.9)  # probability to keep the same CLI for the next call
        total = 0
        for e in range(engines):
            start = r.uniform(0, self.T * 0.5)
            end = min(self.T, start + r.uniform(0.4, 1.0) * self.T)
            t = start
            cur = r.choice(nums)
            while t < end:
                if r.random() > self.prof_at('shift', t):
                    t += r.uniform(120, 600)
                    continue
                if r.random() > sticky:
                    cur = r.choice(nums)
                i = self.free_sub()
                b = self.s_num[i]
                ans = r.random() < p_ans
                d = self.scam_dur(p_long) if ans else 0
                if self.call(t, cur, b, d, 'international'):
                    self.fraud_label(cur, 'spoofed_caller_id')
                    total += 1
                if r.random() < 0.05:
                    # the victim calls the displayed number back - and reaches its real owner
                    self.victim_callback(t + r.uniform(120, 3600), b, i, cur, 0.6, 35)
                t += r.expovariate(rate / 3600.0)
        self.P['spoofed_caller_id'] = dict(presented_numbers=nnum, engines=engines, calls_per_hour=round(rate),
                                           answer_rate=round(p_ans, 2), cli_stickiness=round(sticky, 2), calls=total)

    def fraud_simbox(self):
        """SIM boxes / GoIP gateways terminating grey-route international calls as local
        on-net calls (interconnect bypass)."""
        r = self.rng
        nbox = r.randint(1, 3)
        areas = [self.area_idx[a] for a in self.C['simbox_areas']]
        targets = [rel for rel in self.relations]
        total = 0
        boxes = []
        allsims = []
        budget = r.randint(12, 64)   # SIMs the ring manages to keep alive
        for bi in range(nbox):
            ports = min(r.choice([8, 16, 16, 32]), budget - len(allsims))
            if ports < 4:
                break
            ai = r.choice(areas)
            base = r.choice(self.area_cells[ai])
            mobile_box = r.random() < 0.25
            bcells = [base] + ([self.neighbour(base, 3) for _ in range(2)] if mobile_box else [])
            imode = r.choice(['module', 'module', 'rewrite', 'shared'])
            rot = r.random() < 0.5 and imode == 'module'
            tac = r.choice(MODULE_TACS)
            port_imei = [self.new_imei(tac=tac) for _ in range(ports)]
            if imode == 'shared':
                port_imei = [port_imei[0]] * (ports // 2) + [port_imei[1]] * (ports - ports // 2)
            sims = []
            for p in range(ports):
                self._mute = True
                i = self.reserve_sub(ai)
                self._mute = False
                im = self.new_imei() if imode == 'rewrite' else port_imei[p]
                sims.append(dict(num=self.s_num[i], imsi=self.s_imsi[i], port=p, imei=im, busy=0.0, n=0))
            cap = r.uniform(4, 14)        # calls per SIM per hour allowed by the box software
            p_ans = r.uniform(0.5, 0.75)
            dmed = r.uniform(80, 200)
            onnet_pref = r.uniform(0.7, 0.95)
            human = r.random() < 0.5
            rot_period = r.uniform(1200, 3600)
            start = r.uniform(0, self.T * 0.3)
            load = r.uniform(0.5, 0.9) * ports * cap
            boxes.append(dict(ports=ports, area=self.areas[ai][0], cells=len(bcells), imei_mode=imode,
                              sim_rotation=rot, cap_per_sim_h=round(cap, 1), answer_rate=round(p_ans, 2),
                              median_dur=round(dmed), humanised=human, offered_per_h=round(load)))
            t = start
            while t < self.T:
                t += r.expovariate(load / 3600.0) / max(0.2, self.prof_at('people', t))
                if t >= self.T:
                    break
                free = [s for s in sims if s['busy'] <= t and s['n'] < cap * max(0.25, (t - start) / 3600.0) + 1]
                if not free:
                    continue
                s = r.choice(free)
                f, i, e = r.choice(targets)
                if i is not None and r.random() < onnet_pref and self.s_type[i] not in ('x',):
                    b = self.s_num[i]
                elif e is not None:
                    b = e
                else:
                    b = self.s_num[self.free_sub()]
                ans = r.random() < p_ans
                d = self.lognorm(dmed, 0.9, 5, 3600) if ans else 0
                im = s['imei']
                if rot:
                    shift = int(t // rot_period)
                    im = port_imei[(s['port'] + shift * 3) % ports]
                cell = self.cells[bcells[int(t // 1800) % len(bcells)]]
                if self.call(t, s['num'], b, d, 'onnet', s['imsi'], im, cell):
                    self.fraud_label(s['num'], 'simbox')
                    total += 1
                s['busy'] = t + d + r.uniform(8, 40)
                s['n'] += 1
                if r.random() < 0.03:
                    # callee rings the unknown local number back: nobody answers a SIM box
                    tb = t + r.uniform(60, 1200)
                    if i is not None and b == self.s_num[i]:
                        self.call(tb, b, s['num'], 0, 'onnet', self.s_imsi[i], self.s_imei[i],
                                  self.cells[self.cur_cell(i, tb)])
                    else:
                        self.call(tb, b, s['num'], 0, 'national')
            if human:
                # "human behaviour simulation": SIMs call and text each other, short calls
                for s in sims:
                    for _ in range(r.randint(1, 3)):
                        o = r.choice(sims)
                        if o is s:
                            continue
                        t = r.uniform(start, self.T)
                        self.call(t, s['num'], o['num'], r.randint(5, 60), 'onnet', s['imsi'], s['imei'],
                                  self.cells[bcells[0]])
                    if r.random() < 0.6:
                        o = r.choice(sims)
                        t = r.uniform(start, self.T)
                        self.cur_lh = self.local_hour(t)
                        self.sms(t, s['num'], o['num'], self.trng.choice(self.X['p2p']), 'onnet', s['imsi'],
                                 s['imei'], self.cells[bcells[0]])
            allsims.extend(sims)
        self.P['simbox'] = dict(boxes=boxes, sims=len(allsims), calls=total)

    def fraud_wangiri(self):
        """One-ring calls from premium / IRSF-prone ranges; victims who call back pay."""
        r = self.rng
        ncamp = r.randint(2, 5)
        camps = []
        total = 0
        subs_sorted = sorted(range(self.N), key=lambda k: self.s_num[k])
        for c in range(ncamp):
            cc = r.choice(WANGIRI_CC)
            n = r.randint(1, 7)
            if r.random() < 0.6:
                nums = self.foreign_block(cc, n, r.choice([1, 1, 2, 10]))
            else:
                nums = [self.new_foreign(cc) for _ in range(n)]
            style = r.choice(['burst', 'burst', 'slow'])
            if style == 'burst':
                span = r.uniform(300, 2400)
                start = r.uniform(0, self.T - span)
                ncalls = r.randint(120, 600)
            else:
                span = self.T * r.uniform(0.6, 1.0)
                start = r.uniform(0, self.T - span)
                ncalls = r.randint(40, 160)
            seqt = r.random() < 0.3
            p_cb = r.uniform(0.015, 0.06)
            if seqt:
                k0 = r.randrange(self.N)
                tg = [subs_sorted[(k0 + k) % self.N] for k in range(ncalls)]
            else:
                tg = [r.randrange(self.N) for _ in range(ncalls)]
            times = sorted(start + r.random() * span for _ in range(ncalls))
            for k, t in enumerate(times):
                i = tg[k]
                if self.s_type[i] in ('r',):
                    continue
                a = nums[k % len(nums)] if r.random() < 0.7 else r.choice(nums)
                if r.random() < 0.04:
                    # victim picked up within the single ring
                    self.call_ans(t, a, self.s_num[i], r.randint(0, 2), True, 'international')
                else:
                    self.call(t, a, self.s_num[i], 0, 'international')
                self.fraud_label(a, 'wangiri')
                total += 1
                if r.random() < p_cb and self.s_type[i] != 'x':
                    tb = t + 30 + r.expovariate(1 / 900.0)
                    self.call(tb, self.s_num[i], a, r.randint(15, 240), 'onnet', self.s_imsi[i], self.s_imei[i],
                              self.cells[self.cur_cell(i, tb)])
            camps.append(dict(cc='+' + cc, numbers=n, style=style, calls=ncalls, sequential_targets=seqt,
                              callback_rate=round(p_cb, 3)))
        self.P['wangiri'] = dict(campaigns=camps, calls=total)

    def fraud_smishing(self):
        """SMS farms (modems / phone farms with SIM rotation) on our network, and fake base
        stations driven around a city broadcasting phishing SMS under forged senders."""
        r = self.rng
        nfarm = r.randint(1, 2)
        farms = []
        total = 0
        fa = [self.area_idx[a] for a in self.C['fraud_areas'] + self.C['city_areas']]
        for fi in range(nfarm):
            nsim = r.randint(5, 18)
            ai = r.choice(fa)
            base = r.choice(self.area_cells[ai])
            cells = [base, self.neighbour(base)]
            kind = r.choice(['modem', 'phonefarm'])
            tac = r.choice(MODULE_TACS)
            tpls = r.sample(self.X['phish'], r.randint(1, 3))
            ustyle = r.choice(['short', 'domain', 'domain', 'ip'])
            gap = r.uniform(4, 40)       # seconds between messages per SIM
            cap = r.randint(80, 450)     # messages before the SIM is blocked / swapped
            conc = r.randint(2, max(2, nsim // 2))  # SIMs sending at once
            seq_p = r.choice([0.0, 0.3, 0.7])
            start = r.uniform(0, self.T * 0.5)
            sims = []
            for k in range(nsim):
                self._mute = True
                i = self.reserve_sub(ai)
                self._mute = False
                im = self.new_imei(tac=tac) if kind == 'modem' else self.new_imei()
                sims.append((self.s_num[i], self.s_imsi[i], im))
            # SIMs work in relays: `conc` at a time, next takes over when one hits its cap
            queue = list(sims)
            active = []
            clock = {}
            sent = {}
            for _ in range(min(conc, len(queue))):
                s = queue.pop(0)
                active.append(s)
                clock[s[0]] = start + r.uniform(0, 60)
                sent[s[0]] = 0
            blk = {'p': seq_p, 'base': self.new_mobile()[:-4], 'cur': r.randint(0, 3000)}
            while active:
                s = min(active, key=lambda x: clock[x[0]])
                t = clock[s[0]]
                if t >= self.T:
                    active.remove(s)
                    continue
                b, ib = self.stranger(blk, p_ours=0.45)
                url = self.phish_url(ustyle)
                self.cur_lh = self.local_hour(t)
                txt = self.fill(r.choice(tpls), url=url)
                if self.sms(t, s[0], b, txt, 'onnet', s[1], s[2], self.cells[cells[0] if r.random() < 0.85 else cells[1]]):
                    self.fraud_label(s[0], 'smishing')
                    total += 1
                if ib is not None and r.random() < 0.006:
                    self.sms(t + r.uniform(30, 600), b, s[0], self.trng.choice(self.X['reply']), 'onnet', self.s_imsi[ib],
                             self.s_imei[ib], self.cells[self.cur_cell(ib, t)])
                elif r.random() < 0.004:
                    self.victim_callback(t + r.uniform(30, 900), b, ib, s[0], 0.0, 1)
                sent[s[0]] += 1
                clock[s[0]] = t + r.expovariate(1.0 / gap)
                if sent[s[0]] >= cap:
                    active.remove(s)
                    if queue:
                        n2 = queue.pop(0)
                        active.append(n2)
                        clock[n2[0]] = t + r.uniform(5, 120)
                        sent[n2[0]] = 0
            farms.append(dict(sims=nsim, area=self.areas[ai][0], kind=kind, templates=len(tpls), url_style=ustyle,
                              gap_s=round(gap, 1), cap_per_sim=cap, concurrent=conc, sequential_targets=seq_p))
        # fake base stations: forged sender, victims are whoever is camped near the car's route
        nfbs = r.randint(1, 2)
        fbs = []
        for _ in range(nfbs):
            ai = self.area_idx[r.choice(self.C['city_areas'])]
            cl = self.area_cells[ai]
            k0 = r.randrange(max(1, int(len(cl) * 0.3)))
            route = cl[k0:k0 + r.randint(6, 14)]
            dwell = r.uniform(180, 480)
            start = r.uniform(0, max(1, self.T - dwell * len(route)))
            senders = []
            for _ in range(r.randint(1, 3)):
                senders.append(self.new_land(self.C['capital_land']) if r.random() < 0.6 else self.new_mobile())
            tpls = r.sample(self.X['fbs'], 2)
            ustyle = r.choice(['short', 'domain'])
            cov = r.uniform(0.5, 0.95)
            sent = 0
            for ci, c in enumerate(route):
                t0 = start + ci * dwell
                snd = senders[min(len(senders) - 1, ci * len(senders) // len(route))]
                # people whose current cell is c
                cand = [i for i in self.area_subs[ai] if self.cur_cell(i, t0) == c and self.s_type[i] != 'r']
                for i in cand:
                    if r.random() > cov:
                        continue
                    t = t0 + r.random() * dwell
                    self.cur_lh = self.local_hour(t)
                    if self.sms(t, snd, self.s_num[i], self.fill(r.choice(tpls), url=self.phish_url(ustyle)), None):
                        self.fraud_label(snd, 'smishing')
                        sent += 1
            fbs.append(dict(area=self.areas[ai][0], cells=len(route), dwell_s=round(dwell), senders=len(senders), sms=sent))
            total += sent
        self.P['smishing'] = dict(farms=farms, fake_base_stations=fbs, sms=total)

    # ===================================================================
    # LOOK-ALIKES (benign, labelled)
    # ===================================================================
    def look_bank(self):
        r = self.rng
        nbank = r.randint(2, 4)
        capital = self.C['capital_land']
        cli = []
        we = self.weff('office')
        ncall = 0
        for b in range(nbank):
            hot = self.new_land(capital)
            outs = [hot] + [self.new_land(capital) for _ in range(r.randint(0, 1))]
            rate = r.uniform(40, 150)
            p_ans = r.uniform(0.35, 0.55)
            for o in outs:
                n = poisson(r, rate * we)
                for _ in range(n):
                    t = self.t_sample('office')
                    i = self.free_sub()
                    ans = r.random() < p_ans
                    if self.call(t, o, self.s_num[i], self.lognorm(100, 0.8) if ans else 0, 'national'):
                        self.look_label(o, 'bank_callcenter')
                        ncall += 1
                    if not ans:
                        if r.random() < 0.25:
                            self.victim_callback(t + r.uniform(120, 3600), self.s_num[i], i, hot, 0.9, 200)
                        elif r.random() < 0.3:
                            t2 = t + r.uniform(1200, 5400)
                            self.call(t2, o, self.s_num[i], self.lognorm(100, 0.8) if r.random() < p_ans else 0, 'national')
            # customers calling the hotline
            nin = poisson(r, r.uniform(20, 80) * we)
            for _ in range(nin):
                t = self.t_sample('office')
                i = self.free_sub()
                self.victim_callback(t, self.s_num[i], i, hot, 0.92, 240)
            self.look_label(hot, 'bank_callcenter')
            cli.append(len(outs))
        # on-net telesales agents (credit cards, insurance) cold-calling lead lists
        nag = r.randint(3, 8)
        ai = self.area_idx[self.C['city_areas'][0]]
        office = r.choice(self.area_cells[ai][:max(1, len(self.area_cells[ai]) // 5)])
        agents = []
        for k in range(nag):
            i = self.reserve_sub(ai)
            agents.append(i)
            num = self.s_num[i]
            rate = r.uniform(10, 30)
            p_ans = r.uniform(0.3, 0.5)
            t = r.uniform(0, 1800)
            while t < self.T:
                lh = self.local_hour(t)
                if lh < 8.5 or lh >= 18 or 12 <= lh < 13:
                    t += 600
                    continue
                b, ib = self.stranger(None, 0.45)
                ans = r.random() < p_ans
                d = (r.randint(4, 30) if r.random() < 0.5 else self.lognorm(220, 0.6)) if ans else 0
                if self.call(t, num, b, d, 'onnet', self.s_imsi[i], self.s_imei[i], self.cells[office]):
                    self.look_label(num, 'bank_callcenter')
                    ncall += 1
                if ans and d > 60 and r.random() < 0.4:
                    self.cur_lh = lh
                    self.sms(t + d + r.uniform(10, 120), num, b, self.fill(r.choice(self.X['telesales'])), 'onnet',
                             self.s_imsi[i], self.s_imei[i], self.cells[office])
                if not ans and r.random() < 0.12:
                    self.victim_callback(t + r.uniform(300, 5400), b, ib, num, 0.8, 90)
                t += (d if ans else r.uniform(15, 35)) + r.expovariate(rate / 3600.0)
            # and their own private life
            for _ in range(poisson(r, 0.3 * self.weff('people'))):
                t = self.t_sample('people')
                j = self.free_sub(ai)
                self.call(t, self.s_num[j], num, self.lognorm(60, 0.8), 'onnet', self.s_imsi[j], self.s_imei[j],
                          self.cells[self.cur_cell(j, t)])
        self.P['bank_callcenter'] = dict(banks=nbank, landline_clis=sum(cli), telesales_sims=nag, calls=ncall)

    def look_delivery(self):
        r = self.rng
        nrider = r.randint(10, 30)
        ncall = 0
        for k in range(nrider):
            ai = self.area_idx[r.choice(self.C['city_areas'])] if r.random() < 0.7 else r.randrange(len(self.areas))
            i = self.reserve_sub(ai)
            num = self.s_num[i]
            cl = self.area_cells[ai]
            k0 = r.randrange(len(cl))
            rcells = [cl[(k0 + z) % len(cl)] for z in range(r.randint(3, 7))]
            stops_h = r.uniform(8, 22)
            p_ans = r.uniform(0.55, 0.8)
            t = r.uniform(0, 1800)
            while t < self.T:
                cell = self.cells[rcells[int(t / self.T * len(rcells)) % len(rcells)]]
                b, ib = self.stranger(None, 0.5)
                tries = 0
                ok = False
                tt = t
                while tries < 3:
                    ans = r.random() < p_ans
                    if self.call(tt, num, b, r.randint(8, 70) if ans else 0, 'onnet', self.s_imsi[i], self.s_imei[i], cell):
                        self.look_label(num, 'delivery_callcenter')
                        ncall += 1
                    tries += 1
                    if ans:
                        ok = True
                        break
                    if r.random() > 0.55:
                        break
                    tt += r.uniform(45, 200)
                if not ok:
                    if r.random() < 0.35:
                        self.cur_lh = self.local_hour(tt)
                        self.sms(tt + 30, num, b, self.fill(r.choice(self.X['rider'])), 'onnet', self.s_imsi[i], self.s_imei[i], cell)
                    if r.random() < 0.3:
                        self.victim_callback(tt + r.uniform(60, 1500), b, ib, num, 0.85, 40)
                t += r.expovariate(stops_h / 3600.0)
        # the carrier's customer-service line confirming addresses
        ncs = r.randint(1, 2)
        for _ in range(ncs):
            o = self.new_land(self.C['capital_land'])
            rate = r.uniform(25, 80)
            for _ in range(poisson(r, rate * self.weff('office'))):
                t = self.t_sample('office')
                i = self.free_sub()
                ans = r.random() < 0.5
                if self.call(t, o, self.s_num[i], self.lognorm(60, 0.7) if ans else 0, 'national'):
                    self.look_label(o, 'delivery_callcenter')
                    ncall += 1
                if not ans and r.random() < 0.15:
                    self.victim_callback(t + r.uniform(120, 3000), self.s_num[i], i, o, 0.9, 120)
        self.P['delivery_callcenter'] = dict(riders=nrider, cs_lines=ncs, calls=ncall)

    def a2p_number(self):
        """long numbers used by SMS aggregators"""
        r = self.rng
        return self.new_land(self.C['capital_land']) if r.random() < 0.5 else self.new_mobile()

    def look_otp(self):
        r = self.rng
        nsend = r.randint(2, 5)
        n = 0
        customers = [r.randrange(self.N) for _ in range(int(self.N * 0.4))]
        for k in range(nsend):
            intl = r.random() < 0.35
            num = self.new_foreign(r.choice(['44', '1', '65', '372', '49'])) if intl else self.a2p_number()
            rate = r.uniform(60, 400)
            for _ in range(poisson(r, rate * self.weff('people'))):
                t = self.t_sample('people')
                i = r.choice(customers)
                if self.s_type[i] == 'r':
                    continue
                self.cur_lh = self.local_hour(t)
                txt = self.fill(r.choice(self.X['otp']))
                if self.sms(t, num, self.s_num[i], txt, 'international' if intl else 'national'):
                    self.look_label(num, 'otp_sender')
                    n += 1
                if r.random() < 0.08:
                    self.sms(t + r.uniform(30, 120), num, self.s_num[i], self.fill(r.choice(self.X['otp'])),
                             'international' if intl else 'national')
        # flash-call verification: missed calls from a rotating pool of international numbers
        pool_cc = r.sample(['44', '372', '371', '49', '62', '1', '387', '880', '234', '381'], 4)
        pool = []
        for cc in pool_cc:
            if r.random() < 0.5:
                pool += self.foreign_block(cc, r.randint(3, 12))
            else:
                pool += [self.new_foreign(cc) for _ in range(r.randint(3, 12))]
        nflash = r.randint(60, 220)
        for _ in range(nflash):
            t = self.t_sample('people')
            i = r.choice(customers)
            if self.s_type[i] == 'r':
                continue
            a = r.choice(pool)
            if self.call(t, a, self.s_num[i], 0, 'international'):
                self.look_label(a, 'otp_sender')
        self.P['otp_sender'] = dict(sms_senders=nsend, sms=n, flashcall_pool=len(pool), flashcall_countries=pool_cc,
                                    flash_calls=nflash)

    def look_notify(self):
        r = self.rng
        n = 0
        # bank transaction alerts to a customer base
        nb = r.randint(1, 3)
        for _ in range(nb):
            num = self.a2p_number()
            base = [r.randrange(self.N) for _ in range(int(self.N * r.uniform(0.1, 0.3)))]
            rate = r.uniform(80, 350)
            for _ in range(poisson(r, rate * self.weff('people'))):
                t = self.t_sample('people')
                i = r.choice(base)
                self.cur_lh = self.local_hour(t)
                if self.s_type[i] != 'r' and self.sms(t, num, self.s_num[i], self.fill(r.choice(self.X['bank_alert'])), 'national'):
                    self.look_label(num, 'notification_sender')
                    n += 1
        # parcel notifications with tracking links
        nd = r.randint(1, 2)
        for _ in range(nd):
            num = self.a2p_number()
            rate = r.uniform(50, 250)
            tpl = r.choice(self.X['delivery'])
            for _ in range(poisson(r, rate * self.weff('office'))):
                t = self.t_sample('office')
                i = self.free_sub()
                self.cur_lh = self.local_hour(t)
                if self.sms(t, num, self.s_num[i], self.fill(tpl), 'national'):
                    self.look_label(num, 'notification_sender')
                    n += 1
        # billing runs: a burst of bills with links
        nu = r.randint(1, 2)
        for _ in range(nu):
            num = self.a2p_number()
            start = r.uniform(0, self.T - 1800)
            span = r.uniform(600, 2400)
            cnt = r.randint(300, 1500)
            tpl = r.choice(self.X['utility'])
            for k in range(cnt):
                t = start + span * k / cnt + r.uniform(0, 2)
                i = r.randrange(self.N)
                if self.s_type[i] == 'r':
                    continue
                self.cur_lh = self.local_hour(t)
                if self.sms(t, num, self.s_num[i], self.fill(tpl), 'national'):
                    self.look_label(num, 'notification_sender')
                    n += 1
        # a clinic / school / shop sending reminders from a GSM modem SIM on our network
        nm = r.randint(1, 3)
        for _ in range(nm):
            ai = r.randrange(len(self.areas))
            i = self.reserve_sub(ai, kind='module')
            num = self.s_num[i]
            cell = self.cells[self.s_home[i]]
            tpl = r.choice(self.X['modem'])
            start = r.uniform(0, self.T - 2400)
            cnt = r.randint(40, 250)
            gap = r.uniform(3, 15)
            t = start
            for k in range(cnt):
                j = self.free_sub(ai) if r.random() < 0.7 else None
                b = self.s_num[j] if j is not None else self.new_mobile()
                self.cur_lh = self.local_hour(t)
                if self.sms(t, num, b, self.fill(tpl), 'onnet', self.s_imsi[i], self.s_imei[i], cell):
                    self.look_label(num, 'notification_sender')
                    n += 1
                if j is not None and r.random() < 0.03:
                    self.victim_callback(t + r.uniform(60, 1800), b, j, num, 0.0, 1)
                t += r.expovariate(1.0 / gap)
        self.P['notification_sender'] = dict(bank_alerts=nb, parcel=nd, billing_runs=nu, modem_sims=nm, sms=n)

    def look_iot(self):
        r = self.rng
        fleets = []
        nsim = 0
        # alarm panels: periodic test SMS, occasional alarm call to the monitoring centre
        for kind, nlo, nhi in (('alarm', 15, 50), ('meter', 20, 70), ('tracker', 8, 30), ('lift', 4, 12)):
            n = r.randint(nlo, nhi)
            server = self.new_mobile() if kind != 'lift' else self.new_land(self.C['capital_land'])
            ai = self.area_idx[r.choice(self.C['city_areas'])]
            tac = r.choice(MODULE_TACS)
            period = {'alarm': r.choice([1800, 3600]), 'meter': r.choice([900, 1800]), 'tracker': r.choice([300, 600, 1200]),
                      'lift': 0}[kind]
            clusters = [r.choice(self.area_cells[ai]) for _ in range(max(1, n // 8))]
            owners = {}
            for k in range(n):
                i = self.reserve_sub(ai, tac=tac, kind='module')
                num = self.s_num[i]
                home = clusters[k % len(clusters)] if kind == 'meter' else r.choice(self.area_cells[ai])
                idv = '%06d' % r.randint(0, 999999)
                ph = r.uniform(0, period) if period else 0
                if kind == 'tracker':
                    owners[k] = self.s_num[self.free_sub(ai)]
                if period:
                    t = ph
                    while t < self.T:
                        cell = home if kind != 'tracker' else self.neighbour(home, 4)
                        txt = IOT_TEXT[{'alarm': 0, 'meter': 1, 'tracker': 2}[kind]].format(
                            id=idv, z=r.randint(1, 8), b=r.randint(0, 9), kwh=r.randint(100, 99999), v=r.randint(10, 40),
                            lat='%.5f' % (r.uniform(13.6, 13.9) if self.ck == 'th' else r.uniform(22.5, 22.8)),
                            lon='%.5f' % (r.uniform(100.4, 100.7) if self.ck == 'th' else r.uniform(113.9, 114.3)), spd=r.randint(0, 90))
                        if kind == 'tracker' and r.random() < 0.25:
                            dst = owners[k]
                        else:
                            dst = server
                        if self.sms(t, num, dst, txt, 'onnet', self.s_imsi[i], self.s_imei[i], self.cells[cell]):
                            self.look_label(num, 'iot_sim')
                        t += period * r.uniform(0.97, 1.03)
                pcall = {'alarm': 0.15, 'meter': 0.0, 'tracker': 0.1, 'lift': 0.5}[kind]
                if r.random() < pcall:
                    t = r.uniform(0, self.T)
                    dst = server if kind != 'tracker' else owners[k]
                    if self.call(t, num, dst, r.randint(8, 45), 'onnet', self.s_imsi[i], self.s_imei[i], self.cells[home]):
                        self.look_label(num, 'iot_sim')
                nsim += 1
            fleets.append(dict(kind=kind, sims=n, period_s=period))
        self.P['iot_sim'] = dict(fleets=fleets, sims=nsim)

    def look_dispatch(self):
        r = self.rng
        ncent = r.randint(2, 4)
        cents = []
        n = 0
        for c in range(ncent):
            ai = self.area_idx[r.choice(self.C['city_areas'])]
            office = r.choice(self.area_cells[ai])
            gateway = r.random() < 0.4
            nsim = r.randint(4, 8) if gateway else r.randint(1, 3)
            tac = r.choice(MODULE_TACS)
            sims = [self.reserve_sub(ai, kind='module' if gateway else 'phone', tac=tac if gateway else None) for _ in range(nsim)]
            drivers = []
            for _ in range(r.randint(20, 80)):
                if r.random() < 0.6:
                    drivers.append(self.s_num[self.free_sub(ai)])
                else:
                    drivers.append(r.choice(self.ext_pool))
            rate = r.uniform(15, 50)
            for i in sims:
                num = self.s_num[i]
                for _ in range(poisson(r, rate * self.weff('flat'))):
                    t = r.uniform(0, self.T)
                    if r.random() < 0.75:
                        b = r.choice(drivers)
                        ans = r.random() < 0.85
                    else:
                        b, _ = self.stranger(None, 0.5)   # the customer who booked
                        ans = r.random() < 0.7
                    if self.call(t, num, b, r.randint(8, 50) if ans else 0, 'onnet', self.s_imsi[i], self.s_imei[i], self.cells[office]):
                        self.look_label(num, 'dispatcher')
                        n += 1
                    if r.random() < 0.1:
                        self.cur_lh = self.local_hour(t)
                        self.sms(t + r.uniform(5, 60), num, r.choice(drivers), self.fill(r.choice(self.X['dispatch'])), 'onnet',
                                 self.s_imsi[i], self.s_imei[i], self.cells[office])
                # drivers and customers calling in
                for _ in range(poisson(r, rate * 0.8 * self.weff('flat'))):
                    t = r.uniform(0, self.T)
                    d = r.choice(drivers)
                    src = d if r.random() < 0.6 else self.s_num[self.free_sub(ai)]
                    j = self.num_idx.get(src)
                    if j is None:
                        self.call(t, src, num, r.randint(10, 90), 'national')
                    elif self.s_type[j] not in ('x', 'r'):
                        self.call(t, src, num, r.randint(10, 90), 'onnet', self.s_imsi[j], self.s_imei[j],
                                  self.cells[self.cur_cell(j, t)])
            cents.append(dict(gateway=gateway, sims=nsim, drivers=len(drivers), calls_per_sim_h=round(rate)))
        self.P['dispatcher'] = dict(centres=cents, calls=n)

    def look_overseas(self):
        r = self.rng
        n = 0
        # domestic brands whose contact centre sits abroad (Manila, KL, Penang, Bangalore)
        # and presents its national hotline number
        nd = r.randint(1, 3)
        for _ in range(nd):
            hot = self.new_land(self.C['capital_land'])
            rate = r.uniform(15, 60)
            p_ans = r.uniform(0.5, 0.7)
            for _ in range(poisson(r, rate * self.weff('office'))):
                t = self.t_sample('office')
                i = self.free_sub()
                ans = r.random() < p_ans
                if self.call(t, hot, self.s_num[i], self.lognorm(180, 0.8) if ans else 0, 'international'):
                    self.look_label(hot, 'overseas_service_desk')
                    n += 1
                if not ans and r.random() < 0.2:
                    self.victim_callback(t + r.uniform(120, 3600), self.s_num[i], i, hot, 0.9, 240)
            for _ in range(poisson(r, r.uniform(10, 40) * self.weff('office'))):
                t = self.t_sample('office')
                i = self.free_sub()
                self.victim_callback(t, self.s_num[i], i, hot, 0.93, 260)
        # foreign service desks: airlines, hotels, e-commerce, universities, foreign banks
        nf = r.randint(2, 5)
        for _ in range(nf):
            cc = r.choice(['65', '60', '852', '63', '91', '44', '1', '81'])
            num = self.new_foreign(cc)
            rate = r.uniform(5, 30)
            for _ in range(poisson(r, rate * self.weff('office'))):
                t = self.t_sample('office')
                i = self.free_sub()
                ans = r.random() < 0.5
                if self.call(t, num, self.s_num[i], self.lognorm(150, 0.8) if ans else 0, 'international'):
                    self.look_label(num, 'overseas_service_desk')
                    n += 1
                if not ans and r.random() < 0.1:
                    self.victim_callback(t + r.uniform(120, 3600), self.s_num[i], i, num, 0.8, 150)
        self.P['overseas_service_desk'] = dict(domestic_offshore=nd, foreign_desks=nf, calls=n)

    def pick_roamers(self):
        r = self.rng
        nr = int(self.N * r.uniform(0.003, 0.007))
        self.roamers = []
        for _ in range(nr):
            i = self.free_sub()
            self.s_type[i] = 'r'
            self.roamers.append(i)

    def look_roamers(self):
        r = self.rng
        n = 0
        # our subscribers abroad, calling home: arrive over the international gateway with their own CLI
        roamers = self.roamers
        nr = len(roamers)
        for i in roamers:
            num = self.s_num[i]
            camel = r.random() < 0.4
            for _ in range(poisson(r, r.uniform(0.3, 1.2) * self.weff('people'))):
                t = self.t_sample('people')
                cands = [j for j in self.c_on[i] if self.s_type[j] not in ('x', 'r')]
                if not cands:
                    cands = [self.free_sub(self.s_area[i])]
                j = r.choice(cands)
                ans = r.random() < 0.72
                ok = self.call(t, num, self.s_num[j], self.lognorm(150, 1.0) if ans else 0, 'international',
                               imsi=self.s_imsi[i] if camel else None)
                if ok:
                    self.look_label(num, 'roamer_calling_home')
                    n += 1
                if not ans and r.random() < 0.3:
                    # family calls the roamer back (an on-net originated call to a roaming number)
                    tb = t + r.uniform(60, 900)
                    self.call(tb, self.s_num[j], num, self.lognorm(200, 0.8), 'onnet', self.s_imsi[j], self.s_imei[j],
                              self.cells[self.cur_cell(j, tb)])
            if r.random() < 0.5:
                t = self.t_sample('people')
                cands = self.c_on[i]
                if cands:
                    j = r.choice(cands)
                    self.sms(t, num, self.s_num[j], self.trng.choice(self.X['p2p']), 'international')
        # other operators' customers roaming abroad calling our subscribers
        fans = list(self.ext_fans.items())
        nro = int(self.N * r.uniform(0.0015, 0.0035))
        for _ in range(nro):
            e, lst = r.choice(fans)
            for _ in range(1 + poisson(r, 0.8)):
                t = self.t_sample('people')
                j = r.choice(lst)
                if self.s_type[j] in ('x', 'r'):
                    continue
                ans = r.random() < 0.7
                if self.call(t, e, self.s_num[j], self.lognorm(150, 1.0) if ans else 0, 'international'):
                    self.look_label(e, 'roamer_calling_home')
                    n += 1
        # inbound roamers (tourists) on our cells calling home and local hotels / drivers
        nv = int(self.N * r.uniform(0.002, 0.005))
        tour = self.C['tourists']
        for _ in range(nv):
            cc = r.choices([c for c, _ in tour], weights=[w for _, w in tour])[0]
            num = self.new_foreign(cc)
            imsi = self.new_imsi(VISITOR_MCC.get(cc, '310'), None)
            imei = self.new_imei()
            ai = self.area_idx[r.choice(self.C['tourist_areas'])]
            cell = r.choice(self.area_cells[ai])
            home = [self.new_foreign(cc) for _ in range(r.randint(1, 3))]
            for _ in range(poisson(r, r.uniform(0.3, 1.5) * self.weff('people'))):
                t = self.t_sample('people')
                if r.random() < 0.6:
                    b = r.choice(home)
                    d = self.lognorm(200, 0.9)
                else:
                    b = r.choice(self.biz[ai]) if r.random() < 0.6 else self.s_num[self.free_sub(ai)]
                    d = self.lognorm(60, 0.8)
                ans = r.random() < 0.75
                if self.call(t, num, b, d if ans else 0, 'onnet', imsi, imei, self.cells[self.neighbour(cell, 3)]):
                    self.look_label(num, 'roamer_calling_home')
                    n += 1
        self.P['roamer_calling_home'] = dict(outbound_roamers=nr, offnet_roamers=nro, inbound_visitors=nv, calls=n)

    def bg_heavy(self):
        """unlabelled hard benign: estate agents, insurance and car sales people calling many new numbers"""
        r = self.rng
        n = int(self.N * r.uniform(0.002, 0.006))
        for _ in range(n):
            i = self.free_sub()
            self.s_busy[i] = True
            rate = r.uniform(4, 12)
            for _ in range(poisson(r, rate * self.weff('office'))):
                t = self.t_sample('office')
                if r.random() < 0.5:
                    b, ib = self.stranger(None)
                else:
                    j, e = self.pick_contact(i)
                    b = self.s_num[j] if j is not None else (e or self.new_mobile())
                ans = r.random() < 0.6
                self.call(t, self.s_num[i], b, self.lognorm(90, 0.9) if ans else 0, 'onnet', self.s_imsi[i], self.s_imei[i],
                          self.cells[self.cur_cell(i, t)])
        self.P['heavy_benign_unlabelled'] = n

    # ===================================================================
    def run(self, outdir):
        t0 = time.time()
        self.cur_lh = self.start_hour
        self.build_network()
        self.build_subscribers()
        self.build_social()
        self.ext_pool_set = set(self.ext_pool)
        self.num_idx = {d: i for i, d in enumerate(self.s_num)}
        # special actors first reserve their subscriber slots, background runs over the rest
        self.mute = set()
        self._mute = False
        self.pick_roamers()
        self.fraud_callcenter()
        self.fraud_spoofed()
        self.fraud_simbox()
        self.fraud_wangiri()
        self.fraud_smishing()
        self.look_bank()
        self.look_delivery()
        self.look_otp()
        self.look_notify()
        self.look_iot()
        self.look_dispatch()
        self.look_overseas()
        self.look_roamers()
        self.bg_heavy()
        self.bg_calls()
        self.bg_international()
        # write
        self.out.sort(key=lambda x: (x[0], x[1]))
        os.makedirs(outdir, exist_ok=True)
        with open(os.path.join(outdir, 'records.jsonl'), 'w', encoding='utf-8') as fh:
            fh.writelines(json.dumps(rec, ensure_ascii=False, separators=(',', ':')) + '\n' for _, _, rec in self.out)
        fraud = [{'number': '+' + k, 'class': v} for k, v in self.fraud.items() if k in self.seen]
        look = [{'number': '+' + k, 'kind': v} for k, v in self.look.items() if k in self.seen and k not in self.fraud]
        labels = {'seed': self.seed, 'subscribers': self.N, 'hours': self.H, 'fraud': fraud, 'lookalikes': look}
        with open(os.path.join(outdir, 'labels.json'), 'w', encoding='utf-8') as fh:
            json.dump(labels, fh, ensure_ascii=False, indent=1)
        with open(os.path.join(outdir, 'params.json'), 'w', encoding='utf-8') as fh:
            json.dump(dict(country=self.ck, start_local='%02d:%02d' % (self.start_hour, self.start_min),
                           epoch0=self.epoch0, records=len(self.out), actors=self.P), fh, ensure_ascii=False, indent=1)
        sys.stderr.write('%d records, %d fraud, %d lookalikes, %.1fs\n' % (len(self.out), len(fraud), len(look),
                                                                          time.time() - t0))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--out', required=True)
    ap.add_argument('--subscribers', type=int, default=20000)
    ap.add_argument('--hours', type=float, default=4.0)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--country', choices=['th', 'cn'], default='th')
    a = ap.parse_args()
    Gen(a).run(a.out)


if __name__ == '__main__':
    main()
