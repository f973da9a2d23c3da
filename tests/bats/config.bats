#!/usr/bin/env bats
# config.bats -- component selection with Kconfig: presets, rumprun-config
# and its refusals, and menuconfig driven in a real terminal.

load helpers

setup() {
	cd "$BATS_TEST_TMPDIR"
	CFG=$RR/bin/rumprun-config
}

@test "presets are listed with a description, by config and bake alike" {
	run "$CFG" list
	[ "$status" -eq 0 ]
	for p in hw_virtio hw_generic hw_minimal; do
		[[ "$output" == *"$p "* ]]
	done
	[[ "$output" == *"virtio devices"* ]]
	bake=$("$RR/bin/rumprun-bake" list)
	[ "$bake" = "$output" ]
	# One entry per defconfig file: the list is derived, not kept twice.
	[ "$(echo "$output" | wc -l)" -eq "$(ls "$TOP"/config/presets/*.defconfig | wc -l)" ]
}

@test "defconfig then olddefconfig is idempotent" {
	run "$CFG" defconfig hw_virtio
	[ "$status" -eq 0 ]
	[ -f .config ]
	grep -qx CONFIG_PLATFORM_HW=y .config
	grep -qx CONFIG_RUMP_FS_TMPFS=y .config
	sum1=$(cksum < .config)
	run "$CFG" olddefconfig
	[ "$status" -eq 0 ]
	[ "$(cksum < .config)" = "$sum1" ]
	run "$CFG" olddefconfig
	[ "$(cksum < .config)" = "$sum1" ]
	run "$CFG" defconfig hw_virtio -o other.config
	[ "$status" -eq 0 ]
	cmp .config other.config
}

@test "show lists the archives a configuration bakes, and the platform" {
	"$CFG" defconfig hw_virtio
	run "$CFG" show
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == *"rump"* ]]
	[ "$(echo "$output" | tail -1)" = "platform: hw-x86_64" ]
}

@test "savedefconfig writes the minimal form, which reproduces the config" {
	"$CFG" defconfig hw_virtio
	run "$CFG" savedefconfig min.defconfig
	[ "$status" -eq 0 ]
	run "$CFG" defconfig ./min.defconfig -o again.config
	[ "$status" -eq 0 ]
	cmp .config again.config
}

@test "syntax errors and unknown symbols are reported with file and line" {
	printf 'CONFIG_PLATFORM_HW=y\nCONFIG_NOPE=y\nCONFIG_RUMP_DEV=maybe\ngarbage\n' > bad.config
	run "$CFG" olddefconfig bad.config
	echo "$output"
	[ "$status" -ne 0 ]
	[[ "$output" == *"bad.config:2: unknown symbol CONFIG_NOPE"* ]]
	[[ "$output" == *"bad.config:3: syntax error: bad value for CONFIG_RUMP_DEV: maybe"* ]]
	[[ "$output" == *"bad.config:4: syntax error"* ]]
	# The file was refused, not rewritten.
	grep -qx garbage bad.config
	run "$RR/bin/rumprun-bake" bad.config out.img /dev/null
	[ "$status" -ne 0 ]
	[[ "$output" == *"unknown symbol CONFIG_NOPE"* ]]
}

@test "an option forced against its dependencies is refused" {
	printf 'CONFIG_PLATFORM_HW=y\nCONFIG_RUMP_VFS=y\n# CONFIG_RUMP_SYS is not set\n' > dep.config
	run "$CFG" olddefconfig dep.config
	echo "$output"
	[ "$status" -ne 0 ]
	[[ "$output" == *"CONFIG_RUMP_VFS=y cannot be set: its dependencies are not met (depends on RUMP_SYS)"* ]]
}

@test "unknown presets and commands are refused" {
	run "$CFG" defconfig no_such_preset
	[ "$status" -ne 0 ]
	[[ "$output" == *"unknown preset 'no_such_preset'"* ]]
	run "$CFG" frobnicate
	[ "$status" -ne 0 ]
	[[ "$output" == *"unknown command 'frobnicate'"* ]]
	run "$RR/bin/rumprun-bake" no_such_preset out.img /dev/null
	[ "$status" -ne 0 ]
	[[ "$output" == *"unknown preset 'no_such_preset'"* ]]
}

@test "menuconfig in a real terminal: toggle an option, save, exit" {
	command -v tmux >/dev/null || skip "tmux is not installed"
	"$CFG" defconfig hw_virtio -o m.config
	grep -qx CONFIG_RUMP_DEV=y m.config
	run "$CFG" show m.config
	[[ "$output" == *"rumpdev"* ]]
	sock=$BATS_TEST_TMPDIR/tmux.sock
	tmux -S "$sock" new-session -d -x 100 -y 36 \
	    "TERM=xterm '$CFG' menuconfig '$BATS_TEST_TMPDIR/m.config'"
	screen() { tmux -S "$sock" capture-pane -p -t 0; }
	wait_for() {
		for _ in $(seq 50); do
			screen | grep -q "$1" && return 0
			sleep 0.1
		done
		screen
		return 1
	}
	keys() { tmux -S "$sock" send-keys -t 0 "$@"; }
	wait_for "Kernel components"
	keys Down Down Down Enter
	wait_for "Basic devices"
	keys Down Down Down n
	wait_for '\[ \]     Basic devices'
	keys Escape Escape
	sleep 0.3
	keys Escape Escape
	wait_for "save your new configuration"
	keys Enter
	for _ in $(seq 50); do
		grep -q '^# CONFIG_RUMP_DEV is not set' m.config && break
		sleep 0.1
	done
	tmux -S "$sock" kill-server 2>/dev/null || true
	grep -qx '# CONFIG_RUMP_DEV is not set' m.config
	# ... and what bake would link follows the change.
	run "$CFG" show m.config
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" != *"rumpdev"* ]]
}

@test "docs/configuration.md is generated from the current Kconfig files" {
	sh "$TOP/config/gendoc.sh" "$BATS_TEST_TMPDIR/configuration.md"
	diff -u "$TOP/docs/configuration.md" "$BATS_TEST_TMPDIR/configuration.md"
	# Every option of every Kconfig file is in it.
	for sym in $(grep -rh '^[[:space:]]*config ' "$TOP/config" "$TOP/components" | awk '{print $2}'); do
		grep -q "CONFIG_$sym\`" "$TOP/docs/configuration.md"
	done
}
