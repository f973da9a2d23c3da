#!/bin/sh
# tests/fuzz/run.sh [SECONDS] -- run every fuzz target for a bounded time
# on its corpus (tests/fuzz/corpus/<target>/, kept in the repository);
# TAP output, one line per target.  New corpus entries go to a scratch
# directory, not into the repository.
set -eu
TOP=$(cd "$(dirname "$0")/../.." && pwd)
OBJ=${OBJ:-$TOP/obj/posix-x86_64}
secs=${1:-20}
make --no-print-directory -s -f "$TOP/buildrump/Makefile" OBJDIR="$OBJ" fuzz
n=0 failed=0
for t in "$OBJ"/fuzz/fuzz_*; do
	name=$(basename "$t" | sed 's/^fuzz_//')
	n=$((n + 1))
	scratch=$OBJ/fuzz/corpus-$name
	mkdir -p "$scratch"
	# A target may need other options (ext2: whole small images).
	maxlen=4096
	[ -f "$TOP/tests/fuzz/$name.maxlen" ] &&
	    maxlen=$(cat "$TOP/tests/fuzz/$name.maxlen")
	if "$t" -max_total_time="$secs" -max_len="$maxlen" -timeout=5 \
	    -rss_limit_mb=1024 "$scratch" "$TOP/tests/fuzz/corpus/$name" \
	    >"$OBJ/fuzz/$name.log" 2>&1; then
		runs=$(grep -o 'Done [0-9]* runs' "$OBJ/fuzz/$name.log" | tail -1)
		echo "ok $n - fuzz $name for ${secs}s ($runs)"
	else
		echo "not ok $n - fuzz $name: a finding, see $OBJ/fuzz/$name.log"
		grep -E 'ERROR|SUMMARY' "$OBJ/fuzz/$name.log" | head -5 | sed 's/^/# /'
		failed=1
	fi
done
echo "1..$n"
exit $failed
