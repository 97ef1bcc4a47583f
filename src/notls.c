/*
 * notls: adr-log never talks to a network, yet libgit2's mbedTLS build
 * (Debian's libgit2 1.5.1) parses the whole CA bundle
 * (/etc/ssl/certs/ca-certificates.crt, ~220 kB) inside git_libgit2_init():
 * about 3 ms of every run, the largest part of what the commit-msg hook
 * adds to `git commit`.  git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS)
 * only works after init, when the cost is paid.  So this definition takes
 * the place of mbedTLS's own inside adr-log (the executable's symbol wins
 * ELF symbol lookup): no certificate is loaded, and any TLS connection
 * would fail verification instead of trusting anything.  Builds of
 * libgit2 on OpenSSL never call it.  See ADR 21 and scripts/bench-hook.
 */
#include <stddef.h>

struct mbedtls_x509_crt;

int mbedtls_x509_crt_parse_file(struct mbedtls_x509_crt *chain, const char *path);

int mbedtls_x509_crt_parse_file(struct mbedtls_x509_crt *chain, const char *path)
{
	(void)chain;
	(void)path;
	return 0;
}
