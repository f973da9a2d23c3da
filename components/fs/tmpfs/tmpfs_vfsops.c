/*
 * tmpfs_vfsops.c -- tmpfs as a file system type: mounting (the root
 * file system at RUMP_LEVEL_ROOTFS), unmounting, statfs.
 *
 * The size limit is half of RUMP_MEMLIMIT when one is set (Linux's
 * default is half of RAM; the rest stays for the kernel itself), else a
 * generous 1 TiB that page_alloc failures cut short with ENOSPC.  Mount data may set a
 * smaller one as Linux's option string does: "size=<bytes>[k|m|g]".
 */
#include "tmpfs.h"

#define TMPFS_DEFAULT_MAXPAGES ((size_t)1 << 28)

/* Parse "size=N[kmg]" (other options are refused); 0 or -EINVAL. */
static int
tmpfs_parse_size(const char *opts, size_t *maxpagesp)
{
	const char *end;
	uint64_t n;
	int error;

	if (strncmp(opts, "size=", 5) != 0)
		return -EINVAL;
	error = parse_u64(opts + 5, "kmgKMG", &n, &end);
	if (error != 0)
		return -EINVAL;
	switch (*end) {
	case 'k': case 'K': n <<= 10; end++; break;
	case 'm': case 'M': n <<= 20; end++; break;
	case 'g': case 'G': n <<= 30; end++; break;
	default: break;
	}
	if (*end != '\0' || n < PAGE_SIZE)
		return -EINVAL;
	if (n / PAGE_SIZE < *maxpagesp)
		*maxpagesp = (size_t)(n / PAGE_SIZE);
	return 0;
}

static int
tmpfs_mount(struct mount *mp, const char *source, const void *data)
{
	struct tmpfs_mount *tm;
	struct tmpfs_node *root;
	struct vattr va;
	int error;

	(void)source;
	tm = kmem_zalloc(sizeof(*tm), KM_SLEEP);
	if (tm == NULL)
		return -ENOMEM;
	tm->tm_nextino = 1;
	tm->tm_maxpages = memlimit_bytes != UINT64_MAX
	    ? (size_t)(memlimit_bytes / 2 / PAGE_SIZE) : TMPFS_DEFAULT_MAXPAGES;
	if (data != NULL && (error = tmpfs_parse_size(data,
	    &tm->tm_maxpages)) != 0) {
		kmem_free(tm, sizeof(*tm));
		return error;
	}
	tm->tm_maxnodes = tm->tm_maxpages / 2 + 1024;
	rw_init(&tm->tm_lock);
	mp->mnt_data = tm;

	memset(&va, 0, sizeof(va));
	va.va_mode = S_IFDIR | 01777;
	error = tmpfs_node_alloc(mp, &va, &root);
	if (error != 0) {
		rw_destroy(&tm->tm_lock);
		kmem_free(tm, sizeof(*tm));
		return error;
	}
	root->tn_mode = S_IFDIR | 0755;
	root->tn_nlink = 2;
	root->tn_parent = root;
	tm->tm_root = root;
	mp->mnt_root = root->tn_vnode; /* the node's first reference */
	return 0;
}

static int
tmpfs_unmount(struct mount *mp)
{
	struct tmpfs_mount *tm = mp->mnt_data;
	struct tmpfs_node *tn;

	/* Nothing is referenced any more: free every entry, then every
	 * node. */
	for (tn = tm->tm_nodes; tn != NULL; tn = tn->tn_next) {
		while (tn->tn_dfirst != NULL)
			tmpfs_dir_unlink(tn, tn->tn_dfirst);
	}
	while ((tn = tm->tm_nodes) != NULL) {
		tn->tn_nlink = 0;
		tmpfs_node_free(tm, tn);
	}
	rw_destroy(&tm->tm_lock);
	kmem_free(tm, sizeof(*tm));
	return 0;
}

static int
tmpfs_statfs(struct mount *mp, struct statfs *st)
{
	struct tmpfs_mount *tm = mp->mnt_data;

	rw_enter(&tm->tm_lock, RW_READER);
	st->f_type = TMPFS_MAGIC;
	st->f_bsize = PAGE_SIZE;
	st->f_frsize = PAGE_SIZE;
	st->f_blocks = (long)tm->tm_maxpages;
	st->f_bfree = st->f_bavail = (long)(tm->tm_maxpages - tm->tm_pages);
	st->f_files = (long)tm->tm_maxnodes;
	st->f_ffree = (long)(tm->tm_maxnodes - tm->tm_nnodes);
	st->f_namelen = NAME_MAX;
	rw_exit(&tm->tm_lock);
	return 0;
}

static struct vfsops tmpfs_vfsops = {
	.vfs_name = "tmpfs",
	.vfs_mount = tmpfs_mount,
	.vfs_unmount = tmpfs_unmount,
	.vfs_statfs = tmpfs_statfs,
};

static int
tmpfs_init(void)
{
	vfs_register(&tmpfs_vfsops);
	tmpfs_memfd_init();
	return 0;
}

static int
tmpfs_mountroot(void)
{
	return vfs_mountroot("tmpfs", "rootfs", NULL);
}

RUMP_COMPONENT(rumpfs_tmpfs, RUMP_LEVEL_FS, tmpfs_init);
RUMP_COMPONENT(rumpfs_tmpfs_root, RUMP_LEVEL_ROOTFS, tmpfs_mountroot);
