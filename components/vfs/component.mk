# components/vfs -- the virtual file system: vnodes, name lookup, the
# mount table and the file system calls (librumpvfs.a).
COMPONENTS += rumpvfs
rumpvfs_DIR := components/vfs
rumpvfs_SRCS := vfs_init.c vnode.c mount.c namecache.c namei.c cwd.c \
	vnops.c flock.c fifo.c vfs_open.c vfs_stat.c vfs_dir.c vfs_rename.c \
	vfs_attr.c vfs_cwd.c vfs_copy.c vfs_mount_sys.c etfs.c lockf.c \
	inotify.c
rumpvfs_REQUIRES := rumpsys
rumpvfs_DESC := rump kernel virtual file system layer

# Handlers include the generated prototypes (components/sys makes them).
$(patsubst %.c,$(OBJDIR)/components/vfs/%.o,$(rumpvfs_SRCS)): | \
	$(OBJDIR)/gen/syscall_handlers.h
rumpvfs_KCONFIG := RUMP_VFS
