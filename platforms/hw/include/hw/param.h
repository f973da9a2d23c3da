/*
 * hw/param.h -- the boot command line: KEY=VALUE parameters for
 * rumpuser_getparam and the whole line for rumprun_main.
 */
#ifndef HW_PARAM_H
#define HW_PARAM_H

#include "hw/types.h"

/* rumphw_param_init: keep cmdline (copied); called once at boot. */
void rumphw_param_init(const char *cmdline);
/* The whole boot command line. */
const char *rumphw_param_cmdline(void);
/*
 * rumphw_param_get: the value of KEY from the KEY=VALUE words before
 * "--": 0 and the value copied to buf, ENOENT, or E2BIG.
 */
int rumphw_param_get(const char *key, char *buf, size_t buflen);
/* rumphw_param_flag: whether KEY is set to something other than 0. */
bool rumphw_param_flag(const char *key);

#endif /* HW_PARAM_H */
