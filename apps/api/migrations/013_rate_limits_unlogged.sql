-- Rate-limit counters need no crash safety (after a crash they start the minute again), so they
-- skip the write-ahead log: counting a request no longer waits on a disk flush of its own.
alter table rate_limits set unlogged;
