-- How each LLM turn was asked for (issue 16): output_mode is 'tool' (a forced Anthropic tool),
-- 'json_schema' (an OpenAI strict schema) or 'none' (plain text, parsed); calls is the number of
-- model replies the turn took (its first ask and re-asks). Both NULL for strategy and moderator
-- turns and for turns written before this migration. (Reserved number for this change: 0011; the
-- file carries the next free number of its branch because the loader refuses gaps.)
ALTER TABLE turns ADD COLUMN output_mode TEXT CHECK (output_mode IN ('tool', 'json_schema', 'none'));
ALTER TABLE turns ADD COLUMN calls INTEGER CHECK (calls >= 0);
