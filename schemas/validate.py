#!/usr/bin/env python3
"""Validate findings documents against schemas/findings-v1.schema.json.

Usage: python3 schemas/validate.py FILE...

Exits 0 when every file is valid, 1 when one is not (each problem is printed with the
file and the JSON path), and 2 on usage errors or when jsonschema is missing.
"""

import json
import pathlib
import sys


def main(argv):
    if len(argv) < 2:
        print("usage: validate.py FILE...", file=sys.stderr)
        return 2
    try:
        import jsonschema
    except ImportError:
        print("error: the Python package 'jsonschema' is not installed", file=sys.stderr)
        return 2
    schema_path = pathlib.Path(__file__).with_name("findings-v1.schema.json")
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    failed = False
    for name in argv[1:]:
        try:
            document = json.loads(pathlib.Path(name).read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            print(f"{name}: error: {error}")
            failed = True
            continue
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
        for error in errors:
            path = "".join(
                f"[{part}]" if isinstance(part, int) else f".{part}" for part in error.absolute_path
            ).lstrip(".")
            print(f"{name}: error: {path or '(document)'}: {error.message}")
        if errors:
            failed = True
        else:
            print(f"{name}: valid")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
