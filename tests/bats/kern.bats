#!/usr/bin/env bats
# kern.bats -- the kernel core seen from the command line: bootstrap
# parameters, RUMP_NCPU enforcement, the symbol namespace and linking a
# hosted program with pkg-config.

load helpers

@test "rump_init boots silently without RUMP_VERBOSE" {
	run env -u RUMP_VERBOSE "$TBIN/prog_init"
	[ "$status" -eq 0 ]
	[ "$output" = "rump_init: ok" ]
}

@test "RUMP_VERBOSE=0 is silent, RUMP_VERBOSE=1 prints bootstrap messages" {
	run env RUMP_VERBOSE=0 "$TBIN/prog_init"
	[ "$status" -eq 0 ]
	[ "$output" = "rump_init: ok" ]
	run env RUMP_VERBOSE=1 "$TBIN/prog_init"
	[ "$status" -eq 0 ]
	[[ "$output" == *"rump: kernel"*"booting"* ]]
	[[ "$output" == *"rump: kernel ready"* ]]
}

@test "bad RUMP_NCPU values are refused with a message naming the parameter" {
	for v in abc 0 -1 65 1x ""; do
		run env RUMP_NCPU="$v" "$TBIN/prog_init"
		echo "RUMP_NCPU=$v: $output"
		[ "$status" -eq 1 ]
		[[ "$output" == *"RUMP_NCPU=$v"* ]]
		[[ "$output" == *"rump_init: Invalid argument"* ]]
	done
}

@test "bad RUMP_MEMLIMIT and RUMP_VERBOSE values are refused" {
	for v in 12q abc 0 1kk -5 99999999999999999999; do
		run env RUMP_MEMLIMIT="$v" "$TBIN/prog_init"
		echo "RUMP_MEMLIMIT=$v: $output"
		[ "$status" -eq 1 ]
		[[ "$output" == *"RUMP_MEMLIMIT=$v"* ]]
	done
	run env RUMP_VERBOSE=yes "$TBIN/prog_init"
	[ "$status" -eq 1 ]
	[[ "$output" == *"RUMP_VERBOSE=yes"* ]]
}

@test "several bad parameters are all reported in one run" {
	run env RUMP_NCPU=abc RUMP_MEMLIMIT=12q "$TBIN/prog_init"
	[ "$status" -eq 1 ]
	[[ "$output" == *"RUMP_NCPU=abc"* ]]
	[[ "$output" == *"RUMP_MEMLIMIT=12q"* ]]
}

@test "good parameters are accepted: 1..64, host, k/m/g suffixes" {
	for p in RUMP_NCPU=1 RUMP_NCPU=64 RUMP_NCPU=host RUMP_MEMLIMIT=64m \
	    RUMP_MEMLIMIT=1G RUMP_MEMLIMIT=524288k RUMP_MEMLIMIT=100000000; do
		run env "$p" "$TBIN/prog_init"
		echo "$p: $output"
		[ "$status" -eq 0 ]
	done
}

@test "at most RUMP_NCPU threads are inside the kernel at once" {
	for n in 1 2 3; do
		run env RUMP_NCPU=$n "$TBIN/prog_ncpu" 8
		echo "RUMP_NCPU=$n: $output"
		[ "$status" -eq 0 ]
		max=${output#max }
		[ "$max" -ge 1 ] && [ "$max" -le "$n" ]
	done
}

@test "RUMP_NCPU=host gives as many CPUs as the host has" {
	host=$(nproc)
	[ "$host" -le 16 ] || host=16
	# Threads wait inside until $host of them are there: all CPUs in use.
	run env RUMP_NCPU=host "$TBIN/prog_ncpu" 16 "$host"
	[ "$status" -eq 0 ]
	echo "host cores $host, $output"
	[ "${output#max }" -eq "$host" ]
	# One more than the CPUs never gets in at once.
	run env RUMP_NCPU=2 "$TBIN/prog_ncpu" 4 3
	echo "RUMP_NCPU=2, waiting for 3: $output"
	[ "${output#max }" -eq 2 ]
}

@test "kernel archives define no global outside rump_, rumpuser_ and rumpns_" {
	bad=$(for a in "$RR/lib"/librump*.a; do
		case $(basename "$a") in librumpuser*.a | librumpclient*.a | librumpcomp_*.a) continue ;; esac
		nm -g --defined-only "$a" | awk 'NF == 3 { print $3 }'
	done | grep -Ev '^(rump_|rumpns_)' || true)
	echo "offending symbols: $bad"
	[ -z "$bad" ]
	# The platform library exports the hypercall interface only.
	bad=$(nm -g --defined-only "$RR/lib/librumpuser.a" |
	    awk 'NF == 3 { print $3 }' | grep -v '^rumpuser_' || true)
	echo "offending platform symbols: $bad"
	[ -z "$bad" ]
	# Hosted device back ends (librumpcomp_*.a) export their rumpcomp_* calls only.
	bad=$(for a in "$RR/lib"/librumpcomp_*.a; do
		[ -f "$a" ] || continue
		nm -g --defined-only "$a" | awk 'NF == 3 { print $3 }'
	done | grep -v '^rumpcomp_' || true)
	echo "offending back end symbols: $bad"
	[ -z "$bad" ]
}

@test "a program with its own malloc, printf, memcpy and strlen links and runs" {
	run "$TBIN/prog_clash"
	echo "$output"
	[ "$status" -eq 0 ]
	[ "$output" = "own printf works" ]
}

@test "pkg-config is all a hosted program needs" {
	cat > "$BATS_TEST_TMPDIR/hosted.c" <<'C'
#include <rump/rump.h>
#include <stdio.h>
int main(void) { int e = rump_init(); printf("init %d version %d\n", e, rump_getversion()); return e; }
C
	for cc in gcc clang; do
		run sh -c "$cc -o '$BATS_TEST_TMPDIR/hosted' '$BATS_TEST_TMPDIR/hosted.c' \$(PKG_CONFIG_PATH='$RR/lib/pkgconfig' pkg-config --cflags --libs rump)"
		echo "$cc: $output"
		[ "$status" -eq 0 ]
		run "$BATS_TEST_TMPDIR/hosted"
		[ "$status" -eq 0 ]
		[[ "$output" == "init 0 version "* ]]
	done
}

@test "build-rr.sh explains its usage and refuses bad arguments" {
	run "$TOP/build-rr.sh" -h
	[ "$status" -eq 0 ]
	for word in deps build install test clean posix hw -j -o -d -q; do
		[[ "$output" == *"$word"* ]]
	done
	run "$TOP/build-rr.sh" sparc
	[ "$status" -ne 0 ]
	[[ "$output" == *"unknown platform 'sparc'"* ]]
	run "$TOP/build-rr.sh" posix frobnicate
	[ "$status" -ne 0 ]
	[[ "$output" == *"unknown stage 'frobnicate'"* ]]
	run "$TOP/build-rr.sh" -j x posix
	[ "$status" -ne 0 ]
	[[ "$output" == *"-j expects a number"* ]]
	run "$TOP/build-rr.sh" posix aarch64
	[ "$status" -ne 0 ]
	[[ "$output" == *"not supported yet"* ]]
}

@test "an image's built-in parameter defaults apply unless the host sets them" {
	# prog_defaults carries RUMP_VERBOSE=1 RUMP_NCPU=abc.
	run "$TBIN/prog_defaults"
	[ "$status" -eq 1 ]
	[[ "$output" == *"RUMP_NCPU=abc"* ]]
	run env RUMP_NCPU=2 "$TBIN/prog_defaults"
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == *"rump: kernel ready"* ]]
	run env RUMP_NCPU=2 RUMP_VERBOSE=0 "$TBIN/prog_defaults"
	[ "$output" = "rump_init: ok" ]
}

@test "every system call the table calls implemented has a handler linked" {
	handlers=$(nm "$RR"/lib/librump*.a 2>/dev/null | awk '$2 ~ /^[TW]$/ { print $3 }' |
	    sed -n 's/^rumpns_sys_//p' | sort -u)
	missing=$(awk '!/^#/ && NF >= 5 && ($3 == "impl" || $3 ~ /^partial/) { print $5 }' \
	    "$TOP/components/sys/syscalls_x86_64.tbl" | sed 's/^sys_//' | sort -u |
	    comm -23 - <(echo "$handlers"))
	echo "marked implemented but no handler: $missing"
	[ -z "$missing" ]
}

@test "kernel archives need nothing from the host but rumpuser_* (no libc, no libgcc)" {
	bad=$(for a in "$RR"/lib/librump*.a; do
		case $(basename "$a") in librumpuser*.a | librumpclient*.a | librumpcomp_*.a) continue ;; esac
		nm -u "$a" | awk 'NF == 2 { print $2 }'
	done | sort -u | grep -Ev '^(rump_|rumpuser_|rumpcomp_|rumpns_|__start_|__stop_|_GLOBAL_OFFSET_TABLE_$)' || true)
	echo "undefined outside the interface: $bad"
	[ -z "$bad" ]
}
