#!/bin/sh
# bench/boot.sh [RUNS] -- median wall time from launching QEMU to the
# guest's exit, for the kernel booted on hw (rump_init of every component,
# then exit: the self-test image with no test selected) beside an empty
# multiboot kernel that writes one line and exits, on the same machine
# type and accelerator.  Goal: ratio at most 1.2 -- the kernel's own
# start-up fits in the noise of QEMU's.
set -eu
TOP=$(cd "$(dirname "$0")/.." && pwd)
OBJHW=$TOP/obj/hw-x86_64
runs=${1:-11}
"$TOP/build-rr.sh" -q hw
make --no-print-directory -s -f "$TOP/buildrump/Makefile" PLATFORM=hw hw-tests
make --no-print-directory -s -f "$TOP/tests/hw/tests.mk" -C "$TOP" OBJDIR="$OBJHW/bench" \
    "$OBJHW/bench/tests/hw/empty.elf"
accel=$("$TOP/tests/hw/accel.sh" "$OBJHW/probe.img")
acc=${accel%% *}

now_ms() { date +%s%3N; }

# median_ms MACHINE IMAGE APPEND EXPECT: median of $runs boots, in ms.
median_ms()
{
	i=0
	: >"$OBJHW/bench/times"
	while [ $i -lt "$runs" ]; do
		t0=$(now_ms)
		rc=0
		qemu-system-x86_64 -M "$1" -accel "$acc" -m 32 -display none \
		    -no-reboot -serial null -monitor none \
		    -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
		    -kernel "$2" -append "$3" </dev/null >/dev/null 2>&1 || rc=$?
		t1=$(now_ms)
		[ "$rc" -eq "$4" ] || { echo "bench/boot.sh: $2 exited $rc, expected $4" >&2; exit 1; }
		echo $((t1 - t0)) >>"$OBJHW/bench/times"
		i=$((i + 1))
	done
	sort -n "$OBJHW/bench/times" | sed -n "$(((runs + 1) / 2))p"
}

echo "boot to exit, median of $runs runs, accelerator $accel"
for m in microvm pc; do
	empty=$(median_ms "$m" "$OBJHW/bench/tests/hw/empty.elf" "" 3)
	kern=$(median_ms "$m" "$OBJHW/ktest.img" "-- no-test-selected" 3)
	echo "$m: kernel boot+exit ${kern} ms, empty multiboot kernel ${empty} ms, ratio $(awk -v a="$kern" -v b="$empty" 'BEGIN { printf "%.2f", a / b }') (goal <= 1.2)"
done
