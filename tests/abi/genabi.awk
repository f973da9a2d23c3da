# genabi.awk -- turns abi.list into one pair of C files per group.
#
# Run by run.sh: -v outdir=DIR.  Writes DIR/N.ours.c and DIR/N.ref.c for
# group number N, and DIR/groups with a "N NAME HEADERS" line per group.
# Each C file holds one function whose asm statements carry the values:
# compiled with -S, every item becomes a line
#     .ascii "@ABI KEY HI LO"
# where HI and LO are the upper and lower 32 bits of the value as signed
# ints (an x86 "i" operand must fit in 32 bits).  Nothing is run and
# nothing is linked, so the freestanding side needs no printf.

function die(msg) {
	printf "abi.list:%d: %s\n", FNR, msg > "/dev/stderr"
	failed = 1
	exit 1
}

# The C spelling of a type name of the list (see abi.list).
function ctype(t, bare_typedef) {
	if (t ~ /^struct:/)
		return "struct " substr(t, 8)
	if (t ~ /^union:/)
		return "union " substr(t, 7)
	if (t ~ /^typedef:/)
		return substr(t, 9)
	if (bare_typedef || t ~ /_t$/)
		return t
	return "struct " t
}

# Split "OURS=REF" into pair[1], pair[2] (REF defaults to OURS).
function split_pair(s) {
	if (index(s, "=")) {
		pair[1] = substr(s, 1, index(s, "=") - 1)
		pair[2] = substr(s, index(s, "=") + 1)
	} else {
		pair[1] = pair[2] = s
	}
	if (pair[1] == "" || pair[2] == "")
		die("empty name in " s)
}

# Emit item key with expressions ours and ref, once per group.
function emit(key, ours, ref) {
	if ((ngroup, key) in seen)
		return
	seen[ngroup, key] = 1
	printf "\tABI_EMIT(\"%s\", %s);\n", key, ours > ours_file
	printf "\tABI_EMIT(\"%s\", %s);\n", key, ref > ref_file
}

function need_group() {
	if (ngroup == 0)
		die("directive before the first group")
}

function open_bodies() {
	if (body_open)
		return
	if (ours_hdrs == "" || ref_hdrs == "")
		die("group " gname " needs ours and ref before its items")
	prologue(ours_file, ours_hdrs, 0)
	prologue(ref_file, ref_hdrs, 1)
	printf "%d %s %s\n", ngroup, gname, ref_hdrs > (outdir "/groups")
	body_open = 1
}

function prologue(f, hdrs, is_ref,    n, h, i) {
	printf "/* abi.list group %s: %s side. */\n", gname,
	    (is_ref ? "reference" : "our") > f
	if (is_ref)
		print "#define _GNU_SOURCE 1" > f
	n = split(hdrs, h, " ")
	for (i = 1; i <= n; i++)
		printf "#include <%s>\n", h[i] > f
	print "" > f
	print "#define ABI_EMIT(key, v) __asm__ volatile(\"\\n.ascii \\\"@ABI \" key \" %c0 %c1\\\"\" \\" > f
	print "\t: : \"i\"((int)((long long)(v) >> 32)), \\" > f
	print "\t    \"i\"((int)((unsigned long long)(long long)(v) & 0xffffffffULL)))" > f
	print "" > f
	print "void abi_dump(void);" > f
	print "" > f
	print "void" > f
	print "abi_dump(void)" > f
	print "{" > f
}

function close_group() {
	if (ngroup == 0)
		return
	if (!body_open)
		die("group " gname " has no items")
	print "}" > ours_file
	print "}" > ref_file
	close(ours_file)
	close(ref_file)
}

BEGIN {
	ngroup = 0
}

{
	sub(/#.*/, "")
}

NF == 0 {
	next
}

$1 == "group" {
	if (NF != 2)
		die("group takes one name")
	close_group()
	ngroup++
	gname = $2
	if (gname in gnames)
		die("group " gname " appears twice")
	gnames[gname] = 1
	ours_file = outdir "/" ngroup ".ours.c"
	ref_file = outdir "/" ngroup ".ref.c"
	ours_hdrs = ref_hdrs = ""
	body_open = 0
	next
}

$1 == "ours" || $1 == "ref" {
	need_group()
	if (body_open)
		die($1 " after the items of group " gname)
	h = ""
	for (i = 2; i <= NF; i++)
		h = h (i > 2 ? " " : "") $i
	if ($1 == "ours")
		ours_hdrs = h
	else
		ref_hdrs = h
	next
}

$1 == "const" {
	need_group(); open_bodies()
	for (i = 2; i <= NF; i++) {
		split_pair($i)
		emit("value(" pair[1] ")", pair[1], pair[2])
		emit("size(" pair[1] ")", "sizeof(" pair[1] ")",
		    "sizeof(" pair[2] ")")
	}
	next
}

$1 == "type" {
	need_group(); open_bodies()
	for (i = 2; i <= NF; i++) {
		split_pair($i)
		emit("size(" pair[1] ")", "sizeof(" ctype(pair[1], 1) ")",
		    "sizeof(" ctype(pair[2], 1) ")")
	}
	next
}

$1 == "struct" || $1 == "offsets" {
	need_group(); open_bodies()
	if (NF < 2)
		die($1 " needs a type")
	split_pair($2)
	tname = pair[1]
	t_ours = ctype(pair[1], 0)
	t_ref = ctype(pair[2], 0)
	if ($1 == "struct")
		emit("size(" tname ")", "sizeof(" t_ours ")", "sizeof(" t_ref ")")
	for (i = 3; i <= NF; i++) {
		split_pair($i)
		emit("offset(" tname "." pair[1] ")",
		    "__builtin_offsetof(" t_ours ", " pair[1] ")",
		    "__builtin_offsetof(" t_ref ", " pair[2] ")")
		if ($1 == "struct")
			emit("size(" tname "." pair[1] ")",
			    "sizeof(((" t_ours " *)0)->" pair[1] ")",
			    "sizeof(((" t_ref " *)0)->" pair[2] ")")
	}
	next
}

$1 == "fixed" {
	need_group(); open_bodies()
	if (NF != 3)
		die("fixed takes an expression without blanks and a value")
	emit("fixed(" $2 ")", $2, "(" $3 ")")
	next
}

{
	die("unknown directive " $1)
}

END {
	if (failed)
		exit 1
	close_group()
}
