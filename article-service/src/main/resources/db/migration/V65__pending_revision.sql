-- A reporter's revision that arrived after its article was published (a PUT that raced with the issue's
-- publication): stored in article_revision, not current, shown to editors and the author until an editor adopts it
-- with a correction or retracts the article.
alter table article add column pending_revision integer;
