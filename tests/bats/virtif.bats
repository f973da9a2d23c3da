#!/usr/bin/env bats
# virtif.bats -- hosted rump kernels on virtual Ethernet interfaces
# (components/net/virtif, platforms/posix/netif*): two kernels in two
# processes on a shared-memory bus file, and one kernel on a tap device
# facing Linux's own stack in a network namespace the test makes.
# Every process runs under timeout; namespaces go away in teardown.

load helpers

PEER=$TBIN/prog_virtif_peer

setup()
{
	[ -x "$PEER" ] || skip "$PEER is not built (make ... tests)"
	BUS=$BATS_TEST_TMPDIR/bus
	NS=
}

teardown()
{
	for f in "$BATS_TEST_TMPDIR"/*.pid; do
		[ -f "$f" ] || continue
		kill "$(cat "$f")" 2>/dev/null || true
	done
	wait 2>/dev/null || true
	[ -f "$BATS_TEST_TMPDIR/nobody.dir" ] && rm -rf "$(cat "$BATS_TEST_TMPDIR/nobody.dir")"
	if [ -n "$NS" ]; then
		ip netns exec "$NS" ip link del nitap0 2>/dev/null || true
		ip netns del "$NS" 2>/dev/null || true
	fi
}

# start NAME CMD...: run a server in the background (output in
# NAME.out) and wait until it says "ready"; 77 if it has no TCP.
start()
{
	local name=$1 out
	shift
	out=$BATS_TEST_TMPDIR/$name.out
	"$@" >"$out" 2>&1 3>&- &
	echo $! >"$BATS_TEST_TMPDIR/$name.pid"
	for _ in $(seq 100); do
		grep -q '^ready' "$out" && return 0
		grep -q '^no TCP' "$out" && return 77
		kill -0 "$(cat "$BATS_TEST_TMPDIR/$name.pid")" 2>/dev/null || break
		sleep 0.1
	done
	echo "$name did not start:"; cat "$out"
	return 1
}

# finish NAME: wait for a background server and show its output.
finish()
{
	local pid
	pid=$(cat "$BATS_TEST_TMPDIR/$1.pid")
	wait "$pid" || { echo "$1 failed:"; cat "$BATS_TEST_TMPDIR/$1.out"; return 1; }
	rm -f "$BATS_TEST_TMPDIR/$1.pid"
	cat "$BATS_TEST_TMPDIR/$1.out"
}

# ---------------------------------------------------------------------
# Shared-memory bus

@test "shmif: two kernels exchange 1000 UDP datagrams byte-exact; ICMP errors cross too" {
	start srv timeout 60 "$PEER" shm0 "shmif:$BUS" 10.1.0.1/24 echo 7 50
	run timeout 30 "$PEER" shm0 "shmif:$BUS" 10.1.0.2/24 udpclient 10.1.0.1 7 1000
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == "echoed 1000 of 1000,"* ]]
	# A closed port: the peer's ICMP port unreachable is ECONNREFUSED.
	run timeout 30 "$PEER" shm0 "shmif:$BUS" 10.1.0.3/24 refused 10.1.0.1 9
	echo "$output"
	[ "$status" -eq 0 ]
	run timeout 10 "$PEER" shm0 "shmif:$BUS" 10.1.0.4/24 quit 10.1.0.1 7
	finish srv
}

@test "shmif: with 5% loss, duplication and reordering UDP still gets through" {
	knobs=loss=5,dup=5,reorder=5
	start srv timeout 60 "$PEER" shm0 "shmif:$BUS,$knobs,seed=1" 10.1.0.1/24 echo 7 50
	# Retried until echoed: every datagram arrives intact.
	run timeout 40 "$PEER" shm0 "shmif:$BUS,$knobs,seed=2" 10.1.0.2/24 udpclient 10.1.0.1 7 300
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == "echoed 300 of 300,"* ]]
	# Not retried: most come back (about 0.95 * 0.95), none damaged.
	run timeout 30 "$PEER" shm0 "shmif:$BUS,$knobs,seed=3" 10.1.0.3/24 udpburst 10.1.0.1 7 1000
	echo "$output"
	[ "$status" -eq 0 ]
	got=$(echo "$output" | sed -n 's/^received \([0-9]*\) of 1000, 0 bad$/\1/p')
	[ -n "$got" ] && [ "$got" -gt 700 ] && [ "$got" -lt 1000 ]
	run timeout 10 "$PEER" shm0 "shmif:$BUS" 10.1.0.4/24 quit 10.1.0.1 7
	finish srv
}

@test "shmif: an interface destroyed and made again 50 times while the bus is busy" {
	start srv timeout 60 "$PEER" shm0 "shmif:$BUS" 10.1.0.1/24 echo 7 50
	# Traffic from a third kernel the whole time.
	timeout 60 "$PEER" shm0 "shmif:$BUS" 10.1.0.3/24 udpclient 10.1.0.1 7 20000 \
	    >"$BATS_TEST_TMPDIR/load.out" 2>&1 3>&- &
	echo $! >"$BATS_TEST_TMPDIR/load.pid"
	run timeout 50 "$PEER" shm0 "shmif:$BUS" 10.1.0.2/24 churn 10.1.0.1 7 50
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == *"remade 50 times"* ]]
	wait "$(cat "$BATS_TEST_TMPDIR/load.pid")" || { cat "$BATS_TEST_TMPDIR/load.out"; false; }
	rm -f "$BATS_TEST_TMPDIR/load.pid"
	cat "$BATS_TEST_TMPDIR/load.out"
	run timeout 10 "$PEER" shm0 "shmif:$BUS" 10.1.0.4/24 quit 10.1.0.1 7
	finish srv
}

@test "shmif: TCP between two kernels, 4 MB byte-exact" {
	start srv timeout 60 "$PEER" shm0 "shmif:$BUS" 10.1.0.1/24 tcpecho 7 50 ||
		{ [ $? -eq 77 ] && skip "no TCP in this kernel"; false; }
	run timeout 50 "$PEER" shm0 "shmif:$BUS" 10.1.0.2/24 tcpsend 10.1.0.1 7 4000000
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == "tcp 4000000 bytes echoed byte-exact" ]]
	finish srv
}

@test "shmif: TCP with 5% loss, duplication and reordering, byte-exact" {
	knobs=loss=5,dup=5,reorder=5
	start srv2 timeout 60 "$PEER" shm0 "shmif:$BUS,$knobs,seed=4" 10.1.0.1/24 tcpecho 7 50 ||
		{ [ $? -eq 77 ] && skip "no TCP in this kernel"; false; }
	run timeout 50 "$PEER" shm0 "shmif:$BUS,$knobs,seed=5" 10.1.0.2/24 tcpsend 10.1.0.1 7 200000
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == "tcp 200000 bytes echoed byte-exact" ]]
	finish srv2
}

@test "shmif: TCP at MTU 65535 with loss, duplication and reordering, byte-exact" {
	knobs=mtu=65535,loss=5,dup=5,reorder=5
	start srv timeout 60 "$PEER" shm0 "shmif:$BUS,$knobs,seed=6" 10.1.0.1/24 tcpecho 7 50 ||
		{ [ $? -eq 77 ] && skip "no TCP in this kernel"; false; }
	run timeout 50 "$PEER" shm0 "shmif:$BUS,$knobs,seed=7" 10.1.0.2/24 tcpsend 10.1.0.1 7 2000000
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == "tcp 2000000 bytes echoed byte-exact" ]]
	finish srv
}

@test "shmif: TCP between a kernel with checksum offload and one without (csum=0)" {
	# Partial checksums from the first are finished by the second's
	# back end; the second sends complete ones.
	start srv timeout 60 "$PEER" shm0 "shmif:$BUS,mtu=9000" 10.1.0.1/24 tcpecho 7 50 ||
		{ [ $? -eq 77 ] && skip "no TCP in this kernel"; false; }
	run timeout 50 "$PEER" shm0 "shmif:$BUS,mtu=9000,csum=0" 10.1.0.2/24 tcpsend 10.1.0.1 7 2000000
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == "tcp 2000000 bytes echoed byte-exact" ]]
	finish srv
}

@test "shmif: needs no privileges" {
	[ "$(id -u)" -eq 0 ] || skip "already unprivileged (the other tests cover it)"
	command -v setpriv >/dev/null || skip "no setpriv to drop privileges"
	as_nobody="setpriv --reuid=65534 --regid=65534 --clear-groups"
	$as_nobody test -x "$PEER" || skip "$PEER is not reachable for user nobody"
	dir=$(mktemp -d /tmp/virtif-nobody.XXXXXX) && chmod 777 "$dir"
	echo "$dir" >"$BATS_TEST_TMPDIR/nobody.dir"
	start srv timeout 60 $as_nobody "$PEER" shm0 "shmif:$dir/bus" 10.1.0.1/24 echo 7 50
	run timeout 30 $as_nobody "$PEER" shm0 "shmif:$dir/bus" 10.1.0.2/24 udpclient 10.1.0.1 7 10
	echo "$output"
	[ "$status" -eq 0 ]
	[ "$(stat -c %u "$dir/bus")" -eq 65534 ]
	run timeout 10 $as_nobody "$PEER" shm0 "shmif:$dir/bus" 10.1.0.3/24 quit 10.1.0.1 7
	finish srv
}

# ---------------------------------------------------------------------
# tap, against Linux in a network namespace of our own

# tap_setup: a namespace with a persistent tap nitap0 (Linux side
# 10.9.0.1/24) that the rump kernel (10.9.0.2) attaches to.
tap_setup()
{
	[ "$(id -u)" -eq 0 ] || skip "tap needs root (CAP_NET_ADMIN)"
	[ -c /dev/net/tun ] || skip "no /dev/net/tun on this host"
	command -v ip >/dev/null || skip "no ip(8) (iproute2)"
	NS=rrnif-$$-$BATS_TEST_NUMBER
	ip netns add "$NS" 2>/dev/null || { NS=; skip "cannot make a network namespace here"; }
	ip netns exec "$NS" ip link set lo up
	ip netns exec "$NS" ip tuntap add dev nitap0 mode tap ||
		skip "cannot make a tap device in a namespace"
	ip netns exec "$NS" ip addr add 10.9.0.1/24 dev nitap0
	ip netns exec "$NS" ip link set nitap0 up
	IN="ip netns exec $NS"
}

@test "tap: Linux pings the rump kernel" {
	tap_setup
	command -v ping >/dev/null || skip "no ping (iputils-ping)"
	start srv $IN timeout 30 "$PEER" tap0 tap:nitap0 10.9.0.2/24 idle 20
	run $IN timeout 20 ping -c 3 -W 2 10.9.0.2
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == *"3 packets transmitted, 3 received"* ]]
}

@test "tap: UDP both ways with Linux nc" {
	tap_setup
	command -v nc >/dev/null || skip "no nc (netcat-openbsd)"
	start srv $IN timeout 30 "$PEER" tap0 tap:nitap0 10.9.0.2/24 echo 7 20
	run sh -c "echo hello-rump | $IN timeout 10 nc -u -w 2 10.9.0.2 7"
	echo "nc got: $output"
	[ "$output" = hello-rump ]
	run sh -c "printf quit | $IN timeout 10 nc -u -w 1 10.9.0.2 7"
	finish srv
	# The rump kernel sends, Linux listens.
	$IN timeout 20 nc -u -l -W 1 10.9.0.1 9999 >"$BATS_TEST_TMPDIR/nc.out" 2>&1 3>&- &
	echo $! >"$BATS_TEST_TMPDIR/nc.pid"
	sleep 0.5
	run $IN timeout 20 "$PEER" tap0 tap:nitap0 10.9.0.2/24 udpsend 10.9.0.1 9999 hello-linux
	echo "$output"
	[ "$status" -eq 0 ]
	wait "$(cat "$BATS_TEST_TMPDIR/nc.pid")" || true
	echo "Linux got: $(cat "$BATS_TEST_TMPDIR/nc.out")"
	[ "$(cat "$BATS_TEST_TMPDIR/nc.out")" = hello-linux ]
}

@test "tap: TCP both ways with Linux nc and curl, byte-exact" {
	tap_setup
	command -v nc >/dev/null || skip "no nc (netcat-openbsd)"
	head -c 3000000 /dev/urandom >"$BATS_TEST_TMPDIR/data"
	# Linux connects, the rump kernel echoes.
	start srv $IN timeout 60 "$PEER" tap0 tap:nitap0 10.9.0.2/24 tcpecho 7 30 ||
		{ [ $? -eq 77 ] && skip "no TCP in this kernel"; false; }
	$IN timeout 30 nc -N 10.9.0.2 7 <"$BATS_TEST_TMPDIR/data" >"$BATS_TEST_TMPDIR/echo"
	finish srv
	cmp "$BATS_TEST_TMPDIR/data" "$BATS_TEST_TMPDIR/echo"
	# The rump kernel connects, Linux listens.
	$IN timeout 30 nc -l 10.9.0.1 9998 </dev/null >"$BATS_TEST_TMPDIR/got" 2>&1 3>&- &
	echo $! >"$BATS_TEST_TMPDIR/nc.pid"
	sleep 0.5
	run $IN timeout 30 "$PEER" tap0 tap:nitap0 10.9.0.2/24 tcpput 10.9.0.1 9998 "$BATS_TEST_TMPDIR/data"
	echo "$output"
	[ "$status" -eq 0 ]
	wait "$(cat "$BATS_TEST_TMPDIR/nc.pid")" || true
	cmp "$BATS_TEST_TMPDIR/data" "$BATS_TEST_TMPDIR/got"
	# curl fetches from the rump kernel.
	command -v curl >/dev/null || skip "no curl"
	start web $IN timeout 60 "$PEER" tap0 tap:nitap0 10.9.0.2/24 httpd 80 "$BATS_TEST_TMPDIR/data" 30
	$IN timeout 30 curl -sS -o "$BATS_TEST_TMPDIR/fetched" http://10.9.0.2/data
	finish web
	cmp "$BATS_TEST_TMPDIR/data" "$BATS_TEST_TMPDIR/fetched"
}

# ---------------------------------------------------------------------
# Linking

@test "pkg-config: rumpnet_virtif links the back ends; without it rump_net_if_create is ENOTSUP" {
	[ -f "$RR/lib/pkgconfig/rumpnet_virtif.pc" ] || skip "$RR is not installed"
	cat >"$BATS_TEST_TMPDIR/mk.c" <<'C'
#include <rump/rump.h>
#include <rump/rump_net.h>
#include <stdio.h>
int main(int argc, char **argv)
{
	int e = rump_init();
	if (e != 0 || argc != 2)
		return 2;
	e = rump_net_if_create("shm0", argv[1]);
	printf("create %d\n", e);
	return e != 0 ? 1 : rump_net_if_destroy("shm0");
}
C
	pc="env PKG_CONFIG_PATH=$RR/lib/pkgconfig pkg-config --cflags --libs"
	for lib in rumpnet_virtif rumpnet_inet; do
		run sh -c "cc -o '$BATS_TEST_TMPDIR/mk' '$BATS_TEST_TMPDIR/mk.c' \$($pc $lib)"
		echo "$lib: $output"
		[ "$status" -eq 0 ]
		run "$BATS_TEST_TMPDIR/mk" "shmif:$BUS"
		echo "$lib: $output"
		if [ $lib = rumpnet_virtif ]; then
			[ "$status" -eq 0 ] && [ "$output" = "create 0" ]
		else
			[ "$output" = "create 95" ]  # ENOTSUP
		fi
	done
}
