/*
 * treemode: tree entry modes as git reads them (see treemode.h).  git
 * accepts any octal text and canonicalises by the type bits; comparing
 * the text with "40000" or "100644" made a legal tree a deletion.
 */
#include "treemode.h"

#define TREE_MODE_TYPE 0170000u
#define TREE_MODE_TREE 0040000u
#define TREE_MODE_FILE 0100000u

uint32_t tree_mode_parse(const char *p, size_t n)
{
	uint32_t mode = 0;

	for (size_t i = 0; i < n; i++) {
		if (p[i] < '0' || p[i] > '7' || mode > 0777777u)
			return 0;
		mode = mode * 8 + (uint32_t)(p[i] - '0');
	}
	return mode;
}

int tree_mode_is_tree(uint32_t mode)
{
	return (mode & TREE_MODE_TYPE) == TREE_MODE_TREE;
}

int tree_mode_is_file(uint32_t mode)
{
	return (mode & TREE_MODE_TYPE) == TREE_MODE_FILE;
}
