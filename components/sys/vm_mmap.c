/*
 * vm_mmap.c -- memory for programs: mmap, munmap, mremap, mprotect,
 * madvise, msync, mincore and brk, without an MMU of our own.
 *
 * A rump kernel shares its address space with the program (hosted: the
 * host process; hw: the identity-mapped guest), so "mapping" means
 * taking host memory, counted against RUMP_MEMLIMIT, and remembering the
 * range in the process's vmspace.  Each mmap call takes one contiguous
 * chunk from the host; munmap may cut mappings anywhere, and a chunk goes
 * back to the host when none of its pages is mapped any more.
 *
 * What is not enforced, because nothing here can: page protections
 * (mprotect records them) and fixed placement outside what was mapped
 * (MAP_FIXED works only inside an existing mapping).  The break never
 * moves: brk returns the current break, and musl's malloc then uses mmap,
 * as it does on Linux when the heap cannot grow.
 */
#include "sys_int.h"
#include <abi/mman.h>
#include <rumpuser.h>

struct vm_chunk {
	char *base;
	size_t len;
	size_t mapped;            /* bytes of it still mapped */
};

struct vm_map {
	uintptr_t start, end;     /* page aligned, end exclusive */
	int prot;
	int flags;                /* MAP_SHARED / MAP_PRIVATE */
	struct vm_chunk *chunk;
	struct vm_map *next;      /* sorted by start */
};

struct vmspace {
	kmutex_t vm_lock;
	struct vm_map *vm_maps;
	uintptr_t vm_brk;
};

#define PAGE_ROUND(x) (((x) + PAGE_MASK) & ~(uintptr_t)PAGE_MASK)

static struct vm_chunk *
chunk_alloc(size_t len)
{
	struct vm_chunk *c = kmem_alloc(sizeof(*c), KM_SLEEP);
	void *p;

	if (c == NULL)
		return NULL;
	if (mem_reserve(len) != 0)
		goto out_free;
	if (rumpuser_malloc(len, (int)PAGE_SIZE, &p) != 0)
		goto out_unreserve;
	memset(p, 0, len);  /* anonymous memory reads as zeros */
	c->base = p;
	c->len = len;
	c->mapped = len;
	return c;

out_unreserve:
	mem_unreserve(len);
out_free:
	kmem_free(c, sizeof(*c));
	return NULL;
}

/* Some of c's pages were unmapped; give it back when none are left. */
static void
chunk_unmapped(struct vm_chunk *c, size_t len)
{
	KASSERT(c->mapped >= len);
	c->mapped -= len;
	if (c->mapped == 0) {
		rumpuser_free(c->base, c->len);
		mem_unreserve(c->len);
		kmem_free(c, sizeof(*c));
	}
}

static struct vmspace *
vm_get(void)
{
	return curproc->p_vmspace;
}

/*
 * Remove [start, end) from vm's mappings, splitting those that straddle
 * an edge.  A split needs a new map entry: -ENOMEM if none can be had
 * (then nothing has changed for that entry).
 */
static int
vm_remove(struct vmspace *vm, uintptr_t start, uintptr_t end)
{
	struct vm_map **mp = &vm->vm_maps, *m;

	while ((m = *mp) != NULL) {
		if (m->end <= start) {
			mp = &m->next;
			continue;
		}
		if (m->start >= end)
			break;
		if (m->start < start && m->end > end) {
			/* A hole in the middle: keep both sides. */
			struct vm_map *tail = kmem_alloc(sizeof(*tail), KM_SLEEP);
			if (tail == NULL)
				return -ENOMEM;
			*tail = *m;
			tail->start = end;
			m->end = start;
			tail->next = m->next;
			m->next = tail;
			/* The chunk's count: only the hole went away. */
			chunk_unmapped(m->chunk, end - start);
			return 0;
		}
		if (m->start < start) {
			chunk_unmapped(m->chunk, m->end - start);
			m->end = start;
			mp = &m->next;
			continue;
		}
		if (m->end > end) {
			chunk_unmapped(m->chunk, end - m->start);
			m->start = end;
			break;
		}
		*mp = m->next;
		chunk_unmapped(m->chunk, m->end - m->start);
		kmem_free(m, sizeof(*m));
	}
	return 0;
}

static void
vm_insert(struct vmspace *vm, struct vm_map *n)
{
	struct vm_map **mp = &vm->vm_maps;

	while (*mp != NULL && (*mp)->start < n->start)
		mp = &(*mp)->next;
	n->next = *mp;
	*mp = n;
}

/* The map containing all of [start, end), or NULL. */
static struct vm_map *
vm_find(struct vmspace *vm, uintptr_t start, uintptr_t end)
{
	for (struct vm_map *m = vm->vm_maps; m != NULL; m = m->next)
		if (m->start <= start && end <= m->end)
			return m;
	return NULL;
}

/* Is every page of [start, end) mapped (possibly by several maps)? */
static bool
vm_covered(struct vmspace *vm, uintptr_t start, uintptr_t end)
{
	for (struct vm_map *m = vm->vm_maps; m != NULL && start < end;
	     m = m->next) {
		if (m->end <= start)
			continue;
		if (m->start > start)
			return false;
		start = m->end;
	}
	return start >= end;
}

/* Fill [p, p+len) from file f at off (MAP_PRIVATE of a file). */
static int
vm_read_file(struct file *f, void *p, size_t len, off_t off)
{
	struct iovec iov = { p, len };
	struct uio uio = { &iov, 1, off, len, UIO_READ, false };
	ssize_t n;

	if (f->f_ops->fo_read == NULL)
		return -ENODEV;
	n = f->f_ops->fo_read(f, &uio, 0);
	/* Past the end of the file the pages stay zero, as on Linux. */
	return n < 0 ? (int)n : 0;
}

long
sys_mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset)
{
	struct vmspace *vm = vm_get();
	uintptr_t start = (uintptr_t)addr;
	size_t len;
	struct vm_map *m;
	struct file *f = NULL;
	int type = flags & MAP_TYPE;
	long r;

	if (length == 0 || length > (size_t)INT64_MAX - PAGE_SIZE)
		return -EINVAL;
	if (type != MAP_PRIVATE && type != MAP_SHARED &&
	    type != MAP_SHARED_VALIDATE)
		return -EINVAL;
	if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC))
		return -EINVAL;
	if ((offset & PAGE_MASK) != 0 || offset < 0)
		return -EINVAL;
	len = PAGE_ROUND(length);

	if (!(flags & MAP_ANONYMOUS)) {
		f = fd_getfile(fd);
		if (f == NULL)
			return -EBADF;
		if ((f->f_flag & O_ACCMODE) == O_WRONLY ||
		    (type != MAP_PRIVATE && (prot & PROT_WRITE) &&
		     (f->f_flag & O_ACCMODE) != O_RDWR)) {
			r = -EACCES;
			goto out;
		}
		if (type != MAP_PRIVATE) {
			/* Shared file pages need a page cache to share. */
			r = -ENODEV;
			goto out;
		}
		if (f->f_type != DTYPE_VNODE) {
			r = -ENODEV;
			goto out;
		}
	}

	mutex_enter(&vm->vm_lock);
	if (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) {
		/* Only inside what is mapped: there is no MMU to place pages. */
		if ((start & PAGE_MASK) != 0) {
			r = -EINVAL;
			goto out_unlock;
		}
		if (flags & MAP_FIXED_NOREPLACE) {
			r = vm_covered(vm, start, start + len) ? -EEXIST : -ENOMEM;
			goto out_unlock;
		}
		m = vm_find(vm, start, start + len);
		if (m == NULL) {
			r = -ENOMEM;
			goto out_unlock;
		}
		/* Fresh contents in place: zeros, or the file's. */
		memset((void *)start, 0, len);
		r = f != NULL ? vm_read_file(f, (void *)start, length, offset) : 0;
		if (r == 0) {
			m->prot = prot;
			r = (long)start;
		}
		goto out_unlock;
	}
	mutex_exit(&vm->vm_lock);

	/* A new chunk; addr was only a hint. */
	struct vm_chunk *c = chunk_alloc(len);
	if (c == NULL) {
		r = -ENOMEM;
		goto out;
	}
	m = kmem_alloc(sizeof(*m), KM_SLEEP);
	if (m == NULL) {
		chunk_unmapped(c, len);
		r = -ENOMEM;
		goto out;
	}
	if (f != NULL && (r = vm_read_file(f, c->base, length, offset)) != 0) {
		kmem_free(m, sizeof(*m));
		chunk_unmapped(c, len);
		goto out;
	}
	m->start = (uintptr_t)c->base;
	m->end = m->start + len;
	m->prot = prot;
	m->flags = type;
	m->chunk = c;
	mutex_enter(&vm->vm_lock);
	vm_insert(vm, m);
	r = (long)m->start;

out_unlock:
	mutex_exit(&vm->vm_lock);
out:
	if (f != NULL)
		file_rele(f);
	return r;
}

long
sys_munmap(void *addr, size_t length)
{
	struct vmspace *vm = vm_get();
	uintptr_t start = (uintptr_t)addr;
	int error;

	if ((start & PAGE_MASK) != 0 || length == 0 ||
	    length > UINTPTR_MAX - start - PAGE_SIZE)
		return -EINVAL;
	mutex_enter(&vm->vm_lock);
	error = vm_remove(vm, start, start + PAGE_ROUND(length));
	mutex_exit(&vm->vm_lock);
	return error;
}

long
sys_mremap(void *old_addr, size_t old_size, size_t new_size, int flags,
    void *new_addr)
{
	struct vmspace *vm = vm_get();
	uintptr_t start = (uintptr_t)old_addr;
	size_t olen = PAGE_ROUND(old_size), nlen = PAGE_ROUND(new_size);
	struct vm_map *m;
	long r;

	(void)new_addr;
	if ((start & PAGE_MASK) != 0 || new_size == 0 ||
	    (flags & ~(MREMAP_MAYMOVE | MREMAP_FIXED | MREMAP_DONTUNMAP)))
		return -EINVAL;
	if (flags & (MREMAP_FIXED | MREMAP_DONTUNMAP))
		return -EINVAL;  /* no MMU: nothing can be placed at will */
	mutex_enter(&vm->vm_lock);
	m = vm_find(vm, start, start + olen);
	if (m == NULL || old_size == 0) {
		r = -EFAULT;
		goto out_unlock;
	}
	if (nlen <= olen) {
		/* Shrinking in place: unmap the tail. */
		r = vm_remove(vm, start + nlen, start + olen);
		if (r == 0)
			r = (long)start;
		goto out_unlock;
	}
	if (!(flags & MREMAP_MAYMOVE)) {
		r = -ENOMEM;
		goto out_unlock;
	}
	mutex_exit(&vm->vm_lock);

	/* Growing moves: new chunk, copy, unmap the old range. */
	r = sys_mmap(NULL, nlen, m->prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (r < 0)
		return r;
	memcpy((void *)r, old_addr, olen);
	mutex_enter(&vm->vm_lock);
	if (vm_remove(vm, start, start + olen) != 0) {
		mutex_exit(&vm->vm_lock);
		sys_munmap((void *)r, nlen);
		return -ENOMEM;
	}
out_unlock:
	mutex_exit(&vm->vm_lock);
	return r;
}

long
sys_mprotect(void *addr, size_t length, int prot)
{
	struct vmspace *vm = vm_get();
	uintptr_t start = (uintptr_t)addr, end;
	long r = 0;

	if ((start & PAGE_MASK) != 0 ||
	    (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC |
	     PROT_GROWSDOWN | PROT_GROWSUP)))
		return -EINVAL;
	end = start + PAGE_ROUND(length);
	if (end < start)
		return -ENOMEM;
	mutex_enter(&vm->vm_lock);
	if (!vm_covered(vm, start, end))
		r = -ENOMEM;
	/* Recorded per mapping; not enforced (there is no MMU of ours). */
	for (struct vm_map *m = vm->vm_maps; r == 0 && m != NULL; m = m->next)
		if (m->start >= start && m->end <= end)
			m->prot = prot;
	mutex_exit(&vm->vm_lock);
	return r;
}

long
sys_madvise(void *addr, size_t length, int advice)
{
	struct vmspace *vm = vm_get();
	uintptr_t start = (uintptr_t)addr, end;
	long r = 0;

	if ((start & PAGE_MASK) != 0)
		return -EINVAL;
	end = start + PAGE_ROUND(length);
	if (end < start)
		return -EINVAL;
	switch (advice) {
	case MADV_NORMAL:
	case MADV_RANDOM:
	case MADV_SEQUENTIAL:
	case MADV_WILLNEED:
	case MADV_FREE:
	case MADV_HUGEPAGE:
	case MADV_NOHUGEPAGE:
	case MADV_DONTFORK:
	case MADV_DOFORK:
		/* Hints: there is no paging to steer. */
		break;
	case MADV_DONTNEED:
		break;
	default:
		return -EINVAL;
	}
	mutex_enter(&vm->vm_lock);
	if (!vm_covered(vm, start, end))
		r = -ENOMEM;
	else if (advice == MADV_DONTNEED)
		/* Private anonymous pages read back as zeros afterwards. */
		memset((void *)start, 0, end - start);
	mutex_exit(&vm->vm_lock);
	return r;
}

long
sys_msync(void *addr, size_t length, int flags)
{
	struct vmspace *vm = vm_get();
	uintptr_t start = (uintptr_t)addr;
	long r = 0;

	if ((start & PAGE_MASK) != 0 ||
	    (flags & ~(MS_ASYNC | MS_SYNC | MS_INVALIDATE)) ||
	    ((flags & MS_ASYNC) && (flags & MS_SYNC)))
		return -EINVAL;
	mutex_enter(&vm->vm_lock);
	if (!vm_covered(vm, start, start + PAGE_ROUND(length)))
		r = -ENOMEM;
	mutex_exit(&vm->vm_lock);
	/* Private mappings only: nothing to write back. */
	return r;
}

long
sys_mincore(void *addr, size_t length, unsigned char *vec)
{
	struct vmspace *vm = vm_get();
	uintptr_t start = (uintptr_t)addr;
	size_t n = PAGE_ROUND(length) / PAGE_SIZE;
	unsigned char one = 1;
	long r = 0;

	if ((start & PAGE_MASK) != 0)
		return -EINVAL;
	mutex_enter(&vm->vm_lock);
	if (!vm_covered(vm, start, start + n * PAGE_SIZE))
		r = -ENOMEM;
	mutex_exit(&vm->vm_lock);
	/* Every mapped page is resident: nothing is ever paged out. */
	for (size_t i = 0; r == 0 && i < n; i++)
		r = copyout(&one, vec + i, 1);
	return r;
}

long
sys_brk(void *addr)
{
	(void)addr;
	/* The break never moves (see the top of the file). */
	return (long)vm_get()->vm_brk;
}

static int
vm_fork(struct proc *parent, struct proc *child, int flags)
{
	struct vmspace *vm = kmem_zalloc(sizeof(*vm), KM_SLEEP);

	(void)parent;
	(void)flags;
	if (vm == NULL)
		return -ENOMEM;
	mutex_init(&vm->vm_lock, MUTEX_DEFAULT);
	/*
	 * A break address nothing will be mapped at: the top of the lower
	 * half minus a little, page aligned.
	 */
	vm->vm_brk = 0x7ffff0000000UL;
	child->p_vmspace = vm;
	return 0;
}

static void
vm_exit(struct proc *p)
{
	struct vmspace *vm = p->p_vmspace;

	if (vm == NULL)
		return;
	mutex_enter(&vm->vm_lock);
	vm_remove(vm, 0, UINTPTR_MAX & ~(uintptr_t)PAGE_MASK);
	mutex_exit(&vm->vm_lock);
	mutex_destroy(&vm->vm_lock);
	kmem_free(vm, sizeof(*vm));
	p->p_vmspace = NULL;
}

static struct proc_hooks vm_hooks = {
	.ph_name = "vm",
	.ph_fork = vm_fork,
	.ph_exit = vm_exit,
};

void
vm_init(void)
{
	proc_hooks_register(&vm_hooks);
}

int
vm_procinit(struct proc *p)
{
	return p->p_vmspace == NULL ? vm_fork(NULL, p, 0) : 0;
}
