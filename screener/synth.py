"""Synthetic resumes for benchmarks: realistic shape, random content, fixed seed.

Each resume has a header, a skills list, experience and project bullets mixing the
spec's aliases (some misspelt) with ordinary resume prose, and an education line.
"""

from __future__ import annotations

import random

from screener.spec import RoleSpec

_VERBS = [
    "Built",
    "Designed",
    "Maintained",
    "Refactored",
    "Debugged",
    "Shipped",
    "Wrote",
    "Migrated",
    "Optimised",
    "Tested",
    "Documented",
    "Deployed",
    "Automated",
    "Led",
]
_OBJECTS = [
    "the billing service",
    "an internal dashboard",
    "the order pipeline",
    "a reporting job",
    "customer onboarding",
    "the search feature",
    "nightly exports",
    "a payments integration",
    "the admin tool",
    "an inventory system",
    "the notification service",
    "a data import",
    "the mobile backend",
]
_FILLER = [
    "with", "a", "small", "team", "across", "two", "time", "zones", "to", "improve",
    "reliability", "and", "reduce", "latency", "for", "thousands", "of", "users", "while",
    "keeping", "the", "codebase", "clean", "readable", "well", "tested", "so", "that", "new",
    "joiners", "could", "contribute", "quickly", "safely", "during", "busy", "release",
    "cycles", "planned", "migrations",
]  # fmt: skip
_NAMES = ["Alex", "Sam", "Jordan", "Taylor", "Morgan", "Casey", "Riley", "Jamie", "Robin"]
_SURNAMES = ["Smith", "Garcia", "Nguyen", "Okafor", "Kowalski", "Haddad", "Ivanova", "Tanaka"]


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 6:
        return word
    i = rng.randrange(1, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def synthetic_resume(spec: RoleSpec, rng: random.Random, words: int = 600) -> str:
    """One resume of about ``words`` words."""
    aliases = [rule.text for _, _, item in spec.matchables() for rule in item.alias_rules()]
    name = f"{rng.choice(_NAMES)} {rng.choice(_SURNAMES)}"
    lines = [
        name,
        f"{name.split()[0].lower()}@example.com | +1 555 010 {rng.randrange(1000, 9999)}",
        "",
        "SUMMARY",
        "Backend developer who enjoys building reliable services.",
        "",
        "SKILLS",
        ", ".join(rng.sample(aliases, 14)),
        "",
        "EXPERIENCE",
    ]
    count = sum(len(line.split()) for line in lines)
    section_switch = words * 0.6
    while count < words:
        if count > section_switch:
            lines += ["", "PROJECTS"]
            section_switch = float("inf")
        skill = rng.choice(aliases)
        if rng.random() < 0.1:
            skill = _typo(skill, rng)
        filler = " ".join(rng.sample(_FILLER, rng.randrange(6, 14)))
        bullet = f"- {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} using {skill} {filler}."
        lines.append(bullet)
        count += len(bullet.split())
    lines += ["", "EDUCATION", "BSc Computer Science, 2023"]
    return "\n".join(lines)


def synthetic_resumes(spec: RoleSpec, count: int, *, seed: int = 7, words: int = 600) -> list[str]:
    rng = random.Random(seed)
    return [synthetic_resume(spec, rng, words) for _ in range(count)]
