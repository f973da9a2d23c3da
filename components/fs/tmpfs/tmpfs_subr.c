/*
 * tmpfs_subr.c -- tmpfs nodes and directory entries: allocation, the
 * list of a mount's nodes, and time stamps.
 */
#include "tmpfs.h"

int
tmpfs_node_alloc(struct mount *mp, const struct vattr *va,
    struct tmpfs_node **tnp)
{
	struct tmpfs_mount *tm = mp->mnt_data;
	struct tmpfs_node *tn;

	if (tm->tm_nnodes >= tm->tm_maxnodes)
		return -ENOSPC;
	tn = kmem_zalloc(sizeof(*tn), KM_SLEEP);
	if (tn == NULL)
		return -ENOSPC;
	tn->tn_vnode = vnode_alloc(mp, va->va_mode, &tmpfs_vnodeops, tn);
	if (tn->tn_vnode == NULL) {
		kmem_free(tn, sizeof(*tn));
		return -ENOSPC;
	}
	tn->tn_vnode->v_rdev = va->va_rdev;
	tn->tn_mode = va->va_mode;
	tn->tn_uid = va->va_uid;
	tn->tn_gid = va->va_gid;
	tn->tn_rdev = va->va_rdev;
	tn->tn_nlink = 1;
	tn->tn_linkable = (va->va_mask & VA_LINKABLE) != 0;
	tn->tn_ino = tm->tm_nextino++;
	tn->tn_dnextcookie = 2;
	/* As Linux's shmem: no seals may be added but to a memfd made
	 * with MFD_ALLOW_SEALING (tmpfs_memfd.c clears this). */
	tn->tn_seals = F_SEAL_SEAL;
	vfs_timestamp(&tn->tn_btime);
	tn->tn_atime = tn->tn_mtime = tn->tn_ctime = tn->tn_btime;
	tn->tn_next = tm->tm_nodes;
	if (tm->tm_nodes != NULL)
		tm->tm_nodes->tn_prev = tn;
	tm->tm_nodes = tn;
	tm->tm_nnodes++;
	*tnp = tn;
	return 0;
}

void
tmpfs_node_free(struct tmpfs_mount *tm, struct tmpfs_node *tn)
{
	KASSERT(tn->tn_dfirst == NULL);
	if (tn->tn_prev != NULL)
		tn->tn_prev->tn_next = tn->tn_next;
	else
		tm->tm_nodes = tn->tn_next;
	if (tn->tn_next != NULL)
		tn->tn_next->tn_prev = tn->tn_prev;
	tm->tm_nnodes--;
	tmpfs_dir_free(tn);
	tmpfs_truncate_pages(tm, tn, 0, false);
	/* Mappings hold a vnode reference: none can be left. */
	KASSERT(tn->tn_segs == NULL);
	if (tn->tn_link != NULL)
		kmem_strfree(tn->tn_link);
	vnode_free(tn->tn_vnode);
	kmem_free(tn, sizeof(*tn));
}

/*
 * Directories keep their entries twice: a list in creation order, which
 * readdir walks (cookies only grow, so positions stay valid), and a hash
 * table by name for lookups, grown as the directory grows.  Without
 * memory for a bigger table the old one serves, just slower.
 */
#define DHASH_MIN 16

static size_t
dhash(const char *name, size_t len)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < len; i++)
		h = (h ^ (uint8_t)name[i]) * 16777619u;
	return h;
}

static void
dhash_insert(struct tmpfs_dirent **table, size_t size, struct tmpfs_dirent *de)
{
	struct tmpfs_dirent **b = &table[dhash(de->td_name, de->td_namelen) &
	    (size - 1)];

	de->td_hnext = *b;
	*b = de;
}

static void
dhash_grow(struct tmpfs_node *dn)
{
	size_t nsize = dn->tn_dhsize != 0 ? dn->tn_dhsize * 2 : DHASH_MIN;
	struct tmpfs_dirent **nt, *de;

	nt = kmem_zalloc(nsize * sizeof(*nt), KM_SLEEP);
	if (nt == NULL)
		return;
	for (de = dn->tn_dfirst; de != NULL; de = de->td_next)
		dhash_insert(nt, nsize, de);
	if (dn->tn_dhash != NULL)
		kmem_free(dn->tn_dhash, dn->tn_dhsize * sizeof(*nt));
	dn->tn_dhash = nt;
	dn->tn_dhsize = nsize;
}

struct tmpfs_dirent *
tmpfs_dir_find(struct tmpfs_node *dn, const char *name, size_t len)
{
	struct tmpfs_dirent *de;

	de = dn->tn_dhash != NULL
	    ? dn->tn_dhash[dhash(name, len) & (dn->tn_dhsize - 1)]
	    : dn->tn_dfirst;
	for (; de != NULL;
	    de = dn->tn_dhash != NULL ? de->td_hnext : de->td_next)
		if (de->td_namelen == len && memcmp(de->td_name, name, len) == 0)
			return de;
	return NULL;
}

int
tmpfs_dir_add(struct tmpfs_node *dn, const char *name, size_t len,
    struct tmpfs_node *tn)
{
	struct tmpfs_dirent *de = kmem_alloc(sizeof(*de) + len, KM_SLEEP);

	if (de == NULL)
		return -ENOSPC;
	de->td_next = NULL;
	de->td_prev = dn->tn_dlast;
	de->td_node = tn;
	de->td_cookie = dn->tn_dnextcookie++;
	de->td_namelen = (uint16_t)len;
	memcpy(de->td_name, name, len);
	if (dn->tn_dlast != NULL)
		dn->tn_dlast->td_next = de;
	else
		dn->tn_dfirst = de;
	dn->tn_dlast = de;
	dn->tn_dcount++;
	if (dn->tn_dcount >= 2 * dn->tn_dhsize) {
		size_t old = dn->tn_dhsize;
		dhash_grow(dn);
		if (dn->tn_dhsize != old)
			return 0; /* the new table has de already */
	}
	if (dn->tn_dhash != NULL)
		dhash_insert(dn->tn_dhash, dn->tn_dhsize, de);
	return 0;
}

void
tmpfs_dir_unlink(struct tmpfs_node *dn, struct tmpfs_dirent *de)
{
	if (dn->tn_dhash != NULL) {
		struct tmpfs_dirent **pp = &dn->tn_dhash[dhash(de->td_name,
		    de->td_namelen) & (dn->tn_dhsize - 1)];
		while (*pp != de)
			pp = &(*pp)->td_hnext;
		*pp = de->td_hnext;
	}
	if (de->td_prev != NULL)
		de->td_prev->td_next = de->td_next;
	else
		dn->tn_dfirst = de->td_next;
	if (de->td_next != NULL)
		de->td_next->td_prev = de->td_prev;
	else
		dn->tn_dlast = de->td_prev;
	dn->tn_dcount--;
	kmem_free(de, sizeof(*de) + de->td_namelen);
}

void
tmpfs_dir_free(struct tmpfs_node *dn)
{
	if (dn->tn_dhash != NULL)
		kmem_free(dn->tn_dhash, dn->tn_dhsize * sizeof(*dn->tn_dhash));
	dn->tn_dhash = NULL;
	dn->tn_dhsize = 0;
}

void
tmpfs_touch(struct tmpfs_node *tn, int which)
{
	struct timespec now;

	vfs_timestamp(&now);
	if (which & TN_ATIME)
		tn->tn_atime = now;
	if (which & TN_MTIME)
		tn->tn_mtime = now;
	if (which & TN_CTIME)
		tn->tn_ctime = now;
}

static bool
ts_before(const struct timespec *a, const struct timespec *b)
{
	return a->tv_sec < b->tv_sec ||
	    (a->tv_sec == b->tv_sec && a->tv_nsec < b->tv_nsec);
}

void
tmpfs_touch_atime(struct tmpfs_node *tn)
{
	struct timespec now;

	/* relatime: only if atime is older than mtime or ctime, or a day. */
	vfs_timestamp(&now);
	if (!ts_before(&tn->tn_atime, &tn->tn_mtime) &&
	    !ts_before(&tn->tn_atime, &tn->tn_ctime) &&
	    now.tv_sec - tn->tn_atime.tv_sec < 24 * 60 * 60)
		return;
	tn->tn_atime = now;
}
