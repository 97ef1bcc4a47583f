/*
 * uthash_config: include uthash with adr-log's allocation policy (a failed
 * allocation ends the process through xalloc_die, like every other one).
 * Include this, never <uthash.h> directly.
 */
#ifndef ADRLOG_UTHASH_CONFIG_H
#define ADRLOG_UTHASH_CONFIG_H

#include "xalloc.h"

#define uthash_fatal(msg) xalloc_die()
#include <uthash.h>

#endif
