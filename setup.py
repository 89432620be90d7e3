"""Build hook: compile the pipeline's hot modules with mypyc where that can be done.

Everything else about the package is in pyproject.toml. The modules listed in COMPILED are
the same Python source, type-checked and translated to C by mypyc: the line, layout and repair
stages then run about twice as fast. The package stays plain Python, and behaves the same,
when the build cannot compile: no mypyc, no C compiler, a type error, or EXTRACTOR_PURE=1 in
the environment. An editable install is always plain Python, as its sources change under it
(a stale compiled module would shadow the edited source).
"""

from __future__ import annotations

import os
import sys

from setuptools import setup
from setuptools.command.build_ext import build_ext

# The stages every page goes through (and the modules they call per line or per word).
COMPILED = [
    "extractor/backends/mupdf.py",
    "extractor/bidi.py",
    "extractor/blocks.py",
    "extractor/gutters.py",
    "extractor/layout.py",
    "extractor/linenumbers.py",
    "extractor/lines.py",
    "extractor/model.py",
    "extractor/order.py",
    "extractor/repair/furniture.py",
    "extractor/repair/paragraphs.py",
    "extractor/repair/text.py",
    "extractor/roles.py",
    "extractor/sideways.py",
    "extractor/stats.py",
    "extractor/tables.py",
    "extractor/textnorm.py",
]

# As the build checks them: third-party packages are absent from the isolated build
# environment (their names are Any), modules that are not compiled are read but not judged.
MYPY_FLAGS = ["--ignore-missing-imports", "--follow-imports=silent"]

# Commands that build binaries; metadata, sdist and editable builds never need the compiler.
_BUILDS = {"bdist_wheel", "build", "build_ext", "install"}


def _say(message: str) -> None:
    print(f"extractor build: {message}", file=sys.stderr)


def _extensions() -> list:
    if os.environ.get("EXTRACTOR_PURE") == "1":
        _say("EXTRACTOR_PURE=1: plain Python")
        return []
    if not _BUILDS.intersection(sys.argv[1:]) or "editable_wheel" in sys.argv[1:]:
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        _say("mypyc is not installed: plain Python")
        return []
    try:
        return mypycify([*MYPY_FLAGS, *COMPILED], opt_level="3", group_name="extractor")
    except (Exception, SystemExit) as exc:  # mypy exits on a type error
        _say(f"mypyc cannot compile the modules ({exc!r}): plain Python")
        return []


class OptionalBuildExt(build_ext):
    """Compile the extensions, or leave the plain Python modules alone if that fails."""

    def run(self) -> None:
        if getattr(self, "editable_mode", False) or self.inplace:
            _say("editable or in-place build: plain Python")
            self.extensions = []
            return
        try:
            super().run()
        except Exception as exc:  # no compiler, missing headers, ...
            reason = (str(exc).splitlines() or [type(exc).__name__])[0]
            if len(reason) > 160:
                reason = reason[:157] + "..."
            _say(f"C compilation failed ({reason}): plain Python")
            for ext in self.extensions:
                built = self.get_ext_fullpath(ext.name)
                if os.path.exists(built):
                    os.remove(built)
            self.extensions = []

    def get_outputs(self) -> list[str]:
        return super().get_outputs() if self.extensions else []


setup(ext_modules=_extensions(), cmdclass={"build_ext": OptionalBuildExt})
