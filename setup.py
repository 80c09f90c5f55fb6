"""Build script: everything is declared in pyproject.toml except the project links.

The links (source, issues, documentation) come from the book's one publishing setting, the
``repository:`` block of ``_config.yml``, read by ``_ext/launch.py`` (standard library only). With
no repository URL set, the package has no links.
"""

import sys
from pathlib import Path

from setuptools import setup

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "_ext"))
from launch import publish_settings  # noqa: E402

setup(project_urls=publish_settings(ROOT / "_config.yml")["urls"])
