"""The two distributions as users get them: wheels built from this checkout, installed without
the lock into a fresh virtualenv outside it, running the README's examples from elsewhere.

`make dist` runs the content checks on the wheels in dist/ (DATACOLLECTIEF_DIST=dist); without
that variable the wheels are built into a temporary folder first.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

from mockserver.server_process import start_server, stop_server
from tests.support.readme import PYTHON_BLOCKS, SERVED, UNDER_PYTEST

ROOT = Path(__file__).resolve().parents[2]
#: distribution -> its project folder
PROJECTS = {"datacollectief-client": ROOT / "generated", "datacollectief-mock": ROOT}
#: The import packages of each distribution.
PACKAGES = {
    "datacollectief-client": ("datacollectief_client", "datacollectief"),
    "datacollectief-mock": ("mockserver",),
}
#: What setup.py copies from spec/ into the mock's wheel.
SPEC_FILES = ("datacollectief.yaml", "control.yaml")
DIST_ENV = "DATACOLLECTIEF_DIST"
UV = [sys.executable, "-m", "uv"]


def _run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    """Run a command and return its output, failing with all of it when it fails."""
    result = subprocess.run(args, capture_output=True, text=True, cwd=cwd, env=env, check=False)
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result.stdout


def _version(project: Path) -> str:
    """The version in a project's pyproject.toml."""
    with open(project / "pyproject.toml", "rb") as file:
        return str(tomllib.load(file)["project"]["version"])


def _built(folder: Path, distribution: str, suffix: str) -> Path:
    """The one file of `distribution` with `suffix` (`.whl`, `.tar.gz`) in `folder`."""
    stem = distribution.replace("-", "_")
    found = sorted(folder.glob(f"{stem}-{_version(PROJECTS[distribution])}*{suffix}"))
    assert len(found) == 1, f"{distribution}: {found} in {folder}"
    return found[0]


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with both wheels and sdists: $DATACOLLECTIEF_DIST, or built now."""
    given = os.environ.get(DIST_ENV)
    if given:
        return Path(given).resolve()
    out = tmp_path_factory.mktemp("dist")
    for project in PROJECTS.values():
        _run([*UV, "build", "--quiet", "--out-dir", str(out), str(project)], ROOT)
    return out


def _names(wheel: Path) -> set[str]:
    """Every file in a wheel."""
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def _metadata(wheel: Path, name: str) -> str:
    """A file of the wheel's .dist-info folder."""
    with zipfile.ZipFile(wheel) as archive:
        info = next(n for n in archive.namelist() if n.endswith(f".dist-info/{name}"))
        return archive.read(info).decode("utf-8")


def _requires(wheel: Path) -> list[str]:
    """The wheel's Requires-Dist entries outside extras."""
    requires = Parser().parsestr(_metadata(wheel, "METADATA")).get_all("Requires-Dist") or []
    return [r for r in requires if "extra ==" not in r]


def _top_level(wheel: Path) -> set[str]:
    """The wheel's top-level folders, its .dist-info folder left out."""
    dist_info = wheel.name.split("-py3")[0] + ".dist-info"
    return {name.split("/", 1)[0] for name in _names(wheel)} - {dist_info}


def _checkout_files(distribution: str) -> set[str]:
    """The files of a distribution's package folders that git tracks or would (not ignored)."""
    project, packages = PROJECTS[distribution], PACKAGES[distribution]
    command = ["git", "ls-files", "--cached", "--others", "--exclude-standard", *packages]
    return {name for name in _run(command, cwd=project).split() if (project / name).is_file()}


def test_both_projects_have_one_version_and_the_mock_pins_the_client() -> None:
    """Given both pyproject.toml files, then they carry one version and the mock depends on
    exactly that version of the client."""
    client, mock = _version(PROJECTS["datacollectief-client"]), _version(ROOT)

    with open(ROOT / "pyproject.toml", "rb") as file:
        dependencies = tomllib.load(file)["project"]["dependencies"]

    assert client == mock
    assert f"datacollectief-client=={client}" in dependencies


@pytest.mark.slow
def test_the_client_wheel_holds_the_client_packages_alone(dist: Path) -> None:
    """Given the client's wheel, then it holds datacollectief_client and datacollectief with
    py.typed, every file of the checked-in packages, and needs only httpx, attrs and
    python-dateutil (and tzdata where the OS has no time zones)."""
    wheel = _built(dist, "datacollectief-client", ".whl")
    names = _names(wheel)
    packages = {n for n in names if n.split("/", 1)[0] in PACKAGES["datacollectief-client"]}

    assert _top_level(wheel) == {"datacollectief_client", "datacollectief"}
    assert {"datacollectief_client/py.typed", "datacollectief/py.typed"} <= names
    assert packages == _checkout_files("datacollectief-client")
    assert sorted(re.split(r"[<>=!~ ;\[]", r, maxsplit=1)[0] for r in _requires(wheel)) == [
        "attrs", "httpx", "python-dateutil", "tzdata",
    ]  # fmt: skip


@pytest.mark.slow
def test_the_mock_wheel_carries_the_spec_built_from_spec(dist: Path) -> None:
    """Given the mock's wheel, then it holds mockserver with py.typed and every checked-in
    file, plus the spec files as mockserver/spec/ equal to spec/, nothing else at the top,
    the console script and the pytest plugin."""
    wheel = _built(dist, "datacollectief-mock", ".whl")
    names = _names(wheel)
    spec = {f"mockserver/spec/{name}" for name in SPEC_FILES}
    package = {n for n in names if n.startswith("mockserver/")}
    entry_points = _metadata(wheel, "entry_points.txt")

    assert _top_level(wheel) == {"mockserver"}
    assert "mockserver/py.typed" in names
    assert package == _checkout_files("datacollectief-mock") | spec
    with zipfile.ZipFile(wheel) as archive:
        for name in SPEC_FILES:
            assert archive.read(f"mockserver/spec/{name}") == (ROOT / "spec" / name).read_bytes()
    assert "datacollectief-mock = mockserver.cli:main" in entry_points
    assert "datacollectief = mockserver.pytest_plugin" in entry_points
    assert f"datacollectief-client=={_version(ROOT)}" in _requires(wheel)


@pytest.mark.slow
def test_the_sdists_carry_what_their_wheels_are_built_from(dist: Path) -> None:
    """Given both sdists, then the mock's has setup.py and the spec files but not the client or
    the tests, and the client's has the package without the generator's inputs."""
    with tarfile.open(_built(dist, "datacollectief-mock", ".tar.gz")) as archive:
        mock = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    with tarfile.open(_built(dist, "datacollectief-client", ".tar.gz")) as archive:
        client = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}

    assert {"setup.py", "pyproject.toml", *(f"spec/{name}" for name in SPEC_FILES)} <= mock
    assert not {name for name in mock if name.startswith(("generated", "tests"))}
    assert "datacollectief_client/py.typed" in client
    assert not {"regen.py", "config.yaml"} & client
    assert not {name for name in client if name.startswith("templates")}


@pytest.fixture(scope="module")
def user_venv(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtualenv outside the checkout with both wheels and pytest, resolved without
    the lock to the newest versions the ranges allow."""
    home = tmp_path_factory.mktemp("user")
    assert not home.is_relative_to(ROOT)
    venv = home / "venv"
    _run([*UV, "venv", "--quiet", "--no-config", "--python", sys.executable, str(venv)], cwd=home)
    wheels = [str(_built(dist, name, ".whl")) for name in PROJECTS]
    _run(
        [*UV, "pip", "install", "--quiet", "--no-config", "--resolution", "highest",
         "--python", str(venv / "bin" / "python"), *wheels, "pytest"],
        cwd=home,
    )  # fmt: skip
    return venv


def _user_env(venv: Path) -> dict[str, str]:
    """A user's environment: the venv first on PATH, nothing of this checkout's."""
    return {"PATH": f"{venv / 'bin'}:/usr/bin:/bin", "HOME": str(venv.parent)}


@pytest.mark.slow
def test_every_readme_example_passes_mypy_strict_as_a_user_module(
    user_venv: Path, tmp_path: Path
) -> None:
    """Given both wheels installed into a fresh venv with mypy, when each Python example of the
    README is a module of a user's project outside the checkout, then `mypy --strict` finds
    nothing: the installed packages are typed, and the examples need no casts."""
    python = str(user_venv / "bin" / "python")
    _run(
        [*UV, "pip", "install", "--quiet", "--no-config", "--python", python, "mypy"],
        cwd=tmp_path,
    )
    modules = []
    for number, block in enumerate(PYTHON_BLOCKS):
        module = tmp_path / f"readme_example_{number}.py"
        module.write_text(block, encoding="utf-8")
        modules.append(module.name)
    checked = subprocess.run(
        [python, "-m", "mypy", "--strict", "--no-incremental", *modules],
        capture_output=True, text=True, timeout=300, cwd=tmp_path, env=_user_env(user_venv),
    )  # fmt: skip

    assert len(modules) >= 3
    assert checked.returncode == 0, checked.stdout + checked.stderr


@pytest.mark.slow
def test_installed_wheels_serve_the_readme_client_example_and_run_its_plugin_example(
    user_venv: Path, tmp_path: Path
) -> None:
    """Given both wheels installed into a fresh venv, when `datacollectief-mock serve` runs
    from a temporary folder, then the README's client example finds and downloads a company
    from it; and the README's plugin example passes under that venv's pytest with every
    warning an error."""
    env = _user_env(user_venv)
    python = str(user_venv / "bin" / "python")
    where = _run(
        [python, "-c", "import mockserver, datacollectief_client as c, mockserver.settings as s; "
         "print(mockserver.__file__); print(c.__file__); print(s.spec_dir())"],
        cwd=tmp_path, env=env,
    ).split()  # fmt: skip
    process, url = start_server(
        500, program=[str(user_venv / "bin" / "datacollectief-mock")], cwd=str(tmp_path), env=env
    )
    try:
        example = SERVED[0][1].replace("http://127.0.0.1:8080", url)
        client = subprocess.run(
            [python, "-c", example], capture_output=True, text=True, timeout=60, cwd=tmp_path,
            env=env,
        )  # fmt: skip
    finally:
        stop_server(process)
    (tmp_path / "test_example.py").write_text(UNDER_PYTEST[0], encoding="utf-8")
    plugin = subprocess.run(
        [python, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-W", "error", str(tmp_path)],
        capture_output=True, text=True, timeout=120, cwd=tmp_path,
        env={**env, "DATACOLLECTIEF_MOCK_COMPANIES": "300"},
    )  # fmt: skip

    assert all(Path(path).is_relative_to(user_venv) for path in where), where
    assert where[2].endswith("/mockserver/spec")
    assert client.returncode == 0, client.stderr
    assert client.stdout.startswith("DATA-collectief B.V.")
    assert plugin.returncode == 0, plugin.stdout + plugin.stderr
    assert "1 passed" in plugin.stdout


@pytest.mark.slow
def test_mypy_sees_both_packages_of_the_development_install(tmp_path: Path) -> None:
    """Given a module outside the checkout that uses both packages and assigns one wrongly,
    when this venv's mypy --strict checks it, then that assignment is the only error: both
    packages are found with their types (issue #16)."""
    (tmp_path / "uses_both.py").write_text(
        "from datacollectief_client import AuthenticatedClient\n"
        "from mockserver.settings import spec_dir\n\n"
        'client = AuthenticatedClient(base_url="http://127.0.0.1", user="u", password="p",\n'
        '                             application_name="a")\n'
        "wrong: str = spec_dir()\n",
        encoding="utf-8",
    )

    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "cache"),
         "uses_both.py"],
        capture_output=True, text=True, cwd=tmp_path, check=False,
    )  # fmt: skip

    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert len(errors) == 1, result.stdout
    assert (
        'uses_both.py:6: error: Incompatible types in assignment (expression has type "Path"'
        in errors[0]
    )
