-- PHO-4: each pending check is now a job on the service's job queue (libs/jobs, schema jobs), which claims, retries
-- with backoff and takes over jobs of dead instances; the check row keeps the status, the provider calls and the
-- last error. Checks pending at upgrade get their job when the service starts.
drop index identity_check_due;
alter table identity_check drop column next_attempt_at;
-- the status API and the start-up look for pending checks
create index identity_check_pending on identity_check (candidate_id) where status = 'PENDING';
