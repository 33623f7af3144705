-- OPS-3 the review desk's queue: a bureau's reviews by status, oldest first (a roster bureau's reviews carry no bureau:
-- they are the default bureau's, queried as "bureau is null").
create index manual_review_by_bureau on manual_review (bureau, status, requested_at);
