#!/usr/bin/env python3
"""mutate-cache.py ADRLOG REPO N [GLOBAL-OPTIONS...]: damage the cache files
of REPO N times (bytes flipped, overwritten with edge values, cut out) with
the checksum recomputed, so that the decoder itself, not the checksum, must
refuse them, and run `adr-log timeline --format json` on each.  Each run
must end with exit 0, or 2 and a one-line "adr-log: ..." error (an entry
naming an object the repository lacks), with no signal and no sanitizer
report; a damaged file that still decodes may change the answer (the
checksum is what catches accidents).  Prints "N runs, K crashes" and
exits 1 on any crash.  The cache must already be
there (one h-* entry: the walked tip, or a tip behind it to resume from)."""
import glob
import os
import random
import struct
import subprocess
import sys

adrlog, repo, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
opts = sys.argv[4:]
MASK = 0xffffffffffffffff


def fnv(p):
    """cf_hash() of cachefile.c."""
    h = 0xcbf29ce484222325
    i = 0
    while i + 8 <= len(p):
        h = ((h ^ struct.unpack_from("<Q", p, i)[0]) * 0x100000001b3) & MASK
        h ^= h >> 29
        i += 8
    for b in p[i:]:
        h = ((h ^ b) * 0x100000001b3) & MASK
    return h


cache = os.path.join(repo, ".git", "adr-log")
files = sorted(glob.glob(cache + "/h-*")) + [cache + "/docs"]
orig = {f: open(f, "rb").read() for f in files}
rng = random.Random(7)
crashes = 0
for k in range(n):
    f = files[k % len(files)]
    p = bytearray(orig[f][28:])
    kind = rng.randrange(4)
    for _ in range(rng.randrange(1, 4)):
        at = rng.randrange(len(p))
        if kind == 0:
            p[at] ^= 1 << rng.randrange(8)
        elif kind == 1 and at + 4 <= len(p):
            v = rng.choice([0, 1, 2, 0xffffffff, 0x7fffffff, rng.randrange(1 << 32)])
            struct.pack_into("<I", p, at, v)
        elif kind == 2:
            p[at] = rng.randrange(256)
        else:
            del p[at:at + rng.randrange(1, 16)]
    with open(f, "wb") as out:
        out.write(orig[f][:12] + struct.pack("<QQ", len(p), fnv(bytes(p))) + bytes(p))
    r = subprocess.run([adrlog] + opts + ["timeline", "--format", "json"], cwd=repo,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = r.stderr.decode(errors="replace")
    clean_error = r.returncode == 2 and len(err.strip().splitlines()) == 1 \
        and err.startswith("adr-log: ")
    if (r.returncode != 0 and not clean_error) or "Sanitizer" in err \
            or "runtime error" in err:
        crashes += 1
        print("crash on run %d (%s, exit %d): %s" % (k, os.path.basename(f),
                                                      r.returncode, err[-600:]))
    # every run starts again from the good files (and only them)
    for g in glob.glob(cache + "/h-*"):
        if g not in orig:
            os.unlink(g)
    for g, data in orig.items():
        with open(g, "wb") as out:
            out.write(data)
print("%d runs, %d crashes" % (n, crashes))
sys.exit(1 if crashes else 0)
