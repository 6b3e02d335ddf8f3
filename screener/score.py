"""A deterministic, explainable 0-100 score from a spec's weights and a match result.

Four parts (weights from the spec, adding up to 100): hard skills, tools, soft skills and
practical evidence, minus any red-flag penalty. Skills used in experience or project work
earn full credit; skills only listed or mentioned earn partial credit, and together can
fill at most part of each section, so a long skills list alone cannot reach a high score.
No part looks at names, contact details, age, gender or education.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from screener.match import Hit, ItemMatch, MatchResult
from screener.sections import is_headline, is_job_entry, looks_like_title, stated_duration
from screener.spec import HardSkill, RedFlag, RoleSpec, Scoring, per_spec

Band = Literal["strong", "possible", "weak"]
OTHER_GROUP_MEMBER_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class Part:
    """One line of the breakdown: ``points`` of ``max_points`` and why."""

    name: str
    points: float
    max_points: float
    detail: str


@dataclass(frozen=True, slots=True)
class SkillCredit:
    """What one found skill or tool contributed, in the spec's weight units."""

    name: str
    credit: float
    reason: str


@dataclass(frozen=True, slots=True)
class MustHaveGap:
    """A must-have that is missing or unverified: the skill to ask about, and what to show."""

    topic: str  # a skill name, or an any-of group's name
    label: str  # e.g. "Backend language (any of Python, Java, Go)" or "Git"


@dataclass(frozen=True, slots=True)
class RaisedFlag:
    id: str
    name: str
    reason: str
    penalty: float
    probe: str


@dataclass(frozen=True)
class Score:
    total: float
    band: Band
    parts: tuple[Part, ...]
    credits: tuple[SkillCredit, ...]
    missing: tuple[MustHaveGap, ...]
    unverified: tuple[MustHaveGap, ...]
    red_flags: tuple[RaisedFlag, ...]
    band_note: str = ""  # why the band is lower than the total alone gives, if it is

    @property
    def must_haves_met(self) -> bool:
        return not self.missing

    @property
    def missing_must_haves(self) -> tuple[str, ...]:
        return tuple(gap.label for gap in self.missing)

    @property
    def unverified_must_haves(self) -> tuple[str, ...]:
        return tuple(gap.label for gap in self.unverified)


def score(spec: RoleSpec, result: MatchResult) -> Score:
    """Score one candidate's match result against the spec."""
    found = result.by_name()
    cfg = spec.scoring
    groups = _groups(spec)
    hard, credits = _hard_part(spec, groups, found)
    present = [item for item in found.values() if item.best is not None]  # ~20 of ~110
    tools = _tools_part(spec, present)
    technical = (hard.points + tools.points) / max(1e-9, hard.max_points + tools.max_points)
    parts = [
        hard,
        tools,
        _backed(_soft_part(spec, found), technical, cfg.support_gate),
        _backed(_practical_part(spec, found, result.sections_present), technical, cfg.support_gate),
    ]
    flags = _red_flags(spec, present, practical_points=parts[3].points)
    parts = [Part(p.name, round(p.points, 1), p.max_points, p.detail) for p in parts]
    subtotal = round(sum(p.points for p in parts), 1)
    penalty = min(subtotal, round(sum(f.penalty for f in flags), 1))
    if flags:
        names = ", ".join(f.name for f in flags if f.penalty) or "none with a penalty"
        parts.append(Part("Red-flag penalty", -penalty, 0.0, names))
    total = round(subtotal - penalty, 1)  # parts are rounded first, so they add up exactly
    band: Band = (
        "strong"
        if total >= cfg.strong_band
        else "possible"
        if total >= cfg.possible_band
        else "weak"
    )
    missing, unverified = _must_haves(groups, found)
    band, band_note = _capped_band(band, missing, flags, spec)
    return Score(
        total=total,
        band=band,
        parts=tuple(parts),
        credits=tuple(credits),
        missing=tuple(missing),
        unverified=tuple(unverified),
        red_flags=tuple(flags),
        band_note=band_note,
    )


# ---------------------------------------------------------------- parts
def _backed(part: Part, technical: float, gate: float) -> Part:
    """Soft skills and practical evidence back up the role's technical skills: they count
    in full once hard skills and tools reach ``gate`` of their points, and in proportion
    below that, so an internship or teamwork with none of the role's skills adds little."""
    share = 1.0 if gate == 0 else min(1.0, technical / gate)
    if share >= 1.0 or part.points == 0:
        return part
    detail = (
        f"{part.detail}; counted at {share:.0%}: hard skills and tools are at "
        f"{technical:.0%} of their points, {gate:.0%} needed for these to count in full"
    )
    return Part(part.name, part.points * share, part.max_points, detail)


def _credit_factor(item: ItemMatch, cfg: Scoring, use: str | None) -> float:
    """Used skills earn full credit, listed ones ``listed_only_credit`` (or
    ``stated_use_credit`` with a stated time of use, ``use`` = `_stated_use`); a skill
    known only because another implies it earns ``implied_credit`` of that."""
    if item.strength == "used":
        factor = 1.0
    elif use:
        factor = cfg.stated_use_credit
    else:
        factor = cfg.listed_only_credit
    if item.best is not None and item.best.match_type == "implied":
        factor *= cfg.implied_credit
    return factor


def _stated_use(item: ItemMatch) -> str | None:
    """The time of use a skills list states for this skill, right after its name and
    before the next item ("Java (1 year)", "Jdbc- Exprience - 24 months"), or None."""
    best = item.best
    if best is None or best.strength == "used" or best.match_type == "implied":
        return None
    at = best.evidence.find(best.matched)
    if at < 0:
        return None
    after = best.evidence[at + len(best.matched) :]
    return stated_duration(_ITEM_END.split(after, maxsplit=1)[0])


_ITEM_END = re.compile(r"[,;|•·]")  # the end of an item in a skills list


def _capped(used: float, listed: float, target: float, cap: float) -> float:
    """Share of ``target`` earned: used credit counts fully, listed credit up to ``cap``."""
    listed_share = min(listed / target, cap)
    return min(1.0, used / target + listed_share)


def _hard_part(
    spec: RoleSpec, groups: list[Group], found: Mapping[str, ItemMatch]
) -> tuple[Part, list[SkillCredit]]:
    cfg = spec.scoring
    credits: list[SkillCredit] = []
    used = listed = 0.0
    for group, skills in groups:
        # (skill, item, stated use, credit factor): each worked out once per resume
        present = [
            (s, item, use, _credit_factor(item, cfg, use))
            for s in skills
            if (item := found[s.name]).best is not None
            for use in (_stated_use(item),)
        ]
        if len(present) > 1:
            present.sort(key=lambda p: -p[0].weight * p[3])
        for rank, (skill, item, use, factor) in enumerate(present):
            share = 1.0 if group is None or rank == 0 else OTHER_GROUP_MEMBER_SHARE
            credit = skill.weight * factor * share
            if item.strength == "used" or use:
                used += credit
            else:
                listed += credit
            reason = f"weight {skill.weight:g}, {_describe(item, use)}"
            if share < 1:
                reason += f", another {group} skill counts {share:.0%}"
            credits.append(SkillCredit(skill.name, round(credit, 2), reason))
    target = cfg.hard_skill_target * _group_weight(spec)
    share = _capped(used, listed, target, cfg.listed_only_cap)
    detail = (
        f"{used:.1f} weight points from skills used in work or projects (or with a stated "
        f"time of use), {listed:.1f} from "
        f"skills only listed (counted up to {cfg.listed_only_cap:.0%}); {target:.1f} needed "
        "for full marks"
    )
    return Part(
        "Hard skills", cfg.weights.hard_skills * share, cfg.weights.hard_skills, detail
    ), credits


def _tools_part(spec: RoleSpec, present: list[ItemMatch]) -> Part:
    """Tool categories covered; ``present`` are the items found, in spec order."""
    cfg = spec.scoring
    per_category: dict[str, list[ItemMatch]] = defaultdict(list)
    for item in present:
        if item.kind in ("tool", "hard") and item.category != "Hard skills":
            per_category[item.category].append(item)
    categories = [c.name for c in spec.tools]
    if not categories:
        return Part("Tools", 0.0, cfg.weights.tools, "the spec lists no tools")
    used_cover = listed_extra = 0.0
    covered: list[str] = []
    for name in categories:
        items = per_category.get(name, [])
        used = sum(1 for i in items if i.strength == "used")
        listed = sum(cfg.listed_only_credit for i in items if i.strength != "used")
        u = min(1.0, used / cfg.tools_per_category)
        t = min(1.0, (used + listed) / cfg.tools_per_category)
        used_cover += u
        listed_extra += t - u
        if items:
            covered.append(f"{name} {len(items)}")
    share = min(
        1.0,
        (used_cover + min(listed_extra, cfg.listed_only_cap * len(categories))) / len(categories),
    )
    detail = (
        f"{len(covered)} of {len(categories)} categories covered ({', '.join(covered) or 'none'}); "
        f"{cfg.tools_per_category} tools used in work or projects fill a category"
    )
    return Part("Tools", cfg.weights.tools * share, cfg.weights.tools, detail)


def _soft_part(spec: RoleSpec, found: Mapping[str, ItemMatch]) -> Part:
    cfg = spec.scoring
    items = [found[s.name] for s in spec.soft_skills if found[s.name].found]
    used = sum(1.0 for i in items if i.strength == "used")
    listed = sum(cfg.listed_only_credit for i in items if i.strength != "used")
    share = (
        _capped(used, listed, cfg.soft_skills_target, cfg.listed_only_cap)
        if spec.soft_skills
        else 0.0
    )
    names = ", ".join(i.name for i in items) or "none"
    detail = (
        f"evidence of {len(items)} soft skills ({names}); {cfg.soft_skills_target} fill the part"
    )
    return Part("Soft skills", cfg.weights.soft_skills * share, cfg.weights.soft_skills, detail)


def _practical_part(
    spec: RoleSpec, found: Mapping[str, ItemMatch], sections: frozenset[str]
) -> Part:
    cfg = spec.scoring
    earned = 0.0
    seen: list[str] = []
    for signal in spec.practical_evidence:
        item = found[signal.name]
        shown = any(_in_job_title(hit) for hit in item.hits) if signal.in_job_titles else item.found
        if shown or sections.intersection(signal.sections):
            earned += signal.points
            seen.append(signal.name)
    share = min(1.0, earned / cfg.practical_target)
    found_text = ", ".join(seen) or "no hands-on evidence found"
    detail = f"{found_text} ({earned:g} points found, {cfg.practical_target:g} fill the part)"
    return Part(
        "Practical evidence",
        cfg.weights.practical_evidence * share,
        cfg.weights.practical_evidence,
        detail,
    )


BAND_ORDER: tuple[Band, ...] = ("weak", "possible", "strong")


def _capped_band(
    band: Band, missing: list[MustHaveGap], flags: list[RaisedFlag], spec: RoleSpec
) -> tuple[Band, str]:
    """A missing must-have keeps a resume out of the top band; a red flag with a
    ``band_cap`` (keyword stuffing) holds it at that band. Says why, or ""."""
    caps: list[tuple[Band, str]] = []
    if missing:
        labels = ", ".join(gap.label for gap in missing)
        caps.append(("possible", f"a must-have is missing ({labels})"))
    flag_caps = {flag.id: flag.band_cap for flag in spec.red_flags if flag.band_cap}
    caps.extend((flag_caps[f.id], f"red flag: {f.name}") for f in flags if f.id in flag_caps)
    reasons = []
    for cap, reason in caps:
        if BAND_ORDER.index(cap) < BAND_ORDER.index(band):
            band = cap
            reasons.append(reason)
    return band, f"capped at {band}: {'; '.join(reasons)}" if reasons else ""


def _in_job_title(hit: Hit) -> bool:
    """A hit on a job's title line: in experience, on a short title-like or dated line."""
    return hit.section == "experience" and (
        looks_like_title(hit.evidence) or is_job_entry(hit.evidence) or is_headline(hit.evidence)
    )


# ---------------------------------------------------------------- checks
Group = tuple[str | None, list[HardSkill]]


@per_spec
def _groups(spec: RoleSpec) -> list[Group]:
    """Hard skills as (any-of group or None, members); an any-of group counts once."""
    grouped: dict[str, list[HardSkill]] = defaultdict(list)
    out: list[Group] = []
    for skill in spec.hard_skills:
        if skill.any_of:
            if skill.any_of not in grouped:
                out.append((skill.any_of, grouped[skill.any_of]))
            grouped[skill.any_of].append(skill)
        else:
            out.append((None, [skill]))
    return out


@per_spec
def _group_weight(spec: RoleSpec) -> float:
    """The weight points of all hard skills, an any-of group counting its heaviest once."""
    return sum(max(s.weight for s in skills) for _, skills in _groups(spec))


def _must_haves(
    groups: list[Group], found: Mapping[str, ItemMatch]
) -> tuple[list[MustHaveGap], list[MustHaveGap]]:
    """Missing must-haves, and those seen only in a list or only by fuzzy match."""
    missing: list[MustHaveGap] = []
    unverified: list[MustHaveGap] = []
    for group, skills in groups:
        if not any(s.must_have for s in skills):
            continue
        present = [found[s.name] for s in skills if found[s.name].found]
        if not present:
            names = ", ".join(s.name for s in skills)
            label = skills[0].name if group is None else f"{group} (any of {names})"
            missing.append(MustHaveGap(group or skills[0].name, label))
        elif not any(_verified(i) for i in present):
            label = present[0].name if group is None else f"{group}: {present[0].name}"
            unverified.append(MustHaveGap(present[0].name, label))
    return missing, unverified


def _verified(item: ItemMatch) -> bool:
    """Used in work or projects, and not only by a fuzzy match (an implied skill is as
    verified as the exact skill that implies it)."""
    best = item.best
    return (
        best is not None
        and best.strength == "used"
        and best.match_type != "fuzzy"
        and best.similarity >= 100
    )


def _red_flags(
    spec: RoleSpec, present: list[ItemMatch], *, practical_points: float
) -> list[RaisedFlag]:
    technical = [i for i in present if i.kind in ("hard", "tool")]
    used = [i for i in technical if i.strength == "used"]
    raised: list[RaisedFlag] = []
    for flag in spec.red_flags:
        reason = _detect(spec, flag, technical, used, practical_points)
        if reason:
            raised.append(RaisedFlag(flag.id, flag.name, reason, flag.penalty, flag.probe))
    return raised


def _detect(
    spec: RoleSpec,
    flag: RedFlag,
    technical: list[ItemMatch],
    used: list[ItemMatch],
    practical: float,
) -> str:
    cfg = spec.scoring
    stuffed = len(technical) >= cfg.stuffing_min_skills and (
        len(used) <= cfg.stuffing_max_used_share * len(technical)
    )
    if flag.detector == "keyword_stuffing" and stuffed:
        return f"{len(technical)} skills and tools named, only {len(used)} used in work or projects"
    elif flag.detector == "no_hands_on_evidence" and practical == 0 and not used:
        return "no projects, internships, bootcamp, open source or developer roles found"
    return ""


def _describe(item: ItemMatch, use: str | None) -> str:
    """How a found skill was seen; ``use`` is its `_stated_use`."""
    best = item.best
    assert best is not None
    kind = best.match_type  # only the wording needed is formatted (~17 calls per resume)
    how = (
        f"alias '{best.alias}'"
        if kind == "alias"
        else f"fuzzy {best.similarity:g}%"
        if kind == "fuzzy"
        else best.alias
        if kind == "implied"
        else "exact"
    )
    stated = use or stated_duration(best.evidence)
    duration = f", {stated} stated" if stated else ""
    if use:
        duration += ": counted as used"
    return f"{best.strength} in {best.section} (line {best.line}, {how}{duration})"
