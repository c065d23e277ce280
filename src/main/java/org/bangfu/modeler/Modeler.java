package org.bangfu.modeler;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bangfu.audit.AuditAction;
import org.bangfu.audit.AuditEntry.Outcome;
import org.bangfu.audit.AuditLog;
import org.bangfu.modeler.Draft.Origin;
import org.bangfu.modeler.Draft.Status;
import org.bangfu.modeler.ModelEntry.Source;
import org.bangfu.modeler.ModelEntry.Version;
import org.bangfu.organisation.UserAccount;
import org.bangfu.organisation.UserAccounts;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.Role;
import org.bangfu.shared.SignedInUser;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.management.ProcessDefinitionStatistics;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The process library (流程管理): every deployed process and decision with its versions and where each came from;
 * drafts of changes kept here until deployed; checks; differences; and the four-eyes path to deployment (one
 * administrator proposes, another approves, unless {@code bangfu.modeler.four-eyes} is off). Administrators only.
 * Deploying goes through the engine, so the deployment gate reads every file once more and audits it.
 */
@Service
public class Modeler {

    /** The engine's deployment source of what this library deploys. */
    static final String DEPLOYMENT_SOURCE = "bangfu-modeler";

    private final JdbcClient jdbc;
    private final RepositoryService repository;
    private final ManagementService management;
    private final ModelChecks checks;
    private final ShippedProcesses shipped;
    private final AuditLog auditLog;
    private final UserAccounts accounts;
    private final Clock clock;
    private final boolean fourEyes;

    Modeler(JdbcClient jdbc, RepositoryService repository, ManagementService management, ModelChecks checks,
            ShippedProcesses shipped, AuditLog auditLog, UserAccounts accounts, Clock clock,
            @Value("${bangfu.modeler.four-eyes:true}") boolean fourEyes) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.management = management;
        this.checks = checks;
        this.shipped = shipped;
        this.auditLog = auditLog;
        this.accounts = accounts;
        this.clock = clock;
        this.fourEyes = fourEyes;
    }

    /** Whether a change needs a second administrator's approval before it is deployed. */
    public boolean fourEyes() {
        return fourEyes;
    }

    /** The candidate groups and delegates a process may name, for the editor's own checks. */
    public List<String> knownGroups() {
        CurrentUser.requireRole(Role.ADMIN);
        return checks.groups();
    }

    public List<String> knownDelegates() {
        CurrentUser.requireRole(Role.ADMIN);
        return checks.delegates();
    }

    // ---- the library ----

    /** Every process, then every decision, by name. */
    @Transactional(readOnly = true)
    public List<ModelEntry> library() {
        CurrentUser.requireRole(Role.ADMIN);
        Map<String, Long> running = new HashMap<>();
        for (ProcessDefinitionStatistics s : management.createProcessDefinitionStatisticsQuery().list()) {
            running.put(s.getId(), (long) s.getInstances());
        }
        Map<String, Provenance> origins = provenance();
        // authors and approvers are administrators: their names in one query, not one per version
        Map<String, String> names = new HashMap<>();
        accounts.withRole(Role.ADMIN).forEach(a -> names.put(a.username(), a.displayName()));
        Map<String, Instant> deployedAt = new HashMap<>();
        for (Deployment d : repository.createDeploymentQuery().list()) {
            deployedAt.put(d.getId(), d.getDeploymentTime() == null ? null : d.getDeploymentTime().toInstant());
        }
        Map<String, List<Version>> versions = new LinkedHashMap<>();
        Map<String, String[]> about = new LinkedHashMap<>();
        for (ProcessDefinition d : repository.createProcessDefinitionQuery().orderByProcessDefinitionKey().asc()
                .orderByProcessDefinitionVersion().desc().list()) {
            about.putIfAbsent("BPMN:" + d.getKey(), new String[] { d.getName(), fileName(d.getResourceName()) });
            versions.computeIfAbsent("BPMN:" + d.getKey(), k -> new ArrayList<>()).add(version(d.getId(),
                    d.getVersion(), d.getName(), d.getDeploymentId(), running.getOrDefault(d.getId(), 0L), origins, deployedAt, names));
        }
        for (DecisionDefinition d : repository.createDecisionDefinitionQuery().orderByDecisionDefinitionKey().asc()
                .orderByDecisionDefinitionVersion().desc().list()) {
            about.putIfAbsent("DMN:" + d.getKey(), new String[] { d.getName(), fileName(d.getResourceName()) });
            versions.computeIfAbsent("DMN:" + d.getKey(), k -> new ArrayList<>()).add(version(d.getId(),
                    d.getVersion(), d.getName(), d.getDeploymentId(), 0L, origins, deployedAt, names));
        }
        Map<String, List<Draft>> open = new HashMap<>();
        for (Draft draft : jdbc.sql(SELECT_DRAFT + " where status in ('DRAFT', 'PROPOSED') order by id")
                .query(this::readDraft).list()) {
            open.computeIfAbsent(draft.definitionKey(), k -> new ArrayList<>()).add(draft);
        }
        Map<String, Instant> waiting = new HashMap<>();
        jdbc.sql("select resource_name, pending_since from bf_model_shipped where pending_hash is not null")
                .query((rs, n) -> waiting.put(rs.getString(1), instant(rs, 2))).list();
        List<ModelEntry> entries = new ArrayList<>();
        versions.forEach((kindKey, list) -> {
            ModelKind kind = ModelKind.valueOf(kindKey.substring(0, kindKey.indexOf(':')));
            String key = kindKey.substring(kindKey.indexOf(':') + 1);
            String[] nameAndResource = about.get(kindKey);
            entries.add(new ModelEntry(key, nameAndResource[0] == null ? key : nameAndResource[0], kind,
                    nameAndResource[1], List.copyOf(list), open.getOrDefault(key, List.of()),
                    Optional.ofNullable(waiting.get(nameAndResource[1]))));
        });
        entries.sort(Comparator.comparing(ModelEntry::kind).thenComparing(ModelEntry::name));
        return entries;
    }

    @Transactional(readOnly = true)
    public ModelEntry entry(String key) {
        return library().stream().filter(e -> e.key().equals(key)).findFirst()
                .orElseThrow(() -> new UnknownModel(key));
    }

    /** The XML of a deployed version, as the engine holds it. */
    @Transactional(readOnly = true)
    public String versionXml(String definitionId) {
        CurrentUser.requireRole(Role.ADMIN);
        return new String(resource(definitionId), StandardCharsets.UTF_8);
    }

    /** Running cases per step (activity id) of a process version. */
    @Transactional(readOnly = true)
    public Map<String, Long> runningPerStep(String definitionId) {
        CurrentUser.requireRole(Role.ADMIN);
        Map<String, Long> steps = new LinkedHashMap<>();
        for (ActivityStatistics s : management.createActivityStatisticsQuery(definitionId).list()) {
            steps.put(s.getId(), (long) s.getInstances());
        }
        return steps;
    }

    /** The differences between two deployed versions of one process or decision. */
    @Transactional(readOnly = true)
    public ModelDiff compareVersions(String olderId, String newerId) {
        return ModelDiffer.compare(versionXml(olderId), versionXml(newerId));
    }

    // ---- drafts ----

    /** A change that starts from a copy of this version (any version, the live one or an earlier one). */
    @Transactional
    public Draft startDraft(String definitionId) {
        return start(definitionId, Origin.EDIT);
    }

    /** A change that deploys this earlier version's XML as the newest version, through the same checks and approval. */
    @Transactional
    public Draft startRollback(String definitionId) {
        return start(definitionId, Origin.ROLLBACK);
    }

    @Transactional(readOnly = true)
    public Draft draft(long id) {
        CurrentUser.requireRole(Role.ADMIN);
        return jdbc.sql(SELECT_DRAFT + " where id = ?").param(id).query(this::readDraft).optional()
                .orElseThrow(() -> new UnknownModel(String.valueOf(id)));
    }

    /** Saves the XML (and why) of a draft not yet proposed; refused when someone saved it since it was read. */
    @Transactional
    public Draft save(long id, int rowVersion, String xml, String reason) {
        SignedInUser user = CurrentUser.requireRole(Role.ADMIN);
        Draft draft = draft(id);
        requireStatus(draft, Status.DRAFT);
        requireXml(xml);
        // whoever saves last is the draft's author: another administrator's draft changes hands
        int updated = jdbc.sql("""
                update bf_model_draft set content = ?, reason = ?, author = ?, updated_at = ?,
                       row_version = row_version + 1
                 where id = ? and row_version = ? and status = 'DRAFT'""")
                .params(xml, trimReason(reason), user.getUsername(), timestamp(now()), id, rowVersion).update();
        if (updated == 0) {
            throw new StaleDraft();
        }
        return draft(id);
    }

    /** What stands in the way of deploying this XML as the draft's next version; empty when nothing does. */
    @Transactional(readOnly = true)
    public List<Finding> check(long id, String xml) {
        Draft draft = draft(id);
        return checks.check(draft.resourceName(), draft.definitionKey(), xml);
    }

    /** This XML against the version live now. */
    @Transactional(readOnly = true)
    public ModelDiff compareWithLive(long id, String xml) {
        Draft draft = draft(id);
        return ModelDiffer.compare(liveXml(draft), xml);
    }

    /** Throws the draft away (its author or any administrator); its record stays. */
    @Transactional
    public void discard(long id, int rowVersion) {
        Draft draft = draft(id);
        requireStatus(draft, Status.DRAFT);
        decide(draft, rowVersion, Status.DISCARDED, null, null);
    }

    // ---- four eyes ----

    /**
     * Proposes the saved draft for deployment: it must pass every check and change something. With four eyes off,
     * it is deployed at once.
     */
    @Transactional(noRollbackFor = ModelChangeRefused.class)
    public Draft propose(long id, int rowVersion, String reason) {
        SignedInUser user = CurrentUser.requireRole(Role.ADMIN);
        Draft draft = draft(id);
        requireStatus(draft, Status.DRAFT);
        String why = trimReason(reason != null ? reason : draft.reason());
        if (why == null) {
            throw new ModelChangeRefused("modeler.refused.noReason");
        }
        ModelDiff diff = requireDeployable(draft);
        int updated = jdbc.sql("""
                update bf_model_draft set status = 'PROPOSED', reason = ?, proposed_at = ?, author = ?,
                       row_version = row_version + 1
                 where id = ? and row_version = ? and status = 'DRAFT'""")
                .params(why, timestamp(now()), user.getUsername(), id, rowVersion).update();
        if (updated == 0) {
            throw new StaleDraft();
        }
        event(draft, "PROPOSED", user, why, diff);
        audit(user, AuditAction.MODEL_PROPOSED, draft, why + "\n" + diff.describe());
        Draft proposed = draft(id);
        return fourEyes ? proposed : deploy(proposed, proposed.rowVersion(), user, diff);
    }

    /**
     * Approves a proposal and deploys it: by another administrator than its author (four eyes), only while the
     * version it was made from is still live, and only if it still passes every check.
     */
    @Transactional(noRollbackFor = ModelChangeRefused.class)
    public Draft approve(long id, int rowVersion) {
        SignedInUser user = CurrentUser.requireRole(Role.ADMIN);
        Draft draft = draft(id);
        requireStatus(draft, Status.PROPOSED);
        if (fourEyes && draft.author().equals(user.getUsername())) {
            throw new ModelChangeRefused("modeler.refused.ownProposal");
        }
        ModelDiff diff = requireDeployable(draft);
        return deploy(draft, rowVersion, user, diff);
    }

    /** Rejects a proposal, saying why; it is not deployed. Its author may also take it back ({@link #withdraw}). */
    @Transactional
    public Draft reject(long id, int rowVersion, String note) {
        SignedInUser user = CurrentUser.requireRole(Role.ADMIN);
        Draft draft = draft(id);
        requireStatus(draft, Status.PROPOSED);
        String why = trimReason(note);
        if (why == null) {
            throw new ModelChangeRefused("modeler.refused.noRejectReason");
        }
        ModelDiff diff = ModelDiffer.compare(liveXml(draft), draft.content());
        decide(draft, rowVersion, Status.REJECTED, user, why);
        event(draft, "REJECTED", user, why, diff);
        audit(user, AuditAction.MODEL_REJECTED, draft, why + "\n" + diff.describe());
        return draft(id);
    }

    /** The author takes a proposal back to change it further. */
    @Transactional
    public Draft withdraw(long id, int rowVersion) {
        SignedInUser user = CurrentUser.requireRole(Role.ADMIN);
        Draft draft = draft(id);
        requireStatus(draft, Status.PROPOSED);
        int updated = jdbc.sql("""
                update bf_model_draft set status = 'DRAFT', proposed_at = null, row_version = row_version + 1
                 where id = ? and row_version = ? and status = 'PROPOSED'""").params(id, rowVersion).update();
        if (updated == 0) {
            throw new StaleDraft();
        }
        ModelDiff diff = ModelDiffer.compare(liveXml(draft), draft.content());
        event(draft, "WITHDRAWN", user, null, diff);
        audit(user, AuditAction.MODEL_WITHDRAWN, draft, diff.describe());
        return draft(id);
    }

    /** What happened to a draft, oldest first, each with the XML and differences of the moment. */
    @Transactional(readOnly = true)
    public List<DraftEvent> history(long id) {
        CurrentUser.requireRole(Role.ADMIN);
        return jdbc.sql("""
                select action, actor, occurred_at, note, content, differences from bf_model_event
                 where draft_id = ? order by id""").param(id)
                .query((rs, n) -> new DraftEvent(rs.getString(1), nameOf(rs.getString(2)), instant(rs, 3),
                        rs.getString(4), rs.getString(5), rs.getString(6)))
                .list();
    }

    /** One step of a draft's way: PROPOSED, WITHDRAWN, REJECTED or DEPLOYED, by whom (their name), when. */
    public record DraftEvent(String action, String actorName, Instant at, String note, String content,
            String differences) {
    }

    // ---- inside ----

    private Draft start(String definitionId, Origin origin) {
        String xml = versionXml(definitionId);
        SignedInUser user = CurrentUser.requireRole(Role.ADMIN);
        Deployed source = deployed(definitionId);
        Deployed live = latest(source.kind(), source.key());
        Instant now = now();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into bf_model_draft (definition_key, kind, resource_name, based_on_id, based_on_version, origin,
                       content, status, author, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?)""")
                .params(source.key(), source.kind().name(), fileName(source.resourceName()), live.id(), live.version(),
                        origin.name(), xml, user.getUsername(), timestamp(now), timestamp(now))
                .update(keys, "id");
        return draft(keys.getKey().longValue());
    }

    /**
     * Takes over the file a new release of Bangfu ships while an administrator's version is live: a change like any
     * other, checked, compared with the live version and approved before it is deployed.
     */
    @Transactional
    public Draft startFromRelease(String resourceName) {
        SignedInUser user = CurrentUser.requireRole(Role.ADMIN);
        String xml = shipped.waiting(resourceName).orElseThrow(() -> new UnknownModel(resourceName));
        ModelKind kind = ModelKind.of(resourceName);
        Deployed live = liveOfResource(kind, resourceName);
        Instant now = now();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into bf_model_draft (definition_key, kind, resource_name, based_on_id, based_on_version, origin,
                       content, status, author, created_at, updated_at)
                values (?, ?, ?, ?, ?, 'RELEASE', ?, 'DRAFT', ?, ?, ?)""")
                .params(live.key(), kind.name(), resourceName, live.id(), live.version(), xml, user.getUsername(),
                        timestamp(now), timestamp(now))
                .update(keys, "id");
        return draft(keys.getKey().longValue());
    }

    /** Keeps the administrators' live version over the file a new release ships; the file is not deployed. */
    @Transactional
    public void keepLiveOverRelease(String resourceName) {
        SignedInUser user = CurrentUser.requireRole(Role.ADMIN);
        String xml = shipped.waiting(resourceName).orElseThrow(() -> new UnknownModel(resourceName));
        Deployed live = liveOfResource(ModelKind.of(resourceName), resourceName);
        shipped.settle(resourceName);
        auditLog.recordWithChange(user.getUsername(), AuditAction.MODEL_RELEASE_KEPT, resourceName, Outcome.SUCCESS,
                "v" + live.version() + "\n" + ModelDiffer.compare(versionXml(live.id()), xml).describe());
    }

    private ModelDiff requireDeployable(Draft draft) {
        Deployed live = latest(draft.kind(), draft.definitionKey());
        if (!live.id().equals(draft.basedOnId())) {
            throw new ModelChangeRefused("modeler.refused.liveChanged", live.version(), draft.basedOnVersion());
        }
        List<Finding> findings = checks.check(draft.resourceName(), draft.definitionKey(), draft.content());
        if (!findings.isEmpty()) {
            throw new ModelChangeRefused("modeler.refused.findings", findings, findings.size());
        }
        ModelDiff diff = ModelDiffer.compare(liveXml(draft), draft.content());
        if (diff.isEmpty()) {
            throw new ModelChangeRefused("modeler.refused.nothingChanged");
        }
        return diff;
    }

    private Draft deploy(Draft draft, int rowVersion, SignedInUser approver, ModelDiff diff) {
        decide(draft, rowVersion, Status.DEPLOYED, approver, null);
        Deployment deployment = repository.createDeployment().name(draft.definitionKey()).source(DEPLOYMENT_SOURCE)
                .addInputStream(draft.resourceName(),
                        new ByteArrayInputStream(draft.content().getBytes(StandardCharsets.UTF_8)))
                .deploy();
        Instant now = now();
        jdbc.sql("update bf_model_draft set deployment_id = ? where id = ?").params(deployment.getId(), draft.id())
                .update();
        jdbc.sql("""
                insert into bf_model_origin (deployment_id, source, resource_name, draft_id, author, approver, reason,
                       deployed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(deployment.getId(), source(draft.origin()).name(), draft.resourceName(), draft.id(),
                        draft.author(), approver.getUsername(), draft.reason(), timestamp(now))
                .update();
        if (draft.origin() == Origin.RELEASE) {
            shipped.settle(draft.resourceName());
        }
        event(draft, "DEPLOYED", approver, deployment.getId(), diff);
        audit(approver, AuditAction.MODEL_APPROVED, draft, deployment.getId() + "\n" + diff.describe());
        return draft(draft.id());
    }

    private void decide(Draft draft, int rowVersion, Status status, SignedInUser by, String note) {
        int updated = jdbc.sql("""
                update bf_model_draft set status = ?, decided_by = ?, decided_at = ?, decision_note = ?,
                       row_version = row_version + 1
                 where id = ? and row_version = ? and status = ?""")
                .params(status.name(), by == null ? null : by.getUsername(), timestamp(now()), note, draft.id(),
                        rowVersion, draft.status().name())
                .update();
        if (updated == 0) {
            throw new StaleDraft();
        }
    }

    private static Source source(Origin origin) {
        return switch (origin) {
            case EDIT -> Source.EDITED;
            case ROLLBACK -> Source.ROLLBACK;
            case RELEASE -> Source.RELEASE;
        };
    }

    private void event(Draft draft, String action, SignedInUser actor, String note, ModelDiff diff) {
        jdbc.sql("""
                insert into bf_model_event (draft_id, action, actor, occurred_at, note, content, differences)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(draft.id(), action, actor.getUsername(), timestamp(now()), note, draft.content(),
                        diff.describe())
                .update();
    }

    private void audit(SignedInUser user, AuditAction action, Draft draft, String detail) {
        auditLog.recordWithChange(user.getUsername(), action,
                draft.definitionKey() + " #" + draft.id(), Outcome.SUCCESS, detail);
    }

    private static void requireStatus(Draft draft, Status status) {
        if (draft.status() != status) {
            throw new ModelChangeRefused("modeler.refused.status." + draft.status().name());
        }
    }

    private static void requireXml(String xml) {
        if (xml == null || xml.isBlank()) {
            throw new ModelChangeRefused("modeler.refused.empty");
        }
        if (xml.length() > 2_000_000) {
            throw new ModelChangeRefused("modeler.refused.tooLarge");
        }
    }

    /** Deployments made before this library named their files by path; the library deploys them by their name. */
    private static String fileName(String resourceName) {
        return resourceName.substring(Math.max(resourceName.lastIndexOf('/'), resourceName.lastIndexOf('\\')) + 1);
    }

    private static String trimReason(String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        String trimmed = reason.strip();
        return trimmed.length() > 1000 ? trimmed.substring(0, 1000) : trimmed;
    }

    private String liveXml(Draft draft) {
        return versionXml(latest(draft.kind(), draft.definitionKey()).id());
    }

    /** A deployed version: its engine id, key, number, file. */
    record Deployed(String id, String key, int version, ModelKind kind, String deploymentId, String resourceName) {
    }

    Deployed deployed(String definitionId) {
        ProcessDefinition p = repository.createProcessDefinitionQuery().processDefinitionId(definitionId).singleResult();
        if (p != null) {
            return new Deployed(p.getId(), p.getKey(), p.getVersion(), ModelKind.BPMN, p.getDeploymentId(),
                    p.getResourceName());
        }
        DecisionDefinition d = repository.createDecisionDefinitionQuery().decisionDefinitionId(definitionId)
                .singleResult();
        if (d != null) {
            return new Deployed(d.getId(), d.getKey(), d.getVersion(), ModelKind.DMN, d.getDeploymentId(),
                    d.getResourceName());
        }
        throw new UnknownModel(definitionId);
    }

    Deployed latest(ModelKind kind, String key) {
        if (kind == ModelKind.BPMN) {
            ProcessDefinition p = repository.createProcessDefinitionQuery().processDefinitionKey(key)
                    .latestVersion().singleResult();
            if (p == null) {
                throw new UnknownModel(key);
            }
            return deployed(p.getId());
        }
        DecisionDefinition d = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion()
                .singleResult();
        if (d == null) {
            throw new UnknownModel(key);
        }
        return deployed(d.getId());
    }

    /** The live version of what a resource defines (its first process or decision). */
    Deployed liveOfResource(ModelKind kind, String resourceName) {
        if (kind == ModelKind.BPMN) {
            return repository.createProcessDefinitionQuery().latestVersion().list().stream()
                    .filter(p -> fileName(p.getResourceName()).equals(resourceName)).findFirst()
                    .map(p -> deployed(p.getId())).orElseThrow(() -> new UnknownModel(resourceName));
        }
        return repository.createDecisionDefinitionQuery().latestVersion().list().stream()
                .filter(d -> fileName(d.getResourceName()).equals(resourceName)).findFirst()
                .map(d -> deployed(d.getId())).orElseThrow(() -> new UnknownModel(resourceName));
    }

    private byte[] resource(String definitionId) {
        Deployed d = deployed(definitionId);
        try (InputStream in = repository.getResourceAsStream(d.deploymentId(), d.resourceName())) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Who made a deployment and why, when this library or the shipped files made it. */
    private record Provenance(String source, String author, String approver, String reason, Long draftId) {
    }

    private Map<String, Provenance> provenance() {
        Map<String, Provenance> origins = new HashMap<>();
        jdbc.sql("select deployment_id, source, author, approver, reason, draft_id from bf_model_origin")
                .query((rs, n) -> origins.put(rs.getString(1), new Provenance(rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getObject(6, Long.class))))
                .list();
        return origins;
    }

    private Version version(String id, int number, String name, String deploymentId, long running,
            Map<String, Provenance> origins, Map<String, Instant> deployedAt, Map<String, String> names) {
        Provenance origin = origins.get(deploymentId);
        Instant at = deployedAt.get(deploymentId);
        if (origin == null) {
            return new Version(id, number, name, deploymentId, at, Source.SHIPPED, null, null, null, running, null);
        }
        return new Version(id, number, name, deploymentId, at, Source.valueOf(origin.source()),
                origin.author() == null ? null : names.computeIfAbsent(origin.author(), this::nameOf),
                origin.approver() == null ? null : names.computeIfAbsent(origin.approver(), this::nameOf),
                origin.reason(), running,
                origin.draftId());
    }

    private String nameOf(String username) {
        return accounts.find(username).map(UserAccount::displayName).orElse(username);
    }

    private Draft readDraft(ResultSet rs, int row) throws SQLException {
        String author = rs.getString("author");
        String decidedBy = rs.getString("decided_by");
        return new Draft(rs.getLong("id"), rs.getString("definition_key"), ModelKind.valueOf(rs.getString("kind")),
                rs.getString("resource_name"), rs.getString("based_on_id"), rs.getObject("based_on_version", Integer.class),
                Origin.valueOf(rs.getString("origin")), rs.getString("content"), rs.getString("reason"),
                Status.valueOf(rs.getString("status")), author, nameOf(author), instant(rs, "created_at"),
                instant(rs, "updated_at"), instant(rs, "proposed_at"), decidedBy,
                decidedBy == null ? null : nameOf(decidedBy), instant(rs, "decided_at"),
                rs.getString("decision_note"), rs.getString("deployment_id"), rs.getInt("row_version"));
    }

    private static final String SELECT_DRAFT = """
            select id, definition_key, kind, resource_name, based_on_id, based_on_version, origin, content, reason,
                   status, author, created_at, updated_at, proposed_at, decided_by, decided_at, decision_note,
                   deployment_id, row_version
              from bf_model_draft""";

    private Instant now() {
        return clock.instant();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
