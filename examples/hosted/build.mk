# examples/hosted/build.mk -- the hosted demo, installed as rumprun/bin/rump-hello.
$(OBJDIR)/bin/rump-hello: $(TOPDIR)/examples/hosted/rump-hello.c $(KERN_LIBS) $(PLATFORM_LIBS)
	@mkdir -p $(@D)
	$(Q)$(CC) $(HOST_CFLAGS) -o $@ $< $(OBJDIR)/lib/librump.a $(OBJDIR)/lib/librumpuser.a $(HOST_LDFLAGS)
HOSTED_PROGS += $(OBJDIR)/bin/rump-hello
