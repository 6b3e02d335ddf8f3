"""The command line: the same library the app uses, behind another face.

This is the only module (with the app) that turns `ScreenerError`s into messages.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import replace
from functools import partial

from screener.errors import SpecError
from screener.ingest import Limits
from screener.spec import RoleSpec, json_schema, load_spec


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
    screen = commands.add_parser("screen", help="screen resumes against a role spec")
    screen.add_argument("--spec", required=True, help="role spec YAML")
    screen.add_argument("--format", choices=("json", "csv"), default="json")
    screen.add_argument("--out", help="write here instead of stdout")
    screen.add_argument("--blind", action="store_true", help="candidate ids instead of file names")
    screen.add_argument("--workers", type=int, default=None, help="processes (default: all cores)")
    screen.add_argument("inputs", nargs="+", metavar="INPUT", help="files or folders")
    _add_limit_options(screen)
    screen.set_defaults(handler=_screen)

    redact = commands.add_parser("redact", help="write resumes with personal details removed")
    redact.add_argument("--out", required=True, help="folder for the redacted .txt files")
    redact.add_argument("--spec", help="role spec whose skill words are never removed")
    redact.add_argument("inputs", nargs="+", metavar="INPUT", help="files or folders")
    _add_limit_options(redact)
    redact.set_defaults(handler=_redact)


def _add_limit_options(parser: argparse.ArgumentParser) -> None:
    defaults = Limits()
    group = parser.add_argument_group("limits on each input file")
    group.add_argument(
        "--max-mb",
        type=float,
        default=defaults.max_bytes / 2**20,
        help="largest file read (default: %(default)g MB)",
    )
    group.add_argument(
        "--max-pages",
        type=int,
        default=defaults.max_pages,
        help="PDF pages read (default: %(default)s)",
    )
    group.add_argument(
        "--timeout",
        type=float,
        default=defaults.timeout_s,
        help="seconds to parse one PDF/DOCX (default: %(default)g)",
    )


def _limits(args: argparse.Namespace) -> Limits:
    return replace(
        Limits(),
        max_bytes=int(args.max_mb * 2**20),
        max_pages=args.max_pages,
        timeout_s=args.timeout,
    )


def _screen(args: argparse.Namespace) -> int:
    from screener.export import json_record, row_record, to_csv
    from screener.files import collect_inputs
    from screener.screen import screen_files_as

    spec = _load_spec_or_report(args.spec)
    if spec is None:
        return 2
    try:
        files = collect_inputs(args.inputs)
    except FileNotFoundError as exc:
        print(f"screener: {exc}", file=sys.stderr)
        return 2
    bar = ProgressBar(len(files))
    run = partial(
        screen_files_as,
        spec,
        files,
        limits=_limits(args),
        workers=args.workers,
        progress=bar.update,
    )
    if args.format == "csv":
        rows = run(partial(row_record, blind=args.blind, spec=spec))
        text = to_csv(row for _, row in sorted(rows, key=lambda r: r[0]))
    else:  # each candidate arrives as JSON text, serialised in the worker processes
        records = run(partial(json_record, blind=args.blind))
        role = json.dumps(spec.title, ensure_ascii=False)
        body = ", ".join(text for _, text in sorted(records, key=lambda r: r[0]))
        text = f'{{"role": {role}, "candidates": [{body}]}}\n'
    bar.close()
    if args.out:
        with open(args.out, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    else:
        sys.stdout.write(text)
    return 0


def _redact(args: argparse.Namespace) -> int:
    from pathlib import Path

    from screener.errors import IngestError
    from screener.files import find_resumes
    from screener.ingest import ingest_bytes
    from screener.redact import redact, spec_words

    keep: frozenset[str] = frozenset()
    if args.spec:
        spec = _load_spec_or_report(args.spec)
        if spec is None:
            return 2
        keep = spec_words(spec)
    try:
        paths = find_resumes(args.inputs)
    except FileNotFoundError as exc:
        print(f"screener: {exc}", file=sys.stderr)
        return 2
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    failures = 0
    for path in paths:
        try:
            document = ingest_bytes(path.read_bytes(), str(path), _limits(args))
        except IngestError as exc:
            failures += 1
            print(f"{exc.filename}: {exc.message}", file=sys.stderr)
            continue
        result = redact(document.text, keep=keep)
        (out / f"{path.stem}.txt").write_text(result.text + "\n", encoding="utf-8")
        removed = ", ".join(f"{k} x{v}" for k, v in sorted(result.removed.items())) or "nothing"
        print(f"{path} -> {out / (path.stem + '.txt')} (removed {removed})", file=sys.stderr)
    return 0 if not failures else 1


class ProgressBar:
    """A one-line progress bar on stderr, redrawn in place on a terminal."""

    def __init__(self, total: int, width: int = 30) -> None:
        self.total, self.width = total, width
        self.tty = sys.stderr.isatty()
        self.last_tenth = -1

    def update(self, done: int, total: int, name: str) -> None:
        filled = int(self.width * done / max(total, 1))
        line = f"[{'#' * filled}{'.' * (self.width - filled)}] {done}/{total} {name[-40:]}"
        if self.tty:
            print(f"\r{line:<80}", end="", file=sys.stderr, flush=True)
        elif done * 10 // max(total, 1) > self.last_tenth:
            self.last_tenth = done * 10 // max(total, 1)
            print(line, file=sys.stderr)

    def close(self) -> None:
        if self.tty:
            print(file=sys.stderr)


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


def _load_spec_or_report(path: str) -> RoleSpec | None:
    """The validated spec, or None after printing each problem as 'file: field: message'."""
    try:
        return load_spec(path)
    except SpecError as exc:
        print("\n".join(exc.lines()), file=sys.stderr)
        return None


def _spec_show(args: argparse.Namespace) -> int:
    spec = _load_spec_or_report(args.path)
    if spec is None:
        return 1
    json.dump(spec.model_dump(mode="json"), sys.stdout, indent=2, ensure_ascii=False)
    print()
    return 0


def _spec_schema(args: argparse.Namespace) -> int:
    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return 0
