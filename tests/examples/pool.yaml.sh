#!/bin/sh
# The EXAMPLES of pool.yaml(5): the example configuration of the page and
# testdata/pool.yaml.example load, through -c, $POOL_CONFIG and
# ./pool.yaml, their weights divide 10 units as the page says, and a
# mistyped key stops the program with the message and status shown.
# Run from the repository root with the built programs on PATH.
set -eu
top=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset POOL_CONFIG

# units ORG: the units of ORG in the allocation records on stdin.
units() {
	sed -n "s/.*\"org\":\"$1\".*\"units\":\([0-9]*\).*/\1/p"
}
check_5_3_2() {
	[ "$(printf '%s\n' "$1" | grep -c '"type":"allocation"')" = 3 ]
	[ "$(printf '%s\n' "$1" | units amaris)" = 5 ]
	[ "$(printf '%s\n' "$1" | units hilverzorg)" = 3 ]
	[ "$(printf '%s\n' "$1" | units inovum)" = 2 ]
}

out=$(pool-distribute -c testdata/pool.yaml.example --units 10 < /dev/null)
check_5_3_2 "$out"

out=$(export POOL_CONFIG=testdata/pool.yaml.example;
    pool-distribute --units 10 < /dev/null)
check_5_3_2 "$out"

# The configuration of the page: the first literal block of EXAMPLES,
# found as ./pool.yaml (its method is sainte-lague: the same 5, 3, 2).
sed -n '/^\.Sh EXAMPLES/,/^\.Sh /p' man/pool.yaml.5 |
    sed -n '/^\.Bd -literal/,/^\.Ed/{/^\.Bd/d;/^\.Ed/q;p;}' > "$tmp/pool.yaml"
grep -q '^pool: ' "$tmp/pool.yaml"
out=$(cd "$tmp" && pool-distribute --units 10 < /dev/null)
check_5_3_2 "$out"
printf '%s\n' "$out" | grep -q '"method":"sainte-lague"'

cd "$tmp"
printf 'rules:\n  rest_dialy_hours: 11\n' > bad.yaml
rc=0
pool-distribute -c bad.yaml --units 10 < /dev/null > out 2> err || rc=$?
[ "$rc" = 2 ]
[ ! -s out ]
[ "$(cat err)" = "pool-distribute: bad.yaml:2: unknown key 'rest_dialy_hours' in 'rules'" ]
cd "$top"

# Every key of the commented example is documented in the page.
for key in $(sed -n 's/^[ -]*\([a-z_0-9]*\): .*/\1/p; s/^[ -]*\([a-z_0-9]*\):$/\1/p' \
    testdata/pool.yaml.example | sort -u); do
	case $key in early|late|night) continue ;; esac	# shift type ids
	grep -q "Ic $key\( \|$\)" man/pool.yaml.5 || {
		echo "key '$key' of testdata/pool.yaml.example not in pool.yaml(5)"
		exit 1
	}
done
