#!/bin/sh
# The output files of the four programs: private and whole.
#
#  - -o keeps an existing file's mode (600, 640) and makes a new one
#    0600 less the umask; the rejects file of pool-ingest too;
#  - the temporary file never takes descriptors 0-2: with stderr closed
#    (2>&-) no diagnostic ends up in the output;
#  - SIGINT, SIGTERM and SIGHUP while the output is being written
#    remove the temporary files (slowsync.so holds the program inside
#    fsync(2), with its temporary file complete);
#  - a 250-byte -o name works;
#  - --split refuses a folder that is a symbolic link, and replaces
#    (never follows) a link or FIFO planted in the folder.
#
# Prints "ok - ..." / "not ok - ..." lines; exits 1 if anything failed.
# Environment: POOL_BUILD (default build) names the build folder.

LC_ALL=C; export LC_ALL
TZ=UTC; export TZ
unset POOL_CONFIG NO_COLOR
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${POOL_BUILD:-build}
case $build in /*) ;; *) build=$top/$build ;; esac
bin=$build/bin
out=$build/fault-output
fail=0
ok() { echo "ok - output/$1"; }
notok() { fail=1; echo "not ok - output/$1"; }

rm -rf "$out"
mkdir -p "$out" || exit 1
so=$out/slowsync.so
if ! ${CC:-cc} -O2 -shared -fPIC -o "$so" "$top/tests/fault/slowsync.c"; then
	notok "cannot build slowsync.so"
	exit 1
fi
cp "$top"/tests/fault/input/* "$out"/
cd "$out" || exit 1
# A sanitizer runtime must not complain about the preloaded library.
ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0
export ASAN_OPTIONS

# The command line of program $1 writing to -o $2.
cmdline() {
	case $1 in
	pool-ingest) echo "$bin/pool-ingest -c pool.yaml -m shifts.mapping.yaml -o $2 -r $2.rej shifts.csv" ;;
	pool-report) echo "$bin/pool-report -c pool.yaml --week 2026-W48 -o $2 records.ndjson" ;;
	*) echo "$bin/$1 -c pool.yaml -o $2 records.ndjson" ;;
	esac
}

mode() { stat -c %a "$1" 2>/dev/null; }

for p in pool-ingest pool-match pool-distribute pool-report; do
	# An existing file keeps its mode.
	for m in 600 640; do
		echo previous > plan; chmod $m plan
		[ $p = pool-ingest ] && { echo previous > plan.rej; chmod $m plan.rej; }
		$(cmdline $p plan) > /dev/null 2>&1
		got=$(mode plan)
		[ $p = pool-ingest ] && got="$got $(mode plan.rej)" && m="$m $m"
		if [ "$got" = "$m" ] && [ "$(cat plan)" != previous ]; then
			ok "$p: -o keeps mode $m"
		else
			notok "$p: -o over a file of mode $m leaves $got"
		fi
		rm -f plan plan.rej
	done
	# A new file: 0600 less the umask.
	for u in 022 077 277; do
		want=600; [ $u = 277 ] && want=400
		(umask $u; $(cmdline $p plan) > /dev/null 2>&1)
		got=$(mode plan)
		[ $p = pool-ingest ] && got="$got $(mode plan.rej)" && want="$want $want"
		if [ "$got" = "$want" ]; then
			ok "$p: new -o file under umask $u is $want"
		else
			notok "$p: new -o file under umask $u is $got, want $want"
		fi
		chmod 600 plan 2>/dev/null; rm -f plan plan.rej
	done
	# Standard error closed: nothing of it in the output.
	$(cmdline $p want) -v > /dev/null 2>/dev/null
	$(cmdline $p got) -v > /dev/null 2>&-
	if cmp -s want got; then
		ok "$p: -o with standard error closed holds only the output"
	else
		notok "$p: -o with standard error closed: the output differs"
		diff want got | head -5 | sed 's/^/#   /'
	fi
	rm -f want* got*
	# A 250-byte name.
	long=$(printf '%0250d' 7)
	if $(cmdline $p "$long") > /dev/null 2>&1 && [ -s "$long" ]; then
		ok "$p: a 250-byte -o name"
	else
		notok "$p: a 250-byte -o name: $($(cmdline $p "$long") 2>&1 >/dev/null | head -1)"
	fi
	rm -f "$long" "$long".rej
	# Signals while the output is written.
	for sig in INT TERM HUP; do
		rm -f ready plan* 
		echo previous > plan
		# A background job starts with SIGINT ignored: undo that.
		FAULT_READY=$out/ready LD_PRELOAD=$so env --default-signal \
		    $(cmdline $p plan) > /dev/null 2>&1 &
		pid=$!
		i=0
		while [ ! -e ready ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
		tmps=$(ls -A | grep -c '\.tmp')
		kill -$sig $pid
		wait $pid 2>/dev/null
		rc=$?
		left=$(ls -A | grep '\.tmp')
		if [ $tmps -ge 1 ] && [ -z "$left" ] && [ $rc -gt 128 ] &&
		    [ "$(cat plan)" = previous ]; then
			ok "$p: SIG$sig removes the temporary file (status $rc)"
		else
			notok "$p: SIG$sig: status $rc, temporary files seen $tmps, left: $left"
		fi
		rm -f $left plan* ready
	done
done

# --split: the folder and what was planted in it.
sp="$bin/pool-report -c pool.yaml --week 2026-W48 -f ics --split"
mkdir real; ln -s real linked
if $sp linked records.ndjson > /dev/null 2> err; [ $? -eq 2 ] &&
    [ -z "$(ls -A real)" ]; then
	ok "--split refuses a folder that is a symbolic link: $(cat err)"
else
	notok "--split writes through a linked folder: $(cat err)"
fi
$sp cal records.ndjson > /dev/null 2>&1
name=$(ls cal | head -1)
if [ "$(mode cal)" = 700 ] && [ "$(mode "cal/$name")" = 600 ]; then
	ok "--split makes a folder 0700 and files 0600"
else
	notok "--split: folder $(mode cal), file $(mode "cal/$name")"
fi
echo secret > victim
for f in cal/*; do rm -f "$f"; ln -s ../victim "$f"; done
mkfifo cal/fifo.ics 2>/dev/null
chmod 777 cal; 
if $sp cal records.ndjson > /dev/null 2> err; [ $? -eq 2 ]; then
	ok "--split refuses a folder others may write to: $(cat err)"
else
	notok "--split writes into a folder others may write to"
fi
chmod 700 cal
timeout 10 $sp cal records.ndjson > /dev/null 2> err
rc=$?
if [ $rc -eq 0 ] && [ "$(cat victim)" = secret ] && [ -f "cal/$name" ] &&
    [ ! -L "cal/$name" ]; then
	ok "--split replaces planted links, never follows them"
else
	notok "--split with planted links: status $rc, victim '$(cat victim)'"
fi

[ $fail -eq 0 ]
