#!/bin/sh
# `make install` into a temporary PREFIX, then build the EXAMPLES
# program of libpool(3) against what was installed, through the
# installed libpool.pc alone, and run it.  Checks that the installed
# headers are exactly those libpool(3) documents and that the .pc
# carries the PREFIX of the install.  Run from the repository root.
set -eu
build=${POOL_BUILD:-build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/opt/flex
${MAKE:-make} -s install B="$build" CC="${CC:-cc}" SANITIZE="${POOL_SANITIZE:-}" \
    PREFIX="$prefix" >/dev/null

pc=$prefix/lib/pkgconfig/libpool.pc
grep -qx "prefix=$prefix" "$pc" || { echo "libpool.pc: prefix is not $prefix"; exit 1; }

# The installed headers are the documented ones, no more.
documented=$(sed -n 's/^\.In pool\/\(.*\)$/\1/p' man/libpool.3 | sort | tr '\n' ' ')
installed=$(cd "$prefix/include/pool" && ls | sort | tr '\n' ' ')
[ "$documented" = "$installed" ] ||
    { echo "installed headers: $installed; libpool(3): $documented"; exit 1; }

sed -n '/^\.Bd -literal/,/^\.Ed/p' man/libpool.3 | sed '1d;$d' |
    sed 's/\\en/\\n/g' > "$tmp/count.c"
PKG_CONFIG_PATH=$prefix/lib/pkgconfig; export PKG_CONFIG_PATH
flags=$(pkg-config --cflags libpool)
# libpool.a: -lpool taken as static, its private needs from --static.
libs=$(pkg-config --static --libs libpool | sed 's/-lpool/-Wl,-Bstatic -lpool -Wl,-Bdynamic/')
# shellcheck disable=SC2086
${CC:-cc} -std=c11 ${POOL_SANITIZE:+-fsanitize=$POOL_SANITIZE} $flags \
    -o "$tmp/count" "$tmp/count.c" $libs
got=$(printf '%s\n' \
    '{"type":"shift","id":"S1","org":"a","role":"r","start":"2026-11-23T07:00:00+01:00","end":"2026-11-23T15:00:00+01:00"}' |
    "$tmp/count")
[ "$got" = "1 shifts" ] || { echo "example printed '$got'"; exit 1; }

# The shared library links and runs too.
${CC:-cc} -std=c11 ${POOL_SANITIZE:+-fsanitize=$POOL_SANITIZE} $flags \
    -o "$tmp/count-so" "$tmp/count.c" $(pkg-config --libs libpool) -Wl,-rpath,"$prefix/lib"
got=$(printf '%s\n' '{"type":"worker","id":"W1","roles":["r"]}' | "$tmp/count-so")
[ "$got" = "0 shifts" ] || { echo "shared example printed '$got'"; exit 1; }
echo "install into $prefix: ok"
