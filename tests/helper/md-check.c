/*
 * md-check: what a CommonMark renderer makes of adr-log's Markdown, for
 * the end-to-end tests.  Reads Markdown on stdin, parses it with libcmark
 * and prints the text a reader sees, one paragraph or heading per line
 * (code spans in backticks).  Every raw HTML node, image, link (except
 * those whose destination starts with an --allow prefix) and @mention in
 * the text is reported as "FOUND <kind>: <what>" instead; exit 1 then.
 *
 *   md-check [--allow URL-PREFIX]... <notes.md
 */
#include <cmark.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int allowed(const char *url, int argc, char **argv)
{
	for (int i = 1; i + 1 < argc; i++)
		if (!strcmp(argv[i], "--allow") && !strncmp(url, argv[i + 1], strlen(argv[i + 1])))
			return 1;
	return 0;
}

static int word(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* "@name" with no word character before it: GitHub notifies name. */
static int mentions(const char *s)
{
	for (const char *p = s; *p; p++)
		if (*p == '@' && (p == s || !word((unsigned char)p[-1])) &&
		    word((unsigned char)p[1]) && (unsigned char)p[1] < 0x80)
			return 1;
	return 0;
}

int main(int argc, char **argv)
{
	char buf[65536];
	size_t len = fread(buf, 1, sizeof(buf) - 1, stdin);
	cmark_node *doc, *n;
	cmark_iter *it;
	cmark_event_type ev;
	int bad = 0;

	buf[len] = '\0';
	doc = cmark_parse_document(buf, len, CMARK_OPT_DEFAULT);
	it = cmark_iter_new(doc);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		const char *lit;

		n = cmark_iter_get_node(it);
		lit = cmark_node_get_literal(n);
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_HTML_BLOCK:
		case CMARK_NODE_HTML_INLINE:
			printf("FOUND html: %s\n", lit ? lit : "");
			bad = 1;
			break;
		case CMARK_NODE_IMAGE:
			if (ev == CMARK_EVENT_ENTER) {
				printf("FOUND image: %s\n", cmark_node_get_url(n));
				bad = 1;
			}
			break;
		case CMARK_NODE_LINK:
			if (ev == CMARK_EVENT_ENTER && !allowed(cmark_node_get_url(n), argc, argv)) {
				printf("FOUND link: %s\n", cmark_node_get_url(n));
				bad = 1;
			}
			break;
		case CMARK_NODE_TEXT:
			if (mentions(lit)) {
				printf("FOUND mention: %s\n", lit);
				bad = 1;
			}
			fputs(lit, stdout);
			break;
		case CMARK_NODE_CODE:
			printf("`%s`", lit);
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			putchar(' ');
			break;
		case CMARK_NODE_PARAGRAPH:
		case CMARK_NODE_HEADING:
			if (ev == CMARK_EVENT_EXIT)
				putchar('\n');
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
	cmark_node_free(doc);
	return bad;
}
