package org.newsroom.article.ninjs.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.newsroom.article.domain.Article;
import org.newsroom.article.mapping.ArticleMapper;
import org.newsroom.article.ninjs.config.NinjsConfig;
import org.newsroom.article.ninjs.mapping.NinjsMapper;
import org.newsroom.article.service.ArticleReadModel;
import org.newsroom.article.service.Viewer;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.MeterRegistry;

/** Serves an article as IPTC ninjs 3.1 under exactly the visibility rules of its JSON representation. */
@ApplicationScoped
public class NinjsService {

    @Inject
    ArticleReadModel readModel;

    @Inject
    ArticleMapper mapper;

    @Inject
    NinjsConfig config;

    @Inject
    MeterRegistry registry;

    /**
     * The ninjs document of an article the viewer may read.
     *
     * @throws org.newsroom.common.problem.ProblemException 404, 403 or 410 exactly as the JSON representation
     */
    @Transactional
    public ObjectNode ninjs(UUID id, Viewer viewer) {
        Article article = readModel.requireReadable(id, viewer);
        ObjectNode doc = NinjsMapper.toNinjs(mapper.toView(article), mapper.articleUrl(article.id),
                mapper.original(article), new NinjsMapper.Rights(config.copyrightHolder(), config.copyrightNotice()));
        registry.counter("newsroom.article.ninjs.served").increment();
        return doc;
    }
}
