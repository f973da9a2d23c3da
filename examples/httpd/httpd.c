/*
 * httpd.c -- a small static-file HTTP/1.1 server in plain POSIX C: GET
 * and HEAD, keep-alive and pipelining, Content-Length on every
 * response, many connections through one poll() loop, files sent with
 * sendfile() where the system has it (else pread/write).  The same
 * source builds natively (cc httpd.c) and for rumprun images.
 *
 * usage: httpd [-p PORT] [-a ADDR] [-c MAXCONN] [-l] [-s] [-v] DIR
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/sendfile.h>
#include <sys/sysinfo.h>
#endif

#define INBUF 8192       /* request head, at most */
#define OUTBUF 16384     /* response head and generated bodies */
#define IDLE_SECONDS 30  /* an idle keep-alive connection is closed */
#define STATS_PATH "/.httpd-stats"
#define EXIT_PATH "/.httpd-exit"

struct conn {
	int fd;
	char in[INBUF];
	size_t inlen;
	char *out;           /* head (and small body) to send */
	size_t outlen, outoff;
	int file;            /* then this file, or -1 */
	off_t fileoff, fileend;
	int keepalive;
	int exit_after;      /* EXIT_PATH was asked for */
	time_t active;
};

static const char *root;
static int listing, stats_enabled, verbose, maxconn = 1024;
static unsigned long nrequests, naccepted;
static volatile sig_atomic_t stop;

static const struct {
	const char *ext, *type;
} mimetypes[] = {
	{ ".html", "text/html; charset=utf-8" },
	{ ".htm", "text/html; charset=utf-8" },
	{ ".txt", "text/plain; charset=utf-8" },
	{ ".css", "text/css" },
	{ ".js", "text/javascript" },
	{ ".json", "application/json" },
	{ ".png", "image/png" },
	{ ".jpg", "image/jpeg" },
	{ ".gif", "image/gif" },
	{ ".svg", "image/svg+xml" },
	{ ".ico", "image/x-icon" },
	{ ".pdf", "application/pdf" },
};

static const struct {
	int code;
	const char *reason;
} reasons[] = {
	{ 200, "OK" },
	{ 301, "Moved Permanently" },
	{ 400, "Bad Request" },
	{ 403, "Forbidden" },
	{ 404, "Not Found" },
	{ 405, "Method Not Allowed" },
	{ 500, "Internal Server Error" },
	{ 505, "HTTP Version Not Supported" },
};

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static const char *reason_of(int code)
{
	for (size_t i = 0; i < sizeof(reasons) / sizeof(reasons[0]); i++)
		if (reasons[i].code == code)
			return reasons[i].reason;
	return "Unknown";
}

static const char *mimetype_of(const char *path)
{
	const char *dot = strrchr(path, '.');

	for (size_t i = 0; dot && i < sizeof(mimetypes) / sizeof(mimetypes[0]);
	     i++)
		if (strcasecmp(dot, mimetypes[i].ext) == 0)
			return mimetypes[i].type;
	return "application/octet-stream";
}

/* Memory in use on this machine (the whole guest, for a unikernel). */
static long mem_used_kib(void)
{
#ifdef __linux__
	struct sysinfo si;

	if (sysinfo(&si) == 0)
		return (long)(((unsigned long long)si.totalram - si.freeram) *
		    si.mem_unit / 1024);
#endif
	return -1;
}

static void print_stats(FILE *f)
{
	fprintf(f, "requests %lu\nconnections %lu\nmem_used_kib %ld\n",
	    nrequests, naccepted, mem_used_kib());
}

/* Queue a response head, and body (len bytes) unless head_only. */
static int respond(struct conn *c, int code, const char *type,
    const char *extra, const char *body, size_t len, int head_only)
{
	int n;

	n = snprintf(c->out, OUTBUF,
	    "HTTP/1.1 %d %s\r\nServer: httpd\r\nContent-Length: %zu\r\n"
	    "Content-Type: %s\r\n%s%s\r\n",
	    code, reason_of(code), len, type, extra ? extra : "",
	    c->keepalive ? "" : "Connection: close\r\n");
	if (n < 0 || (size_t)n >= OUTBUF)
		return -1;
	c->outlen = (size_t)n;
	if (!head_only && body != NULL) {
		if (len > OUTBUF - c->outlen)
			return -1;
		memcpy(c->out + c->outlen, body, len);
		c->outlen += len;
	}
	c->outoff = 0;
	return 0;
}

static int respond_error(struct conn *c, int code, const char *extra,
    int head_only)
{
	char body[128];
	int n = snprintf(body, sizeof(body), "%d %s\n", code, reason_of(code));

	if (code == 400 || code == 505)
		c->keepalive = 0; /* we cannot tell where the next request is */
	return respond(c, code, "text/plain; charset=utf-8", extra, body,
	    (size_t)n, head_only);
}

/* Decode %XX in place; -1 on a bad escape or an encoded NUL. */
static int url_decode(char *s)
{
	char *d = s;

	for (; *s; s++) {
		if (*s == '%') {
			int hi, lo;
			if (!isxdigit((unsigned char)s[1]) ||
			    !isxdigit((unsigned char)s[2]))
				return -1;
			hi = isdigit((unsigned char)s[1]) ? s[1] - '0' :
							    (tolower(s[1]) - 'a' + 10);
			lo = isdigit((unsigned char)s[2]) ? s[2] - '0' :
							    (tolower(s[2]) - 'a' + 10);
			if (hi == 0 && lo == 0)
				return -1;
			*d++ = (char)(hi * 16 + lo);
			s += 2;
		} else {
			*d++ = *s;
		}
	}
	*d = '\0';
	return 0;
}

/* Whether path has a ".." segment (which could leave the root). */
static int has_dotdot(const char *p)
{
	for (const char *s = p; (s = strstr(s, "..")) != NULL; s += 2)
		if ((s == p || s[-1] == '/') && (s[2] == '\0' || s[2] == '/'))
			return 1;
	return 0;
}

/* An HTML listing of directory fs (URL path url) as the body. */
static int respond_listing(struct conn *c, const char *fs, const char *url,
    int head_only)
{
	char body[OUTBUF / 2];
	size_t n = 0;
	struct dirent *e;
	DIR *d = opendir(fs);

	if (d == NULL)
		return respond_error(c, 403, NULL, head_only);
	n += (size_t)snprintf(body, sizeof(body),
	    "<!DOCTYPE html>\n<title>%s</title>\n<ul>\n", url);
	while ((e = readdir(d)) != NULL && n < sizeof(body) - 600) {
		if (e->d_name[0] == '.' || strpbrk(e->d_name, "<>&\"") != NULL)
			continue;
		n += (size_t)snprintf(body + n, sizeof(body) - n,
		    "<li><a href=\"%s\">%s</a>\n", e->d_name, e->d_name);
	}
	closedir(d);
	n += (size_t)snprintf(body + n, sizeof(body) - n, "</ul>\n");
	return respond(c, 200, "text/html; charset=utf-8", NULL, body, n,
	    head_only);
}

/* Serve path (decoded, starting with '/'). */
static int serve(struct conn *c, const char *path, int head_only)
{
	char fs[PATH_MAX], extra[INBUF + 32];
	struct stat st;
	int fd;

	if (stats_enabled && strcmp(path, STATS_PATH) == 0) {
		char body[256];
		FILE *f = fmemopen(body, sizeof(body), "w");
		if (f == NULL)
			return respond_error(c, 500, NULL, head_only);
		print_stats(f);
		long n = ftell(f);
		fclose(f);
		return respond(c, 200, "text/plain", NULL, body, (size_t)n,
		    head_only);
	}
	if (stats_enabled && strcmp(path, EXIT_PATH) == 0) {
		c->exit_after = 1;
		c->keepalive = 0;
		return respond(c, 200, "text/plain", NULL, "bye\n", 4, head_only);
	}
	if (snprintf(fs, sizeof(fs), "%s%s", root, path) >= (int)sizeof(fs))
		return respond_error(c, 404, NULL, head_only);
	if (stat(fs, &st) != 0)
		return respond_error(c, errno == EACCES ? 403 : 404, NULL,
		    head_only);
	if (S_ISDIR(st.st_mode)) {
		size_t l = strlen(fs);
		if (path[strlen(path) - 1] != '/') {
			snprintf(extra, sizeof(extra), "Location: %s/\r\n", path);
			return respond_error(c, 301, extra, head_only);
		}
		if (l + sizeof("index.html") > sizeof(fs))
			return respond_error(c, 404, NULL, head_only);
		strcpy(fs + l, "index.html");
		if (stat(fs, &st) != 0) {
			fs[l] = '\0';
			if (listing)
				return respond_listing(c, fs, path, head_only);
			return respond_error(c, 404, NULL, head_only);
		}
	}
	if (!S_ISREG(st.st_mode))
		return respond_error(c, 403, NULL, head_only);
	if ((fd = open(fs, O_RDONLY | O_CLOEXEC)) < 0)
		return respond_error(c, errno == EACCES ? 403 : 404, NULL,
		    head_only);
	if (respond(c, 200, mimetype_of(fs), NULL, NULL, (size_t)st.st_size,
	    1) != 0) {
		close(fd);
		return -1;
	}
	if (head_only || st.st_size == 0) {
		close(fd);
		return 0;
	}
	c->file = fd;
	c->fileoff = 0;
	c->fileend = st.st_size;
	return 0;
}

/* The value of header name in head (lines after the first), or NULL. */
static char *header(char *head, const char *name)
{
	size_t nl = strlen(name);

	for (char *l = strchr(head, '\n'); l != NULL; l = strchr(l, '\n')) {
		l++;
		if (strncasecmp(l, name, nl) == 0 && l[nl] == ':') {
			char *v = l + nl + 1;
			while (*v == ' ' || *v == '\t')
				v++;
			return v;
		}
	}
	return NULL;
}

/* Whether the header value v (up to the line end) has token t. */
static int has_token(const char *v, const char *t)
{
	size_t tl = strlen(t);

	while (v && *v && *v != '\r' && *v != '\n') {
		while (*v == ' ' || *v == ',')
			v++;
		if (strncasecmp(v, t, tl) == 0 &&
		    strchr(" ,\r\n", v[tl]) != NULL)
			return 1;
		v += strcspn(v, ",\r\n");
	}
	return 0;
}

/*
 * Handle the request head in c->in[0..len) (NUL-terminated in place):
 * queue the response.  -1: close the connection without one.
 */
static int handle(struct conn *c, char *head)
{
	char *method, *target, *version, *sp, *q, *v, *hdrs;
	int head_only, minor;

	nrequests++;
	c->keepalive = 1;
	hdrs = strchr(head, '\n'); /* header() starts after this line */
	method = head;
	if ((sp = strchr(method, ' ')) == NULL)
		return respond_error(c, 400, NULL, 0);
	*sp = '\0';
	target = sp + 1;
	if ((sp = strchr(target, ' ')) == NULL)
		return respond_error(c, 400, NULL, 0);
	*sp = '\0';
	version = sp + 1;
	version[strcspn(version, "\r\n")] = '\0';
	head_only = strcmp(method, "HEAD") == 0;
	if (strncmp(version, "HTTP/", 5) != 0 || !isdigit((unsigned char)version[5]))
		return respond_error(c, 400, NULL, head_only);
	if (strcmp(version, "HTTP/1.1") == 0)
		minor = 1;
	else if (strcmp(version, "HTTP/1.0") == 0)
		minor = 0;
	else
		return respond_error(c, 505, NULL, head_only);
	v = header(hdrs, "Connection");
	if (minor == 0)
		c->keepalive = v != NULL && has_token(v, "keep-alive");
	else if (v != NULL && has_token(v, "close"))
		c->keepalive = 0;
	if (verbose)
		fprintf(stderr, "httpd: %s %s %s\n", method, target, version);
	if (header(hdrs, "Transfer-Encoding") != NULL ||
	    ((v = header(hdrs, "Content-Length")) != NULL && atol(v) != 0))
		return respond_error(c, 400, NULL, head_only); /* no bodies */
	if (strcmp(method, "GET") != 0 && !head_only)
		return respond_error(c, 405, "Allow: GET, HEAD\r\n", 0);
	if ((q = strchr(target, '?')) != NULL)
		*q = '\0';
	if (target[0] != '/' || url_decode(target) != 0 || has_dotdot(target))
		return respond_error(c, 400, NULL, head_only);
	return serve(c, target, head_only);
}

/* Find a complete head in c->in; its length with the blank line, or 0. */
static size_t head_length(const struct conn *c)
{
	for (size_t i = 0; i + 1 < c->inlen; i++) {
		if (c->in[i] != '\n')
			continue;
		if (c->in[i + 1] == '\n')
			return i + 2;
		if (i + 2 < c->inlen && c->in[i + 1] == '\r' && c->in[i + 2] == '\n')
			return i + 3;
	}
	return 0;
}

static void conn_close(struct conn *c)
{
	if (c->file >= 0)
		close(c->file);
	close(c->fd);
	free(c->out);
	free(c);
}

/* Start the next pipelined request if one is complete; -1 to close. */
static int next_request(struct conn *c)
{
	size_t hl = head_length(c);
	char head[INBUF + 1];

	if (hl == 0) {
		if (c->inlen == INBUF) {
			c->keepalive = 0;
			return respond_error(c, 400, NULL, 0);
		}
		return 0;
	}
	memcpy(head, c->in, hl);
	head[hl] = '\0';
	c->inlen -= hl;
	memmove(c->in, c->in + hl, c->inlen);
	/* Leading blank lines before a request are allowed (RFC 9112 2.2). */
	if (head[0] == '\r' || head[0] == '\n')
		return next_request(c);
	return handle(c, head);
}

static int busy(const struct conn *c)
{
	return c->outoff < c->outlen || c->file >= 0;
}

/* Send what is queued; -1 on error, 0 otherwise. */
static int flush_out(struct conn *c)
{
	static char buf[65536];

	while (c->outoff < c->outlen) {
		ssize_t n = write(c->fd, c->out + c->outoff, c->outlen - c->outoff);
		if (n < 0)
			return errno == EAGAIN || errno == EINTR ? 0 : -1;
		c->outoff += (size_t)n;
	}
	while (c->file >= 0 && c->fileoff < c->fileend) {
		size_t want = (size_t)(c->fileend - c->fileoff);
		ssize_t n = -1;
#ifdef __linux__
		off_t off = c->fileoff;
		n = sendfile(c->fd, c->file, &off, want > (1 << 20) ? 1 << 20 : want);
		if (n < 0 && (errno == EINVAL || errno == ENOSYS))
#endif
		{
			ssize_t r = pread(c->file, buf,
			    want > sizeof(buf) ? sizeof(buf) : want, c->fileoff);
			if (r <= 0)
				return -1; /* the file shrank */
			n = write(c->fd, buf, (size_t)r);
		}
		if (n < 0)
			return errno == EAGAIN || errno == EINTR ? 0 : -1;
		if (n == 0)
			return -1;
		c->fileoff += n;
	}
	if (c->file >= 0) {
		close(c->file);
		c->file = -1;
	}
	return 0;
}

/*
 * Before exiting (which may power a unikernel off at once): send our
 * FIN and wait up to 2 s for the peer's, so the answer is delivered.
 */
static void linger_close(struct conn *c)
{
	struct pollfd p = { c->fd, POLLIN, 0 };
	char buf[512];

	shutdown(c->fd, SHUT_WR);
	while (poll(&p, 1, 2000) > 0 && read(c->fd, buf, sizeof(buf)) > 0)
		;
}

/*
 * Make progress on c after poll said it is ready: read, answer, send.
 * Returns -1 when the connection is to be closed.
 */
static int service(struct conn *c, short revents)
{
	if (revents & (POLLIN | POLLHUP | POLLERR)) {
		if (c->inlen == INBUF && busy(c))
			goto write;
		ssize_t n = read(c->fd, c->in + c->inlen, INBUF - c->inlen);
		if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR))
			return -1;
		if (n > 0) {
			c->inlen += (size_t)n;
			c->active = time(NULL);
		}
	}
write:
	for (;;) {
		if (busy(c)) {
			if (flush_out(c) != 0)
				return -1;
			if (busy(c))
				return 0; /* poll for POLLOUT */
			c->active = time(NULL);
			if (c->exit_after) {
				linger_close(c);
				stop = 1;
			}
			if (!c->keepalive)
				return -1;
		}
		c->outlen = c->outoff = 0;
		if (next_request(c) != 0)
			return -1;
		if (!busy(c))
			return 0;
	}
}

static int listen_on(const char *addr, int port)
{
	struct sockaddr_in sin;
	int fd, one = 1;

	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_port = htons((uint16_t)port);
	if (inet_pton(AF_INET, addr, &sin.sin_addr) != 1) {
		fprintf(stderr, "httpd: '%s' is not an IPv4 address\n", addr);
		return -1;
	}
	if ((fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC,
	    0)) < 0) {
		perror("httpd: socket");
		return -1;
	}
	(void)setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(fd, (struct sockaddr *)&sin, sizeof(sin)) != 0 ||
	    listen(fd, 128) != 0) {
		fprintf(stderr, "httpd: %s:%d: %s\n", addr, port, strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
}

static void accept_all(int lfd, struct conn **conns, int *nconns)
{
	while (*nconns < maxconn) {
		int fd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
		if (fd < 0)
			return;
		struct conn *c = calloc(1, sizeof(*c));
		if (c == NULL || (c->out = malloc(OUTBUF)) == NULL) {
			free(c);
			close(fd);
			return;
		}
		int one = 1;
		(void)setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
		c->fd = fd;
		c->file = -1;
		c->active = time(NULL);
		conns[(*nconns)++] = c;
		naccepted++;
	}
}

static void usage(void)
{
	fprintf(stderr, "usage: httpd [-p PORT] [-a ADDR] [-c MAXCONN] [-l] "
			"[-s] [-v] DIR\n"
			"  -p PORT     port to listen on (default 80)\n"
			"  -a ADDR     IPv4 address to listen on (default 0.0.0.0)\n"
			"  -c MAXCONN  connections served at once (default 1024)\n"
			"  -l          list directories without index.html\n"
			"  -s          answer " STATS_PATH " (requests, memory)"
			" and " EXIT_PATH "\n"
			"  -v          log requests on standard error\n");
	exit(2);
}

int main(int argc, char **argv)
{
	const char *addr = "0.0.0.0";
	struct pollfd *pfd;
	struct conn **conns;
	struct stat st;
	int port = 80, opt, lfd, nconns = 0;
	char *end;

	while ((opt = getopt(argc, argv, "p:a:c:lsv")) != -1) {
		switch (opt) {
		case 'p':
			port = (int)strtol(optarg, &end, 10);
			if (*end != '\0' || port < 1 || port > 65535) {
				fprintf(stderr, "httpd: -p %s: not a port\n", optarg);
				return 2;
			}
			break;
		case 'a':
			addr = optarg;
			break;
		case 'c':
			maxconn = (int)strtol(optarg, &end, 10);
			if (*end != '\0' || maxconn < 1 || maxconn > 65536) {
				fprintf(stderr, "httpd: -c %s: not 1..65536\n", optarg);
				return 2;
			}
			break;
		case 'l':
			listing = 1;
			break;
		case 's':
			stats_enabled = 1;
			break;
		case 'v':
			verbose = 1;
			break;
		default:
			usage();
		}
	}
	if (optind != argc - 1)
		usage();
	root = argv[optind];
	if (stat(root, &st) != 0 || !S_ISDIR(st.st_mode)) {
		fprintf(stderr, "httpd: %s: not a directory\n", root);
		return 2;
	}
	if (strcmp(root, "/") == 0)
		root = ""; /* paths start with '/' already */
	signal(SIGPIPE, SIG_IGN);
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	if ((lfd = listen_on(addr, port)) < 0)
		return 1;
	pfd = calloc((size_t)maxconn + 1, sizeof(*pfd));
	conns = calloc((size_t)maxconn, sizeof(*conns));
	if (pfd == NULL || conns == NULL) {
		fprintf(stderr, "httpd: out of memory\n");
		return 1;
	}
	printf("httpd: serving %s on %s:%d\n", argv[optind], addr, port);
	fflush(stdout);

	while (!stop) {
		pfd[0] = (struct pollfd){ lfd, nconns < maxconn ? POLLIN : 0, 0 };
		for (int i = 0; i < nconns; i++)
			pfd[i + 1] = (struct pollfd){ conns[i]->fd,
				busy(conns[i]) ? POLLOUT : POLLIN, 0 };
		int n = poll(pfd, (nfds_t)nconns + 1, 1000);
		if (n < 0 && errno != EINTR) {
			perror("httpd: poll");
			return 1;
		}
		time_t now = time(NULL);
		int polled = nconns;
		/* Back to front, so that closing moves only served entries. */
		for (int i = polled - 1; i >= 0; i--) {
			short re = n > 0 ? pfd[i + 1].revents : 0;
			int close_it = 0;
			if (re != 0)
				close_it = service(conns[i], re) != 0;
			else if (now - conns[i]->active > IDLE_SECONDS)
				close_it = 1;
			if (close_it) {
				conn_close(conns[i]);
				conns[i] = conns[--nconns];
			}
		}
		if (n > 0 && (pfd[0].revents & POLLIN))
			accept_all(lfd, conns, &nconns);
	}
	for (int i = 0; i < nconns; i++)
		conn_close(conns[i]);
	close(lfd);
	free(pfd);
	free(conns);
	fprintf(stderr, "httpd: exiting\n");
	print_stats(stderr);
	return 0;
}
