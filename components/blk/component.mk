# components/blk -- block devices and the buffer cache (librumpblk.a).
COMPONENTS += rumpblk
rumpblk_DIR := components/blk
rumpblk_SRCS := blk_dev.c blk_cache.c blk_host.c
# On hw the platform's "host files" are its virtio-blk disks.
ifeq ($(PLATFORM),hw)
rumpblk_SRCS += blk_disks.c
endif
rumpblk_REQUIRES := rumpvfs
rumpblk_DESC := rump kernel block devices, buffer cache, host-file disks
rumpblk_KCONFIG := RUMP_BLK
