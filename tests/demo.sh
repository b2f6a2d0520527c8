#!/bin/sh
# make demo: flexpool's main job on the bundled elderly-care sample pool.
#
# On a fresh Debian machine it installs what is missing (as root, or
# with sudo), builds, and runs the whole pipeline over the exports a
# coordinator receives:
#
#   pool-ingest (6 exports) | pool-distribute | pool-match | pool-report
#
# It prints the weekly report of the first week on the terminal and
# writes the HTML report (also in Dutch), a Dutch report per member
# organisation, the per-worker calendars and the records into
# demo-out/.  Environment: POOL_BUILD (build folder, default build),
# DEMO_OUT (default demo-out), DEMO_WEEK (default 2026-W52: Christmas,
# when the pool is short of people).

set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1
build=${POOL_BUILD:-build}
out=${DEMO_OUT:-demo-out}
week=${DEMO_WEEK:-2026-W52}
pool=testdata/elderly-care
say() { printf 'demo: %s\n' "$*" >&2; }

# 1. What the build needs.
pkgs="build-essential pkg-config libjansson-dev libyaml-dev libssl-dev"
missing=
command -v cc >/dev/null 2>&1 || missing="$missing build-essential"
command -v make >/dev/null 2>&1 || missing="$missing build-essential"
command -v pkg-config >/dev/null 2>&1 || missing="$missing pkg-config"
if command -v pkg-config >/dev/null 2>&1; then
	pkg-config --exists jansson || missing="$missing libjansson-dev"
	pkg-config --exists yaml-0.1 || missing="$missing libyaml-dev"
	pkg-config --exists libcrypto || missing="$missing libssl-dev"
else
	missing="$missing libjansson-dev libyaml-dev libssl-dev"
fi
if [ -n "$missing" ]; then
	if [ "$(id -u)" = 0 ]; then
		sudo=
	elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
		sudo=sudo
	else
		say "missing:$missing"
		say "install them with: sudo apt-get install -y $pkgs"
		exit 1
	fi
	if ! command -v apt-get >/dev/null 2>&1; then
		say "missing:$missing (no apt-get here: install the" \
		    "jansson, libyaml and OpenSSL development packages)"
		exit 1
	fi
	say "installing $pkgs"
	$sudo apt-get update -q >/dev/null &&
	    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q \
	    $pkgs >/dev/null || { say "apt-get failed"; exit 1; }
fi

# 2. Build.
say "building into $build/"
make -s B="$build" all >/dev/null || { say "the build failed"; exit 1; }
bin=$top/$build/bin
case $build in /*) bin=$build/bin ;; esac

# 3. The pipeline.  A program that is not there (yet) passes the
# records through, so the demo shows whatever exists.
rm -rf "$out"
mkdir -p "$out/calendars"
have() { [ -x "$bin/$1" ]; }
for p in pool-ingest pool-distribute pool-match pool-report; do
	have "$p" || say "$p is not built: its stage passes records through"
done
cfg=$pool/pool.yaml

# Ingest: one export at a time with its mapping (see the script); the
# two rejected rows are deliberate: a date that does not exist and a
# function the pool does not know.
if have pool-ingest; then
	PATH=$bin:$PATH sh "$pool/ingest.sh" "$out/rejects.ndjson" \
	    > "$out/records.ndjson" 2> "$out/ingest.log"
	if [ $? -ge 2 ]; then
		say "pool-ingest failed (see $out/ingest.log)"
		exit 1
	fi
else
	: > "$out/records.ndjson"
fi
touch "$out/rejects.ndjson"
say "ingested $(wc -l < "$out/records.ndjson" | tr -d ' ') records from 6" \
    "exports; $(wc -l < "$out/rejects.ndjson" | tr -d ' ') rows rejected" \
    "(see $out/rejects.ndjson)"

stage() {
	# stage PROGRAM ARGS...: run it on stdin, or pass stdin through.
	p=$1
	shift
	if have "$p"; then
		"$bin/$p" "$@"
		rc=$?
		[ $rc -le 1 ] || say "$p exited $rc"
		return 0
	else
		cat
	fi
}

stage pool-distribute -c "$cfg" < "$out/records.ndjson" \
    > "$out/distributed.ndjson" 2> "$out/distribute.log"
stage pool-match -c "$cfg" < "$out/distributed.ndjson" \
    > "$out/plan.ndjson" 2> "$out/match.log"

# 4. The reports.  The outlook also reads the pool's past: two years of
# shifts and of workers who left, written by the sample's generator.
gen=$top/$build/tools/poolgen
case $build in /*) gen=$build/tools/poolgen ;; esac
if [ -x "$gen" ]; then
	"$gen" history elderly > "$out/history.ndjson"
else
	: > "$out/history.ndjson"
fi
if have pool-report; then
	cat "$out/history.ndjson" "$out/plan.ndjson" |
	    "$bin/pool-report" -c "$cfg" --week "$week" -n 13 \
	    2> "$out/report.log"
	cat "$out/history.ndjson" "$out/plan.ndjson" |
	    "$bin/pool-report" -c "$cfg" --week "$week" -n 13 --format html \
	    -o "$out/report.html" 2>> "$out/report.log"
	"$bin/pool-report" -c "$cfg" --week "$week" --format ics \
	    --split "$out/calendars" < "$out/plan.ndjson" \
	    2>> "$out/report.log"
	# In Dutch: the coordinator's page, and each member's own weekly
	# report (its shifts, units, open shifts, fairness and settlement
	# in full, the others as pool totals).
	"$bin/pool-report" -c "$cfg" --week "$week" --lang nl --format html \
	    -o "$out/rapport.html" < "$out/plan.ndjson" 2>> "$out/report.log"
	mkdir -p "$out/members"
	for org in $(awk '/^organisations:/ { o = 1; next }
	    /^[a-z]/ { o = 0 } o && /^  - id:/ { print $3 }' "$cfg"); do
		"$bin/pool-report" -c "$cfg" --week "$week" --lang nl \
		    --audience member --org "$org" --format html \
		    -o "$out/members/$org.html" < "$out/plan.ndjson" \
		    2>> "$out/report.log"
	done
else
	say "pool-report is not built: no report yet"
fi

# 5. Where everything is.
ncal=$(find "$out/calendars" -type f | wc -l)
say "history (two years):     $out/history.ndjson"
say "records after matching:  $out/plan.ndjson" \
    "($(wc -l < "$out/plan.ndjson") lines)"
[ -f "$out/report.html" ] && say "HTML report:             $out/report.html"
[ -f "$out/rapport.html" ] && say "the same in Dutch:       $out/rapport.html"
[ -d "$out/members" ] && say "member reports (Dutch):  $out/members/" \
    "($(ls "$out/members" | wc -l | tr -d ' ') organisations)"
say "calendars (one per worker): $out/calendars/ ($((ncal)) files)"
say "logs of each stage:      $out/*.log"
exit 0
