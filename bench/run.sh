#!/bin/sh
# bench/run.sh -- build and run the benchmarks; each prints its figures
# beside a reference measured in the same run.  Not part of the test
# suite: numbers are for reading, not for passing.
set -eu
TOP=$(cd "$(dirname "$0")/.." && pwd)
OBJ=$TOP/obj/posix-x86_64
RR=$TOP/rumprun
SHARE_PRESETS=$RR/share/rumprun/presets
"$TOP/build-rr.sh" -q posix
out=$OBJ/bench
mkdir -p "$out"
PC="pkg-config --cflags --libs rump"
# shellcheck disable=SC2046
cc -O2 -o "$out/kern_entry" "$TOP/bench/kern_entry.c" \
    $(PKG_CONFIG_PATH=$RR/lib/pkgconfig $PC)
echo "== kernel core (hosted) =="
"$out/kern_entry"

# System calls (issue 3): rump_sys_*() beside the native Linux calls.
SYSMODS="rumpfs_tmpfs rumpdev rumpvfs rumpsys rump"
# shellcheck disable=SC2046,SC2086
cc -O2 -o "$out/syscalls" "$TOP/bench/syscalls.c" \
    $(PKG_CONFIG_PATH=$RR/lib/pkgconfig pkg-config --cflags --libs $SYSMODS)
echo "== system calls (hosted) =="
"$out/syscalls"

# TCP (issue 8): bulk throughput between two kernels on a shmif bus (at
# MTU 1500 and 65535) and over one kernel's loopback, beside Linux's
# loopback; the last line is the goal: "bus TCP ... ratio R (goal >= 0.33)".
NETMODS="rumpnet_virtif rumpnet_inet rumpnet $SYSMODS"
# shellcheck disable=SC2046,SC2086
cc -O2 -o "$out/tcp_bulk" "$TOP/bench/tcp_bulk.c" \
    $(PKG_CONFIG_PATH=$RR/lib/pkgconfig pkg-config --cflags --libs $NETMODS) \
    -lpthread
echo "== TCP bulk (hosted) =="
"$out/tcp_bulk"

# ext2 and the fs-utils (issue 7): fsu_get -r beside debugfs rdump.
FSU_BIN=$OBJ/bin sh "$TOP/bench/fsu_get.sh"

# The toolchain (issue 5): clean build time, image size, boot time and
# getpid() inside an image; builds its own hw tree in a scratch directory.
# BENCH_IMAGE=0 leaves it out (it takes about a minute and needs QEMU).
if [ "${BENCH_IMAGE:-1}" = 1 ]; then
	sh "$TOP/bench/image.sh"
	# HTTP (issue 8): wrk against examples/httpd in an image beside
	# the same httpd natively (30 s each; needs the hw build and wrk).
	if command -v wrk >/dev/null; then
		echo "== httpd under wrk (image beside native) =="
		sh "$TOP/bench/httpd_wrk.sh" || echo "httpd_wrk: see above"
	fi
fi
