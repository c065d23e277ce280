package org.bangfu.modeler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.bangfu.audit.AuditAction;
import org.bangfu.audit.AuditLog;
import org.bangfu.audit.AuditLog.AuditQuery;
import org.bangfu.modeler.Draft.Origin;
import org.bangfu.modeler.Draft.Status;
import org.bangfu.modeler.Finding.Source;
import org.bangfu.modeler.ModelDiff.Kind;
import org.bangfu.modeler.ModelEntry.Version;
import org.bangfu.testsupport.RunAs;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The process library as administrators use it: versions and where they came from, drafts, checks, differences,
 * four eyes, rollback, decision tables, and shipped files that never replace an administrator's change.
 */
@SpringBootTest
class ModelerTest {

    @Autowired
    Modeler modeler;

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog auditLog;

    @Autowired
    ShippedProcesses shipped;

    @Autowired
    UserDetailsService users;

    RunAs as;

    @BeforeEach
    void signIn() {
        as = new RunAs(users);
    }

    private ModelEntry entry(String key) {
        return as.call("admin", () -> modeler.entry(key));
    }

    private Draft edit(String key, java.util.function.UnaryOperator<String> change) {
        return as.call("admin", () -> {
            Draft draft = modeler.startDraft(modeler.entry(key).live().definitionId());
            return modeler.save(draft.id(), draft.rowVersion(), change.apply(draft.content()), null);
        });
    }

    /** Proposed by admin, approved by admin2: the new live version. */
    private Draft deploy(Draft draft, String reason) {
        Draft proposed;
        try {
            proposed = as.call("admin", () -> modeler.propose(draft.id(), draft.rowVersion(), reason));
        } catch (ModelChangeRefused e) {
            throw new AssertionError(e.key() + " " + e.findings(), e);
        }
        return as.call("admin2", () -> modeler.approve(proposed.id(), proposed.rowVersion()));
    }

    private static String shippedFile(String name) {
        try (InputStream in = ModelerTest.class.getResourceAsStream("/processes/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Nested
    class TheLibrary {

        @Test
        void listsEveryShippedProcessAndDecisionWithItsVersionsAndRunningCases() {
            List<ModelEntry> library = as.call("admin", modeler::library);
            assertThat(library).extracting(ModelEntry::key).contains("AssistancePairingProcess", "PublicNoticeProcess",
                    "FundReleaseProcess", "PeriodicReviewProcess", "HouseholdExitProcess", "TeamAssignmentDecision",
                    "ReviewFrequencyDecision", "FundApprovalDecision");
            ModelEntry pairing = library.stream().filter(e -> e.key().equals("AssistancePairingProcess")).findFirst()
                    .orElseThrow();
            assertThat(pairing.kind()).isEqualTo(ModelKind.BPMN);
            assertThat(pairing.name()).isEqualTo("帮扶结对流程");
            assertThat(pairing.resourceName()).isEqualTo("AssistancePairingProcess.bpmn");
            long running = engine.getRuntimeService().createProcessInstanceQuery()
                    .processDefinitionKey("AssistancePairingProcess").count();
            assertThat(pairing.versions().stream().mapToLong(Version::runningCases).sum()).isEqualTo(running);
            assertThat(pairing.versions()).last().satisfies(v -> {
                assertThat(v.source()).isEqualTo(ModelEntry.Source.SHIPPED);
                assertThat(v.authorName()).isNull();
                assertThat(v.deployedAt()).isNotNull();
            });
        }

        @Test
        void showsRunningCasesPerStep() {
            Version live = entry("AssistancePairingProcess").live();
            Map<String, Long> steps = as.call("admin", () -> modeler.runningPerStep(live.definitionId()));
            assertThat(steps.values().stream().mapToLong(Long::longValue).sum()).isGreaterThanOrEqualTo(live.runningCases());
        }

        @Test
        void isTheAdministratorsAlone() {
            for (String who : List.of("district", "leader", "security", "auditor", "team01")) {
                assertThatThrownBy(() -> as.call(who, modeler::library)).as(who).isInstanceOf(AccessDeniedException.class);
            }
        }
    }

    @Nested
    class FourEyes {

        @Test
        void aRenamedStepIsProposedApprovedByTheOtherAdministratorAndNewCasesFollowIt() {
            Version before = entry("PublicNoticeProcess").live();
            Draft draft = edit("PublicNoticeProcess", xml -> xml.replace("name=\"张贴公示\"", "name=\"张贴并拍照公示\""));

            ModelDiff diff = as.call("admin", () -> modeler.compareWithLive(draft.id(), draft.content()));
            assertThat(diff.changes()).singleElement().satisfies(c -> {
                assertThat(c.elementId()).isEqualTo("Task_PostNotice");
                assertThat(c.kind()).isEqualTo(Kind.CHANGED);
                assertThat(c.properties()).containsExactly(new ModelDiff.PropertyChange("name", "张贴公示", "张贴并拍照公示"));
            });

            assertThatThrownBy(() -> as.call("admin", () -> modeler.propose(draft.id(), draft.rowVersion(), " ")))
                    .isInstanceOf(ModelChangeRefused.class).hasMessage("modeler.refused.noReason");
            Draft proposed = as.call("admin", () -> modeler.propose(draft.id(), draft.rowVersion(), "公示要求留存照片"));
            assertThat(proposed.status()).isEqualTo(Status.PROPOSED);
            assertThat(entry("PublicNoticeProcess").live().version()).as("not deployed before approval")
                    .isEqualTo(before.version());

            assertThatThrownBy(() -> as.call("admin", () -> modeler.approve(proposed.id(), proposed.rowVersion())))
                    .isInstanceOf(ModelChangeRefused.class).hasMessage("modeler.refused.ownProposal");
            Draft deployed = as.call("admin2", () -> modeler.approve(proposed.id(), proposed.rowVersion()));
            assertThat(deployed.status()).isEqualTo(Status.DEPLOYED);

            Version live = entry("PublicNoticeProcess").live();
            assertThat(live.version()).isEqualTo(before.version() + 1);
            assertThat(live.source()).isEqualTo(ModelEntry.Source.EDITED);
            assertThat(live.authorName()).isEqualTo("系统管理员（演示）");
            assertThat(live.approverName()).isEqualTo("系统管理员二（演示）");
            assertThat(live.reason()).isEqualTo("公示要求留存照片");
            assertThat(engine.getRepositoryService().getBpmnModelInstance(live.definitionId())
                    .getModelElementById("Task_PostNotice").getAttributeValue("name")).isEqualTo("张贴并拍照公示");

            List<Modeler.DraftEvent> history = as.call("admin", () -> modeler.history(draft.id()));
            assertThat(history).extracting(Modeler.DraftEvent::action).containsExactly("PROPOSED", "DEPLOYED");
            assertThat(history).allSatisfy(e -> {
                assertThat(e.content()).contains("张贴并拍照公示");
                assertThat(e.differences()).contains("Task_PostNotice", "张贴公示", "张贴并拍照公示");
            });
            assertThat(history.get(1).actorName()).isEqualTo("系统管理员二（演示）");
            assertThat(as.call("auditor", () -> auditLog.count(new AuditQuery("admin", AuditAction.MODEL_PROPOSED))))
                    .isPositive();
            assertThat(as.call("auditor", () -> auditLog.count(new AuditQuery("admin2", AuditAction.MODEL_APPROVED))))
                    .isPositive();
        }

        @Test
        void aChangeMadeFromAVersionNoLongerLiveIsRefusedAndSoIsAStaleSave() {
            Draft first = edit("HouseholdExitProcess", xml -> xml.replaceFirst("name=\"([^\"]+)\"", "name=\"$1（一）\""));
            Draft second = edit("HouseholdExitProcess", xml -> xml.replaceFirst("name=\"([^\"]+)\"", "name=\"$1（二）\""));
            assertThatThrownBy(() -> as.call("admin", () -> modeler.save(second.id(), second.rowVersion() - 1,
                    second.content(), null))).isInstanceOf(StaleDraft.class);

            Draft proposed = as.call("admin", () -> modeler.propose(second.id(), second.rowVersion(), "第二处修改"));
            deploy(first, "第一处修改");
            assertThatThrownBy(() -> as.call("admin2", () -> modeler.approve(proposed.id(), proposed.rowVersion())))
                    .isInstanceOf(ModelChangeRefused.class).hasMessage("modeler.refused.liveChanged");
            assertThat(as.call("admin", () -> modeler.draft(second.id())).status()).isEqualTo(Status.PROPOSED);
            Draft third = edit("HouseholdExitProcess", xml -> xml.replaceFirst("name=\"([^\"]+)\"", "name=\"$1（三）\""));
            as.run("admin", () -> modeler.discard(third.id(), third.rowVersion()));
            assertThat(as.call("admin", () -> modeler.draft(third.id())).status()).isEqualTo(Status.DISCARDED);
        }

        @Test
        void aRejectedChangeIsNotDeployedAndNothingChangedIsNotProposed() {
            int before = entry("FundReleaseProcess").live().version();
            Draft same = edit("FundReleaseProcess", xml -> xml);
            assertThatThrownBy(() -> as.call("admin", () -> modeler.propose(same.id(), same.rowVersion(), "无")))
                    .isInstanceOf(ModelChangeRefused.class).hasMessage("modeler.refused.nothingChanged");

            Draft draft = edit("FundReleaseProcess", xml -> xml.replaceFirst("name=\"([^\"]+)\"", "name=\"$1（改）\""));
            Draft proposed = as.call("admin", () -> modeler.propose(draft.id(), draft.rowVersion(), "改名"));
            Draft rejected = as.call("admin2", () -> modeler.reject(proposed.id(), proposed.rowVersion(), "名称不规范"));
            assertThat(rejected.status()).isEqualTo(Status.REJECTED);
            assertThat(rejected.decidedByName()).isEqualTo("系统管理员二（演示）");
            assertThat(entry("FundReleaseProcess").live().version()).isEqualTo(before);
            assertThatThrownBy(() -> as.call("admin2", () -> modeler.approve(rejected.id(), rejected.rowVersion())))
                    .isInstanceOf(ModelChangeRefused.class).hasMessage("modeler.refused.status.REJECTED");
        }

        @Test
        void aRollbackDeploysAnEarlierVersionAsTheNewestThroughTheSameApproval() {
            Version original = entry("PeriodicReviewProcess").live();
            deploy(edit("PeriodicReviewProcess", xml -> xml.replaceFirst("name=\"([^\"]+)\"", "name=\"$1（试行）\"")),
                    "试行新名称");
            Draft rollback = as.call("admin", () -> modeler.startRollback(original.definitionId()));
            assertThat(rollback.origin()).isEqualTo(Origin.ROLLBACK);
            deploy(rollback, "恢复原版本");
            Version live = entry("PeriodicReviewProcess").live();
            assertThat(live.version()).isEqualTo(original.version() + 2);
            assertThat(live.source()).isEqualTo(ModelEntry.Source.ROLLBACK);
            assertThat(as.call("admin", () -> modeler.compareVersions(original.definitionId(), live.definitionId()))
                    .isEmpty()).isTrue();
        }
    }

    @Nested
    class Checks {

        @Test
        void everyShippedFilePassesEveryCheck() {
            for (ModelEntry entry : as.call("admin", modeler::library)) {
                if (!java.nio.file.Files.exists(java.nio.file.Path.of("processes", entry.resourceName()))) {
                    continue;
                }
                Draft draft = as.call("admin", () -> modeler.startDraft(entry.live().definitionId()));
                assertThat(as.call("admin", () -> modeler.check(draft.id(), shippedFile(entry.resourceName()))))
                        .as(entry.key()).isEmpty();
            }
        }

        @Test
        void aScriptTaskAnUnknownGroupAndAGeneratedIdAreRefusedOnTheirElements() {
            String live = entry("PublicNoticeProcess").live().definitionId();
            Draft draft = as.call("admin", () -> modeler.startDraft(live));
            String xml = draft.content()
                    .replace("camunda:candidateGroups=\"street-${streetId}\"", "camunda:candidateGroups=\"everyone\"")
                    .replaceFirst("(<bpmn:process [^>]*>)", "$1\n<bpmn:scriptTask id=\"Activity_0x7fk2s\" "
                            + "scriptFormat=\"groovy\"><bpmn:script>'touch /tmp/x'.execute()</bpmn:script></bpmn:scriptTask>");
            List<Finding> findings = as.call("admin", () -> modeler.check(draft.id(), xml));
            assertThat(findings).anySatisfy(f -> assertThat(f).extracting(Finding::elementId, Finding::source, Finding::key)
                    .containsExactly("Activity_0x7fk2s", Source.RULE, "modeler.rule.script"));
            assertThat(findings).anySatisfy(f -> assertThat(f).extracting(Finding::elementId, Finding::key)
                    .containsExactly("Activity_0x7fk2s", "modeler.rule.id"));
            assertThat(findings).anySatisfy(f -> assertThat(f).extracting(Finding::elementId, Finding::source)
                    .containsExactly("Activity_0x7fk2s", Source.GATE));
            assertThat(findings).anySatisfy(f -> assertThat(f).extracting(Finding::elementId, Finding::key, Finding::args)
                    .containsExactly("Task_PostNotice", "modeler.rule.unknownGroup",
                            List.of("everyone", String.join("、", ModelChecks.GROUPS))));

            Draft saved = as.call("admin", () -> modeler.save(draft.id(), draft.rowVersion(), xml, "试试脚本"));
            assertThatThrownBy(() -> as.call("admin", () -> modeler.propose(saved.id(), saved.rowVersion(), "试试脚本")))
                    .isInstanceOfSatisfying(ModelChangeRefused.class,
                            e -> assertThat(e.findings()).hasSameSizeAs(findings));
        }

        @Test
        void anotherProcessesIdAndBrokenXmlAreRefused() {
            String live = entry("PublicNoticeProcess").live().definitionId();
            Draft draft = as.call("admin", () -> modeler.startDraft(live));
            assertThat(as.call("admin", () -> modeler.check(draft.id(),
                    draft.content().replace("id=\"PublicNoticeProcess\"", "id=\"OtherProcess\""))))
                    .extracting(Finding::key).containsExactly("modeler.check.wrongKey");
            assertThat(as.call("admin", () -> modeler.check(draft.id(), "<definitions")))
                    .extracting(Finding::key).contains("modeler.check.unreadable");
            assertThat(as.call("admin", () -> modeler.check(draft.id(), "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>")))
                    .extracting(Finding::key).contains("modeler.check.unreadable", "engine.gate.doctype");
        }

        static Stream<String[]> fixtures() {
            try (InputStream in = ModelerTest.class.getResourceAsStream("/gate/fixtures.tsv")) {
                List<String[]> rows = new ArrayList<>();
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    // only models come through the editor: it names the resource itself (the draft's file)
                    if (!line.isBlank() && !line.startsWith("#") && line.split("\t")[0].matches(".*\\.(bpmn|dmn)")) {
                        rows.add(line.split("\t"));
                    }
                }
                return rows.stream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.bangfu.modeler.ModelerTest$Checks#fixtures")
        void theGateRefusesEveryMaliciousFixtureArrivingThroughTheEditor(String file, String element, String attribute,
                String reason, String run, String key) throws IOException {
            boolean decision = file.endsWith(".dmn");
            String target = decision ? "FundApprovalDecision" : "PublicNoticeProcess";
            String xml;
            try (InputStream in = ModelerTest.class.getResourceAsStream("/gate/" + file)) {
                xml = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\"" + key + "\"", "\"" + target + "\"")
                        .replace("@MARKER@", "target/modeler-marker-" + file).replace("@TABLE@", "bf_pwned_modeler");
            }
            String live = entry(target).live().definitionId();
            Draft draft = as.call("admin", () -> modeler.startDraft(live));
            Draft saved = as.call("admin", () -> modeler.save(draft.id(), draft.rowVersion(), xml, "fixture"));
            int before = entry(target).versions().size();
            assertThatThrownBy(() -> as.call("admin", () -> modeler.propose(saved.id(), saved.rowVersion(), "fixture")))
                    .isInstanceOfSatisfying(ModelChangeRefused.class, e -> assertThat(e.findings())
                            .anySatisfy(f -> {
                                assertThat(f.source()).isEqualTo(Source.GATE);
                                assertThat(f.key()).isEqualTo("engine.gate." + reason);
                                if (!element.equals("-")) {
                                    assertThat(f.elementId()).isEqualTo(element.equals(key) ? target : element);
                                }
                            }));
            assertThat(entry(target).versions()).hasSize(before);
            assertThat(as.call("admin", () -> modeler.draft(saved.id())).status()).isEqualTo(Status.DRAFT);
            assertThat(java.nio.file.Files.exists(java.nio.file.Path.of("target/modeler-marker-" + file))).isFalse();
        }

        @Test
        void theCaseloadLimitIsChangedInTheDecisionTableAndTheNextDecisionFollowsIt() {
            Map<String, Object> candidates = new LinkedHashMap<>(Map.of("villageTeamCaseload", 9,
                    "streetTeamCaseload", 3, "villageTeamId", 1L, "streetTeamId", 2L, "districtTeamId", 3L));
            assertThat(proposedTeam(candidates)).isEqualTo(1L);
            Draft draft = edit("TeamAssignmentDecision", xml -> xml.replace("&lt; 10", "&lt; 8"));
            ModelDiff diff = as.call("admin", () -> modeler.compareWithLive(draft.id(), draft.content()));
            assertThat(diff.changes()).singleElement().satisfies(c -> {
                assertThat(c.elementId()).isEqualTo("TeamAssignmentDecision");
                assertThat(c.properties()).extracting(ModelDiff.PropertyChange::after).containsOnly("< 8");
            });
            deploy(draft, "每组最多 8 户");
            assertThat(proposedTeam(candidates)).isEqualTo(2L);
        }

        private Object proposedTeam(Map<String, Object> variables) {
            return engine.getDecisionService().evaluateDecisionTableByKey("TeamAssignmentDecision",
                    Variables.fromMap(variables)).getSingleResult().getEntry("proposedTeamId");
        }
    }

    @Nested
    class ShippedAndEdited {

        /** Bangfu started again with these files in processes/. */
        private void restartWith(Map<String, byte[]> files) {
            ShippedProcesses release = new ShippedProcesses(jdbc, java.time.Clock.systemUTC()) {
                @Override
                Map<String, byte[]> files() {
                    return files;
                }
            };
            release.postProcessEngineBuild(engine);
        }

        @Test
        void aRestartNeverReplacesTheAdministratorsVersionAndAReleaseWaitsForThem() {
            String name = "ReviewFrequencyDecision.dmn";
            deploy(edit("ReviewFrequencyDecision", xml -> xml.replace("name=\"确定复核频次\"", "name=\"确定复核频次（管理员改）\"")),
                    "管理员的修改");
            Version edited = entry("ReviewFrequencyDecision").live();

            restartWith(Map.of(name, shippedFile(name).getBytes(StandardCharsets.UTF_8)));
            assertThat(entry("ReviewFrequencyDecision").live().definitionId()).isEqualTo(edited.definitionId());

            String released = shippedFile(name).replace("name=\"确定复核频次\"", "name=\"确定复核频次（新版软件）\"");
            restartWith(Map.of(name, released.getBytes(StandardCharsets.UTF_8)));
            ModelEntry waiting = entry("ReviewFrequencyDecision");
            assertThat(waiting.live().definitionId()).isEqualTo(edited.definitionId());
            assertThat(waiting.releaseWaitingSince()).isPresent();

            restartWith(Map.of(name, released.getBytes(StandardCharsets.UTF_8)));
            assertThat(entry("ReviewFrequencyDecision").live().definitionId()).isEqualTo(edited.definitionId());
        }

        @Test
        void aChangedShippedFileIsDeployedWhenTheLiveVersionWasShipped() {
            String name = "FundApprovalDecision.dmn";
            Version before = entry("FundApprovalDecision").live();
            assertThat(before.source()).isEqualTo(ModelEntry.Source.SHIPPED);
            restartWith(Map.of(name, shippedFile(name).replace("name=\"确定审批层级\"", "name=\"确定审批层级（新版软件）\"")
                    .getBytes(StandardCharsets.UTF_8)));
            Version live = entry("FundApprovalDecision").live();
            assertThat(live.version()).isEqualTo(before.version() + 1);
            assertThat(live.source()).isEqualTo(ModelEntry.Source.SHIPPED);
        }
    }
}
