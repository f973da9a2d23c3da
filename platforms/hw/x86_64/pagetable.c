/*
 * pagetable.c -- the one address space: physical memory identity-mapped.
 * boot.S mapped 0-4 GiB with 2 MiB pages (4 KiB ones in the first 2 MiB,
 * where start.c unmaps page 0 to catch NULL pointers); here device
 * ranges below 4 GiB become uncached, RAM above 4 GiB and device memory
 * anywhere get mapped on demand, and single 4 KiB pages (stack guards)
 * are unmapped by splitting the 2 MiB page that holds them.
 */
#include "hw/arch.h"
#include "hw/lib.h"
#include "hw/mem.h"
#include "x86.h"

#define PTE_P 0x001ULL
#define PTE_W 0x002ULL
#define PTE_PWT 0x008ULL
#define PTE_PCD 0x010ULL
#define PTE_PS 0x080ULL
#define PTE_ADDR 0x000ffffffffff000ULL
#define PTE_UC (PTE_PCD | PTE_PWT)

#define LARGE (1ULL << 21)
#define LOW_MAPPED (4ULL << 30) /* what boot.S mapped */

extern uint64_t rumphw_boot_pml4[512];
extern uint64_t rumphw_boot_pd[4 * 512];

static unsigned idx(uintptr_t va, int level)
{
	return (va >> (12 + 9 * level)) & 511;
}

static uint64_t *table_of(uint64_t e)
{
	return (uint64_t *)(uintptr_t)(e & PTE_ADDR);
}

static uint64_t *new_table(void)
{
	uint64_t *t = rumphw_page_alloc(1, 1);

	if (t)
		rumphw_memset(t, 0, PAGE_SIZE);
	return t;
}

/*
 * The entry for va at level (3 PML4, 2 PDPT, 1 PD, 0 PT), creating the
 * tables above it if alloc; NULL if missing (or a large page covers va
 * above the wanted level).
 */
static uint64_t *walk(uintptr_t va, int level, bool alloc)
{
	uint64_t *table = rumphw_boot_pml4;

	for (int l = 3; l > level; l--) {
		uint64_t *e = &table[idx(va, l)];
		if (!(*e & PTE_P)) {
			uint64_t *t;
			if (!alloc || (t = new_table()) == NULL)
				return NULL;
			*e = (uintptr_t)t | PTE_P | PTE_W;
		} else if (*e & PTE_PS) {
			return NULL;
		}
		table = table_of(*e);
	}
	return &table[idx(va, level)];
}

static bool overlaps_ram(uint64_t start, uint64_t end)
{
	const struct bootinfo *bi = &rumphw_bootinfo;

	for (unsigned i = 0; i < bi->nmem; i++)
		if (bi->mem[i].start < end && start < bi->mem[i].end)
			return true;
	return false;
}

void rumphw_pt_init(void)
{
	/* Below 4 GiB, 2 MiB ranges without any RAM are device memory. */
	for (unsigned i = 1; i < 4 * 512; i++) {
		uint64_t pa = (uint64_t)i * LARGE;
		if (!overlaps_ram(pa, pa + LARGE))
			rumphw_boot_pd[i] |= PTE_UC;
	}
	wrcr3(rdcr3());
}

static int map_large(uint64_t start, uint64_t end, uint64_t attr)
{
	for (uint64_t pa = ROUNDDOWN(start, LARGE); pa < end; pa += LARGE) {
		uint64_t *e = walk(pa, 1, true);
		if (e == NULL) {
			if (walk(pa, 2, false) == NULL)
				return HW_ENOMEM;
			continue; /* inside a 1 GiB page */
		}
		if (!(*e & PTE_P))
			*e = pa | PTE_P | PTE_W | PTE_PS | attr;
	}
	return 0;
}

int rumphw_pt_map_ram(uint64_t start, uint64_t end)
{
	return map_large(start, end, 0);
}

int rumphw_pt_map_mmio(uint64_t pa, uint64_t len)
{
	if (pa + len <= LOW_MAPPED)
		return 0; /* boot.S mapped it; rumphw_pt_init made it UC */
	return map_large(pa, pa + len, PTE_UC);
}

int rumphw_md_map_mmio(uint64_t pa, uint64_t len)
{
	return rumphw_pt_map_mmio(pa, len);
}

bool rumphw_pt_is_mapped(uintptr_t va)
{
	uint64_t *table = rumphw_boot_pml4;

	if (va >= (1ULL << 47))
		return false; /* we only use the lower half */
	for (int l = 3; l >= 0; l--) {
		uint64_t e = table[idx(va, l)];
		if (!(e & PTE_P))
			return false;
		if (l == 0 || (e & PTE_PS))
			return true;
		table = table_of(e);
	}
	return false;
}

int rumphw_md_page_unmap(uintptr_t va)
{
	uint64_t *pde = walk(va, 1, false), *pte;

	if (pde == NULL || !(*pde & PTE_P))
		return HW_EINVAL;
	if (*pde & PTE_PS) {
		/* Split the 2 MiB page into 512 small ones, same attributes. */
		uint64_t *pt = new_table();
		uint64_t base = *pde & PTE_ADDR & ~(LARGE - 1);
		uint64_t attr = *pde & (PTE_P | PTE_W | PTE_UC);
		if (pt == NULL)
			return HW_ENOMEM;
		for (unsigned i = 0; i < 512; i++)
			pt[i] = (base + i * PAGE_SIZE) | attr;
		*pde = (uintptr_t)pt | PTE_P | PTE_W;
		wrcr3(rdcr3());
	}
	pte = walk(va, 0, false);
	*pte &= ~PTE_P;
	invlpg(va);
	return 0;
}

void rumphw_md_page_remap(uintptr_t va)
{
	uint64_t *pte = walk(va, 0, false);

	if (pte) {
		*pte |= PTE_P;
		invlpg(va);
	}
}
