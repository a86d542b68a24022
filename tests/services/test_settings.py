"""Settings live inside the vault and refuse bad values with the field named."""

import pytest

from tafelapp.domain.problems import InvalidInput
from tafelapp.services import settings_service
from tafelapp.services.session import Session


def test_settings_round_trip_and_validation(session: Session) -> None:
    assert settings_service.get_settings(session).auto_lock_minutes == 5
    settings_service.update_settings(session, auto_lock_minutes=10)
    assert settings_service.get_settings(session).auto_lock_minutes == 10
    with pytest.raises(InvalidInput) as info:
        settings_service.update_settings(session, auto_lock_minutes=0)
    assert info.value.problems[0].field == "settings.auto_lock_minutes"
    assert settings_service.get_settings(session).auto_lock_minutes == 10
