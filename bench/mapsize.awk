# mapsize.awk -- bytes each input file contributes to a linked image, from
# a GNU ld map (ld -Map): prints "FILEBYTES BSSBYTES NAME" per archive
# (or per archive member with -v member=1), loaded sections only (debug
# information and other non-allocated sections left out).  bench/image.sh
# uses it to say what dominates the size of a baked image.

# hex: the value of a 0x... string (POSIX awk has no strtonum).
function hex(s,   i, v)
{
	s = tolower(substr(s, 3))
	v = 0
	for (i = 1; i <= length(s); i++)
		v = v * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
	return v
}

/^Linker script and memory map/ { on = 1; next }
!on { next }

# An output section: its name starts the line, its address follows
# (on the next line when the name is long; then it is left unknown).
/^[.A-Za-z_]/ { out = $1; outaddr = ($2 ~ /^0x/) ? hex($2) : -1; next }

{
	n = split($0, f, " ")
	# an input section whose long name fills the line: the rest follows
	if ($0 ~ /^ [.][^ ]+$/) { pend = 1; next }
	if (pend) {
		pend = 0
		if (n < 3 || f[1] !~ /^0x/) next
		addr = f[1]; size = f[2]; file = f[3]
	} else if ($0 ~ /^ [.][^ ]/ && n >= 4 && f[2] ~ /^0x/ && f[3] ~ /^0x/) {
		addr = f[2]; size = f[3]; file = f[4]
	} else
		next
	if (size !~ /^0x[0-9a-fA-F]+$/ || hex(addr) == 0 || outaddr == 0 ||
	    out ~ /^[.](debug|comment|stab|gnu_debug|note[.]rumprun)/)
		next
	sz = hex(size)
	if (!member)
		sub(/\(.*/, "", file)
	sub(/.*\//, "", file)
	if (out ~ /bss/)
		bss[file] += sz
	else
		filebytes[file] += sz
	seen[file] = 1
}

END {
	for (k in seen)
		printf "%8d %8d %s\n", filebytes[k], bss[k], k
}
