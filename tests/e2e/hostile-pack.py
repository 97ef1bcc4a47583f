#!/usr/bin/env python3
"""hostile-pack.py CASE REPO [ARGS...]: damage the object database of REPO
(a real repository with loose objects) the way a hostile clone, tarball or
CI cache could, for tests/e2e/t9210-hostile-pack.sh.  Packs are written
from nothing here (pack v2 and its index v2, checksums right), so that only
the one field a case is about is wrong.

  huge-header REPO     the commit HEAD~1, packed with a size of 2^64-1
  huge-delta REPO      HEAD~1 as an offset delta whose result size
                       is 2^64-1
  long-varint REPO     HEAD~1 as an offset delta whose base size is
                       a 13-byte varint (its low 64 bits right)
  bad-fanout REPO      a second pack whose index fanout is not monotonic
  set-offset REPO N V  entry N of the (only) pack index's offset table = V
  flip-idx REPO ADRLOG N   flip bytes of the (only) pack index N times and
                       run `adr-log --no-cache timeline --format json`;
                       prints one line per run that crashed, hung, or died
                       of "adr-log: out of memory"

The cases that pack HEAD~1 remove its loose object, so the pack is
the only place it is."""
import glob
import hashlib
import os
import random
import struct
import subprocess
import sys
import zlib

OBJ_COMMIT, OBJ_BLOB, OBJ_OFS_DELTA = 1, 3, 6


def git(repo, *args, data=None):
    return subprocess.run(["git", "-C", repo] + list(args), input=data,
                          stdout=subprocess.PIPE, check=True).stdout


def oid_of(kind, body):
    return hashlib.sha1(b"%s %d\0" % (kind, len(body)) + body).digest()


def varint(v):
    """A delta header size: little-endian base 128."""
    out = bytearray()
    while True:
        b = v & 0x7f
        v >>= 7
        if v:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def obj_header(kind, size):
    """A pack entry header: type, size (4 bits, then 7 per byte)."""
    b = (kind << 4) | (size & 15)
    size >>= 4
    out = bytearray()
    while size:
        out.append(b | 0x80)
        b = size & 0x7f
        size >>= 7
    out.append(b)
    return bytes(out)


def ofs_distance(d):
    """An offset delta's distance to its base: big-endian, each byte + 1."""
    out = [d & 0x7f]
    d >>= 7
    while d:
        d -= 1
        out.append(0x80 | (d & 0x7f))
        d >>= 7
    return bytes(reversed(out))


def inserts(data):
    """Delta instructions that insert data (127 bytes at most each)."""
    out = bytearray()
    for i in range(0, len(data), 127):
        part = data[i:i + 127]
        out.append(len(part))
        out += part
    return bytes(out)


def write_pack(repo, name, entries):
    """entries: (oid, raw entry bytes) in pack order.  Writes
    objects/pack/pack-NAME.{pack,idx}."""
    body = bytearray(b"PACK" + struct.pack(">II", 2, len(entries)))
    rows = []
    for oid, raw in entries:
        rows.append((oid, zlib.crc32(raw) & 0xffffffff, len(body)))
        body += raw
    pack_sum = hashlib.sha1(body).digest()
    body += pack_sum
    rows.sort()
    idx = bytearray(b"\377tOc" + struct.pack(">I", 2))
    for i in range(256):
        idx += struct.pack(">I", sum(1 for r in rows if r[0][0] <= i))
    for r in rows:
        idx += r[0]
    for r in rows:
        idx += struct.pack(">I", r[1])
    for r in rows:
        idx += struct.pack(">I", r[2])
    idx += pack_sum
    idx += hashlib.sha1(idx).digest()
    d = os.path.join(git_dir(repo), "objects", "pack")
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "pack-%s.pack" % name), "wb") as f:
        f.write(body)
    with open(os.path.join(d, "pack-%s.idx" % name), "wb") as f:
        f.write(idx)


def git_dir(repo):
    return os.path.join(repo, git(repo, "rev-parse", "--git-dir").decode().strip())


def drop_loose(repo, oid):
    hexid = oid.hex()
    os.remove(os.path.join(git_dir(repo), "objects", hexid[:2], hexid[2:]))


def target(repo):
    """The tip's parent: the walk reads it through the pack reader (the tip
    itself is read by libgit2 first, to resolve HEAD)."""
    body = git(repo, "cat-file", "commit", "HEAD~1")
    oid = oid_of(b"commit", body)
    assert oid.hex() == git(repo, "rev-parse", "HEAD~1").decode().strip()
    return oid, body


def delta_pack(repo, name, src_size, dst_size):
    """HEAD~1 as an offset delta (plain inserts) on a blob."""
    oid, body = target(repo)
    base = b"a delta base\n"
    base_raw = obj_header(OBJ_BLOB, len(base)) + zlib.compress(base)
    delta = src_size + dst_size + inserts(body)
    raw = (obj_header(OBJ_OFS_DELTA, len(delta)) + ofs_distance(len(base_raw)) +
           zlib.compress(delta))
    write_pack(repo, name, [(oid_of(b"blob", base), base_raw), (oid, raw)])
    drop_loose(repo, oid)


def main():
    case, repo = sys.argv[1], sys.argv[2]
    if case == "huge-header":
        oid, body = target(repo)
        hdr = obj_header(OBJ_COMMIT, 2**64 - 1)
        assert len(hdr) == 10
        write_pack(repo, "hdr", [(oid, hdr + zlib.compress(body))])
        drop_loose(repo, oid)
    elif case == "huge-delta":
        delta_pack(repo, "delta", varint(len(b"a delta base\n")), varint(2**64 - 1))
    elif case == "long-varint":
        # 13 bytes: the base size, then zero groups up to bit 91
        src = bytearray(varint(len(b"a delta base\n")))
        src[-1] |= 0x80
        src += b"\x80" * (12 - len(src)) + b"\x00"
        assert len(src) == 13
        oid, body = target(repo)
        delta_pack(repo, "varint", bytes(src), varint(len(body)))
    elif case == "bad-fanout":
        blob = b"in the damaged pack only\n"
        write_pack(repo, "fanout",
                   [(oid_of(b"blob", blob), obj_header(OBJ_BLOB, len(blob)) +
                     zlib.compress(blob))])
        path = glob.glob(os.path.join(git_dir(repo), "objects/pack/pack-fanout.idx"))[0]
        idx = bytearray(open(path, "rb").read())
        # every bucket claims 2^31 + i objects; the last one says 1
        for i in range(255):
            struct.pack_into(">I", idx, 8 + 4 * i, 0x80000000 + i)
        open(path, "wb").write(idx)
    elif case == "set-offset":
        n, v = int(sys.argv[3]), int(sys.argv[4], 0)
        path = glob.glob(os.path.join(git_dir(repo), "objects/pack/*.idx"))
        assert len(path) == 1
        idx = bytearray(open(path[0], "rb").read())
        nr = struct.unpack_from(">I", idx, 8 + 4 * 255)[0]
        struct.pack_into(">I", idx, 8 + 1024 + nr * 24 + 4 * n, v)
        os.chmod(path[0], 0o644)
        open(path[0], "wb").write(idx)
    elif case == "flip-idx":
        adrlog, n = sys.argv[3], int(sys.argv[4])
        path = glob.glob(os.path.join(git_dir(repo), "objects/pack/*.idx"))
        assert len(path) == 1
        path = path[0]
        orig = open(path, "rb").read()
        nr = struct.unpack_from(">I", orig, 8 + 4 * 255)[0]
        offs = 8 + 1024 + nr * 24
        rng = random.Random(12)
        for k in range(n):
            idx = bytearray(orig)
            for _ in range(rng.randint(1, 4)):
                # mostly the offset table, where a flip points into an object
                if k % 4:
                    at = rng.randrange(offs, offs + nr * 4)
                else:
                    at = rng.randrange(len(idx))
                idx[at] ^= 1 << rng.randrange(8)
            os.chmod(path, 0o644)
            open(path, "wb").write(idx)
            try:
                p = subprocess.run([adrlog, "--no-cache", "-C", repo, "timeline",
                                    "--format", "json"], stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, timeout=60)
            except subprocess.TimeoutExpired:
                print("run %d: hung" % k)
                continue
            err = p.stderr.decode(errors="replace")
            if p.returncode not in (0, 2) or "==ERROR" in err or "runtime error" in err:
                print("run %d: exit %d: %s" % (k, p.returncode, err[-300:]))
            elif "adr-log: out of memory" in err.splitlines():
                print("run %d: adr-log: out of memory" % k)
        open(path, "wb").write(orig)
    else:
        sys.exit("hostile-pack.py: unknown case " + case)


if __name__ == "__main__":
    main()
