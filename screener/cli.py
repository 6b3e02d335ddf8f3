"""The command line: the same library the app uses, behind another face.

This is the only module (with the app) that turns `ScreenerError`s into messages.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from screener.errors import SpecError
from screener.spec import json_schema, load_spec


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the process exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "handler"):
        parser.print_help(sys.stderr)
        return 2
    code: int = args.handler(args)
    return code


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="screener", description=__doc__)
    commands = parser.add_subparsers(title="commands")

    spec = commands.add_parser("spec", help="validate or show role specs")
    spec_commands = spec.add_subparsers(title="spec commands")
    validate = spec_commands.add_parser("validate", help="validate role spec YAML files")
    validate.add_argument("paths", nargs="+", metavar="PATH")
    validate.set_defaults(handler=_spec_validate)
    show = spec_commands.add_parser("show", help="print a validated role spec")
    show.add_argument("path", metavar="PATH")
    show.add_argument("--json", action="store_true", help="as JSON (the default)")
    show.set_defaults(handler=_spec_show)
    schema = spec_commands.add_parser("schema", help="print the role spec JSON Schema")
    schema.set_defaults(handler=_spec_schema)

    _add_screen_commands(commands)
    return parser


def _add_screen_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Commands that read resumes (added as the library grows)."""


def _spec_validate(args: argparse.Namespace) -> int:
    failed = False
    for path in args.paths:
        try:
            load_spec(path)
        except SpecError as exc:
            failed = True
            for line in exc.lines():
                print(line, file=sys.stderr)
        else:
            print(f"{path}: ok")
    return 1 if failed else 0


def _spec_show(args: argparse.Namespace) -> int:
    try:
        spec = load_spec(args.path)
    except SpecError as exc:
        print("\n".join(exc.lines()), file=sys.stderr)
        return 1
    json.dump(spec.model_dump(mode="json"), sys.stdout, indent=2, ensure_ascii=False)
    print()
    return 0


def _spec_schema(args: argparse.Namespace) -> int:
    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return 0
