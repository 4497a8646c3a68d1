"""Build step of datacollectief-mock: its wheel carries the spec as package data.

`spec/` stays the one hand-written source. `build_py` copies the spec files the mock reads
into the built package as `mockserver/spec/` (never into the source tree);
`mockserver.settings.spec_dir()` finds them there, or the checkout's `spec/` in an editable
install. The sdist carries `spec/` through MANIFEST.in, so a wheel built from it has them too.
Everything else is declared in pyproject.toml.
"""

from __future__ import annotations

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

__all__ = ["SPEC_FILES", "BuildPyWithSpec"]

#: What the mock reads from spec/ at run time: the API contract and the control plane's.
SPEC_FILES = ("datacollectief.yaml", "control.yaml")


class BuildPyWithSpec(build_py):
    """build_py that also copies SPEC_FILES into the built `mockserver/spec/`."""

    def run(self) -> None:
        """Build the packages, then add the spec (editable installs read the checkout's)."""
        super().run()
        if self.editable_mode:
            return
        target = Path(self.build_lib, "mockserver", "spec")
        self.mkpath(str(target))
        for name in SPEC_FILES:
            self.copy_file(str(Path("spec", name)), str(target / name))


setup(cmdclass={"build_py": BuildPyWithSpec})
