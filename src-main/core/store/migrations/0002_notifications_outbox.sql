CREATE TABLE `notifications_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`channel` text NOT NULL,
	`event` text NOT NULL,
	`rate_key` text NOT NULL,
	`status` text NOT NULL,
	`message` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text,
	`last_error` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`sent_at` text
);
--> statement-breakpoint
CREATE INDEX `notifications_outbox_due_idx` ON `notifications_outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `notifications_outbox_rate_idx` ON `notifications_outbox` (`channel`,`rate_key`,`created_at`);--> statement-breakpoint
CREATE INDEX `notifications_outbox_created_idx` ON `notifications_outbox` (`created_at`);