#!/usr/bin/env bats
# build.bats -- the build itself: both compilers, quiet and verbose
# output, out-of-tree objects, incremental rebuilds.

load helpers

@test "CC=clang builds the posix platform out of tree" {
	obj=$BATS_TEST_TMPDIR/obj-clang
	run env CC=clang "$TOP/build-rr.sh" -o "$obj" -d "$BATS_TEST_TMPDIR/rr" posix
	echo "$output"
	[ "$status" -eq 0 ]
	[ -f "$obj/lib/librump.a" ]
	[ -f "$BATS_TEST_TMPDIR/rr/lib/pkgconfig/rump.pc" ]
	# Quiet: one line per stage with its time, nothing else.
	[ "$(echo "$output" | grep -vc '^==> ')" -eq 0 ]
	# Nothing was written into the source tree's object directory.
	[ ! -e "$obj/../obj" ]
}

@test "a second build has nothing to do; touching one source rebuilds" {
	obj=$BATS_TEST_TMPDIR/obj-inc
	"$TOP/build-rr.sh" -q -o "$obj" -d "$BATS_TEST_TMPDIR/rr" posix build
	run make -q -f "$TOP/buildrump/Makefile" OBJDIR="$obj" all
	[ "$status" -eq 0 ]
	before=$(stat -c %Y "$obj/components/kern/sched.o")
	sleep 1
	touch "$TOP/components/kern/sched.c"
	run make -q -f "$TOP/buildrump/Makefile" OBJDIR="$obj" all
	[ "$status" -ne 0 ]
	"$TOP/build-rr.sh" -q -o "$obj" -d "$BATS_TEST_TMPDIR/rr" posix build
	[ "$(stat -c %Y "$obj/components/kern/sched.o")" -gt "$before" ]
}

@test "V=1 shows the compiler command lines" {
	obj=$BATS_TEST_TMPDIR/obj-v
	run env V=1 "$TOP/build-rr.sh" -j1 -o "$obj" -d "$BATS_TEST_TMPDIR/rr" posix build
	[ "$status" -eq 0 ]
	[[ "$output" == *"-ffreestanding"*"-nostdinc"* ]]
}

@test "the hosted demo runs" {
	run "$RR/bin/rump-hello"
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == *"rump kernel version"*"booted inside process"* ]]
	[[ "$output" == *"now running as pid"* ]]
}
