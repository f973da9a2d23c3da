#!/usr/bin/env bats
# net.bats -- networking of booted images over virtio-net and QEMU's
# user networking (slirp: gateway 10.0.2.2, guest 10.0.2.15).  Host
# ports are forwarded from 127.0.0.1 only.
#
#   - the driver alone (tests/hw/netif.c, no kernel): two NICs, the
#     legacy transport, ARP and ping with slirp, UDP through hostfwd;
#   - images: the boot configuration's "net" key (static, DHCP, errors)
#     with a UDP echo program, and examples/httpd fetched with curl
#     (byte-exact) and loaded with wrk;
#   - a tap back end with virtio-net headers (checksum offloads) in a
#     network namespace the test creates (needs root; skips otherwise).
#
#	RR=/path/to/rumprun/install bats tests/hw/net.bats

load ../bats/helpers

setup_file() {
	command -v qemu-system-x86_64 >/dev/null || skip "qemu-system-x86_64 is not installed"
	[ -x "$RR/bin/x86_64-rumprun-linux-musl-cc" ] || skip "no toolchain: ./build-rr.sh hw"
	command -v nc >/dev/null || skip "no nc (netcat-openbsd)"
	export W=$BATS_FILE_TMPDIR
	make -C "$TOP" -f tests/hw/tests.mk OBJDIR="$W/obj" -j2 \
	    "$W/obj/tests/hw/netif.elf" >&2
	cd "$W"
	for p in tests/hw/udpecho examples/httpd/httpd; do
		b=$(basename "$p")
		"$RR/bin/x86_64-rumprun-linux-musl-cc" -O2 -o "$b" "$TOP/$p.c"
		"$RR/bin/rumprun-bake" hw_virtio "$b.img" "$b"
	done
	mkdir -p www/sub
	head -c 1048576 /dev/urandom > www/rand.bin
	echo '<h1>hello from a unikernel</h1>' > www/index.html
	echo small > www/sub/small.txt
	# The served tree is baked into the image's root file system.
	"$RR/bin/rumprun-bake" -f www:/www hw_virtio httpd-www.img httpd
}

teardown() {
	# Guests a test left running (started with setsid: a group of ours).
	if [ -n "${GUEST_PGID:-}" ]; then
		kill -- -"$GUEST_PGID" 2>/dev/null || true
		wait "$GUEST_PGID" 2>/dev/null || true
	fi
}

# free_port: a TCP and UDP port nothing on 127.0.0.1 uses now.
free_port() {
	local p
	for _ in $(seq 1 50); do
		p=$((20000 + RANDOM % 40000))
		if ! ss -Hltun 2>/dev/null | awk '{print $5}' | grep -q ":$p\$"; then
			echo "$p"
			return
		fi
	done
	echo "net.bats: no free port" >&2
	return 1
}

# start_guest LOG RUMPRUN-ARGS...: boot in the background, console to LOG.
start_guest() {
	local log=$1
	shift
	setsid timeout 300 "$RR/bin/rumprun" qemu -q "$@" >"$log" 2>&1 </dev/null &
	GUEST_PGID=$!
}

# wait_for LOG PATTERN SECONDS: until LOG has PATTERN; fails after SECONDS
# or when the guest is gone without printing it.
wait_for() {
	local i
	for i in $(seq 1 $(($3 * 10))); do
		grep -qs "$2" "$1" && return 0
		kill -0 "$GUEST_PGID" 2>/dev/null || break
		sleep 0.1
	done
	grep -qs "$2" "$1" && return 0
	echo "no '$2' in the console:"
	cat "$1"
	return 1
}

# wait_guest: the guest's exit status (it must end by itself in 120 s).
wait_guest() {
	local rc=0
	for _ in $(seq 1 1200); do
		kill -0 "$GUEST_PGID" 2>/dev/null || break
		sleep 0.1
	done
	wait "$GUEST_PGID" || rc=$?
	GUEST_PGID=
	return $rc
}

# qemu_direct IMAGE CMDLINE [QEMU ARGS]: boot without the launcher (to
# pass a boot configuration the launcher would refuse).
qemu_direct() {
	local img=$1 cmdline=$2
	shift 2
	run timeout 120 qemu-system-x86_64 -M pc -accel tcg -cpu max -m 64 \
	    -display none -no-reboot -monitor none -serial stdio \
	    -device isa-debug-exit,iobase=0xf4,iosize=0x04 -device virtio-rng-pci \
	    -kernel "$img" -append "$cmdline" "$@" </dev/null
}

# ---------------------------------------------------------------------
# The driver alone

@test "driver: two NICs, enumeration, open errors, ARP and a 1400-byte ping" {
	qemu_direct "$W/obj/tests/hw/netif.elf" "RUMPHW_VERBOSE=1 NETIF_N=2" \
	    -netdev user,id=n0,restrict=on -device virtio-net-pci,netdev=n0,mac=52:54:00:12:34:56 \
	    -netdev user,id=n1,restrict=on -device virtio-net-pci,netdev=n1,mac=52:54:00:12:34:57
	echo "$output"
	[ "$status" -eq 3 ] # QEMU's code for exit status 0
	[[ "$output" == *"netif: all "*" checks passed"* ]]
	[[ "$output" == *"vioif1: 52:54:00:12:34:57"* ]]
}

@test "driver: the legacy transport works the same" {
	qemu_direct "$W/obj/tests/hw/netif.elf" "RUMPHW_VERBOSE=1 NETIF_N=1" \
	    -netdev user,id=n0,restrict=on \
	    -device virtio-net-pci,netdev=n0,mac=52:54:00:12:34:56,disable-modern=on
	echo "$output"
	[ "$status" -eq 3 ]
	[[ "$output" == *"legacy transport"* ]]
	[[ "$output" == *"netif: all "*" checks passed"* ]]
}

@test "driver: UDP from the host through a port forward, echoed in raw frames" {
	port=$(free_port)
	setsid timeout 120 qemu-system-x86_64 -M pc -accel tcg -cpu max -m 32 \
	    -display none -no-reboot -monitor none -serial stdio \
	    -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
	    -kernel "$W/obj/tests/hw/netif.elf" -append "NETIF_ECHO=1" \
	    -netdev "user,id=n0,hostfwd=udp:127.0.0.1:$port-:7" \
	    -device virtio-net-pci,netdev=n0,mac=52:54:00:12:34:56 \
	    >"$W/drv.log" 2>&1 </dev/null &
	GUEST_PGID=$!
	wait_for "$W/drv.log" "echo ready" 60
	head -c 1000 /dev/urandom > "$W/d1"
	udp_roundtrip "$port" "$W/d1"
	[ "$(printf quit | nc -u -w 2 127.0.0.1 "$port")" = bye ]
	rc=0
	wait_guest || rc=$?
	cat "$W/drv.log"
	[ "$rc" -eq 3 ]
	grep -q "netif: all .* checks passed" "$W/drv.log"
}

# ---------------------------------------------------------------------
# The launcher

@test "launcher: -I/-W become virtio-net devices with MACs and the net JSON" {
	run "$RR/bin/rumprun" print -I 'net0,vioif,-net user,hostfwd=tcp:127.0.0.1:8080-:80' \
	    -W net0,inet,dhcp -I 'lan,vioif,-netdev socket,listen=127.0.0.1:9999' \
	    -W lan,inet,static,10.1.0.5/16,10.1.0.1,10.1.0.53 -- "$W/udpecho.img"
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == *"-netdev user,id=net0,hostfwd=tcp:127.0.0.1:8080-:80 -device virtio-net-pci,netdev=net0,mac=52:54:"*":00 -netdev socket,id=lan,listen=127.0.0.1:9999 -device virtio-net-pci,netdev=lan,mac=52:54:"*":01"* ]]
	[[ "$output" == *'"net":[{"if":"vioif0","cloner":true,"type":"inet","method":"dhcp"},{"if":"vioif1","cloner":true,"type":"inet","method":"static","addr":"10.1.0.5","mask":16,"gw":"10.1.0.1","dns":"10.1.0.53"}]'* ]]
	# An interface without -W is created without an address.
	run "$RR/bin/rumprun" print -I 'net0,vioif,-net user' -- "$W/udpecho.img"
	[[ "$output" == *'"net":[{"if":"vioif0","cloner":true}]'* ]]
	# Bad ones: arguments separated by ';', then the message.
	while IFS='|' read -r args msg; do
		IFS=';' read -ra argv <<<"$args"
		run "$RR/bin/rumprun" print "${argv[@]}" -- "$W/udpecho.img"
		echo "$args -> $status: $output"
		[ "$status" -eq 64 ]
		[[ "$output" == *"$msg"* ]]
	done <<'EOF'
-I;a,vioif,-net user;-I;a,vioif,-net user|the tag is used twice
-I;a,vioif,-netdev user,id=x|leave id= out
-I;a,vioif,-net nic|'nic' is not a QEMU network back end
-I;a,vioif,-net user;-W;a,inet,dhcp;-W;a,inet,dhcp|configured twice
-I;a,vioif,-net user;-W;a,inet,static,10.0.2.15/33|the mask must be 1..32
-I;a,vioif,-net user;-W;a,inet,static,10.0.2.15/24,gw|'gw' is not an IPv4 address
-I;a,vioif,-net user;-W;a,inet,static|static needs ADDR/MASK
-I;a,vioif,-net user;-W;a,inet6,dhcp|only 'inet' is supported
EOF
}

# ---------------------------------------------------------------------
# The boot configuration, with a UDP echo program

# udp_roundtrip PORT FILE: FILE comes back byte-exact.  UDP is lossy
# (slirp drops what it sends before it learnt the guest's MAC): 3 tries.
udp_roundtrip() {
	local i
	for i in 1 2 3; do
		nc -u -w 2 127.0.0.1 "$1" < "$2" > "$2.back" || true
		cmp -s "$2" "$2.back" && return 0
	done
	echo "no echo of $2 ($(stat -c %s "$2") bytes)"
	return 1
}

# udp_roundtrips PORT: datagrams of several sizes come back byte-exact.
udp_roundtrips() {
	local n
	for n in 1 100 1000 1472; do
		head -c "$n" /dev/urandom > "$W/d$n"
		udp_roundtrip "$1" "$W/d$n"
	done
	[ "$(printf quit | nc -u -w 2 127.0.0.1 "$1")" = bye ]
}

@test "static address: UDP echo in an image, byte-exact" {
	port=$(free_port)
	start_guest "$W/st.log" -I "net0,vioif,-net user,hostfwd=udp:127.0.0.1:$port-:7" \
	    -W net0,inet,static,10.0.2.15/24,10.0.2.2 -- "$W/udpecho.img"
	wait_for "$W/st.log" "udpecho: ready" 60
	udp_roundtrips "$port"
	wait_guest
	grep -q "udpecho: echoed" "$W/st.log"
}

@test "DHCP from QEMU: UDP echo in an image" {
	port=$(free_port)
	start_guest "$W/dh.log" -I "net0,vioif,-net user,hostfwd=udp:127.0.0.1:$port-:7" \
	    -W net0,inet,dhcp -- "$W/udpecho.img"
	wait_for "$W/dh.log" "udpecho: ready\|boot configuration" 90
	if grep -q "no DHCP client" "$W/dh.log"; then
		skip "this kernel has no DHCP client yet (rumpnet_dhcp)"
	fi
	udp_roundtrips "$port"
	wait_guest
}

@test "a second NIC is vioif1 and gets its own address" {
	port=$(free_port)
	start_guest "$W/two.log" -I "net0,vioif,-net user,restrict=on" \
	    -W net0,inet,static,10.0.3.15/24 \
	    -I "net1,vioif,-net user,hostfwd=udp:127.0.0.1:$port-:7" \
	    -W net1,inet,static,10.0.2.15/24,10.0.2.2 -- "$W/udpecho.img"
	wait_for "$W/two.log" "udpecho: ready" 60
	udp_roundtrips "$port"
	wait_guest
}

@test "bad \"net\" values stop the boot with status 78, naming the key" {
	nic="-netdev user,id=n0,restrict=on -device virtio-net-pci,netdev=n0"
	while IFS='|' read -r net msg; do
		# shellcheck disable=SC2086
		qemu_direct "$W/udpecho.img" "-- {\"argv\":[\"udpecho\"],\"net\":$net}" $nic
		echo "$net -> $status: $output"
		[ "$status" -eq 159 ] # exit status 78
		[[ "$output" == *"$msg"* ]]
	done <<'EOF'
{}|net: must be an array
[7]|net[0]: must be an object
[{"if":"vioif0","colour":"red"}]|net[0]: unknown key 'colour'
[{"cloner":true}]|net[0].if: an interface name
[{"if":"vioif0","type":"inet6","method":"dhcp"}]|net[0].type: 'inet6' is not supported
[{"if":"vioif0","type":"inet","method":"bootp"}]|net[0].method: 'bootp'
[{"if":"vioif0","type":"inet","method":"static","addr":"10.0.2.300","mask":24}]|net[0].addr: static needs an IPv4 address, not 10.0.2.300
[{"if":"vioif0","type":"inet","method":"static","addr":"10.0.2.15","mask":33}]|net[0].mask: a prefix length
[{"if":"vioif0","type":"inet","method":"static","addr":"10.0.2.15","mask":"255.0.255.0"}]|net[0].mask: a prefix length
[{"if":"vioif0","type":"inet","method":"static","addr":"10.0.2.15","mask":24,"gw":"x"}]|net[0].gw: 'x' is not an IPv4 address
[{"if":"vioif0","type":"inet","method":"static","addr":"10.0.2.15","mask":24,"gw":"10.9.9.9"}]|net[0].gw: default route via 10.9.9.9
[{"if":"vioif0","type":"inet","method":"dhcp","addr":"10.0.2.15"}]|net[0]: addr, mask and gw go with "method": "static"
[{"if":"vioif0","cloner":"yes"}]|net[0].cloner: must be true or false
[{"if":"vioif7"}]|net[0].if: cannot create vioif7 on vioif7: no such device
[{"if":"vioif0"},{"if":"vioif0"}]|net[1].if: cannot create vioif0
[{"if":"vioif0","type":"inet","method":"static","addr":"10.0.2.15","mask":24,"dns":"nameserver"}]|net[0].dns: 'nameserver' is not an IPv4 address
EOF
}

@test "a static \"dns\" becomes /etc/resolv.conf; a dotted netmask works" {
	nic="-netdev user,id=n0,restrict=on -device virtio-net-pci,netdev=n0"
	# udpecho with port 0 prints the file and exits.
	# shellcheck disable=SC2086
	run timeout 120 qemu-system-x86_64 -M pc -accel tcg -cpu max -m 64 \
	    -display none -no-reboot -monitor none -serial stdio \
	    -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
	    -kernel "$W/udpecho.img" $nic -append \
	    '-- {"argv":["udpecho","0","/etc/resolv.conf"],"net":[{"if":"vioif0","type":"inet","method":"static","addr":"10.0.2.15","mask":"255.255.255.0","dns":["10.0.2.3","10.0.2.4"]}]}'
	echo "$output"
	[ "$status" -eq 3 ]
	[[ "$output" == *"nameserver 10.0.2.3"*"nameserver 10.0.2.4"* ]]
}

# ---------------------------------------------------------------------
# examples/httpd (needs TCP in the kernel)

# start_httpd LOG PORT -W-ARGS...: boot httpd-www.img serving /www on
# port 80, forwarded from 127.0.0.1:PORT; skips if the kernel has no TCP.
start_httpd() {
	local log=$1 port=$2
	shift 2
	start_guest "$log" -M 128 -I "net0,vioif,-net user,hostfwd=tcp:127.0.0.1:$port-:80" \
	    "$@" -- "$W/httpd-www.img" -s /www
	wait_for "$log" "httpd: serving\|httpd: socket\|httpd: .*:80:\|boot configuration" 90
	if grep -q "httpd: socket\|not supported" "$log"; then
		skip "this kernel has no TCP yet: $(grep httpd: "$log" | head -1)"
	fi
	if grep -q "no DHCP client" "$log"; then
		skip "this kernel has no DHCP client yet (rumpnet_dhcp)"
	fi
	grep -q "httpd: serving" "$log"
}

# fetch_checks PORT: files byte-exact, status codes, keep-alive.
fetch_checks() {
	local u=http://127.0.0.1:$1
	curl -sf --max-time 60 -o "$W/got.bin" "$u/rand.bin"
	[ "$(sha256sum < "$W/got.bin")" = "$(sha256sum < "$W/www/rand.bin")" ]
	[ "$(curl -sf --max-time 20 "$u/")" = "<h1>hello from a unikernel</h1>" ]
	[ "$(curl -s --max-time 20 -o /dev/null -w '%{http_code}' "$u/nope")" = 404 ]
	[ "$(curl -s --max-time 20 -o /dev/null -w '%{http_code}' -X POST "$u/")" = 405 ]
	# Two requests on one connection.
	run curl -sv --max-time 20 "$u/sub/small.txt" "$u/sub/small.txt"
	[[ "$output" == *"Re-using existing connection"* || "$output" == *"Reusing existing"* ]]
}

stop_httpd() {
	curl -s --max-time 20 "http://127.0.0.1:$1/.httpd-exit" || true
	wait_guest
}

@test "httpd, static address: curl fetches a 1 MiB file byte-exact" {
	command -v curl >/dev/null || skip "no curl"
	port=$(free_port)
	start_httpd "$W/hs.log" "$port" -W net0,inet,static,10.0.2.15/24,10.0.2.2
	fetch_checks "$port"
	stop_httpd "$port"
}

@test "httpd, DHCP: curl fetches a 1 MiB file byte-exact" {
	command -v curl >/dev/null || skip "no curl"
	port=$(free_port)
	start_httpd "$W/hd.log" "$port" -W net0,inet,dhcp
	fetch_checks "$port"
	stop_httpd "$port"
}

@test "httpd: wrk with keep-alive and 20 connections, no errors" {
	command -v wrk >/dev/null || skip "no wrk"
	port=$(free_port)
	start_httpd "$W/hw.log" "$port" -W net0,inet,static,10.0.2.15/24,10.0.2.2
	# One request first: the guest resolves the gateway's MAC (its ARP
	# holds one packet per unresolved address, so a burst of SYN-ACKs
	# before that would stall on retransmission).  Timeout 10 s and one
	# wrk thread: slirp, starved of CPU under TCG on a small machine,
	# can hold a request for seconds before the guest ever sees it.
	curl -sf --max-time 20 -o /dev/null "http://127.0.0.1:$port/"
	run wrk -t 1 -c 20 -d 5s --timeout 10s "http://127.0.0.1:$port/index.html"
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == *"Requests/sec:"* ]]
	[[ "$output" != *"Socket errors"* ]]
	[[ "$output" != *"Non-2xx"* ]]
	# And the server still answers afterwards.
	curl -sf --max-time 20 "http://127.0.0.1:$port/sub/small.txt"
	stop_httpd "$port"
}

# ---------------------------------------------------------------------
# A tap back end with virtio-net headers: QEMU offers CSUM and GUEST_CSUM,
# Linux sends partially checksummed frames.  All inside a network
# namespace of the test's own, so nothing else sees the interface.

@test "tap with vnet headers in a private namespace: offloads, ping, 1 MiB byte-exact" {
	command -v curl >/dev/null || skip "no curl"
	[ "$(id -u)" = 0 ] || skip "needs root (a tap device in a new network namespace)"
	[ -c /dev/net/tun ] || skip "no /dev/net/tun"
	unshare -n true 2>/dev/null || skip "cannot create a network namespace here"
	cat > "$W/tap.sh" <<'EOS'
set -eu
W=$1
ip link set lo up
ip tuntap add dev rrtap0 mode tap
ip addr add 10.0.5.1/24 dev rrtap0
ip link set rrtap0 up
timeout 120 qemu-system-x86_64 -M pc -accel tcg -cpu max -m 128 -display none \
    -no-reboot -monitor none -serial "file:$W/tap.log" \
    -device isa-debug-exit,iobase=0xf4,iosize=0x04 -kernel "$W/httpd-www.img" \
    -append 'RUMPHW_VERBOSE=1 -- {"argv":["httpd","-s","/www"],"net":[{"if":"vioif0","type":"inet","method":"static","addr":"10.0.5.2","mask":24}]}' \
    -netdev tap,id=n0,ifname=rrtap0,script=no,downscript=no,vnet_hdr=on \
    -device virtio-net-pci,netdev=n0 </dev/null &
q=$!
i=0
until grep -q "httpd: serving" "$W/tap.log" 2>/dev/null; do
	i=$((i + 1)); [ $i -lt 600 ] || { kill $q; exit 1; }
	sleep 0.2
done
rc=0
ping -c 2 -W 5 10.0.5.2 || rc=1
curl -sf --max-time 60 -o "$W/tapgot.bin" http://10.0.5.2/rand.bin || rc=1
cmp "$W/tapgot.bin" "$W/www/rand.bin" || rc=1
curl -s --max-time 20 http://10.0.5.2/.httpd-exit || true
wait $q || true
exit $rc
EOS
	run unshare -n sh "$W/tap.sh" "$W"
	echo "$output"
	cat "$W/tap.log"
	[ "$status" -eq 0 ]
	grep -q "offload tx-csum rx-csum" "$W/tap.log"
}
