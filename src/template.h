/*
 * template: new ADR files (`adr-log new`, and the draft a hook starts):
 * the next free id, a file name shaped like the repository's own ADRs,
 * and the text from the repository's template (template.md or
 * adr-template.md in the ADR folder) or the built-in Nygard one, with id, title, date and status
 * filled in.
 */
#ifndef ADRLOG_TEMPLATE_H
#define ADRLOG_TEMPLATE_H

#include "repo.h"
#include "strbuf.h"
#include "strvec.h"

/* Michael Nygard's template, with NUMBER, TITLE, DATE and STATUS. */
extern const char template_nygard[];

/* "Use NATS for events!" -> "use-nats-for-events"; never empty. */
char *template_slug(const char *title);

/*
 * The base name of ADR id like the existing ADR file name like (NULL: none
 * yet): same prefix, zero padding, separator and extension
 * ("adr-007-x.md", "12", "Use NATS" -> "adr-012-use-nats.md");
 * default "0001-use-nats.md".  Returns a new string.
 */
char *template_file_name(const char *like, const char *id, const char *title);

/*
 * Fill a template: NUMBER, TITLE, DATE (also YYYY-MM-DD), STATUS (whole words) and
 * {{number}}, {{title}}, {{date}}, {{status}}; front matter "date:" and
 * "status:" lines (MADR) are set.  A template without a title token gets
 * its first level-1 heading replaced by "# <id>. <title>" ("# <title>"
 * with front matter: MADR keeps numbers out of headings); one without a
 * status token or field gets the first line under its Status heading set.
 */
void template_fill(struct strbuf *out, const char *tmpl, const char *id,
		   const char *title, const char *date, const char *status);

/*
 * The next free id: one more than the highest first number among the ADRs
 * at HEAD and the ADR-named files in the work tree folder dir (drafts not
 * committed yet).  *like receives the path of the ADR with that highest id
 * (NULL when none; caller frees).  Returns a new string.
 */
int template_next_id(char **id, char **like, struct repo *repo,
		     const struct strvec *dirs);

/*
 * Create a new ADR in the work tree: in the first ADR folder (docs/adr
 * when the repository has none), never overwriting a file.  *path
 * receives its path relative to the work tree's top, *id its id (caller
 * frees both).  status: the status text, e.g. "Proposed".
 */
int template_new_adr(char **path, char **id, struct repo *repo,
		     const struct strvec *cli_dirs, const char *title,
		     const char *status);

#endif
