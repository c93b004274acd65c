package dev.aiscan.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.graph.internal.GraphSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/graph-model.md stays true to the code: every label, type and question, Cypher included. */
class GraphModelDocTest {
  private static final Path DOC = Path.of("../docs/graph-model.md");

  @Test
  void everyQuestionIsDocumentedWithItsCypher() throws Exception {
    String doc = Files.readString(DOC);
    for (GraphQuestions.Question q : GraphQuestions.ALL) {
      assertThat(doc).as(q.name()).contains("### `" + q.name() + "`");
      assertThat(doc).as(q.name()).contains("```cypher\n" + q.cypher().strip() + "\n```");
    }
  }

  @Test
  void everyLabelAndRelationshipTypeIsDescribed() throws Exception {
    String doc = Files.readString(DOC);
    GraphSchema.NODE_LABELS.forEach(l -> assertThat(doc).as(l).contains("`" + l + "`"));
    GraphSchema.RELATIONSHIP_TYPES.forEach(t -> assertThat(doc).as(t).contains("[:" + t));
  }
}
