"""Audit checkpoints in PostgreSQL: an append-only table the app's role may only INSERT into.

``install`` (run once by a database administrator: ``chartrag audit init-db``) creates the table, a
trigger that refuses UPDATE, DELETE and TRUNCATE for everyone (the owner included), a writer role with
INSERT only (the app) and a reader role with SELECT only (the compliance reviewer's ``audit verify``).
"""

from __future__ import annotations

import re

import psycopg
from psycopg import sql

from rag_core.audit import Checkpoint
from rag_core.settings import RagSettings

TABLE = "chartrag_audit_checkpoint"
_ROLE = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")

_INSTALL = """
CREATE TABLE IF NOT EXISTS {table} (
    id bigserial PRIMARY KEY,
    log_id text NOT NULL,
    records bigint NOT NULL CHECK (records > 0),
    head text NOT NULL,
    signature text NOT NULL,
    written_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS {index} ON {table} (log_id, records);
CREATE OR REPLACE FUNCTION chartrag_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit checkpoints are append-only';
END $$;
DROP TRIGGER IF EXISTS chartrag_audit_no_change ON {table};
CREATE TRIGGER chartrag_audit_no_change BEFORE UPDATE OR DELETE ON {table}
    FOR EACH ROW EXECUTE FUNCTION chartrag_audit_append_only();
DROP TRIGGER IF EXISTS chartrag_audit_no_truncate ON {table};
CREATE TRIGGER chartrag_audit_no_truncate BEFORE TRUNCATE ON {table}
    FOR EACH STATEMENT EXECUTE FUNCTION chartrag_audit_append_only();
"""


def install(admin_dsn: str, writer: str = "chartrag_audit_writer", reader: str = "chartrag_audit_reader") -> None:
    """Create the table, its append-only triggers and the two roles (idempotent)."""
    for role in (writer, reader):
        if not _ROLE.match(role):
            raise ValueError(f"not a plain role name: {role!r}")
    with psycopg.connect(admin_dsn, autocommit=True) as conn:
        conn.execute(sql.SQL(_INSTALL).format(table=sql.Identifier(TABLE), index=sql.Identifier(f"{TABLE}_log")))
        for role in (writer, reader):
            exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone()
            if not exists:
                conn.execute(sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(role)))
            conn.execute(sql.SQL("REVOKE ALL ON {} FROM {}").format(sql.Identifier(TABLE), sql.Identifier(role)))
        conn.execute(sql.SQL("GRANT INSERT ON {} TO {}").format(sql.Identifier(TABLE), sql.Identifier(writer)))
        conn.execute(sql.SQL("GRANT USAGE ON SEQUENCE {} TO {}").format(
            sql.Identifier(f"{TABLE}_id_seq"), sql.Identifier(writer)))
        conn.execute(sql.SQL("GRANT SELECT ON {} TO {}").format(sql.Identifier(TABLE), sql.Identifier(reader)))


class PostgresCheckpoints:
    """Writes with the app's INSERT-only role; reads (``verify``) with the reader's DSN."""

    def __init__(self, dsn: str) -> None:
        self.dsn = dsn
        self._conn: psycopg.Connection[tuple[object, ...]] | None = None

    def _connection(self) -> psycopg.Connection[tuple[object, ...]]:
        if self._conn is None or self._conn.closed:
            self._conn = psycopg.connect(self.dsn, autocommit=True, connect_timeout=5)
        return self._conn

    def write(self, checkpoint: Checkpoint) -> None:
        try:
            self._connection().execute(
                sql.SQL("INSERT INTO {} (log_id, records, head, signature) VALUES (%s, %s, %s, %s)").format(
                    sql.Identifier(TABLE)),
                (checkpoint.log_id, checkpoint.records, checkpoint.head, checkpoint.signature))
        except psycopg.OperationalError:
            self._conn = None  # reconnect next time
            raise

    def read(self, log_id: str) -> list[Checkpoint]:
        with psycopg.connect(self.dsn, connect_timeout=5) as conn:
            rows = conn.execute(
                sql.SQL("SELECT log_id, records, head, signature FROM {} WHERE log_id = %s ORDER BY records").format(
                    sql.Identifier(TABLE)), (log_id,)).fetchall()
        return [Checkpoint(str(a), int(str(b)), str(c), str(d)) for a, b, c, d in rows]

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()


def configured_checkpoints(settings: RagSettings, log_id: str) -> list[Checkpoint] | None:
    """The checkpoints of ``log_id`` read with the reviewer's DSN (else the writer's); None when no
    anchor is configured. Raises ``psycopg.Error`` when the database cannot be read."""
    dsn = settings.audit_reader_dsn or settings.audit_dsn
    return PostgresCheckpoints(dsn).read(log_id) if dsn else None
