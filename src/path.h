#ifndef ADR_PATH_H
#define ADR_PATH_H

#include "strbuf.h"

/*
 * Paths of a tree, resolved lexically: no file system is consulted, since
 * the path may exist only in git objects.
 */

/*
 * Resolve the "." and ".." parts of rel (relative to the top of the tree;
 * a leading '/' is ignored) into out, dropping empty parts.  -1, with out
 * empty, when a ".." leaves the top.
 */
int path_lexical(struct strbuf *out, const char *rel);

/*
 * Resolve target as a link written in the file from: relative to from's
 * folder, or to the top when it starts with '/'.  -1 as path_lexical().
 */
int path_resolve_link(struct strbuf *out, const char *from, const char *target);

#endif
