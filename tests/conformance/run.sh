#!/bin/sh
# tests/conformance/run.sh -- the system call conformance suite: builds
# every case (tests/conformance/<area>_<behaviour>.c) natively and against
# the hosted rump kernel, runs each with a timeout and prints TAP.
#
# A case that fails natively is a wrong test: always "not ok".  A rump
# failure listed in xfail.list (NAME REASON) is an expected failure and
# reported as a skip; a listed case that passes is "not ok ... # XPASS",
# so the list can only shrink.  Exit status 0 only if no "not ok".
#
# Word splitting of $CC, $CFLAGS_CONF, $RUMP_CFLAGS, $RUMP_LIBS and file
# lists is intended; case and xfail names are plain words:
# shellcheck disable=SC2086,SC2012,SC2013
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$HERE/../.." && pwd)
OBJ=${OBJ:-$TOP/obj/conformance}
RR=${RR:-$TOP/rumprun}
CC=${CC:-cc}
TIMEOUT=${TIMEOUT:-10}
XFAIL=$HERE/xfail.list
CFLAGS_CONF="-std=gnu11 -D_GNU_SOURCE -Wall -Wextra -Werror -pthread"

usage()
{
	cat <<USAGE
usage: tests/conformance/run.sh [native|rump|all|image] [CASE...]

  native   build and run every case as an ordinary Linux program (the
           reference: each must pass or skip)
  rump     build every case against the hosted rump kernel installed in
           \$RR and run it; failures listed in xfail.list are expected
  all      both (the default)
  image    build every case with the musl toolchain in \$RR, bake and
           boot it under QEMU (tests/conformance/image.sh; -h there)
  CASE     run only these cases (names without .c)

environment: OBJ (output, default $TOP/obj/conformance),
  RR (installed rump kernel, default $TOP/rumprun; build it with
  ./build-rr.sh posix), CC (default cc), TIMEOUT (seconds per case,
  default 10), RUMP_LIBS (link flags instead of pkg-config's)
USAGE
}

die()
{
	echo "tests/conformance/run.sh: $*" >&2
	exit 2
}

MODE=all
if [ $# -ge 1 ]; then
	case $1 in
	native | rump | all) MODE=$1; shift ;;
	image) shift; exec sh "$HERE/image.sh" "$@" ;;
	-h | --help) usage; exit 0 ;;
	-*) usage >&2; exit 2 ;;
	esac
fi

if [ $# -ge 1 ]; then
	CASES=$*
	for c in $CASES; do
		[ -f "$HERE/$c.c" ] || die "no case $c (no $HERE/$c.c)"
	done
else
	CASES=$(cd "$HERE" && ls -- *_*.c | sed 's/\.c$//')
fi
[ -n "$CASES" ] || die "no cases found in $HERE"

# newer OUT SRC [DEP...]: true if OUT exists and is newer than SRC, the
# shared headers and every DEP.
newer()
{
	out=$1
	shift
	[ -f "$out" ] || return 1
	[ -z "$(find "$@" "$HERE/conf.h" "$HERE/conf_libc.h" "$HERE/rumpshim.h" \
	    -newer "$out" 2>/dev/null)" ]
}

mkdir -p "$OBJ/native" "$OBJ/rump" "$OBJ/log" "$OBJ/scratch" ||
	die "cannot create $OBJ: set OBJ to a writable directory"
LAUNCH=$OBJ/launch
if ! newer "$LAUNCH" "$HERE/launch.c"; then
	$CC -std=gnu11 -Wall -Wextra -Werror -o "$LAUNCH" "$HERE/launch.c" ||
		die "cannot build the launcher $HERE/launch.c with $CC"
fi

N=0
NOTOK=0

tap_ok()
{
	N=$((N + 1))
	echo "ok $N - $*"
}

tap_notok()
{
	N=$((N + 1))
	NOTOK=$((NOTOK + 1))
	echo "not ok $N - $*"
}

# diag LOG: show a case's output as TAP diagnostics.
diag()
{
	[ -s "$1" ] && sed 's/^/#   /' "$1" | head -20
	return 0
}

# xfail_reason NAME: the xfail.list reason for NAME, empty if none.
xfail_reason()
{
	[ -f "$XFAIL" ] || return 0
	awk -v n="$1" '$1 == n { $1 = ""; sub(/^ +/, ""); print; exit }' "$XFAIL"
}

# run_case VARIANT NAME BIN: run BIN in a fresh scratch directory; sets
# STATUS (0 pass, 77 skip, 124 timeout, else failure) and LOG.
run_case()
{
	LOG=$OBJ/log/$1-$2.log
	scratch=$OBJ/scratch/$1-$2
	rm -rf "$scratch"
	mkdir -p "$scratch/tmp"
	STATUS=0
	(cd "$scratch" && CONF_TMPDIR=$scratch/tmp exec timeout "$TIMEOUT" "$LAUNCH" "$3") \
	    >"$LOG" 2>&1 </dev/null || STATUS=$?
	rm -rf "$scratch"
}

skip_reason()
{
	sed -n 's/^SKIP //p' "$LOG" | head -1
}

run_native()
{
	for c in $CASES; do
		bin=$OBJ/native/$c
		if ! newer "$bin" "$HERE/$c.c" &&
		    ! $CC $CFLAGS_CONF -o "$bin" "$HERE/$c.c" \
		    >"$OBJ/log/build-native-$c.log" 2>&1; then
			tap_notok "native $c # does not build"
			diag "$OBJ/log/build-native-$c.log"
			continue
		fi
		run_case native "$c" "$bin"
		case $STATUS in
		0) tap_ok "native $c" ;;
		77) tap_ok "native $c # SKIP $(skip_reason)" ;;
		124) tap_notok "native $c # timed out after ${TIMEOUT}s"; diag "$LOG" ;;
		*) tap_notok "native $c # exit status $STATUS"; diag "$LOG" ;;
		esac
	done
}

# rump_flags: compiler and linker flags for the installed kernel.
rump_flags()
{
	RUMP_CFLAGS="-I$RR/include"
	if [ -n "${RUMP_LIBS:-}" ]; then
		return 0
	fi
	mods=
	for m in rumpnet_inet rumpnet rumpfs_tmpfs rumpdev rumpvfs rumpsys rump; do
		[ -f "$RR/lib/pkgconfig/$m.pc" ] && mods="$mods $m"
	done
	[ -n "$mods" ] || return 1
	RUMP_CFLAGS=$(PKG_CONFIG_PATH=$RR/lib/pkgconfig pkg-config --cflags $mods)
	RUMP_LIBS=$(PKG_CONFIG_PATH=$RR/lib/pkgconfig pkg-config --libs $mods)
}

# The host libc functions a rump case may call: reporting, strings,
# malloc/free (the shim's thread start records),
# threads and signal(); anything else (a system call wrapper the shim
# does not rename) would run on the host, not in the rump kernel.
HOSTOK=" __errno_location __isoc99_sscanf __stack_chk_fail exit fflush \
fprintf gnu_dev_major gnu_dev_makedev gnu_dev_minor memchr memcmp memcpy \
malloc free memset printf pthread_create pthread_join sigaddset sigemptyset \
signal snprintf stderr stdout strcat strchr strcmp strcpy strerror strlen \
strncmp strrchr vsnprintf "

# build_rump NAME BIN: compile NAME against the kernel, refuse a case
# that calls the host directly, link BIN.
build_rump()
{
	log=$OBJ/log/build-rump-$1.log
	$CC $CFLAGS_CONF -DCONF_RUMP -include "$HERE/rumpshim.h" -I"$HERE" \
	    $RUMP_CFLAGS -c -o "$2.o" "$HERE/$1.c" >"$log" 2>&1 || return 1
	for sym in $(nm -u "$2.o" | awk '{ print $2 }'); do
		case $sym in
		rump_*) continue ;;
		esac
		case $HOSTOK in
		*" $sym "*) ;;
		*) echo "$1.c calls the host's $sym, which rumpshim.h does" \
		    "not redirect to the rump kernel: map it there or avoid it" >>"$log"
		   return 1 ;;
		esac
	done
	$CC $CFLAGS_CONF -o "$2" "$2.o" $RUMP_LIBS >>"$log" 2>&1
}

run_rump()
{
	if [ ! -f "$RR/include/rump/rump_syscalls.h" ] || ! rump_flags; then
		tap_notok "rump kernel missing: no $RR/include/rump/rump_syscalls.h" \
		    "or pkg-config files (build it: ./build-rr.sh posix, or set RR)"
		return 0
	fi
	# a stale line would hide nothing but mislead: every name must exist
	for x in $(sed -n 's/^\([a-z0-9_]*\) .*/\1/p' "$XFAIL" 2>/dev/null); do
		[ -f "$HERE/$x.c" ] ||
			tap_notok "xfail.list names $x, which is not a case: remove the line"
	done
	# a rebuilt kernel relinks every case
	RUMP_DEPS=$(ls "$RR"/lib/*.a "$RR/include/rump/"*.h 2>/dev/null | tr '\n' ' ')
	for c in $CASES; do
		bin=$OBJ/rump/$c
		reason=$(xfail_reason "$c")
		if ! newer "$bin" "$HERE/$c.c" $RUMP_DEPS &&
		    ! build_rump "$c" "$bin"; then
			rm -f "$bin"
			if [ -n "$reason" ]; then
				tap_ok "rump $c # SKIP xfail: $reason (does not build)"
			else
				tap_notok "rump $c # does not build"
				diag "$OBJ/log/build-rump-$c.log"
			fi
			continue
		fi
		run_case rump "$c" "$bin"
		if [ "$STATUS" = 77 ]; then
			tap_ok "rump $c # SKIP $(skip_reason)"
		elif [ -n "$reason" ]; then
			if [ "$STATUS" = 0 ]; then
				tap_notok "rump $c # XPASS: remove it from xfail.list"
			else
				tap_ok "rump $c # SKIP xfail: $reason"
			fi
		elif [ "$STATUS" = 0 ]; then
			tap_ok "rump $c"
		elif [ "$STATUS" = 124 ]; then
			tap_notok "rump $c # timed out after ${TIMEOUT}s"
			diag "$LOG"
		else
			tap_notok "rump $c # exit status $STATUS"
			diag "$LOG"
		fi
	done
}

case $MODE in
native) run_native ;;
rump) run_rump ;;
all) run_native; run_rump ;;
esac
echo "1..$N"
[ "$NOTOK" = 0 ]
