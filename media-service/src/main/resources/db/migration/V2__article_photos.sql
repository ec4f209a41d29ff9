-- Which article (latest revision) uses which photo, learnt from newsroom.submissions.
create table article_photo (
    article_id uuid not null,
    photo_id   uuid not null,
    revision   integer not null,
    primary key (article_id, photo_id)
);
create index article_photo_photo on article_photo (photo_id);

-- Articles readers may read, learnt from newsroom.issues (only public articles are listed there).
create table public_article (
    article_id   uuid primary key,
    published_at timestamptz not null
);
