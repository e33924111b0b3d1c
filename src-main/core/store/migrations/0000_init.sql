CREATE TABLE `app_state` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `campaign_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`trigger` text NOT NULL,
	`dry_run` integer NOT NULL,
	`status` text NOT NULL,
	`counts` text NOT NULL,
	`error_code` text,
	`error_message` text,
	`started_at` text NOT NULL,
	`finished_at` text
);
--> statement-breakpoint
CREATE INDEX `campaign_runs_started_at_idx` ON `campaign_runs` (`started_at`);--> statement-breakpoint
CREATE INDEX `campaign_runs_status_idx` ON `campaign_runs` (`status`);--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`profile_url` text NOT NULL,
	`public_id` text,
	`full_name` text NOT NULL,
	`first_name` text,
	`last_name` text,
	`headline` text,
	`location` text,
	`company` text,
	`birth_month` integer,
	`birth_day` integer,
	`source` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`notes` text,
	`score` integer,
	`score_breakdown` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`last_seen_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contacts_profile_url_unique` ON `contacts` (`profile_url`);--> statement-breakpoint
CREATE INDEX `contacts_birthday_idx` ON `contacts` (`birth_month`,`birth_day`);--> statement-breakpoint
CREATE INDEX `contacts_status_idx` ON `contacts` (`status`);--> statement-breakpoint
CREATE INDEX `contacts_created_at_idx` ON `contacts` (`created_at`);--> statement-breakpoint
CREATE INDEX `contacts_full_name_idx` ON `contacts` (`full_name`);--> statement-breakpoint
CREATE INDEX `contacts_score_idx` ON `contacts` (`score`);--> statement-breakpoint
CREATE TABLE `interactions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contact_id` integer NOT NULL,
	`run_id` integer,
	`type` text NOT NULL,
	`status` text NOT NULL,
	`dedupe_key` text NOT NULL,
	`payload` text NOT NULL,
	`occurred_at` text NOT NULL,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`run_id`) REFERENCES `campaign_runs`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `interactions_once_unique` ON `interactions` (`contact_id`,`type`,`dedupe_key`) WHERE status in ('sent', 'pending');--> statement-breakpoint
CREATE INDEX `interactions_contact_type_idx` ON `interactions` (`contact_id`,`type`);--> statement-breakpoint
CREATE INDEX `interactions_type_occurred_idx` ON `interactions` (`type`,`occurred_at`);--> statement-breakpoint
CREATE TABLE `quota_ledger` (
	`quota` text NOT NULL,
	`window_key` text NOT NULL,
	`used` integer DEFAULT 0 NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`quota`, `window_key`)
);
--> statement-breakpoint
CREATE TABLE `selectors` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`target` text NOT NULL,
	`locator` text NOT NULL,
	`locale` text,
	`priority` integer DEFAULT 0 NOT NULL,
	`successes` integer DEFAULT 0 NOT NULL,
	`failures` integer DEFAULT 0 NOT NULL,
	`last_success_at` text,
	`last_failure_at` text,
	`origin` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `selectors_target_locator_unique` ON `selectors` (`target`,`locator`);--> statement-breakpoint
CREATE INDEX `selectors_last_success_idx` ON `selectors` (`last_success_at`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text NOT NULL
);
