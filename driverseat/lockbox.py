"""The passphrase lock: a prep kept in the open age format (age-encryption.org/v1).

UI-free and small. A locked file is an age file with one scrypt passphrase stanza, made
by ``pyrage`` (the Rust age library), so the standard ``age -d`` command opens it too and
a file made with ``age -p`` opens here. The passphrase is only ever held in memory by
the caller (the store); nothing here writes to disk.

pyrage uses scrypt with the work factor age itself picks (2**18 at the time of writing),
so locking or opening takes about a second on purpose: it makes guessing slow. pyrage
keeps Python's GIL all that time, so a lock made on a background thread would still stop
every other thread (the app's screen): ``lock_aside`` makes it in a short-lived child
process instead, handing it the passphrase and the text through a pipe (never a file,
an argument or the environment).
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

MAGIC = b"age-encryption.org/v1\n"
ARMOR = b"-----BEGIN AGE ENCRYPTED FILE-----"


class NeedsPassphrase(Exception):
    """The prep is locked: a passphrase is needed to open it. Nothing was changed."""

    def __init__(self, path: Path | None = None):
        self.path = Path(path) if path is not None else None
        super().__init__(str(path or ""))


class WrongPassphrase(NeedsPassphrase):
    """The passphrase given does not open this prep. Nothing was changed."""


def is_locked(raw: bytes) -> bool:
    """True when these bytes are an age file (binary or armored)."""
    return raw.startswith(MAGIC) or raw.lstrip()[: len(ARMOR)] == ARMOR


def file_is_locked(path: Path) -> bool:
    """True when the file at ``path`` starts like an age file (False when it can't be read).

    Only a regular file is looked at, opened without blocking (a FIFO would wait forever)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return False
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return False
        return is_locked(os.read(fd, 64))
    except OSError:
        return False
    finally:
        os.close(fd)


def lock(data: bytes, passphrase: str) -> bytes:
    """``data`` encrypted with ``passphrase`` in the age format (scrypt stanza)."""
    import pyrage

    return bytes(pyrage.passphrase.encrypt(data, passphrase))


# The child: read a 4-byte length, the passphrase, then the data; write the locked bytes.
_CHILD = (
    "import sys, pyrage\n"
    "raw = sys.stdin.buffer.read()\n"
    "size = int.from_bytes(raw[:4], 'big')\n"
    "secret = raw[4:4 + size].decode('utf-8', 'surrogatepass')\n"
    "sys.stdout.buffer.write(bytes(pyrage.passphrase.encrypt(raw[4 + size:], secret)))\n"
)


def lock_aside(data: bytes, passphrase: str) -> bytes:
    """``lock``, run in a child process so this process's other threads go on meanwhile.

    When the child can't run or gives something that is not an age file, the lock is
    made here after all (slower for the other threads, never weaker)."""
    secret = passphrase.encode("utf-8", "surrogatepass")
    try:
        done = subprocess.run(
            [sys.executable, "-I", "-c", _CHILD],
            input=len(secret).to_bytes(4, "big") + secret + data,
            capture_output=True,
            check=False,
        )
    except OSError:
        return lock(data, passphrase)
    if done.returncode != 0 or not is_locked(done.stdout):
        return lock(data, passphrase)
    return done.stdout


def unlock(raw: bytes, passphrase: str) -> bytes:
    """The bytes inside an age file; ``WrongPassphrase`` when the passphrase does not open it."""
    import pyrage

    try:
        return bytes(pyrage.passphrase.decrypt(raw, passphrase))
    except Exception:  # pyrage.DecryptError: wrong passphrase or a damaged file
        raise WrongPassphrase() from None


def same_passphrase(a: str, b: str) -> bool:
    """Compare two passphrases in constant time."""
    import hmac  # (with hashlib, about 2 ms: only when a passphrase is checked)

    return hmac.compare_digest(a.encode("utf-8", "surrogatepass"), b.encode("utf-8", "surrogatepass"))
