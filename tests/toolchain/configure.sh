#!/bin/sh
# configure.sh -- a tiny hand-written configure script in the style of
# autoconf's output (compiler from --host, "checking for ..." by compiling,
# linking and trying to run), used by toolchain.bats to show that
# ./configure --host=x86_64-rumprun-linux-musl gets true answers.
# Writes its findings as shell assignments to config.out.
set -u

host=
for arg in "$@"; do
	case $arg in
	--host=*) host=${arg#--host=} ;;
	*) echo "configure: unknown option $arg" >&2; exit 1 ;;
	esac
done

if [ -n "$host" ] && command -v "$host-gcc" >/dev/null; then
	CC=$host-gcc
else
	CC=${CC:-cc}
fi
: >config.log
: >config.out

say() { printf '%s' "$*"; }
result() { echo "$1"; }
record() { echo "$1=$2" >>config.out; }

# try_link: compile and link conftest.c into conftest.
try_link() { rm -f conftest; $CC -o conftest conftest.c >>config.log 2>&1; }

say "checking for C compiler... "
result "$CC"
record CC "$CC"

say "checking whether the C compiler works... "
printf 'int main(void) { return 0; }\n' >conftest.c
if try_link && [ -f conftest ]; then
	result yes
else
	result no
	echo "configure: error: C compiler cannot create executables (see config.log)" >&2
	exit 77
fi

say "checking whether we are cross compiling... "
if ./conftest >>config.log 2>&1; then cross=no; else cross=yes; fi
if [ -n "$host" ] && [ "$cross" = no ]; then
	result no
	echo "configure: error: cannot run C compiled programs built for $host" >&2
	exit 1
fi
result $cross
record cross_compiling $cross

# check_func NAME: the autoconf way: declare it with a dummy prototype and
# see whether a program calling it links.
for f in printf sqrt pthread_create no_such_function; do
	say "checking for $f... "
	printf 'char %s(void);\nint main(void) { return %s() != 0; }\n' "$f" "$f" >conftest.c
	if try_link; then r=yes; else r=no; fi
	result $r
	record "have_$f" $r
done

# check_header NAME: the preprocessor finds it.
for h in stdio.h:stdio_h gnu/libc-version.h:glibc_only_h; do
	say "checking for ${h%%:*}... "
	printf '#include <%s>\n' "${h%%:*}" >conftest.c
	if $CC -E conftest.c >>config.log 2>&1; then r=yes; else r=no; fi
	result $r
	record "have_${h#*:}" $r
done

# sizeof(long) without running anything: compile-time assertions, as
# AC_CHECK_SIZEOF does when cross compiling.
say "checking size of long... "
for n in 4 8 16; do
	printf 'int main(void) { static int t[(sizeof(long) == %d) ? 1 : -1]; return t[0]; }\n' "$n" >conftest.c
	if $CC -c -o conftest.o conftest.c >>config.log 2>&1; then break; fi
	n=unknown
done
result "$n"
record sizeof_long "$n"
rm -f conftest conftest.c conftest.o
