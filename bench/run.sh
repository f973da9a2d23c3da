#!/bin/sh
# bench/run.sh -- build and run the benchmarks; each prints its figures
# beside a reference measured in the same run.  Not part of the test
# suite: numbers are for reading, not for passing.
set -eu
TOP=$(cd "$(dirname "$0")/.." && pwd)
OBJ=$TOP/obj/posix-x86_64
RR=$TOP/rumprun
"$TOP/build-rr.sh" -q posix
out=$OBJ/bench
mkdir -p "$out"
PC="pkg-config --cflags --libs rump"
# shellcheck disable=SC2046
cc -O2 -o "$out/kern_entry" "$TOP/bench/kern_entry.c" \
    $(PKG_CONFIG_PATH=$RR/lib/pkgconfig $PC)
echo "== kernel core (hosted) =="
"$out/kern_entry"
