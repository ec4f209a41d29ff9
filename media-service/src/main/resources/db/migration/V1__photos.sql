-- Photos whose original is stored in the bucket, with the metadata the desk edits.
create table photo (
    id              uuid primary key,
    uploaded_by     text        not null,
    idempotency_key text,
    content_type    text        not null,
    original_key    text        not null,
    sha256          text        not null,
    size_bytes      bigint      not null,
    width           integer     not null,
    height          integer     not null,
    caption         text,
    credit          text,
    byline          text,
    copyright       text,
    taken_at        timestamptz,
    public_since    timestamptz,
    uploaded_at     timestamptz not null,
    constraint photo_idempotency unique (uploaded_by, idempotency_key)
);

-- Public renditions; object_key is content-addressed (sha-256 of the encoded bytes).
create table rendition (
    photo_id   uuid    not null references photo (id),
    width      integer not null,
    height     integer not null,
    sha256     text    not null,
    size_bytes bigint  not null,
    primary key (photo_id, width)
);
create index rendition_sha256 on rendition (sha256);
