#!/usr/bin/env bats
# toolchain.bats -- the cross-compiler wrappers and the musl sysroot:
# compile and link like a normal cross compiler, produce unbaked binaries
# marked with .note.rumprun, fail a link on undefined symbols, and work
# under configure, CMake and Meson.  Needs `./build-rr.sh hw` (or
# buildrump/musl/build.sh + toolchain-wrappers/install.sh) into $RR.

load ../bats/helpers

T=x86_64-rumprun-linux-musl
TC=$(cd "$BATS_TEST_DIRNAME" && pwd)

setup()
{
	CC=$RR/bin/$T-gcc
	[ -x "$CC" ] || {
		echo "no $CC: run ./build-rr.sh hw (or buildrump/musl/build.sh and toolchain-wrappers/install.sh) first" >&2
		return 1
	}
	[ -f "$RR/$T/lib/libc.a" ] || {
		echo "no $RR/$T/lib/libc.a: run buildrump/musl/build.sh first" >&2
		return 1
	}
	cd "$BATS_TEST_TMPDIR"
	printf '#include <stdio.h>\nint main(void) { printf("hello\\n"); return 0; }\n' >hello.c
}

# is_unbaked FILE: an ELF relocatable object carrying the rumprun note.
is_unbaked()
{
	[ "$(od -An -tx1 -j16 -N2 "$1" | tr -d ' ')" = 0100 ] || return 1
	readelf -p .note.rumprun "$1" | grep -q "rumprun-unbaked v1 $T\$"
}

@test "musl/build.sh refuses a source that is not the pinned one" {
	B=$TOP/buildrump/musl/build.sh
	echo junk >bad.tar.gz
	run env MUSL_SRC="$PWD/bad.tar.gz" sh "$B" obj dest
	echo "$output"
	[ "$status" -ne 0 ]
	[[ "$output" == *"checksum mismatch"*"7d5b0b6062521e4627e099e4c9dc8248d32a30285e959b7eecaa780cf8cfd4a4"* ]]
	[[ "$output" == *"MUSL_SHA256="* ]]
	run env MUSL_SRC="$PWD/nonexistent" sh "$B" obj dest
	[ "$status" -ne 0 ]
	[[ "$output" == *"no such file or directory"* ]]
	mkdir notmusl
	run env MUSL_SRC="$PWD/notmusl" sh "$B" obj dest
	[ "$status" -ne 0 ]
	[[ "$output" == *"not a musl source directory"* ]]
	[ ! -e dest/$T/lib/libc.a ]
	run sh "$B"
	[ "$status" -eq 2 ]
	[[ "$output" == *"usage: buildrump/musl/build.sh OBJDIR [DESTDIR]"* ]]
}

@test "every wrapper exists and the compilers answer -dumpmachine" {
	for t in cc gcc clang cpp ar ranlib nm objcopy objdump strip ld readelf pkg-config; do
		[ -x "$RR/bin/$T-$t" ] || { echo "missing $T-$t"; return 1; }
	done
	for c in cc gcc clang; do
		run "$RR/bin/$T-$c" -dumpmachine
		[ "$status" -eq 0 ]
		[ "$output" = "$T" ]
	done
	run "$CC" --version
	[ "$status" -eq 0 ]
	[[ "$output" == *gcc* ]]
}

@test "the sysroot holds musl's headers, libc.a, crt objects and empty libs" {
	for f in include/stdio.h include/pthread.h include/bits/syscall.h lib/libc.a \
	    lib/crt1.o lib/crti.o lib/crtn.o lib/rcrt1.o lib/Scrt1.o lib/libm.a \
	    lib/libpthread.a lib/librt.a lib/libdl.a lib/libutil.a lib/libcrypt.a \
	    lib/libxnet.a; do
		[ -e "$RR/$T/$f" ] || { echo "missing $f"; return 1; }
	done
	run "$CC" -print-file-name=libc.a
	[ "$output" = "$RR/$T/lib/libc.a" ]
}

@test "libc.a never traps or halts: system calls go through rump_syscall" {
	run sh -c "objdump -d '$RR/$T/lib/libc.a' | grep -cE '[[:space:]](syscall|sysenter|hlt)[[:space:]]*\$'"
	[ "$output" = 0 ]
	nm "$RR/$T/lib/libc.a" 2>/dev/null | grep -q ' U rump_syscall$'
	nm "$RR/$T/lib/libc.a" 2>/dev/null | grep -q ' U rump_clone_thread$'
}

@test "hello.c links into an unbaked relocatable binary with the note" {
	for c in gcc clang; do
		run "$RR/bin/$T-$c" -O2 -o hello-$c hello.c
		echo "$output"
		[ "$status" -eq 0 ]
		[ -x hello-$c ]
		is_unbaked hello-$c
		# main, the libc it needs and musl's start-up are inside ...
		nm hello-$c | grep -q ' T main$'
		nm hello-$c | grep -q ' T puts$'
		nm hello-$c | grep -q ' T __libc_start_main$'
		# ... but not crt1's _start: the image's glue starts the program.
		! nm hello-$c | grep -q ' T _start$'
		# Left undefined: only kernel entry points and linker symbols.
		nm -u hello-$c | grep -q ' U rump_syscall$'
	done
}

@test "-c, -E, -S and cpp work; -c output is an ordinary object" {
	run "$CC" -c hello.c
	[ "$status" -eq 0 ]
	[ -f hello.o ]
	! readelf -S hello.o | grep -q note.rumprun
	run "$CC" -E hello.c
	[ "$status" -eq 0 ]
	# musl's stdio.h, not glibc's.
	[[ "$output" == *"$RR/$T/include/stdio.h"* ]]
	[[ "$output" != *"/usr/include/stdio.h"* ]]
	run "$CC" -S -o hello.s hello.c
	[ "$status" -eq 0 ]
	grep -q 'main' hello.s
	run "$RR/bin/$T-cpp" -DX=42 - <<<'X'
	[ "$status" -eq 0 ]
	[[ "$output" == *42* ]]
}

@test "several sources and objects link together; -I -L -l -o work" {
	mkdir -p inc lib
	echo 'int twice(int);' >inc/twice.h
	echo 'int twice(int x) { return 2 * x; }' >twice.c
	echo 'int three(void) { return 3; }' >three.c
	printf '#include <twice.h>\nint three(void);\nint main(void) { return twice(three()); }\n' >main.c
	"$CC" -c twice.c
	"$RR/bin/$T-ar" rcs lib/libtwice.a twice.o
	run "$CC" -Iinc -o prog main.c three.c -Llib -ltwice
	echo "$output"
	[ "$status" -eq 0 ]
	is_unbaked prog
	nm prog | grep -q ' T twice$'
	nm prog | grep -q ' T three$'
	"$CC" -c -Iinc main.c three.c
	run "$CC" main.o three.o lib/libtwice.a
	[ "$status" -eq 0 ]
	is_unbaked a.out
}

@test "a missing symbol fails the link like a normal link" {
	printf 'int foo(void);\nint main(void) { return foo(); }\n' >miss.c
	run "$CC" -o miss miss.c
	echo "$output"
	[ "$status" -ne 0 ]
	[[ "$output" == *"undefined reference to "?"foo'"* ]]
	[ ! -e miss ]
	# No main is just as wrong.
	echo 'int x;' >nomain.c
	run "$CC" -o nomain nomain.c
	[ "$status" -ne 0 ]
	[[ "$output" == *"undefined reference to "?"main'"* ]]
	# A library that does not exist.
	run "$CC" -o hello hello.c -lnosuchlib
	[ "$status" -ne 0 ]
	[[ "$output" == *nosuchlib* ]]
}

@test "kernel entry points may stay undefined; the allowed list is data" {
	printf 'long rump_sys_getpid(void);\nint main(void) { return (int)rump_sys_getpid(); }\n' >k.c
	run "$CC" -o k k.c
	[ "$status" -eq 0 ]
	grep -q '^rump_\*' "$RR/share/rumprun/unbaked-allowed-undefined"
}

@test "-lm, -pthread, -static and dynamic-only linker flags are accepted" {
	cat >m.c <<'EOC'
#include <math.h>
#include <pthread.h>
static void *f(void *a) { return a; }
int main(int c, char **v) { pthread_t t; pthread_create(&t, 0, f, 0); return (int)sqrt(c); }
EOC
	run "$CC" -O2 -pthread -static -o m m.c -lm -lpthread -lrt -ldl \
	    -Wl,-rpath,/nowhere -Wl,-z,relro -Wl,--as-needed -rdynamic
	echo "$output"
	[ "$status" -eq 0 ]
	is_unbaked m
	nm m | grep -qE ' [TW] pthread_create$'
	nm -u m | grep -q ' U rump_clone_thread$'
}

@test "-flto is overridden (the unbaked link has no LTO plugin); -m32 is refused" {
	run "$CC" -flto -O2 -o lto hello.c
	[ "$status" -eq 0 ]
	nm lto | grep -q ' T main$'
	"$CC" -flto -c -o lto.o hello.c
	run "$CC" -o lto2 lto.o
	[ "$status" -eq 0 ]
	run "$CC" -m32 -c hello.c
	[ "$status" -ne 0 ]
	[[ "$output" == *"x86_64 code only"* ]]
}

@test "-shared is refused with a clear message" {
	run "$CC" -shared -fPIC -o libx.so hello.c
	[ "$status" -ne 0 ]
	[[ "$output" == *"shared libraries are not supported"* ]]
	"$CC" -c hello.c
	run "$RR/bin/$T-ld" -shared -o libx.so hello.o
	[ "$status" -ne 0 ]
	[[ "$output" == *"shared libraries and PIE are not supported"* ]]
	# ... while partial links work: libtool and others use them.
	run "$RR/bin/$T-ld" -r -o part.o hello.o
	[ "$status" -eq 0 ]
}

@test "-v, --version and -print-* answer like a cross compiler" {
	run "$CC" -v
	[ "$status" -eq 0 ]
	[[ "$output" == *"Target: $T"* ]]
	run "$CC" -print-sysroot
	[ "$output" = "$RR/$T" ]
	run "$CC" -print-search-dirs
	[[ "$output" == *"libraries: =$RR/$T/lib/"* ]]
	run "$CC" -print-prog-name=ld
	[ "$output" = "$RR/bin/$T-ld" ]
	run "$CC" -dumpversion
	[ "$status" -eq 0 ]
}

@test "strip keeps what rumprun-bake needs" {
	"$CC" -g -o hello hello.c
	run "$RR/bin/$T-strip" -s hello
	[ "$status" -eq 0 ]
	nm hello | grep -q ' T main$'
	is_unbaked hello
}

@test "unbaked binaries run: musl works over a rump_syscall stand-in" {
	# Link with a test-only host shim that implements rump_syscall and
	# rump_clone_thread with real Linux system calls: proves the overlay
	# (syscall shim, TLS, clone, detached-thread exit) end to end.
	gcc -O2 -fno-stack-protector -ffreestanding -c -o shim.o "$TC/hostshim.c"
	"$CC" -O2 -o threads "$TC/threads.c" -pthread
	ld -static -o threads.exe threads shim.o
	run ./threads.exe
	echo "$output"
	[ "$status" -eq 3 ]
	[ "$output" = "threads ok: total=12 sum=90 tls=7 No such file or directory" ]
	"$CC" -o hello hello.c
	ld -static -o hello.exe hello shim.o
	run ./hello.exe
	[ "$status" -eq 0 ]
	[ "$output" = hello ]
}

@test "./configure --host=$T works for a hand-written configure script" {
	cp "$TC/configure.sh" configure
	chmod +x configure
	run env PATH="$RR/bin:$PATH" ./configure --host=$T
	echo "$output"
	[ "$status" -eq 0 ]
	. ./config.out
	[ "$CC" = "$T-gcc" ]
	[ "$cross_compiling" = yes ]
	[ "$have_printf" = yes ]      # in libc
	[ "$have_sqrt" = yes ]        # in libc.a (libm.a is empty)
	[ "$have_pthread_create" = yes ]
	[ "$have_no_such_function" = no ] # the link failed as it should
	[ "$have_stdio_h" = yes ]
	[ "$have_glibc_only_h" = no ] # the host's headers are not seen
	[ "$sizeof_long" = 8 ]
}

@test "an autoconf-generated configure --host=$T gets true answers" {
	command -v autoconf >/dev/null || skip "autoconf is not installed (Debian package autoconf)"
	cp "$TC/autoconf/"* .
	autoheader
	autoconf
	run env PATH="$RR/bin:$PATH" ./configure --host=$T
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == *"whether we are cross compiling... yes"* ]]
	grep -q '^#define HAVE_PRINTF 1' config.h
	grep -q '^#define HAVE_EPOLL_CREATE1 1' config.h
	grep -q '^#define HAVE_SYS_EPOLL_H 1' config.h
	grep -q '^#define HAVE_LIBM 1' config.h
	grep -q '^#define SIZEOF_LONG 8' config.h
	grep -q 'undef HAVE_NO_SUCH_FUNCTION' config.h
	grep -q 'undef HAVE_GNU_LIBC_VERSION_H' config.h
	run env PATH="$RR/bin:$PATH" make
	echo "$output"
	[ "$status" -eq 0 ]
	is_unbaked hello
}

@test "libtool builds static libraries only, unasked, and links them" {
	command -v autoreconf >/dev/null && command -v libtoolize >/dev/null &&
	    command -v automake >/dev/null ||
		skip "autoconf, automake or libtool is not installed"
	cp "$TC/libtool/"* .
	autoreconf -fi >/dev/null 2>&1
	run env PATH="$RR/bin:$PATH" ./configure --host=$T --prefix="$PWD/inst"
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == *"linker ($RR/bin/$T-ld -m elf_x86_64) supports shared libraries... no"* ]]
	[[ "$output" == *"whether to build static libraries... yes"* ]]
	run env PATH="$RR/bin:$PATH" make install
	echo "$output"
	[ "$status" -eq 0 ]
	[ -f inst/lib/libfoo.a ]
	is_unbaked inst/bin/prog
	nm inst/bin/prog | grep -q ' T foo$'
}

@test "a CMake project configures and builds with the toolchain file" {
	command -v cmake >/dev/null || skip "cmake is not installed"
	mkdir -p proj
	cat >proj/CMakeLists.txt <<'EOC'
cmake_minimum_required(VERSION 3.13)
project(hello C)
include(CheckFunctionExists)
check_function_exists(pthread_create HAVE_PTHREAD_CREATE)
check_function_exists(no_such_function HAVE_NO_SUCH_FUNCTION)
if(NOT HAVE_PTHREAD_CREATE OR HAVE_NO_SUCH_FUNCTION)
  message(FATAL_ERROR "function checks gave wrong answers")
endif()
add_executable(hello hello.c)
EOC
	cp hello.c proj/
	run cmake -S proj -B build -DCMAKE_TOOLCHAIN_FILE="$RR/share/rumprun/$T.cmake"
	echo "$output"
	[ "$status" -eq 0 ]
	run cmake --build build
	echo "$output"
	[ "$status" -eq 0 ]
	is_unbaked build/hello
}

@test "a Meson project configures and builds with the cross file" {
	command -v meson >/dev/null || skip "meson is not installed (Debian package meson)"
	command -v ninja >/dev/null || skip "ninja is not installed (Debian package ninja-build)"
	mkdir -p mproj
	cat >mproj/meson.build <<'EOC'
project('hello', 'c')
cc = meson.get_compiler('c')
assert(cc.has_function('pthread_create'), 'pthread_create not found')
assert(not cc.has_function('no_such_function'), 'no_such_function found')
executable('hello', 'hello.c')
EOC
	cp hello.c mproj/
	run meson setup --cross-file "$RR/share/rumprun/$T.meson" mbuild mproj
	echo "$output"
	[ "$status" -eq 0 ]
	run ninja -C mbuild
	echo "$output"
	[ "$status" -eq 0 ]
	is_unbaked mbuild/hello
}

@test "pkg-config looks in the sysroot only" {
	PC=$RR/bin/$T-pkg-config
	grep -q "PKG_CONFIG_LIBDIR=$RR/$T/lib/pkgconfig" "$PC"
	grep -q "PKG_CONFIG_SYSROOT_DIR=$RR/$T" "$PC"
	# The host's .pc files (zlib, if installed) are not seen.
	run env -u PKG_CONFIG_PATH "$PC" --exists zlib
	[ "$status" -ne 0 ]
	# A library installed into the sysroot gets sysroot paths, once.
	mkdir -p pc
	printf 'prefix=%s\nName: foo\nDescription: t\nVersion: 1\nCflags: -I${prefix}/include/foo\nLibs: -L${prefix}/lib -lfoo\n' \
	    "$RR/$T" >pc/foo.pc
	run env PKG_CONFIG_PATH="$PWD/pc" "$PC" --cflags --libs foo
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == "-I$RR/$T/include/foo -L$RR/$T/lib -lfoo"* ]]
}
