#!/bin/sh
# test_dhcp_slirp.sh -- run tests/net/test_dhcp_slirp.c against QEMU's
# user-mode network: in a network namespace made here, a bridge joins
# the tap device QEMU (no guest: -M none) connects its slirp to and the
# tap device the hosted rump kernel uses.  Prints TAP; skips, with the
# reason, without root, unshare, ip, /dev/net/tun or QEMU.
#
# usage: test_dhcp_slirp.sh TEST_PROGRAM
set -eu

usage() {
	echo "usage: $0 TEST_PROGRAM  (e.g. OBJDIR/tests/bin/test_dhcp_slirp)" >&2
	exit 2
}

skip() {
	echo "1..1"
	echo "ok 1 - DHCP against QEMU user networking # SKIP $*"
	exit 0
}

die() {
	echo "$0: $*" >&2
	exit 1
}

[ $# -eq 1 ] || usage
prog=$1
[ -x "$prog" ] || die "no test program $prog: build it (make ... tests)"

if [ -z "${DHCP_SLIRP_NETNS:-}" ]; then
	[ "$(id -u)" = 0 ] || skip "needs root (a network namespace, tap devices)"
	command -v qemu-system-x86_64 >/dev/null 2>&1 || skip "no qemu-system-x86_64"
	command -v ip >/dev/null 2>&1 || skip "no ip(8)"
	command -v unshare >/dev/null 2>&1 || skip "no unshare(1)"
	[ -c /dev/net/tun ] || skip "no /dev/net/tun"
	unshare -n true 2>/dev/null || skip "unshare -n is not permitted here"
	DHCP_SLIRP_NETNS=1 exec unshare -n sh "$0" "$@"
fi

# In the namespace: nothing here outlives it, but QEMU is ours to stop.
ip link set lo up
ip link add br0 type bridge 2>/dev/null || skip "no bridge devices here"
ip tuntap add tapq mode tap || skip "cannot make tap devices"
ip tuntap add tapr mode tap
ip link set tapq master br0
ip link set tapr master br0
for l in br0 tapq tapr; do ip link set "$l" up; done

log=$(mktemp)
qemu-system-x86_64 -M none -display none -monitor none -serial none \
    -netdev user,id=u \
    -netdev tap,id=t,ifname=tapq,script=no,downscript=no \
    -netdev hubport,id=h1,hubid=0,netdev=u \
    -netdev hubport,id=h2,hubid=0,netdev=t >"$log" 2>&1 &
qpid=$!
trap 'kill $qpid 2>/dev/null; rm -f "$log"' EXIT
sleep 1
kill -0 $qpid 2>/dev/null || { cat "$log" >&2; die "QEMU did not start"; }
status=0
DHCP_SLIRP_IF=tap:tapr "$prog" || status=$?
exit $status
