#!/usr/bin/env python3
"""Read pool-report's CSV with Python's csv module (a real RFC 4180
reader) and check the columns and values, the neutralised formulas, and
that --split writes the same tables one per file.

Run from the repository root with the programs on PATH."""
import csv
import io
import os
import subprocess
import sys
import tempfile

failed = 0


def check(cond, what):
    global failed
    print(("ok - " if cond else "not ok - ") + what)
    if not cond:
        failed = 1


def tables(data):
    """Split pool-report's CSV (tables separated by an empty line) into
    lists of dict rows, keyed by the first column name of each header."""
    out, cur = [], []
    for row in csv.reader(io.StringIO(data, newline="")):
        if not row:
            if cur:
                out.append(cur)
            cur = []
            continue
        cur.append(row)
    if cur:
        out.append(cur)
    return [[dict(zip(t[0], r)) for r in t[1:]] for t in out], \
        [t[0] for t in out]


R = "tests/cli/pool-report/records.ndjson"
C = "tests/cli/pool-report/pool.yaml"
hostile = ('{"type":"shift","id":"=cmd|\' /C calc\'!A0","org":"a","role":'
           '"helpende","unit":"-2+3, \\"x\\"\\nnext","start":'
           '"2026-10-23T07:00:00+02:00","end":"2026-10-23T15:00:00+02:00"}\n')
with tempfile.TemporaryDirectory() as d:
    src = os.path.join(d, "in.ndjson")
    with open(R) as f, open(src, "w") as g:
        g.write(f.read() + hostile)
    out = subprocess.run(["pool-report", "-c", C, "--week", "2026-W43", "-f",
                          "csv", "-s", "orgs,unfilled,settlement", src],
                         check=True, capture_output=True).stdout
    text = out.decode("utf-8")
    inq, bare = False, 0
    for i, ch in enumerate(text):
        if ch == '"':
            inq = not inq
        elif ch == "\n" and not inq and (i == 0 or text[i - 1] != "\r"):
            bare += 1
    check(text.endswith("\r\n") and bare == 0,
          "records end in CRLF (line breaks inside quotes are data)")
    rows, heads = tables(text)
    check(heads[0] == ["org", "name", "shifts", "filled", "open", "fill_rate",
                       "hours", "filled_hours", "workers"],
          "orgs: the expected columns")
    orgs = {r["org"]: r for r in rows[0]}
    check(orgs["a"]["shifts"] == "4" and orgs["a"]["filled"] == "2" and
          float(orgs["a"]["fill_rate"]) == 50.0 and
          float(orgs["a"]["hours"]) == 31.5, "orgs: the values of org a")
    check(float(orgs["b"]["filled_hours"]) == 17.0, "orgs: org b hours")
    unf = rows[1]
    check([r["shift"] for r in unf] == ["s4", "'=cmd|' /C calc'!A0"],
          "unfilled: most urgent first, formula neutralised")
    check(unf[1]["unit"] == "'-2+3, \"x\"\nnext",
          "a cell with comma, quotes and newline reads back whole")
    check(all(not v.startswith(("=", "+", "-", "@", "\t", "\r"))
              for t in rows for r in t for k, v in r.items()
              if k not in ("difference", "cumulative", "gap")),
          "no cell starts a formula")
    net = rows[3]
    check(heads[3] == ["debtor", "creditor", "amount", "gross", "offset"] and
          {(r["debtor"], r["creditor"], r["amount"]) for r in net} ==
          {("a", "b", "55.00"), ("b", "(pool)", "270.00")},
          "settlement: who owes whom")
    split = os.path.join(d, "split")
    subprocess.run(["pool-report", "-c", C, "--week", "2026-W43", "-f", "csv",
                    "-s", "orgs,unfilled,settlement", "--split", split, src],
                   check=True)
    names = sorted(os.listdir(split))
    check(names == ["orgs.csv", "settlement-net.csv", "settlement.csv",
                    "unfilled.csv"], "--split: one file per table")
    with open(os.path.join(split, "orgs.csv"), newline="") as f:
        check([dict(r) for r in csv.DictReader(f)] == rows[0],
              "--split: orgs.csv reads the same as in the whole report")

# The Dutch CSV, as a Dutch spreadsheet reads it: UTF-8 with a BOM, ';'
# between fields, a decimal comma.  Every table has the shape of the
# English one and every number the same value.
with tempfile.TemporaryDirectory() as d:
    args = ["pool-report", "-c", C, "--week", "2026-W43", "-f", "csv"]
    en = subprocess.run(args + [R], check=True,
                        capture_output=True).stdout.decode("utf-8")
    raw = subprocess.run(args + ["--lang", "nl", R], check=True,
                         capture_output=True).stdout
    check(raw.startswith(b"\xef\xbb\xbf"), "nl: starts with a UTF-8 BOM")
    nl = raw.decode("utf-8-sig")
    check(nl.count("\ufeff") == 0, "nl: one BOM for the whole file")

    def grid(data, delim):
        out, cur = [], []
        for row in csv.reader(io.StringIO(data, newline=""), delimiter=delim):
            if not row:
                if cur:
                    out.append(cur)
                cur = []
                continue
            cur.append(row)
        if cur:
            out.append(cur)
        return out

    def dutch_number(v):
        """A number as Dutch Excel reads it: decimal comma, no point."""
        if "." in v:
            raise ValueError("a point in a Dutch number: " + v)
        return float(v.replace(",", "."))

    ge, gn = grid(en, ","), grid(nl, ";")
    check(len(ge) == len(gn) and
          all(len(a) == len(b) and all(len(x) == len(y) for x, y in zip(a, b))
              for a, b in zip(ge, gn)),
          "nl: the same tables, rows and columns as en (%d tables)" % len(gn))
    check(gn[0][0][:3] == ["prioriteit", "diensten", "gevuld"],
          "nl: Dutch column names")
    nums = same = 0
    for a, b in zip(ge, gn):
        for x, y in zip(a[1:], b[1:]):
            for u, v in zip(x, y):
                try:
                    fu = float(u)
                except ValueError:
                    continue
                if u.startswith("<") or "-W" in u:
                    continue
                nums += 1
                try:
                    same += dutch_number(v) == fu
                except ValueError as e:
                    print("# " + str(e))
    check(nums > 100 and same == nums,
          "nl: %d of %d numbers read with a decimal comma equal en" %
          (same, nums))
    sett = [t for t in gn if t[0][0] == "betaalt"][0]
    check(any(r[:3] == ["a", "b", "55,00"] for r in sett[1:]),
          "nl: settlement amount 55,00")
    split = os.path.join(d, "split-nl")
    subprocess.run(args + ["--lang", "nl", "-s", "orgs", "--split", split, R],
                   check=True)
    with open(os.path.join(split, "orgs.csv"), encoding="utf-8-sig",
              newline="") as f:
        check(list(csv.reader(f, delimiter=";")) == gn[1],
              "nl --split: orgs.csv with its BOM reads as in the report")
sys.exit(failed)
