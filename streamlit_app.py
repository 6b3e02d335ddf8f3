"""screener's web app: layout and wiring only; everything that computes is in screener/."""

from __future__ import annotations

import hashlib
from functools import partial
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from screener import audit, charts, draft_view, fairness, review
from screener import store as saved
from screener.audit import AuditLog
from screener.bulk import Action, bulk_shortlist
from screener.candidate import STATUSES, Candidate, ranked
from screener.draft import Draft, draft_document, draft_spec, draft_yaml
from screener.draft_templates import default_templates_text, parse_templates
from screener.errors import ScreenerError, SpecError
from screener.export import display_name, results_csv, saved_csv, shortlist_csv
from screener.fit import RoleFit, fit_of, reads_more_like, role_scores
from screener.interview import plan_markdown
from screener.jobad import job_description
from screener.spec import RoleSpec, load_spec, parse_spec

ROOT = Path(__file__).resolve().parent
SPECS = ROOT / "role_specs"
SAMPLES = ROOT / "sample_resumes"
RESUME_TYPES = ["pdf", "docx", "txt", "md"]
BAND_HELP = "strong, possible or weak, from the spec's score thresholds; a band never rejects"
HIDE_UPLOAD_NAMES = "<style>.st-key-resumes [data-testid='stFileChips']{display:none}</style>"
# wide enough for the weights table's four columns (the recruiter can still drag it)
SIDEBAR_STYLE = "<style>section[data-testid='stSidebar']{width:430px !important}</style>"
DRAFTED = "New role (drafted in this session)"


def main() -> None:
    st.set_page_config(page_title="screener", page_icon=":mag:", layout="wide")
    state = st.session_state
    state.setdefault("cache", {})  # (spec fingerprint, name, sha256) -> Candidate
    state.setdefault("shortlist", set())
    state.setdefault("use_samples", False)
    base, active, blind = sidebar_ui()
    st.title(f"Screening: {active.title}")
    screen_tab, role_tab, new_role_tab, fairness_tab = st.tabs(
        ["Screen candidates", "Role and job description", "New role", "Fairness and audit"]
    )
    with role_tab:
        role_ui(base, active)
    with new_role_tab:
        new_role_ui()
    with screen_tab:
        candidates = screen_ui(base, active, blind)
    with fairness_tab:
        fairness_ui(candidates)


def screen_ui(base: RoleSpec, active: RoleSpec, blind: bool) -> list[Candidate]:
    name = saved_screening_ui(active)
    files = inputs_ui(blind)
    if name:
        active, candidates = saved_candidates_ui(name, files)
    else:
        candidates = screen(base, active, files)
    if not candidates:
        st.info("Upload resumes, paste text, or try the sample resumes to see a ranking.")
        return []
    run_id = audit_run(active, candidates)
    status_ui(candidates, blind)
    duplicates_ui(files, blind)
    skills = saved_skills(name) if name else None
    shown = ranking_ui(candidates, blind, run_id, fit_notes(active, candidates), skills)
    bulk_ui(candidates, shown, run_id)
    charts_ui(candidates, shown, blind)
    detail_ui(active, candidates, blind)
    if name:
        decision_ui(name, candidates, blind, run_id)
    export_ui(active, candidates, blind, name)
    if name:
        saved_export_ui(name, blind)
    return candidates


# ---------------------------------------------------------------- sidebar: role
def sidebar_ui() -> tuple[RoleSpec, RoleSpec, bool]:
    """The role spec (file or upload), this screening's adjustments, and blind mode."""
    with st.sidebar:
        st.html(SIDEBAR_STYLE)
        st.header("Role")
        names = sorted(p.name for p in SPECS.glob("*.yaml"))
        drafted = st.session_state.get("drafted_spec")
        if drafted is not None:
            names.append(DRAFTED)
        st.session_state.setdefault("spec_file", "junior_backend_engineer.yaml")
        choice = st.selectbox("Role spec", names, key="spec_file")
        upload = st.file_uploader(
            "…or upload a role spec (YAML)", type=["yaml", "yml"], key="spec_upload"
        )
        base = drafted if choice == DRAFTED and drafted else spec_file(SPECS / choice)
        if upload is not None:
            try:
                base = parse_spec(upload.getvalue().decode("utf-8", "replace"), source=upload.name)
            except SpecError as exc:
                problems = "\n".join(f"- {line}" for line in exc.lines())
                st.error(f"This role spec is not valid:\n\n{problems}")
        blind = st.toggle(
            "Blind screening (hide names and file names)",
            key="blind",
            help="Tables, charts, the resume view and exports show content-derived ids "
            "(C-1a2b3c4d) and redacted text. The upload list is hidden; the paste box still "
            "shows what you pasted.",
        )
        st.header("Adjust for this screening")
        st.caption(
            "Weights 1-10 and must-haves; the spec file is not changed. Skills in the same "
            "any-of group are alternatives: one of them meets the must-have."
        )
        edits = st.data_editor(
            review.weights_frame(base),
            key=f"weights_{base.fingerprint}",
            hide_index=True,
            disabled=["skill", "group"],
            width="stretch",
            column_config={
                "skill": st.column_config.TextColumn("Skill", width=95),
                "group": st.column_config.TextColumn(
                    "Group",
                    width=135,
                    help="Alternatives: any one skill of the group meets the must-have",
                ),
                "weight": st.column_config.NumberColumn(
                    "Weight",
                    min_value=1,
                    max_value=10,
                    step=0.5,
                    width=70,
                    help="Points this skill earns when used in work or projects (1-10)",
                ),
                "must_have": st.column_config.CheckboxColumn(
                    "Must", width="small", help="Flagged when missing (never rejected)"
                ),
            },
        )
        parts = part_weights_ui(base)
        try:
            active = review.adjusted_spec(base, edits, parts)
        except SpecError as exc:
            st.error("\n".join(exc.lines()))
            active = base
        st.download_button(
            "Download adjusted spec (YAML)",
            partial(review.spec_yaml, active),
            file_name=f"{Path(choice).stem}_adjusted.yaml",
            key="download_spec",
        )
    return base, active, bool(blind)


def spec_file(path: Path) -> RoleSpec:
    """A role spec file, parsed once per version of the file (not on every rerun)."""
    return _spec_at(str(path), path.stat().st_mtime_ns)


@st.cache_resource(max_entries=16)
def _spec_at(path: str, mtime_ns: int) -> RoleSpec:
    return load_spec(Path(path))


def part_weights_ui(spec: RoleSpec) -> dict[str, float]:
    weights = spec.scoring.weights
    with st.expander("Score parts (must add up to 100)"):
        return {
            name: st.number_input(
                label, 0.0, 100.0, float(getattr(weights, name)), 5.0, key=f"part_{name}"
            )
            for name, label in [
                ("hard_skills", "Hard skills"),
                ("tools", "Tools"),
                ("soft_skills", "Soft skills"),
                ("practical_evidence", "Practical evidence"),
            ]
        }


def role_ui(base: RoleSpec, active: RoleSpec) -> None:
    left, right = st.columns(2)
    with left:
        st.subheader("Job description")
        text = job_description(active)
        st.download_button(
            "Download job description (Markdown)", text, "job_description.md", key="download_jd"
        )
        with st.expander("Copy as Markdown"):
            st.code(text, language="markdown")
        st.markdown(text)
    with right:
        st.subheader("Hiring guidance")
        for line in active.evaluation_guidance + active.interview.guidance:
            st.markdown(f"- {line}")
        st.subheader("Red flags to probe")
        for flag in active.red_flags:
            st.markdown(f"- **{flag.name}**: {flag.description} *Probe:* {flag.probe}")
        with st.expander("The full spec as data"):
            st.json(active.model_dump(mode="json"), expanded=False)


# ---------------------------------------------------------------- inputs and screening
def inputs_ui(blind: bool) -> list[tuple[str, bytes]]:
    """Uploaded files, pasted resumes (as text files) and, on request, the samples."""
    left, right = st.columns([3, 2])
    with left:
        uploads = st.file_uploader(
            "Upload resumes (PDF, DOCX, TXT, MD; many at once)",
            type=RESUME_TYPES,
            accept_multiple_files=True,
            key="resumes",
        )
        if blind:  # the uploader lists file names, which are often the candidates' names
            st.html(HIDE_UPLOAD_NAMES)
            st.caption(f"{len(uploads or [])} file(s) uploaded; names hidden in blind mode.")
    with right:
        pasted = st.text_area(
            "…or paste resumes",
            key="pasted",
            height=120,
            placeholder="One resume, or several with a line of --- between them",
            help="Several resumes: a line of --- between them. Each pasted resume is named "
            "after its first line. Blind mode hides names everywhere except in this box.",
        )
        if st.button("Try with sample resumes", key="try_samples", type="primary"):
            st.session_state.use_samples = True
    files = [(f.name, f.getvalue()) for f in uploads or []]
    files += [(name, text.encode("utf-8")) for name, text in review.split_pasted(pasted)]
    if st.session_state.use_samples:
        files += [
            (p.name, p.read_bytes())
            for p in sorted(SAMPLES.iterdir())
            if p.suffix.lstrip(".") in RESUME_TYPES
        ]
    return files


def screen(base: RoleSpec, active: RoleSpec, files: list[tuple[str, bytes]]) -> list[Candidate]:
    """Match new files once (cached by content in this session); rescore all."""
    bar = st.empty()

    def progress(done: int, total: int, name: str) -> None:
        bar.progress(done / total, text=f"Read {done}/{total}: {name}")

    candidates = review.screen_cached(st.session_state.cache, base, active, files, progress)
    bar.empty()
    return candidates


def status_ui(candidates: list[Candidate], blind: bool) -> None:
    counts = {s: sum(c.status == s for c in candidates) for s in STATUSES}
    scored = [c for c in candidates if c.score]
    cols = st.columns(5)
    cols[0].metric("Candidates", len(candidates))
    cols[1].metric("Strong", sum(c.score.band == "strong" for c in scored if c.score))
    cols[2].metric("All must-haves met", sum(c.score.must_haves_met for c in scored if c.score))
    cols[3].metric("Needs review (scanned)", counts["needs_review"])
    cols[4].metric("Could not read", counts["error"])
    attention = sum(c.status != "ok" or bool(c.warnings) for c in candidates)
    title = f"File status: {len(candidates)} file(s), {attention} need attention"
    with st.expander(title, expanded=counts["error"] > 0):
        st.dataframe(
            review.status_frame(candidates, blind=blind),
            hide_index=True,
            width="stretch",
            key="status_table",
            column_config={
                "file": st.column_config.TextColumn("File", width="medium"),
                "status": st.column_config.TextColumn("Status", width="small"),
                "why": st.column_config.TextColumn(
                    "Why", width="large", help="Click a cell to read a long reason in full"
                ),
                "score": st.column_config.NumberColumn("Score", format="%.1f", width="small"),
            },
        )


def duplicates_ui(files: list[tuple[str, bytes]], blind: bool) -> None:
    """Say which uploads were the same file as another (they are screened once)."""
    repeats = review.duplicate_uploads(files)
    if repeats and not blind:
        pairs = "; ".join(f"{name} = {first}" for name, first in repeats)
        st.info(f"{len(repeats)} upload(s) had the same content as another and are shown once: "
                f"{pairs}.")  # fmt: skip
    elif repeats:
        st.info(f"{len(repeats)} upload(s) had the same content as another and are shown once "
                "(names hidden in blind mode).")  # fmt: skip


def ranking_ui(
    candidates: list[Candidate],
    blind: bool,
    run_id: int | None,
    notes: dict[str, str] | None = None,
    skills: dict[str, list[str]] | None = None,
) -> list[Candidate]:
    """Filters and the ranked table with shortlist ticks; returns the candidates shown."""
    st.subheader("Ranking")
    f1, f2, f3 = st.columns([2, 1, 3])
    min_score = f1.slider("Minimum score", 0, 100, 0, 5, key="min_score")
    must_only = f2.checkbox("All must-haves met", key="must_only")
    statuses = f3.multiselect(
        "Status", STATUSES, default=STATUSES, key="statuses", format_func=review.STATUS_LABELS.get
    )
    frame = review.ranking_frame(candidates, st.session_state.shortlist, blind=blind, skills=skills)
    if notes:  # "reads more like Full-Stack Developer (71 vs 58)"
        frame["role_fit"] = frame["id"].map(notes).fillna("")
    shown = review.filter_ranking(
        frame, min_score=min_score, must_haves_only=must_only, statuses=statuses
    )
    edited = st.data_editor(
        shown.assign(status=shown["status"].map(review.STATUS_LABELS)),
        key=review.editor_key(shown),
        hide_index=True,
        width="stretch",
        disabled=[c for c in shown.columns if c != "shortlist"],
        column_config={
            "shortlist": st.column_config.CheckboxColumn("Shortlist", help="Tick to shortlist"),
            "candidate": st.column_config.TextColumn("Candidate", help="File name, or id if blind"),
            "band": st.column_config.TextColumn(
                "Band", help="strong, possible or weak, from the spec's score thresholds"
            ),
            "status": st.column_config.TextColumn(
                "Status", help="scored, needs review, or could not read"
            ),
            "score": st.column_config.ProgressColumn(
                "Score", min_value=0, max_value=100, format="%.1f", help="0-100; see Why this score"
            ),
            "must_haves_met": st.column_config.CheckboxColumn("Must-haves met"),
            "missing_must_haves": st.column_config.TextColumn(
                "Missing must-haves", help="Flags to ask about, never a rejection"
            ),
            "red_flags": st.column_config.NumberColumn("Red flags"),
            "top_skills": st.column_config.TextColumn(
                "Top skills", width="large", help="By the credit they earned, highest first"
            ),
            "id": st.column_config.TextColumn("Id", width="small", help="From the file's content"),
            "role_fit": st.column_config.TextColumn("Role fit", width="medium"),
        },
    )
    before = st.session_state.shortlist
    after = review.shortlist_from_editor(shown, edited, before)
    if after != before:
        audit_decisions(run_id, candidates, before, after)
        save_ticks(candidates, before, after)
    st.session_state.shortlist = after
    st.caption(f"{len(st.session_state.shortlist)} shortlisted. Nobody is rejected automatically.")
    ids = set(shown["id"])
    return [c for c in candidates if c.id in ids]


def charts_ui(candidates: list[Candidate], shown: list[Candidate], blind: bool) -> None:
    left, right = st.columns([1, 2])
    with left:
        st.markdown("**Score distribution**")
        st.altair_chart(
            charts.score_distribution(review.distribution_frame(candidates)),
            width="stretch",
        )
    with right:
        st.markdown("**Who shows which skill** (dark: used in work or projects; light: listed)")
        rows = heatmap_rows_ui(shown)
        cells = review.heatmap_frame(rows, blind=blind)
        if not cells.empty:
            st.altair_chart(charts.skill_heatmap(cells), width="stretch")


def heatmap_rows_ui(shown: list[Candidate]) -> list[Candidate]:
    """The heatmap's candidates: all of them, or a page of 40 with the choice said aloud."""
    shown = [c for c in shown if c.score is not None]  # unscored files have no skills to show
    pages = review.heatmap_pages(len(shown))
    if len(pages) <= 1:
        return complete(shown)
    picked = st.selectbox(
        f"The heatmap shows {review.HEATMAP_PAGE} candidates at a time, in ranking order "
        f"({len(shown)} scored in the ranking; filter the ranking to narrow)",
        range(len(pages)),
        format_func=lambda i: f"Candidates {pages[i][0] + 1}-{pages[i][1]} of {len(shown)}",
        key="heatmap_page",
    )
    start, stop = pages[picked]
    return complete(shown[start:stop])


def detail_ui(spec: RoleSpec, candidates: list[Candidate], blind: bool) -> None:
    st.subheader("Candidate detail")
    labels = {
        c.id: f"{display_name(c, blind=blind)} ({c.score.total if c.score else c.status})"
        for c in candidates
    }
    ids, last = list(labels), st.session_state.get("detail_last")
    chosen = st.selectbox(  # a widget per mode: the browser never keeps a named label
        "Candidate",
        ids,
        index=ids.index(last) if last in labels else 0,
        format_func=labels.__getitem__,
        key="detail_id" if blind else "detail_id_named",
    )
    st.session_state.detail_last = chosen
    [candidate] = complete([next(c for c in candidates if c.id == chosen)], spec)
    if candidate.status == "error":
        st.error(f"{display_name(candidate, blind=blind)}: {candidate.error}")
        return
    if candidate.status == "needs_review" or candidate.score is None:
        st.warning("Not scored: " + "; ".join(candidate.warnings))
        return
    score = candidate.score
    cols = st.columns(5)
    cols[0].metric("Score", f"{score.total:.1f}")
    cols[1].metric("Band", score.band, help=BAND_HELP)
    cols[2].metric("Missing must-haves", len(score.missing_must_haves))
    cols[3].metric("Red flags", len(score.red_flags))
    cols[4].metric("Interview rounds", len(candidate.plan.rounds) if candidate.plan else 0)
    if score.band_note:
        st.info(score.band_note[0].upper() + score.band_note[1:])
    for missing in score.missing_must_haves:
        st.warning(f"Missing must-have: {missing}")
    for flag in score.red_flags:
        st.error(f"Red flag: {flag.name}: {flag.reason}. Probe: {flag.probe}")
    tabs = st.tabs(["Why this score", "Skill matches", "Interview plan", "Resume", "Role fit"])
    with tabs[0]:  # a static table, so the long "why" texts wrap
        st.table(
            review.breakdown_table(candidate)
            .rename(columns={"part": "Part", "points": "Points", "max": "Out of", "why": "Why"})
            .set_index("Part")
            .style.format(precision=1)
        )
        st.dataframe(
            review.credits_table(candidate),
            hide_index=True,
            width="stretch",
            key="credits",
            column_config={
                "skill": st.column_config.TextColumn("Skill", width="small"),
                "credit": st.column_config.NumberColumn(
                    "Credit", format="%.2f", help="Weight points earned (in the spec's units)"
                ),
                "why": st.column_config.TextColumn("Why", width="large"),
            },
        )
    with tabs[1]:
        st.dataframe(
            review.skill_table(candidate, blind=blind, spec=spec),
            hide_index=True,
            width="stretch",
            key="skills",
            column_config=SKILL_COLUMNS,
        )
    with tabs[2]:
        plan_ui(spec, candidate, blind)
    with tabs[3]:
        st.html(review.highlight_legend())
        st.html(review.highlighted_resume(candidate, blind=blind))
    with tabs[4]:
        role_fit_ui(spec, candidate, candidates)


SKILL_COLUMNS = {
    "skill": st.column_config.TextColumn("Skill"),
    "found": st.column_config.CheckboxColumn("Found"),
    "match_type": st.column_config.TextColumn(
        "Match",
        help="exact, alias (another name for the skill) or fuzzy (a likely misspelling)",
    ),
    "similarity": st.column_config.NumberColumn(
        "Similarity %", format="%.1f", help="100 for exact and alias matches"
    ),
    "matched_text": st.column_config.TextColumn("Matched text"),
    "evidence": st.column_config.TextColumn(
        "Evidence line",
        width="large",
        help="The resume line; for an any-of alternative not found, why it is not needed",
    ),
    "evidence_strength": st.column_config.TextColumn(
        "Evidence", help="used in work or projects (full credit), listed or mentioned (half)"
    ),
    "section": st.column_config.TextColumn("Section"),
    "job": st.column_config.TextColumn(
        "Job", help="The job entry (title and dates) the evidence line belongs to"
    ),
    "stated_experience": st.column_config.TextColumn(
        "Stated experience", help='A duration written on the evidence line ("24 months")'
    ),
    "line": st.column_config.NumberColumn("Line", help="Line number in the Resume tab"),
    "category": st.column_config.TextColumn("Category"),
    "kind": st.column_config.TextColumn("Kind", help="hard skill, tool, soft skill or practical"),
}


def plan_ui(spec: RoleSpec, candidate: Candidate, blind: bool) -> None:
    plan = candidate.plan
    assert plan is not None
    st.info(plan.rule)
    kit = plan_markdown(plan, candidate=display_name(candidate, blind=blind), role=spec.title)
    st.download_button(
        "Download interview kit (Markdown)",
        kit,
        f"interview_kit_{candidate.id}.md",
        key="download_kit",
    )
    for number, round_ in enumerate(plan.rounds, start=1):
        with st.expander(
            f"Round {number}: {round_.name} ({round_.duration_minutes} min)", expanded=number == 1
        ):
            st.markdown(review.round_markdown(round_, plan.rating_scale))


def export_ui(
    spec: RoleSpec, candidates: list[Candidate], blind: bool, name: str | None = None
) -> None:
    """CSV downloads, built when a button is clicked (a saved screening's candidates are
    read in full only then)."""
    st.subheader("Export")
    shortlist = set(st.session_state.shortlist)
    store = screening_store() if name else None

    def full() -> list[Candidate]:  # runs on click, outside the script: no session state
        return store.complete(name, candidates) if store and name else with_plans()

    def with_plans() -> list[Candidate]:
        return review.with_plans(spec, candidates)

    st.caption(
        "Best first, with rank, role, spec version and date"
        + ("; blind: ids only, no contact details." if blind else "; e-mail and phone included.")
    )
    left, right = st.columns(2)
    left.download_button(
        f"Download shortlist CSV ({len(shortlist)})",
        lambda: shortlist_csv(full(), shortlist, spec, blind=blind),
        "shortlist.csv",
        "text/csv",
        key="download_shortlist",
        disabled=not shortlist,
    )
    right.download_button(
        "Download full results CSV",
        lambda: results_csv(full(), spec, blind=blind),
        "results.csv",
        "text/csv",
        key="download_results",
    )


# ---------------------------------------------------------------- saved screenings
NOT_SAVED = "(not saved)"
DECISION_LABELS = {
    "": "no decision yet",
    "shortlisted": "shortlisted",
    "not_shortlisted": "not shortlisted",
    "to_review": "to review",
}


def screening_store() -> saved.ScreeningStore:
    """Saved screenings (SQLite beside the audit trail; SCREENER_SCREENINGS_DB overrides)."""
    return _store_at(str(saved.default_path()))


@st.cache_resource
def _store_at(path: str) -> saved.ScreeningStore:
    return saved.ScreeningStore(path, retention_days=saved.retention_days())


@st.cache_resource(max_entries=4)
def load_screening(path: str, name: str, revision: tuple[int, ...]) -> saved.Screening:
    """A reopened screening from its summaries, read once per change of its files (not per
    tick); `complete` reads the full candidates a view opens."""
    return screening_store().overview(name)


@st.cache_resource(max_entries=64)
def full_candidates(
    path: str,
    name: str,
    revision: tuple[int, ...],
    shown: tuple[tuple[str, str], ...],
    _light: list[Candidate],
) -> list[Candidate]:
    """Full candidates, cached by the files and names shown (a detail view, a heatmap page)."""
    return screening_store().complete(name, _light)


def open_screening() -> str | None:
    name = st.session_state.get("screening_choice")
    return None if not name or name == NOT_SAVED else str(name)


def saved_skills(name: str) -> dict[str, list[str]]:
    store = screening_store()
    return load_screening(str(store.path), name, store.revision(name)).skills


def complete(candidates: list[Candidate], spec: RoleSpec | None = None) -> list[Candidate]:
    """Full candidates for the views that need a match or text; with ``spec``, with their
    interview plans too (scores of an unsaved screening are made without them)."""
    name = open_screening()
    if not name:
        return review.with_plans(spec, candidates) if spec else candidates
    if all(c.document is not None or c.status == "error" for c in candidates):
        return candidates
    store = screening_store()
    shown = tuple((c.sha256, c.source) for c in candidates)
    return full_candidates(str(store.path), name, store.revision(name), shown, candidates)


def saved_screening_ui(active: RoleSpec) -> str | None:
    """Start a new saved screening or reopen one; returns the open screening's name."""
    store = screening_store()
    infos = store.screenings()
    names = [NOT_SAVED, *(i.name for i in infos)]
    left, middle, right = st.columns([2, 2, 1])
    choice = left.selectbox("Saved screening", names, key="screening_choice")
    new_name = middle.text_input("New screening name", key="new_screening_name")
    right.button(
        "Start new screening",
        key="new_screening",
        on_click=start_screening,
        args=(new_name, active),
        disabled=not new_name.strip(),
    )
    if error := st.session_state.pop("screening_error", None):
        st.error(error)
    with st.expander(f"Saved screenings ({len(infos)})"):
        st.dataframe(
            pd.DataFrame(
                [
                    {"screening": i.name, "role": i.role_title, "candidates": i.candidates,
                     "files": i.files, "shortlisted": i.shortlisted,
                     "last change": i.updated_at[:16].replace("T", " ")}
                    for i in infos
                ],
                columns=["screening", "role", "candidates", "files", "shortlisted", "last change"],
            ),
            hide_index=True,
            width="stretch",
        )  # fmt: skip
    return None if choice == NOT_SAVED else str(choice)


def start_screening(name: str, spec: RoleSpec) -> None:
    """Button callback: create the screening with the current spec and open it."""
    try:
        screening_store().create(name.strip(), spec)
    except saved.StoreError as exc:
        st.session_state.screening_error = str(exc)
        return
    st.session_state.screening_choice = name.strip()
    st.session_state.shortlist = set()


def saved_candidates_ui(
    name: str, files: list[tuple[str, bytes]]
) -> tuple[RoleSpec, list[Candidate]]:
    """Append new files to the open screening; its saved spec and one row per person."""
    store = screening_store()
    spec = store.spec(name)
    known = store.known(name)
    skip = known | st.session_state.setdefault("erased", set())  # erased: held in memory only
    new = [(n, d) for n, d in files if hashlib.sha256(d).hexdigest() not in skip]
    if new:
        store.add(name, screen(spec, spec, new))
    screening = load_screening(str(store.path), name, store.revision(name))
    people = ranked(screening.people())
    by_sha = {c.sha256: c.id for c in people}
    marks = store.marks(name)
    st.session_state.shortlist = {
        by_sha[sha] for sha, m in marks.items() if m.decision == "shortlisted" and sha in by_sha
    }
    st.caption(
        f"Saved screening **{name}**: {len(people)} candidate(s) from {len(screening.candidates)}"
        f" file(s), scored with the spec saved with it ({spec.title}, {spec.fingerprint[:12]}); "
        "files already in it are recognised by content. Ticks and notes are saved as you go."
        + (f" {screening.purged} file(s) had their text purged (retention)."
           if screening.purged else "")
    )  # fmt: skip
    return spec, people


def save_ticks(candidates: list[Candidate], before: set[str], after: set[str]) -> None:
    """Write changed ticks to the open saved screening (one transaction)."""
    name = st.session_state.get("screening_choice")
    if not name or name == NOT_SAVED:
        return
    sha = {c.id: c.sha256 for c in candidates}
    store = screening_store()
    store.save(
        name,
        decisions={
            "shortlisted": [sha[i] for i in sorted(after - before) if i in sha],
            "not_shortlisted": [sha[i] for i in sorted(before - after) if i in sha],
        },
    )


def bulk_ui(candidates: list[Candidate], shown: list[Candidate], run_id: int | None) -> None:
    """Shortlist the top N, every strong candidate, the filtered rows; or clear."""
    cols = st.columns([1, 1, 1, 1, 1])
    top = cols[0].number_input("Top N", 1, None, min(5, len(candidates)), key="bulk_n")
    actions: list[tuple[Action, str]] = [
        ("top", f"Shortlist top {top}"),
        ("strong", "Shortlist all strong"),
        ("filtered", f"Shortlist the {len(shown)} filtered"),
        ("clear", "Clear shortlist"),
    ]
    for col, (action, label) in zip(cols[1:], actions, strict=True):
        if col.button(label, key=f"bulk_{action}"):
            before = set(st.session_state.shortlist)
            after = bulk_shortlist(
                candidates, before, action, top=int(top), shown={c.id for c in shown}
            )
            audit_decisions(run_id, candidates, before, after)
            save_ticks(candidates, before, after)
            st.session_state.shortlist = after
            for key in [k for k in st.session_state if str(k).startswith("ranking_")]:
                del st.session_state[key]  # the table's own tick state would undo the action
            st.rerun()


def decision_ui(name: str, candidates: list[Candidate], blind: bool, run_id: int | None) -> None:
    """The recruiter's decision and note on the candidate open in the detail view."""
    chosen = st.session_state.get("detail_last")
    candidate = next((c for c in candidates if c.id == chosen), None)
    if candidate is None:
        return
    store = screening_store()
    mark = store.marks(name).get(candidate.sha256)
    note = store.notes(name).get(candidate.sha256, "")
    st.markdown(f"**Decision and note for {display_name(candidate, blind=blind)}**")
    if saved_message := st.session_state.pop("saved_message", None):
        st.success(saved_message)
    if mark:
        st.caption(f"Last decision: {DECISION_LABELS[mark.decision]} at {mark.decided_at[:16]}")
    left, right = st.columns([1, 2])
    options = list(DECISION_LABELS)
    decision = left.radio(
        "Decision",
        options,
        index=options.index(mark.decision if mark else ""),
        format_func=DECISION_LABELS.__getitem__,
        key=f"decision_{candidate.id}",
    )
    text = right.text_area("Note", note, key=f"note_{candidate.id}", height=100)
    if st.button("Save decision and note", key="save_note"):
        decided = bool(decision) and decision != (mark.decision if mark else "")
        store.save(  # one transaction: both are saved, or neither
            name,
            decisions={decision: [candidate.sha256]} if decided else None,
            notes={candidate.sha256: text} if text != note else None,
        )
        if decided:
            before = set(st.session_state.shortlist)
            after = (
                before | {candidate.id} if decision == "shortlisted" else before - {candidate.id}
            )
            audit_decisions(run_id, candidates, before, after)
        st.session_state.saved_message = "Decision and note saved."
        st.rerun()
    person_files_ui(name, candidate, blind)
    erase_ui(name, candidate)


def erase_ui(name: str, candidate: Candidate) -> None:
    """Right to erasure: remove every file of this person from every screening and audit."""
    with st.expander("Erase this candidate (right to erasure)"):
        sure = st.checkbox(
            "Erase their resume text, file names, scores, decisions and notes everywhere",
            key=f"erase_sure_{candidate.id}",
        )
        if st.button("Erase now", key="erase", disabled=not sure, type="primary"):
            store = screening_store()
            screening = load_screening(str(store.path), name, store.revision(name))
            ids = {c.sha256: c.id for c in screening.candidates}
            for sha in screening.group_of(candidate.sha256):
                store.erase(sha)
                st.session_state.setdefault("erased", set()).add(sha)  # still in the uploader
                audit_log().forget(ids.get(sha, candidate.id), sha)
            st.session_state.shortlist.discard(candidate.id)
            st.rerun()


def person_files_ui(name: str, candidate: Candidate, blind: bool) -> None:
    """The files grouped as this person, each of which the recruiter can split off."""
    screening = load_screening(str(screening_store().path), name, screening_store().revision(name))
    group = screening.group_of(candidate.sha256)
    if len(group) < 2:
        return
    by_sha = {c.sha256: c for c in screening.candidates}
    st.info(
        f"{len(group)} files look like the same person (same e-mail, phone or near-identical "
        "text) and are shown as one candidate."
    )
    for sha in group:
        left, right = st.columns([3, 1])
        file = by_sha.get(sha)
        left.write(display_name(file, blind=blind) if file else sha[:12])
        if right.button("Split off", key=f"split_{sha[:12]}"):
            screening_store().split(name, sha)
            st.rerun()


def saved_export_ui(name: str, blind: bool) -> None:
    """Saved rows with decisions, times and notes; built only when a button is clicked."""

    def rows_csv(shortlist_only: bool) -> str:
        rows = screening_store().rows(name)
        return saved_csv(rows, blind=blind, shortlist_only=shortlist_only)

    left, right = st.columns(2)
    left.download_button(
        "Download saved shortlist with decisions and notes (CSV)",
        partial(rows_csv, True),
        f"{name}_shortlist.csv",
        "text/csv",
        key="download_saved_shortlist",
    )
    right.download_button(
        "Download saved screening (CSV)",
        partial(rows_csv, False),
        f"{name}.csv",
        "text/csv",
        key="download_saved",
    )


# ---------------------------------------------------------------- role fit
@st.cache_resource
def file_specs() -> dict[str, RoleSpec]:
    """The role specs in role_specs/, by title."""
    specs = [load_spec(path) for path in sorted(SPECS.glob("*.yaml"))]
    return {spec.title: spec for spec in specs}


def available_roles(active: RoleSpec) -> dict[str, RoleSpec]:
    """Every role to compare with: the files, a drafted one, and this screening's spec."""
    roles = dict(file_specs())
    drafted = st.session_state.get("drafted_spec")
    if drafted is not None and drafted.title != active.title:
        roles[drafted.title if drafted.title not in roles else f"{drafted.title} (drafted)"] = (
            drafted
        )
    roles[active.title] = active
    return roles


@st.cache_data(max_entries=64, show_spinner=False)
def cached_role_scores(
    fingerprint: str, role: str, shas: tuple[str, ...], _spec: RoleSpec, _documents: list
) -> dict[str, RoleFit]:
    """One role's fit for every resume, cached by spec content and the resumes' content."""
    return role_scores(_spec, role, _documents)


def other_role_scores(active: RoleSpec, candidates: list[Candidate]) -> dict[str, dict]:
    """Role -> sha256 -> fit, for every role except this screening's own (a saved
    screening keeps them, computed once per role spec)."""
    if name := open_screening():
        return {
            role: screening_store().role_fits(name, spec, role, candidates)
            for role, spec in available_roles(active).items()
            if role != active.title
        }
    documents = [c.document for c in candidates if c.document is not None]
    shas = tuple(sorted(d.sha256 for d in documents))  # a new ranking order is no new key
    return {
        role: cached_role_scores(spec.fingerprint, role, shas, spec, documents)
        for role, spec in available_roles(active).items()
        if role != active.title
    }


def candidate_fits(
    active: RoleSpec, candidate: Candidate, others: dict[str, dict]
) -> list[RoleFit]:
    assert candidate.score is not None
    fits = [fit_of(active.title, candidate.score)]  # the screening's own, adjusted score
    fits += [scores[candidate.sha256] for scores in others.values() if candidate.sha256 in scores]
    return sorted(fits, key=lambda f: (-f.score, f.role))


def fit_notes(active: RoleSpec, candidates: list[Candidate]) -> dict[str, str]:
    """Candidate id -> "reads more like ..." where another role fits clearly better."""
    others = other_role_scores(active, candidates)
    notes = {}
    for candidate in candidates:
        if candidate.score is None or not others:
            continue
        fits = candidate_fits(active, candidate, others)
        if note := reads_more_like(active.title, candidate.score.total, fits):
            notes[candidate.id] = note
    return notes


def role_fit_ui(active: RoleSpec, candidate: Candidate, candidates: list[Candidate]) -> None:
    assert candidate.score is not None
    fits = candidate_fits(active, candidate, other_role_scores(active, candidates))
    note = reads_more_like(active.title, candidate.score.total, fits)
    if note:
        st.info(f"This resume {note}.")
    st.caption("Scores with each role spec: the same matcher and score as screening with it.")
    st.dataframe(
        pd.DataFrame(
            [
                {
                    "role": f.role,
                    "score": round(f.score, 1),
                    "band": f.band,
                    "must-haves met": f.must_haves_met,
                    "this screening": f.role == active.title,
                }
                for f in fits
            ]
        ),
        hide_index=True,
        width="stretch",
        key="role_fit",
    )


# ---------------------------------------------------------------- new role from a job description
def new_role_ui() -> None:
    """Paste or upload a job description, review the drafted spec, use or download it."""
    st.subheader("Draft a role spec from a job description")
    left, right = st.columns([3, 2])
    with left:
        text = st.text_area("Paste a job description", key="jd_text", height=240)
    with right:
        upload = st.file_uploader(
            "…or upload one (TXT, MD, PDF, DOCX)", type=RESUME_TYPES, key="jd_upload"
        )
        title = st.text_input("Title (default: found in the posting)", key="jd_title")
        templates = st.file_uploader(
            "Red-flag and interview templates (YAML, optional)",
            type=["yaml", "yml"],
            key="jd_templates",
        )
        st.download_button(
            "Download the default templates to edit",
            default_templates_text(),
            "draft_templates.yaml",
            key="jd_templates_download",
        )
    if st.button("Draft role spec", key="jd_draft", type="primary"):
        st.session_state.draft = draft_from_inputs(text, upload, title, templates)
    draft = st.session_state.get("draft")
    if draft is None:
        st.info(
            "Paste or upload a job description, then draft: every skill, tool and "
            "requirement it names becomes an editable spec, with the line it came from."
        )
        return
    spec = draft_review_ui(draft)
    if spec is None:
        return
    left, right = st.columns(2)
    left.button(
        "Use for this screening", key="jd_use", type="primary", on_click=use_draft, args=(spec,)
    )
    right.download_button(
        "Download drafted spec (YAML)",
        draft_yaml(Draft(spec, draft.sources)),
        file_name=draft_view.file_name(spec),
        key="jd_download",
    )


def draft_from_inputs(text: str, upload: Any, title: str, templates: Any) -> Draft | None:
    """The draft, or None with the reason shown."""
    try:
        options = {
            "title": title.strip() or None,
            "templates": parse_templates(
                templates.getvalue().decode("utf-8", "replace"), source=templates.name
            )
            if templates is not None
            else None,
        }
        if upload is not None:
            return draft_document(upload.getvalue(), upload.name, **options)
        return draft_spec(text, source="pasted job description", **options)
    except SpecError as exc:
        st.error("\n".join(exc.lines()))
    except ScreenerError as exc:
        st.error(str(exc))
    return None


def draft_review_ui(draft: Draft) -> RoleSpec | None:
    """Editable tables of the draft; returns the edited spec, or None when it is invalid."""
    spec = draft.spec
    key = spec.fingerprint
    st.markdown(f"**{spec.title}** · {spec.level} · {spec.location} · {spec.employment_type}")
    st.markdown(
        "**Hard skills** (weights 1-10, must-haves, any-of groups; delete rows you do not want)"
    )
    weight = {
        "weight": st.column_config.NumberColumn("Weight", min_value=1, max_value=10, step=0.5)
    }
    hard = draft_table_ui(draft_view.hard_skills_frame(draft), f"draft_hard_{key}", weight)
    st.markdown("**Tools** by category")
    tools = draft_table_ui(draft_view.tools_frame(draft), f"draft_tools_{key}")
    st.markdown("**Soft skills** and the evidence phrases looked for in resumes")
    soft = draft_table_ui(draft_view.soft_skills_frame(draft), f"draft_soft_{key}")
    st.markdown("**Interview rounds**")
    rounds = draft_table_ui(draft_view.rounds_frame(draft), f"draft_rounds_{key}")
    with st.expander("Responsibilities, guidance and red flags"):
        for i, line in enumerate(spec.responsibilities):
            where = draft.source_of("responsibilities", str(i))
            st.markdown(f"- {line}" + (f" *(line {where.line})*" if where else ""))
        for line in spec.evaluation_guidance + spec.interview.guidance:
            st.markdown(f"- Guidance: {line}")
        for flag in spec.red_flags:
            where = draft.source_of("red_flags", flag.id)
            cue = f" *(line {where.line})*" if where else " *(always checked)*"
            st.markdown(f"- Red flag: **{flag.name}**: {flag.probe}{cue}")
    try:
        return draft_view.edited_spec(draft, hard, tools, soft, rounds)
    except SpecError as exc:
        st.error(
            "The edited spec is not valid:\n\n" + "\n".join(f"- {line}" for line in exc.lines())
        )
        return None


DRAFT_LABELS = {
    "skill": "Skill", "must_have": "Must-have", "any_of": "Any-of group",
    "tool_category": "Tools category", "category": "Category", "tool": "Tool", "id": "Id",
    "name": "Name", "duration_minutes": "Minutes", "optional": "Optional", "assesses": "Assesses",
}  # fmt: skip


def draft_table_ui(
    frame: pd.DataFrame, key: str, config: dict[str, Any] | None = None
) -> pd.DataFrame:
    """One editable table of the draft: rows can be added or deleted; sources are read-only."""
    return st.data_editor(
        frame,
        key=key,
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        disabled=draft_view.SOURCE_COLUMNS,
        column_config={
            **DRAFT_LABELS,
            "aliases": st.column_config.TextColumn("Aliases", width="medium"),
            "evidence": st.column_config.TextColumn("Evidence phrases", width="medium"),
            "line": st.column_config.NumberColumn("Line", help="Line number in the posting"),
            "posting_line": st.column_config.TextColumn("Posting line", width="large"),
            **(config or {}),
        },
    )


def use_draft(spec: RoleSpec) -> None:
    """Button callback: screen with the drafted spec (runs before the sidebar is drawn)."""
    st.session_state.drafted_spec = spec
    st.session_state.spec_file = DRAFTED


# ---------------------------------------------------------------- fairness and audit
@st.cache_resource
def audit_log() -> AuditLog:
    """The audit trail (SQLite; location from SCREENER_AUDIT_DB)."""
    return AuditLog(audit.default_path())


def audit_run(spec: RoleSpec, candidates: list[Candidate]) -> int | None:
    """Record a run once per distinct set of inputs and spec."""
    key = (spec.fingerprint, tuple(c.sha256 for c in candidates))
    if st.session_state.get("audit_key") != key:
        st.session_state.audit_key = key
        st.session_state.audit_run = audit_log().record_run(spec, candidates)
    run_id: int | None = st.session_state.get("audit_run")
    return run_id


def audit_decisions(
    run_id: int | None, candidates: list[Candidate], before: set[str], after: set[str]
) -> None:
    by_id = {c.id: c for c in candidates}
    for candidate_id in sorted(after ^ before):
        if candidate_id in by_id:
            shortlisted = candidate_id in after
            audit_log().record_decision(run_id, by_id[candidate_id], shortlisted=shortlisted)


def fairness_ui(candidates: list[Candidate]) -> None:
    st.subheader("Bias self-check")
    st.caption(
        "Upload a self-identification CSV with two columns, candidate_id,group, kept apart "
        "from resumes. Candidate ids are shown in blind mode (C-1a2b3c4d). "
        "Selection = shortlisted by you."
    )
    upload = st.file_uploader("Self-identification CSV", type=["csv"], key="groups_csv")
    if upload is not None and candidates:
        try:
            rows = fairness.read_groups(upload.getvalue(), source=upload.name)
            groups = fairness.matched_groups(rows, (c.id for c in candidates), source=upload.name)
        except fairness.GroupFileError as exc:
            st.error(str(exc))
        else:
            st.caption(
                f"{len(groups)} of {len(candidates)} candidates matched an id in {upload.name} "
                f"({len(rows) - len(groups)} row(s) of the file matched nobody); the rest count "
                "as unknown."
            )
            bias_report_ui(candidates, groups)
    st.subheader("Audit trail")
    log = audit_log()
    runs = log.runs()
    st.caption(
        f"{len(runs)} screening run(s) and {len(log.decisions())} decision(s) recorded in "
        f"{log.path}. Stored: time, version, spec hash, file hashes, scores, breakdowns and "
        "your decisions; never resume text or names. Nothing is rejected automatically."
    )
    if runs:
        st.dataframe(
            pd.DataFrame(runs[-10:]),
            hide_index=True,
            width="stretch",
            key="audit_runs",
            column_config={k: k.replace("_", " ").capitalize() for k in runs[0]},
        )


IMPACT_COLUMNS = {
    "group": st.column_config.TextColumn("Group"),
    "count": st.column_config.NumberColumn("Candidates"),
    "selected": st.column_config.NumberColumn("Shortlisted"),
    "selection_rate": st.column_config.NumberColumn(
        "Selection rate", format="percent", help="Share of the group you shortlisted"
    ),
    "selection_impact_ratio": st.column_config.NumberColumn(
        "Selection impact ratio", format="%.2f", help="Rate / the highest group's rate"
    ),
    "above_median": st.column_config.NumberColumn("Above median score"),
    "scoring_rate": st.column_config.NumberColumn(
        "Scoring rate", format="percent", help="Share of the group above the median score"
    ),
    "scoring_impact_ratio": st.column_config.NumberColumn("Scoring impact ratio", format="%.2f"),
    "four_fifths_flag": st.column_config.CheckboxColumn(
        "Below four-fifths", help="An impact ratio under 0.8 (EEOC four-fifths rule)"
    ),
    "selection_p_value": st.column_config.NumberColumn(
        "Selection p-value", format="%.3f", help="Fisher's exact test against everyone else"
    ),
    "scoring_p_value": st.column_config.NumberColumn("Scoring p-value", format="%.3f"),
    "note": st.column_config.TextColumn("Note", width="large"),
}


def bias_report_ui(candidates: list[Candidate], groups: dict[str, str]) -> None:
    shortlist = st.session_state.shortlist
    outcomes = {
        c.id: fairness.Outcome(c.id in shortlist, c.score.total if c.score else None)
        for c in candidates
    }
    reports = fairness.impact_report(outcomes, groups)
    rows = pd.DataFrame(fairness.report_rows(reports))
    if any(r.flagged for r in reports):
        st.warning("At least one group's impact ratio is below 0.8 (four-fifths rule).")
    if not shortlist:
        st.info("Nobody is shortlisted yet: selection rates are all 0. Scoring rates are shown.")
    left, right = st.columns(2)
    left.altair_chart(charts.impact_chart(reports, "selection"), width="stretch")
    right.altair_chart(charts.impact_chart(reports, "scoring"), width="stretch")
    st.dataframe(rows, hide_index=True, width="stretch", key="impact", column_config=IMPACT_COLUMNS)
    st.download_button(
        "Download bias report (CSV)",
        fairness.report_csv(reports),
        "bias_report.csv",
        "text/csv",
        key="download_bias",
    )


if __name__ == "__main__":
    main()
