package org.newsroom.article.service;

import java.util.List;

/** One page of a keyset-paginated list and the cursor of the next page (null on the last page). */
public record Page<T>(List<T> items, String next) {
}
