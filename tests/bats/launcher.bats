#!/usr/bin/env bats
# launcher.bats -- the rumprun launcher's command line, checked through
# "rumprun print" (no guest is booted here; hw.bats boots them).

load helpers

setup() {
	IMG=$BATS_TEST_TMPDIR/app.img
	# A static ELF executable stands in for an image: nothing boots here.
	printf 'void _start(void) { for (;;); }\n' > "$BATS_TEST_TMPDIR/img.c"
	cc -nostdlib -static -no-pie -o "$IMG" "$BATS_TEST_TMPDIR/img.c"
	export RUMPRUN_ACCEL=tcg
}

@test "print gives the QEMU command with the boot JSON" {
	run "$RR/bin/rumprun" print -M 32 -e HOME=/ -e 'Q=a "b"' -- "$IMG" one 'two words'
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == qemu-system-x86_64* ]]
	[[ "$output" == *"-m 32"* ]]
	[[ "$output" == *"isa-debug-exit"* ]]
	[[ "$output" == *'"argv":["app.img","one","two words"]'* ]]
	[[ "$output" == *'"env":["HOME=/","Q=a \"b\""]'* ]]
	[[ "$output" == *'"cwd":"/"'* ]]
}

@test "RUMP_ parameters reach the kernel command line" {
	run "$RR/bin/rumprun" print -e RUMP_VERBOSE=1 -e RUMP_MEMLIMIT=8m "$IMG"
	[ "$status" -eq 0 ]
	[[ "$output" == *"-append 'RUMP_VERBOSE=1 RUMP_MEMLIMIT=8m -- {"* ]]
}

@test "disks and interfaces become devices and configuration" {
	disk=$BATS_TEST_TMPDIR/disk.img
	truncate -s 1M "$disk"
	run "$RR/bin/rumprun" print -b "$disk,/data" -I 'net0,vioif,-net user,hostfwd=tcp:127.0.0.1:8080-:80' \
		-W net0,inet,static,10.0.2.15/24,10.0.2.2 -- "$IMG"
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == *"virtio-blk-pci,drive=blk0"* ]]
	[[ "$output" == *"-netdev user,id=net0,hostfwd=tcp:127.0.0.1:8080-:80"* ]]
	[[ "$output" == *'"blk":[{"source":"virtio","index":0,"mountpoint":"/data"}]'* ]]
	[[ "$output" == *'"method":"static","addr":"10.0.2.15","mask":24,"gw":"10.0.2.2"'* ]]
}

@test "gdb stub, pause, name, machine and extra arguments" {
	run "$RR/bin/rumprun" print -D 1234 -p -N web1 -m microvm -g '-smp 1' -- "$IMG"
	[ "$status" -eq 0 ]
	[[ "$output" == *"-gdb tcp:127.0.0.1:1234"* ]]
	[[ "$output" == *" -S"* ]]
	[[ "$output" == *"-name web1"* ]]
	[[ "$output" == *"-M microvm"* ]]
	[[ "$output" == *"-smp 1"* ]]
}

@test "bad command lines are refused with a message and status 64" {
	while IFS='|' read -r args msg; do
		# shellcheck disable=SC2086
		run "$RR/bin/rumprun" $args
		echo "$args -> $status: $output"
		[ "$status" -eq 64 ]
		[[ "$output" == *"$msg"* ]]
	done <<EOF
sparc|unknown platform 'sparc'
qemu|no image given
qemu /nonexistent.img|no such image
qemu -M lots $IMG|-M expects memory in MiB
qemu -M 1 $IMG|at least 2 MiB
qemu -e NOEQUALS $IMG|-e expects VAR=VALUE
qemu -b /nonexistent.img $IMG|no such disk image
qemu -I net0 $IMG|-I expects TAG,IFBASE,BACKEND
qemu -I net0,e1000,-net_user $IMG|unknown interface kind 'e1000'
qemu -W net9,inet,dhcp $IMG|no interface 'net9'
qemu -D abc $IMG|-D expects a port number
qemu -m q35 $IMG|machine 'q35' is not supported
qemu -i -d $IMG|-i and -d exclude each other
qemu -Z $IMG|unknown option -Z
qemu -M|option -M needs an argument
EOF
}

@test "an unbaked binary, a host program or a non-ELF file is not booted" {
	echo "not an image" > "$BATS_TEST_TMPDIR/text.img"
	run "$RR/bin/rumprun" qemu "$BATS_TEST_TMPDIR/text.img"
	[ "$status" -eq 64 ]
	[[ "$output" == *"not an ELF image"* ]]
	cc -c -o "$BATS_TEST_TMPDIR/rel.o" "$BATS_TEST_TMPDIR/img.c"
	run "$RR/bin/rumprun" qemu "$BATS_TEST_TMPDIR/rel.o"
	[ "$status" -eq 64 ]
	[[ "$output" == *"unbaked binary: run rumprun-bake first"* ]]
	run "$RR/bin/rumprun" qemu /bin/true
	[ "$status" -eq 64 ]
	[[ "$output" == *"not a bootable image"* ]]
}

@test "help lists every option" {
	run "$RR/bin/rumprun" -h
	[ "$status" -eq 0 ]
	for o in -M -e -b -I -W -i -d -p -D -g -N -q qemu kvm print; do
		[[ "$output" == *"$o"* ]]
	done
}
