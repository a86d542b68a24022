"""Write the JSON Schema of the exchange format to docs/schema/ (run after changing the models)."""

from __future__ import annotations

import json
from pathlib import Path

from tafelapp.domain.exchange import exchange_json_schema

TARGET = Path(__file__).resolve().parents[1] / "docs" / "schema" / "case-exchange.v1.json"


def main() -> None:
    """Regenerate the committed schema file."""
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(json.dumps(exchange_json_schema(), ensure_ascii=False, indent=2) + "\n",
                      encoding="utf-8")
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
