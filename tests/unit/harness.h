/*
 * harness: a tiny unit-test harness (the cmark api_test shape).
 *
 * A test file defines groups with TEST_GROUP(name) { ... }; the group
 * registers itself at start-up, so adding a file needs no edit elsewhere.
 * Inside a group use the checks below; each counts one pass or one fail
 * and prints file:line with got/expected on failure.  main.c runs every
 * group (or those named on the command line) and prints
 * "N passed, N failed".
 */
#ifndef ADRLOG_HARNESS_H
#define ADRLOG_HARNESS_H

#include <stddef.h>

typedef void (*test_group_fn)(void);

void harness_register(const char *name, test_group_fn fn);
void harness_ok(int cond, const char *file, int line, const char *fmt, ...);
void harness_str_eq(const char *got, const char *expected, const char *file,
		    int line, const char *what);
void harness_int_eq(long long got, long long expected, const char *file,
		    int line, const char *what);

#define TEST_GROUP(name) \
	static void test_group_##name(void); \
	__attribute__((constructor)) static void test_register_##name(void) \
	{ harness_register(#name, test_group_##name); } \
	static void test_group_##name(void)

#define OK(cond, ...) harness_ok(!!(cond), __FILE__, __LINE__, __VA_ARGS__)
/* Strings; NULL is a value (compares equal only to NULL). */
#define STR_EQ(got, expected, what) \
	harness_str_eq((got), (expected), __FILE__, __LINE__, (what))
#define INT_EQ(got, expected, what) \
	harness_int_eq((long long)(got), (long long)(expected), __FILE__, __LINE__, (what))

#endif
