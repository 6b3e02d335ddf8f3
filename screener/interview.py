"""Interview plans built from a candidate's gaps, using the rounds and question bank in the spec.

Rule for the number of rounds (shown to the recruiter with every plan): a candidate in the
strong band with every must-have met and no red flag raised gets the short process
(optional rounds dropped, never fewer than the spec's minimum); everyone else gets the full
process (up to the spec's maximum). A candidate in the weak band gets one short screening
call on the missing must-haves first: the full process is booked only if that goes well, and
nobody is turned down by the plan. Must-haves still to verify go to the first round.
Questions that open with "You list X." are reworded to what the resume shows of X.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from screener.match import ItemMatch, MatchResult
from screener.score import Score
from screener.spec import CodingExercise, InterviewRound, RedFlag, RoleSpec, per_spec

FocusKind = Literal["missing", "verify", "strength", "soft"]
MAX_VERIFY = 3
MAX_STRENGTHS = 2
MAX_QUESTIONS = 6
SCREENING_CALL_MINUTES = 20
_YOU_LIST = re.compile(r"^You list (?P<skill>[^.?]+)\. (?P<rest>.+)$")


@dataclass(frozen=True, slots=True)
class FocusArea:
    topic: str
    kind: FocusKind
    reason: str


@dataclass(frozen=True, slots=True)
class Probe:
    red_flag: str
    how: str
    questions: tuple[str, ...]
    raised_on_resume: bool


@dataclass(frozen=True)
class PlannedRound:
    id: str
    name: str
    purpose: str
    format: str
    duration_minutes: int
    focus: tuple[FocusArea, ...]
    questions: tuple[str, ...]
    exercise: CodingExercise | None
    probes: tuple[Probe, ...]
    scorecard: tuple[str, ...]  # rows, each rated on the plan's scale


@dataclass(frozen=True)
class InterviewPlan:
    rounds: tuple[PlannedRound, ...]
    rule: str
    rating_scale: dict[int, str]

    @property
    def total_minutes(self) -> int:
        return sum(r.duration_minutes for r in self.rounds)


def plan_interview(spec: RoleSpec, result: MatchResult, score: Score) -> InterviewPlan:
    """A plan of ``min_rounds``..``max_rounds`` rounds focused on this candidate's gaps."""
    process = spec.interview
    short = score.band == "strong" and not score.missing_must_haves and not score.red_flags
    rounds = _choose_rounds(process.rounds, process.min_rounds, process.max_rounds, short=short)
    rule = (
        f"{len(rounds)} rounds: strong resume with every must-have met and no red flags, "
        "so optional rounds are skipped"
        if short
        else f"{len(rounds)} rounds: full process because " + _why_full(score)
    )
    found = result.by_name()
    gaps = _gap_focus(spec, score, found)
    if score.band == "weak":
        return _screening_call(spec, score, found, gaps, rounds)
    strengths = _strength_focus(spec, found)
    soft = _soft_focus(spec, found)
    probes = _assign_probes(spec, rounds, score)
    coding = _coding_round(rounds)
    planned = []
    for index, round_ in enumerate(rounds):
        focus: list[FocusArea] = []
        if index == 0:
            focus += gaps
        if round_ is coding or (coding is None and index == 1):
            focus += strengths
        if index == len(rounds) - 1 and index > 0:
            focus += soft
        exercise = _pick_exercise(spec, gaps) if round_ is coding else None
        planned.append(
            PlannedRound(
                id=round_.id,
                name=round_.name,
                purpose=round_.purpose,
                format=round_.format,
                duration_minutes=round_.duration_minutes,
                focus=tuple(focus),
                questions=_questions(spec, focus),
                exercise=exercise,
                probes=tuple(_fit_probe(p, spec, found) for p in probes[round_.id]),
                scorecard=tuple(dict.fromkeys([f.topic for f in focus] + list(round_.assesses))),
            )
        )
    return InterviewPlan(tuple(planned), rule, dict(process.rating_scale))


def _screening_call(
    spec: RoleSpec,
    score: Score,
    found: Mapping[str, ItemMatch],
    gaps: list[FocusArea],
    full: list[InterviewRound],
) -> InterviewPlan:
    """One short call on the missing must-haves before anyone books the full process."""
    focus = [g for g in gaps if g.kind == "missing"] or gaps[:MAX_VERIFY]
    raised = {f.id for f in score.red_flags}
    probes = tuple(
        _fit_probe(Probe(f.name, f.probe, tuple(f.questions), True), spec, found)
        for f in spec.red_flags
        if f.id in raised
    )
    minutes = sum(r.duration_minutes for r in full)
    rule = (
        f"1 round: a {SCREENING_CALL_MINUTES}-minute screening call first, because "
        f"{_why_full(score)}. It checks the gaps the resume may simply not mention; if they "
        f"are covered, continue with the full process ({len(full)} rounds, {minutes} min). "
        "Nobody is turned down by this plan."
    )
    call = PlannedRound(
        id="screening_call",
        name="Screening call",
        purpose="Check, before the full process, whether the missing must-haves are there.",
        format="Phone or video call with the recruiter or an engineer.",
        duration_minutes=SCREENING_CALL_MINUTES,
        focus=tuple(focus),
        questions=_questions(spec, focus),
        exercise=None,
        probes=probes,
        scorecard=tuple(dict.fromkeys(f.topic for f in focus)),
    )
    return InterviewPlan((call,), rule, dict(spec.interview.rating_scale))


def _fit_probe(probe: Probe, spec: RoleSpec, found: Mapping[str, ItemMatch]) -> Probe:
    questions = tuple(fit_question(q, spec, found) for q in probe.questions)
    return (
        probe
        if questions == probe.questions
        else Probe(probe.red_flag, probe.how, questions, probe.raised_on_resume)
    )


def fit_question(question: str, spec: RoleSpec, found: Mapping[str, ItemMatch]) -> str:
    """'You list X. ...' reworded to the evidence for X: listed, used or missing.

    A question that names no skill of the spec is returned unchanged.
    """
    parsed = _YOU_LIST.match(question)
    if parsed is None:
        return question
    names = _skill_names(spec)
    if parsed["skill"].lower() not in names:
        return question
    item = found.get(names[parsed["skill"].lower()])
    skill, rest = parsed["skill"], parsed["rest"]
    if item is None or not item.found:
        return f"Have you worked with {skill}? {rest}"
    if item.strength == "used":
        return f"You used {skill} in your work or projects. {rest}"
    return question if item.strength == "listed" else f"You mention {skill}. {rest}"


@per_spec
def _skill_names(spec: RoleSpec) -> dict[str, str]:
    """The spec's skill and tool names by their lower case."""
    names = {s.name.lower(): s.name for s in (*spec.hard_skills, *spec.soft_skills)}
    return names | {t.name.lower(): t.name for c in spec.tools for t in c.tools}


def _why_full(score: Score) -> str:
    reasons = []
    if score.band != "strong":
        reasons.append(f"the score is in the {score.band} band")
    if score.missing_must_haves:
        reasons.append(f"{len(score.missing_must_haves)} must-have(s) missing")
    if score.red_flags:
        reasons.append(f"{len(score.red_flags)} red flag(s) raised")
    return "; ".join(reasons)


def _choose_rounds(
    rounds: list[InterviewRound], minimum: int, maximum: int, *, short: bool
) -> list[InterviewRound]:
    chosen = [r for r in rounds if not r.optional] if short else list(rounds)
    for extra in rounds:  # never fewer than the minimum
        if len(chosen) >= minimum:
            break
        if extra not in chosen:
            chosen.append(extra)
    chosen = sorted(chosen, key=rounds.index)
    return chosen[:maximum]


def _coding_round(rounds: list[InterviewRound]) -> InterviewRound | None:
    for round_ in rounds:
        if any(word in f"{round_.id} {round_.name}".lower() for word in ("coding", "pair")):
            return round_
    return None


def _gap_focus(spec: RoleSpec, score: Score, found: Mapping[str, ItemMatch]) -> list[FocusArea]:
    focus = [
        FocusArea(gap.topic, "missing", f"no evidence on the resume: {gap.label}")
        for gap in score.missing
    ]
    focus += [
        FocusArea(gap.topic, "verify", "must-have seen only in a list or as a misspelling")
        for gap in score.unverified
    ]
    listed = [
        s
        for s in spec.hard_skills
        if found[s.name].found and not s.must_have and _needs_verifying(found[s.name])
    ]
    listed.sort(key=lambda s: -s.weight)
    focus += [
        FocusArea(s.name, "verify", _verify_reason(found[s.name])) for s in listed[:MAX_VERIFY]
    ]
    return focus


def _needs_verifying(item: ItemMatch) -> bool:
    best = item.best
    return best is not None and (best.strength != "used" or best.match_type == "fuzzy")


def _verify_reason(item: ItemMatch) -> str:
    best = item.best
    assert best is not None
    if best.match_type == "fuzzy":
        return f"found only as '{best.matched}' ({best.similarity:g}% similar)"
    return f"only {best.strength} in {best.section}, not shown in work or projects"


def _strength_focus(spec: RoleSpec, found: Mapping[str, ItemMatch]) -> list[FocusArea]:
    used = [s for s in spec.hard_skills if found[s.name].strength == "used"]
    used.sort(key=lambda s: -s.weight)
    return [
        FocusArea(s.name, "strength", "used in work or projects: confirm depth")
        for s in used[:MAX_STRENGTHS]
    ]


def _soft_focus(spec: RoleSpec, found: Mapping[str, ItemMatch]) -> list[FocusArea]:
    missing = [s for s in spec.soft_skills if not found[s.name].found]
    return [FocusArea(s.name, "soft", "no evidence on the resume") for s in missing[:3]]


@per_spec
def _question_bank(spec: RoleSpec) -> dict[str, list[str]]:
    """Questions by skill or any-of group name."""
    bank = {s.name: s.questions for s in spec.hard_skills}
    bank |= {s.name: s.questions for s in spec.soft_skills}
    for group, names in spec.any_of_groups().items():  # a missing any-of group: ask which
        ask = f"Which of {', '.join(names)} have you written code in, and what did you build?"
        bank.setdefault(group, [ask])
    return bank


def _questions(spec: RoleSpec, focus: list[FocusArea]) -> tuple[str, ...]:
    bank = _question_bank(spec)
    questions: list[str] = []
    for area in focus:
        per_topic = 2 if area.kind in ("missing", "verify") else 1
        questions += bank.get(area.topic, [])[:per_topic]
    return tuple(questions[:MAX_QUESTIONS])


def _pick_exercise(spec: RoleSpec, gaps: list[FocusArea]) -> CodingExercise | None:
    """The short exercise that covers most of the candidate's gaps (the spec's first on ties)."""
    exercises = spec.interview.coding_exercises
    if not exercises:
        return None
    topics = {g.topic for g in gaps}
    # ties by position, not by `exercises.index`, which compares pydantic models field by
    # field (~5 us a candidate)
    _, best = max(
        enumerate(exercises), key=lambda p: (len(topics.intersection(p[1].skills)), -p[0])
    )
    return best


def _assign_probes(
    spec: RoleSpec, rounds: list[InterviewRound], score: Score
) -> dict[str, list[Probe]]:
    """Every interview red flag, plus resume flags that were raised, probed in one round."""
    ids = [r.id for r in rounds]
    raised = {f.id for f in score.red_flags}
    probes: dict[str, list[Probe]] = {round_id: [] for round_id in ids}
    for flag in spec.red_flags:
        if flag.detector and flag.id not in raised:
            continue
        probes[_probe_round(flag, ids)].append(
            Probe(flag.name, flag.probe, tuple(flag.questions), flag.id in raised)
        )
    return probes


def _probe_round(flag: RedFlag, ids: list[str]) -> str:
    """The flag's own round; if that round was dropped, the first; with none given, the last."""
    if flag.round in ids:
        return flag.round
    return ids[-1] if flag.round is None and flag.detector is None else ids[0]


# ---------------------------------------------------------------- Markdown kit
def plan_markdown(plan: InterviewPlan, *, candidate: str, role: str) -> str:
    """The interview kit a recruiter hands to interviewers."""
    out = [
        f"# Interview kit: {candidate}",
        "",
        f"**Role:** {role}  ",
        f"**Process:** {plan.rule}  ",
        f"**Total time:** {plan.total_minutes} minutes",
        "",
    ]
    scale = ", ".join(f"{k} = {v}" for k, v in sorted(plan.rating_scale.items()))
    for number, round_ in enumerate(plan.rounds, start=1):
        out += [
            f"## Round {number}: {round_.name} ({round_.duration_minutes} min)",
            "",
            f"*Purpose:* {round_.purpose}  ",
            f"*Format:* {round_.format}",
            "",
        ]
        if round_.focus:
            out += ["### Focus for this candidate", ""]
            out += [f"- **{f.topic}** ({f.kind}): {f.reason}" for f in round_.focus]
            out.append("")
        if round_.questions:
            out += ["### Questions", ""] + [f"1. {q}" for q in round_.questions] + [""]
        if round_.exercise:
            ex = round_.exercise
            out += [
                f"### Exercise: {ex.title} ({ex.duration_minutes} min, live, no take-home)",
                "",
                ex.prompt,
                "",
            ]
        if round_.probes:
            out += ["### Red flags to probe", ""]
            for probe in round_.probes:
                seen = " (raised by the resume)" if probe.raised_on_resume else ""
                out.append(f"- **{probe.red_flag}**{seen}: {probe.how}")
                out += [f"  - {q}" for q in probe.questions]
            out.append("")
        out += [
            "### Scorecard",
            "",
            f"Rate each row {scale}.",
            "",
            "| Area | Rating (1-4) | Notes |",
            "|---|---|---|",
        ]
        out += [f"| {row} | | |" for row in round_.scorecard]
        out.append("")
    return "\n".join(out)
