"""Write outlines/outline.schema.json from the field table (src/deckmaker/outline/fields.py).

Run from the repository root after changing a field:

    python tools/make_schema.py

tests/test_schema.py fails while the shipped file differs from what this writes.
"""

from pathlib import Path

from deckmaker.schema import SCHEMA_NAME, generated_schema

if __name__ == "__main__":
    target = Path(__file__).resolve().parents[1] / "outlines" / SCHEMA_NAME
    target.write_bytes(generated_schema())
    print(f"Wrote {target}")
