-- Keys that sign candidate access tokens. The private key is sealed like personal data (AES-GCM, key id
-- kept with it). Every key not retired is in the JWKS, so rotating signs new tokens with the new key while
-- tokens signed before stay valid until they expire: nobody is logged out.
create table signing_key (
    kid            varchar(64)  primary key,
    public_jwk     text         not null,
    private_key    bytea        not null,
    sealed_with    varchar(64)  not null,
    created_at     timestamptz  not null default now(),
    retired_at     timestamptz
);

-- Refresh tokens: only their hash is stored. Each use replaces the token with a new one of the same
-- family; presenting a replaced token again means it was stolen, and the whole family is revoked.
create table refresh_token (
    id           uuid         primary key,
    family_id    uuid         not null,
    candidate_id uuid         not null,
    token_hash   char(64)     not null unique,
    issued_at    timestamptz  not null,
    expires_at   timestamptz  not null,
    replaced_at  timestamptz,
    revoked_at   timestamptz
);
create index refresh_token_family on refresh_token (family_id);
create index refresh_token_candidate on refresh_token (candidate_id) where revoked_at is null;
