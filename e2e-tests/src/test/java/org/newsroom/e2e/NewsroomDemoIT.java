package org.newsroom.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.newsroom.stack.LocalStack;
import org.newsroom.stack.StackConfig;

/**
 * {@code ./newsroom demo} against a running stack: the seed stories are submitted, approved, placed on the front page
 * of an issue and published, and a local webhook subscriber receives the signed alert.
 */
class NewsroomDemoIT {

    @Test
    void demoPublishesTheSeedIssueAndALocalSubscriberGetsTheAlert() throws Exception {
        LocalStack stack = E2eStack.get();
        StackConfig config = stack.config();
        Path output = Files.createTempFile("newsroom-demo-", ".log");
        ProcessBuilder demo = new ProcessBuilder(E2eStack.projectDir().resolve("newsroom").toString(), "demo")
                .directory(E2eStack.projectDir().toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
        demo.environment().put("NEWSROOM_HOME", config.home().toString());
        demo.environment().put("NEWSROOM_SKIP_BUILD", "1");
        demo.environment().put("NEWSROOM_INGEST_PORT", Integer.toString(config.ingestPort()));
        demo.environment().put("NEWSROOM_ARTICLE_PORT", Integer.toString(config.articlePort()));
        demo.environment().put("NEWSROOM_NOTIFY_PORT", Integer.toString(config.notifyPort()));
        demo.environment().put("NEWSROOM_SHARED_DIR", E2eStack.sharedDir().toString());
        Process process = demo.start();
        boolean finished = process.waitFor(300, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        Files.deleteIfExists(output);

        assertThat(finished).as(text).isTrue();
        assertThat(process.exitValue()).as(text).isZero();
        assertThat(text).contains("6. published", "全球人工智能领域专家学者聚在徐汇", "\"type\" : \"issue.published\"",
                "webhook-signature");
        assertThat(text).contains("publishing refused as it should be");
    }
}
