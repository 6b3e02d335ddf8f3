"""A job post a recruiter can publish, generated from a role spec.

Short on purpose: responsibilities without near-duplicates, must-haves apart from
nice-to-haves, two main tools per category, the hiring guidance in plain words, an
equal-opportunity statement, and ``[placeholders]`` for what only the recruiter knows.
"""

from __future__ import annotations

import re

from screener.spec import HardSkill, RoleSpec

MAX_RESPONSIBILITIES = 8
MAX_NICE_TO_HAVE = 6
TOOLS_PER_CATEGORY = 2
SAME_DUTY = 0.5  # share of the shorter duty's content words found in an earlier one
_STOPWORDS = frozenset(
    {"a", "an", "and", "as", "at", "for", "from", "in", "into", "of", "on", "or", "the", "to",
     "with", "using", "via", "our", "your", "their"}
)  # fmt: skip
EQUAL_OPPORTUNITY = (
    "We are an equal-opportunity employer. We welcome applicants of every background, "
    "gender, age, ethnicity, religion, sexual orientation and disability, and we make "
    "reasonable adjustments at any stage of the process: just ask."
)


def job_description(spec: RoleSpec) -> str:
    """Markdown a recruiter can paste into a job board after filling in the placeholders."""
    out = [
        f"# {spec.title}",
        "",
        f"**[Company name]** · {spec.location} · {spec.employment_type} · {_level(spec.level)}  ",
        f"**Salary:** {_salary(spec)}",
        "",
        spec.summary,
        "",
        "## What you will do",
        "",
        *[f"- {r}" for r in distinct_duties(spec.responsibilities)[:MAX_RESPONSIBILITIES]],
        "",
        "## What you need",
        "",
        *[f"- {line}" for line in _must_haves(spec)],
        "",
    ]
    nice = _nice_to_have(spec)
    if nice:
        out += ["## Nice to have (not required)", "", *[f"- {n}" for n in nice], ""]
    tools = [
        f"- **{c.name}:** {', '.join(t.name for t in c.tools[:TOOLS_PER_CATEGORY])}"
        for c in spec.tools
        if c.tools
    ]
    if tools:
        out += ["## Tools you will use", "", *tools, "", "Nobody knows them all: you will learn "
                "the rest here.", ""]  # fmt: skip
    out += ["## How we hire", "", *[f"- {line}" for line in _hiring(spec)], ""]
    out += [
        "## What we offer",
        "",
        *[f"- {p}" for p in spec.perks if "salary" not in p.lower()],
        "- [Add or remove benefits so that this list is true for this role]",
        "",
        "## How to apply",
        "",
        "[Link or e-mail address]. Send your resume and, if you have one, a link to "
        "something you built. [Closing date]",
        "",
        EQUAL_OPPORTUNITY,
        "",
    ]
    return "\n".join(out)


def distinct_duties(duties: list[str]) -> list[str]:
    """Duties in spec order, without those that mostly repeat an earlier one.

    >>> distinct_duties(["Debug production issues and implement fixes",
    ...                  "Write tests", "Debug and resolve production issues"])
    ['Debug production issues and implement fixes', 'Write tests']
    """
    kept: list[tuple[str, set[str]]] = []
    for duty in duties:
        words = _content_words(duty)
        if not any(_overlap(words, seen) >= SAME_DUTY for _, seen in kept):
            kept.append((duty, words))
    return [duty for duty, _ in kept]


def _content_words(text: str) -> set[str]:
    """Lower-case word stems (first five letters) without filler words."""
    words = re.findall(r"[a-z][a-z+#-]*", text.lower())
    return {w[:5] for w in words if w not in _STOPWORDS}


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _salary(spec: RoleSpec) -> str:
    bands = [f"{b.currency} {b.minimum:,}-{b.maximum:,} ({b.level})" for b in spec.salary_bands]
    return "; ".join(bands) if bands else "[salary range]"


def _names(alias: str, text: str) -> bool:
    """Whether ``text`` (lower case) names ``alias`` as a whole word: 'Go' is not in 'good'."""
    return re.search(rf"(?<![\w+#]){re.escape(alias.lower())}(?![\w+#])", text) is not None


def _level(level: str) -> str:
    return level if "level" in level.lower() else f"{level} level"


def _must_haves(spec: RoleSpec) -> list[str]:
    """The spec's prerequisites, then each must-have skill they do not already name (a group
    as 'any one of'), so nothing is said twice."""
    said = " ".join(spec.prerequisites).lower()
    skills = [
        s
        for s in spec.hard_skills
        if s.must_have and not any(_names(a.text, said) for a in s.alias_rules())
    ]
    groups = _groups(skills)
    named = {s.any_of for s in spec.hard_skills if s.any_of and s not in skills and s.must_have}
    return list(spec.prerequisites) + [
        names[0] if group is None else f"{group}: any one of {', '.join(names)}"
        for group, names in groups
        if group not in named  # one member named in the prerequisites covers the group
    ]


def _nice_to_have(spec: RoleSpec) -> list[str]:
    """The heaviest optional skills; an any-of group is one line ('one of ...')."""
    optional = sorted(
        (s for s in spec.hard_skills if not s.must_have), key=lambda s: -s.weight
    )  # sorted is stable: spec order on equal weights
    return [
        names[0] if group is None else f"{group}: one of {', '.join(names)}"
        for group, names in _groups(optional)
    ][:MAX_NICE_TO_HAVE]


def _groups(skills: list[HardSkill]) -> list[tuple[str | None, list[str]]]:
    out: list[tuple[str | None, list[str]]] = []
    by_group: dict[str, list[str]] = {}
    for skill in skills:
        if skill.any_of is None:
            out.append((None, [skill.name]))
        elif skill.any_of in by_group:
            by_group[skill.any_of].append(skill.name)
        else:
            by_group[skill.any_of] = [skill.name]
            out.append((skill.any_of, by_group[skill.any_of]))
    return out


def _hiring(spec: RoleSpec) -> list[str]:
    signals = [s.name.lower() for s in spec.practical_evidence][:4]
    lines = []
    if signals:
        listed = ", ".join(signals[:-1]) + " and " + signals[-1] if len(signals) > 1 else signals[0]
        lines.append(f"No degree required: {listed} all count as experience.")
    process = spec.interview
    rounds = ", ".join(f"{r.name.lower()} ({r.duration_minutes} min)" for r in process.rounds)
    lines.append(
        f"{process.min_rounds}-{process.max_rounds} rounds, no take-home project: {rounds}."
    )
    return lines
