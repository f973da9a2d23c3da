#!/usr/bin/env bats
# examples.bats -- every example in examples/ cross-compiled with the
# wrapper, baked with hw_virtio and booted: output and exit status, and
# the same source built natively prints the same thing.

load ../bats/helpers

setup_file() {
	command -v qemu-system-x86_64 >/dev/null || skip "qemu-system-x86_64 is not installed"
	[ -x "$RR/bin/x86_64-rumprun-linux-musl-cc" ] || skip "no toolchain: ./build-rr.sh hw"
	export W=$BATS_FILE_TMPDIR
	for e in hello threads files time env malloc libm; do
		"$RR/bin/x86_64-rumprun-linux-musl-cc" -O2 -pthread -o "$W/$e" \
		    "$TOP/examples/$e/$e.c" -lm
		"$RR/bin/rumprun-bake" hw_virtio "$W/$e.img" "$W/$e"
		cc -O2 -pthread -o "$W/$e.native" "$TOP/examples/$e/$e.c" -lm
	done
}

# boot IMAGE [ARGS...]: run it with the launcher; output without the
# launcher's own line.
boot() {
	run timeout 300 "$RR/bin/rumprun" qemu -q -M 64 "$@"
}

@test "hello greets and exits with the status its argument asks for" {
	boot -- "$W/hello.img"
	echo "$output"
	[ "$status" -eq 0 ]
	[ "$output" = "Hello, world! This is hello.img, exiting with status 0." ]
	boot -- "$W/hello.img" 42
	[ "$status" -eq 42 ]
	[[ "$output" == *"exiting with status 42."* ]]
}

@test "threads: 8 pthreads, mutexes, a condition variable, a barrier, TLS" {
	boot -- "$W/threads.img"
	echo "$output"
	[ "$status" -eq 0 ]
	[ "$output" = "$("$W/threads.native")" ]
}

@test "files: stdio, directories, rename and readdir on tmpfs" {
	boot -- "$W/files.img"
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == *"last.txt     85 bytes 5 lines"* ]]
}

@test "the same source built natively prints the same thing" {
	for e in threads malloc libm; do
		boot -- "$W/$e.img"
		[ "$status" -eq 0 ]
		[ "$output" = "$("$W/$e.native")" ]
	done
}

@test "time: sleeping and clocks" {
	boot -- "$W/time.img"
	echo "$output"
	[ "$status" -eq 0 ]
	[ "$(echo "$output" | grep -c ': yes$')" -eq 4 ]
}

@test "env and argv reach the program" {
	boot -e FOO=bar -e 'SP=a b' -- "$W/env.img" FOO SP NOPE
	echo "$output"
	[ "$status" -eq 0 ]
	[ "$(echo "$output" | sed -n 2p)" = "argv[1] FOO = bar" ]
	[ "$(echo "$output" | sed -n 3p)" = "argv[2] SP = a b" ]
	[ "$(echo "$output" | sed -n 4p)" = "argv[3] NOPE = (unset)" ]
}

@test "malloc stress runs clean" {
	boot -- "$W/malloc.img"
	[ "$status" -eq 0 ]
	[[ "$output" == *"no corruption"* ]]
}

@test "images are reproducible: the same inputs baked in two directories" {
	mkdir -p "$BATS_TEST_TMPDIR/a" "$BATS_TEST_TMPDIR/b"
	cp "$W/hello" "$BATS_TEST_TMPDIR/a/hello"
	cp "$W/hello" "$BATS_TEST_TMPDIR/b/hello"
	(cd "$BATS_TEST_TMPDIR/a" && "$RR/bin/rumprun-bake" hw_virtio out.img hello)
	(cd "$BATS_TEST_TMPDIR/b" && "$RR/bin/rumprun-bake" hw_virtio out.img hello)
	cmp "$BATS_TEST_TMPDIR/a/out.img" "$BATS_TEST_TMPDIR/b/out.img"
}

@test "bake refuses what is not an unbaked program, and unknown presets" {
	run "$RR/bin/rumprun-bake" hw_virtio "$BATS_TEST_TMPDIR/x.img" "$W/hello.native"
	[ "$status" -ne 0 ]
	[[ "$output" == *"is not an unbaked rumprun binary"* ]]
	run "$RR/bin/rumprun-bake" hw_virtio "$BATS_TEST_TMPDIR/x.img" "$W/hello.img"
	[ "$status" -ne 0 ]
	run "$RR/bin/rumprun-bake" no_such_preset "$BATS_TEST_TMPDIR/x.img" "$W/hello"
	[ "$status" -ne 0 ]
	[[ "$output" == *"unknown preset"* ]]
	run "$RR/bin/rumprun" qemu "$W/hello"
	[ "$status" -eq 64 ]
	[[ "$output" == *"unbaked binary"* ]]
}

@test "-f bakes a host tree into the root file system" {
	mkdir -p "$BATS_TEST_TMPDIR/tree/sub"
	echo "from the host" > "$BATS_TEST_TMPDIR/tree/sub/note.txt"
	cat > "$BATS_TEST_TMPDIR/cat.c" <<'C'
#include <stdio.h>
int main(int argc, char **argv) {
	char buf[256]; FILE *f = fopen(argv[1], "r");
	if (!f) { perror(argv[1]); return 1; }
	while (fgets(buf, sizeof buf, f)) fputs(buf, stdout);
	return 0;
}
C
	"$RR/bin/x86_64-rumprun-linux-musl-cc" -o "$BATS_TEST_TMPDIR/cat" "$BATS_TEST_TMPDIR/cat.c"
	"$RR/bin/rumprun-bake" -f "$BATS_TEST_TMPDIR/tree:/srv" hw_virtio \
	    "$BATS_TEST_TMPDIR/cat.img" "$BATS_TEST_TMPDIR/cat"
	boot -- "$BATS_TEST_TMPDIR/cat.img" /srv/sub/note.txt
	[ "$status" -eq 0 ]
	[ "$output" = "from the host" ]
	# Every image has a default /etc for libc's lookups.
	boot -- "$BATS_TEST_TMPDIR/cat.img" /etc/passwd
	[ "$status" -eq 0 ]
	[[ "$output" == "root:x:0:0:"* ]]
}

@test "-i: standard input reaches the program" {
	cat > "$BATS_TEST_TMPDIR/rd.c" <<'C'
#include <stdio.h>
int main(void) {
	char b[100];
	if (!fgets(b, sizeof b, stdin)) { printf("EOF\n"); return 1; }
	printf("got: %s", b);
	return 0;
}
C
	"$RR/bin/x86_64-rumprun-linux-musl-cc" -o "$BATS_TEST_TMPDIR/rd" "$BATS_TEST_TMPDIR/rd.c"
	"$RR/bin/rumprun-bake" hw_virtio "$BATS_TEST_TMPDIR/rd.img" "$BATS_TEST_TMPDIR/rd"
	run sh -c "(sleep 2; echo 'typed line') | timeout 60 '$RR/bin/rumprun' qemu -q -i -- '$BATS_TEST_TMPDIR/rd.img'"
	echo "$output"
	[ "$status" -eq 0 ]
	[ "$output" = "got: typed line" ]
}
