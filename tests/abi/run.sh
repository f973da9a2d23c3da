#!/bin/sh
# run.sh -- prove the kernel's Linux ABI definitions equal Linux's.
#
# usage: tests/abi/run.sh [-k]     (from anywhere; -k keeps the work dir)
#
# Checks, one "ok N - what" or "not ok N - what" line each, with the
# differences under a failing line:
#   - every group of tests/abi/abi.list: our components/include/abi/*.h
#     against the installed Linux UAPI (or glibc) headers;
#   - every abi header compiles on its own, warning-free, gcc and clang;
#   - every number of components/sys/syscalls_x86_64.tbl against
#     __NR_<name> of <asm/unistd_64.h>, and no __NR_ missing from it;
#   - components/sys/gensyscalls.sh output compiles (freestanding kernel
#     side with gcc and clang, hosted header beside libc headers), its
#     glue works (gen_selftest.c), and docs/syscalls.md is what the
#     generator makes of the table.
# Exits 0 when all pass, 1 otherwise.  Needs gcc, awk and the Debian
# package linux-libc-dev; clang is used when installed.
set -eu

usage() {
	echo "usage: $0 [-k]" >&2
	echo "  -k  keep the work directory and print its name" >&2
	exit 2
}

die() {
	echo "$0: $*" >&2
	exit 2
}

keep=0
while [ $# -gt 0 ]; do
	case $1 in
	-k) keep=1 ;;
	*) usage ;;
	esac
	shift
done

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
unistd=/usr/include/x86_64-linux-gnu/asm/unistd_64.h
table=$root/components/sys/syscalls_x86_64.tbl
inc=$root/components/include

command -v gcc >/dev/null 2>&1 || die "gcc is needed"
[ -f "$unistd" ] || die "$unistd is missing: apt-get install linux-libc-dev"
compilers=gcc
if command -v clang >/dev/null 2>&1; then
	compilers="gcc clang"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/abitest.XXXXXX")
if [ $keep -eq 1 ]; then
	echo "# work directory: $work"
else
	trap 'rm -rf "$work"' EXIT
	trap 'exit 1' INT TERM
fi

nfail=0
ntest=0

# report STATUS WHAT DETAILFILE: print the TAP-like line and, on failure,
# the details indented.
report() {
	ntest=$((ntest + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $ntest - $2"
	else
		nfail=$((nfail + 1))
		echo "not ok $ntest - $2"
		sed 's/^/#   /' "$3"
	fi
}

# Pull "KEY HI LO" lines out of compiler assembly output.
values() {
	sed -n 's/.*"@ABI \([^ ]*\) \(-\{0,1\}[0-9]*\) \(-\{0,1\}[0-9]*\)".*/\1 \2 \3/p' "$1"
}

# ---------------------------------------------------------------------
# abi.list groups.

awk -v outdir="$work" -f "$here/genabi.awk" "$here/abi.list" ||
	die "abi.list has errors (above)"

while read -r n name refs; do
	det=$work/$n.details
	: >"$det"
	st=0
	if ! gcc -std=gnu11 -ffreestanding -nostdinc -I"$inc" \
	    -Wall -Wextra -Werror -S -o "$work/$n.ours.s" \
	    "$work/$n.ours.c" >>"$det" 2>&1; then
		echo "our side does not compile ($work/$n.ours.c)" >>"$det"
		st=1
	fi
	if ! gcc -std=gnu11 -S -o "$work/$n.ref.s" "$work/$n.ref.c" \
	    >>"$det" 2>&1; then
		echo "reference side does not compile ($work/$n.ref.c)" >>"$det"
		st=1
	fi
	if [ $st -eq 0 ]; then
		values "$work/$n.ours.s" >"$work/$n.ours.v"
		values "$work/$n.ref.s" >"$work/$n.ref.v"
		awk -v refs="$refs" '
		function show(hi, lo) {
			if (lo < 0)
				lo += 4294967296
			if (hi > -2097152 && hi < 2097152)
				return sprintf("%.0f", hi * 4294967296 + lo)
			return sprintf("hi %d lo %.0f", hi, lo)
		}
		FNR == NR { ours[$1] = $2 " " $3; ohi[$1] = $2; olo[$1] = $3;
			order[++n] = $1; next }
		{ ref[$1] = $2 " " $3; rhi[$1] = $2; rlo[$1] = $3 }
		END {
			bad = 0
			for (i = 1; i <= n; i++) {
				k = order[i]
				if (!(k in ref)) {
					printf "%s: no reference value\n", k; bad = 1
				} else if (ours[k] != ref[k]) {
					printf "%s: ours %s, %s says %s\n", k,
					    show(ohi[k], olo[k]), refs,
					    show(rhi[k], rlo[k])
					bad = 1
				}
			}
			if (n == 0) {
				print "no values found in the compiler output"
				bad = 1
			}
			exit bad
		}' "$work/$n.ours.v" "$work/$n.ref.v" >>"$det" 2>&1 || st=1
	fi
	report $st "abi $name ($refs)" "$det"
done <"$work/groups"

# ---------------------------------------------------------------------
# Every ABI header on its own.

det=$work/headers.details
: >"$det"
st=0
for h in "$inc"/abi/*.h; do
	b=abi/$(basename "$h")
	printf '#include <%s>\n#include <%s>\nint abi_header_test;\n' "$b" "$b" \
	    >"$work/header.c"
	for cc in $compilers; do
		if ! $cc -std=gnu11 -ffreestanding -nostdinc -I"$inc" \
		    -Wall -Wextra -Werror -c -o "$work/header.o" \
		    "$work/header.c" >>"$det" 2>&1; then
			echo "$b does not compile alone with $cc" >>"$det"
			st=1
		fi
	done
done
report $st "abi headers compile alone and twice ($compilers)" "$det"

# ---------------------------------------------------------------------
# System call numbers.

det=$work/numbers.details
st=0
awk '
FNR == NR {
	if ($1 == "#define" && $2 ~ /^__NR_/) {
		linux[substr($2, 6)] = $3
		nlinux++
	}
	next
}
/^[ \t]*#/ || NF == 0 { next }
{
	ntable++
	if (!($2 in linux)) {
		printf "%s (%s): no __NR_%s in unistd_64.h\n", $2, $1, $2
		bad = 1
	} else if (linux[$2] != $1) {
		printf "%s: table says %s, __NR_%s is %s\n", $2, $1, $2, linux[$2]
		bad = 1
	}
	intable[$2] = 1
}
END {
	for (k in linux)
		if (!(k in intable)) {
			printf "__NR_%s (%s) is missing from the table\n", k, linux[k]
			bad = 1
		}
	if (nlinux == 0 || ntable == 0) {
		print "nothing to compare"
		bad = 1
	}
	exit bad
}' "$unistd" "$table" >"$det" 2>&1 || st=1
report $st "syscall numbers ($(basename "$table") = unistd_64.h)" "$det"

# ---------------------------------------------------------------------
# The generator and what it makes.

det=$work/gen.details
: >"$det"
st=0
gen=$work/gen
if ! sh "$root/components/sys/gensyscalls.sh" "$gen" "$table" \
    "$work/syscalls.md" >>"$det" 2>&1; then
	echo "gensyscalls.sh failed" >>"$det"
	st=1
else
	mkdir -p "$work/hinc/rump"
	cp "$gen/rump_syscalls.h" "$work/hinc/rump/"
	for cc in $compilers; do
		objs=
		for f in syscall_table rump_sys_wrappers; do
			if $cc -std=gnu11 -O2 -ffreestanding -nostdinc -fno-builtin \
			    -Wall -Wextra -Werror -I"$inc" \
			    -I"$root/platforms/include" -I"$gen" -c \
			    -o "$work/$f.$cc.o" "$gen/$f.c" >>"$det" 2>&1; then
				objs="$objs $work/$f.$cc.o"
			else
				echo "$f.c does not compile with $cc" >>"$det"
				st=1
			fi
		done
		$cc -std=gnu11 -Wall -Wextra -Werror -I"$work/hinc" -c \
		    -o "$work/hosted.o" "$here/hosted_syscalls.c" >>"$det" 2>&1 || {
			echo "rump_syscalls.h clashes with libc headers ($cc)" >>"$det"
			st=1
		}
		[ $st -eq 0 ] || continue
		# shellcheck disable=SC2086 # objs is a list of words
		if $cc -std=gnu11 -Wall -Wextra -Werror -I"$work/hinc" -I"$gen" \
		    -o "$work/selftest.$cc" "$here/gen_selftest.c" $objs \
		    >>"$det" 2>&1; then
			"$work/selftest.$cc" >>"$det" 2>&1 || {
				echo "the generated glue misbehaves ($cc)" >>"$det"
				st=1
			}
		else
			echo "gen_selftest.c does not link ($cc)" >>"$det"
			st=1
		fi
	done
	if ! cmp -s "$work/syscalls.md" "$root/docs/syscalls.md"; then
		echo "docs/syscalls.md is stale: run" >>"$det"
		echo "  components/sys/gensyscalls.sh OBJDIR $table docs/syscalls.md" >>"$det"
		st=1
	fi
fi
report $st "gensyscalls.sh output compiles and works; docs/syscalls.md is current" "$det"

echo "# $((ntest - nfail)) of $ntest passed"
[ $nfail -eq 0 ]
