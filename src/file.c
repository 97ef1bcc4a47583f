/*
 * file: atomic replacement of a file, and reads and writes confined to the
 * work tree (see file.h and ADR 0020).  Used by the hooks (the commit
 * message must never be lost), hooks install, the cache, index --write
 * and new.  Everything is opened relative to an open folder (openat), one
 * component at a time, so no committed symbolic link is ever followed.
 */
#include "file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "error.h"
#include "strbuf.h"
#include "xalloc.h"

/*
 * Open the folder of path (the caller's own, so followed; "." when path
 * has none); *base gets path's last component.  -1 with errno set.
 */
static int file_open_parent(const char *path, const char **base)
{
	struct strbuf dir = STRBUF_INIT;
	const char *slash = strrchr(path, '/');
	int fd, saved;

	if (!slash)
		strbuf_addstr(&dir, ".");
	else
		strbuf_add(&dir, path, slash == path ? 1 : (size_t)(slash - path));
	*base = slash ? slash + 1 : path;
	fd = open(dir.buf, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	saved = errno;
	strbuf_release(&dir);
	errno = saved;
	return fd;
}

/*
 * Open a temporary file "<name>.adrlog-XXXXXX" in dirfd, exclusively and
 * without following a link (mkstemp has no *at form).  *tmp gets its name.
 */
static int file_temp_at(int dirfd, const char *name, struct strbuf *tmp)
{
	static unsigned counter;
	unsigned long seed = (unsigned long)getpid() * 2654435761UL ^
			     (unsigned long)time(NULL) ^ (unsigned long)clock();

	for (int tries = 0; tries < 100; tries++) {
		unsigned long r = seed + 7919UL * ++counter;
		int fd;

		strbuf_reset(tmp);
		strbuf_addf(tmp, "%s.adrlog-%06lx", name, r & 0xffffff);
		fd = openat(dirfd, tmp->buf, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
			    0600);
		if (fd >= 0 || errno != EEXIST)
			return fd;
	}
	errno = EEXIST;
	return -1;
}

/*
 * Replace name in dirfd with data; shown names the file in messages.  A
 * symbolic link at name is refused: rename() would replace the link, but
 * its mode (and, for callers that read the file first, its content) would
 * be the target's.
 */
static int file_replace_at(int dirfd, const char *name, const char *shown,
			   const char *data, size_t len, int mode, int sync)
{
	struct strbuf tmp = STRBUF_INIT;
	struct stat st;
	mode_t m;
	size_t done = 0;
	int fd, saved;

	if (!*name)
		return error_set("cannot write '%s': not a file name", shown);
	if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode))
		return error_set("refusing to write '%s': it is a symbolic link", shown);
	if (mode != FILE_MODE_KEEP) {
		m = (mode_t)mode;
	} else if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0) {
		m = st.st_mode & 07777;
	} else {
		mode_t mask = umask(022);
		umask(mask);
		m = 0666 & ~mask;
	}
	/* beside the target, so rename() never crosses a file system */
	fd = file_temp_at(dirfd, name, &tmp);
	if (fd < 0) {
		error_set("cannot write '%s': %s", shown, strerror(errno));
		strbuf_release(&tmp);
		return -1;
	}
	while (done < len) {
		ssize_t w = write(fd, data + done, len - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			goto fail;
		done += (size_t)w;
	}
	if (fchmod(fd, m) < 0 || (sync && fsync(fd) < 0))
		goto fail;
	if (close(fd) < 0) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (renameat(dirfd, tmp.buf, dirfd, name) < 0)
		goto fail;
	strbuf_release(&tmp);
	return 0;
fail:
	saved = errno;
	if (fd >= 0)
		close(fd);
	unlinkat(dirfd, tmp.buf, 0);
	error_set("cannot write '%s': %s", shown, strerror(saved));
	strbuf_release(&tmp);
	return -1;
}

int file_write_atomic(const char *path, const char *data, size_t len, int mode)
{
	return file_replace(path, data, len, mode, 1);
}

int file_replace(const char *path, const char *data, size_t len, int mode, int sync)
{
	const char *base;
	int dirfd = file_open_parent(path, &base), rc;

	if (dirfd < 0)
		return error_set("cannot write '%s': %s", path, strerror(errno));
	rc = file_replace_at(dirfd, base, path, data, len, mode, sync);
	close(dirfd);
	return rc;
}

/* file_read of name in dirfd (see file.h); shown names it in messages. */
static int file_read_at(struct strbuf *out, int dirfd, const char *name,
			const char *shown, size_t max)
{
	struct stat st;
	char buf[8192];
	size_t got = 0;
	int fd, saved;

	/* O_NONBLOCK: a FIFO planted under the name must not hang the open */
	fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOENT)
			return 1;
		if (errno == ELOOP)
			return error_set("refusing to read '%s': it is a symbolic link", shown);
		return error_set("cannot read '%s': %s", shown, strerror(errno));
	}
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return error_set("refusing to read '%s': not a regular file", shown);
	}
	if ((unsigned long long)st.st_size > max) {
		close(fd);
		return error_set("cannot read '%s': larger than %zu bytes", shown, max);
	}
	for (;;) {
		ssize_t n = read(fd, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			saved = errno;
			close(fd);
			return error_set("cannot read '%s': %s", shown, strerror(saved));
		}
		if (n == 0)
			break;
		if ((got += (size_t)n) > max) {	/* it grew while read */
			close(fd);
			return error_set("cannot read '%s': larger than %zu bytes", shown, max);
		}
		strbuf_add(out, buf, (size_t)n);
	}
	close(fd);
	return 0;
}

int file_read(struct strbuf *out, const char *path, size_t max)
{
	const char *base;
	int dirfd = file_open_parent(path, &base), rc;

	if (dirfd < 0)
		return errno == ENOENT ? 1 : error_set("cannot read '%s': %s", path,
						       strerror(errno));
	rc = file_read_at(out, dirfd, base, path, max);
	close(dirfd);
	return rc;
}

/*
 * Open the folder rel[0..n) below top, one component at a time with
 * O_NOFOLLOW (see file_dir_under).  whole names the path in messages.
 */
static int file_walk(int *out, const char *top, const char *rel, size_t n, int create,
		     const char *whole)
{
	int fd;
	size_t i = 0;

	*out = -1;
	if (*rel == '/')
		return error_set("refusing to use '%s': an absolute path is not in the "
				 "work tree", whole);
	fd = open(top, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return error_set("cannot open '%s': %s", top, strerror(errno));
	while (i < n) {
		size_t j = i;
		char *comp;
		int next;

		while (j < n && rel[j] != '/')
			j++;
		comp = xstrndup(rel + i, j - i);
		if (!*comp || !strcmp(comp, ".")) {
			free(comp);
			i = j + 1;
			continue;
		}
		if (!strcmp(comp, "..")) {
			free(comp);
			close(fd);
			return error_set("refusing to use '%s': '..' leads out of the work tree",
					 whole);
		}
		next = openat(fd, comp, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		if (next < 0 && errno == ENOENT && create) {
			if (mkdirat(fd, comp, 0777) < 0 && errno != EEXIST) {
				int saved = errno;
				error_set("cannot create folder '%.*s': %s", (int)j, rel,
					  strerror(saved));
				free(comp);
				close(fd);
				return -1;
			}
			next = openat(fd, comp, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		}
		if (next < 0) {
			int saved = errno;
			struct stat st;

			if (saved == ENOENT) {
				free(comp);
				close(fd);
				return 1;
			}
			if (fstatat(fd, comp, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode))
				error_set("refusing to use '%s': '%.*s' is a symbolic link, which "
					  "could lead out of the work tree", whole, (int)j, rel);
			else
				error_set("cannot open folder '%.*s': %s", (int)j, rel,
					  strerror(saved));
			free(comp);
			close(fd);
			return -1;
		}
		free(comp);
		close(fd);
		fd = next;
		i = j + 1;
	}
	*out = fd;
	return 0;
}

int file_dir_under(int *dirfd, const char *top, const char *rel, int create)
{
	return file_walk(dirfd, top, rel, strlen(rel), create, rel);
}

/* Length of the folder part of rel ("a/b/c.md" -> 3); 0 when none. */
static size_t file_dir_len(const char *rel)
{
	const char *slash = strrchr(rel, '/');

	return slash ? (size_t)(slash - rel) : 0;
}

/* The last component of rel. */
static const char *file_base(const char *rel)
{
	const char *slash = strrchr(rel, '/');

	return slash ? slash + 1 : rel;
}

/* A last component that is no file name: "", "." or "..". */
static int file_bad_base(const char *base)
{
	return !*base || !strcmp(base, ".") || !strcmp(base, "..");
}

int file_read_under(struct strbuf *out, const char *top, const char *rel, size_t max)
{
	int dirfd, rc;

	if (file_bad_base(file_base(rel)))
		return error_set("refusing to read '%s': not a file name", rel);
	if ((rc = file_walk(&dirfd, top, rel, file_dir_len(rel), 0, rel)) != 0)
		return rc;
	rc = file_read_at(out, dirfd, file_base(rel), rel, max);
	close(dirfd);
	return rc;
}

int file_create_under(const char *top, const char *rel, const char *data, size_t len)
{
	const char *base = file_base(rel);
	size_t done = 0;
	int dirfd, fd, rc, saved;

	if (file_bad_base(base))
		return error_set("cannot create '%s': not a file name", rel);
	if ((rc = file_walk(&dirfd, top, rel, file_dir_len(rel), 1, rel)) != 0)
		return rc < 0 ? rc : error_set("cannot create '%s': no such folder", rel);
	/* O_EXCL never follows a link at the name: an existing one is EEXIST */
	fd = openat(dirfd, base, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
	if (fd < 0) {
		saved = errno;
		close(dirfd);
		return error_set("cannot create '%s': %s", rel, strerror(saved));
	}
	while (done < len) {
		ssize_t w = write(fd, data + done, len - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		done += (size_t)w;
	}
	saved = errno;
	if (close(fd) < 0 && done == len) {
		saved = errno;
		done = 0;
	}
	if (done < len) {
		unlinkat(dirfd, base, 0);
		close(dirfd);
		return error_set("cannot write '%s': %s", rel, strerror(saved ? saved : EIO));
	}
	close(dirfd);
	return 0;
}

int file_replace_under(const char *top, const char *rel, const char *data, size_t len,
		       int mode)
{
	int dirfd, rc;

	if (file_bad_base(file_base(rel)))
		return error_set("cannot write '%s': not a file name", rel);
	if ((rc = file_walk(&dirfd, top, rel, file_dir_len(rel), 0, rel)) != 0)
		return rc < 0 ? rc : error_set("cannot write '%s': no such folder", rel);
	rc = file_replace_at(dirfd, file_base(rel), rel, data, len, mode, 1);
	close(dirfd);
	return rc;
}

/* "/a/./b/../c/" -> "/a/c": "." and ".." resolved as text; absolute in. */
static void file_normalize(struct strbuf *out, const char *abs)
{
	const char *p = abs;

	strbuf_addch(out, '/');
	while (*p) {
		const char *e;
		size_t n;

		while (*p == '/')
			p++;
		e = p + strcspn(p, "/");
		n = (size_t)(e - p);
		if (n == 2 && !strncmp(p, "..", 2)) {
			size_t len = out->len;

			while (len > 1 && out->buf[len - 1] != '/')
				len--;
			if (len > 1)
				len--;	/* the slash before it */
			strbuf_setlen(out, len);
		} else if (n && !(n == 1 && *p == '.')) {
			if (out->len > 1)
				strbuf_addch(out, '/');
			strbuf_add(out, p, n);
		}
		p = e;
	}
}

/* When path (normalized) is top or below it: the rest after top's '/'. */
static const char *file_after(const char *path, const char *top)
{
	size_t n = strlen(top);

	if (n == 1)	/* "/" */
		return path + 1;
	if (strncmp(path, top, n))
		return NULL;
	if (!path[n])
		return path + n;
	return path[n] == '/' ? path + n + 1 : NULL;
}

int file_path_below(char **rel, const char *top, const char *path)
{
	struct strbuf abs = STRBUF_INIT, p = STRBUF_INIT, t = STRBUF_INIT;
	char *real = realpath(top, NULL);
	const char *after;

	*rel = NULL;
	if (*path != '/') {
		char *cwd = getcwd(NULL, 0);
		if (cwd)
			strbuf_addf(&abs, "%s/", cwd);
		free(cwd);
	}
	strbuf_addstr(&abs, path);
	file_normalize(&p, abs.buf);
	file_normalize(&t, top);
	after = file_after(p.buf, t.buf);
	if (!after && real) {
		strbuf_reset(&t);
		file_normalize(&t, real);
		after = file_after(p.buf, t.buf);
	}
	if (after)
		*rel = xstrdup(after);
	free(real);
	strbuf_release(&abs);
	strbuf_release(&p);
	strbuf_release(&t);
	return *rel != NULL;
}
