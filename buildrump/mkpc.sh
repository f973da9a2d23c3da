#!/bin/sh
# mkpc.sh NAME DESCRIPTION REQUIRES KIND -- print the pkg-config file of
# archive libNAME.a.  KIND "core" is librump itself (plus the hosted
# platform); "component" adds the anchor that keeps a static link from
# dropping the component's link-set registration.  The file is
# relocatable: paths are relative to where it is installed.
set -eu
name=$1 desc=$2 requires=$3 kind=$4
cat <<PC
prefix=\${pcfiledir}/../..
libdir=\${prefix}/lib
includedir=\${prefix}/include

Name: $name
Description: $desc
Version: 0.1
PC
[ -n "$requires" ] && echo "Requires: $(echo $requires | sed 's/ /, /g')"
case $kind in
core)
	echo "Libs: -L\${libdir} -lrump -lrumpuser -lpthread" ;;
component)
	echo "Libs: -L\${libdir} -Wl,-u,rump_component_$name -l$name" ;;
esac
echo "Cflags: -I\${includedir}"
