"""Benchmark inputs: the seed speech scaled to a given number of paragraphs.

The seed's parts (with their intros, points and closings) are repeated in turn
until the document holds the requested number of blocks; a last part padded
with intro paragraphs makes the count exact. Every input goes through the real
``half-year-speech`` pack, so it is a speech a writer could have written.
"""

from __future__ import annotations

import copy
import itertools
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SEED_YAML = ROOT / "seeds" / "seed-speech.yaml"

# The sizes: a speech, and ten, a hundred and a thousand times one.
SIZES = (59, 581, 5801, 58001)


def seed_data() -> dict:
    return yaml.safe_load(SEED_YAML.read_text(encoding="utf-8"))


def part_blocks(part: dict) -> int:
    """Blocks a part becomes: its heading, intro, points and closing paragraphs."""
    count = 1 + len(part.get("intro", [])) + len(part.get("closing", []))
    for point in part.get("points", []):
        body = len(point.get("body", []))
        count += 1 + body if part.get("layout") == "standalone" else max(body, 1)
    return count


def frame_blocks(data: dict) -> int:
    """Blocks outside the parts: title, byline lines, salutation, opening, closing."""
    count = 2 + len(data.get("opening", [])) + len(data.get("closing", []))
    return count + ("speaker" in data) + ("date" in data)


def scaled_speech(paragraphs: int) -> dict:
    """The seed's data with exactly ``paragraphs`` blocks in its document."""
    seed = seed_data()
    budget = paragraphs - frame_blocks(seed)
    if budget < 2:
        raise ValueError(f"a speech needs at least {frame_blocks(seed) + 2} paragraphs")
    parts: list[dict] = []
    for part in itertools.cycle(seed["parts"]):
        size = part_blocks(part)
        if size > budget - 2 and size != budget:
            break
        parts.append(copy.deepcopy(part))
        budget -= size
        if budget == 0:
            break
    if budget:
        texts = itertools.cycle(p for part in seed["parts"] for point in part["points"] for p in point["body"])
        parts.append({"heading": "其他工作", "intro": [next(texts) for _ in range(budget - 1)], "points": []})
    return {**seed, "parts": parts}


def write_inputs(folder: Path, sizes=SIZES) -> dict[int, Path]:
    """One YAML file per size in ``folder``; returns the paths by paragraph count."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for n in sizes:
        path = folder / f"speech-{n}.yaml"
        text = yaml.safe_dump(scaled_speech(n), allow_unicode=True, sort_keys=False, width=10_000)
        path.write_text(text, encoding="utf-8")
        paths[n] = path
    return paths
