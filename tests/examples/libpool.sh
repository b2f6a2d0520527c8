#!/bin/sh
# The EXAMPLES of libpool(3): compile the program of the man page against
# the built library and run it on two records.
set -eu
build=${POOL_BUILD:-build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/pool"
cp lib/pool*.h "$tmp/pool/"
sed -n '/^\.Bd -literal/,/^\.Ed/p' man/libpool.3 | sed '1d;$d' |
    sed 's/\\en/\\n/g' > "$tmp/count.c"
${CC:-cc} -std=c11 ${POOL_SANITIZE:+-fsanitize=$POOL_SANITIZE} -I"$tmp" -o "$tmp/count" "$tmp/count.c" \
    "$build/lib/libpool.a" -ljansson -lyaml -lcrypto -lm
got=$(printf '%s\n' \
    '{"type":"shift","id":"S1","org":"a","role":"r","start":"2026-11-23T07:00:00+01:00","end":"2026-11-23T15:00:00+01:00"}' \
    '{"type":"worker","id":"W1","roles":["r"]}' | "$tmp/count")
[ "$got" = "1 shifts" ]
