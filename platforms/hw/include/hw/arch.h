/*
 * hw/arch.h -- what an architecture port of the hw platform provides to
 * the generic code (the .c files of platforms/hw).  A port lives in
 * platforms/hw/<arch>/ and implements every function declared here, plus
 * the types and inline functions of its own hw/md.h.
 */
#ifndef HW_ARCH_H
#define HW_ARCH_H

#include "hw/types.h"
#include "hw/md.h"

/* Console: write one byte (blocks until the device takes it). */
void rumphw_md_putc(int c);
/* Console: one byte of input, or -1 if none is waiting.  Never blocks. */
int rumphw_md_getc(void);
/* Whether console input raises an interrupt (else the idle loop polls). */
bool rumphw_md_console_has_intr(void);

/* Monotonic nanoseconds since an arbitrary point before the kernel. */
uint64_t rumphw_md_nsec(void);
/* Wall-clock ns since the Unix epoch at monotonic time 0 (from a
 * clock read once at boot; 0 if the machine has none). */
int64_t rumphw_md_wall_base(void);
/*
 * Arm a one-shot timer interrupt at monotonic time deadline (ns), or
 * disarm it if deadline is 0.  Interrupts are disabled when called.
 */
void rumphw_md_timer_set(uint64_t deadline);
/*
 * Idle: enable interrupts, wait until one was handled, disable them
 * again.  Interrupts are otherwise always disabled: the scheduler is
 * cooperative and handlers only record what happened.
 */
void rumphw_md_idle(void);

/*
 * Threads.  ctx_init prepares ctx so that the first switch to it calls
 * rumphw_thread_start(arg) on a stack ending at stacktop.  switch saves
 * the callee-saved state of the running thread in from and resumes to.
 */
void rumphw_md_ctx_init(struct rumphw_md_ctx *ctx, void *stacktop, void *arg);
void rumphw_md_switch(struct rumphw_md_ctx *from, struct rumphw_md_ctx *to);
/* Set the thread pointer (TLS base) of the running thread. */
void rumphw_md_settls(uintptr_t tp);
/* The first switch to a new thread lands here (sched.c). */
void rumphw_thread_start(void *arg) __attribute__((__noreturn__));

/* Make the page at va inaccessible (stack guard) / accessible again. */
int rumphw_md_page_unmap(uintptr_t va);
void rumphw_md_page_remap(uintptr_t va);

/* A 64-bit random number from the CPU (x86: RDRAND); false if none. */
bool rumphw_md_random(uint64_t *v);

/* Power off with exit status value (0..255 or RUMPUSER_PANIC). */
void rumphw_md_exit(int value) __attribute__((__noreturn__));

/* Port I/O space access, for virtio's legacy transport (an architecture
 * without I/O space reads all-ones and ignores writes). */
uint32_t rumphw_md_io_read(uint64_t port, int width);
void rumphw_md_io_write(uint64_t port, int width, uint32_t v);
/* Make device memory [pa, pa+len) accessible, uncached. */
int rumphw_md_map_mmio(uint64_t pa, uint64_t len);
/* PCI configuration space access by bus/device/function; all-ones where
 * nothing answers. */
uint32_t rumphw_md_pci_read(unsigned bus, unsigned dev, unsigned fn,
    unsigned off, int width);
void rumphw_md_pci_write(unsigned bus, unsigned dev, unsigned fn,
    unsigned off, int width, uint32_t v);

/*
 * Call fn(arg) from the interrupt path when PCI device d interrupts.
 * Lines are shared: fn must check (and quiet) its own device, and only
 * record or wake (it runs while the idle thread waits, see
 * rumphw_md_idle).  0, or ENODEV when the device has no usable
 * interrupt: the driver polls instead.
 */
struct rumphw_pci_dev;
int rumphw_md_pci_intr_establish(const struct rumphw_pci_dev *d,
    void (*fn)(void *), void *arg);

/* Print a backtrace of the calling context (for panics). */
void rumphw_md_backtrace(void);

#endif /* HW_ARCH_H */
