-- The roster as enrollment needs it (ENR-3 prefill), projected from account.events through the inbox:
-- RosterEntryImported -> roster_entry, CandidateRegistered -> candidate. Never the full ID number: only the
-- keyed hash account-service computed (to match) and the masked form (to show). The name is sealed with this
-- service's own key (AES-256-GCM, key id beside it), since the wizard shows it and photo checks need it.
create table roster_entry (
    roster_entry_id  uuid         primary key,
    exam_code        varchar(64)  not null,
    id_type          varchar(32)  not null,
    id_number_hash   varchar(64)  not null,
    id_number_masked varchar(64)  not null,
    name_key_id      varchar(32)  not null,
    name_sealed      bytea        not null,
    candidate_type   varchar(32)  not null,
    college_code     varchar(64)  not null,
    college_name     varchar(200) not null,
    major_code       varchar(64)  not null,
    major_name       varchar(200) not null,
    -- occurredAt of the event that wrote the row: an older event arriving late never overwrites a newer one
    source_occurred_at timestamptz not null,
    updated_at       timestamptz  not null
);
create index roster_entry_identity on roster_entry (exam_code, id_type, id_number_hash);

create table candidate (
    candidate_id     uuid         primary key,
    -- null for open registration (Shanghai); the roster entry may arrive after the candidate (other partition)
    roster_entry_id  uuid,
    exam_code        varchar(64),
    id_type          varchar(32)  not null,
    id_number_hash   varchar(64)  not null,
    id_number_masked varchar(64)  not null,
    registered_at    timestamptz  not null,
    created_at       timestamptz  not null
);
create index candidate_roster_entry on candidate (roster_entry_id);
