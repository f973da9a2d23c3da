/*
 * sys_cred.c -- user and group ids, with Linux's rules: a process whose
 * effective uid is 0 may set any id; others may only swap among the
 * ids they already have.  Credentials are per process here (Linux keeps
 * them per thread; libcs make all threads agree).
 */
#include "sys_int.h"

#define NOCHANGE ((uint32_t)-1)

long
sys_getuid(void)
{
	return curproc->p_cred.cr_uid;
}

long
sys_geteuid(void)
{
	return curproc->p_cred.cr_euid;
}

long
sys_getgid(void)
{
	return curproc->p_cred.cr_gid;
}

long
sys_getegid(void)
{
	return curproc->p_cred.cr_egid;
}

/* One of the three current ids? */
static bool
id_in(uint32_t id, uint32_t r, uint32_t e, uint32_t s)
{
	return id == r || id == e || id == s;
}

/*
 * The common core of the set*id calls on ids *r, *e, *s (and *fs):
 * apply r, e, s (NOCHANGE: keep), each of which an unprivileged caller
 * must already hold as one of its three ids.
 */
static int
set_resid(uint32_t *rp, uint32_t *ep, uint32_t *sp, uint32_t *fsp,
    uint32_t r, uint32_t e, uint32_t s, bool root)
{
	if (!root &&
	    ((r != NOCHANGE && !id_in(r, *rp, *ep, *sp)) ||
	    (e != NOCHANGE && !id_in(e, *rp, *ep, *sp)) ||
	    (s != NOCHANGE && !id_in(s, *rp, *ep, *sp))))
		return -EPERM;
	if (r != NOCHANGE)
		*rp = r;
	if (e != NOCHANGE)
		*ep = e;
	if (s != NOCHANGE)
		*sp = s;
	*fsp = *ep;
	return 0;
}

enum idkind { UIDS, GIDS };

static int
setres(enum idkind k, uint32_t r, uint32_t e, uint32_t s)
{
	struct proc *p = curproc;
	struct cred *c = &p->p_cred;
	int error;

	mutex_enter(&p->p_lock);
	if (k == UIDS)
		error = set_resid(&c->cr_uid, &c->cr_euid, &c->cr_suid,
		    &c->cr_fsuid, r, e, s, c->cr_euid == 0);
	else
		error = set_resid(&c->cr_gid, &c->cr_egid, &c->cr_sgid,
		    &c->cr_fsgid, r, e, s, c->cr_euid == 0);
	mutex_exit(&p->p_lock);
	return error;
}

/* setreuid/setregid: the saved id follows a new real id, or a new
 * effective id that differs from the old real id. */
static int
setre(enum idkind k, uint32_t r, uint32_t e)
{
	struct proc *p = curproc;
	struct cred *c = &p->p_cred;
	uint32_t *rp = k == UIDS ? &c->cr_uid : &c->cr_gid;
	uint32_t *ep = k == UIDS ? &c->cr_euid : &c->cr_egid;
	uint32_t *sp = k == UIDS ? &c->cr_suid : &c->cr_sgid;
	uint32_t *fsp = k == UIDS ? &c->cr_fsuid : &c->cr_fsgid;
	bool root = c->cr_euid == 0;
	uint32_t s = NOCHANGE;

	mutex_enter(&p->p_lock);
	if (!root && ((r != NOCHANGE && r != *rp && r != *ep) ||
	    (e != NOCHANGE && !id_in(e, *rp, *ep, *sp)))) {
		mutex_exit(&p->p_lock);
		return -EPERM;
	}
	if (r != NOCHANGE || (e != NOCHANGE && e != *rp))
		s = e != NOCHANGE ? e : *ep;
	if (r != NOCHANGE)
		*rp = r;
	if (e != NOCHANGE)
		*ep = e;
	if (s != NOCHANGE)
		*sp = s;
	*fsp = *ep;
	mutex_exit(&p->p_lock);
	return 0;
}

/* setuid/setgid: root sets all three; others only the effective id,
 * to the real or saved one. */
static int
setone(enum idkind k, uint32_t id)
{
	struct proc *p = curproc;
	struct cred *c = &p->p_cred;
	bool root = c->cr_euid == 0;

	if (id == NOCHANGE)
		return -EINVAL;
	if (root)
		return setres(k, id, id, id);
	mutex_enter(&p->p_lock);
	if (k == UIDS ? (id != c->cr_uid && id != c->cr_suid)
		      : (id != c->cr_gid && id != c->cr_sgid)) {
		mutex_exit(&p->p_lock);
		return -EPERM;
	}
	if (k == UIDS)
		c->cr_euid = c->cr_fsuid = id;
	else
		c->cr_egid = c->cr_fsgid = id;
	mutex_exit(&p->p_lock);
	return 0;
}

long
sys_setuid(uid_t uid)
{
	return setone(UIDS, uid);
}

long
sys_setgid(gid_t gid)
{
	return setone(GIDS, gid);
}

long
sys_setreuid(uid_t ruid, uid_t euid)
{
	return setre(UIDS, ruid, euid);
}

long
sys_setregid(gid_t rgid, gid_t egid)
{
	return setre(GIDS, rgid, egid);
}

long
sys_setresuid(uid_t ruid, uid_t euid, uid_t suid)
{
	return setres(UIDS, ruid, euid, suid);
}

long
sys_setresgid(gid_t rgid, gid_t egid, gid_t sgid)
{
	return setres(GIDS, rgid, egid, sgid);
}

static long
getres(enum idkind k, uint32_t *r, uint32_t *e, uint32_t *s)
{
	struct proc *p = curproc;
	uint32_t ids[3];
	int error;

	mutex_enter(&p->p_lock);
	ids[0] = k == UIDS ? p->p_cred.cr_uid : p->p_cred.cr_gid;
	ids[1] = k == UIDS ? p->p_cred.cr_euid : p->p_cred.cr_egid;
	ids[2] = k == UIDS ? p->p_cred.cr_suid : p->p_cred.cr_sgid;
	mutex_exit(&p->p_lock);
	error = copyout(&ids[0], r, sizeof(ids[0]));
	if (error == 0)
		error = copyout(&ids[1], e, sizeof(ids[1]));
	if (error == 0)
		error = copyout(&ids[2], s, sizeof(ids[2]));
	return error;
}

long
sys_getresuid(uid_t *ruid, uid_t *euid, uid_t *suid)
{
	return getres(UIDS, ruid, euid, suid);
}

long
sys_getresgid(gid_t *rgid, gid_t *egid, gid_t *sgid)
{
	return getres(GIDS, rgid, egid, sgid);
}

long
sys_getgroups(int size, gid_t *list)
{
	struct proc *p = curproc;
	gid_t groups[CRED_NGROUPS];
	int n, error;

	if (size < 0)
		return -EINVAL;
	mutex_enter(&p->p_lock);
	n = p->p_cred.cr_ngroups;
	memcpy(groups, p->p_cred.cr_groups, (size_t)n * sizeof(gid_t));
	mutex_exit(&p->p_lock);
	if (size == 0)
		return n;
	if (size < n)
		return -EINVAL;
	error = copyout(groups, list, (size_t)n * sizeof(gid_t));
	return error != 0 ? error : n;
}

long
sys_setgroups(int size, const gid_t *list)
{
	struct proc *p = curproc;
	gid_t groups[CRED_NGROUPS];
	int error;

	if (size < 0 || size > CRED_NGROUPS)
		return -EINVAL;
	if (p->p_cred.cr_euid != 0)
		return -EPERM;
	error = copyin(list, groups, (size_t)size * sizeof(gid_t));
	if (error != 0)
		return error;
	mutex_enter(&p->p_lock);
	memcpy(p->p_cred.cr_groups, groups, (size_t)size * sizeof(gid_t));
	p->p_cred.cr_ngroups = size;
	mutex_exit(&p->p_lock);
	return 0;
}

/*
 * setfsuid/setfsgid: the file system id, which the other set*id calls
 * keep equal to the effective one.  Returns the old value always; the
 * change happens only if allowed (root, or one of the process's ids).
 */
static long
setfs(enum idkind k, uint32_t id)
{
	struct proc *p = curproc;
	struct cred *c = &p->p_cred;
	uint32_t *fsp = k == UIDS ? &c->cr_fsuid : &c->cr_fsgid;
	uint32_t old;

	mutex_enter(&p->p_lock);
	old = *fsp;
	if (id != NOCHANGE && (c->cr_euid == 0 ||
	    (k == UIDS ? id_in(id, c->cr_uid, c->cr_euid, c->cr_suid)
		       : id_in(id, c->cr_gid, c->cr_egid, c->cr_sgid))))
		*fsp = id;
	mutex_exit(&p->p_lock);
	return old;
}

long
sys_setfsuid(uid_t fsuid)
{
	return setfs(UIDS, fsuid);
}

long
sys_setfsgid(gid_t fsgid)
{
	return setfs(GIDS, fsgid);
}
