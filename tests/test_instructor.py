"""The teaching apparatus: each chapter's review section, the slide decks and the instructor pack.

The review sections are checked as sources (fast); the slides and the pack are built (marked
``book``, like the other builds).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

import tasks

ROOT = Path(tasks.ROOT)
CHAPTERS = ["01_satisfaction", "02_perceived_value", "03_relationship_marketing", "04_crm_clv"]
#: Heading of each part of a review section -> (fewest, most) numbered items or entries.
PARTS = {
    "Chapter summary": None,
    "Key terms": (10, None),
    "Review questions": (8, 12),
    "Discussion questions": (4, 6),
    "Mini-project": None,
    "Further reading": (3, 6),
}
EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//|url\(\s*["']?(?:https?:)?//""")


def _parts(name: str) -> dict[str, str]:
    """The ``###`` parts of a chapter's review section, by heading."""
    text = (ROOT / "chapters" / "review" / f"{name}.md").read_text(encoding="utf-8")
    pieces = re.split(r"^### (.+)$", text, flags=re.M)
    pairs = zip(pieces[1::2], pieces[2::2], strict=True)
    return {heading.split(":")[0].strip(): body for heading, body in pairs}


@pytest.mark.parametrize("name", CHAPTERS)
def test_every_chapter_has_each_part_of_its_review(name: str) -> None:
    parts = _parts(name)
    assert set(PARTS) <= set(parts), f"{name}: missing {sorted(set(PARTS) - set(parts))}"
    summary = len(parts["Chapter summary"].split())
    assert 250 <= summary <= 800, f"{name}: the summary has {summary} words"
    terms = len(re.findall(r"\{term\}`", parts["Key terms"]))
    assert terms >= PARTS["Key terms"][0], f"{name}: only {terms} key terms"
    for heading in ("Review questions", "Discussion questions"):
        low, high = PARTS[heading]
        count = len(re.findall(r"^\d+\. ", parts[heading], flags=re.M))
        assert low <= count <= high, f"{name}: {count} {heading.lower()}"
    reading = re.findall(r"^- \{cite:t\}`[^`]+`.*?:\s+\S", parts["Further reading"], flags=re.M)
    low, high = PARTS["Further reading"]
    assert low <= len(reading) <= high, f"{name}: {len(reading)} annotated readings"
    project = parts["Mini-project"]
    assert len(re.findall(r"^\d+\. ", project, flags=re.M)) >= 3, f"{name}: project has no steps"


@pytest.mark.parametrize("name", CHAPTERS)
def test_every_chapter_includes_its_review_and_links_its_slides(name: str) -> None:
    notebook = json.loads((ROOT / "chapters" / f"{name}.ipynb").read_text(encoding="utf-8"))
    sources = ["".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "markdown"]
    assert any(f"{{include}} review/{name}.md" in s for s in sources), name
    review = (ROOT / "chapters" / "review" / f"{name}.md").read_text(encoding="utf-8")
    assert f'href="../slides/{name}.html"' in review
    assert (ROOT / "slides" / f"{name}.md").is_file()


def test_answer_guidance_is_kept_out_of_the_public_book() -> None:
    toc = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    assert "instructor/answers" not in toc
    assert all(
        part["file"].startswith("instructor/answers/") for part in tasks.INSTRUCTOR_PART["chapters"]
    )
    answers = sorted(p.stem for p in (ROOT / "instructor" / "answers").glob("*.ipynb"))
    assert answers == CHAPTERS


@pytest.fixture(scope="module")
def slides(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("slides")
    assert tasks.build_slides(folder) == 0, "the slides failed to build: see the output"
    return folder


@pytest.mark.book
def test_every_deck_is_built_from_the_book(slides: Path) -> None:
    for name in CHAPTERS:
        page = (slides / f"{name}.html").read_text(encoding="utf-8")
        assert len(re.findall(r"<section\b", page)) >= 8, f"{name}: fewer than 8 slides"
        tags = re.findall(r"<img\b[^>]*>", page)
        assert tags, f"{name}: no figure from the chapter"
        for tag in tags:
            src = re.search(r'src="([^"]+)"', tag)[1]
            alt = (re.search(r'alt="([^"]*)"', tag) or [None, ""])[1]
            assert (slides / src).is_file(), f"{name}: {src} missing"
            assert alt.strip(), f"{name}: a figure without alt text"
        assert "{book" not in page, f"{name}: unresolved book markup"


@pytest.mark.book
def test_decks_reference_nothing_outside_the_folder(slides: Path) -> None:
    """Every file a deck loads is in the built folder, and no stylesheet it loads imports one
    from another host (the themes it does not use are not looked at)."""
    offenders = []
    for name in CHAPTERS:
        page = (slides / f"{name}.html").read_text(encoding="utf-8")
        if EXTERNAL.search(page):
            offenders.append(f"{name}.html: {EXTERNAL.search(page).group(0)}")
        loaded = re.findall(r'<(?:script|link|img)\b[^>]*(?:src|href)="([^"#?]+)', page)
        for ref in loaded:
            target = slides / ref
            if not target.is_file():
                offenders.append(f"{name}.html loads {ref}, which is not in the folder")
            elif target.suffix == ".css" and EXTERNAL.search(target.read_text(encoding="utf-8")):
                offenders.append(f"{ref}: {EXTERNAL.search(target.read_text('utf-8')).group(0)}")
    assert not offenders, "external references:\n" + "\n".join(offenders)


@pytest.mark.book
def test_decks_open_offline_in_a_browser(slides: Path, chromium: Any) -> None:
    for name in CHAPTERS:
        page = chromium.new_page(viewport={"width": 1280, "height": 800})
        requests: list[str] = []
        errors: list[str] = []
        page.on("request", lambda r, seen=requests: seen.append(r.url))
        page.on("console", lambda m, seen=errors: m.type == "error" and seen.append(m.text))
        page.goto((slides / f"{name}.html").as_uri())
        page.wait_for_function("window.Reveal && Reveal.isReady()")
        total = page.evaluate("Reveal.getTotalSlides()")
        page.keyboard.press("ArrowRight")
        assert page.evaluate("Reveal.getIndices().h") == 1, f"{name}: no keyboard move"
        outside = [u for u in requests if not u.startswith(("file:", "data:"))]
        assert not outside, f"{name} requested {outside}"
        assert not errors, f"{name}: console errors {errors}"
        assert total >= 8
        page.close()


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("instructor")
    assert tasks.build_instructor(folder) == 0, "the instructor pack failed to build"
    return folder


@pytest.mark.book
def test_instructor_pack_holds_site_answers_and_slides(pack: Path) -> None:
    assert (pack / "index.html").is_file()
    assert (pack / "slides" / "index.html").is_file()
    assert (pack / "assignments" / "README.md").is_file()
    assert len(list((pack / "assignments").glob("*/autograder/*.zip"))) >= 4 or any(
        (pack / "assignments").rglob("*.zip")
    ), "no autograder in the pack"
    for name in CHAPTERS:
        answers = pack / "site" / "instructor" / "answers" / f"{name}.html"
        assert answers.is_file(), f"no answer guidance page for {name}"
        assert "Review questions" in answers.read_text(encoding="utf-8")
    exercise = (pack / "site" / "exercises" / "01_satisfaction.html").read_text(encoding="utf-8")
    assert "solution" in exercise
    assert not re.search(
        r'class="[^"]*solution[^"]*dropdown|class="[^"]*dropdown[^"]*solution', exercise
    ), "solutions are still behind a toggle in the instructor pack"
    assert "Instructor edition" in exercise


def _chapter_text(name: str) -> str:
    cells = json.loads((ROOT / "chapters" / f"{name}.ipynb").read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


@pytest.mark.parametrize("name", CHAPTERS)
def test_every_chapter_has_two_cases_each_with_questions(name: str) -> None:
    """Each case is followed by its questions (a case may run over the sections it works
    through, so its questions come before the next case or the key takeaways)."""
    text = _chapter_text(name)
    cases = list(re.finditer(r"^#{2,3} Case: .*$", text, flags=re.M))
    assert len(cases) >= 2, f"{name}: {len(cases)} case(s)"
    end = re.search(r"^## Key takeaways", text, flags=re.M)
    stops = [m.start() for m in cases[1:]] + [end.start() if end else len(text)]
    chinese = 0
    for case, stop in zip(cases, stops, strict=True):
        body = text[case.end() : stop]
        assert "Case questions" in body, f"{name}: {case.group(0)} has no case questions"
        questions = body.split("Case questions", 1)[1]
        count = len(re.findall(r"^\d+\. ", questions, flags=re.M))
        assert count >= 3, f"{name}: {case.group(0)} has {count} case questions"
        chinese += any(m in case.group(0) + body[:600] for m in CHINA)
    assert chinese, f"{name}: no case from China"


#: Words that mark a case set in China (in its title or opening paragraph).
CHINA = ("China", "Chinese", "Xi'an", "Qingdao", "Shanghai", "Haier", "Xiaomi", "Hema")
