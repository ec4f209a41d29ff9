-- Editorial desk: workflow transitions, issues (editions) and the transactional outbox of newsroom.issues.

create table article_transition (
    id          bigint       generated always as identity primary key,
    article_id  uuid         not null references article (id),
    -- approve | reject | correct | retract | publish
    action      varchar(16)  not null,
    from_status varchar(16)  not null,
    to_status   varchar(16)  not null,
    note        text,
    actor       text         not null,
    at          timestamptz  not null
);
create index article_transition_article_idx on article_transition (article_id, id);

create table issue (
    id                uuid         primary key,
    masthead          text         not null,
    number            integer      not null,
    issue_date        date         not null,
    distribution_note text,
    status            varchar(16)  not null,
    -- [{"number":1,"name":"要闻","placements":[{"articleId":"…","order":1}]}]
    pages             jsonb        not null,
    -- [{"kicker":"…","headline":"…","page":7}]
    teasers           jsonb        not null,
    -- when a scheduled issue is to be published
    publish_at        timestamptz,
    published_at      timestamptz,
    published_by      text,
    -- why the scheduler could not publish it (it went back to draft)
    publish_error     text,
    created_by        text         not null,
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null,
    listed_at         timestamptz  generated always as (coalesce(published_at, created_at)) stored,
    version           bigint       not null default 0,
    constraint issue_masthead_number_key unique (masthead, number),
    constraint issue_status_check check (status in ('draft', 'scheduled', 'published'))
);
create index issue_listed_idx on issue (status, listed_at desc, id desc);
create index issue_due_idx on issue (publish_at) where status = 'scheduled';

create table outbox (
    id           bigint       generated always as identity primary key,
    -- the CloudEvent id (ce_id): the same on every resend, so consumers deduplicate
    event_id     uuid         not null,
    -- the Kafka key: the issue id
    aggregate_id uuid         not null,
    type         text         not null,
    source       text         not null,
    subject      text,
    -- ce_time
    occurred_at  timestamptz  not null,
    -- the event's data, JSON, exactly as sent
    payload      text         not null,
    created_at   timestamptz  not null,
    sent_at      timestamptz,
    constraint outbox_event_id_key unique (event_id)
);
create index outbox_unsent_idx on outbox (id) where sent_at is null;
