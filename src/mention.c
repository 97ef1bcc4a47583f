/* mention: STUB, replaced by the history work. */
#include "mention.h"

#include <stdlib.h>

void mention_scan_ids(const char *msg, struct mention_list *out) { (void)msg; (void)out; }
void mention_scan_paths(const char *msg, struct strvec *out) { (void)msg; (void)out; }
void mention_list_clear(struct mention_list *ml)
{
	for (size_t i = 0; i < ml->nr; i++) {
		free(ml->v[i].id);
		free(ml->v[i].base);
	}
	free(ml->v);
	free(ml->none_reason);
	ml->v = NULL;
	ml->nr = ml->alloc = 0;
	ml->none = 0;
	ml->none_reason = NULL;
}
