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

/** Turns an issue into the alert mail (Chinese text and HTML parts, unsubscribe headers) and writes opt-in mails. */
@ApplicationScoped
public class MailComposer {

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
    public Mail alert(String to, IssuePublished issue, String[] sections, String unsubscribeToken) {
        String unsubscribe = unsubscribeUrl(unsubscribeToken);
        List<IssuePublished.Article> articles = articles(issue, sections);
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        String title = subject(issue);
        text.append(title).append("\n");
        html.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>")
                .append(escape(title)).append("</title></head><body>\n<h1>").append(escape(title)).append("</h1>\n");
        if (issue.url() != null) {
            text.append("阅读本期：").append(issue.url()).append("\n");
            html.append("<p><a href=\"").append(escape(issue.url())).append("\">阅读本期</a></p>\n");
        }
        if (!articles.isEmpty()) {
            text.append("\n本期要目\n");
            html.append("<h2>本期要目</h2>\n<ul>\n");
            for (IssuePublished.Article article : articles) {
                String where = "第" + article.page() + "版" + (article.section() == null ? "" : " " + article.section());
                text.append("· ").append(article.headline()).append("（").append(where).append("）");
                if (article.url() != null) {
                    text.append("\n  ").append(article.url());
                }
                text.append("\n");
                html.append("<li>");
                if (article.url() != null) {
                    html.append("<a href=\"").append(escape(article.url())).append("\">")
                            .append(escape(article.headline())).append("</a>");
                } else {
                    html.append(escape(article.headline()));
                }
                html.append(" <small>").append(escape(where)).append("</small></li>\n");
            }
            html.append("</ul>\n");
        }
        if (issue.teasers() != null && !issue.teasers().isEmpty()) {
            text.append("\n导读\n");
            html.append("<h2>导读</h2>\n<ul>\n");
            for (IssuePublished.Teaser teaser : issue.teasers()) {
                String kicker = teaser.kicker() == null || teaser.kicker().isEmpty() ? "" : teaser.kicker() + " —— ";
                text.append("· ").append(kicker).append(teaser.headline()).append("（第").append(teaser.page())
                        .append("版）\n");
                html.append("<li>");
                if (!kicker.isEmpty()) {
                    html.append("<em>").append(escape(teaser.kicker())).append("</em> ");
                }
                html.append(escape(teaser.headline())).append(" <small>第").append(teaser.page())
                        .append("版</small></li>\n");
            }
            html.append("</ul>\n");
        }
        if (issue.distributionNote() != null) {
            text.append("\n").append(issue.distributionNote()).append("\n");
            html.append("<p><small>").append(escape(issue.distributionNote())).append("</small></p>\n");
        }
        text.append("\n——\n您收到此邮件是因为订阅了新刊提醒。退订：").append(unsubscribe).append("\n");
        html.append("<hr><p><small>您收到此邮件是因为订阅了新刊提醒。<a href=\"").append(escape(unsubscribe))
                .append("\">退订</a></small></p>\n</body></html>\n");
        Mail mail = Mail.withText(to, title, text.toString()).setHtml(html.toString());
        mail.addHeader(LIST_UNSUBSCRIBE, listUnsubscribe(unsubscribe, unsubscribeToken));
        mail.addHeader(LIST_UNSUBSCRIBE_POST, ONE_CLICK);
        return mail;
    }

    /** The double opt-in mail with the confirmation link. */
    public Mail confirmation(String to, String confirmToken, String unsubscribeToken, String[] sections) {
        String link = confirmUrl(confirmToken);
        String unsubscribe = unsubscribeUrl(unsubscribeToken);
        String scope = sections == null || sections.length == 0 ? "全部版面" : String.join("、", sections);
        String subject = "请确认订阅《" + config.defaultMasthead() + "》新刊提醒";
        String text = "您好！\n\n有人（希望是您）用此邮箱订阅了《" + config.defaultMasthead() + "》的新刊提醒（" + scope + "）。\n"
                + "请打开以下链接确认订阅：\n" + link + "\n\n如果不是您本人操作，请忽略此邮件，您不会收到任何提醒。\n";
        String html = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>" + escape(subject)
                + "</title></head><body><p>您好！</p><p>有人（希望是您）用此邮箱订阅了《" + escape(config.defaultMasthead())
                + "》的新刊提醒（" + escape(scope) + "）。</p><p><a href=\"" + escape(link) + "\">确认订阅</a></p>"
                + "<p><small>如果不是您本人操作，请忽略此邮件，您不会收到任何提醒。</small></p></body></html>\n";
        Mail mail = Mail.withText(to, subject, text).setHtml(html);
        mail.addHeader(LIST_UNSUBSCRIBE, listUnsubscribe(unsubscribe, unsubscribeToken));
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

    /** HTML text and attribute escaping. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
