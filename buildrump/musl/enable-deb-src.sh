#!/bin/sh
# enable-deb-src.sh -- make `apt-get source` work on Debian 12: add deb-src
# entries mirroring the deb entries of /etc/apt/sources.list.d/debian.sources
# (deb822) in a separate file, then apt-get update.  Safe to repeat: does
# nothing when deb-src entries already exist.
set -eu

SRC=${DEBIAN_SOURCES:-/etc/apt/sources.list.d/debian.sources}
OUT=${RUMPRUN_SOURCES:-/etc/apt/sources.list.d/rumprun-src.sources}

usage()
{
	cat <<EOF2
usage: buildrump/musl/enable-deb-src.sh

  Makes \`apt-get source\` work (needed by buildrump/musl/build.sh): when apt
  has no deb-src entry, writes $OUT with a "Types: deb-src"
  copy of each "Types: deb" stanza of $SRC and runs
  apt-get update.  Does nothing when a deb-src entry exists.  Run as root.
  Environment: DEBIAN_SOURCES=, RUMPRUN_SOURCES= override the two files.
EOF2
}

die()
{
	echo "enable-deb-src.sh: $*" >&2
	exit 1
}

# have_deb_src: true when apt already knows a deb-src line (one-line or
# deb822 format) in any of its source lists.
have_deb_src()
{
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
		[ -f "$f" ] && grep -q '^[[:space:]]*deb-src[[:space:]]' "$f" && return 0
	done
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] && grep -qi '^Types:.*deb-src' "$f" && return 0
	done
	return 1
}

case ${1:-} in
-h | --help) usage; exit 0 ;;
'') ;;
*) usage >&2; exit 2 ;;
esac

if have_deb_src; then
	exit 0
fi
[ "$(id -u)" = 0 ] || die "adding $OUT needs root: run it as root (or add deb-src entries by hand)"
[ -f "$SRC" ] || die "$SRC not found: add a deb-src line for your mirror to /etc/apt/sources.list by hand, or set MUSL_SRC"

# Copy each deb822 stanza whose Types include "deb", with Types set to
# deb-src; every other field (URIs, Suites, Components, Signed-By) is kept.
tmp=$OUT.tmp
awk '
	function flush() {
		if (stanza != "" && isdeb) printf "%s\n", stanza
		stanza = ""; isdeb = 0
	}
	/^[[:space:]]*$/ { flush(); next }
	/^#/ { next }
	tolower($1) == "types:" {
		for (i = 2; i <= NF; i++) if ($i == "deb") isdeb = 1
		stanza = stanza "Types: deb-src\n"
		next
	}
	{ stanza = stanza $0 "\n" }
	END { flush() }
' "$SRC" >"$tmp"
[ -s "$tmp" ] || { rm -f "$tmp"; die "no 'Types: deb' stanza in $SRC"; }
mv "$tmp" "$OUT"
apt-get update -qq >/dev/null || die "apt-get update failed after adding $OUT"
