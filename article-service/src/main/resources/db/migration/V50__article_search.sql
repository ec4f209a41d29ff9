-- Full-text search index of articles (reader extras). One row per article, written by the service in the same
-- transaction as every change of the article's content (new revision, patch), so the index never lags behind.
--   words: smartcn word segmentation; grams: CJK bigrams + Latin words/numbers (fallback for names the dictionary
--   splits into single characters). Weights: A headline, B kicker/subheadline/tags/headings, C body/captions,
--   D bylines/credit line/source.
-- Who may find a row is decided at query time by joining article (status, distribution, embargo against now()).
CREATE TABLE article_search (
    article_id uuid        PRIMARY KEY REFERENCES article (id) ON DELETE CASCADE,
    -- the article revision the row was built from (a reconciler re-indexes rows whose revision is behind)
    revision   integer     NOT NULL,
    -- body blocks joined by newlines: the text snippets are cut from
    body_text  text        NOT NULL,
    words      tsvector    NOT NULL,
    grams      tsvector    NOT NULL,
    indexed_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX article_search_words_idx ON article_search USING gin (words);
CREATE INDEX article_search_grams_idx ON article_search USING gin (grams);
