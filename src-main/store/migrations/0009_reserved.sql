-- Reserved for the scale branch's migration 0009 (numbers are assigned per branch). This empty
-- placeholder keeps the batch branch's 0010 loadable; it is dropped when the real 0009 is merged.
SELECT 1;
