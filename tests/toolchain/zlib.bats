#!/usr/bin/env bats
# zlib.bats -- a real package through the toolchain: Debian's zlib source
# package, cross-compiled with the wrapper both ways zlib's (hand-written,
# not autotools) configure offers, gives `example` and `minigzip`; baked
# with hw_virtio and booted, `example` passes and minigzip round-trips a
# file on tmpfs byte for byte.
#
# How the round trip is shown.  An image runs one program, and two boots
# share no tmpfs, so:
#  - inside one image: minigzip-roundtrip.c links zlib's own minigzip.o,
#    its `main` renamed minigzip_main with the wrapper's objcopy, and
#    calls it as a shell would ("minigzip /data/file", then "minigzip -d
#    /data/file.gz") on a file baked in with `rumprun-bake -f`, then
#    compares the result with a second baked copy, byte for byte;
#  - the unmodified minigzip image, across the host boundary: the serial
#    console is binary clean (the launcher with -q adds nothing to
#    stdout), so `minigzip -c /data/file` run in the image must give a
#    stream that the host's gzip decompresses to the original, and
#    `minigzip -d -c` of host gzip's output must give the original back.
# The test file mixes text, random bytes and the bytes a console could
# mangle (NUL, CR, LF, Ctrl-D, 0xff).
#
# Source: `apt-get source zlib` (needs deb-src entries:
# buildrump/musl/enable-deb-src.sh adds them), or ZLIB_SRC=DIR|TARBALL.
# Needs `./build-rr.sh hw` into $RR and qemu-system-x86_64.

load ../bats/helpers

T=x86_64-rumprun-linux-musl

# zlib_source DIR: unpack zlib's source into DIR (a fresh directory).
zlib_source()
{
	if [ -n "${ZLIB_SRC:-}" ]; then
		if [ -d "$ZLIB_SRC" ]; then
			cp -R "$ZLIB_SRC/." "$1"
		else
			tar -xf "$ZLIB_SRC" -C "$1" --strip-components=1
		fi
		return
	fi
	(cd "$BATS_FILE_TMPDIR/apt" && apt-get source zlib) >"$BATS_FILE_TMPDIR/apt.log" 2>&1 || {
		cat "$BATS_FILE_TMPDIR/apt.log" >&2
		echo "apt-get source zlib failed: enable deb-src entries (buildrump/musl/enable-deb-src.sh) or set ZLIB_SRC=DIR|TARBALL" >&2
		return 1
	}
	cp -R "$BATS_FILE_TMPDIR"/apt/zlib-*/. "$1"
}

# build DIR ENV...: configure (with ENV and --static) and make example
# and minigzip in DIR, logging to DIR/build.log.
build()
{
	d=$1
	shift
	(cd "$d" && env "$@" ./configure --static && make -j2 example minigzip) \
	    >"$d/build.log" 2>&1
}

setup_file()
{
	command -v qemu-system-x86_64 >/dev/null || skip "qemu-system-x86_64 is not installed"
	[ -x "$RR/bin/$T-cc" ] || skip "no toolchain in $RR: ./build-rr.sh hw"
	export W=$BATS_FILE_TMPDIR PATH="$RR/bin:$PATH"
	mkdir -p "$W/apt" "$W/src" "$W/cc" "$W/data/data" "$W/data/ref"
	zlib_source "$W/src"
	[ -f "$W/src/zlib.h" ] && [ -f "$W/src/test/minigzip.c" ] || {
		echo "$W/src does not hold zlib's source" >&2
		return 1
	}
	cp -R "$W/src/." "$W/cc"
	build "$W/cc" CC="$T-cc" || { cat "$W/cc/build.log" >&2; return 1; }

	{
		cat "$W/src/zlib.h"
		head -c 65536 /dev/urandom
		printf '\000\r\n\004\377\r\r\n\n\000'
	} >"$W/data/data/file"
	cp "$W/data/data/file" "$W/data/ref/file"
}

# boot IMAGE [ARGS...]: run it with the launcher, quiet.
boot()
{
	run timeout 300 rumprun qemu -q -M 64 -- "$@"
}

# is_unbaked FILE: an ELF relocatable carrying the rumprun note.
is_unbaked()
{
	readelf -h "$1" | grep -q 'REL (Relocatable file)' &&
	    readelf -p .note.rumprun "$1" | grep -q "rumprun-unbaked v1 $T\$"
}

@test "CC=$T-cc ./configure --static builds example and minigzip unbaked" {
	grep 'Building static library libz.a' "$W/cc/build.log"
	grep -q "^CC=$T-cc\$" "$W/cc/Makefile"
	is_unbaked "$W/cc/example"
	is_unbaked "$W/cc/minigzip"
}

@test "CHOST=$T ./configure (host style) uses the target's tools and builds" {
	mkdir "$W/chost"
	cp -R "$W/src/." "$W/chost"
	# without --static: configure finds -shared refused and goes static
	(cd "$W/chost" && CHOST=$T ./configure && make -j2 example minigzip) >"$W/chost.log" 2>&1 ||
		{ cat "$W/chost.log"; return 1; }
	grep "No shared library support" "$W/chost.log"
	for t in gcc ar ranlib; do
		grep -q "^[A-Z]*=$T-$t\$" "$W/chost/Makefile" || { echo "no $T-$t in Makefile"; return 1; }
	done
	is_unbaked "$W/chost/example"
	is_unbaked "$W/chost/minigzip"
	rumprun-bake hw_virtio "$W/chost/example.img" "$W/chost/example"
	boot "$W/chost/example.img"
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == *"inflate with dictionary: hello, hello!"* ]]
}

@test "example passes in an image and prints what it prints natively" {
	rumprun-bake hw_virtio "$W/example.img" "$W/cc/example"
	# the same source built natively: the reference output
	(cd "$W/src" && cc -O2 -D_LARGEFILE64_SOURCE=1 -I. -o "$W/example.native" \
	    test/example.c adler32.c crc32.c deflate.c infback.c inffast.c \
	    inflate.c inftrees.c trees.c zutil.c compress.c uncompr.c gzclose.c \
	    gzlib.c gzread.c gzwrite.c)
	mkdir "$W/native-run"
	expected=$(cd "$W/native-run" && "$W/example.native")
	boot "$W/example.img"
	echo "$output"
	[ "$status" -eq 0 ]
	version=$(sed -n 's/^#define ZLIB_VERSION "\(.*\)"/\1/p' "$W/src/zlib.h")
	[[ "${lines[0]}" == "zlib version $version = "* ]]
	[[ "$output" == *"uncompress(): hello, hello!"* ]]
	[[ "$output" == *"gzread(): hello, hello!"* ]]
	[[ "$output" == *"large_inflate(): OK"* ]]
	[ "$output" = "$expected" ]
}

@test "minigzip compresses and decompresses a file on tmpfs, byte for byte, in one image" {
	(cd "$W/cc" && $T-objcopy --redefine-sym main=minigzip_main minigzip.o minigzip-lib.o &&
	    $T-cc -O2 -Wall -Wextra -Werror -o roundtrip \
	    "$TOP/tests/toolchain/minigzip-roundtrip.c" minigzip-lib.o libz.a)
	rumprun-bake -f "$W/data" hw_virtio "$W/roundtrip.img" "$W/cc/roundtrip"
	boot "$W/roundtrip.img" /data/file /ref/file
	echo "$output"
	[ "$status" -eq 0 ]
	size=$(wc -c <"$W/data/data/file")
	[ "${lines[0]}" = "/data/file: $size bytes on tmpfs" ]
	[[ "${lines[1]}" == "minigzip /data/file: "*" bytes of gzip" ]]
	[ "${lines[2]}" = "minigzip -d /data/file.gz: $size bytes" ]
	[ "${lines[3]}" = "/data/file is identical to /ref/file" ]
}

@test "the unmodified minigzip's gzip is host gzip's, both ways, over a binary-clean console" {
	rumprun-bake -f "$W/data" hw_virtio "$W/minigzip.img" "$W/cc/minigzip"
	timeout 300 rumprun qemu -q -M 64 -- "$W/minigzip.img" -c /data/file >"$W/out.gz"
	gzip -dc "$W/out.gz" | cmp - "$W/data/ref/file"

	mkdir -p "$W/gz/data"
	gzip -9c "$W/data/ref/file" >"$W/gz/data/file.gz"
	rumprun-bake -f "$W/gz" hw_virtio "$W/gunzip.img" "$W/cc/minigzip"
	timeout 300 rumprun qemu -q -M 64 -- "$W/gunzip.img" -d -c /data/file.gz >"$W/out"
	cmp "$W/out" "$W/data/ref/file"
}

@test "a corrupted gzip stream is an error in the image, not a crash" {
	mkdir -p "$W/bad/data"
	gzip -9c "$W/data/ref/file" | head -c 4000 >"$W/bad/data/file.gz"
	printf 'garbage' >>"$W/bad/data/file.gz"
	rumprun-bake -f "$W/bad" hw_virtio "$W/bad.img" "$W/cc/minigzip"
	boot "$W/bad.img" -d -c /data/file.gz
	[ "$status" -eq 1 ]
	# minigzip's error(): "PROG: MESSAGE", and argv[0] is the image's name
	[[ "$output" == *"bad.img: "* ]]
}
