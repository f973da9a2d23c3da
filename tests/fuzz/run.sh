#!/bin/sh
# tests/fuzz/run.sh [SECONDS] -- run every fuzz target for a bounded time
# on its corpus (tests/fuzz/corpus/<target>/, kept in the repository);
# TAP output, one line per target.  New corpus entries go to a scratch
# directory, not into the repository.
#   OBJ=dir       object directory of fuzz_json and fuzz_ext2
#                 (default obj/posix-x86_64)
#   NETFUZZ_OBJ=dir  where fuzz_netinput is built, with a kernel compiled
#                 by clang for libFuzzer's coverage and ASan+UBSan
#                 (default $OBJ-netfuzz)
# Then the ext2 target's writable runs: each seed image that e2fsck finds
# clean must still be clean after the target changed it.
set -eu
TOP=$(cd "$(dirname "$0")/../.." && pwd)
OBJ=${OBJ:-$TOP/obj/posix-x86_64}
NETFUZZ_OBJ=${NETFUZZ_OBJ:-$OBJ-netfuzz}
secs=${1:-20}
make --no-print-directory -s -f "$TOP/buildrump/Makefile" OBJDIR="$OBJ" fuzz
n=0 failed=0
targets="$OBJ/fuzz/fuzz_json $OBJ/fuzz/fuzz_ext2"
if make --no-print-directory -s -j2 -f "$TOP/buildrump/Makefile" \
    OBJDIR="$NETFUZZ_OBJ" CC=clang SANITIZE=address,undefined \
    EXTRA_CFLAGS=-fsanitize=fuzzer-no-link fuzz-net \
    >"$OBJ/fuzz/netfuzz-build.log" 2>&1; then
	targets="$targets $NETFUZZ_OBJ/fuzz/fuzz_netinput"
else
	n=$((n + 1))
	echo "not ok $n - fuzz netinput: the build failed, see $OBJ/fuzz/netfuzz-build.log"
	failed=1
fi
for t in $targets; do
	name=$(basename "$t" | sed 's/^fuzz_//')
	n=$((n + 1))
	scratch=$OBJ/fuzz/corpus-$name
	mkdir -p "$scratch"
	# A target may need other options (ext2: whole small images).
	maxlen=4096
	[ -f "$TOP/tests/fuzz/$name.maxlen" ] &&
	    maxlen=$(cat "$TOP/tests/fuzz/$name.maxlen")
	# A small ASan quarantine: targets that run a kernel keep freeing
	# memory, and the default one looks like growth to -rss_limit_mb.
	if ASAN_OPTIONS=${ASAN_OPTIONS:-quarantine_size_mb=16} \
	    UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1} \
	    "$t" -max_total_time="$secs" -max_len="$maxlen" -timeout=5 \
	    -rss_limit_mb=1024 "$scratch" "$TOP/tests/fuzz/corpus/$name" \
	    >"$OBJ/fuzz/$name.log" 2>&1; then
		runs=$(grep -o 'Done [0-9]* runs' "$OBJ/fuzz/$name.log" | tail -1)
		echo "ok $n - fuzz $name for ${secs}s ($runs)"
	else
		echo "not ok $n - fuzz $name: a finding, see $OBJ/fuzz/$name.log"
		grep -E 'ERROR|SUMMARY|fuzz_' "$OBJ/fuzz/$name.log" | head -5 | sed 's/^/# /'
		failed=1
	fi
done

# ext2: the target's changes (create, write, mkdir, rename, symlink,
# truncate) on each clean seed leave a clean file system.
n=$((n + 1))
if ! command -v e2fsck >/dev/null; then
	echo "ok $n - # SKIP ext2 writable runs: no e2fsck (e2fsprogs)"
else
	bad= seeds=0 written=0
	kept=$OBJ/fuzz/ext2-kept.img
	for seed in "$TOP"/tests/fuzz/corpus/ext2/*; do
		e2fsck -fn "$seed" >/dev/null 2>&1 || continue
		seeds=$((seeds + 1))
		rm -f "$kept"
		if ! FUZZ_EXT2_KEEP=$kept "$OBJ/fuzz/fuzz_ext2" "$seed" \
		    >"$OBJ/fuzz/ext2-keep.log" 2>&1 ||
		    ! e2fsck -fn "$kept" >"$OBJ/fuzz/ext2-fsck.log" 2>&1; then
			bad="$bad $(basename "$seed")"
			cp "$kept" "$OBJ/fuzz/ext2-unclean-$(basename "$seed")" 2>/dev/null || true
		fi
		# The check means something only if the run wrote.
		debugfs -R 'stat /fz_dir/moved' "$kept" 2>/dev/null |
		    grep -q 'Size: 100' && written=$((written + 1))
	done
	if [ "$written" -eq 0 ]; then
		echo "not ok $n - ext2 writable runs: no seed was written (FUZZ_EXT2_KEEP, /fz_dir/moved)"
		failed=1
	elif [ -z "$bad" ]; then
		echo "ok $n - ext2 writable runs leave $seeds clean seeds clean (e2fsck -fn; $written written)"
	else
		echo "not ok $n - ext2 writable runs left unclean:$bad (images in $OBJ/fuzz/ext2-unclean-*)"
		failed=1
	fi
fi
echo "1..$n"
exit $failed
