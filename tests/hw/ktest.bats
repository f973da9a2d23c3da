#!/usr/bin/env bats
# ktest.bats -- the kernel self-tests (tests/*/ktest_*.c), the very same
# sources the hosted suite runs, booted on the hw platform under QEMU on
# both machine types: the anykernel claim, checked.

load ../bats/helpers

setup_file() {
	command -v qemu-system-x86_64 >/dev/null || skip "qemu-system-x86_64 is not installed"
	export OBJHW=${OBJHW:-$TOP/obj/hw-x86_64}
	[ -f "$OBJHW/ktest.img" ] || skip "no $OBJHW/ktest.img (tests/run.sh builds it)"
	accel=$("$TOP/tests/hw/accel.sh" "$OBJHW/probe.img")
	export ACCEL=${accel%% *}
	echo "# accelerator: $accel" >&3
}

# boot MACHINE MEM CMDLINE: run the self-test image, output in $output.
boot() {
	run timeout 120 qemu-system-x86_64 -M "$1" -accel "$ACCEL" -m "$2" \
	    -display none -no-reboot -serial stdio -monitor none \
	    -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
	    -kernel "$OBJHW/ktest.img" -append "$3"
	echo "$output" | grep -E '^(not ok|# )' || true
}

@test "kernel self-tests pass on pc" {
	boot pc 64 "--"
	[ "$status" -eq 3 ]
	[[ "$output" == *"# kernel self-tests on hw: "*" 0 failed"* ]]
	# The same tests as the hosted runner has: one source, two hosts.
	n=$(echo "$output" | sed -n 's/^1\.\.\([0-9]*\)$/\1/p')
	hosted=$("$TBIN/ktest" -l | wc -l)
	echo "hw ran $n tests, the hosted runner has $hosted"
	[ "$n" -eq "$hosted" ]
}

@test "kernel self-tests pass on microvm" {
	boot microvm 64 "--"
	[ "$status" -eq 3 ]
	[[ "$output" == *" 0 failed"* ]]
}

@test "kernel self-tests pass in 8 MiB of guest RAM" {
	boot microvm 8 "--"
	[ "$status" -eq 3 ]
	[[ "$output" == *" 0 failed"* ]]
}

@test "the memory limit defaults to guest RAM and is enforced" {
	boot pc 16 "-- memlimit"
	[ "$status" -eq 3 ]
	[[ "$output" == *"ok 1 - memlimit_shrinks_then_enomem"* ]]
	[[ "$output" != *"SKIP"* ]]
	boot pc 64 "RUMP_MEMLIMIT=4m -- memlimit"
	[ "$status" -eq 3 ]
	[[ "$output" == *"ok 1 - memlimit_shrinks_then_enomem"* ]]
}

@test "bootstrap parameters come from the boot command line" {
	boot pc 32 "RUMP_VERBOSE=1 -- libkern_strings"
	[ "$status" -eq 3 ]
	[[ "$output" == *"rump: kernel ready"* ]]
	boot pc 32 "RUMP_NCPU=abc -- libkern_strings"
	[ "$status" -eq 5 ]   # the runner reports, the image exits 1 (QEMU: 2*1+3)
	[[ "$output" == *"RUMP_NCPU=abc"* ]]
	[[ "$output" == *"not ok 1 - rump_init failed"* ]]
}
