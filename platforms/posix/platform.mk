POSIX_SRCS := init.c param.c mem.c console.c exit.c clock.c random.c thread.c curlwp.c sync_mutex.c sync_rw.c sync_cv.c file.c bio.c errno.c tls.c
