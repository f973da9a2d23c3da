# helpers.bash -- shared set-up of the bats files (load helpers).
TOP=${RUMPRUN_TOP:-$(cd "$BATS_TEST_DIRNAME/../.." && pwd)}
OBJ=${OBJ:-$TOP/obj/posix-x86_64}
TBIN=${TBIN:-$OBJ/tests/bin}
RR=${RR:-$TOP/rumprun}
