/*
 * test_virtif.c -- rump_net_if_create/rump_net_if_destroy with the
 * hosted back ends: refusals (bad names and specs, EEXIST, EBUSY,
 * ENXIO), a file that is not a bus, the bus file's size option, and
 * many create/destroy cycles, and the bus file format of
 * docs/networking.md read and written from outside (a stranger on the
 * bus gets ARP and ping answered).  Data between
 * kernels is tested by
 * tests/bats/virtif.bats (two processes).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <net/if.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include <rump/rump.h>
#include <rump/rump_net.h>
#include <rump/rump_syscalls.h>

static char dir[64];
static char bus[128];

static int
setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/test_virtif.XXXXXX");
	if (mkdtemp(dir) == NULL)
		return -1;
	snprintf(bus, sizeof(bus), "shmif:%s/bus", dir);
	return rump_init();
}

static int
teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void
test_refusals(void **state)
{
	(void)state;
	assert_int_equal(rump_net_if_create("shm0", "nosuch:x"), ENXIO);
	assert_int_equal(rump_net_if_create("shm0", "vioif0"), ENXIO);
	assert_int_equal(rump_net_if_create("shm0", ""), EINVAL);
	assert_int_equal(rump_net_if_create("", bus), EINVAL);
	assert_int_equal(rump_net_if_create("abcdefghijklmnop", bus), EINVAL);
	assert_int_equal(rump_net_if_create(NULL, bus), EINVAL);
	assert_int_equal(rump_net_if_create("shm0", NULL), EINVAL);
	assert_int_equal(rump_net_if_create("lo0", bus), EEXIST);
	assert_int_equal(rump_net_if_create("shm0", "shmif:"), EINVAL);
	assert_int_equal(rump_net_if_create("tap0", "tap:"), EINVAL);
	assert_int_equal(rump_net_if_create("tap0", "tap:a/b"), EINVAL);
	assert_int_equal(rump_net_if_destroy("shm0"), ENXIO);
	assert_int_equal(rump_net_if_destroy("lo0"), ENXIO);
}

static void
test_bad_options(void **state)
{
	static const char *opts[] = {
		",loss=101", ",loss=", ",loss=x", ",dup=5x", ",bogus=1",
		",reorder", ",", ",loss=5,", ",size=1000", ",size=1g",
		",size=4k", ",mtu=67", ",mtu=65536", ",csum=2", ",csum=",
	};
	char spec[256];

	(void)state;
	for (size_t i = 0; i < sizeof(opts) / sizeof(opts[0]); i++) {
		snprintf(spec, sizeof(spec), "%s%s", bus, opts[i]);
		assert_int_equal(rump_net_if_create("shm0", spec), EINVAL);
	}
	/* None of them made an interface. */
	assert_int_equal(rump_net_if_destroy("shm0"), ENXIO);
}

static void
test_exists_and_busy(void **state)
{
	char other[160];

	(void)state;
	snprintf(other, sizeof(other), "%s2", bus);
	assert_int_equal(rump_net_if_create("shm0", bus), 0);
	assert_int_equal(rump_net_if_create("shm0", other), EEXIST);
	/* One attachment per bus and kernel, however the path is spelled. */
	char alias[200];
	snprintf(alias, sizeof(alias), "shmif:%s/./bus", dir);
	assert_int_equal(rump_net_if_create("shm1", alias), EBUSY);
	assert_int_equal(rump_net_if_create("shm1", other), 0);
	assert_int_equal(rump_net_if_setaddr("shm0", htonl(0x0a020001), 24), 0);
	assert_int_equal(rump_net_if_destroy("shm0"), 0);
	assert_int_equal(rump_net_if_destroy("shm0"), ENXIO);
	/* Its address and route went with it. */
	assert_int_equal(rump_net_if_setaddr("shm0", htonl(0x0a020001), 24), ENXIO);
	assert_int_equal(rump_net_if_destroy("shm1"), 0);
}

static void
test_not_a_bus(void **state)
{
	char path[128], spec[160], junk[8192];
	int fd;

	(void)state;
	snprintf(path, sizeof(path), "%s/junk", dir);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	assert_true(fd >= 0);
	memset(junk, 0x5a, sizeof(junk));
	assert_int_equal(write(fd, junk, sizeof(junk)), sizeof(junk));
	close(fd);
	snprintf(spec, sizeof(spec), "shmif:%s", path);
	assert_int_equal(rump_net_if_create("shm0", spec), EINVAL);
	/* A directory is the host's refusal to open it for writing. */
	snprintf(spec, sizeof(spec), "shmif:%s", dir);
	assert_int_equal(rump_net_if_create("shm0", spec), EISDIR);
	/* A missing directory is the host's error. */
	snprintf(spec, sizeof(spec), "shmif:%s/no/such", dir);
	assert_int_equal(rump_net_if_create("shm0", spec), ENOENT);
}

/* SIOCSIFMTU on interface name: 0 or the errno. */
static int
set_mtu(const char *name, int mtu)
{
	struct ifreq ifr;
	int s = rump_sys_socket(AF_INET, SOCK_DGRAM, 0), r;

	assert_true(s >= 0);
	memset(&ifr, 0, sizeof(ifr));
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", name);
	ifr.ifr_mtu = mtu;
	r = rump_sys_ioctl(s, SIOCSIFMTU, &ifr) == 0 ? 0 : errno;
	rump_sys_close(s);
	return r;
}

static void
test_size_option(void **state)
{
	char spec[200], path[128];
	struct stat st;

	(void)state;
	snprintf(path, sizeof(path), "%s/small", dir);
	snprintf(spec, sizeof(spec), "shmif:%s,size=64k,loss=0,seed=7,mtu=9000",
	    path);
	assert_int_equal(rump_net_if_create("shm0", spec), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_size, 4096 + 65536);
	assert_int_equal(rump_net_if_destroy("shm0"), 0);
	/* An existing bus keeps its size; the option only creates. */
	snprintf(spec, sizeof(spec), "shmif:%s,size=1m", path);
	assert_int_equal(rump_net_if_create("shm0", spec), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_size, 4096 + 65536);
	assert_int_equal(rump_net_if_destroy("shm0"), 0);
	/* A ring must hold four of the largest records: 64 KiB is too
	 * small for a 64 KiB MTU, 1 MiB is enough. */
	snprintf(spec, sizeof(spec), "shmif:%s,mtu=65535", path);
	assert_int_equal(rump_net_if_create("shm0", spec), EINVAL);
	snprintf(spec, sizeof(spec), "shmif:%s2,size=1m,mtu=65535,csum=0",
	    path);
	assert_int_equal(rump_net_if_create("shm0", spec), 0);
	/* SIOCSIFMTU may lower the MTU and raise it again up to what
	 * the bus carries, not beyond. */
	assert_int_equal(set_mtu("shm0", 1500), 0);
	assert_int_equal(set_mtu("shm0", 65535), 0);
	assert_int_equal(set_mtu("shm0", 65536), EINVAL);
	assert_int_equal(rump_net_if_destroy("shm0"), 0);
}

static void
test_create_destroy_cycles(void **state)
{
	(void)state;
	for (int i = 0; i < 100; i++) {
		assert_int_equal(rump_net_if_create("shm0", bus), 0);
		if (i % 2 == 0)
			assert_int_equal(rump_net_if_setaddr("shm0",
			    htonl(0x0a030001), 24), 0);
		assert_int_equal(rump_net_if_destroy("shm0"), 0);
	}
}


/* ---------------------------------------------------------------------
 * The bus format as docs/networking.md describes it, read and written
 * here from the documentation alone (no code shared with the library).
 */
struct doc_bus {
	uint32_t magic, version, hdrsize, ringsize, lock, wakeseq, sleepers,
	    pad;
	uint64_t head, tail, nextseq, tailseq;
};
struct doc_rec {
	uint32_t reclen, framelen;
	uint64_t sender, seq;
	uint32_t flags;              /* 1: the checksum is partial */
	uint16_t csum_start, csum_offset;
};

/* csum: the Internet checksum (RFC 1071) of len bytes. */
static uint16_t
csum(const uint8_t *p, size_t len)
{
	uint32_t sum = 0;

	for (size_t i = 0; i + 1 < len; i += 2)
		sum += (uint32_t)(p[i] << 8 | p[i + 1]);
	if (len % 2)
		sum += (uint32_t)(p[len - 1] << 8);
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

/* find_frame: the first frame at or after *posp with ethertype type
 * sent by someone other than not_sender; its bytes into frame. */
static size_t
find_frame(const uint8_t *map, uint64_t *posp, uint16_t type,
    uint64_t not_sender, uint8_t *frame)
{
	const struct doc_bus *b = (const void *)map;
	const uint8_t *ring = map + b->hdrsize;
	uint64_t head = __atomic_load_n(&b->head, __ATOMIC_ACQUIRE);

	while (*posp < head) {
		struct doc_rec r;
		uint64_t off = *posp % b->ringsize;

		memcpy(&r, ring + off, sizeof(r));
		assert_true(r.reclen >= 32 && r.reclen % 32 == 0);
		*posp += r.reclen;
		if (r.framelen == 0xffffffffu || r.sender == not_sender)
			continue;
		if (r.framelen >= 14 && ring[off + 32 + 12] == type >> 8 &&
		    ring[off + 32 + 13] == (type & 0xff)) {
			memcpy(frame, ring + off + 32, r.framelen);
			return r.framelen;
		}
	}
	return 0;
}

/* put_frame: append one frame as a sender with id sender would. */
static void
put_frame(uint8_t *map, uint64_t sender, const uint8_t *frame, uint32_t len)
{
	struct doc_bus *b = (void *)map;
	uint8_t *ring = map + b->hdrsize;
	uint32_t me = (uint32_t)getpid(), zero = 0;
	uint32_t n = (32 + len + 31) & ~31u;
	struct doc_rec r = { n, len, sender, 0, 0, 0, 0 };
	uint64_t h, off;

	while (!__atomic_compare_exchange_n(&b->lock, &zero, me, false,
	    __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
		zero = 0;
	h = b->head;
	off = h % b->ringsize;
	/* The test's bus is fresh and large: no wrap, nothing overwritten. */
	assert_true(off + n <= b->ringsize && h + n - b->tail <= b->ringsize);
	r.seq = b->nextseq++;
	memcpy(ring + off + 32, frame, len);
	memcpy(ring + off, &r, sizeof(r));
	__atomic_store_n(&b->head, h + n, __ATOMIC_RELEASE);
	__atomic_store_n(&b->lock, 0, __ATOMIC_RELEASE);
	__atomic_add_fetch(&b->wakeseq, 1, __ATOMIC_SEQ_CST);
	/* Sleepers wake by their timeout (1 s) at the latest. */
}

static void
test_bus_format(void **state)
{
	char path[128], spec[160];
	uint8_t frame[1514], arp[42], mac[6];
	uint64_t pos = 0;
	const struct doc_bus *b;
	struct doc_rec r;
	struct stat st;
	uint8_t *map;
	size_t len;
	int fd;

	(void)state;
	snprintf(path, sizeof(path), "%s/fmt", dir);
	snprintf(spec, sizeof(spec), "shmif:%s", path);
	assert_int_equal(rump_net_if_create("shm0", spec), 0);
	/* Setting an address announces it: a gratuitous ARP on the bus. */
	assert_int_equal(rump_net_if_setaddr("shm0", htonl(0x0a040001), 24), 0);

	fd = open(path, O_RDWR);
	assert_true(fd >= 0);
	assert_int_equal(fstat(fd, &st), 0);
	assert_int_equal(st.st_size, 4096 + (1 << 20));
	map = mmap(NULL, (size_t)st.st_size, PROT_READ | PROT_WRITE, MAP_SHARED,
	    fd, 0);
	assert_true(map != MAP_FAILED);
	close(fd);
	b = (const void *)map;
	assert_int_equal(b->magic, 0x6d687372);
	assert_memory_equal(map, "rshm", 4);
	assert_int_equal(b->version, 2);
	assert_int_equal(b->hdrsize, 4096);
	assert_int_equal(b->ringsize, 1 << 20);
	assert_true(b->head >= 32 + 42 && b->tail == 0 && b->nextseq >= 1);

	/* The first record: the announcement, ARP, from the kernel. */
	memcpy(&r, map + 4096, sizeof(r));
	assert_int_equal(r.reclen, 96);    /* 32 + 42, rounded up to 32 */
	assert_int_equal(r.framelen, 42);
	assert_int_equal(r.seq, 0);
	assert_true(r.sender != 0x5eed);
	len = find_frame(map, &pos, 0x0806, 0, frame);
	assert_int_equal(len, 42);
	memcpy(mac, frame + 6, 6);
	assert_int_equal(mac[0] & 3, 2);   /* local, unicast */

	/* A stranger asks who has 10.4.0.1; the kernel answers it. */
	static const uint8_t stranger[6] = { 0x02, 0, 0, 0, 0, 0x99 };
	memset(arp, 0, sizeof(arp));
	memset(arp, 0xff, 6);
	memcpy(arp + 6, stranger, 6);
	arp[12] = 0x08, arp[13] = 0x06;
	arp[14] = 0, arp[15] = 1, arp[16] = 0x08, arp[17] = 0;
	arp[18] = 6, arp[19] = 4, arp[20] = 0, arp[21] = 1;   /* request */
	memcpy(arp + 22, stranger, 6);
	arp[28] = 10, arp[29] = 4, arp[30] = 0, arp[31] = 2;  /* sender IP */
	arp[38] = 10, arp[39] = 4, arp[40] = 0, arp[41] = 1;  /* target IP */
	put_frame(map, 0x5eed, arp, sizeof(arp));
	pos = b->head;
	len = 0;
	for (int i = 0; i < 300 && len == 0; i++) {
		len = find_frame(map, &pos, 0x0806, 0x5eed, frame);
		if (len == 0)
			usleep(10000);
	}
	assert_int_equal(len, 42);
	assert_memory_equal(frame, stranger, 6);      /* to the stranger */
	assert_memory_equal(frame + 6, mac, 6);       /* from the kernel */
	assert_int_equal(frame[21], 2);               /* a reply */
	assert_memory_equal(frame + 22, mac, 6);


	/* Then pings it: an ICMP echo request, answered byte for byte. */
	uint8_t ping[14 + 20 + 8 + 32];
	memcpy(ping, mac, 6);
	memcpy(ping + 6, stranger, 6);
	ping[12] = 0x08, ping[13] = 0x00;
	uint8_t *ip = ping + 14, *icmp = ip + 20;
	memset(ip, 0, 20);
	ip[0] = 0x45, ip[3] = 20 + 8 + 32, ip[8] = 64, ip[9] = 1;
	memcpy(ip + 12, arp + 28, 4);   /* from 10.4.0.2 */
	memcpy(ip + 16, arp + 38, 4);   /* to 10.4.0.1 */
	uint16_t sum = csum(ip, 20);
	ip[10] = (uint8_t)(sum >> 8), ip[11] = (uint8_t)sum;
	memset(icmp, 0, 8);
	icmp[0] = 8, icmp[4] = 0x12, icmp[5] = 0x34, icmp[7] = 1;
	for (int i = 0; i < 32; i++)
		icmp[8 + i] = (uint8_t)(i * 3);
	sum = csum(icmp, 8 + 32);
	icmp[2] = (uint8_t)(sum >> 8), icmp[3] = (uint8_t)sum;
	put_frame(map, 0x5eed, ping, sizeof(ping));
	len = 0;
	for (int i = 0; i < 300 && len == 0; i++) {
		len = find_frame(map, &pos, 0x0800, 0x5eed, frame);
		if (len == 0)
			usleep(10000);
	}
	assert_int_equal(len, sizeof(ping));
	assert_memory_equal(frame, stranger, 6);
	assert_memory_equal(frame + 14 + 12, arp + 38, 4);  /* from 10.4.0.1 */
	assert_int_equal(frame[14 + 20], 0);                 /* echo reply */
	assert_int_equal(csum(frame + 14, 20), 0);
	assert_int_equal(csum(frame + 14 + 20, 8 + 32), 0);
	assert_memory_equal(frame + 14 + 20 + 4, icmp + 4, 4 + 32);

	munmap(map, (size_t)st.st_size);
	assert_int_equal(rump_net_if_destroy("shm0"), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_bad_options),
		cmocka_unit_test(test_exists_and_busy),
		cmocka_unit_test(test_not_a_bus),
		cmocka_unit_test(test_size_option),
		cmocka_unit_test(test_create_destroy_cycles),
		cmocka_unit_test(test_bus_format),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
