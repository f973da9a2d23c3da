#!/bin/sh
# accel.sh PROBE_IMAGE -- print the accelerator the hw tests should use,
# "kvm" or "tcg", and why, on one line: KVM only if /dev/kvm boots the
# platform's quick self-test here (a nested software hypervisor may open
# fine and still fail on vector instructions).  Nothing in the tests
# depends on TCG: on real KVM they run the same checks.
probe=$1
if [ ! -w /dev/kvm ]; then
	echo "tcg (no usable /dev/kvm)"
	exit 0
fi
rc=0
timeout 10 qemu-system-x86_64 -accel kvm -M microvm -m 8 -display none \
    -serial none -monitor none -no-reboot \
    -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
    -kernel "$probe" -append SELFTEST_QUICK=1 >/dev/null 2>&1 </dev/null || rc=$?
if [ "$rc" -eq 3 ]; then
	echo "kvm (probe passed)"
else
	echo "tcg (kvm probe failed, QEMU status $rc)"
fi
