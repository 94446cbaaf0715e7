/** A channel's scheduled spend digest. */
export interface DigestSubscription {
  id: string;
  channel_id: string;
  /** Cron expression. */
  schedule: string;
  /** IANA time zone the schedule is read in. */
  timezone: string;
  /** Projects to include; `null` means every project. */
  project_ids: string[] | null;
  muted_sections: string[];
  created_by: string;
  created_at: number;
}
