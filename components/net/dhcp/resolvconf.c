/*
 * resolvconf.c -- the files musl's resolver reads, written through the
 * kernel's VFS: /etc/resolv.conf (nameservers, search domain) and
 * /etc/hosts (localhost, and names given by rump_net_hosts_add or the
 * DHCP client: the node name and its address).  Each change rewrites
 * the whole file in place (truncate, write): a reader racing a change
 * may see it short for a moment, which the resolver survives.
 */
#include "dhcp_int.h"
#include <abi/fcntl.h>
#include <sys/file.h>
#include <vfs/vfs.h>
#include <rump/rump_net.h>

#define HOSTS_MAX 32
#define NAME_MAX_LEN 253          /* a DNS name (RFC 1035 2.3.4) */
#define FILE_MAX 8192

struct host_entry {
	char he_name[NAME_MAX_LEN + 1];
	uint32_t he_addr;
};

static kmutex_t resolv_lock;      /* one writer of the files at a time */
static struct host_entry hosts[HOSTS_MAX];
static int nhosts;

void
in_fmt(uint32_t addr, char *buf)
{
	const uint8_t *b = (const uint8_t *)&addr;

	snprintf(buf, 16, "%u.%u.%u.%u", b[0], b[1], b[2], b[3]);
}

/* A host or domain name: letters, digits, '-', '.', '_'; no blanks
 * that would split a line of either file. */
static bool
name_ok(const char *s)
{
	size_t n = strnlen(s, NAME_MAX_LEN + 1);

	if (n == 0 || n > NAME_MAX_LEN)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_'))
			return false;
	}
	return true;
}

/* A nameserver: an IPv4 dotted quad or IPv6 text, as resolv.conf takes. */
static bool
server_ok(const char *s)
{
	size_t n = strnlen(s, 64);

	if (n == 0 || n >= 64)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];

		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
		    (c >= 'A' && c <= 'F') || c == '.' || c == ':'))
			return false;
	}
	return true;
}

/* Replace path's contents with len bytes of buf (creating /etc). */
static int
file_replace(const char *path, const char *buf, size_t len)
{
	struct iovec iov = { (void *)(uintptr_t)buf, len };
	struct uio uio = {
		.uio_iov = &iov, .uio_iovcnt = 1, .uio_offset = 0,
		.uio_resid = len, .uio_rw = UIO_WRITE, .uio_user = false,
	};
	struct file *f;
	int error;

	error = vfs_mkdirat(AT_FDCWD, "/etc", 0755);
	if (error != 0 && error != -EEXIST)
		return error;
	error = vfs_open_file(AT_FDCWD, path, O_WRONLY | O_CREAT | O_TRUNC,
	    0644, &f);
	if (error != 0)
		return error;
	while (uio.uio_resid > 0) {
		ssize_t n = f->f_ops->fo_write(f, &uio, 0);

		if (n < 0) {
			error = (int)n;
			break;
		}
		if (n == 0) {
			error = -EIO;
			break;
		}
	}
	file_rele(f);
	return error;
}

int
resolv_write(const char *const *servers, int n, const char *domain)
{
	char *buf;
	size_t len;
	int error;

	if (n < 0 || n > DHCP_MAXDNS || (n > 0 && servers == NULL))
		return -EINVAL;
	for (int i = 0; i < n; i++)
		if (servers[i] == NULL || !server_ok(servers[i]))
			return -EINVAL;
	if (domain != NULL && !name_ok(domain))
		return -EINVAL;
	buf = kmem_alloc(FILE_MAX, KM_SLEEP);
	if (buf == NULL)
		return -ENOMEM;
	len = (size_t)snprintf(buf, FILE_MAX,
	    "# Written by the rump kernel's network configuration.\n");
	if (domain != NULL)
		len += (size_t)snprintf(buf + len, FILE_MAX - len,
		    "search %s\n", domain);
	for (int i = 0; i < n; i++)
		len += (size_t)snprintf(buf + len, FILE_MAX - len,
		    "nameserver %s\n", servers[i]);
	mutex_enter(&resolv_lock);
	error = file_replace("/etc/resolv.conf", buf, len);
	mutex_exit(&resolv_lock);
	kmem_free(buf, FILE_MAX);
	return error;
}

/* /etc/hosts from the table (resolv_lock held). */
static int
hosts_write(void)
{
	char *buf, a[16];
	size_t len;
	int error;

	buf = kmem_alloc(FILE_MAX, KM_SLEEP);
	if (buf == NULL)
		return -ENOMEM;
	len = (size_t)snprintf(buf, FILE_MAX, "127.0.0.1\tlocalhost\n"
	    "::1\tlocalhost ip6-localhost ip6-loopback\n");
	for (int i = 0; i < nhosts; i++) {
		in_fmt(hosts[i].he_addr, a);
		len += (size_t)snprintf(buf + len, FILE_MAX - len, "%s\t%s\n",
		    a, hosts[i].he_name);
	}
	/* HOSTS_MAX lines of at most 16 + 254 bytes fit FILE_MAX. */
	error = file_replace("/etc/hosts", buf, len);
	kmem_free(buf, FILE_MAX);
	return error;
}

int
hosts_set(const char *name, uint32_t addr)
{
	int i, error;

	if (name == NULL || !name_ok(name) || addr == 0)
		return -EINVAL;
	mutex_enter(&resolv_lock);
	for (i = 0; i < nhosts; i++)
		if (strcmp(hosts[i].he_name, name) == 0)
			break;
	if (i == nhosts) {
		if (nhosts == HOSTS_MAX) {
			mutex_exit(&resolv_lock);
			return -ENOSPC;
		}
		strlcpy(hosts[i].he_name, name, sizeof(hosts[i].he_name));
		nhosts++;
	}
	hosts[i].he_addr = addr;
	error = hosts_write();
	mutex_exit(&resolv_lock);
	return error;
}

int
rump_net_dns_set(const char *const *servers, int nservers,
    const char *search_domain)
{
	int error;

	rump_schedule();
	error = resolv_write(servers, nservers, search_domain);
	rump_unschedule();
	return -error;
}

int
rump_net_hosts_add(const char *name, uint32_t addr)
{
	int error;

	rump_schedule();
	error = hosts_set(name, addr);
	rump_unschedule();
	return -error;
}

void
resolvconf_init(void)
{
	mutex_init(&resolv_lock, MUTEX_DEFAULT);
}
