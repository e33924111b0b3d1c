CREATE TABLE `erase_tombstones` (
	`profile_hash` text NOT NULL,
	`type` text NOT NULL,
	`dedupe_key` text NOT NULL,
	`erased_at` text NOT NULL,
	PRIMARY KEY(`profile_hash`, `type`, `dedupe_key`)
);
