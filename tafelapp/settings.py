"""AppSettings: the preferences kept inside the vault (so they are encrypted and travel with it)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class AppSettings(BaseModel):
    """User-facing preferences; new fields get defaults so older vaults keep working."""

    model_config = ConfigDict(extra="ignore")

    auto_lock_minutes: int = Field(default=5, ge=1, le=120)
    stale_case_weeks: int = Field(default=6, ge=1, le=52)
    user_display_name: str = Field(default="", max_length=200)
    recipients_by_role: dict[str, list[str]] = Field(default_factory=dict)
    region_only: bool = False  # a ketenregisseur without a table of her own (the wizard's choice)
    # Renew a notulen's archive timestamp this many days before its TSA certificate expires.
    archive_renew_margin_days: int = Field(default=90, ge=7, le=730)


class UiPosition(BaseModel):
    """Where the user was in the desktop app, so a restart or unlock returns there."""

    model_config = ConfigDict(extra="ignore")

    page: str = "overview"
    meeting_id: str | None = None
    item_id: str | None = None
    step: str | None = None


class RegionSettings(BaseModel):
    """Where and how a region's document store is reached (kept inside the vault)."""

    base_url: str = ""
    client_id: str = ""
    secret: str = ""
    rsin: str = Field(default="", max_length=9)
    informatieobjecttype: str = ""
    confidentiality: str = "vertrouwelijk"
    ca_bundle: str | None = None
    timeout_seconds: float = 20.0
    tsa_url: str = ""
    # The Zaken API (each case as a zaak); empty in vaults from before it: nothing is published.
    zaken_url: str = ""
    zaaktypen: dict[str, str] = Field(default_factory=dict)  # table kind (JBT, ZVT) -> zaaktype URL
    pseudonym_secret: str = ""  # HMAC key for betrokkenen's pseudonyms; never sent
    status_names: dict[str, str] = Field(default_factory=dict)  # our step -> statustype omschrijving
    role_names: dict[str, str] = Field(default_factory=dict)  # our role -> roltype omschrijving
    result_names: dict[str, str] = Field(default_factory=dict)  # decision -> resultaattype

    @property
    def configured(self) -> bool:
        """True when every setting needed to send is there."""
        return all((self.base_url, self.client_id, self.secret, self.rsin,
                    self.informatieobjecttype))

    @property
    def zaken_configured(self) -> bool:
        """True when cases can be published as zaken (documents configured too: the notulen link)."""
        return self.configured and bool(self.zaken_url and self.zaaktypen
                                        and self.pseudonym_secret)
