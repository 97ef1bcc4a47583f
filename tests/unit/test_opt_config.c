/*
 * test_opt_config: option tables (opt.c), the .adrlog git-config text
 * reader (config.c) and ADR folder normalization (discover.c).
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "config.h"
#include "discover.h"
#include "opt.h"
#include "strvec.h"

TEST_GROUP(opt)
{
	int all = 0, n = 0, verbose = 0;
	const char *rev = NULL;
	struct strvec dirs = STRVEC_INIT;
	const struct opt opts[] = {
		OPT_BOOL('a', "all", &all, "all"),
		OPT_STRING(0, "rev", &rev, "REV", "rev"),
		OPT_STRLIST('d', "dir", &dirs, "D", "dir"),
		OPT_INT('n', "count", &n, "N", "count"),
		OPT_COUNT('v', "verbose", &verbose, "verbose"),
		OPT_END
	};
	const char *argv1[] = { "cmd", "x", "--rev=v1", "-a", "--dir", "d1", "-dd2",
				"-vv", "--count", "7", "--", "--all", NULL };
	const char *argv2[] = { "cmd", "--no-all", "--bogus", NULL };
	const char *argv3[] = { "cmd", "--count=seven", NULL };
	const char *argv4[] = { "-C", "p", "list", "--format", "json", NULL };
	const char *c = NULL;
	const struct opt global[] = { OPT_STRING('C', NULL, &c, "PATH", "dir"), OPT_END };
	FILE *saved = stderr;
	int rc;

	rc = opt_parse(12, argv1, opts, "cmd", 0);
	INT_EQ(rc, 2, "two non-options");
	STR_EQ(argv1[0], "x", "first non-option");
	STR_EQ(argv1[1], "--all", "after -- everything is an argument");
	STR_EQ(rev, "v1", "--rev=value");
	INT_EQ(all, 1, "short bool");
	INT_EQ(dirs.nr, 2, "repeatable list, separate and glued");
	STR_EQ(dirs.nr == 2 ? dirs.v[1] : NULL, "d2", "glued short value");
	INT_EQ(n, 7, "int");
	INT_EQ(verbose, 2, "count");
	stderr = fopen("/dev/null", "w");
	rc = opt_parse(3, argv2, opts, "cmd", 0);
	INT_EQ(rc, OPT_ERROR, "unknown option is an error");
	INT_EQ(all, 0, "--no-all negates (before the error)");
	rc = opt_parse(2, argv3, opts, "cmd", 0);
	INT_EQ(rc, OPT_ERROR, "non-numeric int is an error");
	fclose(stderr);
	stderr = saved;
	rc = opt_parse(5, argv4 - 0, global, "g", OPT_STOP_AT_NON_OPTION);
	/* argv[0] is skipped: "-C" is the program name here, so "p" stops */
	INT_EQ(rc, 4, "stop at the first non-option");
	STR_EQ(argv4[0], "p", "remaining arguments start at the non-option");
	strvec_clear(&dirs);
}

TEST_GROUP(config_text)
{
	static const char text[] =
		"# a comment\n"
		"[core]\n\tdir = not-this\n"
		"[adrlog]\n"
		"\tdir = docs/adr\n"
		"\tDir = \"doc/with space\" ; trailing comment\n"
		"  largeLines=600\n"
		"\tfailClosed\n"
		"\tignore = a\\\n b\n"
		"[adrlog \"sub\"]\n\tdir = no\n"
		"[ADRLOG]\r\n\tdir = crlf \r\n"
		"garbage line here\n";
	struct strvec v = STRVEC_INIT;

	config_text_get_all(text, strlen(text), "adrlog", "dir", &v);
	INT_EQ(v.nr, 3, "three values of adrlog.dir (case-insensitive key and section)");
	STR_EQ(v.nr > 0 ? v.v[0] : NULL, "docs/adr", "plain value");
	STR_EQ(v.nr > 1 ? v.v[1] : NULL, "doc/with space", "quoted value, comment dropped");
	STR_EQ(v.nr > 2 ? v.v[2] : NULL, "crlf", "CRLF line, trailing space trimmed");
	strvec_clear(&v);
	config_text_get_all(text, strlen(text), "adrlog", "largelines", &v);
	STR_EQ(v.nr ? v.v[0] : NULL, "600", "no spaces around =");
	strvec_clear(&v);
	config_text_get_all(text, strlen(text), "adrlog", "failclosed", &v);
	STR_EQ(v.nr ? v.v[0] : NULL, "true", "bare key is true");
	strvec_clear(&v);
	config_text_get_all(text, strlen(text), "adrlog", "ignore", &v);
	STR_EQ(v.nr ? v.v[0] : NULL, "a b", "continuation line");
	strvec_clear(&v);
	config_text_get_all("[adrlog", 7, "adrlog", "dir", &v);
	INT_EQ(v.nr, 0, "truncated section header");
	config_text_get_all("[adrlog]\ndir = \"unterminated", 28, "adrlog", "dir", &v);
	STR_EQ(v.nr ? v.v[0] : NULL, "unterminated", "unterminated quote");
	strvec_clear(&v);
	INT_EQ(config_parse_bool("Yes"), 1, "yes");
	INT_EQ(config_parse_bool("off"), 0, "off");
	INT_EQ(config_parse_bool("maybe"), -1, "not a boolean");
}

TEST_GROUP(discover_dirs)
{
	static const struct { const char *in, *out; } rows[] = {
		{ "docs/adr", "docs/adr" }, { "./docs/adr/", "docs/adr" },
		{ ".", "" }, { "./", "" }, { "/docs//", "docs" }, { " adr ", "adr" },
		{ "docs/adr/.", "docs/adr" },
	};
	struct strvec dirs = STRVEC_INIT;

	for (size_t i = 0; i < sizeof(rows) / sizeof(*rows); i++) {
		char *n = discover_normalize_dir(rows[i].in);
		STR_EQ(n, rows[i].out, rows[i].in);
		free(n);
	}
	strvec_push(&dirs, "docs/adr");
	OK(discover_in_dirs("docs/adr/0001-x.md", &dirs), "file in folder");
	OK(discover_in_dirs("docs/adr/sub/0001-x.md", &dirs), "file in subfolder");
	OK(!discover_in_dirs("docs/adrs/0001-x.md", &dirs), "prefix is not a folder");
	OK(!discover_in_dirs("docs/adr", &dirs), "the folder itself is not below it");
	strvec_clear(&dirs);
	strvec_push(&dirs, "");
	OK(discover_in_dirs("0001-x.md", &dirs), "root folder holds everything");
	strvec_clear(&dirs);
}

TEST_GROUP(config_parse_int)
{
	intmax_t n = -1;

	INT_EQ(config_parse_int("600", INT_MAX, &n), 0, "plain number");
	INT_EQ((int)n, 600, "its value");
	INT_EQ(config_parse_int("2k", INT_MAX, &n), 0, "k suffix");
	INT_EQ((int)n, 2048, "k is 1024");
	INT_EQ(config_parse_int("1G", INT_MAX, &n), 0, "G suffix");
	INT_EQ((int)n, 1073741824, "G is 1024^3");
	INT_EQ(config_parse_int("0x10", INT_MAX, &n), 0, "hex, as git reads it");
	INT_EQ((int)n, 16, "0x10 is 16");
	/* issue 12: 18014398509481985 * 1024 wrapped to 1024 */
	INT_EQ(config_parse_int("18014398509481985k", INT_MAX, &n), -2,
	       "a product past the limit is out of range, not wrapped");
	INT_EQ(config_parse_int("2097152k", INT_MAX, &n), -2, "2^31 is past INT_MAX");
	INT_EQ(config_parse_int("2097151k", INT_MAX, &n), 0, "2^31 - 1024 fits");
	INT_EQ(config_parse_int("99999999999999999999", INT_MAX, &n), -2,
	       "a number past intmax_t is out of range");
	INT_EQ(config_parse_int("12kb", INT_MAX, &n), -1, "an unknown suffix");
	INT_EQ(config_parse_int("", INT_MAX, &n), -1, "empty");
	INT_EQ(config_parse_int("many", INT_MAX, &n), -1, "words");
}

TEST_GROUP(config_parse_parameters)
{
	struct strvec v = STRVEC_INIT;

	/* what git 2.39 exports for: -c a.b=cli -c Foo.Sub.Key="x'y" -c A.C
	 * -c adrlog.hookMode=block -c alias.x='!env' */
	config_parse_parameters("'a.b'='cli' 'Foo.Sub.Key'='x'\\''y' 'A.C'= "
				"'adrlog.hookMode'='block' 'alias.x'=''\\!'env'",
				"adrlog.hookmode", &v);
	INT_EQ(v.nr, 1, "the key, case-insensitive");
	STR_EQ(v.nr ? v.v[0] : NULL, "block", "its value");
	strvec_clear(&v);
	config_parse_parameters("'a.b'='cli' 'Foo.Sub.Key'='x'\\''y'", "foo.Sub.KEY", &v);
	STR_EQ(v.nr ? v.v[0] : NULL, "x'y", "a quote inside, subsection exact");
	strvec_clear(&v);
	config_parse_parameters("'Foo.Sub.Key'='x'", "foo.sub.key", &v);
	INT_EQ(v.nr, 0, "a subsection compares exactly");
	strvec_clear(&v);
	config_parse_parameters("'A.C'= 'alias.x'=''\\!'env'", "a.c", &v);
	STR_EQ(v.nr ? v.v[0] : NULL, "true", "'key'= alone is true");
	strvec_clear(&v);
	config_parse_parameters("'alias.x'=''\\!'env'", "alias.x", &v);
	STR_EQ(v.nr ? v.v[0] : NULL, "!env", "an escaped !");
	strvec_clear(&v);
	config_parse_parameters("'a.b=old' 'a.b=older'", "a.b", &v);
	INT_EQ(v.nr, 2, "the old 'key=value' form, in order");
	STR_EQ(v.nr == 2 ? v.v[1] : NULL, "older", "the later one last");
	strvec_clear(&v);
	config_parse_parameters("'a.b'='x' 'a.b'='unterminated", "a.b", &v);
	INT_EQ(v.nr, 1, "broken quoting stops the parse");
	strvec_clear(&v);
}
