#!/usr/bin/env python3
"""Property: nothing lost, nothing counted twice, in every input format.

For CSV, TSV, JSON, YAML and NDJSON, each with and without a mapping, a
shift export of ROWS rows is written from fixed seeds and corrupted:

  row-local  some rows get one corruption that a careless exporter or
             a broken disk makes within a row (a stray quote, a byte
             that is not UTF-8, a NUL, a field too few or too many, an
             element that is no object, a key given twice, broken JSON
             syntax, a second YAML document, a byte order mark, CR-only
             line ends, ...).  Then every untouched row is a record,
             and rows read is ROWS to ROWS + the corrupted rows: a
             corruption may make two rows of its own (a stray CR in a
             CR-only file, garbage after a JSON element), never take
             another row with it.
  anywhere   random bytes (structure too: quotes, separators, line
             ends, brackets) inserted, deleted or changed anywhere.
             Then the accounting still holds.

Always: rows read = records + rejects + merged + replaced, the records
and reject records written match the summary, the status is 1 exactly
when something was rejected (or the file could not be read, with a
message), else 0, and never a crash.

Prints one line per format and mapping; "ok" or what broke.
"""
import json
import os
import random
import subprocess
import sys
import tempfile

ROWS = 120
SEEDS = range(1, 6)
VG = os.environ.get("POOL_VG", "").split()

MAPPING = """type: shift
timezone: Europe/Amsterdam
date_format: dd-mm-yyyy
time_format: HH:MM
overnight: next-day
date: Datum
start_time: Begin
end_time: Eind
columns:
  id: Dienstnr
  org: Organisatie
  role: Functie
  unit: Afdeling
  note: Opmerking
"""

NOTES = ["", "", "Inwerken", 'Let op; "BHV" gevraagd',
         "Overdracht\nom 06:45", "caf\u00e9 \u20ac5"]
KINDS = [("07:00", "15:00"), ("15:00", "23:00"), ("23:00", "07:00")]


def rows(rnd, mapped):
    out = []
    for i in range(ROWS):
        day = 1 + rnd.randrange(28)
        b, e = KINDS[rnd.randrange(3)]
        note = NOTES[rnd.randrange(len(NOTES))]
        if mapped:
            r = {"Dienstnr": "S%d" % i, "Organisatie": "o%d" % (i % 3),
                 "Functie": "r", "Afdeling": "De Eik",
                 "Datum": "%02d-11-2026" % day, "Begin": b, "Eind": e,
                 "Opmerking": note}
        else:
            end_day = day + 1 if e < b else day
            r = {"type": "shift", "id": "S%d" % i, "org": "o%d" % (i % 3),
                 "role": "r", "unit": "De Eik",
                 "start": "2026-11-%02dT%s:00+01:00" % (day, b),
                 "end": "2026-11-%02dT%s:00+01:00" % (end_day, e)}
            if note:
                r["note"] = note
        out.append(r)
    return out


def csv_cell(v, d):
    if any(c in v for c in (d, '"', "\n", "\r")):
        return '"' + v.replace('"', '""') + '"'
    return v


def csv_row(r, keys, d):
    return d.join(csv_cell(r.get(k, ""), d) for k in keys)


def csv_local(rnd, line, d):
    """One corruption within a CSV line (not its id, the first field)."""
    f = line.split(d)
    k = 1 + rnd.randrange(len(f) - 1)
    c = rnd.randrange(7)
    if c == 0:
        f[k] = '"' + f[k]                       # a quote that never closes
    elif c == 1:
        f[k] = f[k] + "\udcff"                  # not UTF-8
    elif c == 2:
        f[k] = f[k][:1] + "\0" + f[k][1:]       # a NUL
    elif c == 3:
        del f[k]                                # a field too few
    elif c == 4:
        f.insert(k, "extra")                    # a field too many
    elif c == 5:
        f[k] = '"x"y'                           # a character after a quote
    else:
        f[k] = f[k] + "\r"                      # a stray CR
    return d.join(f)


def render(fmt, mapped, recs, rnd, corrupt):
    """Text of the export; corrupt(i) says whether row i is touched."""
    if fmt in ("csv", "tsv"):
        d = ";" if fmt == "csv" else "\t"
        keys = list(recs[0].keys()) if mapped else \
            ["type", "id", "org", "role", "unit", "start", "end", "note"]
        lines = [d.join(keys)]
        for i, r in enumerate(recs):
            line = csv_row(r, keys, d)
            if corrupt(i):
                line = csv_local(rnd, line, d)
            lines.append(line)
        eol = "\r" if rnd.randrange(4) == 0 else "\n"
        if eol == "\r":
            # CR-only files: line breaks inside quotes become CR too.
            lines = [l.replace("\n", "\r") for l in lines]
        return eol.join(lines) + eol
    if fmt == "json":
        els = []
        for i, r in enumerate(recs):
            t = json.dumps(r, ensure_ascii=False)
            if corrupt(i):
                c = rnd.randrange(6)
                if c == 0:
                    t = rnd.choice(["1", '"x"', "null", "[]", "true"])
                elif c == 1:
                    t = t[:-1] + ', "%s": "dup"}' % list(r.keys())[1]
                elif c == 2:
                    t = t.replace('"De Eik"', '"De \udcffEik"')
                elif c == 3:
                    t = t.replace('"De Eik"', '"De Eik"  "x"')  # syntax
                elif c == 4:
                    t = t[:-1]                  # the '}' lost
                else:
                    t = t + ' "x"'              # ',' expected
            els.append(t)
        return "[\n  " + ",\n  ".join(els) + "\n]\n"
    if fmt == "yaml":
        out = []
        for i, r in enumerate(recs):
            item = []
            for k, v in r.items():
                item.append("%s: %s" % (k, json.dumps(v, ensure_ascii=False)))
            if corrupt(i):
                c = rnd.randrange(5)
                if c == 0:
                    item[2] = item[2][:-1] + '\udcff"'
                elif c == 1:
                    item = None                  # a scalar, not a mapping
                elif c == 2:
                    item.append(item[1])         # a key given twice
                elif c == 3:
                    out.append("---")            # a second document
                else:
                    item[2] = item[2][:-2] + '\udcfe"'
            if item is None:
                out.append("- just text")
            else:
                out.append("- " + "\n  ".join(item))
        return "\n".join(out) + "\n"
    # NDJSON: each line a row; a mapping does not apply.
    out = []
    for i, r in enumerate(recs):
        t = json.dumps(r, ensure_ascii=False)
        if corrupt(i):
            p = rnd.randrange(1, len(t))
            t = t[:p] + rnd.choice(['"', "{", "}", ",", "\udcff", "\0",
                                    "\r", ":"]) + t[p:]
        out.append(t)
    bom = "\ufeff" if rnd.randrange(3) == 0 else ""
    return bom + "\n".join(out) + "\n"


def anywhere(rnd, data):
    """Random bytes inserted, deleted or changed anywhere."""
    b = bytearray(data)
    for _ in range(rnd.randrange(1, 12)):
        p = rnd.randrange(len(b))
        c = rnd.choice(b'";,\t\n\r{}[]:-\'# \xff\x00x')
        op = rnd.randrange(3)
        if op == 0:
            b[p:p] = bytes([c])
        elif op == 1:
            del b[p]
        else:
            b[p] = c
    return bytes(b)


def run(tmp, fmt, mapped, data):
    ext = {"csv": "csv", "tsv": "tsv", "json": "json", "yaml": "yaml",
           "ndjson": "ndjson"}[fmt]
    path = os.path.join(tmp, "in." + ext)
    with open(path, "wb") as f:
        f.write(data)
    rejpath = os.path.join(tmp, "rej")
    if os.path.exists(rejpath):
        os.unlink(rejpath)
    args = VG + ["pool-ingest", "-v", "-r", rejpath]
    if fmt in ("csv", "tsv"):
        args += ["-e", "utf-8"]
    if mapped:
        args += ["-m", os.path.join(tmp, "m.yaml")]
    p = subprocess.run(args + [path], capture_output=True)
    rej = 0
    if os.path.exists(rejpath):
        with open(rejpath, "rb") as f:
            rej = f.read().count(b"\n")
    out = p.stdout.count(b"\n")
    err = p.stderr.decode("utf-8", "replace")
    summ = [l for l in err.splitlines() if " rows: " in l]
    if not summ:
        return None, "no summary: " + err[-200:]
    w = summ[-1].replace(",", "").split()
    st = dict(rows=int(w[1]), records=int(w[3]),
              rejects=int(w[w.index("rejected") - 1]),
              merged=int(w[w.index("merged") - 1]),
              replaced=int(w[w.index("replaced") - 1]))
    ids = set()
    for l in p.stdout.split(b"\n")[:-1]:
        ids.add(json.loads(l)["id"])
    msgs = [l for l in err.splitlines() if " rows: " not in l]
    # A file error (the file not read) says so in a message.
    fileerr = len(msgs) > st["rejects"]
    bad = []
    if p.returncode < 0 or p.returncode > 2:
        bad.append("status %d" % p.returncode)
    if st["rows"] != st["records"] + st["rejects"] + st["merged"] + \
            st["replaced"]:
        bad.append("rows %(rows)d != %(records)d + %(rejects)d + "
                   "%(merged)d + %(replaced)d" % st)
    if out != st["records"] or rej != st["rejects"]:
        bad.append("written %d records, %d rejects; summary says %d, %d" %
                   (out, rej, st["records"], st["rejects"]))
    want = 1 if st["rejects"] > 0 or fileerr else 0
    if p.returncode != want:
        bad.append("status %d with %d rejects" % (p.returncode,
                                                  st["rejects"]))
    return (st, ids, fileerr), "; ".join(bad)


def main():
    tmp = tempfile.mkdtemp()
    with open(os.path.join(tmp, "m.yaml"), "w") as f:
        f.write(MAPPING)
    failed = 0
    for fmt in ("csv", "tsv", "json", "yaml", "ndjson"):
        for mapped in (False, True):
            problems = []
            for seed in SEEDS:
                rnd = random.Random(seed * 1000 + len(fmt) * 10 + mapped)
                recs = rows(rnd, mapped and fmt != "ndjson")
                touched = set(rnd.sample(range(ROWS), ROWS // 10))
                text = render(fmt, mapped and fmt != "ndjson", recs, rnd,
                              lambda i: i in touched)
                data = text.encode("utf-8", "surrogateescape")
                res, bad = run(tmp, fmt, mapped, data)
                if res is not None:
                    st, ids, fileerr = res
                    want = set("S%d" % i for i in range(ROWS)
                               if i not in touched)
                    lost = sorted(want - ids, key=lambda s: int(s[1:]))
                    if fileerr:
                        bad += "; file not read"
                    # A corruption may split its row in two (a CR in a
                    # CR-only file; garbage after a JSON element), never
                    # more, and never joins rows.
                    if not ROWS <= st["rows"] <= ROWS + len(touched):
                        bad += "; rows read %d, not %d to %d" % (
                            st["rows"], ROWS, ROWS + len(touched))
                    if lost:
                        bad += "; untouched rows lost: " + " ".join(lost[:5])
                if bad:
                    problems.append("seed %d row-local: %s" %
                                    (seed, bad.lstrip("; ")))
                res, bad = run(tmp, fmt, mapped, anywhere(rnd, data))
                if bad:
                    problems.append("seed %d anywhere: %s" % (seed, bad))
            name = "%s %s mapping" % (fmt, "with" if mapped else "without")
            if problems:
                failed += 1
                print("%s: %s" % (name, problems[0]))
            else:
                print("%s: ok" % name)
    for f in os.listdir(tmp):
        os.unlink(os.path.join(tmp, f))
    os.rmdir(tmp)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
