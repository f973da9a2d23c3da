#!/usr/bin/env bats
# crash_hw.bats -- ext2 survives a killed guest: a booted image writes
# files on a virtio-blk disk, fsyncing each one and its directory and
# then printing "SYNCED /path size", with unsynced churn in between
# (tests/ext2/guest_ext2_crash.c).  QEMU is killed with SIGKILL once
# enough files were synced; e2fsck -fy must repair the disk (exit 0 or 1),
# a second e2fsck -fn must find it clean, and every SYNCED file must be
# there with exactly the content its name gives (the same program built
# for the host prints it).  Each test kills at another point.

load ../bats/helpers

setup_file() {
	[ -x "$RR/bin/x86_64-rumprun-linux-musl-cc" ] || skip "no toolchain: ./build-rr.sh hw"
	command -v qemu-system-x86_64 >/dev/null || skip "no QEMU"
	command -v e2fsck >/dev/null || skip "no e2fsprogs"
	export W=$BATS_FILE_TMPDIR
	"$RR/bin/x86_64-rumprun-linux-musl-cc" -O2 -o "$W/crash" \
	    "$TOP/tests/ext2/guest_ext2_crash.c"
	"$RR/bin/rumprun-bake" hw_virtio "$W/crash.img" "$W/crash"
	cc -O2 -o "$W/expect" "$TOP/tests/ext2/guest_ext2_crash.c"
}

# qemu_child PID: the QEMU process that is a child of PID (from /proc,
# so that no procps is needed), or nothing.
qemu_child() {
	local s pid comm state ppid rest
	for s in /proc/[0-9]*/stat; do
		{ read -r pid comm state ppid rest <"$s"; } 2>/dev/null || continue
		if [ "$ppid" = "$1" ] && [[ $comm == "(qemu-system"* ]]; then
			echo "$pid"
			return 0
		fi
	done
}

# crash_run NAME BLOCKSIZE SEED NSYNCED EXTRA_MS [MEM_MIB]: boot the
# writer on a fresh disk, kill QEMU EXTRA_MS after the NSYNCED'th SYNCED
# line, then repair and check.
crash_run() {
	local name=$1 bs=$2 seed=$3 want=$4 extra=$5 mem=${6:-128}
	local img=$W/$name.img log=$W/$name.log rr qpid n i
	mke2fs -q -F -t ext2 -b "$bs" "$img" 64M
	"$RR/bin/rumprun" qemu -M "$mem" -b "$img,/data" -- "$W/crash.img" \
	    "$seed" >"$log" 2>&1 3>&- </dev/null &
	rr=$!
	# rumprun runs QEMU as its child: that is the process to kill (its
	# KVM probe, up to 20 s, runs first, in a subshell).
	qpid=
	for i in $(seq 1 600); do
		qpid=$(qemu_child "$rr") && [ -n "$qpid" ] && break
		kill -0 "$rr" 2>/dev/null || break
		sleep 0.1
	done
	[ -n "$qpid" ] || { cat "$log"; echo "no QEMU under rumprun $rr"; return 1; }
	n=0
	# At most 2 minutes (TCG on a slow CI machine); polled often, so
	# that the kill comes near the chosen point.
	for i in $(seq 1 2400); do
		n=$(grep -c '^SYNCED ' "$log" || true)
		[ "$n" -ge "$want" ] && break
		grep -q '^FAIL\|^DONE' "$log" && break
		kill -0 "$qpid" 2>/dev/null || break
		sleep 0.05
	done
	sleep "$(printf '0.%03d' "$extra")"
	kill -KILL "$qpid" 2>/dev/null || true
	wait "$rr" || true
	cat "$log"
	if [ "$n" -lt "$want" ]; then
		echo "only $n of $want files were synced before the guest stopped"
		return 1
	fi

	run e2fsck -fy "$img"
	echo "$output"
	[ "$status" -le 1 ] || { echo "e2fsck -fy: status $status"; return 1; }
	run e2fsck -fn "$img"
	echo "$output"
	[ "$status" -eq 0 ] || { echo "e2fsck -fn after repair: status $status"; return 1; }

	# Only whole lines count: the kill may cut the last one short.
	local bad=0 checked=0 path size got
	while read -r _ path size; do
		"$W/expect" expect "$path" >"$W/want" ||
		    { echo "expect $path failed"; return 1; }
		[ "$(stat -c %s "$W/want")" = "$size" ] ||
		    { echo "$path: the guest said $size bytes"; bad=1; continue; }
		rm -f "$W/got"
		debugfs -R "dump $path $W/got" "$img" >/dev/null 2>&1
		if [ ! -f "$W/got" ]; then
			echo "LOST $path"; bad=1
		elif ! cmp -s "$W/want" "$W/got"; then
			echo "CORRUPT $path (size $(stat -c %s "$W/got"), want $size)"
			cmp "$W/want" "$W/got" | head -1
			bad=1
		fi
		checked=$((checked + 1))
	done < <(grep -a '^SYNCED /[^ ]* [0-9]*$' "$log")
	echo "checked $checked synced files"
	[ "$checked" -ge "$want" ]
	[ "$bad" -eq 0 ]
}

@test "killed after 4 synced files (1 KiB blocks): repaired, synced files intact" {
	crash_run k4 1024 11 4 0
}

@test "killed mid-churn after 15 synced files (1 KiB blocks): repaired, synced files intact" {
	crash_run k15 1024 22 15 300
}

@test "killed after 30 synced files (4 KiB blocks): repaired, synced files intact" {
	crash_run k30 4096 33 30 700
}

@test "killed after 20 synced files in a small guest (cache under pressure): synced files intact" {
	crash_run k20small 1024 44 20 150 40
}
