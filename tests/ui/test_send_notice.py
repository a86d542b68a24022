"""What 'Nu verzenden' says counts documents and cases apart (a case is its zaak at the region,
not a document)."""

from ui.controllers.outbox import NO_REGION, send_notice


def test_the_notice_names_documents_and_cases_apart() -> None:
    assert send_notice(False, 3) == NO_REGION
    assert send_notice(True, 0) == "Er wacht niets om te verzenden."
    assert send_notice(True, 1) == "1 document wordt nu verzonden."
    assert send_notice(True, 3) == "3 documenten worden nu verzonden."
    assert send_notice(True, 1, 1) == "1 casus wordt nu verzonden."
    assert send_notice(True, 3, 1) == "2 documenten en 1 casus worden nu verzonden."
    assert send_notice(True, 4, 3) == "1 document en 3 casussen worden nu verzonden."
