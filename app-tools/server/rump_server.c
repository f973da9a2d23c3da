/*
 * rump_server.c -- a rump kernel as a process of its own, serving system
 * calls to clients (librumpclient, librumphijack) over a unix or local
 * TCP socket.  Usage and the protocol: docs/sysproxy.md.  Every kernel
 * component built for the posix platform is linked in; -l checks that
 * the named one is among them.
 */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <unistd.h>

#include <rump/rump.h>
#include <rump/rump_etfs.h>
#include <rump/rump_syscalls.h>

#include "serve.h"

#ifndef RUMP_SERVER_COMPONENTS
#error "the build names the linked components in RUMP_SERVER_COMPONENTS"
#endif

static const char *unix_path; /* to unlink at exit */

static void __attribute__((noreturn))
usage(void)
{
	fprintf(stderr,
	    "usage: rump_server [-sv] [-c ncpu] [-m memlimit] "
	    "[-d key=/dev/X,hostpath=FILE,size=host]\n"
	    "                   [-l component]... unix://PATH|tcp://127.0.0.1:PORT\n"
	    "  -s  stay in the foreground (default: detach once serving)\n"
	    "  -v  log connections and protocol errors\n"
	    "linked components: %s\n", RUMP_SERVER_COMPONENTS);
	exit(1);
}

static void __attribute__((noreturn, format(printf, 1, 0)))
die(const char *fmt, const char *arg, int error)
{
	fprintf(stderr, "rump_server: ");
	fprintf(stderr, fmt, arg);
	if (error != 0)
		fprintf(stderr, ": %s", strerror(error));
	fprintf(stderr, "\n");
	exit(1);
}

/* -l NAME: the component must be linked (they all are: see header). */
static void
check_component(const char *name)
{
	const char *list = RUMP_SERVER_COMPONENTS;
	size_t n = strlen(name);
	const char *p;

	if (strncmp(name, "lib", 3) == 0)
		name += 3, n -= 3;
	if (n > 2 && strcmp(name + n - 2, ".a") == 0)
		n -= 2;
	for (p = list; *p != '\0';) {
		size_t w = strcspn(p, " ");

		if (w == n && strncmp(p, name, n) == 0)
			return;
		p += w;
		p += strspn(p, " ");
	}
	fprintf(stderr, "rump_server: component %.*s is not linked into this "
	    "server; linked: %s\n", (int)n, name, list);
	exit(1);
}

/*
 * -d key=/dev/X,hostpath=FILE,size=host: the host file appears as block
 * device key in the kernel.  Only size=host (the whole file) is known.
 */
struct disk {
	char *key, *hostpath;
};

static void
parse_disk(char *spec, struct disk *d)
{
	char *save = NULL, *kv;

	for (kv = strtok_r(spec, ",", &save); kv != NULL;
	    kv = strtok_r(NULL, ",", &save)) {
		if (strncmp(kv, "key=", 4) == 0)
			d->key = kv + 4;
		else if (strncmp(kv, "hostpath=", 9) == 0)
			d->hostpath = kv + 9;
		else if (strcmp(kv, "size=host") == 0)
			continue;
		else
			die("-d: unknown or unsupported '%s' (known: key=, "
			    "hostpath=, size=host)", kv, 0);
	}
	if (d->key == NULL || d->hostpath == NULL)
		die("-d %s: needs key= and hostpath=", spec, 0);
}

static int
listen_url(const char *url)
{
	int s = -1, one = 1;

	if (strncmp(url, "unix://", 7) == 0) {
		struct sockaddr_un sun = { .sun_family = AF_UNIX };
		const char *path = url + 7;

		if (*path == '\0' || strlen(path) >= sizeof(sun.sun_path))
			die("%s: bad unix socket path", url, 0);
		strcpy(sun.sun_path, path);
		s = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
		if (s < 0)
			die("socket", "", errno);
		unlink(path);
		if (bind(s, (struct sockaddr *)&sun, sizeof(sun)) != 0)
			die("bind %s", path, errno);
		unix_path = path;
	} else if (strncmp(url, "tcp://", 6) == 0) {
		struct sockaddr_in sin = { .sin_family = AF_INET };
		char host[64];
		const char *colon = strrchr(url + 6, ':');
		char *end;
		long port;

		if (colon == NULL || (size_t)(colon - (url + 6)) >= sizeof(host))
			die("%s: want tcp://ADDRESS:PORT", url, 0);
		memcpy(host, url + 6, (size_t)(colon - (url + 6)));
		host[colon - (url + 6)] = '\0';
		port = strtol(colon + 1, &end, 10);
		if (*end != '\0' || port <= 0 || port > 65535 ||
		    inet_pton(AF_INET, host, &sin.sin_addr) != 1)
			die("%s: bad address or port", url, 0);
		sin.sin_port = htons((uint16_t)port);
		s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
		if (s < 0)
			die("socket", "", errno);
		setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
		if (bind(s, (struct sockaddr *)&sin, sizeof(sin)) != 0)
			die("bind %s", url, errno);
	} else {
		die("%s: want unix://PATH or tcp://127.0.0.1:PORT", url, 0);
	}
	if (listen(s, 64) != 0)
		die("listen %s", url, errno);
	return s;
}

static void *
accept_main(void *arg)
{
	int ls = *(int *)arg;

	for (;;) {
		int fd = accept4(ls, NULL, NULL, SOCK_CLOEXEC);
		int one = 1;

		if (fd < 0) {
			if (errno == EINTR || errno == ECONNABORTED ||
			    errno == EMFILE || errno == ENFILE)
				continue;
			perror("rump_server: accept");
			continue;
		}
		setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
		serve_start(fd);
	}
	return NULL;
}

/*
 * Without -s: fork, and let the parent exit 0 only once the child
 * serves (or 1 if it failed), so "rump_server URL && client" works.
 */
static int
detach(void)
{
	int p[2];
	pid_t pid;
	char c;

	if (pipe(p) != 0)
		die("pipe", "", errno);
	pid = fork();
	if (pid < 0)
		die("fork", "", errno);
	if (pid > 0) {
		close(p[1]);
		_exit(read(p[0], &c, 1) == 1 ? 0 : 1);
	}
	close(p[0]);
	setsid();
	return p[1];
}

int
main(int argc, char **argv)
{
	struct disk disks[16];
	int ndisks = 0, foreground = 0, ready = -1, ls, sig, error, ch, nul;
	sigset_t sigs;
	pthread_t t;

	while ((ch = getopt(argc, argv, "c:d:l:m:sv")) != -1) {
		switch (ch) {
		case 'c':
			setenv("RUMP_NCPU", optarg, 1);
			break;
		case 'm':
			setenv("RUMP_MEMLIMIT", optarg, 1);
			break;
		case 'd':
			if (ndisks == (int)(sizeof(disks) / sizeof(disks[0])))
				die("-d %s: too many disks", optarg, 0);
			memset(&disks[ndisks], 0, sizeof(disks[0]));
			parse_disk(optarg, &disks[ndisks++]);
			break;
		case 'l':
			check_component(optarg);
			break;
		case 's':
			foreground = 1;
			break;
		case 'v':
			serve_verbose = 1;
			break;
		default:
			usage();
		}
	}
	if (optind != argc - 1)
		usage();

	if (!foreground)
		ready = detach();
	/* Only the main thread takes these, with sigwait below. */
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGTERM);
	sigaddset(&sigs, SIGINT);
	sigaddset(&sigs, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &sigs, NULL);
	signal(SIGPIPE, SIG_IGN);

	error = rump_init();
	if (error != 0)
		die("rump_init failed", "", error);
	for (int i = 0; i < ndisks; i++) {
		error = rump_etfs_register(disks[i].key, disks[i].hostpath,
		    RUMP_ETFS_BLK);
		if (error != 0)
			die("-d %s", disks[i].key, error);
	}
	ls = listen_url(argv[optind]);
	if (pthread_create(&t, NULL, accept_main, &ls) != 0)
		die("cannot start the accept thread", "", 0);
	if (ready >= 0) {
		if (write(ready, "1", 1) != 1)
			die("cannot tell the parent we are ready", "", errno);
		close(ready);
		/* A daemon: let go of the terminal or pipe we started on. */
		nul = open("/dev/null", O_RDWR);
		if (nul >= 0) {
			dup2(nul, 0);
			dup2(nul, 1);
			dup2(nul, 2);
			if (nul > 2)
				close(nul);
		}
	}

	do {
		error = sigwait(&sigs, &sig);
	} while (error != 0);
	/* Flush every file system's caches before the process ends. */
	rump_syscall(SYS_sync, 0, 0, 0, 0, 0, 0);
	if (unix_path != NULL)
		unlink(unix_path);
	if (serve_verbose)
		fprintf(stderr, "rump_server: signal %d: synced, exiting\n", sig);
	_exit(0);
}
