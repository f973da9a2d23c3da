/*
 * base.h -- interfaces between the files of the image start-up glue.
 */
#ifndef RUMPRUN_BASE_H
#define RUMPRUN_BASE_H

/* Exit status of an image whose configuration could not be applied. */
#define RUMPRUN_EXIT_CONFIG 78

/* rumprun_main.c */
int rumprun_main(const char *cmdline);
const char *rumprun_boot_json(void);

/*
 * bootconf.c: rumprun_run_config parses the boot JSON, applies it
 * (environment, hostname, mounts, interfaces, cwd) and runs main with its
 * argv; returns main's status, or RUMPRUN_EXIT_CONFIG after a message
 * when the configuration is wrong.
 */
int rumprun_run_config(const char *json);

/*
 * bootnet.c: apply the "net" key (an array of interfaces): create them,
 * set addresses, routes and name servers; 0, or RUMPRUN_EXIT_CONFIG
 * after a message naming the entry and key.
 */
struct json;
int rumprun_config_net(const struct json *net);

/* stdio.c: descriptors 0, 1, 2 on the console; 0 or an errno. */
int rumprun_setup_stdio(void);

/*
 * rootfs.c: unpack the archive rumprun-bake linked in into the root file
 * system; 0, or RUMPRUN_EXIT_CONFIG after a message.
 */
int rumprun_unpack_rootfs(void);

#endif /* RUMPRUN_BASE_H */
