/*
 * blk_disks.c -- the platform's own disks as block devices (hw: the
 * virtio-blk disks, which the platform offers as the "host files"
 * vblk0, vblk1, ...): each is registered as a device of that name, so
 * mounting "/dev/vblk0" (the boot configuration's "blk" entries) finds
 * it.  Built only for platforms whose host files are disks.
 */
#include "blk_int.h"
#include <rumpuser.h>

#define DISKS_MAX 64

static int
blk_disks_init(void)
{
	for (int i = 0; i < DISKS_MAX; i++) {
		char name[16];
		struct blkdev *bd;
		int error;

		snprintf(name, sizeof(name), "vblk%d", i);
		if (rumpuser_getfileinfo(name, NULL, NULL) != 0)
			break;
		error = blkdev_host_open(name, name, false, &bd);
		if (error == -EACCES || error == -EROFS)
			error = blkdev_host_open(name, name, true, &bd);
		if (error == 0 && (error = blkdev_register(bd)) == 0)
			blkdev_close(bd); /* the registry keeps its own */
		if (error != 0)
			printf("blk: %s: cannot attach: error %d\n", name,
			    error);
		else
			aprint_verbose("blk: %s: %llu bytes%s\n", name,
			    (unsigned long long)blk_size(bd),
			    bd->bd_rdonly ? ", read-only" : "");
	}
	return 0;
}

RUMP_COMPONENT(rumpblk_disks, RUMP_LEVEL_DEV, blk_disks_init);
