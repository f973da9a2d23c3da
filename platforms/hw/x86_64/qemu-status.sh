#!/bin/sh
# qemu-status.sh -- turn the exit status of qemu-system-x86_64 running a
# hw image with "-device isa-debug-exit,iobase=0xf4,iosize=0x04" back
# into the program's exit status (encoding: docs/platform-hw.md).
#
#   QEMU status   meaning                          prints          exits
#   2*s + 3       program exited with s (0..124)   "exit s"        s
#   253           program exited with 125..255     "exit >=125"    125
#   255           panic                            "panic"         255
#   0             powered off without exit device  "no exit status" 254
#   anything else QEMU failed or was killed        "qemu error N"  253
set -eu

usage() {
	cat <<USAGE
usage: qemu-status.sh decode STATUS    decode QEMU's exit status STATUS
       qemu-status.sh run QEMU-COMMAND...  run QEMU, then decode its status
       qemu-status.sh help               show this text
USAGE
}

die() {
	echo "qemu-status.sh: $*" >&2
	exit 2
}

decode() {
	case $1 in
	'' | *[!0-9]*) die "not a number: '$1' (pass QEMU's exit status)" ;;
	esac
	q=$1
	if [ "$q" -eq 0 ]; then
		echo "no exit status"
		return 254
	elif [ "$q" -eq 255 ]; then
		echo "panic"
		return 255
	elif [ "$q" -eq 253 ]; then
		echo "exit >=125"
		return 125
	elif [ "$q" -ge 3 ] && [ "$q" -le 251 ] && [ $((q % 2)) -eq 1 ]; then
		echo "exit $(((q - 3) / 2))"
		return $(((q - 3) / 2))
	fi
	echo "qemu error $q"
	return 253
}

[ $# -ge 1 ] || { usage >&2; exit 2; }
cmd=$1
shift
case $cmd in
decode)
	[ $# -eq 1 ] || die "decode takes one status; see 'qemu-status.sh help'"
	decode "$1"
	;;
run)
	[ $# -ge 1 ] || die "run needs a QEMU command line"
	rc=0
	"$@" || rc=$?
	decode "$rc" >&2
	;;
help | -h | --help)
	usage
	;;
*)
	usage >&2
	die "unknown command '$cmd'"
	;;
esac
