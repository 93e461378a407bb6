"""The audit trail's machinery: PostgreSQL triggers that write the change history, the acting user they
read, and the access log the views write.

Change history. A row trigger on each audited table writes a `ChangeRecord` for every row inserted,
updated or deleted, so a bulk `QuerySet.update()` or a raw statement is caught as surely as a `save()`.
Another trigger refuses every UPDATE or DELETE of the trail itself. TRUNCATE stays possible (the test
runner empties tables with it) and, like dropping a trigger, needs the tables' owner: against an owner
gone rogue, run the web process as a role that does not own the tables (README, "Audit trail").

Registering a table takes one line in a migration of the app that owns it, after the table exists:

    from sites.audit import AuditTable
    operations = [AuditTable("reports_synthesissheet", study="study_id")]

`study` says how to reach the study from the row: a column of the row, or a chain of
`column > table.column` hops ("excerpt_id > coding_excerpt.interview_id > interviews_interview.study_id").

The acting user. The triggers read `hlm.actor_id`, a connection setting. `AuditActorMiddleware` sets it
once per request, just before the request's first write (a request that only reads costs nothing), and
again only if a rolled-back transaction took the setting with it. Work outside a request (a Celery
task, a command) names its actor with `acting_as(user_id)`; without it the actor is empty. SQLite has no
triggers: there the history is simply not kept, and everything else works.
"""

import contextlib
import contextvars
import re

from django.db import connection, transaction
from django.db.migrations.operations.base import Operation

from sites.models import AccessEvent

ACTOR_SETTING = "hlm.actor_id"

# Writes that never need the acting user: the trail's own table and the session, written on most requests.
_UNAUDITED_WRITES = ('"sites_accessevent"', '"django_session"')

FUNCTIONS_SQL = """
CREATE OR REPLACE FUNCTION hlm_audit_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    rec jsonb;
    old_rec jsonb;
    changed jsonb := '[]'::jsonb;
    study text;
    hop int := 1;
BEGIN
    IF TG_OP = 'DELETE' THEN rec := to_jsonb(OLD); ELSE rec := to_jsonb(NEW); END IF;
    IF TG_OP = 'UPDATE' THEN
        old_rec := to_jsonb(OLD);
        SELECT coalesce(jsonb_agg(key ORDER BY key), '[]'::jsonb) INTO changed
          FROM jsonb_object_keys(rec) AS key WHERE rec -> key IS DISTINCT FROM old_rec -> key;
        IF changed = '[]'::jsonb THEN RETURN NULL; END IF;
    END IF;
    -- TG_ARGV: the row's column, then (table, column) hops, each looked up by id, ending at a study id.
    study := rec ->> TG_ARGV[0];
    WHILE hop < TG_NARGS AND study IS NOT NULL LOOP
        EXECUTE format('SELECT %I::text FROM %I WHERE id = $1::bigint', TG_ARGV[hop + 1], TG_ARGV[hop])
           INTO study USING study;
        hop := hop + 2;
    END LOOP;
    INSERT INTO sites_changerecord (at, table_name, row_id, action, study_id, actor_id, changed)
    VALUES (now(), TG_TABLE_NAME, (rec ->> 'id')::bigint, TG_OP, study::bigint,
            nullif(current_setting('hlm.actor_id', true), '')::bigint, changed);
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION hlm_audit_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail (%) cannot be changed or deleted', TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END $$;
"""

PROTECT_SQL = """
CREATE TRIGGER hlm_audit_refuse_change BEFORE UPDATE OR DELETE ON {table}
    FOR EACH ROW EXECUTE FUNCTION hlm_audit_refuse();
"""


class _PostgresOnly(Operation):
    reduces_to_sql = True
    reversible = True

    def state_forwards(self, app_label, state):
        pass

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(self.forwards_sql(), None)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(self.backwards_sql(), None)


class InstallAuditTrail(_PostgresOnly):
    """The trigger functions, and the refusal of any change to the trail's two tables."""

    def forwards_sql(self):
        tables = ("sites_changerecord", "sites_accessevent")
        return FUNCTIONS_SQL + "".join(PROTECT_SQL.format(table=table) for table in tables)

    def backwards_sql(self):
        drops = [
            f"DROP TRIGGER IF EXISTS {name} ON {table};"
            for table in ("sites_changerecord", "sites_accessevent")
            for name in ("hlm_audit_refuse_change",)
        ]
        return "\n".join([*drops, "DROP FUNCTION IF EXISTS hlm_audit_row();", "DROP FUNCTION hlm_audit_refuse();"])

    def describe(self):
        return "Install the audit trail's triggers"


class AuditTable(_PostgresOnly):
    """Keep the change history of `table`: `AuditTable("app_model", study="study_id")` in a migration."""

    def __init__(self, table, *, study):
        self.table = table
        self.study = study
        super().__init__()

    def deconstruct(self):
        return (self.__class__.__name__, [self.table], {"study": self.study})

    def trigger_arguments(self):
        first, *hops = (part.strip() for part in self.study.split(">"))
        arguments = [first]
        for hop in hops:
            table, column = hop.split(".")
            arguments += [table, column]
        return ", ".join(f"'{argument}'" for argument in arguments)

    def forwards_sql(self):
        return (
            f"CREATE TRIGGER hlm_audit AFTER INSERT OR UPDATE OR DELETE ON {self.table} "
            f"FOR EACH ROW EXECUTE FUNCTION hlm_audit_row({self.trigger_arguments()});"
        )

    def backwards_sql(self):
        return f"DROP TRIGGER IF EXISTS hlm_audit ON {self.table};"

    def describe(self):
        return f"Keep the change history of {self.table}"


# The request being served, for the execute wrapper: (a token unique to the request, the request).
_current = contextvars.ContextVar("hlm_audit_request", default=None)


class AuditActorMiddleware:
    """Tells the audit triggers who acts: one `set_config` query before the request's first write."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.enabled = connection.vendor == "postgresql"

    def __call__(self, request):
        if not self.enabled:
            return self.get_response(request)
        reset = _current.set((object(), request))
        try:
            with connection.execute_wrapper(_set_actor_before_first_write):
                return self.get_response(request)
        finally:
            _current.reset(reset)


def _set_actor_before_first_write(execute, sql, params, many, context):
    current = _current.get()
    if current is not None and _needs_actor(sql) and not _actor_is_set(context["connection"], current[0]):
        _set_actor(context["connection"], *current)
    return execute(sql, params, many, context)


_DATA_CHANGE = re.compile(r"\b(INSERT|UPDATE|DELETE)\b", re.IGNORECASE)


def _needs_actor(sql):
    statement = sql.lstrip()[:6].upper()
    # A write, or a query whose CTEs write (coding a range inserts excerpt and codings in one WITH statement).
    if statement not in ("INSERT", "UPDATE", "DELETE") and not (statement[:4] == "WITH" and _DATA_CHANGE.search(sql)):
        return False
    return not any(table in sql[:120] for table in _UNAUDITED_WRITES)


def _actor_is_set(conn, token):
    state = getattr(conn, "_hlm_actor", None)
    if state is None or state[0] is not token:
        return False
    pending = state[1]
    # Set inside a transaction: valid while that transaction lives (its commit callback still queued)
    # or once it committed (the callback ran); a rollback discarded the callback and the setting with it.
    return pending is None or pending.committed or any(entry[1] is pending for entry in conn.run_on_commit)


class _Commit:
    committed = False

    def __call__(self):
        self.committed = True


def _set_actor(conn, token, request):
    user = getattr(request, "user", None)
    actor = str(user.pk) if user is not None and user.is_authenticated else ""
    pending = None
    if conn.in_atomic_block:
        pending = _Commit()
        transaction.on_commit(pending, using=conn.alias)
    with conn.cursor() as cursor:
        cursor.execute("SELECT set_config(%s, %s, false)", [ACTOR_SETTING, actor])
    conn._hlm_actor = (token, pending)


def forget_actor(sender, connection, **kwargs):
    """A new database session starts without the setting: the next write must set it again."""
    connection._hlm_actor = None


@contextlib.contextmanager
def acting_as(user_id):
    """Outside a request (a Celery task, a command): name `user_id` as the actor of the writes inside. 2 queries."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config(%s, %s, false)", [ACTOR_SETTING, str(user_id or "")])
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config(%s, '', false)", [ACTOR_SETTING])
        connection._hlm_actor = None


def record_access(request, kind, *, study, obj=None, object_type="", detail=""):
    """Write one AccessEvent: who, when, which object; never its content. `study` is one or its id. One query."""
    AccessEvent.objects.create(
        study_id=getattr(study, "pk", study),
        user=request.user if request.user.is_authenticated else None,
        kind=kind,
        object_type=object_type or (obj._meta.model_name if obj is not None else ""),
        object_id=obj.pk if obj is not None else None,
        detail=detail[:200],
    )


def history_is_kept():
    """Whether this database keeps the change history (PostgreSQL does, SQLite does not)."""
    return connection.vendor == "postgresql"
