"""Finish the written HTML pages for every reader (run once, after the build).

- ``lang="zh-Hans"`` / ``lang="zh-Hant"`` on every run of Chinese text, so browsers and screen
  readers use Chinese glyph forms and voices. In the glossary's "简体 · 繁體" pairs the form after
  the middle dot is traditional; elsewhere the characters decide (traditional-only characters
  are learnt from those pairs).
- Real alt text on every image: a chart drawn by cpvkit carries its description in the PNG
  (a ``Description`` text chunk, see :func:`cpvkit._figures.alt_text`); an image whose alt text
  is only its file name gets that description, or else its figure caption.
- Unique IDs: an ID repeated on a page (sphinx-exercise gives every exercise and solution body
  the same one) gets a numbered suffix.
- Table cells that hold a number are marked ``class="num"`` (right-aligned, tabular figures).
"""

from __future__ import annotations

import base64
import html
import re
import struct
import zlib
from pathlib import Path

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_RUN = re.compile(f"[{HAN}][{HAN}\u3000-\u303f\uff01-\uff5e]*")
TAG = re.compile(r"(<[^>]*>)")
SKIP_INSIDE = ("script", "style", "title", "textarea", "svg", "math")
PAIR = re.compile(f"([{HAN}]+)\\s*·\\s*([{HAN}]+)")
IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
ATTR = re.compile(r'(\w[\w-]*)="([^"]*)"')
NUMBER = re.compile(r"^\s*[-+−]?[$€£¥]?\s*\(?[-+−]?\d[\d,\u202f ]*(\.\d+)?\)?\s*(%|pp|pts?)?\s*$")
TD = re.compile(r"<td>([^<]*)</td>")


PDF_NAME = "book.pdf"


def _site_pages(outdir: Path) -> list[Path]:
    pages = []
    for page in outdir.rglob("*.html"):
        rel = page.relative_to(outdir).parts
        if rel and rel[0] in ("_static", "_sources", "_images"):
            continue
        pages.append(page)
    return pages


def finish_site(outdir: Path, srcdir: Path) -> None:
    """Post-process every HTML page of the built site in ``outdir``."""
    traditional_only = _traditional_characters(srcdir / "glossary.md")
    for page in _site_pages(outdir):
        text = page.read_text(encoding="utf-8")
        new = finish_page(text, page, traditional_only)
        if new != text:
            page.write_text(new, encoding="utf-8")
    if (outdir / PDF_NAME).is_file():
        add_pdf_link(outdir)


def add_pdf_link(outdir: Path) -> None:
    """Link the book's PDF from the sidebar of every page (only once the PDF exists).

    ``python3 tasks.py pdf`` prints the PDF into the site's folder and then calls this; a
    site built without the PDF has no link to it (rather than a link that fails).
    """
    marker = 'class="book-pdf-link'
    anchor = '<div class="sidebar-primary-items__end sidebar-primary__section">'
    for page in _site_pages(outdir):
        text = page.read_text(encoding="utf-8")
        if marker in text or anchor not in text:
            continue
        depth = len(page.relative_to(outdir).parts) - 1
        href = "../" * depth + PDF_NAME
        size = (outdir / PDF_NAME).stat().st_size / 1e6
        link = (
            f'<p class="book-pdf-link"><a href="{href}" download>'
            f'<i class="fa-solid fa-file-pdf" aria-hidden="true"></i> The whole book as a PDF'
            f" ({size:.1f} MB, without solutions)</a></p>"
        )
        page.write_text(text.replace(anchor, anchor + link, 1), encoding="utf-8")


def finish_page(text: str, page: Path | None, traditional_only: set[str]) -> str:
    """One page's HTML, finished (see the module docstring)."""
    text = _alt_texts(text, page)
    text = _unique_ids(text)
    text = TD.sub(lambda m: f'<td class="num">{m.group(1)}</td>' if _is_number(m) else m[0], text)
    return _mark_chinese(text, traditional_only)


def _is_number(match: re.Match[str]) -> bool:
    body = html.unescape(match.group(1)).strip()
    return bool(body) and bool(NUMBER.match(body))


def _traditional_characters(glossary: Path) -> set[str]:
    """Characters that appear only in the traditional form of the glossary's name pairs."""
    if not glossary.is_file():
        return set()
    simplified: set[str] = set()
    traditional: set[str] = set()
    for left, right in PAIR.findall(glossary.read_text(encoding="utf-8")):
        simplified.update(left)
        traditional.update(right)
    return traditional - simplified


def _language(run: str, before: str, traditional_only: set[str]) -> str:
    if re.search(f"[{HAN}][\u3000-\u303f]?\\s*·\\s*$", before):
        return "zh-Hant"  # the second name of a "简体 · 繁體" pair
    return "zh-Hant" if any(ch in traditional_only for ch in run) else "zh-Hans"


def _mark_chinese(text: str, traditional_only: set[str]) -> str:
    """Wrap each run of Chinese text outside tags in a span with its ``lang``."""
    if not CJK_RUN.search(text):
        return text
    out: list[str] = []
    skipping: str | None = None
    for token in TAG.split(text):
        if token.startswith("<"):
            name = re.match(r"</?\s*([a-zA-Z0-9]+)", token)
            tag = name.group(1).lower() if name else ""
            if skipping is None and tag in SKIP_INSIDE and not token.startswith("</"):
                if not token.endswith("/>"):
                    skipping = tag
            elif skipping is not None and token.startswith("</") and tag == skipping:
                skipping = None
            out.append(token)
            continue
        if skipping is not None or not token:
            out.append(token)
            continue
        pieces: list[str] = []
        last = 0
        for match in CJK_RUN.finditer(token):
            lang = _language(match.group(0), token[: match.start()], traditional_only)
            pieces.append(token[last : match.start()])
            pieces.append(f'<span lang="{lang}">{match.group(0)}</span>')
            last = match.end()
        pieces.append(token[last:])
        out.append("".join(pieces))
    return "".join(out)


def _unique_ids(text: str) -> str:
    seen: dict[str, int] = {}

    def rename(match: re.Match[str]) -> str:
        value = match.group(2)
        count = seen.get(value, 0) + 1
        seen[value] = count
        if count == 1:
            return match.group(0)
        return f'{match.group(1)}id="{value}-{count}"'

    return re.sub(r'(<[a-zA-Z][^<>]*?\s)id="([^"]+)"', rename, text)


def png_description(data: bytes) -> str | None:
    """The ``Description`` text chunk of a PNG file, if it has one."""
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        return None
    pos = 8
    while pos + 8 <= len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"tEXt":
            key, _, value = body.partition(b"\0")
            if key == b"Description":
                return value.decode("latin-1")
        elif kind == b"zTXt":
            key, _, rest = body.partition(b"\0")
            if key == b"Description":
                return zlib.decompress(rest[1:]).decode("latin-1")
        elif kind == b"iTXt":
            key, _, rest = body.partition(b"\0")
            if key == b"Description":
                compressed = rest[0] == 1
                rest = rest[2:]
                _, _, rest = rest.partition(b"\0")  # language tag
                _, _, rest = rest.partition(b"\0")  # translated keyword
                return (zlib.decompress(rest) if compressed else rest).decode("utf-8")
        elif kind == b"IDAT":
            break  # text chunks that matter come before the image data
        pos += 12 + length
    return None


def _image_bytes(src: str, page: Path | None) -> bytes | None:
    if src.startswith("data:image/png;base64,"):
        try:
            return base64.b64decode(src.split(",", 1)[1])
        except ValueError:
            return None
    if page is None or "://" in src or src.startswith("data:"):
        return None
    path = (page.parent / html.unescape(src.split("#")[0].split("?")[0])).resolve()
    return path.read_bytes() if path.is_file() else None


def _is_placeholder(alt: str | None, src: str) -> bool:
    if alt is None or not alt.strip():
        return True
    alt = alt.strip()
    return bool(re.search(r"\.(png|jpe?g|svg|gif)$", alt, re.IGNORECASE)) or alt in src


def _caption_after(text: str, end: int) -> str | None:
    """The text of the figure caption that follows an image, if the image is in a figure."""
    close = text.find("</figure>", end)
    if close < 0 or "<figure" in text[end:close]:
        return None
    caption = re.search(r"<figcaption>(.*?)</figcaption>", text[end:close], re.DOTALL)
    if not caption:
        return None
    plain = re.sub(r"<[^>]+>", "", caption.group(1))
    plain = re.sub(r"\s+", " ", html.unescape(plain)).strip().rstrip("#").strip()
    return plain or None


def _alt_texts(text: str, page: Path | None) -> str:
    def fix(match: re.Match[str]) -> str:
        tag = match.group(0)
        attrs = dict(ATTR.findall(tag))
        src = attrs.get("src", "")
        alt = attrs.get("alt")
        data = _image_bytes(src, page)
        described = png_description(data) if data else None
        if described and (alt is None or _is_placeholder(alt, src) or src.startswith("data:")):
            label = html.unescape(alt or "")
            if src.startswith("data:") and label and not _is_placeholder(label, src):
                described = f"{label}. {described}" if label not in described else described
            new_alt = html.escape(described, quote=True)
        elif _is_placeholder(alt, src):
            caption = _caption_after(text, match.end())
            new_alt = html.escape(caption or "Chart (described in the text around it)", quote=True)
        else:
            return tag
        if alt is None:
            return tag.replace("<img", f'<img alt="{new_alt}"', 1)
        return tag.replace(f'alt="{alt}"', f'alt="{new_alt}"', 1)

    return IMG.sub(fix, text)
