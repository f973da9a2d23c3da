#!/usr/bin/env bats
# server.bats -- rump_server, librumpclient and librumphijack.so: the
# protocol, many clients, clients and servers dying, malformed frames,
# and unmodified Debian tools working on /rump through the hijack.

load ../bats/helpers

SERVER=$OBJ/bin/rump_server
HIJACK=$OBJ/lib/librumphijack.so

setup() {
	[ -x "$SERVER" ] || skip "rump_server not built (make ... sysproxy-tests)"
	[ -x "$TBIN/sp_client" ] || skip "sp_client not built"
	SOCK=$BATS_TEST_TMPDIR/srv.sock
	export RUMP_SERVER=unix://$SOCK
	"$SERVER" -s -v "$RUMP_SERVER" 2>"$BATS_TEST_TMPDIR/server.log" &
	SRVPID=$!
	for _ in $(seq 100); do
		[ -S "$SOCK" ] && break
		sleep 0.05
	done
	[ -S "$SOCK" ]
}

teardown() {
	if [ -n "${SRVPID:-}" ]; then
		kill "$SRVPID" 2>/dev/null || true
		wait "$SRVPID" 2>/dev/null || true
	fi
}

hj() {
	LD_PRELOAD=$HIJACK "$@"
}

@test "librumpclient: calls with pointer arguments, big copies, EFAULT" {
	run timeout 30 "$TBIN/sp_client" smoke
	echo "$output"
	[ "$status" -eq 0 ]
	[ "$output" = "smoke ok" ]
}

@test "a client without a server gets an error, not a hang" {
	RUMP_SERVER=unix://$BATS_TEST_TMPDIR/nothing run timeout 10 "$TBIN/sp_client" smoke
	[ "$status" -eq 2 ]
	RUMP_SERVER=bogus:// run timeout 10 "$TBIN/sp_client" smoke
	[ "$status" -eq 2 ]
}

@test "ten clients at once get correct, isolated results" {
	for i in $(seq 10); do
		timeout 120 "$TBIN/sp_client" ops 2000 "c$i" \
			>"$BATS_TEST_TMPDIR/c$i.out" 2>&1 &
	done
	fails=0
	for job in $(jobs -p); do
		[ "$job" = "$SRVPID" ] && continue
		wait "$job" || fails=$((fails + 1))
	done
	cat "$BATS_TEST_TMPDIR"/c*.out
	[ "$fails" -eq 0 ]
	for i in $(seq 10); do
		grep -qx "ok c$i" "$BATS_TEST_TMPDIR/c$i.out"
	done
}

@test "killing a client mid-operation leaves the server healthy" {
	for _ in 1 2 3; do
		"$TBIN/sp_client" loop &
		pid=$!
		sleep 0.3
		kill -9 "$pid"
		wait "$pid" || true
	done
	run timeout 30 "$TBIN/sp_client" smoke
	[ "$status" -eq 0 ]
	kill -0 "$SRVPID"
}

@test "killing the server gives clients EIO/ENOTCONN, not a hang" {
	mkfifo "$BATS_TEST_TMPDIR/in"
	timeout 20 "$TBIN/sp_client" gone <"$BATS_TEST_TMPDIR/in" \
		>"$BATS_TEST_TMPDIR/gone.out" 2>&1 &
	client=$!
	exec 5>"$BATS_TEST_TMPDIR/in"
	for _ in $(seq 100); do
		grep -q ready "$BATS_TEST_TMPDIR/gone.out" && break
		sleep 0.05
	done
	kill -9 "$SRVPID"
	wait "$SRVPID" || true
	SRVPID=
	echo go >&5
	exec 5>&-
	wait "$client"
	grep -qx "gone ok" "$BATS_TEST_TMPDIR/gone.out"
}

@test "malformed frames: the server survives, other clients unaffected" {
	[ -x "$TBIN/sp_fuzz" ] || skip "sp_fuzz not built"
	timeout 120 "$TBIN/sp_client" ops 3000 bystander \
		>"$BATS_TEST_TMPDIR/by.out" 2>&1 &
	by=$!
	run timeout 120 "$TBIN/sp_fuzz" "$SOCK" 2000 7
	echo "$output"
	[ "$status" -eq 0 ]
	wait "$by"
	grep -qx "ok bystander" "$BATS_TEST_TMPDIR/by.out"
	run timeout 30 "$TBIN/sp_client" smoke
	[ "$status" -eq 0 ]
}

@test "SIGTERM: the server syncs, removes its socket and exits 0" {
	kill -TERM "$SRVPID"
	st=0
	wait "$SRVPID" || st=$?
	SRVPID=
	[ "$st" -eq 0 ]
	[ ! -e "$SOCK" ]
	grep -q "synced" "$BATS_TEST_TMPDIR/server.log"
}

@test "rump_server: -l names linked components, refuses others; tcp URL" {
	run "$SERVER" -l rumpfs_tmpfs -l librumpvfs.a -l nosuch unix://$BATS_TEST_TMPDIR/x
	[ "$status" -eq 1 ]
	echo "$output" | grep -q "nosuch is not linked"
	run "$SERVER" -d key=/dev/x ftp://x
	[ "$status" -eq 1 ]
	port=$((20000 + RANDOM % 20000))
	"$SERVER" -s "tcp://127.0.0.1:$port" &
	tcp=$!
	sleep 0.5
	RUMP_SERVER=tcp://127.0.0.1:$port run timeout 30 "$TBIN/sp_client" smoke
	kill "$tcp"
	wait "$tcp" || true
	[ "$status" -eq 0 ]
}

@test "rump_server without -s detaches once it serves" {
	sock=$BATS_TEST_TMPDIR/d.sock
	run "$SERVER" unix://$sock
	[ "$status" -eq 0 ]
	[ -S "$sock" ]
	RUMP_SERVER=unix://$sock run timeout 30 "$TBIN/sp_client" smoke
	[ "$status" -eq 0 ]
	# Stop the detached server: the one whose command line names our
	# private socket.
	pid=$(pgrep -f "rump_server unix://$sock\$")
	[ -n "$pid" ]
	kill "$pid"
}

@test "hijack: ls, mkdir, cp -r, cat, find, du, sha256sum, tar, rm -r on /rump" {
	[ -f "$HIJACK" ] || skip "librumphijack.so not built"
	src=$BATS_TEST_TMPDIR/src
	mkdir -p "$src/d/e"
	echo one >"$src/f1"
	seq 1 200000 >"$src/d/big"
	echo deep >"$src/d/e/g"
	ln -s f1 "$src/ln"
	hj mkdir /rump/w
	hj cp -r "$src" /rump/w/copy
	run hj ls -la /rump/w/copy
	echo "$output"
	[ "$status" -eq 0 ]
	echo "$output" | grep -q ' big$' || echo "$output" | grep -q ' d$'
	echo "$output" | grep -q 'ln -> f1'
	[ "$(hj cat /rump/w/copy/d/e/g)" = deep ]
	[ "$(hj sha256sum </dev/null /rump/w/copy/d/big | cut -d' ' -f1)" = \
	  "$(sha256sum "$src/d/big" | cut -d' ' -f1)" ]
	[ "$(hj find /rump/w/copy | sort | tr '\n' ' ')" = \
	  "/rump/w/copy /rump/w/copy/d /rump/w/copy/d/big /rump/w/copy/d/e /rump/w/copy/d/e/g /rump/w/copy/f1 /rump/w/copy/ln " ]
	hj du -s /rump/w/copy | grep -q '/rump/w/copy$'
	# tar out of the server, into it, and an archive kept in it.
	hj tar -C /rump/w -cf "$BATS_TEST_TMPDIR/a.tar" copy
	hj mkdir /rump/x
	hj tar -C /rump/x -xf "$BATS_TEST_TMPDIR/a.tar"
	hj tar -C /rump/x -cf /rump/x/b.tar copy
	hj diff -r "$src" /rump/x/copy
	mkdir "$BATS_TEST_TMPDIR/back"
	hj tar -C "$BATS_TEST_TMPDIR/back" -xf /rump/x/b.tar
	diff -r "$src" "$BATS_TEST_TMPDIR/back/copy"
	hj cp -r /rump/x/copy "$BATS_TEST_TMPDIR/back2"
	diff -r "$src" "$BATS_TEST_TMPDIR/back2"
	hj rm -r /rump/w /rump/x
	run hj ls /rump
	[ "$output" = dev ]
}

@test "hijack: cd into /rump, shell redirections, fork and exec keep working" {
	[ -f "$HIJACK" ] || skip "librumphijack.so not built"
	hj mkdir /rump/s
	run hj sh -c 'cd /rump/s && pwd && echo hi >f && cat f && (cat /rump/s/f) && ls'
	echo "$output"
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf '/rump/s\nhi\nhi\nf')" ]
	run hj bash -c 'exec 3</rump/s/f; read -r l <&3; echo "got $l"; seq 3 | tee /rump/s/n >/dev/null; wc -l </rump/s/n'
	echo "$output"
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf 'got hi\n3')" ]
	# A host path in the same command line still goes to the host.
	echo host >"$BATS_TEST_TMPDIR/h"
	run hj cat "$BATS_TEST_TMPDIR/h" /rump/s/f
	[ "$output" = "$(printf 'host\nhi')" ]
}

@test "hijack: poll/select over host and remote descriptors" {
	[ -f "$HIJACK" ] || skip "librumphijack.so not built"
	command -v python3 >/dev/null || skip "python3 not installed"
	hj mkdir /rump/p
	echo data | hj tee /rump/p/f >/dev/null
	run hj python3 -c '
import os, select
r = os.open("/rump/p/f", os.O_RDONLY)
p, w = os.pipe()
rd, _, _ = select.select([r, p], [], [], 2)
print("remote" if r in rd else "none", "pipe" if p in rd else "nopipe")
os.write(w, b"x")
rd, _, _ = select.select([p], [], [], 2)
print("pipe" if p in rd else "nopipe")
po = select.poll(); po.register(r, select.POLLIN); po.register(p, select.POLLIN)
print(sorted(fd == r for fd, ev in po.poll(1000)))
print(os.read(r, 100).decode().strip())
'
	echo "$output"
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf 'remote nopipe\npipe\n[False, True]\ndata')" ]
}

@test "hijack on an ext2 image: tools work, e2fsck finds it clean (umount and SIGTERM)" {
	[ -f "$HIJACK" ] || skip "librumphijack.so not built"
	command -v mkfs.ext2 >/dev/null || skip "e2fsprogs not installed"
	if "$SERVER" -l rumpfs_ext2 2>&1 | grep -q "is not linked"; then
		skip "rumpfs_ext2 is not linked into rump_server"
	fi
	teardown
	img=$BATS_TEST_TMPDIR/e2.img
	truncate -s 16M "$img"
	mkfs.ext2 -q -F "$img"
	"$SERVER" -s -d "key=/dev/blk0,hostpath=$img,size=host" "$RUMP_SERVER" &
	SRVPID=$!
	sleep 0.5
	"$TBIN/sp_client" mount /dev/blk0 /mnt ext2
	src=$BATS_TEST_TMPDIR/src
	mkdir -p "$src/d"
	seq 1 50000 >"$src/d/big"
	echo x >"$src/f"
	hj cp -r "$src" /rump/mnt/t
	hj mkdir /rump/mnt/t/new
	hj tar -C /rump/mnt -cf /rump/mnt/t.tar t
	hj mkdir /rump/mnt/x
	hj tar -C /rump/mnt/x -xf /rump/mnt/t.tar
	hj diff -r "$src" /rump/mnt/x/t/ --exclude=new
	hj rm -r /rump/mnt/x
	[ "$(hj sha256sum /rump/mnt/t/d/big | cut -d' ' -f1)" = \
	  "$(sha256sum "$src/d/big" | cut -d' ' -f1)" ]
	"$TBIN/sp_client" umount /mnt
	run e2fsck -fn "$img"
	echo "$output"
	[ "$status" -eq 0 ]
	# Mounted again and left mounted: SIGTERM must flush it.
	"$TBIN/sp_client" mount /dev/blk0 /mnt ext2
	hj cp "$src/f" /rump/mnt/after-term
	kill -TERM "$SRVPID"
	wait "$SRVPID"
	SRVPID=
	run e2fsck -fn "$img"
	echo "$output"
	[ "$status" -eq 0 ]
	debugfs -R "cat /after-term" "$img" 2>/dev/null | grep -qx x
}
