/*
 * domain.c -- the registry of address families: components register a
 * struct domain at init, socket(2) looks protocols up here.
 */
#include "net_int.h"

static kmutex_t domain_lock;
static struct domain *domains;
static bool domain_ready;

static void
domain_setup(void)
{
	/* Components register from rump_init, which runs one init at a
	 * time, so the first call may set the lock up unguarded. */
	if (!domain_ready) {
		mutex_init(&domain_lock, MUTEX_DEFAULT);
		domain_ready = true;
	}
}

int
domain_register(struct domain *dom)
{
	struct domain *d;

	domain_setup();
	mutex_enter(&domain_lock);
	for (d = domains; d != NULL; d = d->dom_next) {
		if (d->dom_family == dom->dom_family) {
			mutex_exit(&domain_lock);
			return -EEXIST;
		}
	}
	dom->dom_next = domains;
	domains = dom;
	mutex_exit(&domain_lock);
	return 0;
}

int
protosw_find(int family, int type, int protocol,
    const struct protosw **prp)
{
	struct domain *d;
	bool type_known = false;

	domain_setup();
	mutex_enter(&domain_lock);
	for (d = domains; d != NULL; d = d->dom_next)
		if (d->dom_family == family)
			break;
	mutex_exit(&domain_lock);
	if (d == NULL)
		return -EAFNOSUPPORT;
	/* The first entry of a type is its default protocol. */
	for (int i = 0; i < d->dom_nprotosw; i++) {
		const struct protosw *pr = &d->dom_protosw[i];

		if (pr->pr_type != type)
			continue;
		type_known = true;
		if (protocol == 0 || protocol == pr->pr_protocol) {
			*prp = pr;
			return 0;
		}
	}
	return type_known ? -EPROTONOSUPPORT : -ESOCKTNOSUPPORT;
}
