/* atomic_arch.h -- musl's x86_64 atomics (kept, renamed atomic_arch_musl.h
 * by build.sh) with one change: a_crash(), musl's "stop now" for heap
 * corruption and impossible states, must stop.  musl's is `hlt`, which
 * faults in user mode but in a unikernel running at ring 0 only waits for
 * the next interrupt and then carries on with the corrupted state.  `ud2`
 * (__builtin_trap) raises an invalid-opcode exception at any privilege
 * level. */
#include "atomic_arch_musl.h"

#undef a_crash
#define a_crash rumprun_a_crash
static inline void rumprun_a_crash(void)
{
	__builtin_trap();
}
