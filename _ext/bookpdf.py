"""Print the book to one PDF with the system's Chromium (run by ``python3 tasks.py pdf``).

Usage: ``python _ext/bookpdf.py SINGLEHTML_DIR OUTPUT_PDF [SITE_DIR]``. The single-page build
of the book (made without solutions) is served from a local HTTP server on 127.0.0.1 and
printed by Chromium through Playwright, after MathJax has typeset every formula; the print
styles of the site leave out its navigation. With ``SITE_DIR`` every page of the site gets a
link to the PDF.
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
            page.goto(base + "index.html", wait_until="load", timeout=120_000)
            page.evaluate(
                "() => (window.MathJax && MathJax.startup && MathJax.startup.promise)"
                " ? MathJax.startup.promise : null"
            )
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
