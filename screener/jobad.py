"""A ready-to-post job description generated from a role spec."""

from __future__ import annotations

from screener.spec import RoleSpec


def job_description(spec: RoleSpec) -> str:
    """Markdown a recruiter can paste into a job board."""
    must = [s.name for s in spec.hard_skills if s.must_have and not s.any_of]
    groups: dict[str, list[str]] = {}
    for skill in spec.hard_skills:
        if skill.any_of and skill.must_have:
            groups.setdefault(skill.any_of, []).append(skill.name)
    nice = [s.name for s in spec.hard_skills if not s.must_have][:10]
    out = [
        f"# {spec.title}",
        "",
        f"**Location:** {spec.location}  ",
        f"**Type:** {spec.employment_type}  ",
        f"**Level:** {spec.level}",
        "",
        "## About the role",
        "",
        spec.summary,
        "",
        "## What you will do",
        "",
        *[f"- {r}" for r in spec.responsibilities],
        "",
        "## What you bring",
        "",
        *[f"- {p}" for p in spec.prerequisites],
        *[f"- Experience with {', '.join(names)} (any one is fine)" for names in groups.values()],
        *([f"- {', '.join(must)}"] if must else []),
        "",
    ]
    if nice:
        out += ["## Nice to have", "", f"- {', '.join(nice)}", ""]
    if spec.soft_skills:
        out += ["## How you work", "", f"- {', '.join(s.name for s in spec.soft_skills)}", ""]
    tools = [f"- **{c.name}:** {', '.join(t.name for t in c.tools)}" for c in spec.tools if c.tools]
    if tools:
        out += ["## Tools you may use", "", *tools, ""]
    if spec.perks:
        out += ["## Perks", "", *[f"- {p}" for p in spec.perks], ""]
    rounds = spec.interview.rounds
    out += [
        "## Our interview process",
        "",
        f"{spec.interview.min_rounds}-{spec.interview.max_rounds} rounds, no take-home project:",
        "",
        *[f"1. **{r.name}** ({r.duration_minutes} min): {r.purpose}" for r in rounds],
        "",
    ]
    if spec.evaluation_guidance:
        out += ["We value practical skills: " + spec.evaluation_guidance[0], ""]
    return "\n".join(out)
