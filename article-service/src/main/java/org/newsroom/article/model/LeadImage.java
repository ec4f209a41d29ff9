package org.newsroom.article.model;

/**
 * The lead image of an article, one rendition of its first photo with known renditions: what feeds enclose and the
 * issue announcement carries.
 */
public record LeadImage(String url, int width, int height, String contentType, String caption, String credit) {
}
