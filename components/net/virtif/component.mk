# components/net/virtif -- virtual Ethernet interfaces over the host's
# network back ends (<rumpcomp_netif.h>: tap and the shared-memory bus
# hosted, virtio-net on hw) (librumpnet_virtif.a).
COMPONENTS += rumpnet_virtif
rumpnet_virtif_DIR := components/net/virtif
rumpnet_virtif_SRCS := virtif.c virtif_io.c
# Hosted, the back ends are a library of their own beside librumpuser
# (platforms/posix/netif.mk); on hw they are part of the platform.  The
# pkg-config files describe hosted linking (rump.pc names librumpuser),
# and an hw build installs the same files into the same place, so the
# requirement is unconditional.
rumpnet_virtif_REQUIRES := rumpnet_inet rumpcomp_netif
rumpnet_virtif_DESC := rump kernel virtual Ethernet interfaces (tap, shared-memory bus, virtio-net)
rumpnet_virtif_KCONFIG := RUMP_NET_VIRTIF
