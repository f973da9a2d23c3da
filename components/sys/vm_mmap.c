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
 * (MAP_FIXED works only inside an existing private mapping).  The break
 * never moves: brk returns the current break, and musl's malloc then
 * uses mmap, as it does on Linux when the heap cannot grow.
 *
 * MAP_SHARED file mappings are the file's own memory, which the file
 * system lays out contiguously (fo_mmap_shared; tmpfs_mmap.c): two
 * mappings of the same pages get the same address, so the map list may
 * hold entries that overlap, and munmap takes away one layer of them.
 */
#include "sys_int.h"
#include <abi/mman.h>
#include <rumpuser.h>

struct vm_chunk {
	char *base;
	size_t len;
	size_t mapped;            /* bytes of it still mapped */
	struct file *file;        /* MAP_SHARED of a file: its pages; else
	                           * NULL (host memory of our own) */
	bool maywrite;            /* file mappings: opened read-write */
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

/*
 * Pages [addr, addr+len) of c were unmapped; give it back when none are
 * left (a file's pages go back to the file).
 */
static void
chunk_unmapped(struct vm_chunk *c, uintptr_t addr, size_t len)
{
	KASSERT(c->mapped >= len);
	c->mapped -= len;
	if (c->file != NULL) {
		c->file->f_ops->fo_munmap_shared(c->file, (void *)addr,
		    len / PAGE_SIZE, c->maywrite);
		if (c->mapped == 0) {
			file_rele(c->file);
			kmem_free(c, sizeof(*c));
		}
		return;
	}
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

static void vm_insert(struct vmspace *vm, struct vm_map *n);

/*
 * The part of m that a removal of [start, end) takes, given that
 * everything below cur was taken already (from an earlier map): every
 * address loses one map, the first (by start) that has it.
 */
static bool
vm_cut(const struct vm_map *m, uintptr_t cur, uintptr_t end,
    uintptr_t *csp, uintptr_t *cep)
{
	*csp = MAX(m->start, cur);
	*cep = MIN(m->end, end);
	return *csp < *cep;
}

/*
 * Remove one layer of mappings from [start, end), splitting maps that
 * straddle an edge.  A split needs a new map entry: -ENOMEM if none can
 * be had (then nothing has changed).
 */
static int
vm_remove(struct vmspace *vm, uintptr_t start, uintptr_t end)
{
	struct vm_map **mp = &vm->vm_maps, *m, *hit = NULL, **tailp = &hit;
	struct vm_map *spare = NULL;
	uintptr_t cur = start, cs, ce;
	bool split = false;

	/* Take out every map meeting [start, end), keeping their order. */
	while ((m = *mp) != NULL && m->start < end) {
		if (m->end <= start) {
			mp = &m->next;
			continue;
		}
		*mp = m->next;
		m->next = NULL;
		*tailp = m;
		tailp = &m->next;
	}
	/* At most one map loses a piece in its middle: get its entry now. */
	for (m = hit; m != NULL; m = m->next) {
		if (!vm_cut(m, cur, end, &cs, &ce))
			continue;
		split |= m->start < cs && m->end > ce;
		cur = ce;
	}
	if (split && (spare = kmem_alloc(sizeof(*spare), KM_SLEEP)) == NULL) {
		while ((m = hit) != NULL) {
			hit = m->next;
			vm_insert(vm, m);
		}
		return -ENOMEM;
	}
	cur = start;
	while ((m = hit) != NULL) {
		hit = m->next;
		if (!vm_cut(m, cur, end, &cs, &ce)) {
			vm_insert(vm, m);
			continue;
		}
		cur = ce;
		if (m->start < cs && m->end > ce) {
			/* A hole in the middle: keep both sides. */
			struct vm_map *tail = spare;

			spare = NULL;
			*tail = *m;
			tail->start = ce;
			m->end = cs;
			vm_insert(vm, m);
			vm_insert(vm, tail);
		} else if (m->start < cs) {
			m->end = cs;
			vm_insert(vm, m);
		} else if (m->end > ce) {
			m->start = ce;
			vm_insert(vm, m);
		} else {
			struct vm_chunk *c = m->chunk;

			kmem_free(m, sizeof(*m));
			chunk_unmapped(c, cs, ce - cs);
			continue;
		}
		chunk_unmapped(m->chunk, cs, ce - cs);
	}
	KASSERT(spare == NULL);
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

/*
 * A MAP_SHARED mapping of f's pages from offset: the file system's own
 * memory for them, recorded as a map whose chunk holds f.
 */
static long
vm_map_shared(struct vmspace *vm, struct file *f, off_t offset, size_t len,
    int prot, int type)
{
	bool maywrite = (f->f_flag & O_ACCMODE) == O_RDWR;
	struct vm_chunk *c;
	struct vm_map *m;
	void *p;
	int error;

	c = kmem_zalloc(sizeof(*c), KM_SLEEP);
	if (c == NULL)
		return -ENOMEM;
	m = kmem_alloc(sizeof(*m), KM_SLEEP);
	if (m == NULL) {
		error = -ENOMEM;
		goto out_free_chunk;
	}
	error = f->f_ops->fo_mmap_shared(f, (uint64_t)offset / PAGE_SIZE,
	    len / PAGE_SIZE, (prot & PROT_WRITE) != 0, maywrite, &p);
	if (error != 0)
		goto out_free_map;
	file_hold(f);
	c->base = p;
	c->len = len;
	c->mapped = len;
	c->file = f;
	c->maywrite = maywrite;
	m->start = (uintptr_t)p;
	m->end = m->start + len;
	m->prot = prot;
	m->flags = type;
	m->chunk = c;
	mutex_enter(&vm->vm_lock);
	vm_insert(vm, m);
	mutex_exit(&vm->vm_lock);
	return (long)p;

out_free_map:
	kmem_free(m, sizeof(*m));
out_free_chunk:
	kmem_free(c, sizeof(*c));
	return error;
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
		/* As Linux: shared writable needs a read-write file. */
		if ((f->f_flag & O_ACCMODE) == O_WRONLY ||
		    (type != MAP_PRIVATE && (prot & PROT_WRITE) &&
		     (f->f_flag & O_ACCMODE) != O_RDWR)) {
			r = -EACCES;
			goto out;
		}
		if (f->f_type != DTYPE_VNODE ||
		    (type != MAP_PRIVATE && f->f_ops->fo_mmap_shared == NULL)) {
			r = -ENODEV;
			goto out;
		}
		if (type != MAP_PRIVATE &&
		    (size_t)offset / PAGE_SIZE > UINT64_MAX / 2 - len / PAGE_SIZE) {
			r = -EOVERFLOW;
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
		/* A file's shared pages cannot be placed, nor replaced. */
		if (m == NULL || m->chunk->file != NULL ||
		    (f != NULL && type != MAP_PRIVATE)) {
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

	if (f != NULL && type != MAP_PRIVATE) {
		r = vm_map_shared(vm, f, offset, len, prot, type);
		goto out;
	}

	/* A new chunk; addr was only a hint. */
	struct vm_chunk *c = chunk_alloc(len);
	if (c == NULL) {
		r = -ENOMEM;
		goto out;
	}
	m = kmem_alloc(sizeof(*m), KM_SLEEP);
	if (m == NULL) {
		chunk_unmapped(c, (uintptr_t)c->base, len);
		r = -ENOMEM;
		goto out;
	}
	if (f != NULL && (r = vm_read_file(f, c->base, length, offset)) != 0) {
		kmem_free(m, sizeof(*m));
		chunk_unmapped(c, (uintptr_t)c->base, len);
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

/*
 * mremap growing a file's shared mapping m (vm_lock held): a copy would
 * part it from the file, so the file system moves it, to where its pages
 * can lie contiguously.  Only a whole mapping as mmap made it can move
 * (ENOMEM otherwise, as when nothing can be moved).
 */
static long
vm_grow_shared(struct vmspace *vm, struct vm_map *m, size_t olen, size_t nlen)
{
	struct vm_chunk *c = m->chunk;
	struct vm_map **mp;
	void *p;
	int error;

	if (m->start != (uintptr_t)c->base || m->end - m->start != olen ||
	    c->len != olen || c->mapped != olen)
		return -ENOMEM;
	error = c->file->f_ops->fo_mremap_shared(c->file, c->base,
	    olen / PAGE_SIZE, nlen / PAGE_SIZE, c->maywrite, &p);
	if (error != 0)
		return error == -EBUSY ? -ENOMEM : error;
	for (mp = &vm->vm_maps; *mp != m; mp = &(*mp)->next)
		continue;
	*mp = m->next;
	c->base = p;
	c->len = c->mapped = nlen;
	m->start = (uintptr_t)p;
	m->end = m->start + nlen;
	vm_insert(vm, m);
	return (long)p;
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
		/* Across maps: EFAULT as Linux, unless they are layers of a
		 * file's shared pages (one mapping to the program). */
		m = old_size != 0 ? vm_find(vm, start, start + PAGE_SIZE) : NULL;
		r = m != NULL && m->chunk->file != NULL &&
		    vm_covered(vm, start, start + olen) ? -ENOMEM : -EFAULT;
		if (r == -ENOMEM && nlen <= olen)
			r = vm_remove(vm, start + nlen, start + olen) == 0
			    ? (long)start : -ENOMEM;
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
	if (m->chunk->file != NULL) {
		r = vm_grow_shared(vm, m, olen, nlen);
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
	/* As Linux: a file's shared mapping gets PROT_WRITE only if the
	 * file is open for writing. */
	for (struct vm_map *m = vm->vm_maps; r == 0 && m != NULL; m = m->next)
		if (m->start < end && m->end > start && (prot & PROT_WRITE) &&
		    m->chunk->file != NULL && !m->chunk->maywrite)
			r = -EACCES;
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
	if (!vm_covered(vm, start, end)) {
		r = -ENOMEM;
	} else if (advice == MADV_DONTNEED) {
		/* Private pages read back as zeros afterwards (private file
		 * pages should read the file again: a known gap); shared
		 * pages keep their contents, which are the file's. */
		for (struct vm_map *m = vm->vm_maps; m != NULL; m = m->next) {
			uintptr_t s0 = MAX(m->start, start), e0 = MIN(m->end, end);
			if (s0 < e0 && m->flags == MAP_PRIVATE)
				memset((void *)s0, 0, e0 - s0);
		}
	}
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
	/*
	 * Nothing to write back or invalidate: a shared mapping is the
	 * file's memory (stores are in the file at once), a private one
	 * never goes back.  File systems that keep data elsewhere do not
	 * offer shared mappings (fo_mmap_shared).
	 */
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
	/* One layer per pass (shared mappings may overlap); removing
	 * everything never splits, so never fails. */
	while (vm->vm_maps != NULL)
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
