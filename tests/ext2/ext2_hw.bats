#!/usr/bin/env bats
# ext2_hw.bats -- ext2 on a virtio-blk disk in a booted image: the
# launcher's -b attaches a disk and the image mounts it (type "auto");
# programs read and write it as ordinary files; afterwards e2fsck -fn
# finds it clean and debugfs sees what was written.  The random workload
# runs 20,000 operations mirrored on tmpfs inside the guest.

load ../bats/helpers

setup_file() {
	[ -x "$RR/bin/x86_64-rumprun-linux-musl-cc" ] || skip "no toolchain: ./build-rr.sh hw"
	command -v qemu-system-x86_64 >/dev/null || skip "no QEMU"
	command -v mke2fs >/dev/null || skip "no e2fsprogs"
	export W=$BATS_FILE_TMPDIR
	for p in guest_ext2_rw guest_ext2_random; do
		"$RR/bin/x86_64-rumprun-linux-musl-cc" -O2 -o "$W/$p" \
		    "$TOP/tests/ext2/$p.c"
		"$RR/bin/rumprun-bake" hw_virtio "$W/$p.img" "$W/$p"
	done
}

@test "a disk given with -b is mounted, read and written" {
	cd "$W"
	rm -rf tree && mkdir tree && echo "hello from the host image" > tree/hello.txt
	mke2fs -q -F -t ext2 -d tree rw.img 16M
	run timeout 300 "$RR/bin/rumprun" qemu -M 64 -b rw.img,/data -- guest_ext2_rw.img
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == *"read: hello from the host image"* ]]
	[[ "$output" == *"statfs type ef53"* ]]
	e2fsck -fn rw.img
	dumpe2fs -h rw.img 2>/dev/null | grep -q 'Filesystem state: *clean$'
	debugfs -R 'ls -l /newdir' rw.img 2>/dev/null | grep -q out.txt
	[ "$(debugfs -R 'cat /newdir/out.txt' rw.img 2>/dev/null | tail -1)" = "line 999" ]
}

@test "20,000 random operations in the guest leave a clean file system" {
	cd "$W"
	mke2fs -q -F -t ext2 -b 1024 rand.img 128M
	run timeout 600 "$RR/bin/rumprun" qemu -M 256 -b rand.img,/data -- guest_ext2_random.img 12345 20000
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == *"20000 operations, 0 mismatches, 0 differences"* ]]
	e2fsck -fn rand.img
}

@test "a 4 KiB-block disk works the same" {
	cd "$W"
	mke2fs -q -F -t ext2 -b 4096 rand4.img 128M
	run timeout 600 "$RR/bin/rumprun" qemu -M 256 -b rand4.img,/data -- guest_ext2_random.img 777 5000
	echo "$output"
	[ "$status" -eq 0 ]
	e2fsck -fn rand4.img
}
