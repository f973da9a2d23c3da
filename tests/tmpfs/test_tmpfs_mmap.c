/*
 * test_tmpfs_mmap.c -- MAP_SHARED mappings of tmpfs files (the file's
 * own pages, components/fs/tmpfs/tmpfs_mmap.c): aliases of one range,
 * layouts that cannot be shared (EBUSY), partial munmap, pages past the
 * end, what process exit gives back, and the calls that must not copy
 * or clear shared pages (madvise, mremap, MAP_FIXED); and a random mix
 * of all that checked against a model of the file.
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/statfs.h>

#include <cmocka.h>

#include <rump/rump.h>
#include <rump/rump_syscalls.h>

#define PG 4096

static uint64_t
free_blocks(void)
{
	struct statfs sf;

	assert_int_equal(rump_sys_statfs("/", (void *)&sf), 0);
	return sf.f_bfree;
}

static int
make_file(const char *path, off_t size)
{
	int fd = rump_sys_open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);

	assert_true(fd >= 0);
	assert_int_equal(rump_sys_ftruncate(fd, size), 0);
	return fd;
}

static char *
map(int fd, size_t len, off_t off)
{
	char *p = rump_sys_mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED,
	    fd, off);

	assert_true(p != MAP_FAILED);
	return p;
}

/* Two mappings of one range alias; each munmap takes one of them, and
 * the pages go back only when the file and both mappings are gone. */
static void
test_alias_and_release(void **state)
{
	uint64_t before = free_blocks();
	char buf[4], *a, *b;
	int fd;

	(void)state;
	fd = make_file("/alias", 4 * PG);
	a = map(fd, 4 * PG, 0);
	b = map(fd, 4 * PG, 0);
	assert_ptr_equal(a, b);
	memcpy(a + PG, "ab", 2);
	assert_int_equal(rump_sys_munmap(a, 4 * PG), 0);
	/* b is still a mapping of the file. */
	memcpy(b + PG + 2, "cd", 2);
	assert_int_equal(rump_sys_pread64(fd, buf, 4, PG), 4);
	assert_memory_equal(buf, "abcd", 4);
	assert_int_equal(rump_sys_unlink("/alias"), 0);
	assert_int_equal(rump_sys_close(fd), 0);
	memcpy(b, "still", 5);
	assert_int_equal(rump_sys_munmap(b, 4 * PG), 0);
	assert_int_equal(free_blocks(), before);
}

/* A range overlapping a live mapping's pages only in part cannot share
 * them: EBUSY; once that mapping is gone it can. */
static void
test_other_layout_ebusy(void **state)
{
	char buf[2], *a, *b;
	int fd;

	(void)state;
	fd = make_file("/layout", 4 * PG);
	a = map(fd, 2 * PG, 0);
	memcpy(a + PG, "xy", 2);
	errno = 0;
	assert_true(rump_sys_mmap(NULL, 2 * PG, PROT_READ, MAP_SHARED, fd,
	    PG) == MAP_FAILED);
	assert_int_equal(errno, EBUSY);
	/* A part of the live range is fine. */
	b = map(fd, PG, PG);
	assert_ptr_equal(b, a + PG);
	assert_int_equal(rump_sys_munmap(b, PG), 0);
	assert_int_equal(rump_sys_munmap(a, 2 * PG), 0);
	b = map(fd, 2 * PG, PG);
	assert_memory_equal(b, "xy", 2);
	memcpy(b + PG, "zw", 2);
	assert_int_equal(rump_sys_pread64(fd, buf, 2, 2 * PG), 2);
	assert_memory_equal(buf, "zw", 2);
	assert_int_equal(rump_sys_munmap(b, 2 * PG), 0);
	assert_int_equal(rump_sys_close(fd), 0);
	assert_int_equal(rump_sys_unlink("/layout"), 0);
}

/* munmap of a middle page leaves both sides mapped and coherent. */
static void
test_partial_munmap(void **state)
{
	char buf[2], *a;
	int fd;

	(void)state;
	fd = make_file("/partial", 3 * PG);
	a = map(fd, 3 * PG, 0);
	assert_int_equal(rump_sys_munmap(a + PG, PG), 0);
	assert_int_equal(rump_sys_msync(a + PG, PG, MS_SYNC), -1);
	assert_int_equal(errno, ENOMEM);
	memcpy(a + 2 * PG, "pq", 2);
	assert_int_equal(rump_sys_pread64(fd, buf, 2, 2 * PG), 2);
	assert_memory_equal(buf, "pq", 2);
	assert_int_equal(rump_sys_munmap(a, 3 * PG), 0);
	assert_int_equal(rump_sys_close(fd), 0);
	assert_int_equal(rump_sys_unlink("/partial"), 0);
}

/* Pages mapped past the end of the file are not the file's once
 * unmapped, and a gap a write leaves there reads as zeros. */
static void
test_past_eof(void **state)
{
	struct stat st;
	char buf[4], *a;
	int fd;

	(void)state;
	fd = make_file("/eof", 10);
	a = map(fd, 2 * PG, 0);
	memset(a + 10, 'J', 2 * PG - 10);  /* Linux: SIGBUS past the page */
	assert_int_equal(rump_sys_pwrite64(fd, "end", 3, PG + 100), 3);
	assert_int_equal(rump_sys_pread64(fd, buf, 4, 10), 4);
	assert_memory_equal(buf, "\0\0\0\0", 4);
	assert_int_equal(rump_sys_pread64(fd, buf, 4, PG + 96), 4);
	assert_memory_equal(buf, "\0\0\0\0", 4);
	assert_int_equal(rump_sys_ftruncate(fd, 10), 0);
	assert_int_equal(rump_sys_munmap(a, 2 * PG), 0);
	assert_int_equal(rump_sys_fstat(fd, &st), 0);
	assert_int_equal(st.st_blocks, PG / 512);
	assert_int_equal(rump_sys_close(fd), 0);
	assert_int_equal(rump_sys_unlink("/eof"), 0);
}

/* madvise(MADV_DONTNEED) keeps shared contents; mremap cannot grow a
 * shared file mapping while another one shares its pages (ENOMEM), nor
 * without MREMAP_MAYMOVE, but may shrink it; MAP_FIXED cannot replace
 * it. */
static void
test_calls_that_keep_pages(void **state)
{
	char buf[2], *a, *b, *r;
	int fd;

	(void)state;
	fd = make_file("/keep", 2 * PG);
	a = map(fd, 2 * PG, 0);
	memcpy(a, "mm", 2);
	assert_int_equal(rump_sys_madvise(a, 2 * PG, MADV_DONTNEED), 0);
	assert_memory_equal(a, "mm", 2);
	b = map(fd, PG, 0);
	errno = 0;
	assert_true(rump_sys_mremap(a, 2 * PG, 4 * PG, MREMAP_MAYMOVE, NULL) ==
	    MAP_FAILED);
	assert_int_equal(errno, ENOMEM);
	assert_int_equal(rump_sys_munmap(b, PG), 0);
	errno = 0;
	assert_true(rump_sys_mremap(a, 2 * PG, 4 * PG, 0, NULL) == MAP_FAILED);
	assert_int_equal(errno, ENOMEM);
	errno = 0;
	assert_true(rump_sys_mmap(a, PG, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == MAP_FAILED);
	assert_int_equal(errno, ENOMEM);
	r = rump_sys_mremap(a, 2 * PG, PG, 0, NULL);
	assert_ptr_equal(r, a);
	assert_int_equal(rump_sys_pread64(fd, buf, 2, 0), 2);
	assert_memory_equal(buf, "mm", 2);
	assert_int_equal(rump_sys_munmap(a, PG), 0);
	assert_int_equal(rump_sys_close(fd), 0);
	assert_int_equal(rump_sys_unlink("/keep"), 0);
}

/* mremap grows a file's only shared mapping by moving it: the pages
 * keep their contents and stay the file's. */
static void
test_mremap_grows(void **state)
{
	uint64_t before = free_blocks();
	char buf[4], *a, *r;
	int fd;

	(void)state;
	fd = make_file("/grow", 2 * PG);
	a = map(fd, 2 * PG, 0);
	memcpy(a + PG, "keep", 4);
	assert_int_equal(rump_sys_ftruncate(fd, 6 * PG), 0);
	r = rump_sys_mremap(a, 2 * PG, 6 * PG, MREMAP_MAYMOVE, NULL);
	assert_true(r != MAP_FAILED);
	assert_memory_equal(r + PG, "keep", 4);
	memcpy(r + 5 * PG, "grew", 4);
	assert_int_equal(rump_sys_pread64(fd, buf, 4, 5 * PG), 4);
	assert_memory_equal(buf, "grew", 4);
	assert_int_equal(rump_sys_pwrite64(fd, "file", 4, PG), 4);
	assert_memory_equal(r + PG, "file", 4);
	/* The old range is no mapping any more. */
	if (r != a) {
		assert_int_equal(rump_sys_msync(a, PG, MS_SYNC), -1);
		assert_int_equal(errno, ENOMEM);
	}
	assert_int_equal(rump_sys_munmap(r, 6 * PG), 0);
	assert_int_equal(rump_sys_close(fd), 0);
	assert_int_equal(rump_sys_unlink("/grow"), 0);
	assert_int_equal(free_blocks(), before);
}

/* A process that exits with shared mappings gives them back. */
static void
test_exit_releases(void **state)
{
	uint64_t before = free_blocks();
	struct lwp *me = rump_lwproc_curlwp();
	int fd;

	(void)state;
	assert_int_equal(rump_lwproc_newproc(), 0);
	fd = make_file("/exit", 8 * PG);
	(void)map(fd, 8 * PG, 0);
	(void)map(fd, 8 * PG, 0);
	(void)map(fd, 2 * PG, 4 * PG);
	rump_lwproc_releaselwp();
	rump_lwproc_switch(me);
	assert_int_equal(rump_sys_unlink("/exit"), 0);
	assert_int_equal(free_blocks(), before);
}

/* A memfd's pages go back when its last descriptor and mapping do. */
static void
test_memfd_release(void **state)
{
	int fd = rump_sys_memfd_create("t", 0);
	char *a;

	(void)state;
	assert_true(fd >= 0);
	assert_int_equal(rump_sys_ftruncate(fd, 64 * PG), 0);
	a = map(fd, 64 * PG, 0);
	assert_int_equal(rump_sys_close(fd), 0);
	memset(a, 1, 64 * PG);
	assert_int_equal(rump_sys_munmap(a, 64 * PG), 0);
}

/*
 * Random maps (EBUSY allowed), partial munmaps, mremap growth (ENOMEM
 * allowed), stores through mappings and pwrites of a 16-page file, checked against a model of its bytes;
 * at the end every page is given back.
 */
#define RND_PAGES 16
#define RND_MAPS 32

struct rnd_map {
	char *addr;
	size_t pg, n;           /* file pages [pg, pg+n); n 0: free slot */
};

static uint64_t rnd_state = 12345;

static unsigned
rnd(unsigned n)
{
	rnd_state = rnd_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)(rnd_state >> 33) % n;
}

static void
rnd_check(struct rnd_map *maps, const char *model)
{
	for (int i = 0; i < RND_MAPS; i++)
		if (maps[i].n > 0)
			assert_memory_equal(maps[i].addr,
			    model + maps[i].pg * PG, maps[i].n * PG);
}

static void
test_random_mappings(void **state)
{
	static char model[RND_PAGES * PG], buf[PG];
	struct rnd_map maps[RND_MAPS] = { { NULL, 0, 0 } };
	uint64_t before = free_blocks();
	int fd, nmapped = 0, nbusy = 0, naliased = 0, ngrown = 0;

	(void)state;
	fd = make_file("/rnd", RND_PAGES * PG);
	for (int op = 0; op < 4000; op++) {
		int i = (int)rnd(RND_MAPS);
		struct rnd_map *m = &maps[i];

		switch (rnd(5)) {
		case 0:
			if (m->n == 0) {
				size_t pg = rnd(RND_PAGES), n = 1 + rnd(RND_PAGES - (unsigned)pg);
				char *p = rump_sys_mmap(NULL, n * PG,
				    PROT_READ | PROT_WRITE, MAP_SHARED, fd,
				    (off_t)(pg * PG));
				if (p == MAP_FAILED) {
					assert_int_equal(errno, EBUSY);
					nbusy++;
					break;
				}
				for (int j = 0; j < RND_MAPS; j++)
					naliased += maps[j].n > 0 &&
					    maps[j].addr == p;
				nmapped++;
				*m = (struct rnd_map){ p, pg, n };
			}
			break;
		case 1:
			if (m->n > 0) {
				/* Unmap a head or a tail of it (or all). */
				size_t k = 1 + rnd((unsigned)m->n);
				if (rnd(2)) {
					assert_int_equal(rump_sys_munmap(m->addr,
					    k * PG), 0);
					m->addr += k * PG;
					m->pg += k;
				} else {
					assert_int_equal(rump_sys_munmap(m->addr +
					    (m->n - k) * PG, k * PG), 0);
				}
				m->n -= k;
			}
			break;
		case 2:
			if (m->n > 0) {
				size_t at = rnd((unsigned)(m->n * PG - 8));
				char c = (char)('a' + rnd(26));
				memset(m->addr + at, c, 8);
				memset(model + m->pg * PG + at, c, 8);
			}
			break;
		case 3:
			if (m->n > 0 && m->pg + m->n < RND_PAGES) {
				/* Grow it (ENOMEM if shared or partial). */
				size_t k = 1 + rnd(RND_PAGES - (unsigned)(m->pg + m->n));
				char *p = rump_sys_mremap(m->addr, m->n * PG,
				    (m->n + k) * PG, MREMAP_MAYMOVE, NULL);
				if (p == MAP_FAILED) {
					assert_int_equal(errno, ENOMEM);
					break;
				}
				m->addr = p;
				m->n += k;
				ngrown++;
			}
			break;
		default: {
			size_t at = rnd(RND_PAGES * PG - 100);
			memset(buf, 'A' + (int)rnd(26), 100);
			assert_int_equal(rump_sys_pwrite64(fd, buf, 100,
			    (off_t)at), 100);
			memcpy(model + at, buf, 100);
			break;
		}
		}
		rnd_check(maps, model);
	}
	/* The mix must have had every outcome. */
	print_message("maps %d, EBUSY %d, aliased %d, grown %d\n", nmapped,
	    nbusy, naliased, ngrown);
	assert_true(nmapped > 50 && nbusy > 50 && naliased > 5 && ngrown > 5);
	for (int i = 0; i < RND_MAPS; i++)
		if (maps[i].n > 0)
			assert_int_equal(rump_sys_munmap(maps[i].addr,
			    maps[i].n * PG), 0);
	for (size_t off = 0; off < sizeof(model); off += PG) {
		assert_int_equal(rump_sys_pread64(fd, buf, PG, (off_t)off), PG);
		assert_memory_equal(buf, model + off, PG);
	}
	assert_int_equal(rump_sys_close(fd), 0);
	assert_int_equal(rump_sys_unlink("/rnd"), 0);
	assert_int_equal(free_blocks(), before);
}

static int
setup(void **state)
{
	(void)state;
	return rump_init();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alias_and_release),
		cmocka_unit_test(test_other_layout_ebusy),
		cmocka_unit_test(test_partial_munmap),
		cmocka_unit_test(test_past_eof),
		cmocka_unit_test(test_calls_that_keep_pages),
		cmocka_unit_test(test_mremap_grows),
		cmocka_unit_test(test_exit_releases),
		cmocka_unit_test(test_memfd_release),
		cmocka_unit_test(test_random_mappings),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
