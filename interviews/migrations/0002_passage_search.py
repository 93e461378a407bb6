"""Full-text search over passages, one way per database (interviews/search.py queries them).

PostgreSQL: the `fr_unaccent` text search configuration (french stemming after unaccent), a generated
tsvector column and its GIN index. CREATE EXTENSION needs a role allowed to create it (superuser, or the
extension pre-installed by the DBA). A GinIndex on the model would break `migrate` on SQLite, so none of
this is declared on the model.

SQLite: an FTS5 table over interviews_passage (external content) kept in step by triggers, which also see
the deletes that cascade from an interview. If a later migration makes Django rebuild interviews_passage on
SQLite (it recreates the table for most field changes), that migration must recreate these triggers;
tests/interviews/test_search.py checks that they exist.
"""

from django.db import migrations

POSTGRESQL_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    """
    DO $$
    BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'fr_unaccent') THEN
        CREATE TEXT SEARCH CONFIGURATION fr_unaccent (COPY = french);
        ALTER TEXT SEARCH CONFIGURATION fr_unaccent
          ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
      END IF;
    END
    $$
    """,
    # The parser takes "<...>" for markup and skips it; transcripts write "<inaudible>", "<rires>" as words.
    """
    ALTER TABLE interviews_passage ADD COLUMN search_vector tsvector
      GENERATED ALWAYS AS (to_tsvector('fr_unaccent'::regconfig, translate(text, '<>', '  '))) STORED
    """,
    # transcript_search: passages whose search_vector matches a tsquery
    "CREATE INDEX interviews_passage_search ON interviews_passage USING gin (search_vector)",
]
POSTGRESQL_BACKWARD = [
    "DROP INDEX IF EXISTS interviews_passage_search",
    "ALTER TABLE interviews_passage DROP COLUMN IF EXISTS search_vector",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS fr_unaccent",
]

SQLITE_FORWARD = [
    """
    CREATE VIRTUAL TABLE interviews_passage_fts USING fts5(
      text, content='interviews_passage', content_rowid='id', tokenize="unicode61 remove_diacritics 2"
    )
    """,
    """
    CREATE TRIGGER interviews_passage_fts_insert AFTER INSERT ON interviews_passage BEGIN
      INSERT INTO interviews_passage_fts(rowid, text) VALUES (new.id, new.text);
    END
    """,
    """
    CREATE TRIGGER interviews_passage_fts_delete AFTER DELETE ON interviews_passage BEGIN
      INSERT INTO interviews_passage_fts(interviews_passage_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END
    """,
    """
    CREATE TRIGGER interviews_passage_fts_update AFTER UPDATE OF text ON interviews_passage BEGIN
      INSERT INTO interviews_passage_fts(interviews_passage_fts, rowid, text) VALUES ('delete', old.id, old.text);
      INSERT INTO interviews_passage_fts(rowid, text) VALUES (new.id, new.text);
    END
    """,
    "INSERT INTO interviews_passage_fts(interviews_passage_fts) VALUES ('rebuild')",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS interviews_passage_fts_insert",
    "DROP TRIGGER IF EXISTS interviews_passage_fts_delete",
    "DROP TRIGGER IF EXISTS interviews_passage_fts_update",
    "DROP TABLE IF EXISTS interviews_passage_fts",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("interviews", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": POSTGRESQL_FORWARD, "sqlite": SQLITE_FORWARD}),
            _run({"postgresql": POSTGRESQL_BACKWARD, "sqlite": SQLITE_BACKWARD}),
        ),
    ]
