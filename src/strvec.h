/*
 * strvec: a growable, NULL-terminated array of owned strings (git's strvec).
 * Used for path lists, id lists and commit lists throughout the model.
 */
#ifndef ADRLOG_STRVEC_H
#define ADRLOG_STRVEC_H

#include <stddef.h>

struct strvec {
	char **v;	/* NULL-terminated once anything was pushed; may be NULL */
	size_t nr;
	size_t alloc;
};

#define STRVEC_INIT { NULL, 0, 0 }

void strvec_init(struct strvec *sv);
/* Append a copy of s; returns the stored copy. */
const char *strvec_push(struct strvec *sv, const char *s);
/* Append s itself; sv takes ownership. */
void strvec_push_owned(struct strvec *sv, char *s);
/* Append a copy of s unless an equal string is already there. */
void strvec_push_unique(struct strvec *sv, const char *s);
/* Index of s in sv, or -1. */
long strvec_find(const struct strvec *sv, const char *s);
void strvec_clear(struct strvec *sv);

#endif
