/*
 * file: the one way adr-log replaces a file in the work tree or the git
 * folder (commit message files, hook shims, the README index): write a
 * temporary file beside it, sync, then rename over it, so a crash or
 * Ctrl-C leaves the old content or the new one, never a truncated file.
 */
#ifndef ADRLOG_FILE_H
#define ADRLOG_FILE_H

#include <stddef.h>

/* mode for file_write_atomic: keep the file's mode, or the umask default. */
#define FILE_MODE_KEEP (-1)

/*
 * Replace path with data[0..len).  mode is the new file's permission bits,
 * or FILE_MODE_KEEP.  Returns 0, or -1 with "cannot write '<path>': why".
 */
int file_write_atomic(const char *path, const char *data, size_t len, int mode);

/*
 * The same, with the sync before the rename optional: a cache file that
 * is lost in a crash is rebuilt, and its readers check it whole.
 */
int file_replace(const char *path, const char *data, size_t len, int mode, int sync);

#endif
