"""Installing LanguageTool's jars into textlint's cache folder.

Maven does the fetching (`pom.xml` beside this module pins the version and keeps only
French); when `mvn` is missing, language-tool-python's own release download is tried
instead. An installation counts only once its marker file exists: the marker is written
last, so an interrupted download is redone from scratch on the next `install()`.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock

from textlint.languagetool import paths
from textlint.languagetool.errors import LanguageToolError

Progress = Callable[[str], None]

_HERE = Path(__file__).resolve().parent
POM = _HERE / "pom.xml"
MAVEN_SETTINGS = _HERE / "settings.xml"
# Maven's transfer lines in batch mode: "Downloaded from central: URL (1.7 MB at 3.1 MB/s)".
_DOWNLOADED = re.compile(r"Downloaded from \S+: \S+ \(([\d.,]+) (B|kB|KB|MB|GB)")
_UNITS = {"B": 1, "kB": 1_000, "KB": 1_000, "MB": 1_000_000, "GB": 1_000_000_000}
SETTINGS_ENV = "TEXTLINT_MAVEN_SETTINGS"
_PROGRESS_EVERY = 2.0  # seconds between progress lines


def to_stderr(line: str) -> None:
    print(f"textlint: {line}", file=sys.stderr, flush=True)


@dataclass(frozen=True)
class Installation:
    """A complete LanguageTool installation: what `java -cp` needs to start the process."""

    version: str
    root: Path
    classpath: tuple[str, ...]  # entries joined with os.pathsep; `DIR/*` wildcards allowed
    method: str  # "maven" or "language-tool-python"


def installed(version: str = paths.LT_VERSION) -> Installation | None:
    """The installation of `version`, or None when it is absent or incomplete."""
    marker = paths.install_marker(version)
    try:
        data = json.loads(marker.read_text(encoding="utf-8"))
        result = Installation(
            version=str(data["version"]),
            root=paths.version_dir(version),
            classpath=tuple(str(entry) for entry in data["classpath"]),
            method=str(data["method"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None
    # A marker whose jar folders were deleted since is no installation.
    if not all(Path(entry.removesuffix("*")).is_dir() for entry in result.classpath):
        return None
    return result


JAVA_MIN = 17
_JAVA_VERSION = re.compile(r'version "(?:1\.)?(\d+)')


def java() -> str:
    """The `java` command, checked to be Java 17 or later; LanguageToolError otherwise."""
    command = shutil.which("java")
    if command is None:
        raise LanguageToolError(
            f"Java not found on PATH: LanguageTool needs Java {JAVA_MIN} or later (install it, e.g. "
            "`apt install openjdk-17-jre-headless`, or run with --no-languagetool)"
        )
    try:
        ran = subprocess.run([command, "-version"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise LanguageToolError(f"cannot run {command} -version ({error})") from None
    found = _JAVA_VERSION.search(ran.stderr)
    if found is not None and int(found.group(1)) < JAVA_MIN:
        needed = f"LanguageTool {paths.LT_VERSION} needs Java {JAVA_MIN} or later"
        raise LanguageToolError(f"{command} is Java {found.group(1)}: {needed}")
    return command


def install(
    progress: Progress | None = to_stderr, version: str = paths.LT_VERSION, force: bool = False
) -> Installation:
    """Fetch LanguageTool `version` unless it is already complete; return the installation."""
    report = progress or (lambda _line: None)
    root = paths.version_dir(version)
    root.mkdir(parents=True, exist_ok=True)
    # Two textlint processes on a fresh machine must not download into the same folder:
    # the second waits for the first, then finds the installation complete.
    with FileLock(root / "install.lock"):
        existing = None if force else installed(version)
        if existing is not None:
            report(f"LanguageTool {version} already installed in {existing.root}")
            return existing
        return _install(report, version, root)


def _install(report: Progress, version: str, root: Path) -> Installation:
    paths.install_marker(version).unlink(missing_ok=True)
    started = time.monotonic()
    java()  # Maven and LanguageTool both need it: say so before anything else
    mvn = shutil.which("mvn")
    if mvn is not None:
        classpath, method = _install_with_maven(mvn, version, root, report), "maven"
    else:
        report("mvn not found; trying language-tool-python's download")
        classpath, method = _install_with_language_tool_python(version), "language-tool-python"
    marker = {"version": version, "classpath": list(classpath), "method": method}
    paths.install_marker(version).write_text(json.dumps(marker, indent=2), encoding="utf-8")
    report(f"LanguageTool {version} installed in {root} ({time.monotonic() - started:.0f} s)")
    result = installed(version)
    assert result is not None  # just written
    return result


def _install_with_maven(mvn: str, version: str, root: Path, report: Progress) -> tuple[str, ...]:
    libs = paths.libs_dir(version)
    partial = root / "libs.partial"
    for folder in (libs, partial):
        shutil.rmtree(folder, ignore_errors=True)
    # Maven runs on copies so that an installed (read-only) package is never written to.
    work = root / "maven"
    work.mkdir(exist_ok=True)
    shutil.copyfile(POM, work / "pom.xml")
    shutil.copyfile(MAVEN_SETTINGS, work / "settings.xml")
    log = root / "install.log"
    command = [mvn, "-B", "-f", str(work / "pom.xml")]
    # Our settings send every repository to Maven Central (see settings.xml); setting
    # TEXTLINT_MAVEN_SETTINGS to a file uses that one instead, to an empty value Maven's own.
    settings = os.environ.get(SETTINGS_ENV, str(work / "settings.xml"))
    if settings:
        command += ["-s", settings]
    command += [
        f"-Dlanguagetool.version={version}",
        "dependency:copy-dependencies",
        f"-DoutputDirectory={partial}",
    ]
    report(f"downloading LanguageTool {version} (French) with Maven into {root}")
    try:
        process = subprocess.Popen(
            command,
            cwd=work,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
            errors="replace",
        )
    except OSError as error:
        raise LanguageToolError(f"cannot run Maven ({mvn}): {error.strerror}") from None
    files, size, last = 0, 0.0, time.monotonic()
    assert process.stdout is not None
    with log.open("w", encoding="utf-8") as sink:
        for line in process.stdout:
            sink.write(line)
            found = _DOWNLOADED.search(line)
            if found:
                files += 1
                size += float(found.group(1).replace(",", "")) * _UNITS[found.group(2)]
            if time.monotonic() - last >= _PROGRESS_EVERY:
                last = time.monotonic()
                report(f"  {files} files, {size / 1e6:.1f} MB downloaded")
    if process.wait() != 0:
        raise LanguageToolError(
            f"Maven could not fetch LanguageTool {version} (exit {process.returncode}; see {log})"
        )
    if not any(partial.glob("language-fr-*.jar")):
        raise LanguageToolError(f"Maven fetched no French LanguageTool module (see {log})")
    partial.rename(libs)
    report(f"  {files} files, {size / 1e6:.1f} MB downloaded")
    return (str(libs / "*"),)


def _install_with_language_tool_python(version: str) -> tuple[str, ...]:
    """The release zip that language-tool-python knows how to fetch, where it can."""
    try:
        from language_tool_python.download_lt import LocalLanguageTool

        local = LocalLanguageTool.from_version_name(version)
        if local not in local.get_installed_versions():
            local.download()
        directory = local.get_directory_path()
    except Exception as error:  # any failure of the fallback is one message
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise LanguageToolError(
            f"cannot install LanguageTool {version}: mvn is not installed and "
            f"language-tool-python's download failed ({reason[:200]}); install Maven"
        ) from None
    return (str(directory / "*"), str(directory / "libs" / "*"))
