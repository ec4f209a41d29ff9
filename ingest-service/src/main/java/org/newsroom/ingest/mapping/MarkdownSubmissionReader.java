package org.newsroom.ingest.mapping;

import java.io.IOException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.newsroom.common.problem.ProblemException;
import org.newsroom.contracts.article.BodyBlock;
import org.newsroom.contracts.article.Storable;
import org.newsroom.contracts.article.Submission;
import org.newsroom.contracts.article.SubmissionFormat;
import org.newsroom.ingest.config.IngestConfig;
import org.newsroom.ingest.domain.ParsedSubmission;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads a {@code text/markdown} submission: YAML front matter between {@code ---} lines holding the Submission's
 * fields except {@code body}, then the Markdown body (see {@link TextBlocks#markdown}).
 */
@ApplicationScoped
public class MarkdownSubmissionReader {

    private static final char BOM = '\uFEFF';

    private final ObjectMapper mapper;
    private final ObjectReader reader;
    private final int maxFrontMatterChars;
    private final int maxFrontMatterDepth;

    @Inject
    public MarkdownSubmissionReader(ObjectMapper mapper, IngestConfig config) {
        this(mapper, config.markdown().maxFrontMatterChars(), config.markdown().maxFrontMatterDepth());
    }

    public MarkdownSubmissionReader(ObjectMapper mapper, int maxFrontMatterChars, int maxFrontMatterDepth) {
        this.mapper = mapper;
        this.reader = mapper.readerFor(Submission.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.maxFrontMatterChars = maxFrontMatterChars;
        this.maxFrontMatterDepth = maxFrontMatterDepth;
    }

    public ParsedSubmission read(byte[] body) throws IOException {
        String text = Utf8.decode(body);
        if (text.isEmpty()) {
            throw ProblemException.badRequest("The request body is empty");
        }
        if (text.charAt(0) == BOM) {
            text = text.substring(1);
        }
        int firstEnd = lineEnd(text, 0);
        if (!isFence(text.substring(0, firstEnd), false)) {
            throw ProblemException.unprocessable("frontMatter",
                    "a Markdown submission starts with YAML front matter between '---' lines");
        }
        int yamlStart = next(text, firstEnd);
        int position = yamlStart;
        int closing = -1;
        while (position < text.length()) {
            int end = lineEnd(text, position);
            if (isFence(text.substring(position, end), true)) {
                closing = position;
                break;
            }
            position = next(text, end);
        }
        if (closing < 0) {
            throw ProblemException.unprocessable("frontMatter", "the front matter has no closing '---' line");
        }
        String yaml = text.substring(yamlStart, closing);
        String markdown = text.substring(next(text, lineEnd(text, closing)));

        JsonNode front = new FrontMatterYaml(maxFrontMatterChars, maxFrontMatterDepth, 1).read(yaml);
        ObjectNode fields;
        if (front == null || front.isNull()) {
            fields = mapper.createObjectNode();
        } else if (front instanceof ObjectNode object) {
            fields = object;
        } else {
            throw ProblemException.unprocessable("frontMatter", "must be a YAML mapping of Submission fields");
        }
        if (fields.has("body")) {
            throw ProblemException.unprocessable("body", "the body is the Markdown after the front matter, not a front matter field");
        }
        String unstorable = Storable.text(markdown);
        if (unstorable != null) {
            // CommonMark would turn U+0000 into U+FFFD: refuse it rather than store other text than was sent.
            throw ProblemException.unprocessable("body", unstorable);
        }
        List<BodyBlock> blocks = TextBlocks.markdown(markdown);
        fields.set("body", mapper.valueToTree(blocks));
        Submission submission = reader.readValue(fields);
        return new ParsedSubmission(Nfc.submission(submission), SubmissionFormat.MARKDOWN, null);
    }

    /** {@code ---} (or, closing only, {@code ...}), optionally followed by spaces or tabs. */
    private static boolean isFence(String line, boolean closing) {
        String fence = line.startsWith("---") ? "---" : closing && line.startsWith("...") ? "..." : null;
        return fence != null && TextBlocks.isBlank(line.substring(3));
    }

    /** Index of the line terminator ({@code \r\n} or {@code \n}) of the line starting at {@code from}, or the text's end. */
    private static int lineEnd(String text, int from) {
        int newline = text.indexOf('\n', from);
        if (newline < 0) {
            return text.length();
        }
        return newline > from && text.charAt(newline - 1) == '\r' ? newline - 1 : newline;
    }

    /** Start of the line after the terminator at {@code end}. */
    private static int next(String text, int end) {
        if (end >= text.length()) {
            return text.length();
        }
        return text.charAt(end) == '\r' ? Math.min(end + 2, text.length()) : end + 1;
    }
}
