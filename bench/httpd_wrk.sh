#!/bin/sh
# bench/httpd_wrk.sh -- wrk against examples/httpd in a booted image
# (virtio-net, QEMU user networking, port forwarded from 127.0.0.1),
# beside the same httpd run natively on this machine; then whether the
# guest's memory use grew under load.  Not a test: figures to read, but
# the exit status is 1 when wrk saw errors or memory grew.
#
#   1. warm-up (5 s), then the guest's memory in use (httpd -s answers
#      /.httpd-stats with the kernel's sysinfo figures)
#   2. wrk DURATION s, keep-alive, CONNS connections: requests/s
#   3. memory again after a second, shorter run: growth beyond 1 MiB
#      between the two measurements fails
#   4. the same wrk run against httpd natively (the reference)
#
# usage: bench/httpd_wrk.sh [DURATION [CONNS]]   (default 30 s, 32)
#
# The network: as root (with /dev/net/tun and unshare), a tap device in a
# network namespace the script creates, with virtio-net headers (the
# guest at 10.0.5.2): that measures our stack and driver.  Otherwise, or
# with HTTPD_WRK_NET=user, QEMU's user networking with a port forwarded
# from 127.0.0.1: slirp then dominates, and on a 2-core machine it starves
# under load and delays some requests by seconds (a capture at the NIC
# shows the guest answering every request in < 0.2 s), which wrk reports
# as timeouts.
# RR: the rumprun install (default: the tree's rumprun/, from
# ./build-rr.sh hw); BENCH_TMP: scratch space (default /tmp);
# WRK_THREADS: wrk's threads (default 1: a core stays for QEMU).
set -eu
TOP=$(cd "$(dirname "$0")/.." && pwd)
RR=${RR:-$TOP/rumprun}
dur=${1:-30}
conns=${2:-32}
# wrk threads: one leaves a core to QEMU on small machines.
WRK_THREADS=${WRK_THREADS:-1}
case $dur$conns in *[!0-9]*) echo "usage: bench/httpd_wrk.sh [DURATION [CONNS]]" >&2; exit 2 ;; esac
NET=${HTTPD_WRK_NET:-auto}
if [ "$NET" = auto ]; then
	NET=user
	[ "$(id -u)" = 0 ] && [ -c /dev/net/tun ] && command -v ip >/dev/null &&
	    unshare -n true 2>/dev/null && NET=tap
fi
case $NET in
tap)
	# Again, inside a network namespace of our own.
	[ -n "${HTTPD_WRK_INNS:-}" ] ||
		exec unshare -n env HTTPD_WRK_INNS=1 HTTPD_WRK_NET=tap sh "$0" "$@"
	ip link set lo up
	ip tuntap add dev rrtap0 mode tap
	ip addr add 10.0.5.1/24 dev rrtap0
	ip link set rrtap0 up ;;
user) ;;
*) echo "httpd_wrk.sh: HTTPD_WRK_NET must be tap, user or auto" >&2; exit 2 ;;
esac
for t in wrk curl qemu-system-x86_64 ss; do
	command -v $t >/dev/null || { echo "httpd_wrk.sh: $t is not installed" >&2; exit 2; }
done
[ -x "$RR/bin/x86_64-rumprun-linux-musl-cc" ] ||
	{ echo "httpd_wrk.sh: no toolchain in $RR (./build-rr.sh hw)" >&2; exit 2; }

S=$(mktemp -d "${BENCH_TMP:-/tmp}/rumprun-httpd.XXXXXX")
GUEST=
NATIVE=
cleanup()
{
	[ -z "$GUEST" ] || kill -- -"$GUEST" 2>/dev/null || true
	[ -z "$NATIVE" ] || kill "$NATIVE" 2>/dev/null || true
	rm -rf "$S"
}
trap cleanup EXIT INT TERM

free_port()
{
	while :; do
		p=$((20000 + $(od -An -N2 -tu2 /dev/urandom) % 40000))
		ss -Hltn | awk '{print $4}' | grep -q ":$p\$" || { echo "$p"; return; }
	done
}

mkdir -p "$S/www"
echo '<h1>hello from a unikernel</h1>' > "$S/www/index.html"
"$RR/bin/x86_64-rumprun-linux-musl-cc" -O2 -o "$S/httpd" "$TOP/examples/httpd/httpd.c"
"$RR/bin/rumprun-bake" -f "$S/www:/www" hw_virtio "$S/httpd.img" "$S/httpd"
cc -O2 -o "$S/httpd.native" "$TOP/examples/httpd/httpd.c"

if [ "$NET" = tap ]; then
	url=http://10.0.5.2
	set -- -I "net0,vioif,-netdev tap,ifname=rrtap0,script=no,downscript=no,vnet_hdr=on" \
	    -W net0,inet,static,10.0.5.2/24
	what="tap with virtio-net headers, private network namespace"
else
	port=$(free_port)
	url=http://127.0.0.1:$port
	set -- -I "net0,vioif,-net user,hostfwd=tcp:127.0.0.1:$port-:80" \
	    -W net0,inet,static,10.0.2.15/24,10.0.2.2
	what="QEMU user networking"
fi
setsid "$RR/bin/rumprun" qemu -M 256 "$@" -- "$S/httpd.img" -s /www \
    >"$S/console" 2>&1 </dev/null &
GUEST=$!
i=0
until grep -qs "httpd: serving" "$S/console"; do
	i=$((i + 1))
	if [ $i -gt 300 ] || ! kill -0 "$GUEST" 2>/dev/null; then
		echo "httpd_wrk.sh: the guest did not start:" >&2
		cat "$S/console" >&2
		exit 1
	fi
	sleep 0.2
done
mem() { curl -sf --max-time 20 "$url/.httpd-stats" | awk '$1 == "mem_used_kib" {print $2}'; }

# errors FILE: wrk's error count (socket errors and non-2xx responses).
errors()
{
	awk '/Socket errors/ { gsub(",", ""); n += $4 + $6 + $8 + $10 }
	     /Non-2xx/ { n += $NF } END { print n + 0 }' "$1"
}

status=0
echo "== examples/httpd in an image ($what), wrk keep-alive =="
# A first request resolves the gateway's MAC before the burst of SYNs.
curl -sf --max-time 20 -o /dev/null "$url/"
wrk -t "$WRK_THREADS" -c "$conns" -d 5s --timeout 10s "$url/index.html" >/dev/null
m0=$(mem)
wrk -t "$WRK_THREADS" -c "$conns" -d "${dur}s" --timeout 10s --latency "$url/index.html" >"$S/wrk.guest"
wrk -t "$WRK_THREADS" -c "$conns" -d 10s --timeout 10s "$url/index.html" >"$S/wrk.guest2"
m1=$(mem)
rps=$(awk '/Requests\/sec/ {print $2}' "$S/wrk.guest")
lat=$(awk '/^ +99%/ {print $2}' "$S/wrk.guest")
e=$(( $(errors "$S/wrk.guest") + $(errors "$S/wrk.guest2") ))
printf '  image:  %10s requests/s  (%s s, %s connections, p99 %s, %s errors)\n' \
    "$rps" "$dur" "$conns" "$lat" "$e"
[ "$e" -eq 0 ] || status=1
printf '  guest memory in use: %s KiB after warm-up, %s KiB after %s s more' \
    "$m0" "$m1" "$((dur + 10))"
if [ -n "$m0" ] && [ -n "$m1" ] && [ "$m1" -le $((m0 + 1024)) ]; then
	echo " (no growth)"
else
	echo " (GREW)"
	status=1
fi
curl -s --max-time 20 "$url/.httpd-exit" >/dev/null || true
sleep 1

nport=$(free_port)
"$S/httpd.native" -a 127.0.0.1 -p "$nport" "$S/www" >/dev/null 2>&1 &
NATIVE=$!
sleep 0.5
wrk -t "$WRK_THREADS" -c "$conns" -d "${dur}s" "http://127.0.0.1:$nport/index.html" >"$S/wrk.native"
printf '  native: %10s requests/s  (the same httpd on this machine, reference)\n' \
    "$(awk '/Requests\/sec/ {print $2}' "$S/wrk.native")"
exit $status
