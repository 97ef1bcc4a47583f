/*
 * file: the one way adr-log reads and writes files in the work tree and
 * the git folder (commit message files, hook shims, the README index, new
 * ADRs, templates).
 *
 * Replacing a file: write a temporary file beside it, sync, then rename
 * over it, so a crash or Ctrl-C leaves the old content or the new one,
 * never a truncated file.  The last component is never followed: a
 * symbolic link there is refused, not written through.
 *
 * The work tree is untrusted (ADR 0020): a committed symbolic link must
 * never make adr-log read or write outside it.  The *_under functions take
 * the top of the work tree (trusted: the user chose it) and a path below
 * it, and open that path one component at a time with O_NOFOLLOW, so a
 * symbolic link anywhere in it (a folder or the file itself), a `..`
 * component or an absolute path is refused with a one-line error naming
 * it.  Nothing is resolved first and opened later, so there is no window
 * in which the path can be swapped for a link.
 */
#ifndef ADRLOG_FILE_H
#define ADRLOG_FILE_H

#include <stddef.h>

struct strbuf;

/* mode for file_write_atomic: keep the file's mode, or the umask default. */
#define FILE_MODE_KEEP (-1)

/*
 * Replace path with data[0..len).  mode is the new file's permission bits,
 * or FILE_MODE_KEEP.  The folders of path are the caller's (followed); a
 * symbolic link at path itself is refused.  Returns 0, or -1 with
 * "cannot write '<path>': why".
 */
int file_write_atomic(const char *path, const char *data, size_t len, int mode);

/*
 * The same, with the sync before the rename optional: a cache file that
 * is lost in a crash is rebuilt, and its readers check it whole.
 */
int file_replace(const char *path, const char *data, size_t len, int mode, int sync);

/*
 * Read path (at most max bytes) into out, appending.  The folders of path
 * are the caller's; path itself must be a regular file, not a symbolic
 * link, a FIFO or a device.  Returns 0, 1 when it does not exist, or -1
 * with "cannot read '<path>': why".
 */
int file_read(struct strbuf *out, const char *path, size_t max);

/*
 * Open the folder rel below top ("" is top itself) without following a
 * symbolic link; with create, missing folders are made.  *dirfd receives
 * the open folder (caller closes).  Returns 0, 1 when a folder is missing
 * (without create), or -1 with "refusing to use '<rel>': ..." or
 * "cannot create folder '<rel>': ...".
 */
int file_dir_under(int *dirfd, const char *top, const char *rel, int create);

/* file_read for the work-tree path rel below top (no link anywhere in it). */
int file_read_under(struct strbuf *out, const char *top, const char *rel, size_t max);

/*
 * Create the new file rel below top (its missing folders too) with
 * data[0..len); an existing file (or link) of that name is never touched:
 * -1 with "cannot create '<rel>': File exists".
 */
int file_create_under(const char *top, const char *rel, const char *data, size_t len);

/* file_write_atomic for the work-tree path rel below top. */
int file_replace_under(const char *top, const char *rel, const char *data, size_t len,
		       int mode);

/*
 * When path (absolute, or relative to the current folder) names a place
 * inside the folder top, lexically ("." and ".." resolved as text, no
 * link followed), *rel receives it relative to top (new string) and 1 is
 * returned; else 0 and *rel is NULL.
 */
int file_path_below(char **rel, const char *top, const char *path);

#endif
