/*
 * file.c -- open file objects: allocation and reference counting.  The
 * last reference runs the object's fo_close and frees the file.
 */
#include "sys_int.h"

void (*file_gone_hook)(struct file *f);

struct file *
file_alloc(const struct fileops *ops, int type, int flag, void *data)
{
	struct file *f = kmem_zalloc(sizeof(*f), KM_SLEEP);

	if (f == NULL)
		return NULL;
	f->f_ops = ops;
	f->f_type = type;
	f->f_flag = flag;
	f->f_refcnt = 1;
	f->f_data = data;
	mutex_init(&f->f_lock, MUTEX_DEFAULT);
	return f;
}

void
file_hold(struct file *f)
{
	int n = atomic_inc(&f->f_refcnt);

	KASSERT(n > 1);
}

void
file_rele(struct file *f)
{
	int n = atomic_dec(&f->f_refcnt);

	KASSERT(n >= 0);
	if (n > 0)
		return;
	/* epoll sets drop their watches of f before the object goes. */
	if (f->f_epitems != NULL && file_gone_hook != NULL)
		file_gone_hook(f);
	if (f->f_ops != NULL && f->f_ops->fo_close != NULL)
		f->f_ops->fo_close(f);
	mutex_destroy(&f->f_lock);
	kmem_free(f, sizeof(*f));
}
