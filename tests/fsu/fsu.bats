#!/usr/bin/env bats
# fsu.bats -- the fs-utils tools (app-tools/fsu) on ext2 images made by
# mke2fs -d: trees read back identical through fsu_get -r (1 KiB and
# 4 KiB blocks), each tool's output, messages and exit status beside
# coreutils', e2fsck -fn and debugfs judging every write, and hostile
# images refused with exit 1.

load ../bats/helpers

FSU=${FSU_BIN:-$OBJ/bin}

setup() {
	[ -x "$FSU/fsu_ls" ] || skip "fsu not built (./build-rr.sh posix)"
	command -v mke2fs >/dev/null || skip "e2fsprogs missing"
	export TZ=UTC
	W=$BATS_TEST_TMPDIR
	IMG=$W/img
}

# mktree DIR: files, modes, hard links, fast and slow symlinks, a FIFO,
# holes, an empty file and a deep directory.
mktree() {
	mkdir -p "$1/d/e/f" "$1/empty"
	echo hello >"$1/a"
	ln "$1/a" "$1/d/hardlink"
	ln -s a "$1/fast"
	ln -s "$(printf 'long%.0s' $(seq 1 40))" "$1/slow"
	printf x | dd of="$1/sparse" bs=1 seek=5000000 2>/dev/null
	dd if=/dev/urandom of="$1/sparse2" bs=4096 count=2 seek=300 2>/dev/null
	head -c 300000 /dev/urandom >"$1/d/e/big"
	: >"$1/d/zero"
	mkfifo "$1/fifo"
	chmod 4751 "$1/d"
	chmod 600 "$1/a"
	chmod 1777 "$1/empty"
}

# mkimg BLOCKSIZE: $W/tree into $IMG.
mkimg() {
	rm -rf "$W/tree"
	mktree "$W/tree"
	mke2fs -q -F -t ext2 -b "$1" -d "$W/tree" "$IMG" 16M
}

fsck_clean() {
	run e2fsck -fn "$IMG"
	echo "$output"
	[ "$status" -eq 0 ]
}

dbg() {
	debugfs -R "$1" "$IMG" 2>/dev/null
}

# same_tree A B: content, types, modes, sizes, link counts, holes.
same_tree() {
	# (diff cannot compare FIFOs: the listing below does.)
	diff -r --no-dereference -x fifo -x lost+found "$1" "$2"
	(cd "$1" && find . ! -name . -printf '%P %y %m %s %n %l\n' | sort) >"$W/t1"
	(cd "$2" && find . ! -name . ! -path './lost+found*' \
	    -printf '%P %y %m %s %n %l\n' | sort) >"$W/t2"
	diff "$W/t1" "$W/t2"
	for f in sparse sparse2 d/e/big a; do
		[ "$(stat -c %b "$1/$f")" = "$(stat -c %b "$2/$f")" ] ||
			{ echo "blocks of $f differ"; return 1; }
	done
	[ "$(stat -c %i "$2/a")" = "$(stat -c %i "$2/d/hardlink")" ]
}

@test "fsu_get -r: a 1 KiB-block image reads back identical to its tree" {
	mkimg 1024
	run "$FSU/fsu_get" -r "$IMG" / "$W/out"
	echo "$output"
	[ "$status" -eq 0 ]
	same_tree "$W/tree" "$W/out"
}

@test "fsu_get -r: a 4 KiB-block image reads back identical to its tree" {
	mkimg 4096
	run "$FSU/fsu_get" -r "$IMG" / "$W/out"
	[ "$status" -eq 0 ]
	same_tree "$W/tree" "$W/out"
	[ "$(du -s "$W/tree/sparse" | cut -f1)" = "$(du -s "$W/out/sparse" | cut -f1)" ]
}

@test "fsu_get: works on a read-only image file and leaves it untouched" {
	mkimg 1024
	chmod 444 "$IMG"
	sum=$(md5sum <"$IMG")
	run "$FSU/fsu_get" "$IMG" /a /d/e/big "$W"
	[ "$status" -eq 0 ]
	cmp "$W/tree/a" "$W/a"
	cmp "$W/tree/d/e/big" "$W/big"
	[ "$(md5sum <"$IMG")" = "$sum" ]
	run "$FSU/fsu_ls" "$IMG" /
	[ "$status" -eq 0 ]
	[ "$(md5sum <"$IMG")" = "$sum" ]
}

@test "fsu_get: a directory without -r is omitted, as cp says" {
	mkimg 1024
	run "$FSU/fsu_get" "$IMG" /d "$W/x"
	[ "$status" -eq 1 ]
	[ "$output" = "fsu_get: -r not specified; omitting directory '/d'" ]
	run "$FSU/fsu_get" "$IMG" /nope "$W/x"
	[ "$status" -eq 1 ]
	[ "$output" = "fsu_get: cannot stat '/nope': No such file or directory" ]
	run "$FSU/fsu_get" "$IMG" /a /fast "$W/notadir"
	[ "$status" -eq 1 ]
	[ "$output" = "fsu_get: target '$W/notadir' is not a directory" ]
}

@test "fsu_get -p keeps modes and times" {
	mkimg 4096
	touch -d '2001-02-03 04:05:06' "$W/tree/a"
	mke2fs -q -F -t ext2 -d "$W/tree" "$IMG" 16M
	run "$FSU/fsu_get" -p "$IMG" /a "$W/a"
	[ "$status" -eq 0 ]
	[ "$(stat -c '%a %Y' "$W/a")" = "$(stat -c '%a %Y' "$W/tree/a")" ]
}

@test "fsu_put -r: a host tree into the image; e2fsck clean, debugfs sees it" {
	mkimg 1024
	rm -rf "$W/src" && mktree "$W/src"
	run "$FSU/fsu_put" -r "$IMG" "$W/src" /in
	echo "$output"
	[ "$status" -eq 0 ]
	fsck_clean
	dbg 'cat /in/d/e/big' | cmp - "$W/src/d/e/big"
	dbg 'ls -l /in' | grep -q ' fifo$'
	run "$FSU/fsu_get" -r "$IMG" /in "$W/back"
	[ "$status" -eq 0 ]
	same_tree "$W/src" "$W/back"
}

@test "fsu_put -p into a 4 KiB image keeps owner and times" {
	mkimg 4096
	echo data >"$W/f"
	chown 123:456 "$W/f" 2>/dev/null || skip "cannot chown on the host"
	touch -d '2002-03-04 05:06:07' "$W/f"
	run "$FSU/fsu_put" -p "$IMG" "$W/f" /d/f
	[ "$status" -eq 0 ]
	fsck_clean
	run "$FSU/fsu_stat" -c '%u %g %a %Y %s' "$IMG" /d/f
	[ "$output" = "123 456 644 $(stat -c %Y "$W/f") 5" ]
	[ "$(dbg 'cat /d/f')" = data ]
}

@test "fsu_cat: contents, and cat's message and status for a missing file" {
	mkimg 1024
	run "$FSU/fsu_cat" "$IMG" /a /fast
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf 'hello\nhello')" ]
	run "$FSU/fsu_cat" "$IMG" /nope
	[ "$status" -eq 1 ]
	[ "$output" = "fsu_cat: /nope: No such file or directory" ]
	run "$FSU/fsu_cat" "$IMG" /d
	[ "$status" -eq 1 ]
	[ "$output" = "fsu_cat: /d: Is a directory" ]
}

@test "fsu_ls: names, -a, -d, -R, and ls's status 2 for a missing name" {
	mkimg 1024
	run "$FSU/fsu_ls" "$IMG" /
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf 'a\nd\nempty\nfast\nfifo\nlost+found\nslow\nsparse\nsparse2')" ]
	run "$FSU/fsu_ls" -a "$IMG" /d
	[ "$output" = "$(printf '.\n..\ne\nhardlink\nzero')" ]
	run "$FSU/fsu_ls" -d "$IMG" /d
	[ "$output" = /d ]
	run "$FSU/fsu_ls" -R "$IMG" /d
	[ "$output" = "$(printf '/d:\ne\nhardlink\nzero\n\n/d/e:\nbig\nf\n\n/d/e/f:')" ]
	run "$FSU/fsu_ls" "$IMG" /nope
	[ "$status" -eq 2 ]
	[ "$output" = "fsu_ls: cannot access '/nope': No such file or directory" ]
	run "$FSU/fsu_ls" -Q "$IMG"
	[ "$status" -eq 2 ]
	[[ "$output" == *"invalid option -- 'Q'"* ]]
}

@test "fsu_ls -l: mode, links, owner, size, date and link targets as ls -l" {
	mkimg 1024
	run "$FSU/fsu_ls" -l "$IMG" /d /fast
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "${lines[0]}" =~ ^lrwxrwxrwx\ 1\ 0\ 0\ 1\ [0-9]{4}-[0-9]{2}-[0-9]{2}\ [0-9:]{5}\ /fast\ -\>\ a$ ]]
	# (bats drops the empty line between the sections from lines.)
	[ "${lines[1]}" = "/d:" ]
	[ "${lines[2]}" = "total 2" ]
	[[ "${lines[3]}" =~ ^drwxr-xr-x\ 3\ 0\ 0\ 1024\  ]]
	[[ "${lines[4]}" =~ ^-rw-------\ 2\ 0\ 0\ \ \ \ 6\ .*\ hardlink$ ]]
	# Owner names come from the image's own /etc/passwd.
	mkdir -p "$W/tree/etc"
	echo 'root:x:0:0:root:/root:/bin/sh' >"$W/tree/etc/passwd"
	echo 'wheel:x:0:' >"$W/tree/etc/group"
	mke2fs -q -F -t ext2 -d "$W/tree" "$IMG" 16M
	run "$FSU/fsu_ls" -l "$IMG" /a
	[[ "$output" =~ ^-rw-------\ 2\ root\ wheel\ 6\  ]]
}

@test "fsu_mkdir, -p, -m; mkdir's messages; e2fsck clean" {
	mkimg 1024
	run "$FSU/fsu_mkdir" "$IMG" /new
	[ "$status" -eq 0 ]
	run "$FSU/fsu_mkdir" -p -m 700 "$IMG" /x/y/z
	[ "$status" -eq 0 ]
	run "$FSU/fsu_mkdir" "$IMG" /new
	[ "$status" -eq 1 ]
	[ "$output" = "fsu_mkdir: cannot create directory '/new': File exists" ]
	run "$FSU/fsu_mkdir" "$IMG" /nope/x
	[ "$status" -eq 1 ]
	[ "$output" = "fsu_mkdir: cannot create directory '/nope/x': No such file or directory" ]
	run "$FSU/fsu_mkdir" -p "$IMG" /x/y
	[ "$status" -eq 0 ]
	fsck_clean
	dbg 'ls -l /x/y' | grep -q '40700.* z *$'
	dbg 'stat /new' | grep -q 'Type: directory'
	run "$FSU/fsu_mkdir" "$IMG"
	[ "$status" -eq 1 ]
}

@test "fsu_rm, -r, -f; fsu_rmdir; rm's and rmdir's messages" {
	mkimg 1024
	run "$FSU/fsu_rm" "$IMG" /d
	[ "$status" -eq 1 ]
	[ "$output" = "fsu_rm: cannot remove '/d': Is a directory" ]
	run "$FSU/fsu_rm" "$IMG" /nope
	[ "$status" -eq 1 ]
	[ "$output" = "fsu_rm: cannot remove '/nope': No such file or directory" ]
	run "$FSU/fsu_rm" -f "$IMG" /nope
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	run "$FSU/fsu_rm" -r "$IMG" /
	[ "$status" -eq 1 ]
	run "$FSU/fsu_rmdir" "$IMG" /d
	[ "$status" -eq 1 ]
	[ "$output" = "fsu_rmdir: failed to remove '/d': Directory not empty" ]
	run "$FSU/fsu_rmdir" "$IMG" /a
	[ "$output" = "fsu_rmdir: failed to remove '/a': Not a directory" ]
	run "$FSU/fsu_rm" -r "$IMG" /d /sparse /fifo
	[ "$status" -eq 0 ]
	run "$FSU/fsu_rmdir" "$IMG" /empty
	[ "$status" -eq 0 ]
	fsck_clean
	[ "$(dbg 'ls /' | tr -s ' \n' '\n' | grep -c -E '^(d|sparse|fifo|empty)$')" = 0 ]
	[ "$(dbg 'stat /a' | grep -o 'Links: [0-9]*')" = "Links: 1" ]
}

@test "fsu_write, -a; fsu_cp, -r; fsu_mv; fsu_ln, -s: debugfs sees the results" {
	mkimg 4096
	printf 'one\n' | "$FSU/fsu_write" "$IMG" /w
	printf 'two\n' | "$FSU/fsu_write" -a "$IMG" /w
	[ "$(dbg 'cat /w')" = "$(printf 'one\ntwo')" ]
	run "$FSU/fsu_cp" "$IMG" /w /w2
	[ "$status" -eq 0 ]
	run "$FSU/fsu_cp" -r "$IMG" /d /d2
	[ "$status" -eq 0 ]
	run "$FSU/fsu_cp" "$IMG" /d /d3
	[ "$status" -eq 1 ]
	[ "$output" = "fsu_cp: -r not specified; omitting directory '/d'" ]
	run "$FSU/fsu_cp" -r "$IMG" /d /d/e
	[ "$status" -eq 1 ]
	run "$FSU/fsu_mv" "$IMG" /w2 /d2/moved
	[ "$status" -eq 0 ]
	run "$FSU/fsu_mv" "$IMG" /nope /x
	[ "$status" -eq 1 ]
	[ "$output" = "fsu_mv: cannot stat '/nope': No such file or directory" ]
	run "$FSU/fsu_ln" "$IMG" /w /wl
	[ "$status" -eq 0 ]
	run "$FSU/fsu_ln" -s "$IMG" w /ws
	[ "$status" -eq 0 ]
	run "$FSU/fsu_ln" "$IMG" /w /wl
	[ "$status" -eq 1 ]
	[ "$output" = "fsu_ln: failed to create hard link '/wl': File exists" ]
	fsck_clean
	dbg 'cat /d2/e/big' | cmp - "$W/tree/d/e/big"
	[ "$(dbg 'cat /d2/moved')" = "$(printf 'one\ntwo')" ]
	[ "$(dbg 'stat /w' | grep -o 'Links: [0-9]*')" = "Links: 2" ]
	dbg 'stat /ws' | grep -q 'Fast link dest: "w"'
	dbg 'stat /d2' | grep -q 'Mode:  04751'
}

@test "fsu_chmod: octal, symbolic, -R; fsu_chown: numbers, names, -R" {
	mkimg 1024
	run "$FSU/fsu_chmod" "$IMG" 640 /a
	[ "$status" -eq 0 ]
	run "$FSU/fsu_chmod" "$IMG" u+x,go-w,o+r /sparse
	[ "$status" -eq 0 ]
	run "$FSU/fsu_chmod" -R "$IMG" a=rX /d
	[ "$status" -eq 0 ]
	run "$FSU/fsu_chmod" "$IMG" zz /a
	[ "$status" -eq 1 ]
	[[ "$output" == *"invalid mode: 'zz'"* ]]
	run "$FSU/fsu_chmod" "$IMG" 644 /nope
	[ "$status" -eq 1 ]
	[ "$output" = "fsu_chmod: cannot access '/nope': No such file or directory" ]
	run "$FSU/fsu_chown" -R "$IMG" 12:34 /d
	[ "$status" -eq 0 ]
	run "$FSU/fsu_chown" "$IMG" nobody /a
	[ "$status" -eq 1 ]
	[ "$output" = "fsu_chown: invalid user: 'nobody'" ]
	run "$FSU/fsu_stat" -c '%a %n' "$IMG" /a /sparse /d /d/e/big
	# /a is also /d/hardlink, which chmod -R a=rX reached.
	[ "$output" = "$(printf '444 /a\n744 /sparse\n555 /d\n444 /d/e/big')" ]
	run "$FSU/fsu_stat" -c '%u:%g' "$IMG" /d/e/f
	[ "$output" = 12:34 ]
	fsck_clean
	dbg 'stat /d/e/big' | grep -q 'User:    12   Group:    34'
}

@test "fsu_stat: default report and formats; stat's message" {
	mkimg 1024
	run "$FSU/fsu_stat" "$IMG" /a
	[ "$status" -eq 0 ]
	[[ "${lines[0]}" == "  File: /a" ]]
	[[ "${lines[1]}" == *"Size: 6"*"regular file" ]]
	[[ "${lines[3]}" == "Access: (0600/-rw-------)"* ]]
	run "$FSU/fsu_stat" -c '%n %s %F %h %A' "$IMG" /d /fast /fifo /d/zero
	[ "$output" = "$(printf '/d 1024 directory 3 drwsr-x--x\n/fast 1 symbolic link 1 lrwxrwxrwx\n/fifo 0 fifo 1 prw-r--r--\n/d/zero 0 regular empty file 1 -rw-r--r--')" ]
	run "$FSU/fsu_stat" "$IMG" /nope
	[ "$status" -eq 1 ]
	[ "$output" = "fsu_stat: cannot statx '/nope': No such file or directory" ]
}

@test "fsu_find: -name, -type, -maxdepth; find's message" {
	mkimg 1024
	run "$FSU/fsu_find" "$IMG" / -type d -maxdepth 1
	[ "$output" = "$(printf '/\n/d\n/empty\n/lost+found')" ]
	run "$FSU/fsu_find" "$IMG" /d -name 'b*'
	[ "$output" = /d/e/big ]
	run "$FSU/fsu_find" "$IMG" / -type l
	[ "$output" = "$(printf '/fast\n/slow')" ]
	run "$FSU/fsu_find" "$IMG" /nope
	[ "$status" -eq 1 ]
	[ "$output" = "fsu_find: '/nope': No such file or directory" ]
	run "$FSU/fsu_find" "$IMG" / -bogus
	[ "$status" -eq 1 ]
}

@test "fsu_du: -s, -a, -h count the blocks stat reports, hard links once" {
	mkimg 4096
	kib() { "$FSU/fsu_stat" -c %b "$IMG" "$@" | awk '{ s += $1 } END { print int((s + 1) / 2) }'; }
	run "$FSU/fsu_du" -s "$IMG" /d/e
	[ "$status" -eq 0 ]
	[ "$output" = "$(kib /d/e /d/e/big /d/e/f)	/d/e" ]
	run "$FSU/fsu_du" -a "$IMG" /d
	[ "${lines[0]}" = "$(kib /d/e/big)	/d/e/big" ]
	[ "${#lines[@]}" -eq 6 ]
	[ "${lines[5]}" = "$(kib /d /d/e /d/e/big /d/e/f /d/hardlink /d/zero)	/d" ]
	# The hard link /d/hardlink is counted once over both operands.
	run "$FSU/fsu_du" -s "$IMG" /a /d
	[ "${lines[1]}" = "$(kib /d /d/e /d/e/big /d/e/f /d/zero)	/d" ]
	run "$FSU/fsu_du" -sh "$IMG" /d/e/big
	[ "$output" = "$(( $(kib /d/e/big) / 1024 + 1 )).0M	/d/e/big" ] ||
		[ "$output" = "$(kib /d/e/big)K	/d/e/big" ]
	run "$FSU/fsu_du" "$IMG" /nope
	[ "$status" -eq 1 ]
	[ "$output" = "fsu_du: cannot access '/nope': No such file or directory" ]
}

@test "fsu_touch: creates and updates; e2fsck clean" {
	mkimg 1024
	run "$FSU/fsu_touch" "$IMG" /t /a
	[ "$status" -eq 0 ]
	run "$FSU/fsu_touch" "$IMG" /nope/t
	[ "$status" -eq 1 ]
	[ "$output" = "fsu_touch: cannot touch '/nope/t': No such file or directory" ]
	fsck_clean
	dbg 'stat /t' | grep -q 'Type: regular'
}

@test "usage errors: a line of usage and coreutils' status (ls 2, others 1)" {
	mkimg 1024
	for t in cat chmod chown cp du get ln mkdir mv put rm rmdir stat touch write; do
		run "$FSU/fsu_$t" -Q "$IMG"
		[ "$status" -eq 1 ] || { echo "fsu_$t: $status"; return 1; }
		[[ "$output" == *"usage: fsu_$t "* ]]
	done
	run "$FSU/fsu_ls"
	[ "$status" -eq 2 ]
	run "$FSU/fsu" ls "$IMG" /d
	[ "$output" = "$(printf 'e\nhardlink\nzero')" ]
	run "$FSU/fsu" frob
	[ "$status" -eq 1 ]
}

@test "tools run at once on one image take turns (image locked); e2fsck clean" {
	mke2fs -q -F -t ext2 "$IMG" 8M
	for i in 1 2 3 4 5 6; do
		echo "$i" | "$FSU/fsu_write" "$IMG" "/f$i" &
		"$FSU/fsu_ls" "$IMG" / >/dev/null &
	done
	wait
	run "$FSU/fsu_cat" "$IMG" /f1 /f2 /f3 /f4 /f5 /f6
	[ "$output" = "$(printf '1\n2\n3\n4\n5\n6')" ]
	fsck_clean
}

@test "a full image: fsu_put says No space left on device, exits 1, e2fsck clean" {
	mke2fs -q -F -t ext2 -b 1024 "$IMG" 1M
	head -c 2000000 /dev/urandom >"$W/bigf"
	run "$FSU/fsu_put" "$IMG" "$W/bigf" /bigf
	[ "$status" -eq 1 ]
	[ "$output" = "fsu_put: error writing '/bigf': No space left on device" ]
	fsck_clean
	run "$FSU/fsu_rm" "$IMG" /bigf
	[ "$status" -eq 0 ]
	fsck_clean
}

@test "hostile images: unknown type, bad magic, bad geometry, random bytes: exit 1, no crash" {
	mkimg 1024
	head -c 1048576 /dev/urandom >"$W/random.img"
	run "$FSU/fsu_ls" "$W/random.img" /
	[ "$status" -eq 1 ]
	[ "$output" = "fsu_ls: $W/random.img: unknown file system type" ]
	cp "$IMG" "$W/magic.img"
	printf '\x00\x00' | dd of="$W/magic.img" bs=1 seek=1080 conv=notrunc 2>/dev/null
	run "$FSU/fsu_cat" "$W/magic.img" /a
	[ "$status" -eq 1 ]
	[[ "$output" == *"unknown file system type"* ]]
	cp "$IMG" "$W/geom.img"
	printf '\xff\xff\xff\x7f' | dd of="$W/geom.img" bs=1 seek=1028 conv=notrunc 2>/dev/null
	run "$FSU/fsu_ls" "$W/geom.img" /
	[ "$status" -eq 1 ]
	[[ "$output" == *"cannot mount ext2"* ]]
	# Random bytes over the inode tables and directories, magic kept.
	cp "$IMG" "$W/junk.img"
	dd if=/dev/urandom of="$W/junk.img" bs=1024 seek=5 count=300 conv=notrunc 2>/dev/null
	for t in "fsu_ls -lR" "fsu_find" "fsu_du -s"; do
		run timeout 60 $FSU/$t "$W/junk.img" /
		[ "$status" -le 2 ] || { echo "$t: status $status"; return 1; }
	done
	run timeout 60 "$FSU/fsu_get" -r "$W/junk.img" / "$W/junkout"
	[ "$status" -le 1 ]
	run "$FSU/fsu_ls" "$W/nonexistent.img"
	[ "$status" -eq 1 ]
	[ "$output" = "fsu_ls: $W/nonexistent.img: No such file or directory" ]
}
