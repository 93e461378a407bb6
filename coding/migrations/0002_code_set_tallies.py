"""Tallies of placed excerpts per site and set of codes, kept exact by PostgreSQL triggers.

The code × site matrix counts, per code and its sub-codes, the distinct placed excerpts of each site. Counting
that from the codings reads every coding of the study (1.9 s for 500,000); these tables hold the same answer
in a few thousand rows: `coding_codesettally` has, per site and per *set* of codes, the number of placed
excerpts whose codings carry exactly that set, so "excerpts with any code of sub-tree S" is the sum of n over
the sets that overlap S, exact whatever the overlaps between codes. `coding_excerpttally` remembers what each
excerpt contributes, so that a change subtracts exactly what was added.

Triggers on codings (insert, update, delete), excerpts (review state, interview, deletion) and interviews (site)
call `coding_refresh_tallies(excerpt ids)`, once per statement (transition tables), so a bulk insert of
thousands of codings refreshes them in one pass. Only on PostgreSQL: SQLite has no such triggers here, and
reports/tallies.py counts from the codings there (and whenever a filter narrows the codings).
"""

from django.db import migrations

CREATE = """
CREATE TABLE coding_excerpttally (
    excerpt_id bigint PRIMARY KEY,
    site_id bigint NOT NULL,
    codes bigint[] NOT NULL
);
CREATE TABLE coding_codesettally (
    site_id bigint NOT NULL,
    codes bigint[] NOT NULL,
    n integer NOT NULL,
    PRIMARY KEY (site_id, codes)
);

CREATE FUNCTION coding_excerpt_code_sets(ids bigint[])
RETURNS TABLE (excerpt_id bigint, site_id bigint, codes bigint[]) LANGUAGE sql STABLE AS $$
    SELECT e.id, i.site_id, array_agg(DISTINCT c.code_id ORDER BY c.code_id)
    FROM coding_excerpt e
    JOIN interviews_interview i ON i.id = e.interview_id
    JOIN coding_coding c ON c.excerpt_id = e.id
    WHERE e.id = ANY(ids) AND NOT e.needs_review
    GROUP BY e.id, i.site_id
$$;

CREATE FUNCTION coding_refresh_tallies(ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF ids IS NULL OR cardinality(ids) = 0 THEN
        RETURN;
    END IF;
    -- Two transactions changing one excerpt's codings take turns here, so each reads what the other wrote.
    -- (NO KEY UPDATE does not wait for the KEY SHARE locks that inserting codings takes on their excerpt.)
    PERFORM 1 FROM coding_excerpt WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
    -- One statement, tally rows in key order: concurrent refreshes lock them in the same order (no deadlock).
    -- Rows that fall to 0 stay: they count nothing, and there are at most as many as sets of codes ever used.
    INSERT INTO coding_codesettally AS t (site_id, codes, n)
    SELECT site_id, codes, sum(k) FROM (
        SELECT site_id, codes, -1 AS k FROM coding_excerpttally WHERE excerpt_id = ANY(ids)
        UNION ALL
        SELECT site_id, codes, 1 FROM coding_excerpt_code_sets(ids)
    ) AS delta
    GROUP BY site_id, codes HAVING sum(k) <> 0 ORDER BY site_id, codes
    ON CONFLICT (site_id, codes) DO UPDATE SET n = t.n + EXCLUDED.n;
    DELETE FROM coding_excerpttally WHERE excerpt_id = ANY(ids);
    INSERT INTO coding_excerpttally (excerpt_id, site_id, codes) SELECT * FROM coding_excerpt_code_sets(ids);
END $$;

CREATE FUNCTION coding_tallies_after_coding_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM coding_refresh_tallies(ARRAY(SELECT DISTINCT excerpt_id FROM new_rows));
    RETURN NULL;
END $$;
CREATE FUNCTION coding_tallies_after_coding_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM coding_refresh_tallies(ARRAY(SELECT DISTINCT excerpt_id FROM old_rows));
    RETURN NULL;
END $$;
CREATE FUNCTION coding_tallies_after_coding_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM coding_refresh_tallies(ARRAY(
        SELECT o.excerpt_id FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE n.excerpt_id <> o.excerpt_id OR n.code_id <> o.code_id
        UNION SELECT n.excerpt_id FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE n.excerpt_id <> o.excerpt_id OR n.code_id <> o.code_id
    ));
    RETURN NULL;
END $$;
CREATE FUNCTION coding_tallies_after_excerpt_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Most updates only touch updated_at or the offsets: nothing to count again then.
    PERFORM coding_refresh_tallies(ARRAY(
        SELECT n.id FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE n.needs_review <> o.needs_review OR n.interview_id <> o.interview_id
    ));
    RETURN NULL;
END $$;
CREATE FUNCTION coding_tallies_after_excerpt_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM coding_refresh_tallies(ARRAY(
        SELECT o.id FROM old_rows o JOIN coding_excerpttally t ON t.excerpt_id = o.id
    ));
    RETURN NULL;
END $$;
CREATE FUNCTION coding_tallies_after_interview_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM coding_refresh_tallies(ARRAY(
        SELECT e.id FROM old_rows o JOIN new_rows n ON n.id = o.id JOIN coding_excerpt e ON e.interview_id = n.id
        WHERE n.site_id <> o.site_id
    ));
    RETURN NULL;
END $$;
CREATE FUNCTION coding_tallies_after_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE coding_excerpttally, coding_codesettally;
    RETURN NULL;
END $$;

CREATE TRIGGER coding_tallies_insert AFTER INSERT ON coding_coding
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coding_tallies_after_coding_insert();
CREATE TRIGGER coding_tallies_delete AFTER DELETE ON coding_coding
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION coding_tallies_after_coding_delete();
CREATE TRIGGER coding_tallies_update AFTER UPDATE ON coding_coding
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION coding_tallies_after_coding_update();
CREATE TRIGGER coding_tallies_excerpt_update AFTER UPDATE ON coding_excerpt
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION coding_tallies_after_excerpt_update();
CREATE TRIGGER coding_tallies_excerpt_delete AFTER DELETE ON coding_excerpt
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION coding_tallies_after_excerpt_delete();
CREATE TRIGGER coding_tallies_interview_update AFTER UPDATE ON interviews_interview
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION coding_tallies_after_interview_update();
CREATE TRIGGER coding_tallies_truncate_codings AFTER TRUNCATE ON coding_coding
    FOR EACH STATEMENT EXECUTE FUNCTION coding_tallies_after_truncate();
CREATE TRIGGER coding_tallies_truncate_excerpts AFTER TRUNCATE ON coding_excerpt
    FOR EACH STATEMENT EXECUTE FUNCTION coding_tallies_after_truncate();

-- What is already there, counted once.
INSERT INTO coding_excerpttally (excerpt_id, site_id, codes)
SELECT e.id, i.site_id, array_agg(DISTINCT c.code_id ORDER BY c.code_id)
FROM coding_excerpt e
JOIN interviews_interview i ON i.id = e.interview_id
JOIN coding_coding c ON c.excerpt_id = e.id
WHERE NOT e.needs_review
GROUP BY e.id, i.site_id;
INSERT INTO coding_codesettally (site_id, codes, n)
SELECT site_id, codes, count(*) FROM coding_excerpttally GROUP BY site_id, codes;
"""

DROP = """
DROP TRIGGER IF EXISTS coding_tallies_insert ON coding_coding;
DROP TRIGGER IF EXISTS coding_tallies_delete ON coding_coding;
DROP TRIGGER IF EXISTS coding_tallies_update ON coding_coding;
DROP TRIGGER IF EXISTS coding_tallies_excerpt_update ON coding_excerpt;
DROP TRIGGER IF EXISTS coding_tallies_excerpt_delete ON coding_excerpt;
DROP TRIGGER IF EXISTS coding_tallies_interview_update ON interviews_interview;
DROP TRIGGER IF EXISTS coding_tallies_truncate_codings ON coding_coding;
DROP TRIGGER IF EXISTS coding_tallies_truncate_excerpts ON coding_excerpt;
DROP FUNCTION IF EXISTS coding_tallies_after_coding_insert, coding_tallies_after_coding_delete,
    coding_tallies_after_coding_update, coding_tallies_after_excerpt_update, coding_tallies_after_excerpt_delete,
    coding_tallies_after_interview_update, coding_tallies_after_truncate, coding_refresh_tallies,
    coding_excerpt_code_sets;
DROP TABLE IF EXISTS coding_codesettally, coding_excerpttally;
"""


def on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("coding", "0001_initial")]

    operations = [migrations.RunPython(on_postgresql(CREATE), on_postgresql(DROP), elidable=False)]
