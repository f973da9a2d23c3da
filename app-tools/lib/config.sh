# lib/config.sh -- configuration helpers shared by rumprun-config and
# rumprun-bake (sourced; POSIX sh).  Needs SHARE (the installed
# share/rumprun directory) and PROG (for messages) set by the caller.
#
# $SHARE/kconfig/          the Kconfig tree (config/Kconfig is the root)
# $SHARE/presets/*.defconfig   presets; "# description: ..." on line 1
# $SHARE/components.map    "SYMBOL ARCHIVE" for every component archive

cfg_die()
{
	echo "$PROG: $*" >&2
	exit 1
}

# cfg_conf ARGS...: kconfig-conf on our tree (it resolves "source" lines
# relative to the working directory).
cfg_conf()
{
	command -v kconfig-conf >/dev/null ||
		cfg_die "kconfig-conf not found (Debian: kconfig-frontends; ./build-rr.sh posix deps)"
	(cd "$SHARE/kconfig" && kconfig-conf "$@" config/Kconfig)
}

# cfg_symbols: every symbol the Kconfig tree defines, one per line.
cfg_symbols()
{
	find "$SHARE/kconfig" -name Kconfig -exec \
	    sed -n 's/^[[:space:]]*\(menu\)\{0,1\}config[[:space:]]\{1,\}\([A-Za-z0-9_]\{1,\}\).*/\2/p' {} + |
	    sort -u
}

# cfg_validate FILE: syntax and known symbols, reported as FILE:LINE.
cfg_validate()
{
	[ -f "$1" ] || cfg_die "$1: no such configuration file"
	syms=$(cfg_symbols)
	awk -v file="$1" -v syms="$syms" '
	BEGIN { n = split(syms, s, "\n"); for (i = 1; i <= n; i++) known[s[i]] = 1 }
	function unknown(sym) {
		printf "%s:%d: unknown symbol CONFIG_%s\n", file, NR, sym; bad = 1
	}
	/^[[:space:]]*$/ { next }
	/^# CONFIG_[A-Za-z0-9_]+ is not set$/ {
		sym = $2; sub(/^CONFIG_/, "", sym)
		if (!(sym in known)) unknown(sym)
		next
	}
	/^#/ { next }
	/^CONFIG_[A-Za-z0-9_]+=/ {
		sym = $0; sub(/^CONFIG_/, "", sym); sub(/=.*/, "", sym)
		val = $0; sub(/^[^=]*=/, "", val)
		if (val !~ /^(y|n|m|-?[0-9]+|0x[0-9a-fA-F]+|"([^"\\]|\\.)*")$/) {
			printf "%s:%d: syntax error: bad value for CONFIG_%s: %s\n", file, NR, sym, val
			bad = 1
		} else if (!(sym in known)) unknown(sym)
		next
	}
	{ printf "%s:%d: syntax error: expected CONFIG_NAME=VALUE or a comment: %s\n", file, NR, $0; bad = 1 }
	END { exit bad }' "$1" >&2 || exit 1
}

# cfg_check_deps IN OUT: every option IN sets to y that OUT (IN after
# olddefconfig) does not have was forced against its dependencies.
cfg_check_deps()
{
	bad=0
	for sym in $(sed -n 's/^CONFIG_\([A-Za-z0-9_]*\)=y$/\1/p' "$1"); do
		grep -qx "CONFIG_$sym=y" "$2" && continue
		dep=$(find "$SHARE/kconfig" -name Kconfig -exec awk -v s="$sym" '
			$1 ~ /config$/ && $2 == s { in_s = 1; next }
			$1 ~ /config$/ || $1 == "endmenu" || $1 == "choice" { in_s = 0 }
			in_s && $1 == "depends" { sub(/^[[:space:]]*depends on[[:space:]]*/, ""); print; exit }
		' {} + | head -n 1)
		echo "$1: CONFIG_$sym=y cannot be set: its dependencies are not met${dep:+ (depends on $dep)}" >&2
		bad=1
	done
	[ "$bad" = 0 ] || exit 1
}

# cfg_preset_file NAME: the defconfig of preset NAME.
cfg_preset_file()
{
	f=$SHARE/presets/$1.defconfig
	[ -f "$f" ] || cfg_die "unknown preset '$1' (rumprun-bake list shows the presets)"
	echo "$f"
}

# cfg_is_file ARG: is ARG a configuration file rather than a preset name?
cfg_is_file()
{
	case $1 in
	*/* | *.config | .config) return 0 ;;
	esac
	[ -f "$1" ] && [ ! -f "$SHARE/presets/$1.defconfig" ]
}

# cfg_resolve CONFIG OUT: a complete, checked .config at OUT for a preset
# name or a configuration file.
cfg_resolve()
{
	if cfg_is_file "$1"; then
		cfg_validate "$1"
		cp "$1" "$2.in"
		KCONFIG_CONFIG=$2 cfg_conf -s --defconfig="$2.in" >/dev/null 2>&1 ||
			cfg_die "$1: kconfig-conf could not read it"
		cfg_check_deps "$2.in" "$2"
		rm -f "$2.in"
	else
		preset=$(cfg_preset_file "$1")
		KCONFIG_CONFIG=$2 cfg_conf -s --defconfig="$preset" >/dev/null 2>&1 ||
			cfg_die "preset $1: kconfig-conf could not read it"
	fi
}

# cfg_value FILE SYMBOL: the value of CONFIG_SYMBOL (quotes removed), or
# nothing when unset.
cfg_value()
{
	sed -n "s/^CONFIG_$2=\"\{0,1\}\([^\"]*\)\"\{0,1\}\$/\1/p" "$1" | head -n 1
}

# cfg_archives FILE: the component archives FILE selects, in map order.
cfg_archives()
{
	[ -f "$SHARE/components.map" ] ||
		cfg_die "$SHARE/components.map is missing: was ./build-rr.sh run?"
	while read -r sym archive; do
		[ "$(cfg_value "$1" "$sym")" = y ] && echo "$archive"
	done <"$SHARE/components.map"
}

# cfg_platform FILE: the platform and arch FILE chooses, as hw-x86_64.
cfg_platform()
{
	if [ "$(cfg_value "$1" PLATFORM_HW)" = y ] &&
	    [ "$(cfg_value "$1" ARCH_X86_64)" = y ]; then
		echo hw-x86_64
	else
		cfg_die "$1 chooses no platform this rumprun supports (hw, x86_64)"
	fi
}

# cfg_presets: "NAME DESCRIPTION" for every preset.
cfg_presets()
{
	for f in "$SHARE"/presets/*.defconfig; do
		[ -f "$f" ] || continue
		n=$(basename "$f" .defconfig)
		d=$(sed -n '1s/^# description: //p' "$f")
		printf '%-14s %s\n' "$n" "$d"
	done
}
