/*
 * harness: registration, checks and the closing "N passed, N failed" line
 * for the unit tests (see harness.h).
 */
#include "harness.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HARNESS_MAX_GROUPS 256

static struct {
	const char *name;
	test_group_fn fn;
} groups[HARNESS_MAX_GROUPS];
static int ngroups;
static int passed, failed;
static const char *current;

void harness_register(const char *name, test_group_fn fn)
{
	if (ngroups < HARNESS_MAX_GROUPS) {
		groups[ngroups].name = name;
		groups[ngroups].fn = fn;
		ngroups++;
	}
}

void harness_ok(int cond, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	if (cond) {
		passed++;
		return;
	}
	failed++;
	fprintf(stderr, "FAIL %s: %s:%d: ", current, file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void harness_str_eq(const char *got, const char *expected, const char *file,
		    int line, const char *what)
{
	int eq = (!got && !expected) || (got && expected && !strcmp(got, expected));

	harness_ok(eq, file, line, "%s: got %s%s%s, expected %s%s%s", what,
		   got ? "'" : "", got ? got : "NULL", got ? "'" : "",
		   expected ? "'" : "", expected ? expected : "NULL",
		   expected ? "'" : "");
}

void harness_int_eq(long long got, long long expected, const char *file,
		    int line, const char *what)
{
	harness_ok(got == expected, file, line, "%s: got %lld, expected %lld",
		   what, got, expected);
}

static int harness_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int main(int argc, char **argv)
{
	/* Run groups in name order, whatever the link order was. */
	const char *names[HARNESS_MAX_GROUPS];

	for (int i = 0; i < ngroups; i++)
		names[i] = groups[i].name;
	qsort(names, (size_t)ngroups, sizeof(*names), harness_cmp);
	for (int n = 0; n < ngroups; n++) {
		int selected = argc < 2;
		for (int a = 1; a < argc; a++)
			if (!strcmp(argv[a], names[n]))
				selected = 1;
		if (!selected)
			continue;
		for (int i = 0; i < ngroups; i++) {
			if (strcmp(groups[i].name, names[n]))
				continue;
			current = groups[i].name;
			groups[i].fn();
		}
	}
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
