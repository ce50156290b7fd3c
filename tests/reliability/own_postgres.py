"""A PostgreSQL server of the reliability tests' own, which they may restart.

The suite's shared server (port 54329) is never stopped or restarted: other test runs use it.
This one runs on its own port and data directory, started by the project's .ci/postgres.
"""

import glob
import os
import subprocess

from django.conf import settings

PORT = 54391
DATA = os.environ.get("TOWNHALL_PG_DATA") or f"/tmp/townhall-postgres-{PORT}"  # noqa: S108


def bindir():
    """The newest PostgreSQL's binaries, as .ci/postgres finds them; None if not installed."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/postgres"), key=_version)
    return os.path.dirname(found[-1]) if found else None


def _version(path):
    return [int(part) for part in path.split("/")[4].split(".") if part.isdigit()]


def _as_server_user(*command, timeout=90):
    """Run a PostgreSQL command as .ci/postgres does: as 'postgres' when we are root."""
    if os.getuid() == 0:
        command = ("runuser", "-u", "postgres", "--", *command)
    return subprocess.run(  # noqa: S603 - our own command line
        command, cwd="/", capture_output=True, text=True, timeout=timeout, check=False
    )


def is_running():
    return _as_server_user(f"{bindir()}/pg_ctl", "-D", DATA, "status").returncode == 0


def start():
    """Start (or reuse) the server; returns the superuser's URL of its 'postgres' database."""
    subprocess.run(  # noqa: S603
        ["bash", str(settings.BASE_DIR / ".ci" / "postgres")],  # noqa: S607
        env={**os.environ, "TOWNHALL_PG_PORT": str(PORT), "TOWNHALL_PG_DATA": DATA},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return f"postgres://postgres@127.0.0.1:{PORT}/postgres"


def restart():
    """Stop the server (ending every connection at once) and start it again; waits for it."""
    # -l as .ci/postgres starts it: without a log file the server would write to our pipe.
    done = _as_server_user(
        f"{bindir()}/pg_ctl",
        "-D",
        DATA,
        "-l",
        f"{DATA}/server.log",
        "-w",
        "-t",
        "60",
        "-m",
        "fast",
        "restart",
    )
    assert done.returncode == 0, done.stdout + done.stderr


def stop():
    _as_server_user(f"{bindir()}/pg_ctl", "-D", DATA, "-w", "-m", "fast", "stop")


def psql(sql, database="postgres"):
    done = subprocess.run(  # noqa: S603
        [
            f"{bindir()}/psql",
            "-h",
            "127.0.0.1",
            "-p",
            str(PORT),
            "-U",
            "postgres",
            "-d",
            database,
            "-v",
            "ON_ERROR_STOP=1",
            "-qtAc",
            sql,
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def copy_database(source, name):
    """A new database `name` on this server holding what `source` (Django's settings_dict of a
    PostgreSQL database) has committed: its tables and rows, as pg_dump gives them."""
    psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    psql(f'CREATE DATABASE "{name}"')
    env = {**os.environ, "PGPASSWORD": source.get("PASSWORD") or ""}
    dump = subprocess.run(  # noqa: S603
        [
            f"{bindir()}/pg_dump",
            "--no-owner",
            "--no-privileges",
            "-h",
            source.get("HOST") or "127.0.0.1",
            "-p",
            str(source.get("PORT") or 5432),
            "-U",
            source["USER"],
            source["NAME"],
        ],
        capture_output=True,
        env=env,
        timeout=120,
        check=True,
    )
    restore = subprocess.run(  # noqa: S603
        [
            f"{bindir()}/psql",
            "-h",
            "127.0.0.1",
            "-p",
            str(PORT),
            "-U",
            "postgres",
            "-d",
            name,
            "-v",
            "ON_ERROR_STOP=1",
            "-q",
        ],
        input=dump.stdout,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert restore.returncode == 0, restore.stderr.decode()
    return f"postgres://postgres@127.0.0.1:{PORT}/{name}"
