/*
 * opt: table-driven option parsing and usage text (see opt.h).  Errors
 * are printed here, in the CLI layer's one-line form, followed by the
 * short usage, like git's parse-options.
 */
#include "opt.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"

void opt_usage(FILE *out, const char *usage, const struct opt *opts)
{
	fprintf(out, "usage: %s\n", usage);
	if (opts && opts->type != OPT_T_END)
		fputc('\n', out);
	for (const struct opt *o = opts; o && o->type != OPT_T_END; o++) {
		char left[64];
		int n = 0;

		if (o->short_name && o->long_name)
			n = snprintf(left, sizeof(left), "-%c, --%s", o->short_name,
				     o->long_name);
		else if (o->short_name)
			n = snprintf(left, sizeof(left), "-%c", o->short_name);
		else
			n = snprintf(left, sizeof(left), "--%s", o->long_name);
		if (o->argh && n > 0 && (size_t)n < sizeof(left))
			snprintf(left + n, sizeof(left) - (size_t)n, " %s", o->argh);
		fprintf(out, "    %-24s %s\n", left, o->help ? o->help : "");
	}
}

static int opt_takes_arg(const struct opt *o)
{
	return o->type == OPT_T_STRING || o->type == OPT_T_STRLIST ||
	       o->type == OPT_T_INT;
}

static int opt_set(const struct opt *o, const char *arg, int negate,
		   const char *shown)
{
	char *end;
	long v;

	switch (o->type) {
	case OPT_T_BOOL:
		*(int *)o->value = !negate;
		return 0;
	case OPT_T_COUNT:
		(*(int *)o->value)++;
		return 0;
	case OPT_T_STRING:
		*(const char **)o->value = arg;
		return 0;
	case OPT_T_STRLIST:
		strvec_push((struct strvec *)o->value, arg);
		return 0;
	case OPT_T_INT:
		errno = 0;
		v = strtol(arg, &end, 10);
		if (errno || end == arg || *end || v < -2147483647L || v > 2147483647L) {
			error_report("option '%s' expects a number, not '%s'", shown, arg);
			return OPT_ERROR;
		}
		*(int *)o->value = (int)v;
		return 0;
	case OPT_T_END:
		break;
	}
	return OPT_ERROR;
}

static const struct opt *opt_find_long(const struct opt *opts, const char *name,
				       size_t len, int *negate)
{
	*negate = 0;
	for (const struct opt *o = opts; o->type != OPT_T_END; o++)
		if (o->long_name && strlen(o->long_name) == len &&
		    !strncmp(o->long_name, name, len))
			return o;
	if (len > 3 && !strncmp(name, "no-", 3)) {
		for (const struct opt *o = opts; o->type != OPT_T_END; o++)
			if (o->type == OPT_T_BOOL && o->long_name &&
			    strlen(o->long_name) == len - 3 &&
			    !strncmp(o->long_name, name + 3, len - 3)) {
				*negate = 1;
				return o;
			}
	}
	return NULL;
}

static int opt_fail(const char *usage, const struct opt *opts)
{
	opt_usage(stderr, usage, opts);
	return OPT_ERROR;
}

int opt_parse(int argc, const char **argv, const struct opt *opts,
	      const char *usage, unsigned flags)
{
	int out = 0, i;
	static const struct opt none[] = { OPT_END };

	if (!opts)
		opts = none;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--")) {
			i++;
			break;
		}
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			opt_usage(stdout, usage, opts);
			return OPT_HELP;
		}
		if (a[0] != '-' || !a[1]) {
			if (flags & OPT_STOP_AT_NON_OPTION)
				break;
			argv[out++] = a;
			continue;
		}
		if (a[1] == '-') {
			const char *name = a + 2, *eq = strchr(name, '=');
			size_t len = eq ? (size_t)(eq - name) : strlen(name);
			int negate;
			const struct opt *o = opt_find_long(opts, name, len, &negate);
			const char *arg = NULL;

			if (!o) {
				error_report("unknown option '%s'", a);
				return opt_fail(usage, opts);
			}
			if (opt_takes_arg(o) && !negate) {
				if (eq)
					arg = eq + 1;
				else if (i + 1 < argc)
					arg = argv[++i];
				else {
					error_report("option '--%s' requires a value", o->long_name);
					return opt_fail(usage, opts);
				}
			} else if (eq) {
				error_report("option '--%s' takes no value", o->long_name);
				return opt_fail(usage, opts);
			}
			if (opt_set(o, arg, negate, a) < 0)
				return OPT_ERROR;
			continue;
		}
		/* one or more short options: -v, -C path, -Cpath */
		for (const char *p = a + 1; *p; p++) {
			const struct opt *o = NULL;

			for (const struct opt *s = opts; s->type != OPT_T_END; s++)
				if (s->short_name == *p)
					o = s;
			if (!o) {
				error_report("unknown switch '%c'", *p);
				return opt_fail(usage, opts);
			}
			if (opt_takes_arg(o)) {
				const char *arg = p[1] ? p + 1 : (i + 1 < argc ? argv[++i] : NULL);
				char shown[3] = { '-', *p, 0 };
				if (!arg) {
					error_report("switch '%c' requires a value", *p);
					return opt_fail(usage, opts);
				}
				if (opt_set(o, arg, 0, shown) < 0)
					return OPT_ERROR;
				break;
			}
			opt_set(o, NULL, 0, NULL);
		}
	}
	for (; i < argc; i++)
		argv[out++] = argv[i];
	if (out < argc)
		argv[out] = NULL;
	return out;
}
