-- The public state of the photo desk's photos, as media-service announces it on the compacted topic newsroom.photos
-- (news.photo.updated, key = photo id): a read-only copy that article representations, ninjs, feeds and the issue
-- announcement join to the media items that reference a photo by id. media-service owns the photos; this table only
-- ever holds the latest state it announced (a record with an older or equal updated_at changes nothing, so replays
-- and redeliveries are harmless).
create table photo (
    id uuid primary key,
    width integer not null,
    height integer not null,
    caption text,
    credit text,
    byline text,
    -- JSON array of the names in the credit (PhotoUpdated.photographers)
    photographers jsonb not null default '[]',
    -- JSON array of {url, width, height, contentType}, the public renditions
    renditions jsonb not null,
    -- media-service's time of this state: orders the announcements of one photo
    updated_at timestamptz not null,
    -- when this copy was last written
    stored_at timestamptz not null
);
