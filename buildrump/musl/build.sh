#!/bin/sh
# build.sh -- build musl libc for rump kernel images: fetch the pinned
# source (Debian's source package), lay rumprun's overlay over a copy of it
# in the object directory, compile it statically with the host gcc and
# install headers, libc.a and crt objects into the target's sysroot.
set -eu

MUSL_VERSION=1.2.3
MUSL_DEB_VERSION=1.2.3-1
# sha256 of musl-1.2.3.tar.gz as released upstream (= Debian's .orig.tar.gz)
MUSL_PIN_SHA256=7d5b0b6062521e4627e099e4c9dc8248d32a30285e959b7eecaa780cf8cfd4a4
TARGET=x86_64-rumprun-linux-musl

HERE=$(cd "$(dirname "$0")" && pwd)
TOPDIR=$(cd "$HERE/../.." && pwd)

usage()
{
	cat <<EOF
usage: buildrump/musl/build.sh OBJDIR [DESTDIR]

  Builds musl $MUSL_VERSION with rumprun's overlay (buildrump/musl/overlay)
  in OBJDIR/musl and installs it into DESTDIR/$TARGET/{include,lib}
  (DESTDIR defaults to $TOPDIR/rumprun).  Does nothing when that
  build is already installed and nothing it depends on changed.

  Environment:
    MUSL_SRC=FILE|DIR  use this musl-$MUSL_VERSION tarball or unpacked source
                       instead of \`apt-get source musl=$MUSL_DEB_VERSION\`
    MUSL_SHA256=HEX    accept a tarball with this sha256 instead of the pin
    MUSL_CC=CC         host C compiler for musl (default gcc)
    JOBS=N             parallel make jobs (default 2)
    V=1                show every command and musl's build output
EOF
}

die()
{
	echo "musl/build.sh: $*" >&2
	exit 1
}

say()
{
	[ "${V:-0}" != 1 ] || echo "musl: $*"
}

if [ $# -lt 1 ] || [ $# -gt 2 ]; then usage >&2; exit 2; fi
case $1 in -h | --help) usage; exit 0 ;; esac
mkdir -p "$1" || die "cannot create object directory '$1'"
OBJDIR=$(cd "$1" && pwd)
DESTDIR=${2:-$TOPDIR/rumprun}
mkdir -p "$DESTDIR" || die "cannot create '$DESTDIR'"
DESTDIR=$(cd "$DESTDIR" && pwd)
SYSROOT=$DESTDIR/$TARGET
W=$OBJDIR/musl
LOG=$W/build.log
CC_MUSL=${MUSL_CC:-gcc}
JOBS=${JOBS:-2}
PIN=${MUSL_SHA256:-$MUSL_PIN_SHA256}
mkdir -p "$W"
[ "${V:-0}" != 1 ] || set -x

# run CMD...: run a build step, its output in $LOG unless V=1; on failure
# show the end of the log.
run()
{
	if [ "${V:-0}" = 1 ]; then
		"$@" || die "failed: $*"
	else
		"$@" >>"$LOG" 2>&1 || {
			tail -n 12 "$LOG" >&2
			die "failed: $* (full log: $LOG; V=1 shows everything)"
		}
	fi
}

# check_sha256 FILE: the tarball is the pinned one.
check_sha256()
{
	sum=$(sha256sum "$1" | cut -d' ' -f1)
	[ "$sum" = "$PIN" ] && return 0
	die "checksum mismatch for $1:
  expected sha256 $PIN (musl $MUSL_VERSION)
  got      sha256 $sum
Delete the file and run again, point MUSL_SRC= at a good musl-$MUSL_VERSION.tar.gz,
or accept this one deliberately with MUSL_SHA256=$sum."
}

# fetch: set SRC_KIND (tar|dir) and SRC (the tarball or the directory).
fetch()
{
	if [ -n "${MUSL_SRC:-}" ]; then
		if [ -d "$MUSL_SRC" ]; then
			if [ ! -f "$MUSL_SRC/Makefile" ] || [ ! -d "$MUSL_SRC/src" ]; then
				die "MUSL_SRC=$MUSL_SRC is not a musl source directory (no Makefile or src/)"
			fi
			v=$(cat "$MUSL_SRC/VERSION" 2>/dev/null || echo unknown)
			[ "$v" = "$MUSL_VERSION" ] ||
				echo "musl/build.sh: warning: $MUSL_SRC is musl $v; the overlay was written for $MUSL_VERSION" >&2
			SRC_KIND=dir
			SRC=$(cd "$MUSL_SRC" && pwd)
			return 0
		fi
		[ -f "$MUSL_SRC" ] || die "MUSL_SRC=$MUSL_SRC: no such file or directory"
		check_sha256 "$MUSL_SRC"
		SRC_KIND=tar
		SRC=$MUSL_SRC
		return 0
	fi
	dl=$OBJDIR/musl-src
	SRC=$dl/musl_$MUSL_VERSION.orig.tar.gz
	SRC_KIND=tar
	if [ ! -f "$SRC" ]; then
		command -v apt-get >/dev/null ||
			die "no apt-get here: set MUSL_SRC=/path/to/musl-$MUSL_VERSION.tar.gz (from https://musl.libc.org/releases/)"
		mkdir -p "$dl"
		say "fetching musl $MUSL_DEB_VERSION with apt-get source"
		(cd "$dl" && apt-get source --download-only -qq "musl=$MUSL_DEB_VERSION") \
		    >"$dl/apt.log" 2>&1 || {
			cat "$dl/apt.log" >&2
			die "apt-get source musl=$MUSL_DEB_VERSION failed.
If apt has no deb-src entries, run (as root) $HERE/enable-deb-src.sh;
otherwise set MUSL_SRC=/path/to/musl-$MUSL_VERSION.tar.gz."
		}
		[ -f "$SRC" ] || die "apt-get source did not produce $SRC (see $dl/apt.log)"
	fi
	check_sha256 "$SRC"
}

# build_key: a digest of everything the installed libc depends on.
build_key()
{
	{
		echo "$MUSL_VERSION $SRC_KIND $SRC $SYSROOT"
		if [ "$SRC_KIND" = tar ]; then
			sha256sum <"$SRC"
		else
			find "$SRC" -type f -newer "$W/key" 2>/dev/null | sort
		fi
		(cd "$HERE" && find overlay -type f | LC_ALL=C sort | xargs cat)
		cat "$HERE/build.sh"
		"$CC_MUSL" --version 2>/dev/null | head -1
	} | sha256sum | cut -d' ' -f1
}

# make_tree: a fresh copy of musl's source with the overlay in place.
# musl's Makefile builds src/DIR/x86_64/NAME.{s,S,c} instead of the
# generic src/DIR/NAME.c, and prefers .s over .c for the same name, so
# each overlay .c must remove the .s/.S it replaces.
make_tree()
{
	t=$W/tree
	rm -rf "$t"
	mkdir -p "$t"
	if [ "$SRC_KIND" = tar ]; then
		run tar -xzf "$SRC" -C "$t" --strip-components=1
	else
		run cp -R "$SRC/." "$t/"
	fi
	[ -f "$t/configure" ] || die "$SRC does not look like musl (no configure)"
	# The overlay's atomic_arch.h wraps musl's own, which keeps its
	# content under another name.
	mv "$t/arch/x86_64/atomic_arch.h" "$t/arch/x86_64/atomic_arch_musl.h"
	cp -R "$HERE/overlay/." "$t/"
	for c in $(cd "$HERE/overlay" && find src -path '*/x86_64/*.c'); do
		rm -f "$t/${c%.c}.s" "$t/${c%.c}.S"
	done
	# No trap may survive: a `syscall` instruction in a rump kernel image
	# would go to whatever runs below the kernel, not to the kernel.
	cd "$t"
	left=$(grep -lE '^[[:space:]]*syscall([[:space:]]|$)' \
	    src/*/x86_64/*.s src/*/x86_64/*.S crt/x86_64/* 2>/dev/null) || :
	left="$left$(grep -lE '"[[:space:]]*syscall([[:space:]]|\\|")' \
	    arch/x86_64/*.h src/*/x86_64/*.c 2>/dev/null)" || :
	# Nor a hlt outside the wrapped original (see atomic_arch.h).
	left="$left$(grep -lE '"[[:space:]]*hlt|^[[:space:]]*hlt' arch/x86_64/*.h \
	    src/*/x86_64/*.[csS] 2>/dev/null | grep -v atomic_arch_musl.h)" || :
	cd "$W"
	[ -z "$left" ] || die "musl files still trap directly (add overlay replacements): $left"
}

fetch
mkdir -p "$W"
[ -f "$W/key" ] || : >"$W/key"
key=$(build_key)
if [ "$(cat "$W/key")" = "$key" ] && [ -f "$SYSROOT/lib/libc.a" ] &&
    [ -f "$SYSROOT/include/stdio.h" ]; then
	say "up to date ($SYSROOT)"
	exit 0
fi

: >"$LOG"
say "preparing the source tree in $W/tree"
make_tree
rm -rf "$W/build"
mkdir -p "$W/build"
say "configuring and building (log: $LOG)"
cd "$W/build"
run env CC="$CC_MUSL" AR=ar RANLIB=ranlib "$W/tree/configure" \
    --target=x86_64-linux-musl --disable-shared --disable-wrapper \
    --prefix="$SYSROOT" CFLAGS=-O2
run make -j"$JOBS" DESTDIR=
run make DESTDIR= install-libs install-headers
# Which libc this sysroot holds, for people and for rumprun-bake.
echo "musl $MUSL_VERSION (Debian $MUSL_DEB_VERSION) + rumprun overlay" \
    >"$SYSROOT/lib/musl-version"
echo "$key" >"$W/key"
say "installed into $SYSROOT"
