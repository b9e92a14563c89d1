"""Copying the database of a running site, and putting a copy back in one step.

SQLite: sqlite3's online backup API (`Connection.backup`) copies the file as one read
transaction, a consistent snapshot while the beacon and the worker keep writing (WAL lets them);
a file copy could catch a page half-written or miss what sits in the `-wal` file. Restoring uses
the same API the other way round: the copy is checked and migrated on its own first, then
written into the live database as one write transaction, so other processes see the old site or
the new one, never a mix. Renaming a file over a database that processes hold open would leave
them reading the old inode and writing beside a `-wal` file that no longer matches it.

PostgreSQL: `pg_dump --format=custom` under a snapshot exported by a repeatable-read transaction,
which also reads the applied migrations and row counts, so the manifest describes exactly the
dump. Restoring streams `pg_restore`'s script into `psql --single-transaction`, after statements
that drop every table of the schema (tables a newer migration added are not in the dump, and
`migrate` would trip over them) and followed by a check of every table's row count: any error
rolls the whole transaction back and the site keeps its old data.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.utils.translation import gettext as _

from .errors import BackupError
from .manifest import Manifest

CHUNK = 1024 * 1024
#: Connection options Django passes through that libpq's tools understand too.
LIBPQ_OPTIONS = frozenset(
    {
        "sslmode",
        "sslrootcert",
        "sslcert",
        "sslkey",
        "sslcrl",
        "connect_timeout",
        "options",
        "target_session_attrs",
        "passfile",
        "service",
        "gssencmode",
        "channel_binding",
        "application_name",
    }
)


@dataclass
class Snapshot:
    """A consistent copy of the database, with what was true of it when it was taken."""

    path: Path
    details: dict[str, str]
    migrations: list[tuple[str, str]]
    row_counts: dict[str, int]
    warnings: list[str] = field(default_factory=list)


def django_tables() -> list[str]:
    """The tables of every installed model (and many-to-many table): what the manifest counts."""
    return sorted(connections["default"].introspection.django_table_names(include_views=False))


def content_version_table() -> str:
    from loa.core.models import ContentVersion

    return ContentVersion._meta.db_table


def database_for_site() -> SqliteDatabase | PostgresDatabase:
    settings_dict = connections["default"].settings_dict
    vendor = connections["default"].vendor
    if vendor == "sqlite":
        return SqliteDatabase(settings_dict)
    if vendor == "postgresql":
        return PostgresDatabase(settings_dict)
    raise BackupError(_("Backups support SQLite and PostgreSQL; this site uses %(vendor)s.") % {"vendor": vendor})


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _tail(text: str, lines: int = 8) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


# --- SQLite ------------------------------------------------------------------------------


class SqliteDatabase:
    engine = "sqlite"
    label = "SQLite"
    archive_name = "database/loa.sqlite3"
    #: The copy is migrated before it replaces the live database (see `prepare`).
    migrates_after_replace = False

    def __init__(self, settings_dict: dict) -> None:
        self.path = Path(settings_dict["NAME"])

    def describe(self) -> str:
        return str(self.path)

    def snapshot(self, folder: Path, tables: list[str]) -> Snapshot:
        if not self.path.exists():
            raise BackupError(_("The database %(path)s does not exist.") % {"path": self.path})
        target = folder / "loa.sqlite3"
        source = sqlite3.connect(self.path, timeout=60)  # waits out a writer's lock, as the app does
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)  # one step: one read transaction, one snapshot
            # The copy inherits the WAL flag; a standalone file is what an archive should hold.
            copy.execute("PRAGMA journal_mode = DELETE")
            _quick_check(copy)
            migrations = [tuple(row) for row in copy.execute("SELECT app, name FROM django_migrations ORDER BY id")]
            counts = _sqlite_counts(copy, tables)
        except sqlite3.Error as error:
            raise BackupError(_("SQLite could not copy the database: %(error)s") % {"error": error}) from error
        finally:
            copy.close()
            source.close()
        return Snapshot(target, {"engine": self.engine, "sqlite": sqlite3.sqlite_version}, migrations, counts)

    def check(self, dump: Path, manifest: Manifest) -> None:
        """The archived file opens, passes SQLite's own check, and holds the rows the manifest counted."""
        copy = sqlite3.connect(dump)
        try:
            _quick_check(copy)
            counts = _sqlite_counts(copy, list(manifest.row_counts))
        except sqlite3.Error as error:
            raise BackupError(_("The database in the archive is unreadable: %(error)s") % {"error": error}) from error
        finally:
            copy.close()
        _compare_counts(counts, manifest.row_counts)

    def prepare(self, dump: Path, manifest: Manifest, migrate: bool) -> None:
        """Bring the copy up to this code's schema and move its content version, away from the live site."""
        if migrate:
            _migrate_sqlite_copy(dump)
        copy = sqlite3.connect(dump)
        try:
            copy.execute("PRAGMA journal_mode = DELETE")
            table = _quote(content_version_table())
            from loa.core.models import ContentVersion

            version = ContentVersion.new_value()
            if not copy.execute(f"UPDATE {table} SET version = ? WHERE id = 1", [version]).rowcount:
                copy.execute(f"INSERT INTO {table} (id, version) VALUES (1, ?)", [version])
            copy.commit()
        finally:
            copy.close()

    def replace(self, dump: Path, manifest: Manifest) -> None:
        """Write the prepared copy into the live database in one transaction."""
        connections["default"].close()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        created = not self.path.exists()
        source = sqlite3.connect(dump)
        target = sqlite3.connect(self.path, timeout=60)
        try:
            _match_page_size(source, target)
            source.backup(target)
        except sqlite3.Error as error:
            raise BackupError(
                _("SQLite could not replace the database, which is unchanged: %(error)s") % {"error": error}
            ) from error
        finally:
            target.close()
            source.close()
        if created and hasattr(os, "geteuid") and os.geteuid() == 0:
            owner = self.path.parent.stat()
            os.chown(self.path, owner.st_uid, owner.st_gid)


def _quick_check(connection: sqlite3.Connection) -> None:
    result = connection.execute("PRAGMA quick_check").fetchone()[0]
    if result != "ok":
        raise BackupError(_("SQLite reports the database damaged: %(result)s") % {"result": result})


def _sqlite_counts(connection: sqlite3.Connection, tables: list[str]) -> dict[str, int]:
    existing = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return {
        table: connection.execute(f"SELECT count(*) FROM {_quote(table)}").fetchone()[0]
        for table in tables
        if table in existing
    }


def _match_page_size(source: sqlite3.Connection, target: sqlite3.Connection) -> None:
    """SQLite cannot back up into a WAL database of another page size: give the copy the live one's."""
    if target.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        return
    size = target.execute("PRAGMA page_size").fetchone()[0]
    if source.execute("PRAGMA page_size").fetchone()[0] != size:
        source.execute(f"PRAGMA page_size = {int(size)}")
        source.execute("VACUUM")


def _migrate_sqlite_copy(path: Path) -> None:
    """`manage.py migrate` in a process of its own whose only database is the copy.

    In this process, a migration's RunPython that forgot `using(alias)` would write to the
    live database; a child process pointed at the copy cannot.
    """
    environment = {**os.environ, "DATABASE_URL": f"sqlite:///{path}"}
    environment.pop("DATABASE_REPLICA_URLS", None)
    result = subprocess.run(
        [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), "migrate", "--noinput", "-v", "0"],
        env=environment,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise BackupError(
            _("Upgrading the backup's database to this version of Loa failed; the site is unchanged:\n%(error)s")
            % {"error": _tail(result.stderr)}
        )


def _compare_counts(found: dict[str, int], expected: dict[str, int]) -> None:
    wrong = sorted(table for table in expected if found.get(table) != expected[table])
    if wrong:
        raise BackupError(
            _(
                "The database in the archive does not hold the rows its manifest counted (%(tables)s). "
                "Nothing was changed."
            )
            % {"tables": ", ".join(wrong[:5])}
        )


# --- PostgreSQL --------------------------------------------------------------------------

# Everything of ours in the schema, so that the restore recreates exactly what the dump holds.
_DROP_SCHEMA_OBJECTS = """
SET client_min_messages = warning;
SET lock_timeout = '120s';
DO $loa$
DECLARE item record;
BEGIN
  FOR item IN
    SELECT c.relname, c.relkind FROM pg_class c
    WHERE c.relnamespace = {schema}::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                      AND d.objid = c.oid AND d.deptype IN ('e', 'a', 'i'))
  LOOP
    EXECUTE format('DROP %s IF EXISTS %I.%I CASCADE',
      CASE item.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE'
        WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END,
      {schema}, item.relname);
  END LOOP;
  FOR item IN
    SELECT p.proname, p.prokind, pg_get_function_identity_arguments(p.oid) AS arguments FROM pg_proc p
    WHERE p.pronamespace = {schema}::regnamespace
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
                      AND d.objid = p.oid AND d.deptype = 'e')
  LOOP
    EXECUTE format('DROP %s IF EXISTS %I.%I(%s) CASCADE',
      CASE item.prokind WHEN 'p' THEN 'PROCEDURE' WHEN 'a' THEN 'AGGREGATE' ELSE 'FUNCTION' END,
      {schema}, item.proname, item.arguments);
  END LOOP;
  FOR item IN
    SELECT t.typname FROM pg_type t
    WHERE t.typnamespace = {schema}::regnamespace AND t.typtype IN ('e', 'd', 'r')
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass
                      AND d.objid = t.oid AND d.deptype = 'e')
  LOOP
    EXECUTE format('DROP TYPE IF EXISTS %I.%I CASCADE', {schema}, item.typname);
  END LOOP;
END
$loa$;
"""


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


class PostgresDatabase:
    engine = "postgresql"
    label = "PostgreSQL"
    archive_name = "database/loa.pgdump"
    #: Restored in place, so `migrate` runs on the live database afterwards.
    migrates_after_replace = True

    def __init__(self, settings_dict: dict) -> None:
        self.settings_dict = settings_dict
        self.params = {
            key: str(value)
            for key, value in {
                "dbname": settings_dict.get("NAME"),
                "user": settings_dict.get("USER"),
                "host": settings_dict.get("HOST"),
                "port": settings_dict.get("PORT"),
            }.items()
            if value
        }
        self.params.update(
            {key: str(value) for key, value in (settings_dict.get("OPTIONS") or {}).items() if key in LIBPQ_OPTIONS}
        )
        self.password = settings_dict.get("PASSWORD") or ""

    def describe(self) -> str:
        return f"{self.params.get('dbname')} ({self.params.get('host', 'localhost')}:{self.params.get('port', 5432)})"

    # connections and tools

    def _connect(self):
        import psycopg

        try:
            return psycopg.connect(**self.params, **({"password": self.password} if self.password else {}))
        except psycopg.Error as error:
            raise BackupError(
                _("Cannot connect to the database %(name)s: %(error)s") % {"name": self.describe(), "error": error}
            ) from error

    @property
    def conninfo(self) -> str:
        from psycopg.conninfo import make_conninfo

        return make_conninfo(**self.params)

    @property
    def environment(self) -> dict[str, str]:
        """The password travels in the environment, never on a command line `ps` shows."""
        environment = dict(os.environ)
        if self.password:
            environment["PGPASSWORD"] = self.password
        return environment

    @staticmethod
    def _server_version(connection) -> tuple[int, str]:
        number = connection.info.server_version
        return number // 10000, f"{number // 10000}.{number % 10000}"

    def tool(self, name: str, server_major: int) -> tuple[str, str]:
        """The client tool `name` able to talk to this server: Debian's matching one first, then PATH."""
        candidates = [f"/usr/lib/postgresql/{server_major}/bin/{name}", shutil.which(name)]
        path = next((c for c in candidates if c and os.access(c, os.X_OK)), None)
        if path is None:
            raise BackupError(
                _("%(tool)s was not found: install the PostgreSQL client tools (postgresql-client-%(major)s).")
                % {"tool": name, "major": server_major}
            )
        output = subprocess.run([path, "--version"], capture_output=True, text=True).stdout
        match = re.search(r"(\d+)(?:\.(\d+))?", output)
        version = match.group(0) if match else "?"
        if not match or int(match.group(1)) < server_major:
            raise BackupError(
                _(
                    "%(tool)s %(version)s is older than the PostgreSQL server (%(major)s) and cannot handle its "
                    "databases: install postgresql-client-%(major)s."
                )
                % {"tool": path, "version": version, "major": server_major}
            )
        return path, version

    # backup

    def snapshot(self, folder: Path, tables: list[str]) -> Snapshot:
        import psycopg

        target = folder / "loa.pgdump"
        with self._connect() as server:
            server.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
            server.read_only = True
            major, server_version = self._server_version(server)
            pg_dump, dump_version = self.tool("pg_dump", major)
            with server.cursor() as cursor:
                cursor.execute("SELECT pg_export_snapshot()")
                snapshot_id = cursor.fetchone()[0]
                result = subprocess.run(
                    [
                        pg_dump,
                        "--format=custom",
                        f"--file={target}",
                        f"--snapshot={snapshot_id}",
                        "--no-password",
                        "--lock-wait-timeout=120s",
                        f"--dbname={self.conninfo}",
                    ],
                    env=self.environment,
                    capture_output=True,
                    text=True,
                )
                if result.returncode != 0:
                    raise BackupError(_("pg_dump failed:\n%(error)s") % {"error": _tail(result.stderr)})
                cursor.execute("SELECT app, name FROM django_migrations ORDER BY id")
                migrations = [tuple(row) for row in cursor.fetchall()]
                counts = self._counts(cursor, tables)
        details = {"engine": self.engine, "server": server_version, "pg_dump": dump_version}
        return Snapshot(target, details, migrations, counts)

    @staticmethod
    def _counts(cursor, tables: list[str]) -> dict[str, int]:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
        existing = {row[0] for row in cursor.fetchall()}
        counts = {}
        for table in tables:
            if table in existing:
                cursor.execute(f"SELECT count(*) FROM {_quote(table)}")
                counts[table] = cursor.fetchone()[0]
        return counts

    # restore

    def check(self, dump: Path, manifest: Manifest) -> None:
        """This machine's pg_restore can read the dump (same major version or newer than pg_dump's)."""
        with self._connect() as server:
            major, _version = self._server_version(server)
        pg_restore, version = self.tool("pg_restore", major)
        dumped_with = manifest.database.get("pg_dump", "0")
        if int(dumped_with.split(".")[0]) > int(version.split(".")[0]):
            raise BackupError(
                _("The backup was made with pg_dump %(dumped)s; this machine's pg_restore %(version)s cannot read it.")
                % {"dumped": dumped_with, "version": version}
            )
        result = subprocess.run([pg_restore, "--list", str(dump)], capture_output=True, text=True)
        if result.returncode != 0:
            raise BackupError(
                _("The database dump in the archive is unreadable:\n%(error)s") % {"error": _tail(result.stderr)}
            )

    def prepare(self, dump: Path, manifest: Manifest, migrate: bool) -> None:
        """Nothing to do before: PostgreSQL restores and checks inside one transaction (`replace`)."""

    def replace(self, dump: Path, manifest: Manifest) -> None:
        connections["default"].close()
        with self._connect() as server:
            major, _version = self._server_version(server)
            schema = server.execute("SELECT current_schema()").fetchone()[0]
        pg_restore, _version = self.tool("pg_restore", major)
        psql, _version = self.tool("psql", major)
        before = _DROP_SCHEMA_OBJECTS.replace("{schema}", _literal(schema))
        after = self._checks_and_bump(schema, manifest)
        with tempfile.TemporaryFile() as psql_errors, tempfile.TemporaryFile() as restore_errors:
            psql_process = subprocess.Popen(
                [
                    psql,
                    "--no-psqlrc",
                    "--quiet",
                    "--single-transaction",
                    "--set=ON_ERROR_STOP=1",
                    f"--dbname={self.conninfo}",
                    "--file=-",
                ],
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=psql_errors,
                env=self.environment,
            )
            restore_process = subprocess.Popen(
                [pg_restore, "--no-owner", "--no-acl", "--clean", "--if-exists", "--file=-", str(dump)],
                stdout=subprocess.PIPE,
                stderr=restore_errors,
                env=self.environment,
            )
            try:
                psql_process.stdin.write(before.encode())
                shutil.copyfileobj(restore_process.stdout, psql_process.stdin, CHUNK)
                if restore_process.wait() != 0:
                    raise BackupError(_("pg_restore failed:\n%(error)s") % {"error": _read_tail(restore_errors)})
                psql_process.stdin.write(after.encode())
                psql_process.stdin.close()  # end of input: psql commits
            except (BackupError, OSError) as error:
                # Killed before the end of its input, psql never sends COMMIT: the server rolls back.
                psql_process.kill()
                restore_process.kill()
                psql_process.wait()
                restore_process.wait()
                message = _read_tail(psql_errors) or str(error)
                raise BackupError(
                    _("PostgreSQL could not restore the database, which is unchanged:\n%(error)s") % {"error": message}
                ) from error
            if psql_process.wait() != 0:
                raise BackupError(
                    _("PostgreSQL could not restore the database, which is unchanged:\n%(error)s")
                    % {"error": _read_tail(psql_errors)}
                )

    @staticmethod
    def _checks_and_bump(schema: str, manifest: Manifest) -> str:
        """SQL run last in the restore transaction: any table with other row counts aborts it."""
        checks = "\n".join(
            f"  SELECT count(*) INTO found FROM {_quote(schema)}.{_quote(table)};\n"
            f"  IF found <> {int(count)} THEN RAISE EXCEPTION 'loa: % holds % rows, the backup %', "
            f"{_literal(table)}, found, {int(count)}; END IF;"
            for table, count in sorted(manifest.row_counts.items())
        )
        table = f"{_quote(schema)}.{_quote(content_version_table())}"
        from loa.core.models import ContentVersion

        version = ContentVersion.new_value()
        return (
            "SELECT pg_catalog.set_config('search_path', '', false);\n"
            f"DO $loa$\nDECLARE found bigint;\nBEGIN\n{checks}\n"
            f"  IF to_regclass({_literal(table)}) IS NOT NULL THEN\n"
            f"    UPDATE {table} SET version = {version} WHERE id = 1;\n"
            "  END IF;\nEND\n$loa$;\n"
        )


def _read_tail(handle) -> str:
    handle.seek(0)
    return _tail(handle.read().decode(errors="replace"))
