-- Full-text search index of articles (reader extras). One row per article, written by the service in the same
-- transaction as every change of the article (ArticleChanged: content → re-tokenised; state → visibility copied).
--   words: smartcn word segmentation; grams: CJK bigrams + Latin words/numbers (fallback for names the dictionary
--   splits into single characters). Weights: A headline, B kicker/subheadline/tags/headings, C body/captions,
--   D bylines/credit line/source.
-- status/distribution/embargoed_until/submitted_by/section/sort_key are copies of the article's, so that candidates are
-- chosen from this narrow table alone; the final hits are checked against article itself (authoritative, at query time).
CREATE TABLE article_search (
    article_id      uuid        PRIMARY KEY REFERENCES article (id) ON DELETE CASCADE,
    -- the article revision the terms were built from (a reconciler re-indexes rows that fell behind)
    revision        integer     NOT NULL,
    status          varchar(16) NOT NULL,
    distribution    varchar(16) NOT NULL,
    embargoed_until timestamptz,
    submitted_by    text        NOT NULL,
    section         text,
    -- coalesce(published_at, submitted_at): newest candidates first
    sort_key        timestamptz NOT NULL,
    -- body blocks joined by newlines: the text snippets are cut from
    body_text       text        NOT NULL,
    words           tsvector    NOT NULL,
    grams           tsvector    NOT NULL,
    indexed_at      timestamptz NOT NULL DEFAULT now()
) WITH (toast_tuple_target = 128);

-- Keep the heap narrow (vectors and text out of line): choosing candidates reads only small tuples.
ALTER TABLE article_search ALTER COLUMN words SET STORAGE EXTERNAL;
ALTER TABLE article_search ALTER COLUMN grams SET STORAGE EXTERNAL;

CREATE INDEX article_search_words_idx ON article_search USING gin (words);
CREATE INDEX article_search_grams_idx ON article_search USING gin (grams);
-- newest first: for very common words PostgreSQL walks this index and stops after enough matches
CREATE INDEX article_search_sort_idx ON article_search (sort_key DESC, article_id DESC);
