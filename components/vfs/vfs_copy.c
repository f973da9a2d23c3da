/*
 * vfs_copy.c -- sendfile(2) and copy_file_range(2): copies between
 * descriptors through a kernel buffer, using the files' own read and
 * write operations.  Weak: the system call layer may provide them.
 */
#include "vfs_int.h"

#define COPY_CHUNK (16 * PAGE_SIZE)

/* Move up to count bytes; offsets NULL mean the files' own offsets. */
static ssize_t
copy_files(struct file *in, off_t *inoff, struct file *out, off_t *outoff,
    size_t count)
{
	char *buf = kmem_alloc(COPY_CHUNK, KM_SLEEP);
	size_t done = 0;
	ssize_t error = 0;

	if (buf == NULL)
		return -ENOMEM;
	while (done < count) {
		size_t want = MIN(count - done, COPY_CHUNK);
		struct iovec iov = { buf, want };
		struct uio uio = { .uio_iov = &iov, .uio_iovcnt = 1,
			.uio_offset = inoff != NULL ? *inoff : 0,
			.uio_resid = want, .uio_rw = UIO_READ,
			.uio_user = false };
		ssize_t n, w;

		n = in->f_ops->fo_read(in, &uio,
		    inoff != NULL ? 0 : FOF_UPDATE_OFFSET);
		if (n <= 0) {
			error = n;
			break;
		}
		iov = (struct iovec){ buf, (size_t)n };
		uio = (struct uio){ .uio_iov = &iov, .uio_iovcnt = 1,
			.uio_offset = outoff != NULL ? *outoff : 0,
			.uio_resid = (size_t)n, .uio_rw = UIO_WRITE,
			.uio_user = false };
		w = out->f_ops->fo_write(out, &uio,
		    outoff != NULL ? 0 : FOF_UPDATE_OFFSET);
		if (w < 0) {
			error = w;
			break;
		}
		if (inoff != NULL)
			*inoff += w;
		else if (w < n) {
			/* Give back what was read but not written. */
			mutex_enter(&in->f_lock);
			in->f_offset -= n - w;
			mutex_exit(&in->f_lock);
		}
		if (outoff != NULL)
			*outoff += w;
		done += (size_t)w;
		if (w < n)
			break;
	}
	kmem_free(buf, COPY_CHUNK);
	return done > 0 ? (ssize_t)done : error;
}

__attribute__((__weak__)) long
sys_sendfile(int out_fd, int in_fd, off_t *offset, size_t count)
{
	struct file *in, *out;
	off_t off;
	long n;

	in = fd_getfile(in_fd);
	if (in == NULL)
		return -EBADF;
	out = fd_getfile(out_fd);
	if (out == NULL) {
		file_rele(in);
		return -EBADF;
	}
	if ((in->f_flag & O_ACCMODE) == O_WRONLY || (in->f_flag & O_PATH) ||
	    (out->f_flag & O_ACCMODE) == O_RDONLY || (out->f_flag & O_PATH)) {
		n = -EBADF;
		goto out;
	}
	/* The source must be a file with data (Linux: mmap-able). */
	if (in->f_vnode == NULL || !S_ISREG(in->f_vnode->v_type) ||
	    (out->f_flag & O_APPEND)) {
		n = -EINVAL;
		goto out;
	}
	if (offset != NULL) {
		n = copyin(offset, &off, sizeof(off));
		if (n != 0)
			goto out;
		if (off < 0) {
			n = -EINVAL;
			goto out;
		}
	}
	n = copy_files(in, offset != NULL ? &off : NULL, out, NULL, count);
	if (offset != NULL && n >= 0) {
		int error = copyout(&off, offset, sizeof(off));
		if (error != 0)
			n = error;
	}
out:
	file_rele(out);
	file_rele(in);
	return n;
}

__attribute__((__weak__)) long
sys_copy_file_range(int fd_in, loff_t *off_in, int fd_out, loff_t *off_out,
    size_t len, unsigned int flags)
{
	struct file *in, *out;
	loff_t inoff = 0, outoff = 0;
	long n;

	if (flags != 0)
		return -EINVAL;
	in = fd_getfile(fd_in);
	if (in == NULL)
		return -EBADF;
	out = fd_getfile(fd_out);
	if (out == NULL) {
		file_rele(in);
		return -EBADF;
	}
	if ((in->f_flag & O_ACCMODE) == O_WRONLY || (in->f_flag & O_PATH) ||
	    (out->f_flag & O_ACCMODE) == O_RDONLY || (out->f_flag & O_PATH) ||
	    (out->f_flag & O_APPEND)) {
		n = -EBADF;
		goto out;
	}
	if (in->f_vnode == NULL || out->f_vnode == NULL) {
		n = -EINVAL;
		goto out;
	}
	if (vn_isdir(in->f_vnode) || vn_isdir(out->f_vnode)) {
		n = -EISDIR;
		goto out;
	}
	if (!S_ISREG(in->f_vnode->v_type) || !S_ISREG(out->f_vnode->v_type)) {
		n = -EINVAL;
		goto out;
	}
	if (off_in != NULL && (n = copyin(off_in, &inoff, sizeof(inoff))) != 0)
		goto out;
	if (off_out != NULL &&
	    (n = copyin(off_out, &outoff, sizeof(outoff))) != 0)
		goto out;
	if (inoff < 0 || outoff < 0) {
		n = -EINVAL;
		goto out;
	}
	/* Overlapping ranges of one file are refused, as on Linux. */
	if (in->f_vnode == out->f_vnode) {
		off_t a = off_in != NULL ? inoff : in->f_offset;
		off_t b = off_out != NULL ? outoff : out->f_offset;
		if ((off_t)(a + (off_t)len) > b && (off_t)(b + (off_t)len) > a) {
			n = -EINVAL;
			goto out;
		}
	}
	n = copy_files(in, off_in != NULL ? &inoff : NULL, out,
	    off_out != NULL ? &outoff : NULL, len);
	if (n >= 0 && off_in != NULL && copyout(&inoff, off_in, sizeof(inoff)))
		n = -EFAULT;
	if (n >= 0 && off_out != NULL &&
	    copyout(&outoff, off_out, sizeof(outoff)))
		n = -EFAULT;
out:
	file_rele(out);
	file_rele(in);
	return n;
}
