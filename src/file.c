/*
 * file: atomic replacement of a file (see file.h).  Used by the hooks (the
 * commit message must never be lost), hooks install and index --write.
 */
#include "file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.h"
#include "strbuf.h"

int file_write_atomic(const char *path, const char *data, size_t len, int mode)
{
	return file_replace(path, data, len, mode, 1);
}

int file_replace(const char *path, const char *data, size_t len, int mode, int sync)
{
	struct strbuf tmp = STRBUF_INIT;
	struct stat st;
	mode_t m;
	size_t done = 0;
	int fd, saved;

	if (mode != FILE_MODE_KEEP) {
		m = (mode_t)mode;
	} else if (stat(path, &st) == 0) {
		m = st.st_mode & 07777;
	} else {
		mode_t mask = umask(022);
		umask(mask);
		m = 0666 & ~mask;
	}
	/* beside the target, so rename() never crosses a file system */
	strbuf_addf(&tmp, "%s.adrlog-XXXXXX", path);
	fd = mkstemp(tmp.buf);
	if (fd < 0) {
		error_set("cannot write '%s': %s", path, strerror(errno));
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
	if (rename(tmp.buf, path) < 0)
		goto fail;
	strbuf_release(&tmp);
	return 0;
fail:
	saved = errno;
	if (fd >= 0)
		close(fd);
	unlink(tmp.buf);
	error_set("cannot write '%s': %s", path, strerror(saved));
	strbuf_release(&tmp);
	return -1;
}
