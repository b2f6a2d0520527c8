#!/usr/bin/env python3
"""Read pool-report's calendars with a real iCalendar library
(python3-icalendar) and check the events and their local times across a
DST change, in Europe/Amsterdam (the fixed VTIMEZONE block) and in
America/New_York (a VTIMEZONE generated from the tz database).

Run from the repository root with the programs on PATH.  Exits 0 when
every check passes, 1 otherwise; prints "skip" and exits 0 when the
icalendar module is missing."""
import datetime
import json
import os
import subprocess
import sys
import tempfile

try:
    import icalendar
except ImportError:
    print("skip: python3-icalendar not installed")
    sys.exit(0)

RECORDS = "tests/cli/pool-report/records.ndjson"
failed = 0


def check(cond, what):
    global failed
    print(("ok - " if cond else "not ok - ") + what)
    if not cond:
        failed = 1


def expected(records, week_from, week_to):
    """Assignments of shifts starting in [week_from, week_to) (UTC
    instants), as {uid: (start, end, worker)}."""
    shifts, out = {}, {}
    for line in records:
        r = json.loads(line)
        if r.get("type") == "shift":
            shifts[r["id"]] = r
    for line in records:
        r = json.loads(line)
        if r.get("type") != "assignment" or r["shift"] not in shifts:
            continue
        s = shifts[r["shift"]]
        start = datetime.datetime.fromisoformat(s["start"])
        end = datetime.datetime.fromisoformat(s["end"])
        if week_from <= start < week_to:
            out["%s/%s@flexpool" % (s["id"], r["worker"])] = (
                start, end, r["worker"])
    return out


def events(path):
    with open(path, "rb") as f:
        data = f.read()
    check(all(l.endswith(b"\r") for l in data.split(b"\n")[:-1]),
          "%s: every line ends in CRLF" % os.path.basename(path))
    check(max(len(l) - 1 for l in data.split(b"\n")[:-1]) <= 75,
          "%s: no line over 75 octets" % os.path.basename(path))
    cal = icalendar.Calendar.from_ical(data)
    check(str(cal.get("VERSION")) == "2.0" and cal.get("PRODID"),
          "%s: VERSION and PRODID" % os.path.basename(path))
    tzs = {str(c["TZID"]): c.to_tz() for c in cal.walk("VTIMEZONE")}
    out = {}
    for ev in cal.walk("VEVENT"):
        got = []
        for prop in ("DTSTART", "DTEND"):
            p = ev[prop]
            dt = p.dt
            tzid = p.params.get("TZID")
            if tzid is not None:
                # Resolve the local time through the calendar's own
                # VTIMEZONE, not the library's zone database.
                check(tzid in tzs, "VTIMEZONE for TZID %s" % tzid)
                local = dt.replace(tzinfo=None)
                own = tzs[tzid].localize(local, is_dst=None)
                check(own == dt, "%s %s: the library and the VTIMEZONE "
                      "agree" % (ev["UID"], prop))
                dt = own
            got.append(dt)
        check(ev.get("DTSTAMP") is not None, "%s: DTSTAMP" % ev["UID"])
        out[str(ev["UID"])] = (got[0], got[1], str(ev.get("SUMMARY")))
    return out


def run(config, week, zone_from, zone_to, split, records=RECORDS):
    with open(records) as f:
        lines = [l for l in f if l.strip()]
    want = expected(lines, zone_from, zone_to)
    with tempfile.TemporaryDirectory() as d:
        args = ["pool-report", "-c", config, "--week", week, "-f", "ics"]
        if split:
            args += ["--split", os.path.join(d, "cal")]
        else:
            args += ["-o", os.path.join(d, "all.ics")]
        subprocess.run(args + [records], check=True)
        got = {}
        if split:
            for name in sorted(os.listdir(os.path.join(d, "cal"))):
                evs = events(os.path.join(d, "cal", name))
                workers = {want[u][2] for u in evs if u in want}
                check(len(workers) == 1 and name == workers.pop() + ".ics",
                      "%s holds the shifts of one worker" % name)
                got.update(evs)
        else:
            got = events(os.path.join(d, "all.ics"))
    check(sorted(got) == sorted(want),
          "%s %s: one event per assignment (%d)" % (config, week, len(want)))
    for uid, (start, end, _) in want.items():
        if uid not in got:
            continue
        check(got[uid][0] == start and got[uid][1] == end,
              "%s: %s .. %s (got %s .. %s)" % (uid, start.isoformat(),
              end.isoformat(), got[uid][0].isoformat(),
              got[uid][1].isoformat()))
    return got


utc = datetime.timezone.utc
w43 = (datetime.datetime(2026, 10, 18, 22, 0, tzinfo=utc),
       datetime.datetime(2026, 10, 25, 23, 0, tzinfo=utc))
got = run("tests/cli/pool-report/pool.yaml", "2026-W43", *w43, split=False)
# The night shift across the autumn change: 23:00 CEST to 07:00 CET.
night = got.get("s3/w3@flexpool")
check(night is not None and night[1] - night[0] == datetime.timedelta(hours=9),
      "the night shift across the DST change lasts 9 h")
if night is not None:
    check(night[0].strftime("%H:%M") == "23:00" and
          night[1].strftime("%H:%M") == "07:00",
          "local times 23:00 and 07:00 in Europe/Amsterdam")
run("tests/cli/pool-report/pool.yaml", "2026-W43", *w43, split=True)

# The same records read in New York: the shift ending at 07:00 CET on
# 25 October is 02:00 EDT; the zone's own change is on 1 November.
with tempfile.TemporaryDirectory() as d:
    conf = os.path.join(d, "pool.yaml")
    with open(conf, "w") as f:
        f.write("timezone: America/New_York\n")
    w = (datetime.datetime(2026, 10, 19, 4, 0, tzinfo=utc),
         datetime.datetime(2026, 10, 26, 4, 0, tzinfo=utc))
    got = run(conf, "2026-W43", *w, split=False)
    ny = got.get("s3/w3@flexpool")
    check(ny is not None and ny[0].strftime("%H:%M %z") == "17:00 -0400",
          "the night shift starts 17:00 EDT in New York")
    # New York's own change, 1 November 2026 02:00 EDT -> 01:00 EST: a
    # night shift across it lasts 9 h, and a shift that starts at the
    # second 01:30 (EST) must not be read as the first (EDT).
    recs = os.path.join(d, "ny.ndjson")
    with open(recs, "w") as f:
        f.write('{"type":"worker","id":"n1","roles":["r"]}\n'
                '{"type":"worker","id":"n2","roles":["r"]}\n'
                '{"type":"shift","id":"ny1","org":"o","role":"r",'
                '"start":"2026-10-31T22:00:00-04:00",'
                '"end":"2026-11-01T06:00:00-05:00"}\n'
                '{"type":"shift","id":"ny2","org":"o","role":"r",'
                '"start":"2026-11-01T01:30:00-05:00",'
                '"end":"2026-11-01T09:30:00-05:00"}\n'
                '{"type":"assignment","shift":"ny1","worker":"n1"}\n'
                '{"type":"assignment","shift":"ny2","worker":"n2"}\n')
    w = (datetime.datetime(2026, 10, 26, 4, 0, tzinfo=utc),
         datetime.datetime(2026, 11, 2, 5, 0, tzinfo=utc))
    got = run(conf, "2026-W44", *w, split=False, records=recs)
    n1 = got.get("ny1/n1@flexpool")
    check(n1 is not None and n1[1] - n1[0] == datetime.timedelta(hours=9),
          "a New York night shift across its DST change lasts 9 h")
    n2 = got.get("ny2/n2@flexpool")
    check(n2 is not None and n2[0] == datetime.datetime(2026, 11, 1, 6, 30,
          tzinfo=utc), "the second 01:30 of the overlap stays 06:30 UTC")
sys.exit(failed)
