#!/bin/sh
# bench/image.sh -- the toolchain's figures (issue 5), each beside its
# goal or a reference measured in the same run:
#   1. `build-rr.sh hw` from clean into a scratch OBJDIR/DESTDIR (musl's
#      source fetch and build included)            goal < 5 minutes
#   2. the baked hello image's size, stripped      goal < 300 KB
#      (and, when over or near, what takes the room: per archive, from
#      the bake's link map)
#   3. hello's boot-to-exit wall time beside the empty multiboot kernel's,
#      same QEMU command, machine and accelerator  goal ratio <= 1.2
#   4. ns per getpid() inside an image, beside the native Linux call
# Everything is built in the scratch directory from the fresh build: the
# tree's obj/ and rumprun/ are not touched.  Not a test: figures to read.
#
# usage: bench/image.sh [-k] [RUNS]    RUNS boots per median (default 11)
#   -k  keep the scratch directory (printed)
# BENCH_TMP: where the scratch directory goes (default /tmp).
set -eu
TOP=$(cd "$(dirname "$0")/.." && pwd)
KEEP=0
if [ "${1:-}" = -k ]; then
	KEEP=1
	shift
fi
runs=${1:-11}
case $runs in '' | *[!0-9]*) echo "usage: bench/image.sh [-k] [RUNS]" >&2; exit 2 ;; esac
T=x86_64-rumprun-linux-musl

S=$(mktemp -d "${BENCH_TMP:-/tmp}/rumprun-bench.XXXXXX")
if [ "$KEEP" = 1 ]; then
	echo "scratch directory: $S"
else
	trap 'rm -rf "$S"' EXIT INT TERM
fi
OBJ=$S/obj
RR=$S/rumprun
B=$S/bench
mkdir -p "$B"

now_ms() { date +%s%3N; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews every figure)"
echo "== build-rr.sh hw from clean (2 jobs; includes fetching and building musl) =="
t0=$(now_ms)
"$TOP/build-rr.sh" -q -j2 -o "$OBJ" -d "$RR" hw >"$B/build.log" 2>&1 ||
	{ cat "$B/build.log"; echo "bench/image.sh: the build failed" >&2; exit 1; }
t1=$(now_ms)
ms=$((t1 - t0))
echo "build-rr.sh hw: $((ms / 1000)).$(((ms % 1000) / 100)) s on $(nproc) CPUs (goal < 300 s)"

echo "== hello image size =="
"$RR/bin/$T-cc" -O2 -o "$B/hello" "$TOP/examples/hello/hello.c"
"$RR/bin/rumprun-bake" -m "-Map=$B/hello.map" hw_virtio "$B/hello.img" "$B/hello"
cp "$B/hello.img" "$B/hello.wstrip"
"$RR/bin/$T-strip" "$B/hello.wstrip"
cp "$B/hello.img" "$B/hello.strip"
strip --strip-all "$B/hello.strip"
size_of() { wc -c <"$1" | tr -d ' '; }
full=$(size_of "$B/hello.strip")
echo "baked hello.img: $(size_of "$B/hello.img") bytes unstripped"
echo "  $T-strip (debug information only; keeps symbols): $(size_of "$B/hello.wstrip") bytes"
echo "  strip --strip-all: $full bytes = $(awk -v b="$full" 'BEGIN { printf "%.1f KiB", b / 1024 }') (goal < 300 KB)"
size "$B/hello.img" | sed 's/^/  /'
echo "  loaded sections (bytes):"
size -A "$B/hello.img" | awk 'NF == 3 && $2 ~ /^[0-9]+$/ && $3 > 0 { printf "    %-16s %7d\n", $1, $2 }'
echo "  bytes in the file per archive (and in .bss), from the link map:"
awk -f "$TOP/bench/mapsize.awk" "$B/hello.map" | sort -rn | awk '$1 + $2 > 0 { printf "    %8d %8d  %s\n", $1, $2, $3 }'

echo "== boot to exit: hello beside the empty multiboot kernel (median of $runs) =="
make --no-print-directory -s -f "$TOP/tests/hw/tests.mk" -C "$TOP" OBJDIR="$B" \
    "$B/tests/hw/empty.elf"
accel=$("$TOP/tests/hw/accel.sh" "$OBJ/probe.img")
acc=${accel%% *}
# boot_ms MACHINE IMAGE APPEND: one boot's wall time in ms; it must end
# with the guest's exit status 0 (QEMU status 3).
boot_ms()
{
	t0=$(now_ms)
	rc=0
	qemu-system-x86_64 -M "$1" -accel "$acc" -m 32 -display none \
	    -no-reboot -serial null -monitor none \
	    -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
	    -kernel "$2" -append "$3" </dev/null >/dev/null 2>&1 || rc=$?
	t1=$(now_ms)
	[ "$rc" -eq 3 ] || { echo "bench/image.sh: $2 on $1: QEMU status $rc, expected 3" >&2; exit 1; }
	echo $((t1 - t0))
}
median() { sort -n "$1" | sed -n "$(((runs + 1) / 2))p"; }
# the boot configuration the launcher gives hello (rumprun print)
conf='-- {"argv":["hello.img"],"env":[],"cwd":"/"}'
echo "accelerator: $accel"
# The two kernels boot alternately, so a change in the machine's load
# weighs on both medians alike.
for m in pc microvm; do
	: >"$B/empty.times"
	: >"$B/hello.times"
	i=0
	while [ $i -lt "$runs" ]; do
		boot_ms "$m" "$B/tests/hw/empty.elf" "" >>"$B/empty.times"
		boot_ms "$m" "$B/hello.img" "$conf" >>"$B/hello.times"
		i=$((i + 1))
	done
	empty=$(median "$B/empty.times")
	hello=$(median "$B/hello.times")
	echo "$m: hello boot+exit $hello ms, empty multiboot kernel $empty ms, ratio $(ratio "$hello" "$empty") (goal <= 1.2)"
done
: >"$B/times"
i=0
while [ $i -lt "$runs" ]; do
	t0=$(now_ms)
	"$RR/bin/rumprun" qemu -q -M 32 -- "$B/hello.img" >/dev/null
	t1=$(now_ms)
	echo $((t1 - t0)) >>"$B/times"
	i=$((i + 1))
done
echo "for comparison, the whole launcher (rumprun qemu -q -- hello.img): $(median "$B/times") ms"

echo "== getpid() inside an image (accelerator: $acc) =="
"$RR/bin/$T-cc" -O2 -o "$B/getpid" "$TOP/bench/getpid.c"
"$RR/bin/rumprun-bake" hw_virtio "$B/getpid.img" "$B/getpid"
cc -O2 -o "$B/getpid.native" "$TOP/bench/getpid.c"
img=$("$RR/bin/rumprun" qemu -q -M 32 -- "$B/getpid.img")
nat=$("$B/getpid.native")
echo "in an image:  $img"
echo "native Linux: $nat"
a=$(echo "$img" | awk '{ print $2 }')
b=$(echo "$nat" | awk '{ print $2 }')
echo "ratio image/native $(ratio "$a" "$b")$([ "$acc" = tcg ] && echo " (under TCG the guest's instructions are emulated: compare with bench/syscalls for the kernel path itself)")"
