package dev.aiscan.register.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiscan.core.model.Asset;
import dev.aiscan.core.model.AssetStatus;
import dev.aiscan.core.model.Category;
import dev.aiscan.core.model.Finding;
import dev.aiscan.core.model.Location;
import dev.aiscan.core.model.Target;
import dev.aiscan.core.register.RegisterEntry.RiskLevel;
import dev.aiscan.testkit.FixtureTree;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RiskAdvisorTest {
  @TempDir Path dir;

  private Target target() {
    return SeedFixtures.source(dir);
  }

  private Finding sdk(String provider, String file) {
    return SeedFixtures.finding(
        provider + "-import",
        provider,
        Category.SDK,
        target(),
        Location.file(file, 1),
        "import " + provider,
        null);
  }

  private RiskSuggestion suggest(String provider, String... files) {
    List<Finding> findings = java.util.Arrays.stream(files).map(f -> sdk(provider, f)).toList();
    Asset asset =
        SeedFixtures.asset(
            "a-" + provider,
            provider,
            "ai-integration",
            target(),
            findings,
            AssetStatus.SHADOW,
            null);
    return RiskAdvisor.suggest(List.of(asset), findings, dir);
  }

  @Test
  void hiringScreeningIsHigh() {
    FixtureTree.in(dir)
        .file(
            "jobs/screen.py",
            """
            from openai import OpenAI

            client = OpenAI()

            def rank_applicants(posting, applicants):
                \"\"\"Shortlists applicants: the top ten resumes go to the hiring manager.\"\"\"
                scores = []
                for applicant in applicants:
                    reply = client.chat.completions.create(
                        model="gpt-4o",
                        messages=[{"role": "user", "content": posting.requirements + applicant.cv_text}],
                    )
                    scores.append((float(reply.choices[0].message.content), applicant.email))
                return sorted(scores, reverse=True)[:10]
            """);

    RiskSuggestion risk = suggest("openai", "jobs/screen.py");

    assertThat(risk.level()).isEqualTo(RiskLevel.HIGH);
    assertThat(risk.reasons())
        .containsExactly(
            "decision domain: hiring (applicant, cv, hiring, resume in jobs/screen.py)",
            "personal data indicators (email in jobs/screen.py)",
            "sends data to a third-party AI API (openai)",
            "generative AI (openai)");
  }

  @Test
  void patientDataIsPersonalAndAHealthDecisionDomain() {
    FixtureTree.in(dir)
        .file(
            "clinic/triage.ts",
            """
            import Anthropic from "@anthropic-ai/sdk";

            interface PatientRecord {
              patientId: string;
              fullName: string;
              dateOfBirth: string;
              phoneNumber: string;
              symptoms: string[];
            }

            export async function suggestDiagnosis(record: PatientRecord): Promise<string> {
              const client = new Anthropic();
              const msg = await client.messages.create({
                model: "claude-3-5-sonnet-20241022",
                max_tokens: 300,
                messages: [{ role: "user", content: record.symptoms.join(", ") }],
              });
              return msg.content[0].type === "text" ? msg.content[0].text : "";
            }
            """);

    RiskSuggestion risk = suggest("anthropic", "clinic/triage.ts");

    assertThat(risk.level()).isEqualTo(RiskLevel.HIGH);
    assertThat(risk.reasons())
        .containsExactly(
            "decision domain: health (diagnosis, patient, symptom, triage in clinic/triage.ts)",
            "personal data indicators (date of birth, diagnosis, patient, phone in"
                + " clinic/triage.ts)",
            "sends data to a third-party AI API (anthropic)",
            "generative AI (anthropic)");
  }

  @Test
  void aPlainChatbotIsLimitedBecauseItUsesAThirdPartyApi() {
    FixtureTree.in(dir)
        .file(
            "bot/chat.py",
            """
            from openai import OpenAI

            client = OpenAI()
            history = [{"role": "system", "content": "You are a friendly assistant for our wiki."}]

            def ask(question: str) -> str:
                history.append({"role": "user", "content": question})
                reply = client.chat.completions.create(model="gpt-4o-mini", messages=history)
                answer = reply.choices[0].message.content
                history.append({"role": "assistant", "content": answer})
                return answer
            """);

    RiskSuggestion risk = suggest("openai", "bot/chat.py");

    assertThat(risk)
        .isEqualTo(
            new RiskSuggestion(
                RiskLevel.LIMITED,
                List.of("sends data to a third-party AI API (openai)", "generative AI (openai)")));
  }

  @Test
  void aSelfHostedModelWithNothingSensitiveIsMinimal() {
    FixtureTree.in(dir)
        .file(
            "forecast/train.py",
            """
            import torch

            model = torch.nn.Linear(24, 1)
            optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
            """);

    RiskSuggestion risk = suggest("pytorch", "forecast/train.py");

    assertThat(risk)
        .isEqualTo(
            new RiskSuggestion(
                RiskLevel.MINIMAL,
                List.of(
                    "predictive ML (pytorch)",
                    "no third-party AI API, personal data or high-risk decision domain found")));
  }

  @Test
  void wordsMatchOnWordBoundariesOnly() {
    FixtureTree.in(dir)
        .file(
            "net/server.py",
            """
            import ollama

            bind_address = "0.0.0.0"
            ipAddress = request.remote_addr
            emailer_enabled = False  # the emailer is off
            stream.resumeReading()
            addressable = True
            patiently = 3
            def healthcheck(): return "ok"
            """);

    RiskSuggestion risk = suggest("ollama", "net/server.py");

    assertThat(risk.level()).isEqualTo(RiskLevel.MINIMAL);
    assertThat(risk.reasons()).noneMatch(r -> r.startsWith("personal data"));
    assertThat(risk.reasons()).noneMatch(r -> r.startsWith("decision domain"));
  }

  @Test
  void camelCaseAndSnakeCaseIdentifiersAreSplitIntoWords() {
    FixtureTree.in(dir)
        .file(
            "crm/model.java",
            """
            record Customer(String customerEmail, String HOME_ADDRESS, String creditScore,
                String loanApplicationId, String IBAN) {}
            """);

    RiskSuggestion risk = suggest("spring-ai", "crm/model.java");

    assertThat(risk.level()).isEqualTo(RiskLevel.HIGH);
    assertThat(risk.reasons())
        .containsExactly(
            "decision domain: creditworthiness (credit score, loan in crm/model.java)",
            "personal data indicators (address, email, iban in crm/model.java)",
            "generative AI (spring-ai)");
  }

  @Test
  void aMissingRootOrFileOrBinaryFileIsSkipped() {
    FixtureTree.in(dir).bytes("models/resume-ranker.onnx", new byte[] {0, 1, 2, 'c', 'v', 0});
    Finding modelFile =
        SeedFixtures.finding(
            "onnx-model-file",
            "onnx",
            Category.MODEL_FILE,
            target(),
            Location.file("models/resume-ranker.onnx", null),
            "resume-ranker.onnx",
            null);
    Finding gone = sdk("onnx", "gone.py");
    Asset asset =
        SeedFixtures.asset(
            "a-onnx",
            "onnx",
            "model-file",
            target(),
            List.of(modelFile, gone),
            AssetStatus.SHADOW,
            null);

    assertThat(RiskAdvisor.suggest(List.of(asset), List.of(modelFile, gone), dir).level())
        .isEqualTo(RiskLevel.MINIMAL);
    assertThat(RiskAdvisor.suggest(List.of(asset), List.of(modelFile, gone), null).level())
        .isEqualTo(RiskLevel.MINIMAL);
    assertThat(
            RiskAdvisor.suggest(
                    List.of(asset), List.of(modelFile), dir.resolve("no-such-directory"))
                .reasons())
        .containsExactly(
            "predictive ML (onnx)",
            "no third-party AI API, personal data or high-risk decision domain found");
  }

  @Test
  void filesAreReadUpToOneMegabyte() {
    String filler = "x = 1\n".repeat(RiskAdvisor.MAX_BYTES / 6 + 10);
    FixtureTree.in(dir)
        .bytes(
            "big/generated.py",
            (filler + "patient_diagnosis = load()\n").getBytes(StandardCharsets.UTF_8));

    RiskSuggestion risk = suggest("ollama", "big/generated.py");

    assertThat(risk.level()).isEqualTo(RiskLevel.MINIMAL);
  }

  @Test
  void filesOutsideTheRootAreNotRead() {
    FixtureTree.in(dir.getParent().resolve(dir.getFileName() + "-outside"))
        .file("secret.py", "patient diagnosis");
    RiskSuggestion risk = suggest("ollama", "../" + dir.getFileName() + "-outside/secret.py");
    assertThat(risk.level()).isEqualTo(RiskLevel.MINIMAL);
  }

  @Test
  void manyFilesAreSummarised() {
    for (int i = 1; i <= 5; i++) {
      FixtureTree.in(dir).file("hr/recruiting_" + i + ".py", "candidate = load()\n");
    }
    RiskSuggestion risk =
        suggest(
            "ollama",
            "hr/recruiting_1.py",
            "hr/recruiting_2.py",
            "hr/recruiting_3.py",
            "hr/recruiting_4.py",
            "hr/recruiting_5.py");
    assertThat(risk.reasons().get(0))
        .isEqualTo(
            "decision domain: hiring (candidate, recruiting in hr/recruiting_1.py;"
                + " candidate, recruiting in hr/recruiting_2.py;"
                + " candidate, recruiting in hr/recruiting_3.py; and 2 more files)");
  }
}
