#!/bin/sh
# gensyscalls.sh -- generate the system call glue from the table.
#
# usage: gensyscalls.sh OUTDIR TABLE DOCFILE
#
# Reads TABLE (components/sys/syscalls_x86_64.tbl; its header comment is
# the format) and writes:
#   OUTDIR/syscall_table.c      kernel: dispatch table and glue (freestanding)
#   OUTDIR/syscall_handlers.h   kernel: prototypes of all sys_<name>()
#   OUTDIR/rump_sys_wrappers.c  kernel: typed rump_sys_<name>() (freestanding)
#   OUTDIR/rump_syscalls.h      public: <rump/rump_syscalls.h> for hosts
#   OUTDIR/syscall_table.h      copy of components/sys/syscall_table.h
#   DOCFILE                     Markdown list of the calls (docs/syscalls.md),
#                               followed by syscalls_notes.md from beside
#                               this script (hand-written notes on calls)
# A file whose contents would not change is left alone, so make does not
# rebuild what depends on it.  Output depends only on the table (and the
# documentation on the notes).
set -eu

usage() {
	echo "usage: $0 OUTDIR TABLE DOCFILE" >&2
	echo "  generate the system call table, wrappers, public header and" >&2
	echo "  documentation from TABLE (see the comment at its top)" >&2
	exit 2
}

die() {
	echo "$0: $*" >&2
	exit 1
}

[ $# -eq 3 ] || usage
outdir=$1
table=$2
docfile=$3
here=$(dirname "$0")

[ -f "$table" ] || die "no table at $table: give the path of syscalls_x86_64.tbl"
[ -f "$here/gensyscalls.awk" ] || die "gensyscalls.awk is missing beside $0"
[ -f "$here/syscall_table.h" ] || die "syscall_table.h is missing beside $0"
mkdir -p "$outdir" || die "cannot create $outdir"
docdir=$(dirname "$docfile")
[ -d "$docdir" ] || die "no directory $docdir for $docfile"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/gensyscalls.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

LC_ALL=C awk -v table="$table" \
    -v tblname="components/sys/$(basename "$table")" \
    -v out_table="$tmp/syscall_table.c" \
    -v out_protos="$tmp/syscall_handlers.h" \
    -v out_wrappers="$tmp/rump_sys_wrappers.c" \
    -v out_header="$tmp/rump_syscalls.h" \
    -v out_doc="$tmp/syscalls.md" \
    -f "$here/gensyscalls.awk" "$table" ||
	die "the table has errors (above); nothing was written"
cp "$here/syscall_table.h" "$tmp/syscall_table.h"
if [ -f "$here/syscalls_notes.md" ]; then
	{ echo; cat "$here/syscalls_notes.md"; } >>"$tmp/syscalls.md"
fi

# Move $1 to $2 unless $2 already has the same contents.
update() {
	if cmp -s "$1" "$2"; then
		rm -f "$1"
	else
		mv -f "$1" "$2"
	fi
}

for f in syscall_table.c syscall_handlers.h rump_sys_wrappers.c \
    rump_syscalls.h syscall_table.h; do
	update "$tmp/$f" "$outdir/$f"
done
update "$tmp/syscalls.md" "$docfile"
