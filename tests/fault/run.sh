#!/bin/sh
# Fault injection for the four programs, on the small pool in
# tests/fault/input:
#
#  - allocation failure: failmalloc.so (LD_PRELOAD) fails the Nth
#    allocation, swept over every N the run makes (once with only the
#    Nth failing, once with every allocation from the Nth on failing).
#    Each run must end with status 1 or 2 and a "prog: ..." message, or
#    succeed with exactly the output of a run without faults; never a
#    signal, a hang, a sanitizer report, a changed -o file or a
#    temporary file left behind;
#  - write failure: standard output on /dev/full, and closed;
#  - unreadable input: a missing file, a directory and (when root can
#    drop to nobody) a file without read permission, before a good
#    file: exit 1, one message, the good file still processed;
#  - SIGPIPE: `prog | head -1` ends quietly;
#  - an -o file in a read-only directory and in a missing directory.
#
# Prints "ok - ..." / "not ok - ..." lines and "N passed, N failed";
# exits 1 if anything failed.
#
# Environment: POOL_BUILD (default build) is the build folder whose
# bin/ is tested: use a plain or SANITIZE=undefined build (AddressSanitizer
# replaces malloc, so LD_PRELOAD cannot reach it).  FAULT_STEP=K tries
# only every Kth N (default 1); FAULT_TIMEOUT (default 10) is the limit
# of one run in seconds; FAULT_PROGS limits the programs tested.

LC_ALL=C; export LC_ALL
TZ=UTC; export TZ
unset POOL_CONFIG NO_COLOR
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${POOL_BUILD:-build}
case $build in /*) ;; *) build=$top/$build ;; esac
bin=$build/bin
out=$build/fault-out
step=${FAULT_STEP:-1}
limit=${FAULT_TIMEOUT:-10}
progs=${FAULT_PROGS:-pool-ingest pool-distribute pool-match pool-report}
pass=0; fail=0

ok() { pass=$((pass + 1)); echo "ok - $1"; }
notok() { fail=$((fail + 1)); echo "not ok - $1"; }
skip() { echo "ok - $1 # skip $2"; }

rm -rf "$out"
mkdir -p "$out" || exit 1
so=$out/failmalloc.so
if ! ${CC:-cc} -O2 -shared -fPIC -o "$so" "$top/tests/fault/failmalloc.c"; then
	echo "not ok - cannot build failmalloc.so"
	echo "0 passed, 1 failed"
	exit 1
fi

# The options and the input file of each program's runs.
opts() {
	case $1 in
	pool-ingest) echo "-c pool.yaml -m shifts.mapping.yaml" ;;
	pool-report) echo "-c pool.yaml --week 2026-W48" ;;
	*) echo "-c pool.yaml" ;;
	esac
}
file() {
	case $1 in
	pool-ingest) echo shifts.csv ;;
	*) echo records.ndjson ;;
	esac
}

# The command line of a program's runs, with extra options $2; a run
# that names OUT also writes the program's other outputs (REJ: the
# rejects file of pool-ingest).
args() {
	case $1 in
	pool-ingest)
		case $2 in *OUT*) set -- "$1" "$2 -r REJ" ;; esac
		echo "$(opts "$1") $2 $(file "$1")" ;;
	pool-report) echo "$(opts "$1") --format html $2 $(file "$1")" ;;
	*) echo "$(opts "$1") $2 $(file "$1")" ;;
	esac
}

# The outputs of a run besides OUT.
extra() {
	case $1 in
	pool-ingest) echo REJ ;;
	esac
}

# run DIR N ALL PROG ARGS...: one run with the Nth allocation failing;
# sets rc; stdout and stderr in DIR/stdout, DIR/stderr.
run() {
	_d=$1 _n=$2 _all=$3 _p=$4
	shift 4
	(cd "$_d" && exec timeout -k 2 "$limit" env LD_PRELOAD="$so" \
	    FAILMALLOC_N="$_n" FAILMALLOC_ALL="$_all" \
	    FAILMALLOC_COUNT="$_d/count" "$bin/$_p" "$@") \
	    > "$_d/stdout" 2> "$_d/stderr"
	rc=$?
}

# What went wrong with the run just made (empty: nothing).  REF is the
# folder of the run without faults.
judge() {
	_d=$1 _p=$2 _ref=$3
	if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
		echo "hang (killed after $limit s)"; return
	fi
	if [ $rc -gt 128 ]; then
		echo "killed by signal $((rc - 128))"; return
	fi
	if grep -q 'Sanitizer\|runtime error:' "$_d/stderr"; then
		echo "sanitizer report: $(grep -m1 'Sanitizer\|runtime error:' "$_d/stderr")"
		return
	fi
	for _o in OUT $(extra "$_p"); do
		set -- "$_d/$_o".tmp*
		if [ -e "$1" ]; then
			echo "temporary file left: ${1##*/}"; return
		fi
	done
	if [ $rc -eq 0 ]; then
		for _o in OUT $(extra "$_p"); do
			cmp -s "$_d/$_o" "$_ref/$_o" || { echo "status 0 but the output differs ($_o)"; return; }
		done
		cmp -s "$_d/stderr" "$_ref/stderr" || { echo "status 0 but stderr differs: $(head -1 "$_d/stderr")"; return; }
		return
	fi
	if [ $rc -ne 1 ] && [ $rc -ne 2 ]; then
		echo "status $rc"; return
	fi
	if [ ! -s "$_d/stderr" ]; then
		echo "status $rc without a message"; return
	fi
	if grep -v -q "^$_p: " "$_d/stderr"; then
		echo "a message without the program name: $(grep -v -m1 "^$_p: " "$_d/stderr")"
		return
	fi
	# An input that cannot be opened is skipped like a missing file
	# (status 1, the others are written); any other failure must leave
	# the -o file as it was.
	if grep -v -q "^$_p: cannot open '[^']*': Cannot allocate memory\$" "$_d/stderr"; then
		for _o in OUT $(extra "$_p"); do
			if [ "$(cat "$_d/$_o" 2>/dev/null)" != previous ]; then
				echo "status $rc and the output file $_o changed"; return
			fi
		done
	fi
}

# sweep PROG ALL: the allocation-failure sweep of one program.
sweep() {
	_p=$1 _all=$2
	_what="allocation failure sweep, $_p"
	[ "$_all" = 1 ] && _what="$_what, every allocation from the Nth on"
	ref=$out/$_p/ref
	d=$out/$_p/run
	rm -rf "$d"; mkdir -p "$d"
	cp "$top"/tests/fault/input/* "$d"/
	total=$(cat "$ref/count")
	n=1 runs=0 bad=0
	: > "$out/$_p/messages.$_all"
	: > "$out/$_p/why.$_all"
	while [ $n -le "$total" ]; do
		for o in OUT $(extra "$_p"); do echo previous > "$d/$o"; done
		# shellcheck disable=SC2046
		run "$d" $n "$_all" "$_p" $(args "$_p" "-o OUT")
		runs=$((runs + 1))
		why=$(judge "$d" "$_p" "$ref")
		if [ -n "$why" ]; then
			bad=$((bad + 1))
			echo "$why" | sed 's/: .*//' >> "$out/$_p/why.$_all"
			if [ $bad -le 5 ]; then
				echo "#   N=$n: $why"
				sed -n '1,3s/^/#     /p' "$d/stderr"
			fi
		elif [ $rc -ne 0 ]; then
			tail -1 "$d/stderr" >> "$out/$_p/messages.$_all"
		fi
		n=$((n + step))
	done
	if [ $bad -eq 0 ]; then
		ok "$_what ($runs runs of $total allocations)"
	else
		notok "$_what: $bad of $runs runs went wrong"
		sort "$out/$_p/why.$_all" | uniq -c | sort -rn | sed 's/^/#   what went wrong: /'
	fi
	# The messages of the runs that went right, most frequent first.
	sed 's/[0-9][0-9]*/N/g' "$out/$_p/messages.$_all" | sort | uniq -c |
	    sort -rn | head -8 | sed 's/^/#   /'
}

# The big input of the SIGPIPE case.
big=$out/big
mkdir -p "$big"
awk 'BEGIN {
	for (i = 0; i < 20000; i++)
		printf "{\"type\":\"shift\",\"id\":\"S%05d\",\"org\":\"north\",\"role\":\"da\",\"start\":\"2026-11-23T08:00:00+01:00\",\"end\":\"2026-11-23T12:00:00+01:00\"}\n", i
}' > "$big/records.ndjson"
awk 'BEGIN {
	print "Nr;Groep;Functie;HIS;Datum;Van;Tot;Spoed"
	for (i = 0; i < 20000; i++)
		printf "S%05d;Noord;da;his:medicom;23-11-2026;08:00;12:00;2\n", i
}' > "$big/shifts.csv"
cp "$top"/tests/fault/input/pool.yaml "$top"/tests/fault/input/*.mapping.yaml "$big"/

nobody=
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1; then
	nobody="setpriv --reuid=65534 --regid=65534 --clear-groups"
fi

for p in $progs; do
	if [ ! -x "$bin/$p" ]; then
		skip "$p" "not built"
		continue
	fi
	ref=$out/$p/ref
	mkdir -p "$ref"
	cp "$top"/tests/fault/input/* "$ref"/
	for o in OUT $(extra "$p"); do echo previous > "$ref/$o"; done
	# shellcheck disable=SC2046
	run "$ref" 0 0 "$p" $(args "$p" "-o OUT")
	if [ $rc -ne 0 ] || [ ! -s "$ref/OUT" ]; then
		notok "$p: the run without faults fails (status $rc)"
		sed 's/^/#   /' "$ref/stderr"
		continue
	fi
	ok "$p: the run without faults ($(cat "$ref/count") allocations)"

	sweep "$p" 0
	sweep "$p" 1

	# Standard output on a full device.
	d=$out/$p/full
	mkdir -p "$d"; cp "$top"/tests/fault/input/* "$d"/
	# shellcheck disable=SC2046
	(cd "$d" && timeout -k 2 "$limit" "$bin/$p" $(args "$p" "")) \
	    > /dev/full 2> "$d/stderr"
	rc=$?
	if [ $rc -eq 1 ] && grep -q "^$p: .*No space left on device" "$d/stderr"; then
		ok "$p: standard output on /dev/full: status 1, $(head -1 "$d/stderr")"
	else
		notok "$p: standard output on /dev/full: status $rc, stderr '$(head -1 "$d/stderr")'"
	fi

	# Standard output closed.
	# shellcheck disable=SC2046
	(cd "$d" && timeout -k 2 "$limit" "$bin/$p" $(args "$p" "") >&-) \
	    2> "$d/stderr"
	rc=$?
	if [ $rc -eq 1 ] && grep -q "^$p: " "$d/stderr"; then
		ok "$p: standard output closed: status 1, $(head -1 "$d/stderr")"
	else
		notok "$p: standard output closed: status $rc, stderr '$(head -1 "$d/stderr")'"
	fi

	# Unreadable inputs before a good one.
	d=$out/$p/unreadable
	mkdir -p "$d/adir"; cp "$top"/tests/fault/input/* "$d"/
	good=$(file "$p")
	# shellcheck disable=SC2046
	(cd "$d" && "$bin/$p" $(opts "$p") "$good") > "$d/want" 2> "$d/want.err"
	for bad in missing.input adir noread.input; do
		pre=
		if [ $bad = noread.input ]; then
			if [ -z "$nobody" ] && [ "$(id -u)" -eq 0 ]; then
				skip "$p: input without read permission" "root cannot drop privileges"
				continue
			fi
			cp "$d/$good" "$d/$bad"
			chmod 755 "$d" "$d/adir"; chmod 644 "$d"/*.*; chmod 000 "$d/$bad"
			pre=$nobody
		fi
		# shellcheck disable=SC2046,SC2086
		(cd "$d" && timeout -k 2 "$limit" $pre "$bin/$p" $(opts "$p") "$bad" "$good") \
		    > "$d/stdout" 2> "$d/stderr"
		rc=$?
		lines=$(grep -c . "$d/stderr")
		if [ $rc -eq 1 ] && cmp -s "$d/stdout" "$d/want" &&
		    grep -q "^$p: .*$bad" "$d/stderr" &&
		    [ "$lines" -eq $(($(grep -c . "$d/want.err") + 1)) ]; then
			ok "$p: unreadable input ($bad) then a good one: status 1, $(grep -m1 "$bad" "$d/stderr")"
		else
			notok "$p: unreadable input ($bad) then a good one: status $rc, $lines message lines: $(head -1 "$d/stderr")"
			cmp -s "$d/stdout" "$d/want" || echo "#   the output of the good input differs"
		fi
	done

	# SIGPIPE: the reader goes away after one line.
	x=
	[ "$p" = pool-report ] && x="--format json"
	# shellcheck disable=SC2046,SC2086
	(cd "$big" && { timeout -k 2 "$limit" "$bin/$p" $(opts "$p") $x "$(file "$p")" \
	    2> "$out/$p/pipe.err"; echo $? > "$out/$p/pipe.rc"; } | head -1) \
	    > "$out/$p/pipe.out"
	rc=$(cat "$out/$p/pipe.rc")
	if [ ! -s "$out/$p/pipe.err" ] && [ "$(grep -c . "$out/$p/pipe.out")" -eq 1 ] &&
	    { [ "$rc" -eq 141 ] || [ "$rc" -eq 0 ] || [ "$rc" -eq 1 ]; }; then
		ok "$p: | head -1 ends quietly (status $rc)"
	else
		notok "$p: | head -1: status $rc, stderr '$(head -1 "$out/$p/pipe.err")'"
	fi

	# -o in a read-only directory, and in a missing one.
	d=$out/$p/readonly
	mkdir -p "$d/ro"; cp "$top"/tests/fault/input/* "$d"/
	chmod 755 "$d"; chmod 644 "$d"/*.*; chmod 555 "$d/ro"
	if [ "$(id -u)" -eq 0 ] && [ -z "$nobody" ]; then
		skip "$p: -o in a read-only directory" "root cannot drop privileges"
	else
		# shellcheck disable=SC2046
		(cd "$d" && timeout -k 2 "$limit" $nobody "$bin/$p" $(args "$p" "-o ro/out")) \
		    > "$d/stdout" 2> "$d/stderr"
		rc=$?
		if { [ $rc -eq 1 ] || [ $rc -eq 2 ]; } && grep -q "^$p: .*'ro/out'" "$d/stderr" &&
		    [ -z "$(ls -A "$d/ro")" ] && [ ! -s "$d/stdout" ]; then
			ok "$p: -o in a read-only directory: status $rc, $(head -1 "$d/stderr")"
		else
			notok "$p: -o in a read-only directory: status $rc, '$(head -1 "$d/stderr")', files: $(ls -A "$d/ro")"
		fi
	fi
	# shellcheck disable=SC2046
	(cd "$d" && timeout -k 2 "$limit" "$bin/$p" $(args "$p" "-o nodir/out")) \
	    > "$d/stdout" 2> "$d/stderr"
	rc=$?
	if { [ $rc -eq 1 ] || [ $rc -eq 2 ]; } && grep -q "^$p: .*'nodir/out'" "$d/stderr" &&
	    [ ! -e "$d/nodir" ]; then
		ok "$p: -o in a missing directory: status $rc, $(head -1 "$d/stderr")"
	else
		notok "$p: -o in a missing directory: status $rc, '$(head -1 "$d/stderr")'"
	fi
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
