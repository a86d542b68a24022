"""Storage: the SQLCipher vault, its migrations and one repository per aggregate."""
