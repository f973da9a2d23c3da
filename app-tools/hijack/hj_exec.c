/*
 * hj_exec.c -- execve: the new image loads its own hijack library with
 * a new connection; hj_exec_var describes what it takes over (a remote
 * cwd, remote descriptors not closed on exec).  Shells pass
 * environments of their own making, so the variable goes into envp
 * here.  glibc's execvp and posix_spawn reach execve inside libc, past
 * this wrapper: programs exec'd that way start without a hand-over.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hijack.h"

int
execve(const char *path, char *const argv[], char *const envp[])
{
	char *var = hj_exec_var(), **env;
	size_t n = 0, j = 0;
	int r;

	if (var == NULL)
		return HOST(execve)(path, argv, envp);
	while (envp != NULL && envp[n] != NULL)
		n++;
	env = calloc(n + 2, sizeof(*env));
	if (env == NULL) {
		free(var);
		errno = ENOMEM;
		return -1;
	}
	env[j++] = var;
	for (size_t i = 0; i < n; i++)
		if (strncmp(envp[i], "RUMPHIJACK_EXEC=", 16) != 0)
			env[j++] = envp[i];
	env[j] = NULL;
	r = HOST(execve)(path, argv, env);
	free(env);
	free(var);
	return r;
}
