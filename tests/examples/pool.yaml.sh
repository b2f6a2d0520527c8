#!/bin/sh
# The EXAMPLES of pool.yaml(5): the example configuration of the page and
# testdata/pool.yaml.example load, through -c and $POOL_CONFIG, and a
# mistyped key stops the program with the message and status shown.
# Run from the repository root with the built programs on PATH.
set -eu
top=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset POOL_CONFIG

# The configuration of the page: the first literal block of EXAMPLES.
sed -n '/^\.Sh EXAMPLES/,/^\.Sh /p' man/pool.yaml.5 |
    sed -n '/^\.Bd -literal/,/^\.Ed/{/^\.Bd/d;/^\.Ed/q;p;}' > "$tmp/pool.yaml"
grep -q '^pool: ' "$tmp/pool.yaml"
out=$(cd "$tmp" && pool-match < /dev/null)		# ./pool.yaml
[ -z "$out" ]

got=$(pool-match -c testdata/pool.yaml.example < /dev/null && echo valid)
[ "$got" = valid ]

got=$(export POOL_CONFIG=testdata/pool.yaml.example;
    pool-match < /dev/null && echo valid)
[ "$got" = valid ]

cd "$tmp"
printf 'rules:\n  rest_dialy_hours: 11\n' > bad.yaml
rc=0
pool-match -c bad.yaml < /dev/null > out 2> err || rc=$?
[ "$rc" = 2 ]
[ ! -s out ]
[ "$(cat err)" = "pool-match: bad.yaml:2: unknown key 'rest_dialy_hours' in 'rules'" ]
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
