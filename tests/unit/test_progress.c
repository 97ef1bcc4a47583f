/*
 * test_progress: the delayed progress line and the pager's program choice.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "pager.h"
#include "progress.h"

TEST_GROUP(progress_line)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct progress *p = progress_start_on(f, "Walking commits", 4, 0);

	progress_update(p, 1);
	progress_stop(&p);
	fclose(f);
	OK(p == NULL, "stop clears the pointer");
	OK(strstr(buf, "\rWalking commits:  25% (1/4)") != NULL, "first draw: %s", buf);
	OK(len > 0 && buf[len - 1] == '\n', "stop ends the line");
	OK(strstr(buf, ", done.\n") != NULL, "done suffix: %s", buf);
	free(buf);
}

TEST_GROUP(progress_silent_before_delay)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct progress *p = progress_start_on(f, "Walking", 0, 60000);

	progress_update(p, 10);
	progress_update(NULL, 3);	/* NULL is valid */
	progress_stop(&p);
	fclose(f);
	INT_EQ(len, 0, "nothing before the delay");
	free(buf);
}

TEST_GROUP(progress_unknown_total)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct progress *p = progress_start_on(f, "Scanning", 0, 0);

	progress_update(p, 7);
	progress_stop(&p);
	fclose(f);
	STR_EQ(buf, "\rScanning: 7\rScanning: 7, done.\n", "count without total");
	free(buf);
}

TEST_GROUP(pager_program_order)
{
	unsetenv("GIT_PAGER");
	unsetenv("PAGER");
	STR_EQ(pager_program(NULL), "less", "default is less");
	setenv("PAGER", "more", 1);
	STR_EQ(pager_program(NULL), "more", "PAGER");
	STR_EQ(pager_program("most"), "most", "core.pager before PAGER");
	setenv("GIT_PAGER", "pg", 1);
	STR_EQ(pager_program("most"), "pg", "GIT_PAGER first");
	setenv("GIT_PAGER", "cat", 1);
	STR_EQ(pager_program("most"), NULL, "cat means no pager");
	setenv("GIT_PAGER", "", 1);
	STR_EQ(pager_program("most"), NULL, "empty means no pager");
	unsetenv("GIT_PAGER");
	unsetenv("PAGER");
}
