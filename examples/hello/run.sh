#!/bin/sh
# examples/hello/run.sh -- the user's flow, end to end: cross-compile an
# unmodified C program, bake it into an image, boot it under QEMU.
set -eu
TOP=$(cd "$(dirname "$0")/../.." && pwd)
PATH=$TOP/rumprun/bin:$PATH
out=${TMPDIR:-/tmp}/rumprun-hello.$$
mkdir -p "$out"
trap 'rm -rf "$out"' EXIT

set -x
x86_64-rumprun-linux-musl-cc -O2 -o "$out/hello" "$TOP/examples/hello/hello.c"
rumprun-bake hw_virtio "$out/hello.img" "$out/hello"
rumprun qemu -M 64 -- "$out/hello.img"
