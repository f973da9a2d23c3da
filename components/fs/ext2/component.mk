# components/fs/ext2 -- the ext2 file system, read-write
# (librumpfs_ext2.a).
COMPONENTS += rumpfs_ext2
rumpfs_ext2_DIR := components/fs/ext2
rumpfs_ext2_SRCS := ext2_vfsops.c ext2_alloc.c ext2_inode.c ext2_dir.c \
	ext2_rdwr.c ext2_vnops.c
rumpfs_ext2_REQUIRES := rumpvfs rumpblk
rumpfs_ext2_DESC := rump kernel ext2 file system (revision 1, read-write)
rumpfs_ext2_KCONFIG := RUMP_FS_EXT2
