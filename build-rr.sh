#!/bin/sh
# build-rr.sh -- the one build driver: a thin layer over GNU make
# (buildrump/Makefile) that installs dependencies, builds a platform and
# installs it under ./rumprun.
set -eu

TOPDIR=$(cd "$(dirname "$0")" && pwd)

usage()
{
	cat <<EOF
usage: ./build-rr.sh [-j N] [-o OBJDIR] [-d DESTDIR] [-q] PLATFORM [ARCH] [STAGE...]

  PLATFORM   posix   the hosted platform: rump kernels as libraries in
                     Linux programs (librump*.a, librumpuser.a, pkg-config)
             hw      bare (virtual) metal: bootable images for QEMU/KVM
  ARCH       x86_64 (the default and, for now, the only one)

  STAGE      deps     install the Debian packages the project needs
                      (as root; non-interactive; safe to repeat)
             build    compile the components and the platform
             install  install into DESTDIR (default ./rumprun)
             test     run the tests of PLATFORM (tests/run.sh runs all)
             clean    remove OBJDIR
             Without a stage: build install.

  -j N       parallel make jobs (default: number of CPUs)
  -o OBJDIR  object directory (default ./obj/PLATFORM-ARCH)
  -d DESTDIR install directory (default ./rumprun)
  -q         quiet: no stage lines, only errors
  V=1 in the environment shows every compiler command line.
EOF
}

die()
{
	echo "build-rr.sh: $*" >&2
	exit 1
}

JOBS=$(nproc 2>/dev/null || echo 2)
OBJDIR=
DESTDIR=$TOPDIR/rumprun
QUIET=0
while getopts "j:o:d:qh" opt; do
	case $opt in
	j) JOBS=$OPTARG ;;
	o) OBJDIR=$OPTARG ;;
	d) DESTDIR=$OPTARG ;;
	q) QUIET=1 ;;
	h) usage; exit 0 ;;
	*) usage >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))

[ $# -ge 1 ] || { usage >&2; exit 2; }
PLATFORM=$1
shift
case $PLATFORM in
posix | hw) ;;
*) die "unknown platform '$PLATFORM' (expected posix or hw; -h for help)" ;;
esac
ARCH=x86_64
if [ $# -ge 1 ]; then
	case $1 in
	x86_64) shift ;;
	aarch64 | arm64 | i386 | riscv64)
		die "architecture '$1' is not supported yet (only x86_64)" ;;
	esac
fi
STAGES=${*:-build install}
for s in $STAGES; do
	case $s in
	deps | build | install | test | clean) ;;
	*) die "unknown stage '$s' (expected deps, build, install, test or clean)" ;;
	esac
done
case $JOBS in
'' | *[!0-9]*) die "-j expects a number, not '$JOBS'" ;;
esac
[ -n "$OBJDIR" ] || OBJDIR=$TOPDIR/obj/$PLATFORM-$ARCH

say()
{
	[ "$QUIET" = 1 ] || echo "$@"
}

# stage NAME COMMAND...: run one stage and report its elapsed seconds.
stage()
{
	name=$1
	shift
	t0=$(date +%s)
	"$@" || die "stage '$name' failed (run again with V=1 for full command lines)"
	say "==> $name $PLATFORM-$ARCH ($(($(date +%s) - t0))s)"
}

run_make()
{
	quiet=-s
	[ "${V:-0}" = 1 ] && quiet=
	make $quiet --no-print-directory -j"$JOBS" -f "$TOPDIR/buildrump/Makefile" \
	    PLATFORM="$PLATFORM" ARCH="$ARCH" OBJDIR="$OBJDIR" \
	    DESTDIR="$DESTDIR" "$@"
}

do_deps()
{
	[ "$(id -u)" = 0 ] || die "deps installs Debian packages: run it as root"
	command -v apt-get >/dev/null || die "deps needs apt-get (Debian 12)"
	pkgs=$(sed 's/#.*//' "$TOPDIR/ci/debian-packages" | tr -s ' \n' ' ')
	# shellcheck disable=SC2086
	missing=$(dpkg-query -W -f='${Package} ${Status}\n' $pkgs 2>/dev/null |
	    awk '$NF != "installed" {print $1}')
	for p in $pkgs; do
		dpkg-query -W "$p" >/dev/null 2>&1 || missing="$missing $p"
	done
	if [ -n "$(echo $missing)" ]; then
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq >/dev/null
		# shellcheck disable=SC2086
		apt-get install -y -qq --no-install-recommends $missing \
		    >/dev/null || return 1
	fi
	# musl comes from Debian's source package: deb-src entries needed.
	sh "$TOPDIR/buildrump/musl/enable-deb-src.sh" >/dev/null
}

# The hw platform's libc (musl with our overlay) and cross toolchain.
do_libc()
{
	JOBS=$JOBS sh "$TOPDIR/buildrump/musl/build.sh" "$OBJDIR" "$DESTDIR" &&
	    sh "$TOPDIR/toolchain-wrappers/install.sh" "$DESTDIR" >/dev/null
}

for s in $STAGES; do
	case $s in
	deps) stage deps do_deps ;;
	build)
		stage build run_make all
		if [ "$PLATFORM" = hw ]; then
			stage libc do_libc
			stage base run_make base
		fi ;;
	install)
		stage install run_make install
		[ "$PLATFORM" != hw ] || run_make install-base ;;
	test) stage test sh "$TOPDIR/tests/run.sh" "$PLATFORM" ;;
	clean) stage clean rm -rf "$OBJDIR" ;;
	esac
done
