/*
 * edit_tree: the ADRs of the work tree, for the commands that change
 * them (supersede, link, status, new --supersedes, check --fix).  Unlike
 * every reading command, these read the work tree: a draft that `new`
 * just wrote, or an edit not committed yet, is what the next edit must
 * see.  The folders are found as everywhere (discover.c, at HEAD or the
 * staged tree).  Files are read and written only below the work tree's
 * top, never through a symbolic link, and written through
 * file_write_atomic().
 */
#ifndef ADRLOG_EDIT_TREE_H
#define ADRLOG_EDIT_TREE_H

#include "adr.h"
#include "edit.h"
#include "repo.h"
#include "strbuf.h"
#include "strvec.h"

struct edit_file {
	char *path;		/* relative to the work tree's top */
	struct strbuf text;	/* the bytes (as edited so far) */
	struct adr_doc doc;	/* parse_adr(text) */
	int changed;		/* text differs from the file */
};

struct edit_tree {
	char *top;		/* the work tree's top, ending in '/' */
	struct strvec dirs;	/* the ADR folders */
	struct edit_file **v;
	size_t nr, alloc;
};

#define EDIT_TREE_INIT { NULL, STRVEC_INIT, NULL, 0, 0 }

/* Read every ADR file below the ADR folders of the work tree. */
int edit_tree_load(struct edit_tree *t, struct repo *repo, const struct strvec *cli_dirs);
void edit_tree_release(struct edit_tree *t);

/*
 * The ADR that which names: an id as typed ("12", "012", "ADR-12",
 * "12-2"; matched exactly after normalizing, so 12 is never 12-2) or a
 * path to its file.  -1 with the error recorded when none or several
 * ADRs match.
 */
int edit_tree_find(struct edit_file **out, const struct edit_tree *t, const char *which);

/* The only ADR with this normalized id, or NULL (none, or several). */
struct edit_file *edit_tree_by_id(const struct edit_tree *t, const char *id);

/* Replace f's text in memory (parsed again, marked changed). */
void edit_tree_set(struct edit_file *f, const struct strbuf *text);

/*
 * Write every changed file (checked again: below the top, no symbolic
 * link on the way); each path written is pushed to written.
 */
int edit_tree_write(struct edit_tree *t, struct strvec *written);

/*
 * Read/write a file of the work tree by its path relative to the top,
 * with the same checks.  read: 1 when the file does not exist.
 */
int edit_tree_read_file(struct strbuf *out, const char *top, const char *rel);
int edit_tree_write_file(const char *top, const char *rel, const char *data, size_t len);

/*
 * The link to `to` as written in `from`: text, href (relative to from's
 * folder), the short "ADR-0012" form.  The strings live in bufs[3].
 */
void edit_tree_target(struct edit_target *out, struct strbuf bufs[3],
		      const struct edit_file *from, const struct edit_file *to);

/*
 * Record "a <rel> b" on both sides, in memory: a gets rel -> b, b gets
 * the inverse -> a (Superseded by also sets the status).  date: for
 * dated status logs.  Nothing is written: edit_tree_write() does that.
 */
int edit_tree_relate(struct edit_tree *t, struct edit_file *a, enum edit_rel rel,
		     struct edit_file *b, const char *date);

/* One side only: f gets "rel -> other" (in memory); an enum edit_result or -1. */
int edit_tree_link(struct edit_file *f, enum edit_rel rel, const struct edit_file *other,
		   const char *date);

/* Today as YYYY-MM-DD (local time) into buf[11]. */
void edit_today(char *buf);

#endif
