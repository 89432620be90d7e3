"""Build hook: compile the pipeline's hot modules with mypyc where that can be done, and the
mupdf backend's reader of MuPDF's text page (extractor/backends/_stext.c).

Everything else about the package is in pyproject.toml. The modules listed in COMPILED are
the same Python source, type-checked and translated to C by mypyc: the line, layout and repair
stages then run about twice as fast. The text-page reader is compiled against the MuPDF
headers and library that PyMuPDF ships (its Linux wheels carry them in mupdf-devel/);
the backend uses it only when PyMuPDF runs that same MuPDF version. The package stays plain
Python, and behaves the same, when the build cannot compile: no mypyc, no C compiler, a type
error, no MuPDF headers, or EXTRACTOR_PURE=1 in the environment. Each of the two is left out
on its own. An editable install is always plain Python, as its sources change under it (a
stale compiled module would shadow the edited source).
"""

from __future__ import annotations

import glob
import importlib.util
import os
import sys

from setuptools import Extension, setup
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


READER = "extractor.backends._stext"


def _extensions() -> list:
    if os.environ.get("EXTRACTOR_PURE") == "1":
        _say("EXTRACTOR_PURE=1: plain Python")
        return []
    if not _BUILDS.intersection(sys.argv[1:]) or "editable_wheel" in sys.argv[1:]:
        return []
    return _mypyc_extensions() + _reader_extension()


def _mypyc_extensions() -> list:
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


def _reader_extension() -> list:
    """The text-page reader, linked to the MuPDF library inside the installed PyMuPDF (found
    at run time beside this package, or as the library PyMuPDF has already loaded)."""
    spec = importlib.util.find_spec("pymupdf")
    where = os.path.dirname(spec.origin) if spec and spec.origin else ""
    include = os.path.join(where, "mupdf-devel", "include")
    libraries = sorted(glob.glob(os.path.join(where, "libmupdf.so.*")))
    if not sys.platform.startswith("linux") or not os.path.isdir(include) or not libraries:
        _say("no MuPDF headers and library in PyMuPDF: the backend reads pages through PyMuPDF")
        return []
    library = os.path.basename(libraries[0])
    return [
        Extension(
            READER,
            ["extractor/backends/_stext.c"],
            include_dirs=[include],
            extra_compile_args=["-O2"],
            extra_link_args=[f"-L{where}", f"-l:{library}", "-Wl,-rpath,$ORIGIN/../../pymupdf"],
        )
    ]


class OptionalBuildExt(build_ext):
    """Compile the extensions, or leave the plain Python modules alone if that fails."""

    def run(self) -> None:
        if getattr(self, "editable_mode", False) or self.inplace:
            _say("editable or in-place build: plain Python")
            self.extensions = []
            return
        # The mypyc modules stand or fall together (they share one library); the reader alone.
        groups = [
            [e for e in self.extensions if e.name != READER],
            [e for e in self.extensions if e.name == READER],
        ]
        built = []
        compiler = self.compiler  # a name (or None): run() replaces it with the compiler object
        for group in groups:
            if group:
                self.compiler = compiler
                built += self._build(group)
        self.extensions = built

    def _build(self, extensions: list) -> list:
        self.extensions = extensions
        try:
            super().run()
            return extensions
        except Exception as exc:  # no compiler, missing headers, ...
            reason = (str(exc).splitlines() or [type(exc).__name__])[0]
            if len(reason) > 160:
                reason = reason[:157] + "..."
            what = "the text-page reader" if extensions[0].name == READER else "the modules"
            _say(f"C compilation of {what} failed ({reason}): left as plain Python")
            for ext in extensions:
                path = self.get_ext_fullpath(ext.name)
                if os.path.exists(path):
                    os.remove(path)
            return []

    def get_outputs(self) -> list[str]:
        return super().get_outputs() if self.extensions else []


setup(ext_modules=_extensions(), cmdclass={"build_ext": OptionalBuildExt})
