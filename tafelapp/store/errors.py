"""What can go wrong when opening or changing the vault, each with a Dutch message."""

from __future__ import annotations


class VaultError(Exception):
    """Base of every vault failure; `str()` is a Dutch sentence fit for a user."""


class WrongPassphrase(VaultError):
    """The key does not open the file (or the file is not a Tafelapp vault)."""

    def __init__(self) -> None:
        super().__init__("De wachtwoordzin is onjuist, of dit bestand is geen Tafelapp-kluis. "
                         "Er is niets aan de kluis veranderd.")


class VaultNotFound(VaultError):
    """No vault exists at the path."""

    def __init__(self, path: str) -> None:
        super().__init__(f"Er is geen kluis op {path}. Maak er een met 'tafelapp init'.")


class VaultExists(VaultError):
    """Refused to create a vault over an existing file."""

    def __init__(self, path: str) -> None:
        super().__init__(f"Er staat al een kluis op {path}; die wordt niet overschreven.")


class VaultTooNew(VaultError):
    """The vault was written by a newer Tafelapp; opening it could damage it."""

    def __init__(self, found: int, known: int) -> None:
        self.found = found
        self.known = known
        super().__init__(f"Deze kluis is gemaakt met een nieuwere versie van Tafelapp "
                         f"(schemaversie {found}; deze versie kent tot en met {known}). "
                         "Installeer de nieuwste versie; de kluis is niet gewijzigd.")


class MigrationFailed(VaultError):
    """A migration raised; its transaction was rolled back and the vault stays at the old version."""

    def __init__(self, version: int, detail: str) -> None:
        super().__init__(f"Bijwerken van de kluis naar versie {version} is mislukt en teruggedraaid "
                         f"({detail}). Er is een reservekopie gemaakt vóór het bijwerken.")


class RecordLocked(Exception):
    """A write would change an agenda item (or its meeting) whose notulen are signed or signing.

    Raised by the meeting repository, the one place every write of a meeting passes through;
    the services turn it into a Dutch refusal that names the meeting.
    """

    def __init__(self, meeting_id: str, item_id: str, status: str) -> None:
        self.meeting_id = meeting_id
        self.item_id = item_id
        self.status = status
        super().__init__(f"agenda item {item_id} of meeting {meeting_id} is {status}")
