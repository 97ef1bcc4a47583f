#ifndef ADRLOG_TREEMODE_H
#define ADRLOG_TREEMODE_H
/*
 * treemode: a raw tree entry's mode read as git reads it (canon_mode):
 * octal text, zero-padded or not, judged by its file-type bits alone, so
 * "040000" is a folder and 100664 (old git's group-writable files) a
 * regular file.  Shared by the walk's raw tree readers and its diff.
 */
#include <stddef.h>
#include <stdint.h>

/* The mode written as p[0..n), or 0 when it is not octal (or too long). */
uint32_t tree_mode_parse(const char *p, size_t n);

/* Whether mode is a folder, or a regular file (any permission bits). */
int tree_mode_is_tree(uint32_t mode);
int tree_mode_is_file(uint32_t mode);

#endif
