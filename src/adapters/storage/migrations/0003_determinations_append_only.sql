-- Determinations are records kept for export-control retention (EAR Part 762): written once, never changed.
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER determinations_no_update_delete
  BEFORE UPDATE OR DELETE ON determinations
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

CREATE TRIGGER determinations_no_truncate
  BEFORE TRUNCATE ON determinations
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
