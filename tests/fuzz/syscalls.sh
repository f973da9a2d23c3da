#!/bin/sh
# tests/fuzz/syscalls.sh [CALLS] -- hostile system call arguments: build
# tests/fuzz/syscall_fuzz.c against a kernel built with ASan and UBSan and
# run CALLS random calls (default $FUZZ_CALLS, else 1000000) from a seed
# (FUZZ_SEED=S replays one).  Any crash, undefined behaviour, leak or
# hang fails; TAP output, the run's log in $FUZZ_OBJ/fuzz/syscalls.log.
#   FUZZ_OBJ=dir  object directory (default obj/posix-x86_64-asan; not the
#                 suite's $OBJ: objects do not record the flags they were
#                 built with, so a sanitizer build needs a tree of its own)
#   NOBUILD=1     use the fuzzer already built in $FUZZ_OBJ
set -eu
TOP=$(cd "$(dirname "$0")/../.." && pwd)
OBJ=${FUZZ_OBJ:-$TOP/obj/posix-x86_64-asan}
calls=${1:-${FUZZ_CALLS:-1000000}}

usage() {
	echo "usage: $0 [CALLS]   (env: FUZZ_SEED, FUZZ_OBJ, NOBUILD)" >&2
	exit 2
}
die() {
	echo "not ok 1 - syscall fuzz: $*"
	echo "1..1"
	exit 1
}
case $calls in
''|*[!0-9]*) usage ;;
esac

if [ -z "${NOBUILD:-}" ]; then
	make --no-print-directory -s -j2 -f "$TOP/buildrump/Makefile" \
	    OBJDIR="$OBJ" SANITIZE=address,undefined syscall-fuzz ||
	    die "build failed (make -f buildrump/Makefile OBJDIR=$OBJ SANITIZE=address,undefined syscall-fuzz)"
fi
[ -x "$OBJ/fuzz/syscall_fuzz" ] || die "no $OBJ/fuzz/syscall_fuzz"

log=$OBJ/fuzz/syscalls.log
# UBSan only warns unless told to stop; the watchdog's abort and any
# sanitizer report end the run with a non-zero status.
if FUZZ_CALLS=$calls RUMP_MEMLIMIT=${RUMP_MEMLIMIT:-256m} \
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    "$OBJ/fuzz/syscall_fuzz" "$TOP/components/sys/syscalls_x86_64.tbl" \
    >"$log" 2>&1 && grep -q '^syscall_fuzz: ok' "$log"; then
	echo "ok 1 - syscall fuzz: $(grep '^syscall_fuzz: ok' "$log" |
	    sed 's/^syscall_fuzz: ok: //')"
	echo "1..1"
	exit 0
fi
echo "not ok 1 - syscall fuzz: a finding, see $log"
grep -E 'seed|FAIL|ERROR|SUMMARY|runtime error' "$log" | head -8 |
    sed 's/^/# /'
echo "1..1"
exit 1
