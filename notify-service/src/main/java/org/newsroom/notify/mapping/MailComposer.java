package org.newsroom.notify.mapping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsroom.contracts.issue.IssuePublished;
import org.newsroom.notify.config.NotifyConfig;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MailTemplate;
import io.quarkus.qute.CheckedTemplate;

/**
 * Turns an issue into the alert mail and writes opt-in mails: text and HTML parts rendered by the Mailer's Qute
 * templates ({@code templates/MailComposer/*.txt|html}; the HTML variant escapes every value), Chinese subject,
 * unsubscribe headers.
 */
@ApplicationScoped
public class MailComposer {

    /** The mail templates: each has a text/plain ({@code .txt}) and a text/html ({@code .html}) variant. */
    @CheckedTemplate
    static class Templates {
        static native MailTemplate.MailTemplateInstance alert(String title, String issueUrl, List<ArticleLine> articles,
                List<IssuePublished.Teaser> teasers, String distributionNote, String unsubscribeUrl);

        static native MailTemplate.MailTemplateInstance confirmation(String subject, String masthead, String scope,
                String confirmUrl);
    }

    /** One line of the alert's table of contents: headline, link (may be null) and where it is (page, section). */
    public record ArticleLine(String headline, String url, String where) {
    }

    public static final String LIST_UNSUBSCRIBE = "List-Unsubscribe";
    public static final String LIST_UNSUBSCRIBE_POST = "List-Unsubscribe-Post";
    public static final String ONE_CLICK = "List-Unsubscribe=One-Click";

    private final NotifyConfig config;

    public MailComposer(NotifyConfig config) {
        this.config = config;
    }

    public String unsubscribeUrl(String token) {
        return base() + "/unsubscribe/" + token;
    }

    public String confirmUrl(String token) {
        return base() + "/api/v1/subscriptions/confirm/" + token;
    }

    private String base() {
        return config.publicUrl().replaceAll("/+$", "");
    }

    /** The subject of an issue's alert, e.g. {@code 《徐汇报》第1234期已出版（2024-12-20）}. */
    public String subject(IssuePublished issue) {
        return "《" + masthead(issue) + "》第" + issue.number() + "期已出版"
                + (issue.date() == null ? "" : "（" + issue.date() + "）");
    }

    /** The alert of one issue for one subscriber (articles limited to the subscriber's sections, if any). */
    public MailTemplate.MailTemplateInstance alert(String to, IssuePublished issue, String[] sections,
            String unsubscribeToken) {
        String unsubscribe = unsubscribeUrl(unsubscribeToken);
        String title = subject(issue);
        List<ArticleLine> articles = articles(issue, sections).stream()
                .map(a -> new ArticleLine(a.headline(), a.url(),
                        "第" + a.page() + "版" + (a.section() == null ? "" : " " + a.section())))
                .toList();
        List<IssuePublished.Teaser> teasers = issue.teasers() == null ? List.of() : issue.teasers();
        return Templates.alert(title, issue.url(), articles, teasers, issue.distributionNote(), unsubscribe)
                .mail(mail(to, title, unsubscribe, unsubscribeToken));
    }

    /** The double opt-in mail with the confirmation link. */
    public MailTemplate.MailTemplateInstance confirmation(String to, String confirmToken, String unsubscribeToken,
            String[] sections) {
        String scope = sections == null || sections.length == 0 ? "全部版面" : String.join("、", sections);
        String subject = "请确认订阅《" + config.defaultMasthead() + "》新刊提醒";
        return Templates.confirmation(subject, config.defaultMasthead(), scope, confirmUrl(confirmToken))
                .mail(mail(to, subject, unsubscribeUrl(unsubscribeToken), unsubscribeToken));
    }

    private Mail mail(String to, String subject, String unsubscribeUrl, String unsubscribeToken) {
        Mail mail = new Mail().addTo(to).setSubject(subject);
        mail.addHeader(LIST_UNSUBSCRIBE, listUnsubscribe(unsubscribeUrl, unsubscribeToken));
        mail.addHeader(LIST_UNSUBSCRIBE_POST, ONE_CLICK);
        return mail;
    }

    private String listUnsubscribe(String url, String token) {
        return config.unsubscribeMailto().filter(m -> !m.isBlank())
                .map(mailto -> "<" + url + ">, <mailto:" + mailto.trim() + "?subject=unsubscribe%20" + token + ">")
                .orElse("<" + url + ">");
    }

    private String masthead(IssuePublished issue) {
        return issue.masthead() == null || issue.masthead().isBlank() ? config.defaultMasthead() : issue.masthead();
    }

    private static List<IssuePublished.Article> articles(IssuePublished issue, String[] sections) {
        List<IssuePublished.Article> all = issue.articles() == null ? List.of() : new ArrayList<>(issue.articles());
        if (sections != null && sections.length > 0) {
            Set<String> wanted = Set.copyOf(Arrays.asList(sections));
            List<IssuePublished.Article> matching = all.stream()
                    .filter(a -> a.section() != null && wanted.contains(a.section())).toList();
            if (!matching.isEmpty()) {
                all = new ArrayList<>(matching);
            }
        }
        all.sort(Comparator.comparingInt(IssuePublished.Article::page));
        return all;
    }
}
