/*
 * frontmatter: the YAML front matter of a Markdown ADR (log4brains, MADR 3),
 * read by line rules: `---` as the first line up to the next `---` or
 * `...` line.  Only flat `key: value` pairs and simple lists are needed.
 */
#ifndef ADRLOG_FRONTMATTER_H
#define ADRLOG_FRONTMATTER_H

#include <stddef.h>

#include "strvec.h"

/*
 * When text[0..len) (LF line ends) starts with front matter, set *fm_off
 * and *fm_len to its inside (between the fence lines), *body_off to the
 * first byte after the closing line, and return 1; else return 0.
 */
int frontmatter_split(const char *text, size_t len, size_t *fm_off,
		      size_t *fm_len, size_t *body_off);

/*
 * The scalar value of key (case-insensitive) in fm[0..len), trimmed, with
 * matching quotes removed; NULL when absent or empty.  Caller frees.
 */
char *frontmatter_get(const char *fm, size_t len, const char *key);

/*
 * The items of key: a flow list "[a, b]", a scalar "a, b" or block list
 * lines "  - a" under it; each trimmed and unquoted, pushed to out.
 */
void frontmatter_get_list(const char *fm, size_t len, const char *key,
			  struct strvec *out);

#endif
