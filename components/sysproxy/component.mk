# components/sysproxy -- the kernel side of the remote system call
# protocol (librumpkern_sysproxy.a): lets rump_server make a process's
# copyin/copyout reach its client over the connection.
COMPONENTS += rumpkern_sysproxy
rumpkern_sysproxy_DIR := components/sysproxy
rumpkern_sysproxy_SRCS := sysproxy.c
rumpkern_sysproxy_REQUIRES := rumpsys
rumpkern_sysproxy_DESC := rump kernel remote system call support (for rump_server)
rumpkern_sysproxy_KCONFIG := RUMP_SYSPROXY
