"""The domain: pydantic models of tafel meetings and the pure rules that judge them (no I/O)."""
