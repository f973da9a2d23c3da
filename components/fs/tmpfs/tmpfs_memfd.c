/*
 * tmpfs_memfd.c -- memfd_create(2): an unlinked regular file on an
 * internal tmpfs instance that no mount table shows; and the file seals
 * (fcntl F_ADD_SEALS / F_GET_SEALS) tmpfs keeps for every regular file.
 */
#include "tmpfs.h"
#include <abi/memfd.h>
#include <vfs/vfs.h>

#include "syscall_handlers.h"

static kmutex_t memfd_lock;
static struct mount *memfd_mp;  /* made on first use, never unmounted */

void
tmpfs_memfd_init(void)
{
	mutex_init(&memfd_lock, MUTEX_DEFAULT);
}

static int
memfd_mount(struct mount **mpp)
{
	int error = 0;

	mutex_enter(&memfd_lock);
	if (memfd_mp == NULL)
		error = vfs_mount_detached("tmpfs", "memfd", NULL, &memfd_mp);
	*mpp = memfd_mp;
	mutex_exit(&memfd_lock);
	return error;
}

long
sys_memfd_create(const char *uname, unsigned int flags)
{
	static unsigned int seq;
	char name[MFD_NAME_MAX_LEN + 1], tmpname[32];
	struct vnode *dvp, *vp;
	struct mount *mp;
	struct file *f;
	struct vattr va;
	int error, fd;

	/* MFD_HUGETLB too: there are no huge pages to back it. */
	if (flags & ~(MFD_CLOEXEC | MFD_ALLOW_SEALING))
		return -EINVAL;
	/* The name only labels the file (Linux shows it in /proc). */
	error = copyinstr(uname, name, sizeof(name), NULL);
	if (error != 0)
		return error == -ENAMETOOLONG ? -EINVAL : error;
	error = memfd_mount(&mp);
	if (error != 0)
		return error;
	dvp = mp->mnt_root;
	memset(&va, 0, sizeof(va));
	va.va_mode = S_IFREG | 0777;    /* as Linux gives a memfd */
	va.va_uid = curproc->p_cred.cr_fsuid;
	va.va_gid = curproc->p_cred.cr_fsgid;
	snprintf(tmpname, sizeof(tmpname), "memfd.%u", atomic_inc(&seq));
	error = dvp->v_op->vop_create(dvp, tmpname, strlen(tmpname), &va, &vp);
	if (error != 0)
		return error;
	error = dvp->v_op->vop_remove(dvp, tmpname, strlen(tmpname), vp);
	if (error != 0) {
		vrele(vp);
		return error;
	}
	/* Not yet reachable by anyone else: no lock needed. */
	VTON(vp)->tn_seals = (flags & MFD_ALLOW_SEALING) ? 0 : F_SEAL_SEAL;
	error = vn_open_file(vp, O_RDWR, &f);
	if (error != 0)
		return error;
	fd = fd_alloc(f, 0, (flags & MFD_CLOEXEC) != 0);
	file_rele(f);
	return fd;
}

int
tmpfs_seals(struct vnode *vp, int add)
{
	struct tmpfs_mount *tm = VTOTM(vp);
	struct tmpfs_node *tn = VTON(vp);
	int r = 0;

	rw_enter(&tm->tm_lock, RW_WRITER);
	if (!S_ISREG(tn->tn_mode)) {
		r = -EINVAL;
	} else if (add < 0) {
		r = tn->tn_seals;
	} else if (tn->tn_seals & F_SEAL_SEAL) {
		r = -EPERM;
	} else if ((add & F_SEAL_WRITE) && !(tn->tn_seals & F_SEAL_WRITE)) {
		/* As Linux: not while a mapping could still write. */
		for (struct tmpfs_seg *ts = tn->tn_segs; ts != NULL;
		    ts = ts->ts_next)
			if (ts->ts_wmapped > 0)
				r = -EBUSY;
	}
	if (r == 0 && add >= 0)
		tn->tn_seals |= add;
	rw_exit(&tm->tm_lock);
	return r;
}
