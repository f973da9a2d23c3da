# components/dev -- devices: /dev with null, zero, full, random, urandom,
# tty and console (librumpdev.a).
COMPONENTS += rumpdev
rumpdev_DIR := components/dev
rumpdev_SRCS := dev_init.c dev_mem.c dev_console.c dev_stdio.c
rumpdev_REQUIRES := rumpvfs
rumpdev_DESC := rump kernel devices (/dev: null, zero, full, random, console)
rumpdev_KCONFIG := RUMP_DEV
