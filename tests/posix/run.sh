#!/bin/sh
# run.sh -- build librumpuser (platforms/posix) and its cmocka tests into
# a private directory and run them; until the top-level build wires them.
set -eu

usage() {
	echo "usage: $0 [-c CC] [OUTDIR] [TEST...]   (default OUTDIR /tmp/posixbuild)" >&2
	exit 2
}
die() {
	echo "run.sh: $*" >&2
	exit 1
}

CC=gcc
while getopts c:h opt; do
	case $opt in
	c) CC=$OPTARG ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))

top=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-/tmp/posixbuild}
[ $# -gt 0 ] && shift
src=$top/platforms/posix
tst=$top/tests/posix
CFLAGS="-std=gnu11 -O2 -g -D_GNU_SOURCE -fPIE -pthread -Wall -Wextra -Werror -I$top/platforms/include"

mkdir -p "$out/lib" || die "cannot create $out"
srcs=$(sed -n 's/^POSIX_SRCS := //p' "$src/platform.mk")
[ -n "$srcs" ] || die "no POSIX_SRCS in $src/platform.mk"
objs=
for f in $srcs; do
	o=$out/lib/${f%.c}.o
	$CC $CFLAGS -c "$src/$f" -o "$o" || die "compiling $f failed"
	objs="$objs $o"
done
rm -f "$out/librumpuser.a"
ar rcs "$out/librumpuser.a" $objs

# Every global of the archive must be rumpuser_*.
bad=$(nm -g --defined-only "$out/librumpuser.a" | awk 'NF == 3 && $3 !~ /^rumpuser_/ { print $3 }')
[ -z "$bad" ] || die "globals outside rumpuser_*: $bad"

$CC $CFLAGS -c "$tst/fakehyp.c" -o "$out/fakehyp.o" || die "fakehyp.c"
tests=${*:-$(cd "$tst" && ls test_*.c | sed 's/\.c$//')}
fail=0
for t in $tests; do
	$CC $CFLAGS -pie -o "$out/$t" "$tst/$t.c" "$out/fakehyp.o" \
	    -L"$out" -lrumpuser -lcmocka -lpthread || die "building $t failed"
	"$out/$t" || fail=1
done
[ $fail -eq 0 ] || die "some tests failed"
echo "run.sh: all posix tests passed ($CC)"
