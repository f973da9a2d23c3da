#!/bin/sh
# tests/conformance/image.sh -- the conformance cases inside images: each
# case is compiled with the musl toolchain, baked with hw_virtio and
# booted with the launcher (rumprun qemu), two at a time; prints TAP as
# run.sh does ("ok N - image CASE").  run.sh image calls this.
#
# Expected failures: xfail-image.list (NAME REASON) names failures only
# an image has; a case failing in the hosted kernel (xfail.list) is
# expected to fail here too.  Either way a listed case that passes is
# "not ok ... # XPASS", so the lists can only shrink.
#
# All 415 cases take about two minutes on two cores under TCG
# (docs/benchmarks.md), so every case runs by default.  IMAGE_EVERY=N
# runs a deterministic subset for slower hosts: every Nth case in name
# order plus every listed expected failure (so an XPASS is still seen).
# The first TAP line says which.
#
# Word splitting of $CFLAGS_CONF and of case lists is intended; case
# names are plain words:
# shellcheck disable=SC2086,SC2012
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$HERE/../.." && pwd)
OBJ=${OBJ:-$TOP/obj/conformance}
RR=${RR:-$TOP/rumprun}
TIMEOUT=${TIMEOUT:-60}
JOBS=${JOBS:-2}
IMAGE_EVERY=${IMAGE_EVERY:-1}
T=x86_64-rumprun-linux-musl
XFAIL=$HERE/xfail.list
XFAIL_IMAGE=$HERE/xfail-image.list
CFLAGS_CONF="-std=gnu11 -D_GNU_SOURCE -Wall -Wextra -Werror -pthread"
OUT=$OBJ/image

usage()
{
	cat <<USAGE
usage: tests/conformance/image.sh [CASE...]

  Build every case (or the CASEs named) with $T-gcc, bake it with
  hw_virtio and boot it with "rumprun qemu"; print TAP.

environment: RR (toolchain and launcher, default $TOP/rumprun; build it
  with ./build-rr.sh hw), OBJ (output, default $TOP/obj/conformance),
  TIMEOUT (seconds per boot, default 60), JOBS (boots at a time, default
  2), IMAGE_EVERY=N (a subset: every Nth case and the expected failures;
  default 1, every case)
USAGE
}

die()
{
	echo "tests/conformance/image.sh: $*" >&2
	exit 2
}

# list_names FILE: the case names a NAME REASON list holds.
list_names()
{
	[ -f "$1" ] || return 0
	sed -n 's/^\([a-z0-9_]*\)\( .*\)*$/\1/p' "$1"
}

# reason FILE NAME: the reason FILE gives for NAME, empty if none.
reason()
{
	[ -f "$1" ] || return 0
	awk -v n="$2" '$1 == n { $1 = ""; sub(/^ +/, ""); print; exit }' "$1"
}

# newer OUT SRC...: true if OUT exists and is newer than every SRC.
newer()
{
	out=$1
	shift
	[ -f "$out" ] || return 1
	[ -z "$(find "$@" -newer "$out" 2>/dev/null)" ]
}

# one CASE: build, bake and boot CASE; writes $OUT/CASE.status (the
# launcher's exit status, or "build"/"bake" when it never booted) and
# $OUT/CASE.log.  Runs in parallel with others: touches only CASE's files.
one()
{
	c=$1
	log=$OUT/$c.log
	bin=$OUT/$c
	img=$OUT/$c.img
	if ! newer "$bin" "$HERE/$c.c" "$HERE/conf.h" "$HERE/conf_libc.h" "$RR/$T/lib/libc.a"; then
		if ! "$RR/bin/$T-gcc" $CFLAGS_CONF -I"$HERE" -o "$bin" "$HERE/$c.c" >"$log" 2>&1; then
			rm -f "$bin"
			echo build >"$OUT/$c.status"
			return 0
		fi
	fi
	# a rebuilt kernel or platform rebakes every image
	if ! newer "$img" "$bin" "$RR/lib" "$RR/share" "$RR/bin/rumprun-bake"; then
		if ! "$RR/bin/rumprun-bake" hw_virtio "$img" "$bin" >"$log" 2>&1; then
			rm -f "$img"
			echo bake >"$OUT/$c.status"
			return 0
		fi
	fi
	st=0
	timeout "$TIMEOUT" "$RR/bin/rumprun" qemu -q -M 32 -- "$img" >"$log" 2>&1 </dev/null || st=$?
	echo "$st" >"$OUT/$c.status"
}

if [ "${1:-}" = --one ]; then
	[ $# -eq 2 ] || die "--one takes one case"
	one "$2"
	exit 0
fi
case ${1:-} in
-h | --help) usage; exit 0 ;;
-*) usage >&2; exit 2 ;;
esac

[ -x "$RR/bin/$T-gcc" ] || die "no $RR/bin/$T-gcc: build the toolchain (./build-rr.sh hw) or set RR"
[ -x "$RR/bin/rumprun" ] || die "no $RR/bin/rumprun: ./build-rr.sh hw, or set RR"
command -v qemu-system-x86_64 >/dev/null || die "qemu-system-x86_64 is not installed"
case $JOBS$IMAGE_EVERY in *[!0-9]*) die "JOBS and IMAGE_EVERY must be numbers" ;; esac
if [ "$JOBS" -lt 1 ] || [ "$IMAGE_EVERY" -lt 1 ]; then
	die "JOBS and IMAGE_EVERY must be at least 1"
fi

ALL=$(cd "$HERE" && ls -- *_*.c | sed 's/\.c$//')
N=0
NOTOK=0
tap_ok() { N=$((N + 1)); echo "ok $N - $*"; }
tap_notok() { N=$((N + 1)); NOTOK=$((NOTOK + 1)); echo "not ok $N - $*"; }

# Every name in the lists must be a case: a stale line misleads.
for x in $(list_names "$XFAIL_IMAGE"); do
	[ -f "$HERE/$x.c" ] || tap_notok "image: $x is listed but is not a case: remove the line"
done

if [ $# -ge 1 ]; then
	CASES=$*
	for c in $CASES; do
		[ -f "$HERE/$c.c" ] || die "no case $c (no $HERE/$c.c)"
	done
	echo "# image: the $# cases named"
elif [ "$IMAGE_EVERY" = 1 ]; then
	CASES=$ALL
	echo "# image: all $(echo "$ALL" | wc -l) cases"
else
	pick=$(echo "$ALL" | awk -v n="$IMAGE_EVERY" 'NR % n == 1')
	CASES=$({ echo "$pick"; list_names "$XFAIL"; list_names "$XFAIL_IMAGE"; } |
	    awk 'NF' | sort -u)
	echo "# image: a subset, $(echo "$CASES" | wc -l) of $(echo "$ALL" | wc -l) cases" \
	    "(every ${IMAGE_EVERY}th and the expected failures; IMAGE_EVERY=1 runs all)"
fi

mkdir -p "$OUT" || die "cannot create $OUT: set OBJ to a writable directory"
for c in $CASES; do
	rm -f "$OUT/$c.status"
done
start=$(date +%s)
echo $CASES | tr ' ' '\n' | xargs -P "$JOBS" -n 1 sh "$0" --one

diag()
{
	[ -s "$1" ] && sed 's/^/#   /' "$1" | head -20
	return 0
}

for c in $CASES; do
	st=$(cat "$OUT/$c.status" 2>/dev/null || echo lost)
	why=$(reason "$XFAIL_IMAGE" "$c")
	[ -n "$why" ] || why=$(reason "$XFAIL" "$c")
	case $st in
	0)
		if [ -n "$why" ]; then
			tap_notok "image $c # XPASS: remove it from xfail-image.list (or xfail.list, if it passes hosted too)"
		else
			tap_ok "image $c"
		fi ;;
	77) tap_ok "image $c # SKIP $(sed -n 's/^SKIP //p' "$OUT/$c.log" | head -1)" ;;
	*)
		case $st in
		build) what="does not build" ;;
		bake) what="does not bake" ;;
		124) what="timed out after ${TIMEOUT}s" ;;
		lost) what="never ran" ;;
		*) what="exit status $st" ;;
		esac
		if [ -n "$why" ]; then
			tap_ok "image $c # SKIP xfail: $why ($what)"
		else
			tap_notok "image $c # $what"
			diag "$OUT/$c.log"
		fi ;;
	esac
done
echo "# image: $(echo $CASES | wc -w) cases in $(($(date +%s) - start)) s, $JOBS at a time"
echo "1..$N"
[ "$NOTOK" = 0 ]
