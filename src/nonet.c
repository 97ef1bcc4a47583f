/*
 * nonet: adr-log never talks to a network, yet libgit2 (Debian's 1.5.1,
 * built on mbedTLS, libssh2 and GSSAPI) sets all of that up inside
 * git_libgit2_init().  This file stands in for the parts adr-log must not
 * pay for or cannot link.
 *
 * - The CA bundle.  mbedTLS parses the whole of
 *   /etc/ssl/certs/ca-certificates.crt (~220 kB) at init: about 3 ms of
 *   every run, the largest part of what the commit-msg hook added to `git
 *   commit` (ADR 21).  git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS)
 *   only works after init, when the cost is paid.  So no certificate is
 *   loaded, and any TLS connection would fail verification instead of
 *   trusting anything.  Linked statically (the default, ADR 39), the
 *   linker's --wrap sends libgit2's call here; linked against the shared
 *   libgit2, this definition takes the place of mbedTLS's own (the
 *   executable's symbol wins ELF symbol lookup).  Builds of libgit2 on
 *   OpenSSL never call it.
 *
 * - GSSAPI (Kerberos "Negotiate" HTTP authentication).  Debian ships no
 *   static libgssapi_krb5, and the shared one drags in eight more
 *   libraries (krb5, k5crypto, OpenSSL's libcrypto...).  In a static link
 *   these definitions fill libgit2's references instead: every call fails
 *   (GSS_S_FAILURE), so Negotiate is simply unavailable.  Not compiled
 *   into a dynamic link, where the real library is loaded anyway.
 */
#include <stddef.h>

struct mbedtls_x509_crt;

#ifdef ADRLOG_LINK_STATIC
#define NONET_CRT_PARSE_FILE __wrap_mbedtls_x509_crt_parse_file
#else
#define NONET_CRT_PARSE_FILE mbedtls_x509_crt_parse_file
#endif

int NONET_CRT_PARSE_FILE(struct mbedtls_x509_crt *chain, const char *path);

int NONET_CRT_PARSE_FILE(struct mbedtls_x509_crt *chain, const char *path)
{
	(void)chain;
	(void)path;
	return 0;
}

#ifdef ADRLOG_LINK_STATIC
/*
 * The functions libgit2 calls, with RFC 2744's argument lists (opaque
 * handles and buffers as void *): each fails with GSS_S_FAILURE, its
 * minor status zeroed.
 */
typedef unsigned int OM_uint32;
struct nonet_oid { OM_uint32 length; void *elements; };

#define NONET_GSS_S_FAILURE (13u << 16)

static OM_uint32 nonet_gss_fail(OM_uint32 *minor)
{
	if (minor)
		*minor = 0;
	return NONET_GSS_S_FAILURE;
}

OM_uint32 gss_indicate_mechs(OM_uint32 *minor, void **mech_set);
OM_uint32 gss_import_name(OM_uint32 *minor, void *name, void *type, void **out);
OM_uint32 gss_init_sec_context(OM_uint32 *minor, void *cred, void **ctx, void *target,
			       void *mech, OM_uint32 req_flags, OM_uint32 time_req,
			       void *bindings, void *in, void **actual_mech, void *out,
			       OM_uint32 *ret_flags, OM_uint32 *time_rec);
OM_uint32 gss_delete_sec_context(OM_uint32 *minor, void **ctx, void *out);
OM_uint32 gss_display_status(OM_uint32 *minor, OM_uint32 status, int type, void *mech,
			     OM_uint32 *msg_ctx, void *out);
OM_uint32 gss_release_buffer(OM_uint32 *minor, void *buffer);
OM_uint32 gss_release_name(OM_uint32 *minor, void **name);
OM_uint32 gss_release_oid_set(OM_uint32 *minor, void **set);

OM_uint32 gss_indicate_mechs(OM_uint32 *minor, void **mech_set)
{
	(void)mech_set;
	return nonet_gss_fail(minor);
}

OM_uint32 gss_import_name(OM_uint32 *minor, void *name, void *type, void **out)
{
	(void)name;
	(void)type;
	(void)out;
	return nonet_gss_fail(minor);
}

OM_uint32 gss_init_sec_context(OM_uint32 *minor, void *cred, void **ctx, void *target,
			       void *mech, OM_uint32 req_flags, OM_uint32 time_req,
			       void *bindings, void *in, void **actual_mech, void *out,
			       OM_uint32 *ret_flags, OM_uint32 *time_rec)
{
	(void)cred, (void)ctx, (void)target, (void)mech, (void)req_flags;
	(void)time_req, (void)bindings, (void)in, (void)actual_mech, (void)out;
	(void)ret_flags, (void)time_rec;
	return nonet_gss_fail(minor);
}

OM_uint32 gss_delete_sec_context(OM_uint32 *minor, void **ctx, void *out)
{
	(void)ctx;
	(void)out;
	return nonet_gss_fail(minor);
}

OM_uint32 gss_display_status(OM_uint32 *minor, OM_uint32 status, int type, void *mech,
			     OM_uint32 *msg_ctx, void *out)
{
	(void)status, (void)type, (void)mech, (void)msg_ctx, (void)out;
	return nonet_gss_fail(minor);
}

OM_uint32 gss_release_buffer(OM_uint32 *minor, void *buffer)
{
	(void)buffer;
	return nonet_gss_fail(minor);
}

OM_uint32 gss_release_name(OM_uint32 *minor, void **name)
{
	(void)name;
	return nonet_gss_fail(minor);
}

OM_uint32 gss_release_oid_set(OM_uint32 *minor, void **set)
{
	(void)set;
	return nonet_gss_fail(minor);
}

/* The name type libgit2 imports the service name with (never used). */
static struct nonet_oid nonet_hostbased;
struct nonet_oid *GSS_C_NT_HOSTBASED_SERVICE = &nonet_hostbased;
#endif
