-- Articles (current state) and every revision of them, as consumed from newsroom.submissions and edited by the desk.

create table article (
    id                     uuid         primary key,
    -- number of the revision whose content the row holds
    revision               integer      not null,
    status                 varchar(16)  not null,
    -- Submission fields: scalars as columns, structured values as jsonb (exactly as submitted)
    headline               text         not null,
    subheadline            text,
    kicker                 text,
    genre                  varchar(16)  not null,
    language               varchar(64)  not null,
    body                   jsonb        not null,
    bylines                jsonb        not null,
    credit_line            text,
    source                 jsonb,
    section                text,
    tags                   jsonb        not null,
    media                  jsonb        not null,
    distribution           varchar(16)  not null,
    embargoed_until        timestamptz,
    -- the UTC offset (seconds) embargoedUntil was given in, so that it is returned as submitted
    embargoed_until_offset integer,
    slug                   varchar(120),
    -- wire format at ingest (json, markdown, ninjs) and, for ninjs, the document as received
    format                 varchar(16),
    original               jsonb,
    submitted_by           text         not null,
    submitted_at           timestamptz  not null,
    updated_at             timestamptz  not null,
    published_at           timestamptz,
    -- sort key of lists: publication time, or submission time before that
    listed_at              timestamptz  generated always as (coalesce(published_at, submitted_at)) stored,
    issue_id               uuid,
    issue_number           integer,
    issue_page             integer,
    correction_note        text,
    corrected_at           timestamptz,
    retraction_note        text,
    retracted_at           timestamptz,
    -- optimistic locking
    version                bigint       not null default 0,
    constraint article_status_check check (status in ('submitted', 'approved', 'rejected', 'published', 'corrected', 'retracted')),
    constraint article_distribution_check check (distribution in ('public', 'internal'))
);

create index article_listed_idx on article (listed_at desc, id desc);
create index article_status_listed_idx on article (status, listed_at desc, id desc);
create index article_submitted_by_idx on article (submitted_by, listed_at desc, id desc);
create index article_section_idx on article (section, listed_at desc, id desc);
create index article_issue_idx on article (issue_id);
create index article_bylines_idx on article using gin (bylines jsonb_path_ops);

create table article_revision (
    id                 bigint       generated always as identity primary key,
    article_id         uuid         not null references article (id),
    -- sequential per article, in the order revisions were stored
    number             integer      not null,
    -- CloudEvent id of the submission (editorial revisions get a generated id): the idempotency key
    event_id           varchar(255) not null,
    -- 'submission' (from newsroom.submissions) or 'edit' (PATCH by an editor)
    kind               varchar(16)  not null,
    -- the Submission of this revision
    content            jsonb        not null,
    format             varchar(16),
    original           jsonb,
    -- the revision number ingest-service expected (the event's "revision"); informative
    submitted_revision integer,
    author             text         not null,
    created_at         timestamptz  not null,
    note               text,
    constraint article_revision_event_id_key unique (event_id),
    constraint article_revision_number_key unique (article_id, number),
    constraint article_revision_kind_check check (kind in ('submission', 'edit'))
);
