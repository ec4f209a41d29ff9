-- A photo's public state (caption, credit, renditions) is announced on newsroom.photos after it changes: changed_at
-- is set by the change, announced_at by the announcer once the broker has that state. A crash in between leaves the
-- photo due, and it is announced again (the topic is compacted: the latest record of a photo is its state).
alter table photo add column changed_at timestamptz;
alter table photo add column announced_at timestamptz;
create index photo_unannounced_idx on photo (changed_at)
    where changed_at is not null and (announced_at is null or announced_at < changed_at);
