/*
 * test_template: the file name of a new ADR never copies a hostile model
 * name (ADR 0020); the shapes themselves are tested in test_hook.c.
 */
#include <stdlib.h>

#include "harness.h"
#include "template.h"

TEST_GROUP(template_file_name_hostile)
{
	char *s;

	s = template_file_name("docs/adr/\x1b]0;x\x07" "7-a.md", "8", "Next");
	STR_EQ(s, "0008-next.md", "a prefix with control characters is not copied");
	free(s);
	s = template_file_name("docs/adr/my adr 7.md", "8", "Next");
	STR_EQ(s, "0008-next.md", "nor one with spaces");
	free(s);
	s = template_file_name("docs/adr/adr-7-a.md", "100000000000000000000", "Big");
	STR_EQ(s, "adr-100000000000000000000-big.md", "an id longer than the padding");
	free(s);
}
