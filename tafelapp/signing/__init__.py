"""PAdES signing and verification (pyHanko) and signing identities (cryptography)."""
