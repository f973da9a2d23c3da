#!/bin/sh
# examples/httpd/run.sh -- a web server as a unikernel, end to end:
# cross-compile httpd.c, bake it with a directory to serve, boot it with
# a virtio-net card on QEMU's user networking (DHCP from QEMU, the
# guest's port 80 forwarded from 127.0.0.1:PORT), fetch a page with curl,
# then stop the server.  usage: run.sh [PORT]   (default 8080)
set -eu
TOP=$(cd "$(dirname "$0")/../.." && pwd)
PATH=${RR:-$TOP/rumprun}/bin:$PATH  # RR: another install
port=${1:-8080}
out=${TMPDIR:-/tmp}/rumprun-httpd.$$
mkdir -p "$out/www"
trap 'rm -rf "$out"' EXIT

echo '<h1>hello from a unikernel</h1>' > "$out/www/index.html"
set -x
x86_64-rumprun-linux-musl-cc -O2 -o "$out/httpd" "$TOP/examples/httpd/httpd.c"
rumprun-bake -f "$out/www:/www" hw_virtio "$out/httpd.img" "$out/httpd"
# -s: answer /.httpd-stats and /.httpd-exit (used below to stop it).
rumprun qemu -M 128 \
    -I "net0,vioif,-net user,hostfwd=tcp:127.0.0.1:$port-:80" \
    -W net0,inet,dhcp -- "$out/httpd.img" -s /www &
guest=$!
set +x
i=0
until curl -sf -o /dev/null "http://127.0.0.1:$port/"; do
	i=$((i + 1))
	[ $i -lt 120 ] && kill -0 $guest 2>/dev/null || { echo "run.sh: the server did not come up" >&2; exit 1; }
	sleep 0.5
done
set -x
curl -s "http://127.0.0.1:$port/"
curl -s "http://127.0.0.1:$port/.httpd-stats"
curl -s "http://127.0.0.1:$port/.httpd-exit"
wait $guest
