/*
 * abi/sysinfo.h -- sysinfo(2)'s result on x86_64 (112 bytes).
 */
#ifndef ABI_SYSINFO_H
#define ABI_SYSINFO_H

#include <kern/types.h>

/* loads[] are fixed point with this many fraction bits. */
#define SI_LOAD_SHIFT   16

struct sysinfo {
	long uptime;                    /* seconds since boot */
	unsigned long loads[3];         /* 1, 5 and 15 minute load averages */
	unsigned long totalram;         /* sizes in units of mem_unit bytes */
	unsigned long freeram;
	unsigned long sharedram;
	unsigned long bufferram;
	unsigned long totalswap;
	unsigned long freeswap;
	uint16_t procs;
	uint16_t pad;
	unsigned long totalhigh;
	unsigned long freehigh;
	uint32_t mem_unit;
	/* 4 bytes of tail padding; Linux's _f[] is empty on 64-bit. */
};

#endif /* ABI_SYSINFO_H */
