"""Decrypt every page of a SQLCipher 4 vault file and its WAL (test helper, with `cryptography`)."""

from __future__ import annotations

import hashlib
import hmac
import struct
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE = 4096
RESERVE = 80  # 16-byte IV + 64-byte HMAC-SHA512
SALT = 16
KDF_ITERATIONS = 256_000
WAL_HEADER = 32
FRAME_HEADER = 24


def keys(passphrase: str, salt: bytes) -> tuple[bytes, bytes]:
    """(AES key, HMAC key) as SQLCipher 4 derives them from a passphrase and the file's salt."""
    key = hashlib.pbkdf2_hmac("sha512", passphrase.encode(), salt, KDF_ITERATIONS, 32)
    hmac_salt = bytes(b ^ 0x3A for b in salt)
    return key, hashlib.pbkdf2_hmac("sha512", key, hmac_salt, 2, 32)


def decrypt_page(raw: bytes, number: int, key: bytes, hmac_key: bytes) -> bytes:
    """One page's plaintext; raises ValueError when its HMAC does not hold (wrong key, bad page)."""
    start = SALT if number == 1 else 0
    body = raw[start:PAGE - RESERVE]
    iv = raw[PAGE - RESERVE:PAGE - RESERVE + 16]
    tag = raw[PAGE - RESERVE + 16:PAGE]
    expected = hmac.new(hmac_key, body + iv + struct.pack("<I", number), "sha512").digest()
    if not hmac.compare_digest(expected, tag):
        raise ValueError(f"page {number}: HMAC does not hold")
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return decryptor.update(body) + decryptor.finalize()


def file_pages(path: Path, passphrase: str) -> tuple[bytes, list[bytes]]:
    """(salt, plaintext of every page) of the main vault file."""
    data = path.read_bytes()
    salt = data[:SALT]
    key, hmac_key = keys(passphrase, salt)
    pages = [decrypt_page(data[i:i + PAGE], i // PAGE + 1, key, hmac_key)
             for i in range(0, len(data) - len(data) % PAGE, PAGE)]
    return salt, pages


def wal_pages(path: Path, passphrase: str, salt: bytes) -> list[bytes]:
    """Plaintext of every frame's page in a WAL file (the salt is the main file's)."""
    if not path.exists():
        return []
    data = path.read_bytes()
    key, hmac_key = keys(passphrase, salt)
    pages = []
    offset = WAL_HEADER
    while offset + FRAME_HEADER + PAGE <= len(data):
        number = struct.unpack(">I", data[offset:offset + 4])[0]
        raw = data[offset + FRAME_HEADER:offset + FRAME_HEADER + PAGE]
        pages.append(decrypt_page(raw, number, key, hmac_key))
        offset += FRAME_HEADER + PAGE
    return pages


def plaintext(vault: Path, passphrase: str) -> tuple[bytes, bytes]:
    """(every page of the vault file, every frame of its WAL) decrypted and joined."""
    salt, pages = file_pages(vault, passphrase)
    wal = wal_pages(vault.with_name(vault.name + "-wal"), passphrase, salt)
    return b"".join(pages), b"".join(wal)
