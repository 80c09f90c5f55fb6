"""Print the book to one PDF with the system's Chromium (run by ``python3 tasks.py pdf``).

Usage: ``python _ext/bookpdf.py HTML_DIR OUTPUT_PDF [SITE_DIR]``. A build of the site made
without solutions (``HTML_DIR``) is served from a local HTTP server on 127.0.0.1; Chromium,
driven by Playwright, opens its first page, appends the article of every further page in the
book's order (following each page's "next" link), typesets the maths with the site's own
MathJax and prints the whole to one PDF. The site's print styles leave out its navigation.
With ``SITE_DIR`` every page of that site gets a link to the PDF.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import sys
import threading
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bookhtml  # noqa: E402


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


def chromium() -> str:
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", "chromium"):
        if candidate and shutil.which(candidate):
            return str(shutil.which(candidate))
    raise SystemExit(
        "no Chromium found: install the system's chromium package (or set CHROMIUM to its path)"
    )


#: Runs in the first page: append every following page's article, then typeset the maths.
ASSEMBLE = """async (base) => {
  const article = document.querySelector("article.bd-article");
  const absolute = (doc, url) => {
    for (const [selector, attr] of [["img", "src"], ["a", "href"], ["source", "src"]]) {
      for (const el of doc.querySelectorAll(selector + "[" + attr + "]")) {
        const target = new URL(el.getAttribute(attr), url).href;
        if (selector === "a" && target.startsWith(base)) {
          el.removeAttribute("href");  // a page of this book: it is in the PDF itself
        } else {
          el.setAttribute(attr, target);
        }
      }
    }
  };
  absolute(document, location.href);
  let next = document.querySelector("link[rel=next]");
  let url = next ? new URL(next.getAttribute("href"), location.href).href : null;
  let count = 1;
  while (url) {
    const text = await (await fetch(url)).text();
    const doc = new DOMParser().parseFromString(text, "text/html");
    absolute(doc, url);
    const part = doc.querySelector("article.bd-article");
    if (part) {
      const section = document.createElement("div");
      section.className = "book-pdf-part";
      section.style.breakBefore = "page";
      section.innerHTML = part.innerHTML;
      article.appendChild(section);
      count += 1;
    }
    next = doc.querySelector("link[rel=next]");
    url = next ? new URL(next.getAttribute("href"), url).href : null;
  }
  if (window.MathJax && MathJax.startup) {
    await MathJax.startup.promise;
    if (MathJax.typesetPromise) await MathJax.typesetPromise();
  }
  await Promise.all([...document.images].map((img) => img.complete ? null :
    new Promise((done) => { img.onload = img.onerror = done; })));
  return count;
}"""


def _root_page() -> str:
    """The book's first page, as _toc.yml names it (index.html only redirects there)."""
    import yaml

    toc = yaml.safe_load((Path(__file__).resolve().parents[1] / "_toc.yml").read_text("utf-8"))
    return str(Path(toc["root"]).with_suffix(".html"))


def print_book(folder: Path, output: Path) -> None:
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_Quiet, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_port}/"
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path=chromium(), args=["--no-sandbox", "--disable-gpu"]
            )
            page = browser.new_page(viewport={"width": 1000, "height": 1400})
            page.route(
                "**/*",
                lambda route: (
                    route.continue_()
                    if route.request.url.startswith((base, "data:"))
                    else route.abort()
                ),
            )
            page.goto(base + _root_page(), wait_until="load", timeout=120_000)
            count = page.evaluate(ASSEMBLE, base)
            print(f"[pdf] {count} pages of the site in one document", flush=True)
            page.emulate_media(media="print")
            output.parent.mkdir(parents=True, exist_ok=True)
            page.pdf(
                path=str(output),
                format="A4",
                print_background=True,
                margin={"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "16mm"},
                display_header_footer=True,
                header_template="<span></span>",
                footer_template=(
                    '<div style="font-size:8px;width:100%;text-align:center;color:#444">'
                    '<span class="pageNumber"></span> / <span class="totalPages"></span></div>'
                ),
            )
            browser.close()
    finally:
        httpd.shutdown()
        httpd.server_close()


def main(argv: list[str]) -> None:
    folder, output = Path(argv[0]), Path(argv[1])
    print_book(folder, output)
    if len(argv) > 2:
        bookhtml.add_pdf_link(Path(argv[2]))
    print(f"[pdf] wrote {output} ({output.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main(sys.argv[1:])
