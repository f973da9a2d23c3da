#!/bin/sh
# bench/fsu_get.sh -- copying out of an ext2 image (issue 7): a 256 MiB
# file and a tree of 10,000 small files, each with `fsu_get -r` and with
# e2fsprogs' `debugfs -R 'rdump / DEST'` on the same image; medians of
# RUNS runs, MB/s and files/s side by side, and the ratio (goal: fsu_get
# faster on both, ratio > 1).  Not a test: figures to read.
#
# usage: bench/fsu_get.sh [RUNS]       RUNS per median (default 3)
# FSU_BIN: where fsu_get is (default: the tree's obj/posix-x86_64/bin).
# BENCH_TMP: where the scratch directory goes (default /tmp).
set -eu
TOP=$(cd "$(dirname "$0")/.." && pwd)
FSU_BIN=${FSU_BIN:-$TOP/obj/posix-x86_64/bin}
runs=${1:-3}
case $runs in '' | *[!0-9]*) echo "usage: bench/fsu_get.sh [RUNS]" >&2; exit 2 ;; esac

die() { echo "bench/fsu_get.sh: $*" >&2; exit 1; }
[ -x "$FSU_BIN/fsu_get" ] || die "no $FSU_BIN/fsu_get: build with ./build-rr.sh posix (or set FSU_BIN)"
command -v debugfs >/dev/null || die "debugfs missing: apt-get install e2fsprogs"

S=$(mktemp -d "${BENCH_TMP:-/tmp}/fsu-bench.XXXXXX")
trap 'rm -rf "$S"' EXIT INT TERM

now_ms() { date +%s%3N; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# time_ms CMD...: run CMD into a fresh $S/out, print its wall time in ms.
time_ms() {
	rm -rf "$S/out"
	sync
	t0=$(now_ms)
	"$@" >/dev/null 2>"$S/err" || { cat "$S/err" >&2; die "failed: $*"; }
	t1=$(now_ms)
	echo $((t1 - t0))
}

fsu() { "$FSU_BIN/fsu_get" -r "$1" / "$S/out"; }
dbg() { mkdir "$S/out" && debugfs -R "rdump / $S/out" "$1"; }

# bench NAME IMAGE UNITS UNIT: medians of both tools, per second figures.
# The image is read once first, so both start from the host's page cache.
bench() {
	name=$1 img=$2 units=$3 unit=$4
	cat "$img" >/dev/null
	f=$(i=0; while [ $i -lt "$runs" ]; do time_ms fsu "$img"; i=$((i + 1)); done | median)
	d=$(i=0; while [ $i -lt "$runs" ]; do time_ms dbg "$img"; i=$((i + 1)); done | median)
	awk -v n="$name" -v u="$units" -v unit="$unit" -v f="$f" -v d="$d" 'BEGIN {
		fr = u / (f > 0 ? f : 1) * 1000; dr = u / (d > 0 ? d : 1) * 1000
		printf "%-22s fsu_get -r %9.1f %s (%d ms)   debugfs rdump %9.1f %s (%d ms)   ratio %.2f\n",
		    n, fr, unit, f, dr, unit, d, fr / dr }'
}

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews every figure)"
echo "== copying out of ext2 (medians of $runs runs; 4 KiB blocks) =="
mkdir -p "$S/big" "$S/small"
head -c $((256 * 1024 * 1024)) /dev/urandom >"$S/big/file"
mke2fs -q -F -t ext2 -b 4096 -d "$S/big" "$S/big.img" 400M
rm -rf "$S/big"
bench "256 MiB file" "$S/big.img" 256 MB/s
i=0
while [ $i -lt 100 ]; do
	mkdir "$S/small/d$i"
	j=0
	while [ $j -lt 100 ]; do
		echo "file $i $j" >"$S/small/d$i/f$j"
		j=$((j + 1))
	done
	i=$((i + 1))
done
mke2fs -q -F -t ext2 -b 4096 -N 20000 -d "$S/small" "$S/small.img" 200M
rm -rf "$S/small"
bench "10,000 small files" "$S/small.img" 10000 files/s
