#!/bin/sh
# tests/run.sh -- the whole test suite: builds what it needs, runs every
# test program and bats file, and ends with one line
# "N passed, N failed, N skipped".  Exit status 0 only if nothing failed.
#
# usage: tests/run.sh [posix|hw|all] [-k]   (-k: keep going is the default;
#        the argument picks a platform's tests; default all)
# The list of test runs is data: tests/suite.list.
set -eu

TOP=$(cd "$(dirname "$0")/.." && pwd)
WHICH=${1:-all}
case $WHICH in
posix | hw | all) ;;
*) echo "usage: tests/run.sh [posix|hw|all]" >&2; exit 2 ;;
esac

OBJ=$TOP/obj/posix-x86_64
TBIN=$OBJ/tests/bin
LOGDIR=$TOP/obj/test-logs
mkdir -p "$LOGDIR"
export RUMPRUN_TOP=$TOP TBIN OBJ

die()
{
	echo "tests/run.sh: $*" >&2
	echo "0 passed, 1 failed"
	exit 1
}

t0=$(date +%s)
"$TOP/build-rr.sh" -q posix build install >"$LOGDIR/build.log" 2>&1 ||
	{ tail -30 "$LOGDIR/build.log" >&2; die "the posix build failed (log: $LOGDIR/build.log)"; }
make --no-print-directory -j"$(nproc 2>/dev/null || echo 2)" \
    -f "$TOP/buildrump/Makefile" PLATFORM=posix OBJDIR="$OBJ" tests \
    >"$LOGDIR/build-tests.log" 2>&1 ||
	{ tail -30 "$LOGDIR/build-tests.log" >&2; die "building the tests failed (log: $LOGDIR/build-tests.log)"; }
if [ "$WHICH" != posix ]; then
	"$TOP/build-rr.sh" -q hw build install >"$LOGDIR/build-hw.log" 2>&1 ||
		{ tail -30 "$LOGDIR/build-hw.log" >&2; die "the hw build failed (log: $LOGDIR/build-hw.log)"; }
	make --no-print-directory -j"$(nproc 2>/dev/null || echo 2)" \
	    -f "$TOP/buildrump/Makefile" PLATFORM=hw OBJDIR="$TOP/obj/hw-x86_64" \
	    hw-tests >"$LOGDIR/build-hw-tests.log" 2>&1 ||
		{ tail -30 "$LOGDIR/build-hw-tests.log" >&2; die "building the hw tests failed (log: $LOGDIR/build-hw-tests.log)"; }
fi
echo "built in $(($(date +%s) - t0))s"

PASSED=0 FAILED=0 SKIPPED=0

# count_tap NAME LOG STATUS: add up a TAP log; a run that exited non-zero
# with no "not ok" line (a crash, a hang killed by timeout) counts as one
# failure of its own.
count_tap()
{
	name=$1 log=$2 status=$3
	set -- $(awk '
		/^(not )?ok / {
			if (toupper($0) ~ /# SKIP/) s++
			else if ($1 == "not") f++
			else p++
		}
		END { printf "%d %d %d\n", p, f, s }' "$log")
	p=$1 f=$2 s=$3
	if [ "$status" != 0 ] && [ "$f" = 0 ]; then
		f=1
		echo "not ok - $name exited with status $status" >>"$log"
	fi
	PASSED=$((PASSED + p)) FAILED=$((FAILED + f)) SKIPPED=$((SKIPPED + s))
	if [ "$f" = 0 ]; then
		printf 'PASS %-28s %4d passed, %d skipped\n' "$name" "$p" "$s"
	else
		printf 'FAIL %-28s %4d passed, %d failed, %d skipped (log: %s)\n' \
		    "$name" "$p" "$f" "$s" "$log"
		grep -E '^not ok|^# |ERROR|error' "$log" | grep -iv '# skip' |
		    head -20 | sed 's/^/    /'
	fi
}

# run NAME TIMEOUT ENV... -- COMMAND...: one TAP-producing run.
run()
{
	name=$1 limit=$2
	shift 2
	log=$LOGDIR/$name.log
	status=0
	env CMOCKA_MESSAGE_OUTPUT=TAP "$@" >"$log" 2>&1 </dev/null || status=$?
	count_tap "$name" "$log" "$status"
}

while read -r platform name limit rest; do
	case $platform in '' | '#'*) continue ;; esac
	[ "$WHICH" = all ] || [ "$WHICH" = "$platform" ] || continue
	# rest: ENV=... words, then the command; $TBIN etc. expanded here.
	eval "set -- $rest"
	run "$name" "$limit" timeout -k 5 "$limit" env "$@"
done <"$TOP/tests/suite.list"

# Every posix cmocka program not listed by name runs with defaults.
for prog in "$TBIN"/test_* "$TBIN"/posix_test_*; do
	[ -x "$prog" ] || continue
	n=$(basename "$prog")
	grep -q "^[a-z]* $n " "$TOP/tests/suite.list" && continue
	[ "$WHICH" = hw ] && continue
	run "$n" 300 timeout -k 5 300 "$prog"
done

# bats: the command-line behaviour (hosted and tools; hw bats files are
# in suite.list).
if [ "$WHICH" != hw ]; then
	for f in "$TOP"/tests/bats/*.bats; do
		[ -f "$f" ] || continue
		n=bats-$(basename "$f" .bats)
		run "$n" 900 timeout -k 5 900 bats --tap "$f"
	done
fi

echo "suite took $(($(date +%s) - t0))s"
echo "$PASSED passed, $FAILED failed, $SKIPPED skipped"
[ "$FAILED" = 0 ]
