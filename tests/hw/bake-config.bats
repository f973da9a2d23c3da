#!/usr/bin/env bats
# bake-config.bats -- what a configuration decides about an image: baking
# from a .config made from a preset gives the preset's image, and a
# component that is not selected is not in the image at all.

load ../bats/helpers

setup_file() {
	[ -x "$RR/bin/x86_64-rumprun-linux-musl-cc" ] || skip "no toolchain: ./build-rr.sh hw"
	export W=$BATS_FILE_TMPDIR
	"$RR/bin/x86_64-rumprun-linux-musl-cc" -O2 -o "$W/hello" "$TOP/examples/hello/hello.c"
}

@test "a .config from defconfig hw_virtio bakes the same image as the preset" {
	cd "$W"
	"$RR/bin/rumprun-config" defconfig hw_virtio
	"$RR/bin/rumprun-config" olddefconfig
	"$RR/bin/rumprun-bake" hw_virtio preset.img hello
	"$RR/bin/rumprun-bake" .config config.img hello
	cmp preset.img config.img
	command -v qemu-system-x86_64 >/dev/null || skip "no QEMU to boot it"
	run timeout 120 "$RR/bin/rumprun" qemu -q -- config.img 3
	[ "$status" -eq 3 ]
	[[ "$output" == *"exiting with status 3."* ]]
}

@test "an unselected component is not in the image" {
	cd "$W"
	"$RR/bin/rumprun-config" defconfig hw_virtio -o nodev.config
	sed -i 's/^CONFIG_RUMP_DEV=y$/# CONFIG_RUMP_DEV is not set/' nodev.config
	"$RR/bin/rumprun-config" olddefconfig nodev.config
	run "$RR/bin/rumprun-config" show nodev.config
	[[ "$output" != *rumpdev* ]]
	"$RR/bin/rumprun-bake" hw_virtio with.img hello
	"$RR/bin/rumprun-bake" nodev.config without.img hello
	# The device component's symbols are in one image only.
	nm with.img | grep -q ' rump_component_rumpdev$'
	! nm without.img | grep -q ' rump_component_rumpdev$'
	nm with.img | grep -q ' rumpns_console_open_stdio$'
	! nm without.img | grep -q ' rumpns_console_open_stdio$'
	[ "$(stat -c %s without.img)" -lt "$(stat -c %s with.img)" ]
	# ... and the image says so when it boots, instead of misbehaving.
	command -v qemu-system-x86_64 >/dev/null || skip "no QEMU to boot it"
	run timeout 120 "$RR/bin/rumprun" qemu -q -- without.img
	[ "$status" -eq 78 ]
	[[ "$output" == *"no console device"* ]]
}

@test "a .config selecting a component not built here is refused at bake time" {
	cd "$W"
	"$RR/bin/rumprun-config" defconfig hw_virtio -o x.config
	cp "$RR/share/rumprun/components.map" map.saved
	# Pretend tmpfs was not built for this target.
	grep -v '^RUMP_FS_TMPFS ' map.saved > "$RR/share/rumprun/components.map"
	run "$RR/bin/rumprun-bake" x.config x.img hello
	cp map.saved "$RR/share/rumprun/components.map"
	echo "$output"
	[ "$status" -ne 0 ]
	[[ "$output" == *"selects CONFIG_RUMP_FS_TMPFS, which is not built for hw-x86_64"* ]]
}
