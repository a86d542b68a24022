"""Write the JSON Schemas of the exchange format and the inzage export to docs/schema/ (run after
changing the models)."""

from __future__ import annotations

import json
from pathlib import Path

from tafelapp.domain.exchange import exchange_json_schema
from tafelapp.domain.inzage import InzageExport

TARGET = Path(__file__).resolve().parents[1] / "docs" / "schema" / "case-exchange.v1.json"
INZAGE = TARGET.with_name("inzage.v1.json")


def main() -> None:
    """Regenerate the committed schema file."""
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(json.dumps(exchange_json_schema(), ensure_ascii=False, indent=2) + "\n",
                      encoding="utf-8")
    INZAGE.write_text(json.dumps(InzageExport.model_json_schema(), ensure_ascii=False,
                                 indent=2) + "\n", encoding="utf-8")
    print(f"wrote {TARGET} and {INZAGE}")


if __name__ == "__main__":
    main()
