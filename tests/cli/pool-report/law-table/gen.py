#!/usr/bin/env python3
"""Write the rosters of the law table (rosters/NN-name.ndjson).

Each roster is one worker "w" with confirmed shifts and one shift "x"
that is the roster's question: may w take x?  cmd asks pool-report
--check (with x assigned) and pool-match (with x open).  Run from this
folder: python3 gen.py
"""
import datetime as dt
import json
import os
from zoneinfo import ZoneInfo

AMS = ZoneInfo("Europe/Amsterdam")
MON = dt.date(2026, 11, 23)  # a Monday


def t(day, hm):
    """Local time on day (a date or a day offset from MON)."""
    if isinstance(day, int):
        day = MON + dt.timedelta(days=day)
    h, m = map(int, hm.split(":"))
    return dt.datetime(day.year, day.month, day.day, h, m, tzinfo=AMS)


def iso(x):
    return x.isoformat()


class Roster:
    def __init__(self):
        self.shifts = []

    def add(self, start, end, org="o", brk=None):
        if end <= start:
            end += dt.timedelta(days=1)
        self.shifts.append((start, end, org, brk))
        return self

    def day(self, d, a, b, org="o", brk=None):
        return self.add(t(d, a), t(d, b), org, brk)

    def write(self, path):
        with open(path, "w") as f:
            f.write(json.dumps({"type": "worker", "id": "w",
                                "roles": ["vig"]}, separators=(",", ":")) + "\n")
            n = len(self.shifts)
            for i, (s, e, org, brk) in enumerate(self.shifts):
                sid = "x" if i == n - 1 else "s%02d" % (i + 1)
                rec = {"type": "shift", "id": sid, "org": org, "role": "vig",
                       "start": iso(s), "end": iso(e)}
                if brk is not None:
                    rec["break_minutes"] = brk
                f.write(json.dumps(rec, separators=(",", ":")) + "\n")
                if sid != "x":
                    f.write(json.dumps({"type": "assignment", "shift": sid,
                                        "worker": "w", "status": "confirmed"},
                                       separators=(",", ":")) + "\n")


R = {}
# 1. daily rest: the once-a-week shortening, 7h59, 10 h, split shifts
R["late-early-8h"] = Roster().day(0, "15:00", "23:00").day(1, "07:00", "15:00")
R["late-early-twice"] = (Roster().day(0, "15:00", "23:00")
                         .day(1, "07:00", "15:00").day(2, "15:00", "23:00")
                         .day(3, "07:00", "15:00"))
R["late-early-7h59"] = Roster().day(0, "15:00", "23:00").day(1, "06:59", "14:59")
R["rest-10h"] = Roster().day(0, "11:00", "19:00").day(1, "05:00", "13:00")
R["night-then-8h"] = Roster().day(0, "23:00", "07:00").day(1, "15:00", "23:00")
R["night-then-7h59"] = Roster().day(0, "23:00", "07:00").day(1, "14:59", "22:59")
R["split-shift"] = (Roster().day(0, "07:00", "11:00").day(0, "16:00", "20:00")
                    .day(1, "07:00", "11:00").day(1, "16:00", "20:00"))
R["split-9h-twice"] = (Roster().day(0, "06:00", "10:00").day(0, "17:00", "21:00")
                       .day(1, "06:00", "10:00").day(1, "17:00", "21:00"))
R["shift-12h-blocks"] = Roster().day(0, "07:00", "12:00").day(0, "12:30", "19:30")
R["shift-13h-blocks"] = Roster().day(0, "07:00", "12:00").day(0, "12:30", "20:30")
# 2. weekly rest
r = Roster()
for wk in range(3):
    for d in range(5):
        r.day(7 * wk + d, "07:00", "17:00")
R["mon-fri-day-job"] = r
r = Roster()
for wk in range(3):
    for d in range(5):
        if d < 2:
            r.day(7 * wk + d, "07:00", "15:00")
        else:
            r.day(7 * wk + d, "15:00", "23:00")
R["early-late-rotation"] = r
r = Roster()
for d in range(7):
    r.day(d, "07:00", "15:00")
R["seven-days"] = r
for n in (11, 12):
    r = Roster()
    for d in range(n):
        r.day(d, "07:00", "15:00")
    R["%d-days" % n] = r
for name, sat in (("weekly-36h", ("11:00", "19:00")),
                  ("weekly-35h30", ("11:30", "19:30"))):
    r = Roster()
    for wk in range(2):
        for d in range(5):
            r.day(7 * wk + d, "07:00", "15:00")
        r.day(7 * wk + 5, *sat)
    R[name] = r
# 3. 12-hour nights
def nights(days, start="19:00", end="07:00"):
    r = Roster()
    for d in days:
        r.day(d, start, end)
    return r
R["long-nights-5"] = nights([0, 2, 4, 7, 9])
R["long-nights-6"] = nights([0, 2, 4, 7, 9, 11])
R["long-nights-22"] = nights([7 * k for k in range(22)])
R["long-nights-23"] = nights([7 * k for k in range(23)])
R["long-night-rest-12h"] = nights([0]).day(1, "19:00", "23:00")
R["long-night-rest-11h"] = nights([0]).day(1, "18:00", "22:00")
R["night-12h30"] = nights([0], "19:00", "07:30")
# 4. breaks and free Sundays
R["break-12h-none"] = Roster().day(0, "07:00", "19:00", brk=0)
R["break-12h-45min"] = Roster().day(0, "07:00", "19:45", brk=45)
R["break-5h30-none"] = Roster().day(0, "07:00", "12:30", brk=0)
R["break-5h31-none"] = Roster().day(0, "07:00", "12:31", brk=0)
R["break-10h-30min"] = Roster().day(0, "07:00", "17:30", brk=30)
R["break-10h01-30min"] = Roster().day(0, "07:00", "17:31", brk=30)
R["break-split-30min"] = Roster().day(0, "07:00", "11:00", brk=0).day(0, "11:30", "15:30", brk=0)
R["sundays-39"] = nights([6 + 7 * k for k in range(39)], "07:00", "15:00")
R["sundays-40"] = nights([6 + 7 * k for k in range(40)], "07:00", "15:00")
# 5. two rule sets (o: atw, v: cao-vvt): the strictest holds, either order
R["atw-then-vvt-8h"] = Roster().day(0, "07:00", "13:00").day(0, "21:00", "03:00", org="v")
R["vvt-then-atw-8h"] = Roster().day(0, "07:00", "13:00", org="v").day(0, "21:00", "03:00")
R["atw-then-vvt-11h"] = Roster().day(0, "07:00", "13:00").day(0, "14:00", "19:00", org="v")
R["vvt-then-atw-11h"] = Roster().day(0, "07:00", "13:00", org="v").day(0, "14:00", "19:00")

os.makedirs("rosters", exist_ok=True)
for f in os.listdir("rosters"):
    os.remove(os.path.join("rosters", f))
for i, (name, r) in enumerate(R.items()):
    r.write("rosters/%02d-%s.ndjson" % (i + 1, name))
