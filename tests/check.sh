#!/bin/sh
# Run every test: unit programs, CLI golden cases, man page lint and the
# man page examples.  Prints TAP-style lines and ends with
# "N passed, N failed"; exits 1 if anything failed.
#
# Environment: POOL_BUILD names the build folder (default build);
# POOL_VALGRIND=1 runs the programs under valgrind.

LC_ALL=C; export LC_ALL
TZ=UTC; export TZ
unset POOL_CONFIG NO_COLOR
top=$(cd "$(dirname "$0")/.." && pwd)
build=${POOL_BUILD:-build}
case $build in /*) ;; *) build=$top/$build ;; esac
POOL_BUILD=$build; export POOL_BUILD
out=$build/test-out
rm -rf "$out"; mkdir -p "$out"
PATH=$build/bin:$PATH; export PATH
pass=0; fail=0

ok() { pass=$((pass + 1)); echo "ok - $1"; }
notok() { fail=$((fail + 1)); echo "not ok - $1"; }

vg=
if [ "${POOL_VALGRIND:-}" = 1 ]; then
	vg="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect"
fi

# Unit tests: each program prints ok/not ok lines.
for t in "$build"/tests/test_*; do
	case $t in *.c|*.h) continue ;; esac
	[ -x "$t" ] || continue
	name=${t##*/}
	(cd "$top/tests/unit" && $vg "$t") > "$out/$name.log" 2>&1
	rc=$?
	p=$(grep -c '^ok ' "$out/$name.log")
	f=$(grep -c '^not ok ' "$out/$name.log")
	pass=$((pass + p)); fail=$((fail + f))
	if [ $rc -ne 0 ] && [ "$f" -eq 0 ]; then
		notok "unit/$name exited $rc"
		tail -5 "$out/$name.log"
	fi
	grep '^not ok\|^#' "$out/$name.log"
	echo "# unit/$name: $p passed, $f failed"
done

# CLI golden cases: tests/cli/<program>/<case>/ with
#   args    arguments for the program named by the folder (run in the
#           case folder), or cmd: a whole sh command line
#   stdin   standard input (optional)
#   stdout  expected standard output (optional: absent = must be empty)
#   stderr  expected standard error (optional: absent = must be empty)
#   status  expected exit status (optional: absent = 0)
for dir in "$top"/tests/cli/*/*/; do
	[ -d "$dir" ] || continue
	dir=${dir%/}
	case_name=${dir#"$top"/tests/cli/}
	prog=${case_name%%/*}
	scratch=$out/cli/$case_name
	mkdir -p "$scratch"
	if [ -f "$dir/stdin" ]; then in=$dir/stdin; else in=/dev/null; fi
	if [ -f "$dir/cmd" ]; then
		(cd "$dir" && POOL_VG="$vg" sh ./cmd) < "$in" > "$scratch/stdout" 2> "$scratch/stderr"
	else
		args=$(cat "$dir/args" 2>/dev/null)
		(cd "$dir" && eval "$vg $prog $args") < "$in" > "$scratch/stdout" 2> "$scratch/stderr"
	fi
	rc=$?
	want_rc=0
	[ -f "$dir/status" ] && want_rc=$(cat "$dir/status")
	bad=
	[ "$rc" = "$want_rc" ] || bad="status $rc, want $want_rc"
	for s in stdout stderr; do
		if [ -f "$dir/$s" ]; then exp=$dir/$s; else exp=/dev/null; fi
		if ! cmp -s "$exp" "$scratch/$s"; then
			bad="$bad $s differs"
			diff -u "$exp" "$scratch/$s" | head -30 | sed 's/^/#   /'
		fi
	done
	if [ -z "$bad" ]; then ok "cli/$case_name"; else notok "cli/$case_name:$bad (see $scratch)"; fi
done

# Output files: modes, closed descriptors, signals, long names, --split
# folders (tests/fault/output.sh).
sh "$top/tests/fault/output.sh" > "$out/output.log" 2>&1
p=$(grep -c '^ok ' "$out/output.log")
f=$(grep -c '^not ok ' "$out/output.log")
pass=$((pass + p)); fail=$((fail + f))
grep '^not ok\|^#' "$out/output.log"
echo "# fault/output.sh: $p passed, $f failed"

# Export hygiene: libpool defines only pool_* symbols.
if [ -f "$build/lib/libpool.a" ] && command -v nm >/dev/null 2>&1; then
	bad=$(nm -g --defined-only "$build/lib/libpool.a" 2>/dev/null |
	    awk 'NF == 3 && $2 ~ /^[A-Z]$/ && $3 !~ /^pool_/ { print $3 }')
	if [ -z "$bad" ]; then
		ok "libpool exports only pool_* symbols"
	else
		notok "libpool exports symbols outside pool_*: $(echo $bad)"
	fi
fi

# Man pages: lint-clean under mandoc.
if command -v mandoc >/dev/null 2>&1; then
	for m in "$top"/man/*.[1-8]; do
		[ -f "$m" ] || continue
		if msg=$(mandoc -Tlint -Wwarning "$m" 2>&1) && [ -z "$msg" ]; then
			ok "man/${m##*/} lint"
		else
			notok "man/${m##*/} lint"; echo "$msg" | sed 's/^/#   /'
		fi
	done
else
	echo "# mandoc not installed: man pages not linted"
fi

# Man page EXAMPLES: tests/examples/<program>.sh runs the EXAMPLES of
# that man page from the repository root and exits 0 when they work.
for ex in "$top"/tests/examples/*.sh; do
	[ -f "$ex" ] || continue
	name=${ex##*/}
	if (cd "$top" && sh "$ex") > "$out/examples-$name.log" 2>&1; then
		ok "examples/$name"
	else
		notok "examples/$name"; tail -20 "$out/examples-$name.log" | sed 's/^/#   /'
	fi
done

# make install into a temporary PREFIX; libpool(3)'s example built
# against the installed libpool.pc.
if [ -z "$vg" ] && command -v pkg-config >/dev/null 2>&1; then
	if (cd "$top" && sh tests/install.sh) > "$out/install.log" 2>&1; then
		ok "install"
	else
		notok "install"; tail -20 "$out/install.log" | sed 's/^/#   /'
	fi
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
