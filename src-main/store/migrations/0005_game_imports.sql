-- Where an imported game came from and what its source published (parley import). One row per
-- imported game; played games have none. Parley's own recomputed outcome stays in games; the
-- published one sits beside it so the two can be compared and flagged.
--   format          'bargain' | 'arena' | 'deliberation'
--   source_file     the file the game was read from, as given on the command line (resolved)
--   source_sha256   hash of that file's bytes (a re-import of the same content changes nothing)
--   published_json  the outcome as the source file states it (deal, round, utilities per seat)
--   flags_json      JSON array of {code, message}: where the published outcome and Parley's
--                   differ, or the file contradicts itself; [] when they agree
--   truncated       1 when the source log ends before the game did
CREATE TABLE game_imports (
  game_id        TEXT PRIMARY KEY REFERENCES games (id),
  format         TEXT NOT NULL,
  source_file    TEXT NOT NULL,
  source_sha256  TEXT NOT NULL,
  published_json TEXT NOT NULL,
  flags_json     TEXT NOT NULL,
  truncated      INTEGER NOT NULL DEFAULT 0 CHECK (truncated IN (0, 1)),
  imported_at    TEXT NOT NULL
) STRICT;
