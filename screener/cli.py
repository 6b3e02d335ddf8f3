"""The command line: the same library the app uses, behind another face.

This is the only module (with the app) that turns `ScreenerError`s into messages.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any, NoReturn, TypeVar

from screener import __version__
from screener.candidate import STATUSES, Candidate
from screener.errors import SpecError
from screener.ingest import Limits
from screener.output import OutputError, output_problem, write_output
from screener.spec import RoleSpec, json_schema, load_spec
from screener.text import printable

T = TypeVar("T")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the process exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "handler"):
        parser.print_help(sys.stderr)
        return 2
    try:
        code: int = args.handler(args)
    except OutputError as exc:
        print(exc, file=sys.stderr)
        return 2
    return code


def run() -> NoReturn:
    """The console script (and ``python -m screener``): `main`, then a quick exit."""
    code = main()
    # At exit the interpreter would garbage-collect every object it tracks (the specs'
    # pydantic schemas, the batch's records): ~60 ms of a 2 s run, freeing nothing that
    # exit does not free anyway. Frozen objects are skipped.
    gc.freeze()
    sys.exit(code)


DESCRIPTION = """\
Screen resumes against a role spec and see why each candidate scored what they did.
Every point traces back to a line of the resume. Nobody is rejected: screener ranks,
flags missing must-haves and plans interviews; the decisions are yours."""
EXAMPLES = """\
examples:
  screener screen --spec role_specs/junior_backend_engineer.yaml resumes/
  screener screen --spec role_specs/junior_backend_engineer.yaml --format csv --out r.csv resumes/
  screener screen --spec role.yaml --blind --format json resumes/ > results.json
  screener redact --spec role.yaml --out redacted/ resumes/
  screener spec validate role_specs/*.yaml

Run 'screener COMMAND --help' for a command's options."""
SCREEN_EXAMPLES = """\
examples:
  screener screen --spec role_specs/junior_backend_engineer.yaml resumes/
  screener screen --spec role.yaml --format csv --out shortlist.csv resumes/ extra.pdf
  screener screen --spec role.yaml --blind --format json resumes/ | jq '.candidates[0]'
  screener screen --spec a.yaml --spec b.yaml --format csv --out roles.csv resumes/

Exit status: 0 when the run finished (files that could not be read are in the output
with the reason), 2 for a usage error or an invalid role spec."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="screener",
        description=DESCRIPTION,
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    spec = commands.add_parser(
        "spec", help="validate, show or describe role specs", description="Work with role specs."
    )
    spec_commands = spec.add_subparsers(title="spec commands", metavar="SPEC_COMMAND")
    validate = spec_commands.add_parser(
        "validate",
        help="check role spec YAML files",
        description="Check role specs; each problem is printed as 'file: field: message'.",
    )
    validate.add_argument("paths", nargs="+", metavar="PATH", help="role spec YAML files")
    validate.set_defaults(handler=_spec_validate)
    show = spec_commands.add_parser("show", help="print a validated role spec as JSON")
    show.add_argument("path", metavar="PATH", help="role spec YAML file")
    show.add_argument("--json", action="store_true", help="as JSON (the default and only format)")
    show.set_defaults(handler=_spec_show)
    schema = spec_commands.add_parser("schema", help="print the role spec JSON Schema")
    schema.set_defaults(handler=_spec_schema)
    draft = spec_commands.add_parser("draft", help="draft a role spec from a job description")
    draft.add_argument("job", metavar="JOB", help="job description (.txt .md .pdf .docx)")
    draft.add_argument("--title", help="the role's title (default: found in the posting)")
    draft.add_argument("--templates", help="red-flag and interview templates YAML")
    draft.add_argument("--out", help="write the spec here instead of stdout")
    draft.set_defaults(handler=_spec_draft)

    _add_screen_commands(commands)
    _add_screenings_commands(commands)
    return parser


def _add_screen_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    screen = commands.add_parser(
        "screen",
        help="rank resumes against a role spec",
        description="Read resumes (PDF, DOCX, TXT, MD; folders are searched recursively),\n"
        "score them against the role spec and print the ranking, best first.",
        epilog=SCREEN_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    screen.add_argument(
        "--spec",
        required=True,
        action="append",
        metavar="YAML",
        help="the role spec to screen for; repeat it to screen for several roles in one run "
        "(each resume is read once; one record per resume and role)",
    )
    screen.add_argument(
        "--format",
        choices=("table", "json", "csv", "parquet"),
        default=None,
        help="table (readable; the default on a terminal), json (the default into a pipe or "
        "file: everything, with evidence and interview plans), csv (one row per candidate) "
        "or parquet (--engine dask only: summary rows as part files in the --out folder)",
    )
    screen.add_argument("--out", metavar="FILE", help="write the results here instead of stdout")
    screen.add_argument(
        "--blind", action="store_true", help="show candidate ids (C-1a2b3c4d), not file names"
    )
    screen.add_argument(
        "--workers", type=int, default=None, metavar="N", help="processes (default: all cores)"
    )
    screen.add_argument(
        "--save", metavar="NAME", help="also append the new files to this saved screening"
    )
    screen.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local worker processes (the default) or Dask tasks (pip install "
        "'screener[cluster]'; inputs may then be fsspec URLs)",
    )
    screen.add_argument(
        "--scheduler",
        metavar="tcp://HOST:PORT",
        help="the Dask scheduler to use (default: a local cluster of --workers processes)",
    )
    screen.add_argument("inputs", nargs="+", metavar="INPUT", help="resume files or folders")
    _add_limit_options(screen)
    screen.set_defaults(handler=_screen)

    redact = commands.add_parser(
        "redact",
        help="write resumes with personal details removed",
        description="Write each resume as text with names, contact details, ages, gender "
        "words and the like removed, for blind review.",
    )
    redact.add_argument(
        "--out", required=True, metavar="FOLDER", help="folder for the redacted .txt files"
    )
    redact.add_argument(
        "--spec", metavar="YAML", help="role spec whose skill words are never removed"
    )
    redact.add_argument("inputs", nargs="+", metavar="INPUT", help="resume files or folders")
    _add_limit_options(redact)
    redact.set_defaults(handler=_redact)


def _add_limit_options(parser: argparse.ArgumentParser) -> None:
    defaults = Limits()
    group = parser.add_argument_group("limits on each input file")
    group.add_argument(
        "--max-mb",
        type=float,
        default=defaults.max_bytes / 2**20,
        metavar="MB",
        help="largest file read (default: %(default)g MB)",
    )
    group.add_argument(
        "--max-pages",
        type=int,
        default=defaults.max_pages,
        metavar="PAGES",
        help="PDF pages read (default: %(default)s)",
    )
    group.add_argument(
        "--timeout",
        type=float,
        default=defaults.timeout_s,
        metavar="SECONDS",
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
    from screener.export import json_record, row_record, to_table
    from screener.screen import screen_files_as
    from screener.workers import start_shared

    if args.format != "parquet" and (problem := output_problem(args.out)):
        print(f"{args.out}: cannot write the output here ({problem})", file=sys.stderr)
        return 2  # said before screening, not after: the results would be lost
    if len(args.spec) > 1 or args.engine == "dask" or args.format == "parquet":
        return _screen_roles(args)
    spec = _load_spec_or_report(args.spec[0])
    if spec is None:
        return 2
    if args.save:  # the store's cache needs every file's content here
        sources = _listed_or_report(args.inputs)
        return 2 if sources is None else _screen_and_save(args, spec, sources)
    start_shared(args.workers, memory_mb=_limits(args).memory_mb)  # starts while we list
    sources = _listed_or_report(args.inputs)  # the workers read the files
    if sources is None:
        return 2
    fmt = args.format or ("table" if not args.out and sys.stdout.isatty() else "json")
    bar = ProgressBar(len(sources))
    run = partial(
        screen_files_as,
        spec,
        sources,
        limits=_limits(args),
        workers=args.workers,
        progress=bar.update,
    )
    if fmt in ("csv", "table"):
        ordered = _in_rank_order(run(partial(row_record, blind=args.blind, spec=spec)))
        text = _csv(args)(ordered) if fmt == "csv" else to_table(ordered, title=spec.title)
        bar.close()
        _write_text(args.out, text)
        return 0
    # each candidate arrives as UTF-8 JSON, serialised in the worker processes
    records = _in_rank_order(run(partial(json_record, blind=args.blind)))
    bar.close()
    role = json.dumps(spec.title, ensure_ascii=False)
    write_output(args.out, _json_list(f'{{"role": {role}, "candidates": [', records, "]}\n"))
    return 0


def _screen_roles(args: argparse.Namespace) -> int:
    """`screen` with several ``--spec``: one ranking per role, each resume read once."""
    from screener.roles import screen_files_roles

    specs = [_load_spec_or_report(path) for path in args.spec]
    if any(spec is None for spec in specs):
        return 2
    loaded = [spec for spec in specs if spec is not None]
    if args.save:
        print("screener: --save takes a single --spec and the local engine", file=sys.stderr)
        return 2
    if args.format == "parquet" and (args.engine != "dask" or not args.out):
        print("screener: --format parquet needs --engine dask and --out FOLDER", file=sys.stderr)
        return 2
    if args.engine == "dask":
        return _screen_dask(args, loaded)
    files = _listed_or_report(args.inputs)
    if files is None:
        return 2
    bar = ProgressBar(len(files))
    run = partial(
        screen_files_roles, loaded, files, limits=_limits(args), workers=args.workers,
        progress=bar.update,
    )  # fmt: skip
    chunks = _roles_output(args, loaded, run)
    bar.close()
    write_output(args.out, chunks)
    return 0


def _screen_dask(args: argparse.Namespace, specs: list[RoleSpec]) -> int:
    """`screen --engine dask`: the same screening as Dask tasks over partitions of inputs."""
    try:
        from screener.cluster import (
            dask_client,
            find_sources,
            screen_sources_dask,
            write_parquet_dask,
        )
    except ImportError as exc:
        print(
            f"screener: --engine dask needs pip install 'screener[cluster]' ({exc})",
            file=sys.stderr,
        )
        return 2
    sources = _inputs_or_report(find_sources, args.inputs)
    if sources is None:
        return 2
    with dask_client(args.scheduler, args.workers) as client:
        if args.format == "parquet":
            counts = write_parquet_dask(
                specs, sources, args.out, client, limits=_limits(args), blind=args.blind
            )
            summary = ", ".join(f"{counts[s]} {s.replace('_', ' ')}" for s in STATUSES)
            print(f"{len(sources)} file(s) x {len(specs)} role(s): {summary}", file=sys.stderr)
            return 0
        run = partial(screen_sources_dask, specs, sources, client=client, limits=_limits(args))
        chunks = _roles_output(args, specs, run)
    write_output(args.out, chunks)
    return 0


def _roles_output(
    args: argparse.Namespace, specs: list[RoleSpec], run: Callable[..., Any]
) -> list[bytes]:
    """Each role's records, ranked: ``run(transform)`` gives ``[role][file]`` records."""
    from screener.export import to_table
    from screener.roles import role_json_record, role_row_record

    fmt = args.format or ("table" if not args.out and sys.stdout.isatty() else "json")
    if fmt == "json":  # each candidate arrives as UTF-8 JSON, serialised in the workers
        per_role = list(map(_in_rank_order, run(partial(role_json_record, blind=args.blind))))
        roles = [
            b"".join(
                _json_list(
                    f'{{"role": {json.dumps(spec.title, ensure_ascii=False)}, '
                    f'"spec": {json.dumps(path, ensure_ascii=False)}, "candidates": [',
                    records,
                    "]}",
                )
            )
            for spec, path, records in zip(specs, args.spec, per_role, strict=True)
        ]
        return list(_json_list('{"roles": [', roles, "]}\n"))
    tables = list(map(_in_rank_order, run(partial(role_row_record, blind=args.blind))))
    if fmt == "csv":
        text = _csv(args)([row for rows in tables for row in rows])
    else:
        text = "\n".join(to_table(t, title=s.title) for s, t in zip(specs, tables, strict=True))
    return [text.encode()]


def _json_list(head: str, items: Sequence[bytes], tail: str) -> Iterator[bytes]:
    """``head``, the JSON items separated by ``", "``, ``tail``: written without a join."""
    yield head.encode()
    for number, item in enumerate(items):
        if number:
            yield b", "
        yield item
    yield tail.encode()


def _listed_or_report(inputs: list[str]) -> list[tuple[str, Path]] | None:
    """The resumes to screen (`list_inputs`), or None after printing the missing input;
    says on stderr how many other files the folders held, so none goes unnoticed."""
    from collections import Counter

    from screener.files import RESUME_SUFFIXES, list_inputs

    left_out: Counter[str] = Counter()
    sources = _inputs_or_report(partial(list_inputs, left_out=left_out), inputs)
    if sources is not None and left_out:
        kinds = ", ".join(f"{suffix or 'no suffix'} x{n}" for suffix, n in sorted(left_out.items()))
        count = sum(left_out.values())
        print(
            f"screener: left out {count} other file(s) found in the folders ({kinds}); "
            f"screener reads {' '.join(sorted(RESUME_SUFFIXES))}",
            file=sys.stderr,
        )
    return sources


def _inputs_or_report(find: Callable[[list[str]], list[T]], inputs: list[str]) -> list[T] | None:
    """What ``find`` lists for the inputs, or None after printing the missing one."""
    try:
        return find(inputs)
    except FileNotFoundError as exc:
        print(f"screener: {exc}", file=sys.stderr)
        return None


def _in_rank_order(records: Sequence[tuple[tuple[Any, ...], T]]) -> list[T]:
    return [record for _, record in sorted(records, key=lambda r: r[0])]


def _redact(args: argparse.Namespace) -> int:
    from screener.errors import IngestError
    from screener.files import find_resumes
    from screener.ingest import ingest_bytes, read_source
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
    failures, written = 0, set[Path]()
    for path in paths:
        try:
            data = read_source(str(path), path, _limits(args))  # within the size cap
            document = ingest_bytes(data, str(path), _limits(args))
        except IngestError as exc:
            failures += 1
            print(printable(f"{exc.filename}: {exc.message}"), file=sys.stderr)
            continue
        result = redact(document.text, keep=keep)
        target = _free_name(out, path.stem, written)  # cv.pdf and cv.docx: cv.txt, cv-2.txt
        try:
            write_output(str(target), [(result.text + "\n").encode()])
        except OutputError as exc:
            failures += 1
            print(printable(str(exc)), file=sys.stderr)
            continue
        removed = ", ".join(f"{k} x{v}" for k, v in sorted(result.removed.items())) or "nothing"
        print(printable(f"{path} -> {target} (removed {removed})"), file=sys.stderr)
    return 0 if not failures else 1


def _free_name(folder: Path, stem: str, taken: set[Path]) -> Path:
    """``folder/stem.txt``, or ``stem-2.txt``... when this run already wrote that name."""
    target, number = folder / f"{stem}.txt", 1
    while target in taken:
        number += 1
        target = folder / f"{stem}-{number}.txt"
    taken.add(target)
    return target


def _add_screenings_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    saved = commands.add_parser("screenings", help="saved screenings: list, show, export, delete")
    saved.add_argument("--db", help="screenings database (default: $SCREENER_SCREENINGS_DB)")
    sub = saved.add_subparsers(title="screenings commands")
    listing = sub.add_parser("list", help="every saved screening")
    listing.set_defaults(handler=_screenings_list)
    show = sub.add_parser("show", help="a screening's candidates, scores and decisions")
    show.add_argument("name", metavar="NAME", help="the saved screening")
    show.add_argument("--format", choices=("json", "csv"), default="json", help="output format")
    show.add_argument("--blind", action="store_true", help="candidate ids instead of file names")
    show.set_defaults(handler=_screenings_show)
    export = sub.add_parser("export", help="write a screening (or its shortlist) as CSV")
    export.add_argument("name", metavar="NAME", help="the saved screening")
    export.add_argument("--shortlist", action="store_true", help="only shortlisted candidates")
    export.add_argument("--out", required=True, help="CSV file to write")
    export.add_argument("--blind", action="store_true", help="candidate ids instead of file names")
    export.set_defaults(handler=_screenings_export)
    delete = sub.add_parser("delete", help="delete a saved screening and everything in it")
    delete.add_argument("name", metavar="NAME", help="the saved screening")
    delete.set_defaults(handler=_screenings_delete)
    erase = sub.add_parser("erase", help="erase a candidate from every screening (by id)")
    erase.add_argument("candidate", metavar="ID", help="candidate id (C-1a2b3c4d) or SHA-256")
    erase.set_defaults(handler=_screenings_erase)
    purge = sub.add_parser("purge", help="remove stored resume text older than DAYS")
    purge.add_argument(
        "--older-than", type=float, required=True, metavar="DAYS", help="age of files to purge"
    )
    purge.set_defaults(handler=_screenings_purge)


def _screen_and_save(
    args: argparse.Namespace, spec: RoleSpec, sources: list[tuple[str, Path]]
) -> int:
    """`screen --save NAME`: screen the files not yet in the screening and append them."""
    from screener.audit import AuditLog, default_path
    from screener.screen import ranked, screen_files
    from screener.store import ScreeningStore

    files, refused = _read_for_store(sources, _limits(args))

    store = ScreeningStore()
    if not store.exists(args.save):
        store.create(args.save, spec)
    saved = store.spec(args.save)
    if saved.fingerprint != spec.fingerprint:
        print(
            f"screener: screening {args.save!r} was saved with another version of the spec "
            f"(hash {saved.fingerprint}, this one {spec.fingerprint}); use a new name",
            file=sys.stderr,
        )
        return 2
    known = store.known(args.save)
    todo = [(n, d) for n, d in files if hashlib.sha256(d).hexdigest() not in known]
    bar = ProgressBar(len(todo))
    screened = screen_files(
        spec, todo, limits=_limits(args), workers=args.workers, progress=bar.update
    )
    bar.close()
    candidates = ranked([*screened, *(c for c in refused if c.sha256 not in known)])
    added = store.add(args.save, candidates)
    if added:
        AuditLog(default_path()).record_run(spec, candidates)
    print(
        f"{args.save}: {len(added)} new file(s) added, {len(files) - len(todo)} already there",
        file=sys.stderr,
    )
    _write_results(args, spec, candidates)
    return 0


def _read_for_store(
    sources: list[tuple[str, Path]], limits: Limits
) -> tuple[list[tuple[str, bytes]], list[Candidate]]:
    """Each file's content for the store's check by digest, read within the size cap.

    A file past the cap is an error candidate without being read whole; one that cannot
    be read is named on stderr and left out (never acknowledged as saved), and the batch
    goes on.
    """
    from screener.candidate import failed
    from screener.errors import IngestError
    from screener.ingest import read_source

    files: list[tuple[str, bytes]] = []
    refused: list[Candidate] = []
    for name, path in sources:
        try:
            files.append((name, read_source(name, path, limits)))
        except IngestError as exc:
            if exc.code == "unreadable":
                print(printable(f"screener: {exc}; not saved"), file=sys.stderr)
            else:
                refused.append(failed(exc))
    return files, refused


def _write_results(args: argparse.Namespace, spec: RoleSpec, candidates: Sequence[Any]) -> None:
    from screener.export import candidate_to_dict, summary_row, to_table

    fmt = args.format or ("table" if not args.out and sys.stdout.isatty() else "json")
    if fmt in ("csv", "table"):
        rows = [summary_row(c, blind=args.blind, spec=spec) for c in candidates]
        text = _csv(args)(rows) if fmt == "csv" else to_table(rows, title=spec.title)
    else:
        body = [candidate_to_dict(c, blind=args.blind) for c in candidates]
        text = json.dumps({"role": spec.title, "candidates": body}, ensure_ascii=False) + "\n"
    _write_text(args.out, text)


def _csv(args: argparse.Namespace) -> Callable[..., str]:
    """CSV for a file (`excel_csv`: marked UTF-8 for Excel) or for stdout (`to_csv`)."""
    from screener.export import excel_csv, to_csv

    return excel_csv if args.out else to_csv


def _write_text(path: str | None, text: str) -> None:
    write_output(path, [text.encode()])


def _saved(args: argparse.Namespace) -> Any:
    from screener.store import ScreeningStore

    return ScreeningStore(args.db)


def _screenings_list(args: argparse.Namespace) -> int:
    rows = _saved(args).screenings()
    print(f"{'name':<30} {'role':<28} {'candidates':>10} {'files':>6} {'shortlisted':>11}  changed")
    for r in rows:
        print(f"{r.name[:30]:<30} {r.role_title[:28]:<28} {r.candidates:>10} {r.files:>6} "
              f"{r.shortlisted:>11}  {r.updated_at[:16].replace('T', ' ')}")  # fmt: skip
    return 0


def _screenings_rows(args: argparse.Namespace) -> list[dict[str, Any]] | None:
    from screener.export import saved_rows
    from screener.store import StoreError

    try:
        rows = _saved(args).rows(args.name)
    except StoreError as exc:
        print(f"screener: {exc}", file=sys.stderr)
        return None
    shortlist = getattr(args, "shortlist", False)
    return saved_rows(rows, blind=args.blind, shortlist_only=shortlist)


def _screenings_show(args: argparse.Namespace) -> int:
    from screener.export import SAVED_COLUMNS, to_csv

    rows = _screenings_rows(args)
    if rows is None:
        return 1
    if args.format == "csv":
        sys.stdout.write(to_csv(rows, SAVED_COLUMNS))
    else:
        json.dump({"screening": args.name, "candidates": rows}, sys.stdout, ensure_ascii=False)
        print()
    return 0


def _screenings_export(args: argparse.Namespace) -> int:
    from screener.export import SAVED_COLUMNS

    rows = _screenings_rows(args)
    if rows is None:
        return 1
    _write_text(args.out, _csv(args)(rows, SAVED_COLUMNS))
    print(f"{args.out}: {len(rows)} candidate(s)", file=sys.stderr)
    return 0


def _screenings_delete(args: argparse.Namespace) -> int:
    from screener.store import StoreError

    try:
        _saved(args).delete(args.name)
    except StoreError as exc:
        print(f"screener: {exc}", file=sys.stderr)
        return 1
    print(f"deleted screening {args.name!r}", file=sys.stderr)
    return 0


def _screenings_erase(args: argparse.Namespace) -> int:
    store = _saved(args)
    shas = store.resolve(args.candidate)
    if not shas:
        print(f"screener: no saved candidate {args.candidate!r}", file=sys.stderr)
        return 1
    from screener.audit import AuditLog, default_path
    from screener.screen import candidate_id

    removed = sum(store.erase(sha) for sha in shas)
    log = AuditLog(default_path())
    for sha in shas:
        log.forget(candidate_id(sha), sha)
    print(f"erased {args.candidate}: {removed} file record(s) and its audit rows", file=sys.stderr)
    return 0


def _screenings_purge(args: argparse.Namespace) -> int:
    purged = _saved(args).purge_older_than(args.older_than)
    print(
        f"purged the text of {purged} file(s) older than {args.older_than:g} days", file=sys.stderr
    )
    return 0


class ProgressBar:
    """A one-line progress bar on stderr, redrawn in place on a terminal."""

    def __init__(self, total: int, width: int = 30) -> None:
        self.total, self.width = total, width
        self.tty = sys.stderr.isatty()
        self.last_tenth = -1

    def update(self, done: int, total: int, name: str) -> None:
        filled = int(self.width * done / max(total, 1))
        line = f"[{'#' * filled}{'.' * (self.width - filled)}] {done}/{total} {_short(name)}"
        if self.tty:
            print(f"\r{line:<80}", end="", file=sys.stderr, flush=True)
        elif done * 10 // max(total, 1) > self.last_tenth:
            self.last_tenth = done * 10 // max(total, 1)
            print(line, file=sys.stderr)

    def close(self) -> None:
        if self.tty:
            print(file=sys.stderr)


def _short(path: str, limit: int = 40) -> str:
    """The file name of ``path``, cut at the end (never the start) to ``limit`` characters.

    >>> _short("sample_resumes/a_very_long_name_for_a_resume_file_2024_final.pdf", 24)
    'a_very_long_name_for_a_…'
    """
    name = printable(path.replace("\\", "/").rsplit("/", 1)[-1])  # no escape sequences
    return name if len(name) <= limit else name[: limit - 1] + "…"


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


def _spec_draft(args: argparse.Namespace) -> int:
    """Draft a spec from a job description; exit 2 when it cannot be read or drafted."""
    from pathlib import Path

    from screener.draft import draft_document, draft_yaml
    from screener.draft_templates import load_templates
    from screener.errors import ScreenerError

    try:
        templates = load_templates(args.templates) if args.templates else None
        data = Path(args.job).read_bytes()
        draft = draft_document(data, args.job, title=args.title, templates=templates)
    except OSError as exc:
        print(f"{args.job}: cannot read file: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except ScreenerError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    text = draft_yaml(draft)
    if args.out:
        write_output(args.out, [text.encode()])  # an OutputError is reported by `main`
        spec = draft.spec
        print(
            f"{args.out}: {spec.title}: {len(spec.hard_skills)} hard skills "
            f"({sum(s.must_have for s in spec.hard_skills)} must-have), "
            f"{sum(len(c.tools) for c in spec.tools)} tools, {len(spec.soft_skills)} soft skills, "
            f"{len(spec.interview.rounds)} interview rounds",
            file=sys.stderr,
        )
    else:
        sys.stdout.write(text)
    return 0
