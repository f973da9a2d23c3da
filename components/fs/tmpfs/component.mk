# components/fs/tmpfs -- tmpfs, the in-memory file system; also the
# root file system (librumpfs_tmpfs.a).
COMPONENTS += rumpfs_tmpfs
rumpfs_tmpfs_DIR := components/fs/tmpfs
rumpfs_tmpfs_SRCS := tmpfs_vfsops.c tmpfs_vnops.c tmpfs_rdwr.c tmpfs_subr.c \
	tmpfs_pages.c tmpfs_mmap.c tmpfs_memfd.c
rumpfs_tmpfs_REQUIRES := rumpvfs
rumpfs_tmpfs_DESC := rump kernel tmpfs (in-memory file system, mounted as root)
rumpfs_tmpfs_KCONFIG := RUMP_FS_TMPFS
# memfd_create's handler includes the generated prototypes.
$(OBJDIR)/components/fs/tmpfs/tmpfs_memfd.o: | $(OBJDIR)/gen/syscall_handlers.h
