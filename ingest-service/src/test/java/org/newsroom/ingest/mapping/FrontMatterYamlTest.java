package org.newsroom.ingest.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.newsroom.common.problem.ProblemException;

import com.fasterxml.jackson.databind.JsonNode;

/** Front matter is read as text only; what a hostile YAML document could do is refused before it happens. */
class FrontMatterYamlTest {

    private final FrontMatterYaml yaml = new FrontMatterYaml(10_000, 8, 1);

    @Test
    void everyScalarIsTextAsWritten() {
        JsonNode tree = yaml.read("headline: 1.50\nkicker: yes\ntags: [007, true, ~]\nslug: null\nsection: '~'\n");
        assertThat(tree.get("headline").textValue()).isEqualTo("1.50");
        assertThat(tree.get("kicker").textValue()).isEqualTo("yes");
        assertThat(tree.get("tags").toString()).isEqualTo("[\"007\",\"true\",null]");
        assertThat(tree.get("slug").isNull()).isTrue();
        assertThat(tree.get("section").textValue()).isEqualTo("~");
    }

    @Test
    void emptyFrontMatterIsNull() {
        assertThat(yaml.read("")).isNull();
        assertThat(yaml.read("# only a comment\n")).isNull();
    }

    @Test
    void anchorsAndAliasesAreRefused() {
        assertStatus("a: &x [1, 2]\nb: *x\n", 422);
        assertStatus("a: &x text\n", 422);
    }

    @Test
    void tagsOtherThanStrAreRefused() {
        assertStatus("headline: !!javax.script.ScriptEngineManager []\n", 422);
        assertStatus("headline: !custom x\n", 422);
        assertStatus("headline: !!binary aGk=\n", 422);
        assertThat(yaml.read("headline: !!str 123\n").get("headline").textValue()).isEqualTo("123");
    }

    @Test
    void deepNestingAndSizeAreLimited() {
        assertStatus("a: " + "[".repeat(9) + "]".repeat(9) + "\n", 422);
        assertStatus("headline: " + "长".repeat(10_001) + "\n", 422);
    }

    @Test
    void syntaxErrorsAndDuplicatesAre400() {
        assertStatus("headline: [unclosed\n", 400);
        assertStatus("headline: a\nheadline: b\n", 400);
        assertStatus("? [complex]\n: key\n", 422);
        assertStatus("a: 1\n---\nb: 2\n", 422);
    }

    private void assertStatus(String document, int status) {
        assertThatThrownBy(() -> yaml.read(document)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.problem().status()).as(e.problem().toString()).isEqualTo(status));
    }
}
