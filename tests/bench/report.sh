#!/bin/sh
# pool-report benchmark: a report over 10^6 shift records (the national
# size) against the equivalent jq aggregation (tests/bench/report.jq) and
# against a bare jansson parse of the same input (tests/tools/jparse.c),
# and its memory on inputs that differ only in records it passes over.
#
# Run by tests/bench/run.sh with BENCH_SIZE, BENCH_PLAN (the matched
# records), BENCH_WORK, BENCH_BIN and BENCH_TOOLS set; standalone from
# the repository root it generates its own input (BENCH_SIZE national by
# default, or region / large) with build/tools/poolgen.  Prints table
# rows "| program | size | time | rate | peak | peer | peer figure |
# ratio | bar | pass |".
#
# Times are CPU seconds (user + system) of the process, the best of
# BENCH_REPEAT runs (default 1): every tool here is single-threaded, and
# CPU time does not depend on what else the machine is running.
set -u
LC_ALL=C; export LC_ALL
TZ=UTC; export TZ
unset POOL_CONFIG NO_COLOR
top=$(cd "$(dirname "$0")/../.." && pwd)
size=${BENCH_SIZE:-national}
bin=${BENCH_BIN:-$top/build/bin}
tools=${BENCH_TOOLS:-$top/build/tools}
work=${BENCH_WORK:-$(mktemp -d)}
plan=${BENCH_PLAN:-$work/plan.ndjson}
repeat=${BENCH_REPEAT:-1}
cfg=$top/testdata/elderly-care/pool.yaml
mkdir -p "$work"
say() { echo "$*" >&2; }

case $size in
region)   w=120;    n=3500;    r=1 ;;
large)    w=2000;   n=50000;   r=1 ;;
national) w=100000; n=1000000; r=25 ;;
*) say "unknown size '$size'"; exit 2 ;;
esac
if [ ! -s "$plan" ]; then
	say "generating $n shifts with assignments"
	"$tools/poolgen" bench -a -w $w -n $n -r $r > "$plan" || exit 2
fi

# cpu OUT CMD...: sets T (CPU seconds, best of $repeat) and M (peak MiB).
cpu() {
	o=$1
	shift
	T=; M=
	i=0
	while [ $i -lt "$repeat" ]; do
		/usr/bin/time -f '%U %S %M' -o "$work/time.out" "$@" > "$o" \
		    2> "$work/stderr.out" || say "$1 exited $? ($(head -c 200 "$work/stderr.out"))"
		read -r u s m < "$work/time.out"
		t=$(awk "BEGIN { t = $u + $s; print (t < 0.01 ? 0.01 : t) }")
		if [ -z "$T" ] || awk "BEGIN { exit !($t < $T) }"; then
			T=$t
			M=$((m / 1024))
		fi
		i=$((i + 1))
	done
}
calc() { awk "BEGIN { printf \"%$1\", $2 }"; }
row() { printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$@"; }

shifts=$(grep -c '"type":"shift"' "$plan")
mb=$(calc .1f "$(wc -c < "$plan") / 1048576")

cpu "$work/report.json" "$bin/pool-report" -c "$cfg" --format json "$plan"
tr=$T; mr=$M
cpu "$work/parse.out" "$tools/jparse" "$plan"
tp=$T
ratio=$(calc .2f "$tr / $tp")
pass=fail
awk "BEGIN { exit !($ratio <= 2) }" && pass=pass
row pool-report "$size" "$tr s cpu" "$(calc .1f "$mb / $tr") MB/s" \
    "$mr MB" "jansson parse" "$tp s cpu" "${ratio}x" "<= 2x parse" $pass

# The same per-organisation aggregation written for jq twice: the
# reduce of tests/bench/report.jq (what run.sh uses), and a sort-based
# one (group_by), which jq 1.6 runs much faster on large inputs.
cat > "$work/sorted.jq" <<'JQ'
def minutes(t): (t[11:13] | tonumber) * 60 + (t[14:16] | tonumber);
def hours: ((minutes(.end) - minutes(.start) + 1440) % 1440) / 60;
[inputs | select(.type == "shift" or .type == "assignment")
  | if .type == "shift" then {id, org, h: hours, s: 1, a: 0}
    else {id: .shift, s: 0, a: 1} end]
| group_by(.id)
| map(select(any(.[]; .s == 1))
      | (map(select(.s == 1))[0]) as $s
      | {org: $s.org, h: $s.h, f: (if any(.[]; .a == 1) then 1 else 0 end)})
| group_by(.org)[]
| {org: .[0].org, asked: length, hours: (map(.h) | add),
   filled: (map(.f) | add)}
JQ
if command -v jq >/dev/null 2>&1; then
	cpu "$work/orgs.json" "$bin/pool-report" -c "$cfg" --format json \
	    -s orgs "$plan"
	to=$T; mo=$M
	for prog in sorted reduce; do
		if [ $prog = reduce ]; then
			if [ "$size" = national ] && [ -z "${BENCH_SLOW_JQ:-}" ]; then
				say "jq reduce: skipped at national size (hours;" \
				    "set BENCH_SLOW_JQ=1)"
				continue
			fi
			f=$top/tests/bench/report.jq
		else
			f=$work/sorted.jq
		fi
		cpu "$work/jq-$prog.out" jq -n -c -f "$f" "$plan"
		tj=$T
		for what in all orgs; do
			if [ $what = all ]; then t=$tr; m=$mr; else t=$to; m=$mo; fi
			ratio=$(calc .1f "$tj / $t")
			pass=fail
			awk "BEGIN { exit !($ratio >= 5) }" && pass=pass
			row "pool-report ($what sections)" "$size" "$t s cpu" \
			    "$shifts shifts" "$m MB" "jq ($prog)" "$tj s cpu" \
			    "${ratio}x" ">= 5x jq" $pass
		done
		# The same counts per organisation (jq's hours ignore breaks
		# and DST, so they are not compared).
		if jq -s -c 'map(select(.type == "report.orgs")) |
		    map({org, asked: .shifts, filled}) | sort_by(.org)' \
		    "$work/orgs.json" > "$work/ours.cmp" &&
		    jq -s -c 'map({org, asked, filled}) | sort_by(.org)' \
		    "$work/jq-$prog.out" > "$work/jq.cmp" &&
		    cmp -s "$work/ours.cmp" "$work/jq.cmp"; then
			say "jq $prog: shifts asked and filled per organisation agree"
		else
			say "jq $prog: per-organisation counts differ: see $work"
		fi
	done
else
	row pool-report "$size" "$tr s cpu" - "$mr MB" jq - - ">= 5x jq" \
	    "no jq"
fi

# Memory: the same first week, with 6 and with 12 weeks of records
# around it.  What the second input adds is only passed over.
for W in 6 12; do
	"$tools/poolgen" bench -a -w 2000 -n $((W * 10000)) -W $W \
	    > "$work/mem$W.ndjson"
	cpu "$work/mem$W.out" "$bin/pool-report" -c "$cfg" --week 2026-W48 \
	    -f json "$work/mem$W.ndjson"
	eval "m$W=\$(awk '{ print \$3 }' \"$work/time.out\")"
	eval "r$W=\$(wc -l < \"$work/mem$W.ndjson\")"
done
per=$(calc .1f "($m12 - $m6) * 1024 / ($r12 - $r6)")
pass=fail
awk "BEGIN { exit !($per <= 32) }" && pass=pass
row pool-report "week of 6 vs 12" "-" "$((r12 - r6)) more records" \
    "$((m6 / 1024)) vs $((m12 / 1024)) MB" - - "$per B/record" \
    "<= 32 B per record passed over" $pass
