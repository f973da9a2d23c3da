#!/bin/sh
# rumpns.sh OBJECT -- move every global symbol of a kernel object that is
# not part of the kernel's public interface (rump_*, rumpuser_*, and the
# per-component hypercalls rumpcomp_* of platforms/include/rumpcomp_*.h)
# into the rumpns_ namespace, so a kernel can share a process with any libc.
# Names starting with "__" are the toolchain's (sanitizers, link-set
# __start_/__stop_ symbols) and are left alone; kernel code must not
# define such names (tests/bats/namespace.bats checks).
set -eu
obj=$1
map=$obj.rumpns
${NM:-nm} -g --format=posix "$obj" | awk '
	$1 ~ /^(rump_|rumpuser_|rumpcomp_|rumpns_|__)/ { next }
	$1 == "_GLOBAL_OFFSET_TABLE_" { next }
	{ print $1 " rumpns_" $1 }' | sort -u > "$map"
if [ -s "$map" ]; then
	${OBJCOPY:-objcopy} --redefine-syms="$map" "$obj"
fi
rm -f "$map"
