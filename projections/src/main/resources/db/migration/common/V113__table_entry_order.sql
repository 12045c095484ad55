-- Entries are listed in (state, action declaration) order. The primary key (table_id, state, action) cannot serve
-- that order, so every page sorted all of a table's entries (p99 415 ms for page n of 100 on a 100k-entry table).
-- This index serves it: numbered pages read from the index, cursor pages (after=…) start at their position in it.
CREATE INDEX table_entry_order ON table_entry (table_id, state, action_index);
