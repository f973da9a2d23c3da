#!/usr/bin/env bats
# hw.bats -- boots the hw platform's test images under qemu-system-x86_64
# on the pc and microvm machines (plus q35 and PVH variants) and checks
# their console output and exit status.  Run from anywhere:
#
#	bats tests/hw/hw.bats
#
# HWT_OBJDIR (default: a temporary directory) holds the build.  The
# accelerator is KVM when /dev/kvm passes a quick probe (a thread switch
# with floating-point state), else TCG; the choice is printed.  Nothing
# here depends on TCG: the same checks must pass on KVM.

REPO=$(cd "$BATS_TEST_DIRNAME/../.." && pwd)
STATUS="$REPO/platforms/hw/x86_64/qemu-status.sh"

setup_file() {
	command -v qemu-system-x86_64 >/dev/null ||
		skip "qemu-system-x86_64 is not installed"
	export HWT_OBJDIR="${HWT_OBJDIR:-$BATS_FILE_TMPDIR/obj}"
	make -C "$REPO" -f tests/hw/tests.mk OBJDIR="$HWT_OBJDIR" -j2 >&2
	export IMG="$HWT_OBJDIR/tests/hw"

	ACCEL=tcg
	why="no usable /dev/kvm"
	if [ -w /dev/kvm ]; then
		rc=0
		timeout 8 qemu-system-x86_64 -accel kvm -M microvm -m 8 \
		    -display none -serial none -no-reboot \
		    -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
		    -kernel "$IMG/selftest.elf" -append SELFTEST_QUICK=1 \
		    >/dev/null 2>&1 || rc=$?
		if [ "$rc" -eq 3 ]; then
			ACCEL=kvm
			why="kvm probe passed"
		else
			why="kvm probe failed (QEMU status $rc)"
		fi
	fi
	export ACCEL
	echo "# accelerator: $ACCEL ($why)" >&3
}

# boot TIMEOUT MACHINE MEM IMAGE [QEMU ARGS...]: run QEMU with the image;
# $output is the console, $qstatus QEMU's status, $decoded and $pstatus
# what qemu-status.sh makes of it, $elapsed_ms the wall time.
boot() {
	local tmo=$1 machine=$2 mem=$3 image=$4
	shift 4
	local t0 t1
	t0=$(date +%s%N)
	run timeout "$tmo" qemu-system-x86_64 -accel "$ACCEL" -M "$machine" \
	    -m "$mem" -display none -serial stdio -no-reboot \
	    -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
	    -kernel "$image" "$@"
	t1=$(date +%s%N)
	elapsed_ms=$(((t1 - t0) / 1000000))
	qstatus=$status
	pstatus=0
	decoded=$("$STATUS" decode "$qstatus") || pstatus=$?
	echo "# $machine -m $mem: QEMU status $qstatus: $decoded (${elapsed_ms} ms)"
}

ARGS='SELFTEST_KEY=hello SELFTEST_QUOTED="two words" SELFTEST_EXIT=42 -- rest AFTER=1'

# selftest MACHINE MEM [QEMU ARGS...]: all checks pass, status 42.
selftest() {
	local machine=$1 mem=$2
	shift 2
	boot 120 "$machine" "$mem" "$IMG/selftest.elf" -append "$ARGS" "$@"
	echo "$output" | grep -E '^not ok|selftest:' || true
	[[ "$output" == *"selftest: all "*" checks passed"* ]]
	[ "$decoded" = "exit 42" ]
	[ "$pstatus" -eq 42 ]
}

# crash MACHINE KIND: the exception report, then the panic status in 5 s.
crash() {
	boot 5 "$1" 8 "$IMG/crash.elf" -append "CRASH=$2"
	echo "$output"
	[ "$decoded" = "panic" ]
	[ "$pstatus" -eq 255 ]
	[ "$elapsed_ms" -lt 5000 ]
}

@test "qemu-status.sh decodes every class of QEMU status" {
	run "$STATUS" decode 3
	[ "$status" -eq 0 ] && [ "$output" = "exit 0" ]
	run "$STATUS" decode 87
	[ "$status" -eq 42 ] && [ "$output" = "exit 42" ]
	run "$STATUS" decode 253
	[ "$status" -eq 125 ]
	run "$STATUS" decode 255
	[ "$status" -eq 255 ] && [ "$output" = "panic" ]
	run "$STATUS" decode 0
	[ "$status" -eq 254 ] && [ "$output" = "no exit status" ]
	run "$STATUS" decode 1
	[ "$status" -eq 253 ]
	run "$STATUS" decode nonsense
	[ "$status" -eq 2 ]
}

@test "empty kernel boots on pc" {
	boot 30 pc 8 "$IMG/empty.elf"
	[[ "$output" == *"empty: hello from the empty kernel"* ]]
	[ "$decoded" = "exit 0" ]
}

@test "empty kernel boots on microvm" {
	boot 30 microvm 8 "$IMG/empty.elf"
	[[ "$output" == *"empty: hello from the empty kernel"* ]]
	[ "$decoded" = "exit 0" ]
}

@test "selftest on pc, 8 MiB" {
	selftest pc 8
}

@test "selftest on microvm, 8 MiB" {
	selftest microvm 8
}

@test "selftest on pc, 4 MiB" {
	selftest pc 4
}

@test "selftest on microvm, 4 MiB" {
	selftest microvm 4
}

@test "selftest on microvm, 2 MiB (the smallest guest that boots)" {
	selftest microvm 2
}

@test "selftest on pc with AVX/RDRAND CPU and modern virtio-rng" {
	selftest pc 8 -cpu max -device virtio-rng-pci -append \
	    "RUMPHW_VERBOSE=1 $ARGS"
	[[ "$output" == *"virtio type 4, modern transport"* ]]
	[[ "$output" == *"avx: 256-bit instructions work"* ]]
	[[ "$output" != *"no entropy source"* ]]
}

@test "selftest on pc with legacy virtio-rng as the only entropy source" {
	selftest pc 8 -device virtio-rng-pci,disable-modern=on -append \
	    "RUMPHW_VERBOSE=1 $ARGS"
	[[ "$output" == *"virtio type 4, legacy transport"* ]]
	[[ "$output" != *"no entropy source"* ]]
}

@test "selftest on q35 (PCIe ECAM config space, virtio-rng)" {
	selftest q35 8 -device virtio-rng-pci -append "RUMPHW_VERBOSE=1 $ARGS"
	[[ "$output" == *"PCI config ecam"* ]]
	[[ "$output" == *"modern transport"* ]]
}

@test "selftest on pc with 5 GiB (RAM above 4 GiB)" {
	selftest pc 5G
	[[ "$output" == *"RAM above 4 GiB is usable"* ]]
}

@test "selftest on microvm with 5 GiB (RAM above 4 GiB)" {
	selftest microvm 5G
	[[ "$output" == *"RAM above 4 GiB is usable"* ]]
}

@test "selftest boots through the PVH note on pc" {
	boot 120 pc 8 "$IMG/selftest-pvh.elf" -append "RUMPHW_VERBOSE=1 $ARGS"
	[[ "$output" == *"booted via pvh"* ]]
	[[ "$output" == *"selftest: all "*" checks passed"* ]]
	[ "$pstatus" -eq 42 ]
}

@test "selftest boots through the PVH note on microvm" {
	boot 120 microvm 8 "$IMG/selftest-pvh.elf" -append "RUMPHW_VERBOSE=1 $ARGS"
	[[ "$output" == *"booted via pvh"* ]]
	[[ "$output" == *"selftest: all "*" checks passed"* ]]
	[ "$pstatus" -eq 42 ]
}

@test "the multiboot image says it booted via multiboot" {
	boot 120 microvm 8 "$IMG/selftest.elf" -append "RUMPHW_VERBOSE=1 $ARGS"
	[[ "$output" == *"booted via multiboot"* ]]
}

@test "console input reaches rumpuser_console_read (pc, microvm)" {
	for m in pc microvm; do
		run bash -c "(sleep 1; printf 'typed line\n\004') | timeout 60 \
		    qemu-system-x86_64 -accel $ACCEL -M $m -m 8 -display none \
		    -serial stdio -no-reboot \
		    -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
		    -kernel $IMG/selftest.elf -append 'SELFTEST_READ=1 $ARGS'"
		echo "$output" | grep 'selftest:'
		[[ "$output" == *"selftest: read [typed line]"* ]]
		[[ "$output" == *"selftest: end of input"* ]]
		[ "$status" -eq 87 ]
	done
}

@test "NULL dereference: exception report and panic status (pc)" {
	crash pc null
	[[ "$output" == *"#PF page fault (vector 14), error code 0x0"* ]]
	[[ "$output" == *"NULL pointer dereference"* ]]
	[[ "$output" == *"cr2 0000000000000000"* ]]
	[[ "$output" == *"rip "*"rsp "*"r15 "* ]]
	[[ "$output" == *"backtrace"*"#1 "* ]]
}

@test "NULL dereference: exception report and panic status (microvm)" {
	crash microvm null
	[[ "$output" == *"#PF page fault"*"NULL pointer dereference"* ]]
}

@test "stack overflow faults on the guard page (pc, microvm)" {
	crash pc stack
	[[ "$output" == *"guard page: stack overflow of thread \"overflow\""* ]]
	crash microvm stack
	[[ "$output" == *"guard page: stack overflow"* ]]
}

@test "invalid opcode is reported" {
	crash microvm ud
	[[ "$output" == *"#UD invalid opcode (vector 6)"* ]]
}

@test "rumpuser_exit(RUMPUSER_PANIC) gives the panic status" {
	crash microvm panic
}

@test "exit statuses from 125 up are reported as 125" {
	boot 120 microvm 8 "$IMG/selftest.elf" -append \
	    "${ARGS/SELFTEST_EXIT=42/SELFTEST_EXIT=200}"
	[[ "$output" == *"rumphw: exit status 200"* ]]
	[ "$decoded" = "exit >=125" ]
	[ "$pstatus" -eq 125 ]
}

@test "without the exit device the guest powers off: no exit status" {
	for m in pc microvm; do
		run timeout 60 qemu-system-x86_64 -accel "$ACCEL" -M $m -m 8 \
		    -display none -serial stdio \
		    -kernel "$IMG/selftest.elf" -append "$ARGS"
		echo "# $m: QEMU status $status"
		[[ "$output" == *"no isa-debug-exit device"*"powering off"* ]]
		[ "$status" -eq 0 ]
		run "$STATUS" decode "$status"
		[ "$output" = "no exit status" ]
	done
}
