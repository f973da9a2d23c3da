/*
 * kern/component.h -- the component registry.  A component declares
 * itself with RUMP_COMPONENT(); the declaration lands in the
 * "rump_components" link-set section, so linking the component's archive
 * is what enables it, and rump_init() runs every init function in level
 * order (then in name order, so the order is reproducible).
 *
 * The anchor symbol rump_component_<NAME> is what the component's
 * pkg-config file names with -Wl,-u so a static link keeps it.
 */
#ifndef KERN_COMPONENT_H
#define KERN_COMPONENT_H

#include <kern/types.h>

enum rump_component_level {
	RUMP_LEVEL_KERN = 10,   /* kernel core services */
	RUMP_LEVEL_SYS = 20,    /* system call layer, processes */
	RUMP_LEVEL_VFS = 30,    /* the VFS itself */
	RUMP_LEVEL_FS = 40,     /* file system types register */
	RUMP_LEVEL_ROOTFS = 45, /* the root file system is mounted */
	RUMP_LEVEL_DEV = 50,    /* devices (need /dev) */
	RUMP_LEVEL_NET = 60,    /* networking */
	RUMP_LEVEL_LAST = 90    /* whatever needs everything else */
};

struct rump_component {
	int rc_level;
	const char *rc_name;
	/* rc_init: set the component up; 0 or -errno (fails rump_init). */
	int (*rc_init)(void);
};

#define RUMP_COMPONENT(name, level, initfn)                             \
	const struct rump_component rump_component_##name               \
	    __attribute__((__section__("rump_components"), __used__,   \
		__aligned__(sizeof(void *)))) = { (level), #name, (initfn) }

#endif /* KERN_COMPONENT_H */
