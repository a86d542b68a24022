-- 0012: signing identities on a smartcard or token (PKCS#11): where the key lives (module, token,
-- key label) instead of a PIN-encrypted key; and whether a signature carries a timestamp.
ALTER TABLE signing_identities ADD COLUMN token TEXT;
