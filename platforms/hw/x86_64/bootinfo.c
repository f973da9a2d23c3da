/*
 * bootinfo.c -- what the loader tells us, multiboot v1 or PVH: the
 * command line and the RAM regions.  Both are copied into the image at
 * once, because the loader left them in memory that becomes free RAM.
 */
#include "hw/lib.h"
#include "x86.h"

#define MB_BOOT_MAGIC 0x2badb002
#define PVH_MAGIC 0x336ec578

#define MB_INFO_MEM (1u << 0)
#define MB_INFO_CMDLINE (1u << 2)
#define MB_INFO_MMAP (1u << 6)

#define E820_RAM 1

struct mb_info {
	uint32_t flags, mem_lower, mem_upper, boot_device, cmdline;
	uint32_t mods_count, mods_addr, syms[4], mmap_length, mmap_addr;
} __attribute__((__packed__));

struct mb_mmap {
	uint32_t size; /* of the rest of the entry */
	uint64_t addr, len;
	uint32_t type;
} __attribute__((__packed__));

struct pvh_start_info {
	uint32_t magic, version, flags, nr_modules;
	uint64_t modlist_paddr, cmdline_paddr, rsdp_paddr;
	uint64_t memmap_paddr; /* version >= 1 */
	uint32_t memmap_entries, reserved;
};

struct pvh_memmap {
	uint64_t addr, size;
	uint32_t type, reserved;
};

#define CMDLINE_MAX 8192
static char cmdline[CMDLINE_MAX];

struct bootinfo rumphw_bootinfo = { .cmdline = cmdline };

/* Keep a usable RAM range, page-aligned inwards, sorted by address. */
static void add_mem(uint64_t start, uint64_t len)
{
	struct bootinfo *bi = &rumphw_bootinfo;
	uint64_t end = ROUNDDOWN(start + len, PAGE_SIZE);
	unsigned i;

	start = ROUNDUP(start, PAGE_SIZE);
	if (end <= start)
		return;
	if (bi->nmem == BOOTINFO_MAXMEM) {
		rumphw_printf("rumphw: more than %d RAM regions, ignoring "
			      "0x%lx-0x%lx\n",
		    BOOTINFO_MAXMEM, start, end);
		return;
	}
	for (i = bi->nmem; i > 0 && bi->mem[i - 1].start > start; i--)
		bi->mem[i] = bi->mem[i - 1];
	bi->mem[i].start = start;
	bi->mem[i].end = end;
	bi->nmem++;
}

static void copy_cmdline(const char *s)
{
	if (s == NULL)
		return;
	if (rumphw_strlcpy(cmdline, s, sizeof(cmdline)) >= sizeof(cmdline))
		rumphw_panic("boot command line longer than %d bytes",
		    CMDLINE_MAX - 1);
}

static void parse_multiboot(const struct mb_info *mbi)
{
	if (mbi->flags & MB_INFO_CMDLINE) {
		/* Like GRUB, QEMU passes "IMAGE-PATH ARGS": drop the path. */
		const char *s = (const char *)(uintptr_t)mbi->cmdline;
		while (*s && *s != ' ')
			s++;
		while (*s == ' ')
			s++;
		copy_cmdline(s);
	}
	if (mbi->flags & MB_INFO_MMAP) {
		uintptr_t p = mbi->mmap_addr, end = p + mbi->mmap_length;
		while (p + sizeof(struct mb_mmap) <= end) {
			const struct mb_mmap *m = (const void *)p;
			if (m->type == E820_RAM)
				add_mem(m->addr, m->len);
			p += m->size + sizeof(m->size);
		}
	} else if (mbi->flags & MB_INFO_MEM) {
		add_mem(0, (uint64_t)mbi->mem_lower * 1024);
		add_mem(0x100000, (uint64_t)mbi->mem_upper * 1024);
	}
}

static void parse_pvh(const struct pvh_start_info *si)
{
	if (si->magic != PVH_MAGIC)
		rumphw_panic("PVH start_info has bad magic 0x%x", si->magic);
	if (si->cmdline_paddr)
		copy_cmdline((const char *)(uintptr_t)si->cmdline_paddr);
	rumphw_bootinfo.rsdp = si->rsdp_paddr;
	if (si->version < 1 || si->memmap_paddr == 0)
		rumphw_panic("PVH start_info (version %u) has no memory map",
		    si->version);
	const struct pvh_memmap *m = (const void *)(uintptr_t)si->memmap_paddr;
	for (uint32_t i = 0; i < si->memmap_entries; i++)
		if (m[i].type == E820_RAM)
			add_mem(m[i].addr, m[i].size);
}

void rumphw_bootinfo_parse(uint32_t magic, uint32_t info)
{
	if (magic == MB_BOOT_MAGIC) {
		rumphw_bootinfo.proto = "multiboot";
		parse_multiboot((const struct mb_info *)(uintptr_t)info);
	} else if (magic == PVH_MAGIC) {
		rumphw_bootinfo.proto = "pvh";
		parse_pvh((const struct pvh_start_info *)(uintptr_t)info);
	} else {
		rumphw_panic("unknown boot protocol (magic 0x%x)", magic);
	}
	if (rumphw_bootinfo.nmem == 0)
		rumphw_panic("the loader reported no RAM");
}
