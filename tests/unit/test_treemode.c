/*
 * test_treemode: tree entry modes read as git reads them (issue 12):
 * zero-padded folders, group-writable files, garbage that is no mode.
 */
#include <string.h>

#include "harness.h"
#include "treemode.h"

static uint32_t mode_of(const char *s)
{
	return tree_mode_parse(s, strlen(s));
}

TEST_GROUP(treemode)
{
	OK(tree_mode_is_tree(mode_of("40000")), "40000 is a folder");
	OK(tree_mode_is_tree(mode_of("040000")), "040000 is a folder");
	OK(!tree_mode_is_file(mode_of("040000")), "040000 is no file");
	OK(tree_mode_is_file(mode_of("100644")), "100644 is a file");
	OK(tree_mode_is_file(mode_of("100755")), "100755 is a file");
	OK(tree_mode_is_file(mode_of("100664")), "100664 is a file");
	OK(tree_mode_is_file(mode_of("0100644")), "0100644 is a file");
	OK(!tree_mode_is_file(mode_of("120000")), "a symlink is no file");
	OK(!tree_mode_is_tree(mode_of("160000")), "a submodule is no folder");
	OK(!tree_mode_is_file(mode_of("160000")), "a submodule is no file");
	INT_EQ((long)mode_of("10x644"), 0, "not octal");
	INT_EQ((long)mode_of("100648"), 0, "8 is not octal");
	INT_EQ((long)mode_of("77777777777777777777"), 0, "too long does not wrap");
	INT_EQ((long)mode_of(""), 0, "empty");
}
